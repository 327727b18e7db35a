"""`ringkvall db`: where the database is, and whether models and migrations agree."""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.context import CliContext
from app.db import migrate
from app.db.database import open_database, resolve_location


def register(sub: argparse._SubParsersAction[Any]) -> None:
    parser = sub.add_parser("db", help="database information and checks")
    actions = parser.add_subparsers(dest="db_action", metavar="ACTION", required=True)
    info = actions.add_parser("info", help="show which database is used and its schema version")
    info.set_defaults(handler=run_info)
    check = actions.add_parser(
        "check", help="fail when the models and the migrations disagree (for developers)"
    )
    check.set_defaults(handler=run_check)


def run_info(ctx: CliContext) -> int:
    location = resolve_location(ctx.args.db)
    db = ctx.db()
    with db.engine.connect() as conn:
        revision = migrate.current_revision(conn)
    print(f"database: {location.display()} (from {location.source})", file=ctx.out)
    print(f"schema:   {revision}", file=ctx.out)
    return 0


def run_check(ctx: CliContext) -> int:
    db = open_database(ctx.args.db)
    try:
        with db.engine.connect() as conn:
            diffs = migrate.drift(conn)
    finally:
        db.close()
    if diffs:
        for diff in diffs:
            print(f"drift: {diff}", file=ctx.err)
        return 1
    print("models and migrations agree", file=ctx.out)
    return 0
