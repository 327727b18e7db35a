"""`ringkvall plan export|review|import|list`: the district's review of local plans.

The association exports a campaign's plan; the district reads plans into its database, sets
their status and comment and writes answers; the association reads the answer back in.
"""

from __future__ import annotations

import argparse
import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

from app.cli.context import CliContext
from app.errors import QT_TRANSLATE_NOOP, UserError
from app.services.organising.plans import (
    DistrictPlanInfo,
    district_plans,
    export_plan,
    import_verdict,
    receive_plans,
    review_plan,
    verdict_file_name,
    write_verdicts,
)

_STATUS = {"received": "received", "approved": "approved", "needs-changes": "needs_changes"}


def register(sub: argparse._SubParsersAction[Any]) -> None:
    parser = sub.add_parser("plan", help="local plans: export, the district's review, answers")
    actions = parser.add_subparsers(dest="plan_action", required=True, metavar="ACTION")

    export = actions.add_parser("export", help="write a campaign's local plan for the district")
    export.add_argument("--campaign", required=True, metavar="NAME")
    export.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.xlsx")
    export.add_argument("--force", action="store_true", help="replace an existing file")
    export.set_defaults(handler=_export)

    review = actions.add_parser(
        "review", help="district: read plans, set their status and comment, write answers")
    review.add_argument("files", nargs="+", type=Path, metavar="FILE")
    review.add_argument("--status", choices=sorted(_STATUS), help="the verdict on these plans")
    review.add_argument("--comment", metavar="TEXT", help="the district's comment")
    review.add_argument("--deadline", metavar="YYYY-MM-DD", help="when the plan is due")
    review.add_argument("--out-dir", type=Path, metavar="FOLDER",
                        help="where to write the answers (default: beside each plan)")
    review.add_argument("--force", action="store_true", help="replace existing answer files")
    review.add_argument("--json", action="store_true", help="print JSON")
    review.set_defaults(handler=_review)

    overview = actions.add_parser("list", help="district: every plan, nearest deadline first")
    overview.add_argument("--json", action="store_true", help="print JSON")
    overview.set_defaults(handler=_list)

    answer = actions.add_parser("import", help="read the district's answer into the campaign")
    answer.add_argument("file", type=Path, metavar="FILE")
    answer.set_defaults(handler=_import)


def _export(ctx: CliContext) -> int:
    done = export_plan(ctx.db(), ctx.args.campaign, ctx.args.output, force=ctx.args.force)
    print(f"wrote {done.path} ({done.groups} target groups, {done.evenings} evenings)",
          file=ctx.out)
    return 0


def _deadline(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(QT_TRANSLATE_NOOP("app", "'{text}' is not a date (YYYY-MM-DD)"),
                        text=text) from None


def _review(ctx: CliContext) -> int:
    args = ctx.args
    db = ctx.db()
    deadline = _deadline(args.deadline)
    plans = receive_plans(db, args.files)
    status = _STATUS[args.status] if args.status else None
    answered = status is not None or args.comment is not None
    if answered or deadline is not None:
        plans = [review_plan(db, p.id, status=status, comment=args.comment, deadline=deadline)
                 for p in plans]
    written: list[Path] = []
    if answered:
        targets = {p.id: (args.out_dir or Path(f).parent) / verdict_file_name(p)
                   for p, f in zip(plans, args.files, strict=True)}
        written = write_verdicts(db, targets, force=args.force)
    if args.json:
        json.dump({"plans": [_as_dict(p) for p in plans],
                   "answers": [str(p) for p in written]},
                  ctx.out, ensure_ascii=False, indent=2)
        print(file=ctx.out)
        return 0
    _print_plans(plans, ctx)
    for path in written:
        print(f"wrote {path}", file=ctx.out)
    return 0


def _list(ctx: CliContext) -> int:
    plans = district_plans(ctx.db())
    if ctx.args.json:
        json.dump({"plans": [_as_dict(p) for p in plans]}, ctx.out, ensure_ascii=False,
                  indent=2)
        print(file=ctx.out)
    else:
        _print_plans(plans, ctx)
    return 0


def _import(ctx: CliContext) -> int:
    info = import_verdict(ctx.db(), ctx.args.file)
    reviewed = info.reviewed_at.isoformat(timespec="minutes") if info.reviewed_at else "-"
    status = (info.status or "").replace("_", "-")
    print(f"the district's answer: {status}, reviewed {reviewed}", file=ctx.out)
    if info.comment:
        print(f"comment: {info.comment}", file=ctx.out)
    return 0


def _print_plans(plans: list[DistrictPlanInfo], ctx: CliContext) -> None:
    for p in plans:
        deadline = p.deadline.isoformat() if p.deadline else "-"
        print(f"{p.id:>4}  {deadline:<10}  {p.status.replace('_', '-'):<13}  "
              f"{p.association} / {p.campaign}"
              + (f"  ({p.comment})" if p.comment else ""), file=ctx.out)


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _as_dict(p: DistrictPlanInfo) -> dict[str, object]:
    return {
        "id": p.id, "plan_uuid": p.plan_uuid, "association": p.association,
        "campaign": p.campaign, "deadline": _iso(p.deadline),
        "status": p.status.replace("_", "-"), "comment": p.comment, "file": p.file_name,
        "exported_at": _iso(p.exported_at), "received_at": _iso(p.received_at),
        "reviewed_at": _iso(p.reviewed_at),
        "groups": [{"name": g.name, "size": g.size} for g in p.content.groups],
        "evenings": len(p.content.evenings),
    }
