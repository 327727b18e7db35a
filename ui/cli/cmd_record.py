"""`ringkvall record`: a campaign's record of processing (GDPR Art. 30) as a PDF."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.context import CliContext


def register(sub: argparse._SubParsersAction[Any]) -> None:
    parser = sub.add_parser("record", help="print a campaign's record of processing "
                                           "(GDPR art. 30) to a PDF")
    parser.add_argument("--campaign", required=True, metavar="NAME", help="the campaign")
    parser.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.pdf")
    parser.add_argument("--language", choices=("sv", "en"), help="default: the app's language")
    parser.add_argument("--force", action="store_true",
                        help="replace the output file if it exists")
    parser.set_defaults(handler=run_record)


def run_record(ctx: CliContext) -> int:
    from app.cli.cmd_export import checked_output
    from app.services.output_paths import display_path
    from app.services.privacy.record import campaign_id_by_name, processing_record
    from app.settings import LANGUAGE, Settings

    target = checked_output(ctx)
    language = str(ctx.args.language or Settings().get(LANGUAGE))
    db = ctx.db()
    view = processing_record(db, campaign_id_by_name(db, ctx.args.campaign), language=language)
    _gui_application()
    from ui.printing.record_pdf import write_record_pdf

    write_record_pdf(view, target, language=language, force=ctx.args.force)
    print(f"Wrote {display_path(target)} (record of processing of {view.campaign})",
          file=ctx.out)
    return 0


def _gui_application() -> None:
    """Qt draws text only inside a QGuiApplication; on the command line there may be no
    display, so the offscreen platform is used when none runs yet."""
    import os

    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _gui_application.app = QGuiApplication(["ringkvall"])  # type: ignore[attr-defined]
