"""`ringkvall demo`: create the practice campaign."""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.context import CliContext
from app.services.demo import create_practice_campaign


def register(sub: argparse._SubParsersAction[Any]) -> None:
    parser = sub.add_parser("demo", help="create the practice campaign (Övningskampanj)")
    parser.set_defaults(handler=run)


def run(ctx: CliContext) -> int:
    db = ctx.db()
    with db.transaction() as session:
        campaign, created = create_practice_campaign(session)
    verb = "Created" if created else "Already there:"
    print(f"{verb} '{campaign.name}' in {db.location.display()}", file=ctx.out)
    return 0
