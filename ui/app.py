"""Start the GUI: QApplication, settings, language, font, database, main window."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QInputDialog, QLabel

from app import APP_NAME, __version__
from app.db.files import precheck
from app.errors import UserError, os_fault
from app.paths import resource
from app.settings import FONT_SIZE, LANGUAGE, PRACTICE_OFFERED, VOLUNTEER_NAME, Settings
from ui import i18n
from ui.context import UiContext
from ui.errors import install_excepthook, show_error
from ui.sizing import screen_room
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
    # The taskbar's icon; on Wayland the desktop finds it through ringkvall.desktop.
    app.setWindowIcon(QIcon(str(resource("icons", "ringkvall.png"))))
    app.setDesktopFileName("ringkvall")
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
        # One line for the smoke tests of a bundled or installed copy (packaging/): the window
        # came up, and the texts Qt draws itself (standard buttons) are in the UI's language.
        print(f"ready: {_standard_cancel_text()}", flush=True)
        QApplication.quit()
        return
    screen = getattr(args, "gui_screen", None)
    if getattr(args, "practice", False):
        window.open_practice_campaign()
    elif (screen != "open_pack" and window.database_is_empty()
          and not ctx.settings.get(PRACTICE_OFFERED)):
        # The first start on this computer: a volunteer is not asked to choose. The practice
        # campaign opens; the welcome asks their name once and says where help is.
        ctx.settings.set(PRACTICE_OFFERED, True)
        window.open_practice_campaign()  # made on the task runner behind the welcome
        _welcome(window)
    if screen not in ("call", "open_pack"):  # not on a laptop opened straight on calling
        from ui.privacy.purge_ui import offer_due_purges

        # Campaigns past their retention date: the organiser confirms deleting their data.
        offer_due_purges(window, ctx)
        from ui.packs.laptop_cleanup import offer_due_laptop_packs

        # A volunteer's laptop: pack copies past their time, the same way.
        offer_due_laptop_packs(window, ctx)
    if screen == "call":
        from ui.calling.entry import open_calling_from_args

        open_calling_from_args(window, args)
    elif screen == "open_pack":
        from ui.packs.entry import open_pack_from_args

        open_pack_from_args(window, args)


def _standard_cancel_text() -> str:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    button = box.button(QDialogButtonBox.StandardButton.Cancel)
    return button.text().replace("&", "")


def _welcome(window: MainWindow) -> None:
    """Ask the volunteer's name (remembered for the calling evenings) and say where help is."""
    ctx = window.ctx
    dialog = QInputDialog(window)
    dialog.setWindowTitle(QCoreApplication.translate("welcome", "Welcome to Ringkväll"))
    dialog.setLabelText(QCoreApplication.translate(
        "welcome", "Welcome! Ringkväll opens a practice campaign with made-up people, so you "
        "can try calling before a real evening.\n\nWhat is your name? The organiser sees it "
        "beside your calls.\n\nIf you get stuck, ask the evening's organiser, or open the "
        "Help menu."))
    dialog.setTextValue(ctx.settings.get(VOLUNTEER_NAME))
    label = dialog.findChild(QLabel)
    room = screen_room(dialog)
    if label is not None:
        # The text wraps at about 30 lines' height wide, never wider than the screen.
        width = 30 * label.fontMetrics().height()
        if room is not None:
            width = min(width, room.width() - 4 * label.fontMetrics().height())
        label.setWordWrap(True)
        label.setFixedWidth(width)
    if dialog.exec() == QInputDialog.DialogCode.Accepted and dialog.textValue().strip():
        ctx.settings.set(VOLUNTEER_NAME, dialog.textValue().strip())
