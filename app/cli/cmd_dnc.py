"""`ringkvall dnc`: the do-not-call list (add numbers, import a file, list)."""

from __future__ import annotations

import argparse
import json
from typing import Any

from app.cli.context import CliContext
from app.settings import PHONE_REGION, Settings


def register(sub: argparse._SubParsersAction[Any]) -> None:
    parser = sub.add_parser("dnc", help="the do-not-call list")
    actions = parser.add_subparsers(dest="dnc_action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="add numbers to the list")
    add.add_argument("numbers", nargs="+", metavar="NUMBER")
    add.add_argument("--reason", default="", help="why (kept with the numbers)")
    add.set_defaults(handler=run_add)
    imp = actions.add_parser("import", help="add every number of a CSV/XLSX file or text list")
    imp.add_argument("file")
    imp.add_argument("--sheet", help="the workbook sheet (default: the first)")
    imp.add_argument("--reason", default="", help="why (kept with the numbers)")
    imp.set_defaults(handler=run_import)
    lst = actions.add_parser("list", help="show the list")
    lst.add_argument("--json", action="store_true", help="print one JSON object")
    lst.set_defaults(handler=run_list)
    for p in (add, imp):
        p.add_argument("--region", help="default phone region (default: the setting, SE)")
        p.add_argument("--json", action="store_true", help="print one JSON object")


def _region(ctx: CliContext) -> str:
    from app.services.importing.numbers import check_region

    return check_region(str(ctx.args.region or Settings().get(PHONE_REGION)))


def _added(ctx: CliContext, numbers: list[str], source: str) -> int:
    from app.services import dnc

    with ctx.db().transaction() as session:
        added = dnc.add_numbers(session, numbers, reason=ctx.args.reason, source=source)
    if ctx.args.json:
        print(json.dumps({"numbers": len(set(numbers)), "added": added}), file=ctx.out)
    else:
        print(f"{added} number(s) added to the do-not-call list "
              f"({len(set(numbers)) - added} already there)", file=ctx.out)
    return 0


def run_add(ctx: CliContext) -> int:
    from app.services.dnc import normalise_for_dnc

    region = _region(ctx)
    # Every number is checked before any is written.
    numbers = [normalise_for_dnc(raw, region) for raw in ctx.args.numbers]
    return _added(ctx, numbers, "cli")


def run_import(ctx: CliContext) -> int:
    from app.services.importing.dnc_file import read_dnc_numbers

    numbers = read_dnc_numbers(ctx.args.file, _region(ctx), ctx.args.sheet)
    return _added(ctx, numbers, "file")


def run_list(ctx: CliContext) -> int:
    from app.domain.phone import format_national
    from app.services.dnc import list_entries

    with ctx.db().session() as session:
        entries = list_entries(session)
    if ctx.args.json:
        print(json.dumps({"count": len(entries), "numbers": [
            {"e164": e.e164, "reason": e.reason, "source": e.source,
             "added_at": e.added_at.isoformat()} for e in entries]}, ensure_ascii=False),
            file=ctx.out)
        return 0
    for e in entries:
        print(f"{e.e164}\t{format_national(e.e164)}\t{e.added_at:%Y-%m-%d}\t{e.reason}",
              file=ctx.out)
    print(f"{len(entries)} number(s)", file=ctx.out)
    return 0
