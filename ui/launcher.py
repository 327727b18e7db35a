"""The `ringkvall` entry point (also `ringkvall-gui`, `python -m ui`): the app's command line,
with the window plugged in.

app/ never imports Qt, so the command line there is handed a way to open the window.
Opening the window with no subcommand skips building the full command parser, which would
import every subcommand's services: start-up stays fast however many commands there are.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence


def run_gui(args: argparse.Namespace) -> int:
    # Before Qt is imported: a missing X11 library would otherwise end in Qt's long abort.
    from ui.system_libs import problem

    missing = problem()
    if missing is not None:
        print(missing, file=sys.stderr)
        return 2
    from ui.app import run_app

    return run_app(args)


def _window_only(argv: Sequence[str]) -> argparse.Namespace | None:
    """The arguments when they only ask for the window (`[--db X] [--practice]`), else None."""
    args = argparse.Namespace(db=None, practice=False)
    items = list(argv)
    while items:
        item = items.pop(0)
        if item == "--practice":
            args.practice = True
        elif item == "--db" and items and not items[0].startswith("-"):
            args.db = items.pop(0)
        elif item.startswith("--db=") and len(item) > 5:
            args.db = item[5:]
        else:
            return None
    return args


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) == 1 and argv[0].lower().endswith(".ringkvall") and os.path.isfile(argv[0]):
        # A double-clicked pack file (the installers register the type): open it.
        argv = ["pack", "open", argv[0]]
    window_args = _window_only(argv)
    if window_args is not None:
        from app.logs import setup_logging

        setup_logging()
        return run_gui(window_args)
    from app.cli.main import main as cli_main
    from ui.cli import COMMAND_MODULES

    return cli_main(argv, gui_runner=run_gui, extra_modules=COMMAND_MODULES)
