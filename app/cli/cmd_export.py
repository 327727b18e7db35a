"""`ringkvall export`, `csv` and `rollup`: results out of Ringkväll, and the district's sum.

Each checks its output before any work (`check_output`): never the database in use, its
companion files or backups, nor one of its own inputs; an existing file only with --force.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.context import CliContext
from app.errors import UserError
from app.services.campaigns import get_campaign
from app.services.output_paths import check_output, display_path
from app.services.results import (
    DEFAULT_PRIVACY,
    FULL_WARNING,
    Privacy,
    export_csv,
    export_xlsx,
    parse_privacy,
    write_rollup,
)
from app.settings import LANGUAGE, Settings

PRIVACY_HELP = ("district (default): personal data only for new members and follow-ups; "
                "aggregate: figures only; full: everything, special-category data")


def register(sub: argparse._SubParsersAction[Any]) -> None:
    export = sub.add_parser("export", help="export a campaign's results to Excel (.xlsx)")
    _common(export)
    export.set_defaults(handler=run_export)
    calls = sub.add_parser("csv", help="export a campaign's calls as CSV for Excel")
    _common(calls)
    calls.set_defaults(handler=run_csv)
    rollup = sub.add_parser("rollup", help="add up several associations' exports for the "
                                           "district")
    rollup.add_argument("files", nargs="+", type=Path, metavar="FILE.xlsx",
                        help="exports at the district or aggregate level")
    rollup.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.xlsx")
    rollup.add_argument("--language", choices=("sv", "en"), help="default: the app's language")
    _force(rollup)
    rollup.set_defaults(handler=run_rollup)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--campaign", required=True, metavar="NAME", help="the campaign")
    parser.add_argument("-o", "--output", required=True, type=Path, metavar="FILE")
    parser.add_argument("--privacy", default=DEFAULT_PRIVACY.value, metavar="LEVEL",
                        choices=[p.value for p in Privacy], help=PRIVACY_HELP)
    parser.add_argument("--language", choices=("sv", "en"), help="default: the app's language")
    _force(parser)


def _force(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--force", action="store_true",
                        help="replace the output file if it exists")


def database_location(ctx: CliContext) -> object:
    """The database this command would use (not opened): the output may not be it."""
    from app.db.database import resolve_location

    try:
        return resolve_location(ctx.args.db)
    except UserError:
        return None  # a bad address: the command that opens it reports that


def checked_output(ctx: CliContext, inputs: list[Path] | None = None) -> Path:
    return check_output(ctx.args.output, database=database_location(ctx),
                        inputs=inputs or (), force=ctx.args.force)


def _language(ctx: CliContext) -> str:
    return str(ctx.args.language or Settings().get(LANGUAGE))


def _privacy(ctx: CliContext) -> Privacy:
    privacy = parse_privacy(ctx.args.privacy)
    if privacy is Privacy.FULL:
        print(f"ringkvall: warning: {FULL_WARNING}", file=ctx.err)
    return privacy


def run_export(ctx: CliContext) -> int:
    target = checked_output(ctx)
    privacy = _privacy(ctx)
    with ctx.db().session() as session:
        campaign = get_campaign(session, ctx.args.campaign)
        result = export_xlsx(session, campaign.id, target, privacy=privacy,
                             language=_language(ctx), force=ctx.args.force)
    print(f"Wrote {display_path(result.path)} ({result.calls} calls, privacy level "
          f"{privacy.value})", file=ctx.out)
    return 0


def run_csv(ctx: CliContext) -> int:
    target = checked_output(ctx)
    privacy = _privacy(ctx)
    with ctx.db().session() as session:
        campaign = get_campaign(session, ctx.args.campaign)
        count = export_csv(session, campaign.id, target, privacy=privacy,
                           language=_language(ctx), force=ctx.args.force)
    print(f"Wrote {display_path(target)} ({count} calls, privacy level {privacy.value})",
          file=ctx.out)
    return 0


def run_rollup(ctx: CliContext) -> int:
    target = checked_output(ctx, ctx.args.files)
    # The database in use, opened: the roll-up is recorded in its audit trail.
    result = write_rollup(ctx.args.files, target, language=_language(ctx),
                          database=ctx.db(), force=ctx.args.force)
    print(f"Wrote {display_path(result.path)}: {len(result.files)} files, "
          f"{result.total.calls} calls, {result.total.recruited} new members", file=ctx.out)
    return 0
