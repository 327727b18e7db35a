"""`ringkvall report`: the campaign's results on one A4 page, as a PDF.

The page is drawn with Qt (ui/printing/report_pdf.py), so this command lives on the window's
side; it needs no display: without a running application it makes an offscreen one.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.context import CliContext


def register(sub: argparse._SubParsersAction[Any]) -> None:
    report = sub.add_parser(
        "report", help="write a one-page PDF report of a campaign's results (figures only)")
    report.add_argument("--campaign", required=True, metavar="NAME", help="the campaign")
    report.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.pdf")
    report.add_argument("--language", choices=("sv", "en"), help="default: the app's language")
    report.add_argument("--force", action="store_true",
                        help="replace the output file if it exists")
    report.set_defaults(handler=run_report)


def run_report(ctx: CliContext) -> int:
    from app.cli.cmd_export import checked_output
    from app.services.output_paths import display_path
    from app.services.results.report_data import report_data
    from app.settings import LANGUAGE, Settings

    target = checked_output(ctx)
    language = str(ctx.args.language or Settings().get(LANGUAGE))
    data = report_data(ctx.db(), ctx.args.campaign, language=language)
    app = _gui_application()
    from ui.printing.report_pdf import write_report_pdf

    path = write_report_pdf(data, target, force=ctx.args.force)
    del app
    print(f"Wrote {display_path(path)} (one page, figures only)", file=ctx.out)
    return 0


def _gui_application() -> object:
    """Qt's fonts need an application; an offscreen one works without a display."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        app = QGuiApplication(["ringkvall", "-platform", "offscreen"])
    return app
