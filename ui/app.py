"""Start the GUI: QApplication, settings, language, font, database, main window."""

from __future__ import annotations

import argparse
import os
import sys

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMessageBox

from app import APP_NAME, __version__
from app.db.database import open_database
from app.errors import UserError
from app.settings import FONT_SIZE, LANGUAGE, PRACTICE_OFFERED, Settings
from ui import i18n
from ui.context import UiContext
from ui.errors import install_excepthook
from ui.tasks import TaskRunner

# For bench/: quit as soon as the window has been shown once.
EXIT_WHEN_SHOWN = "RINGKVALL_EXIT_WHEN_SHOWN"


def create_qapplication(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Ringkvall")
    return app


def apply_font_size(app: QApplication, points: int) -> None:
    """Scale the whole UI: every widget inherits the application font."""
    font = QFont(app.font())
    font.setPointSize(points)
    app.setFont(font)


def run_app(args: argparse.Namespace) -> int:
    # The database is opened first so a bad --db gets its one-line error and exit 2.
    try:
        db = open_database(args.db)
    except UserError as exc:
        print(f"ringkvall: {exc}", file=sys.stderr)
        return exc.exit_code
    app = create_qapplication()
    settings = Settings()
    i18n.set_language(settings.get(LANGUAGE))
    apply_font_size(app, settings.get(FONT_SIZE))
    install_excepthook()
    ctx = UiContext(db=db, settings=settings, runner=TaskRunner(app))

    from ui.main_window import MainWindow

    window = MainWindow(ctx)
    window.show()
    if os.environ.get(EXIT_WHEN_SHOWN):
        QTimer.singleShot(0, app.quit)
    else:
        QTimer.singleShot(0, lambda: _after_show(window, args))
    code = app.exec()
    ctx.runner.wait()
    db.close()
    return code


def _after_show(window: object, args: argparse.Namespace) -> None:
    from ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    ctx = window.ctx
    if getattr(args, "practice", False):
        window.open_practice_campaign()
    elif window.database_is_empty() and not ctx.settings.get(PRACTICE_OFFERED):
        ctx.settings.set(PRACTICE_OFFERED, True)
        answer = QMessageBox.question(
            window,
            QCoreApplication.translate("welcome", "Welcome to Ringkväll"),
            QCoreApplication.translate(
                "welcome", "The database is empty. Do you want a practice campaign with "
                "made-up people, so you can try calling before a real evening?"),
        )
        if answer == QMessageBox.StandardButton.Yes:
            window.open_practice_campaign()
    screen = getattr(args, "gui_screen", None)
    if screen == "call":
        from ui.calling.entry import open_calling_from_args

        open_calling_from_args(window, args)
