"""The `ringkvall` entry point: the app's command line, with the window plugged in.

app/ never imports Qt, so the command line there is handed a way to open the window.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence


def run_gui(args: argparse.Namespace) -> int:
    from ui.app import run_app

    return run_app(args)


def main(argv: Sequence[str] | None = None) -> int:
    from app.cli.main import main as cli_main

    return cli_main(argv, gui_runner=run_gui)
