"""`ringkvall script`: check, import, export and list conversation scripts."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.cli.cmd_export import database_location
from app.cli.context import CliContext
from app.errors import UserError
from app.services.campaigns import get_campaign
from app.services.output_paths import check_output, display_path, write_text_output
from app.services.scripts import (
    export_source,
    import_script,
    list_scripts,
    load_script,
    read_script,
)
from app.services.scripts.loader import read_text
from app.services.scripts.storage import find_version, require_active_script


def register(sub: argparse._SubParsersAction[Any]) -> None:
    parser = sub.add_parser("script", help="check, import and export conversation scripts")
    actions = parser.add_subparsers(dest="script_action", metavar="ACTION", required=True)

    check = actions.add_parser(
        "check", help="validate script files; prints each error on its own line"
    )
    check.add_argument("files", nargs="+", metavar="FILE", type=Path)
    check.set_defaults(handler=run_check)

    imp = actions.add_parser("import", help="store a script file as the campaign's next version")
    imp.add_argument("file", metavar="FILE", type=Path)
    imp.add_argument("--campaign", required=True, metavar="NAME")
    imp.add_argument("--no-activate", action="store_true",
                     help="store it, but keep the campaign's current script for calling")
    imp.set_defaults(handler=run_import)

    exp = actions.add_parser("export", help="write a campaign's script to a YAML file")
    exp.add_argument("--campaign", required=True, metavar="NAME")
    exp.add_argument("-o", "--output", required=True, metavar="FILE",
                     help="the file to write ('-' for standard output)")
    exp.add_argument("--key", help="which script (default: the one used for calling)")
    exp.add_argument("--version", type=int, help="which version of --key (default: newest)")
    exp.add_argument("--force", action="store_true", help="replace FILE if it exists")
    exp.set_defaults(handler=run_export)

    lst = actions.add_parser("list", help="list a campaign's scripts and versions")
    lst.add_argument("--campaign", required=True, metavar="NAME")
    lst.set_defaults(handler=run_list)


def run_check(ctx: CliContext) -> int:
    failed = False
    for path in ctx.args.files:
        try:
            text = read_text(path)
        except UserError as exc:
            print(f"{path}: {exc}", file=ctx.out)
            failed = True
            continue
        result = read_script(text, str(path))
        if result.valid:
            print(f"{path}: ok", file=ctx.out)
            continue
        failed = True
        for problem in result.problems:
            print(str(problem), file=ctx.out)
    return 2 if failed else 0


def run_import(ctx: CliContext) -> int:
    path: Path = ctx.args.file
    text = read_text(path)
    # The command line refuses a broken file outright; the editor can open one to fix.
    load_script(text, str(path))
    db = ctx.db()
    with db.transaction() as session:
        campaign = get_campaign(session, ctx.args.campaign)
        stored = import_script(session, campaign, text, str(path),
                               activate=not ctx.args.no_activate)
    used = "" if ctx.args.no_activate else " and is now used for calling"
    print(f"Imported '{stored.name}' ({stored.key}) as version {stored.version} into "
          f"'{ctx.args.campaign}'{used}", file=ctx.out)
    return 0


def run_export(ctx: CliContext) -> int:
    target: Path | None = None
    if ctx.args.output != "-":
        # Never over the database, its companions or backups; an existing file only with
        # --force. Checked before anything is read.
        target = check_output(ctx.args.output, database=database_location(ctx),
                              force=ctx.args.force)
    db = ctx.db()
    with db.session() as session:
        campaign = get_campaign(session, ctx.args.campaign)
        if ctx.args.key:
            stored = find_version(session, campaign, ctx.args.key, ctx.args.version)
        else:
            stored = require_active_script(session, campaign)
        text = export_source(session, stored.id)
    if target is None:
        sys.stdout.write(text)
        return 0
    write_text_output(target, text, force=ctx.args.force)
    print(f"Wrote {display_path(target)}", file=ctx.out)
    return 0


def run_list(ctx: CliContext) -> int:
    db = ctx.db()
    with db.session() as session:
        campaign = get_campaign(session, ctx.args.campaign)
        active = campaign.script_id
        for stored in list_scripts(session, campaign.id):
            mark = "*" if stored.id == active else " "
            state = "" if stored.valid else "  (has errors)"
            print(f"{mark} {stored.key:<20} v{stored.version:<3} {stored.origin:<9} "
                  f"{stored.name}{state}", file=ctx.out)
    return 0
