"""The start page from the keyboard: Enter on the chosen campaign starts calling, wherever
the focus is when the page opens (the campaign list)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.calling_helpers import make_campaign
from tests.privacy_helpers import dispose
from tests.qt_helpers import on_next_modal
from ui.context import UiContext


def test_enter_on_the_campaign_list_starts_calling(qtbot: QtBot, ui_ctx: UiContext) -> None:
    from ui.home import HomePage

    with ui_ctx.db.transaction() as s:
        make_campaign(s, "Vårkampanj")
    home = HomePage(ui_ctx)
    home.show()
    qtbot.waitExposed(home)
    home.activateWindow()
    home.campaigns.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is home.campaigns)
    started: list[bool] = []
    home.start_calling.connect(lambda: started.append(True))
    focus = QApplication.focusWidget()
    assert focus is not None
    qtbot.keyClick(focus, Qt.Key.Key_Return)
    assert started == [True]
    dispose(home)


def test_enter_presses_the_focused_button_in_the_main_window(qtbot: QtBot,
                                                            ui_ctx: UiContext) -> None:
    """Qt presses a focused button on Enter only in dialogs; in the main window only the
    space bar did. Enter on "Start calling" starts calling; Enter on a tick leaves it."""
    from PySide6.QtWidgets import QCheckBox

    from ui.calling.start_dialog import StartDialog
    from ui.main_window import MainWindow

    with ui_ctx.db.transaction() as s:
        make_campaign(s, "Vårkampanj")
    window = MainWindow(ui_ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    home = window.home
    qtbot.waitUntil(lambda: home.call_button.isEnabled(), timeout=10_000)
    tick = QCheckBox("x", home)
    tick.show()
    tick.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tick)
    qtbot.keyClick(tick, Qt.Key.Key_Return)
    assert not tick.isChecked()
    home.call_button.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is home.call_button)
    focus = QApplication.focusWidget()
    assert focus is not None
    # The evening's start (who calls, which list) comes up: closed unanswered.
    asked = on_next_modal(StartDialog, lambda dialog: dialog.reject())
    qtbot.keyClick(focus, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
    dispose(window)
