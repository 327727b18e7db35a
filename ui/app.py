"""Start the GUI: QApplication, settings, language, font, database, main window."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMessageBox

from app import APP_NAME, __version__
from app.db.files import precheck
from app.errors import UserError, os_fault
from app.settings import FONT_SIZE, LANGUAGE, PRACTICE_OFFERED, Settings
from ui import i18n
from ui.context import UiContext
from ui.errors import install_excepthook, show_error
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from app.db.database import Database
    from ui.main_window import MainWindow

# For bench/: "shown" quits as soon as the window has been shown, "ready" once the database
# is open and the start page lists the campaigns.
EXIT_WHEN = "RINGKVALL_EXIT_WHEN"


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
    # What can be checked cheaply is checked first, so a bad --db gets its one-line error and
    # exit 2 before any window. The database itself (and SQLAlchemy) is opened right after
    # the window is shown: the window appears at once.
    try:
        location = precheck(args.db)
    except UserError as exc:
        print(f"ringkvall: {exc}", file=sys.stderr)
        return exc.exit_code
    except OSError as exc:  # a name too long, a folder on the way that is a file, ...
        fault = os_fault(exc)
        if fault is None:
            raise
        print(f"ringkvall: {fault}", file=sys.stderr)
        return fault.exit_code

    def open_db() -> Database:
        from app.db.database import open_database
        from app.paths import cleanup_private_temp

        db = open_database(args.db)
        cleanup_private_temp()  # exports a killed Ringkväll left in its private temp folder
        return db

    app = create_qapplication()
    settings = Settings()
    i18n.set_language(settings.get(LANGUAGE))
    apply_font_size(app, settings.get(FONT_SIZE))
    install_excepthook()
    ctx = UiContext(settings=settings, runner=TaskRunner(app), opener=open_db, location=location)

    from ui.main_window import MainWindow

    window = MainWindow(ctx)
    window.show()
    exit_when = os.environ.get(EXIT_WHEN)
    if exit_when == "shown":
        QTimer.singleShot(0, app.quit)
    else:
        QTimer.singleShot(0, lambda: _open_database(window, args, open_db, exit_when == "ready"))
    code = app.exec()
    ctx.runner.wait()
    if ctx.db_is_open:
        ctx.db.close()
    return code


def _open_database(window: MainWindow, args: argparse.Namespace, opener: Callable[[], Database],
                   quit_when_ready: bool = False) -> None:
    """Open (and migrate, which writes) the database on the task runner: the window stays
    responsive meanwhile."""
    window.ctx.runner.run(
        lambda _progress: opener(), context=window,
        on_success=lambda db: _after_show(window, args, db, quit_when_ready),
        on_failure=lambda exc: _not_opened(window, exc), writes=True)


def _not_opened(window: MainWindow, exc: BaseException) -> None:
    show_error(window, exc)
    QApplication.exit(exc.exit_code if isinstance(exc, UserError) else 1)


def _after_show(window: MainWindow, args: argparse.Namespace, db: Database,
                quit_when_ready: bool = False) -> None:
    ctx = window.ctx
    if ctx.db_is_open:  # a menu opened it meanwhile
        db.close()
    else:
        ctx.db = db
    window.home.refresh()
    if quit_when_ready:
        QApplication.quit()
        return
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
