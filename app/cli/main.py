"""The `ringkvall` command line. Each subcommand lives in its own module under app/cli/."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from app import APP_NAME, __version__
from app.cli.context import CliContext, GuiRunner
from app.cli.parser import Parser
from app.errors import UserError, os_fault
from app.logs import setup_logging

log = logging.getLogger(__name__)

# Subcommand modules, in the order --help lists them. Each has register(subparsers).
COMMAND_MODULES = (
    "app.cli.cmd_demo",
    "app.cli.cmd_import",
    "app.cli.cmd_dnc",
    "app.cli.cmd_script",
    "app.cli.cmd_call",
    "app.cli.cmd_stats",
    "app.cli.cmd_export",
    "app.cli.cmd_db",
    "app.cli.cmd_server",
    "app.cli.cmd_pack",
    "app.cli.cmd_evening",
    "app.cli.cmd_inbox",
    "app.cli.cmd_plan",
    "app.cli.cmd_audit",
    "app.cli.cmd_purge",
    "app.cli.cmd_person",
)


def build_parser(extra_modules: Sequence[str] = ()) -> Parser:
    parser = Parser(
        prog="ringkvall",
        description=f"{APP_NAME}: calling evenings for party associations. "
        "With no command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"ringkvall {__version__}")
    parser.add_argument(
        "--db", metavar="PATH-or-URL",
        help="the database: a SQLite file or a postgresql:// URL "
        "(default: $RINGKVALL_DB, else a file in your data folder)",
    )
    parser.add_argument(
        "--practice", action="store_true", help="open the window on the practice campaign"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    # extra_modules: commands that draw with Qt (PDFs), handed in by ui.launcher because
    # app/ never imports Qt.
    for name in (*COMMAND_MODULES, *extra_modules):
        importlib.import_module(name).register(sub)
    _accept_db_everywhere(sub)
    return parser


def _accept_db_everywhere(sub: argparse._SubParsersAction[Parser]) -> None:
    """`ringkvall demo --db X` works as well as `ringkvall --db X demo`."""
    for child in set(sub.choices.values()):
        if "--db" not in child._option_string_actions:
            child.add_argument("--db", metavar="PATH-or-URL", default=argparse.SUPPRESS,
                               help="the database (as before the command)")
        for action in child._actions:
            if isinstance(action, argparse._SubParsersAction):
                _accept_db_everywhere(action)


def main(argv: Sequence[str] | None = None, gui_runner: GuiRunner | None = None,
         extra_modules: Sequence[str] = ()) -> int:
    setup_logging()
    ctx: CliContext | None = None
    try:
        args = build_parser(extra_modules).parse_args(argv)
        ctx = CliContext(args, gui_runner)
        handler = getattr(args, "handler", None)
        if handler is None:
            # Only `python -m app` comes here without a runner: the installed `ringkvall`
            # and `python -m ui` are ui.launcher, which always passes one.
            if gui_runner is None:
                raise UserError("the window is not available from 'python -m app'; "
                                "run 'ringkvall' or 'python -m ui'")
            return gui_runner(args)
        # Exports a killed Ringkväll left half-spooled in its private temporary folder.
        from app.paths import cleanup_private_temp

        cleanup_private_temp()
        code: int = handler(ctx)
        return code
    except UserError as exc:
        print(f"ringkvall: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("ringkvall: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        fault = _storage_fault(exc, ctx)
        if fault is not None:
            print(f"ringkvall: {fault}", file=sys.stderr)
            return fault.exit_code
        log.exception("Unexpected error")
        from app.paths import log_file_path

        print(f"ringkvall: internal error: {exc!r} (details in {log_file_path()})",
              file=sys.stderr)
        return 1
    finally:
        if ctx is not None:
            ctx.close()


def _storage_fault(exc: Exception, ctx: CliContext | None) -> UserError | None:
    """A full disk, a read-only file, a locked database... that reached here as the driver's
    or the system's error: the user's to fix, so one line and exit 2, like a UserError."""
    if isinstance(exc, OSError):
        return os_fault(exc)
    import sqlite3

    from sqlalchemy.exc import DBAPIError

    from app.db.database import driver_fault, storage_fault

    db = ctx._db.location.display() if ctx is not None and ctx._db is not None else ""
    if isinstance(exc, DBAPIError):
        return storage_fault(exc, db)
    if isinstance(exc, sqlite3.Error):
        return driver_fault(exc, db)
    return None
