"""`ringkvall pack`: calling packs for laptops without a server (create, list, revoke on the
organiser's computer; open and return on a volunteer's laptop; merge the results back;
the laptop's own copies in cmd_pack_laptop.py)."""

from __future__ import annotations

import argparse
import json
import os
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from app.cli import cmd_pack_laptop
from app.cli.context import CliContext
from app.cli.parser import positive_int
from app.errors import QT_TRANSLATE_NOOP, UserError

CODE_ENV = "RINGKVALL_PACK_CODE"


def register(sub: argparse._SubParsersAction[Any]) -> None:
    parser = sub.add_parser("pack", help="calling packs for laptops without a server")
    actions = parser.add_subparsers(dest="pack_action", metavar="ACTION", required=True)
    create = actions.add_parser("create", help="hand people to a volunteer as a pack file")
    create.add_argument("--campaign", required=True, metavar="NAME")
    create.add_argument("--group", metavar="NAME", help="only this target group")
    create.add_argument("--volunteer", required=True, metavar="NAME")
    create.add_argument("--size", required=True, type=positive_int, metavar="N",
                        help="how many people (those never called, in queue order)")
    create.add_argument("--expires", type=_day, metavar="YYYY-MM-DD",
                        help="the last day the pack is for (calls after it are flagged)")
    create.add_argument("-o", "--output", required=True, type=Path, metavar="FILE")
    create.add_argument("--code", help="the pack code (default: five words made for you)")
    create.add_argument("--json", action="store_true", help="print one JSON object")
    create.set_defaults(handler=run_create)
    lst = actions.add_parser("list", help="the campaign's packs: who holds what")
    lst.add_argument("--campaign", required=True, metavar="NAME")
    lst.add_argument("--json", action="store_true", help="print one JSON object")
    lst.set_defaults(handler=run_list)
    revoke = actions.add_parser("revoke", help="take a pack back: its uncalled people return "
                                               "to the queue")
    revoke.add_argument("pack_id", metavar="ID")
    revoke.set_defaults(handler=run_revoke)
    opener = actions.add_parser("open", help="open a pack on a volunteer's laptop")
    opener.add_argument("file", type=Path, metavar="FILE")
    opener.add_argument("--code", help=f"the pack code (default: ${CODE_ENV})")
    opener.add_argument("--volunteer", metavar="NAME", help="who calls (default: the pack's)")
    opener.add_argument("--no-window", action="store_true",
                        help="only unpack it and print where it is")
    opener.set_defaults(handler=run_open)
    ret = actions.add_parser("return", help="write a pack's calls so far as a results file")
    ret.add_argument("file", type=Path, metavar="FILE", help="the pack file")
    ret.add_argument("-o", "--output", required=True, type=Path, metavar="RESULTS.ringkvall")
    ret.add_argument("--code", help=f"the pack code (default: ${CODE_ENV})")
    ret.set_defaults(handler=run_return)
    merge = actions.add_parser("merge", help="merge volunteers' results files")
    merge.add_argument("files", nargs="+", type=Path, metavar="FILE")
    merge.add_argument("--code", help=f"the pack code (default: ${CODE_ENV})")
    merge.add_argument("--json", action="store_true", help="print one JSON object")
    merge.set_defaults(handler=run_merge)
    cmd_pack_laptop.register(actions)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (YYYY-MM-DD)") from None


def _code(ctx: CliContext) -> str:
    code = ctx.args.code or os.environ.get(CODE_ENV, "")
    if not code.strip():
        raise UserError(QT_TRANSLATE_NOOP(
            "app", "Give the pack code with --code or ${env}"), env=CODE_ENV)
    return str(code)


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def run_create(ctx: CliContext) -> int:
    from app.services.packs.create import create_pack

    expires = None
    if ctx.args.expires is not None:
        # The end of that day where the organiser is.
        expires = datetime.combine(ctx.args.expires + timedelta(days=1), time()).astimezone()
    made = create_pack(ctx.db(), campaign=ctx.args.campaign, group=ctx.args.group,
                       volunteer=ctx.args.volunteer, size=ctx.args.size, out=ctx.args.output,
                       expires_at=expires, code=ctx.args.code)
    if ctx.args.json:
        print(json.dumps({"pack_id": made.pack_id, "people": made.people,
                          "file": str(made.path), "code": made.code}, ensure_ascii=False),
              file=ctx.out)
        return 0
    print(f"Pack {made.pack_id}: {made.people} people, written to {made.path}", file=ctx.out)
    if made.code_made:
        print(f"Code: {made.code}", file=ctx.out)
    return 0


def run_list(ctx: CliContext) -> int:
    from app.services.packs.manage import list_packs

    packs = list_packs(ctx.db(), ctx.args.campaign)
    if ctx.args.json:
        print(json.dumps({"packs": [{
            "pack_id": p.pack_id, "volunteer": p.volunteer, "group": p.group,
            "state": p.state, "people": p.people, "called": p.called, "calls": p.calls,
            "created_at": _iso(p.created_at), "expires_at": _iso(p.expires_at),
            "revoked_at": _iso(p.revoked_at), "returned_at": _iso(p.returned_at)}
            for p in packs]}, ensure_ascii=False), file=ctx.out)
        return 0
    for p in packs:
        returned = f"{p.returned_at:%Y-%m-%d %H:%M}" if p.returned_at else "-"
        print(f"{p.pack_id}\t{p.volunteer}\t{p.state}\t{p.called}/{p.people} called\t"
              f"returned {returned}", file=ctx.out)
    print(f"{len(packs)} pack(s)", file=ctx.out)
    return 0


def run_revoke(ctx: CliContext) -> int:
    from app.services.packs.manage import revoke_pack

    back = revoke_pack(ctx.db(), ctx.args.pack_id)
    print(f"Pack {ctx.args.pack_id} revoked; {back} people back in the queue", file=ctx.out)
    return 0


def run_open(ctx: CliContext) -> int:
    from app.services.packs.laptop import open_pack

    given = ctx.args.code or os.environ.get(CODE_ENV, "")
    if not given.strip() and ctx.gui_runner is not None and not ctx.args.no_window:
        # The window asks for the code (and opens the pack on the calling screen).
        ctx.close()
        ctx.args.pack_file = str(ctx.args.file)
        ctx.args.gui_screen = "open_pack"
        return ctx.gui_runner(ctx.args)
    opened = open_pack(ctx.args.file, _code(ctx), ctx.args.volunteer)
    print(f"Pack {opened.pack_id} for {opened.volunteer}: {opened.people} people, "
          f"{opened.calls} calls so far, in {opened.path}", file=ctx.out)
    if ctx.gui_runner is None or ctx.args.no_window:
        return 0
    ctx.close()
    # The window on the laptop's own copy, straight on the calling screen.
    ctx.args.db = str(opened.path)
    ctx.args.campaign = opened.campaign
    ctx.args.group = None
    ctx.args.volunteer = opened.volunteer
    ctx.args.gui_screen = "call"
    return ctx.gui_runner(ctx.args)


def run_return(ctx: CliContext) -> int:
    from app.services.packs.laptop import return_pack

    returned = return_pack(ctx.args.file, _code(ctx), ctx.args.output)
    print(f"{returned.calls} calls written to {returned.path}", file=ctx.out)
    return 0


def run_merge(ctx: CliContext) -> int:
    from app.services.packs.merge import merge_results

    code = _code(ctx)
    reports = [merge_results(ctx.db(), file, code) for file in ctx.args.files]
    if ctx.args.json:
        print(json.dumps({"merged": [{"pack_id": r.pack_id, "volunteer": r.volunteer,
                                      "repeated": r.repeated, "flag": r.flag, **r.counts()}
                                     for r in reports]}, ensure_ascii=False), file=ctx.out)
        return 0
    for file, r in zip(ctx.args.files, reports, strict=True):
        if r.repeated:
            print(f"{file}: merged before; nothing changed", file=ctx.out)
            continue
        flagged = f", {r.flagged} flagged for review ({r.flag})" if r.flagged else ""
        print(f"{file}: {r.calls} calls, {r.new_members} new members, {r.follow_ups} "
              f"follow-ups, {r.do_not_calls} do-not-calls{flagged}", file=ctx.out)
    return 0
