"""The start page from the keyboard: Enter on the chosen campaign starts calling, wherever
the focus is when the page opens (the campaign list)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.calling_helpers import make_campaign
from tests.privacy_helpers import dispose
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
