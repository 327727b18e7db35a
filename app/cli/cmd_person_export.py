"""`ringkvall person export`: everything stored about one person, as a workbook (access on
request, GDPR Art. 15). Added to the `person` group of app/cli/cmd_person.py."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from app.cli.context import CliContext


def add_export(actions: argparse._SubParsersAction[Any]) -> None:
    """Add `export` to the `person` group's subcommands."""
    export = actions.add_parser(
        "export", help="write everything stored about one person to a workbook (.xlsx)")
    export.add_argument("person", metavar="NUMBER-or-ID",
                        help="one of the person's phone numbers, or their id")
    export.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.xlsx")
    export.add_argument("--language", choices=("sv", "en"), help="default: the app's language")
    export.add_argument("--region", help="default phone region (default: the setting, SE)")
    export.add_argument("--force", action="store_true",
                        help="replace the output file if it exists")
    export.add_argument("--json", action="store_true", help="print one JSON object")
    export.set_defaults(handler=run_export)


def run_export(ctx: CliContext) -> int:
    from app.cli.cmd_export import checked_output
    from app.services.importing.numbers import check_region
    from app.services.output_paths import display_path
    from app.services.privacy.access import export_person
    from app.settings import LANGUAGE, PHONE_REGION, Settings

    target = checked_output(ctx)
    settings = Settings()
    result = export_person(ctx.db(), ctx.args.person, target,
                           language=str(ctx.args.language or settings.get(LANGUAGE)),
                           region=check_region(str(ctx.args.region
                                                   or settings.get(PHONE_REGION))),
                           force=ctx.args.force)
    if ctx.args.json:
        print(json.dumps(result.as_dict(), ensure_ascii=False), file=ctx.out)
    else:
        print(f"Wrote {display_path(result.path)}: {result.contacts} record(s) in "
              f"{result.campaigns} campaign(s), {result.calls} call(s)", file=ctx.out)
    return 0
