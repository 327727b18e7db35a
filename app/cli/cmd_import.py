"""`ringkvall import`: import a purchased phone list into a campaign's target group."""

from __future__ import annotations

import argparse
import contextlib
import json
import signal
import threading
from collections.abc import Iterator
from types import FrameType
from typing import Any

from app.cli.context import CliContext
from app.errors import Cancelled, UserError
from app.settings import PHONE_REGION, Settings


def register(sub: argparse._SubParsersAction[Any]) -> None:
    parser = sub.add_parser(
        "import", help="import a phone list (CSV or XLSX) into a target group",
        description="Import a purchased phone list. The campaign and the target group are "
        "created when missing. Columns are recognised by their names (Förnamn, Telefon, "
        "Mobil, ...); columns not recognised are not stored.",
    )
    parser.add_argument("file", help="the list: .csv/.txt (any separator/encoding) or .xlsx")
    parser.add_argument("--campaign", required=True, help="campaign name")
    parser.add_argument("--group", required=True, help="target group name")
    parser.add_argument("--sheet", help="the workbook sheet (default: the first)")
    parser.add_argument(
        "--map", action="append", default=[], metavar="HEADER=field",
        help="map a column to a field (first_name, last_name, name, street, postcode, city, "
        "phone, birth_year, gender, extra, none); may be repeated",
    )
    parser.add_argument("--region", help="default phone region (default: the setting, SE)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(handler=run)


def parse_overrides(items: list[str]) -> list[tuple[str, str]]:
    out = []
    for item in items:
        header, sep, field = item.partition("=")
        if not sep or not header.strip():
            raise UserError("--map {item}: expected HEADER=field", item=item)
        out.append((header.strip(), field.strip()))
    return out


def run(ctx: CliContext) -> int:
    from app.services.importing.mapping import auto_mapping, check_mapping, with_overrides
    from app.services.importing.numbers import check_region
    from app.services.importing.pipeline import import_table
    from app.services.importing.readers import open_table

    args = ctx.args
    overrides = parse_overrides(args.map)
    region = check_region(args.region or Settings().get(PHONE_REGION))
    # Read and check the file before the database is opened: a bad file writes nothing.
    table = open_table(args.file, args.sheet)
    mapping = with_overrides(auto_mapping(table.headers), overrides)
    check_mapping(mapping, args.file)
    with _terminate_undoes() as progress:
        report = import_table(ctx.db(), table, mapping, campaign=args.campaign,
                              group=args.group, region=region, progress=progress)
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False), file=ctx.out)
        return 0
    print(f"{report.file_name} into {args.campaign} / {args.group}", file=ctx.out)
    print(f"rows:       {report.rows}", file=ctx.out)
    print(f"imported:   {report.imported}", file=ctx.out)
    print(f"rejected:   {report.rejected}", file=ctx.out)
    print(f"suppressed: {report.suppressed}", file=ctx.out)
    print(f"duplicate:  {report.duplicate}", file=ctx.out)
    if report.imported_before_at is not None and report.imported == 0:
        print(f"This file was already imported into this campaign on "
              f"{report.imported_before_at:%Y-%m-%d %H:%M} UTC: nothing new.", file=ctx.out)
    return 0


class _StopOnTerminate:
    """Progress for the command line: `kill` (SIGTERM) or Ctrl+C asks the import to stop at its
    next step, where it undoes what it wrote at once (a signal raised in the middle of a
    commit could leave that to the next start)."""

    def __init__(self) -> None:
        self.signum: int | None = None

    def report(self, done: int, total: int | None = None, text: str = "") -> None:
        if self.signum is not None:
            raise Cancelled()


@contextlib.contextmanager
def _terminate_undoes() -> Iterator[_StopOnTerminate]:
    progress = _StopOnTerminate()
    if threading.current_thread() is not threading.main_thread():
        yield progress  # signal handlers can only be set from the main thread
        return

    def stop(signum: int, _frame: FrameType | None) -> None:
        progress.signum = signum

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield progress
    except Cancelled:
        assert progress.signum is not None
        raise SystemExit(128 + progress.signum) from None
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
