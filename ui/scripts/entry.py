"""Opening the scripts screen from the main window (menu and home page)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def open_scripts(window: MainWindow) -> None:
    from ui.scripts.page import ScriptsPage

    campaign_id = window.ctx.campaign_id
    if campaign_id is None:
        QMessageBox.information(
            window, QCoreApplication.translate("scripts", "Conversation scripts"),
            QCoreApplication.translate("scripts", "Choose a campaign first."),
        )
        return
    page = ScriptsPage(window.ctx, campaign_id)
    page.back.connect(window.show_home)
    window.show_page(page)
