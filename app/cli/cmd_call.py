"""`ringkvall call`: open the window straight on the calling screen (for a loaned laptop's
shortcut)."""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.context import CliContext
from app.errors import UserError
from app.services.calling.evening import NEEDS_NAME, NEEDS_WINDOW, resolve_target


def register(sub: argparse._SubParsersAction[Any]) -> None:
    parser = sub.add_parser(
        "call", help="open the calling screen directly",
        description="Open the window on the calling screen, showing the first contact at once.",
    )
    parser.add_argument("--campaign", metavar="NAME",
                        help="the campaign to call for (default: the only one there is)")
    parser.add_argument("--group", metavar="NAME", help="only this target group (default: all)")
    parser.add_argument("--volunteer", metavar="NAME",
                        help="who is calling (default: the name remembered on this computer)")
    parser.set_defaults(handler=run)


def run(ctx: CliContext) -> int:
    if ctx.gui_runner is None:
        raise UserError(NEEDS_WINDOW)
    if ctx.args.volunteer is not None and not ctx.args.volunteer.strip():
        raise UserError(NEEDS_NAME)
    # Check the names now, so a typo in a shortcut gets a clear one-line error.
    with ctx.db().session() as session:
        resolve_target(session, ctx.args.campaign, ctx.args.group)
    ctx.close()  # the window opens the database itself
    ctx.args.gui_screen = "call"
    return ctx.gui_runner(ctx.args)
