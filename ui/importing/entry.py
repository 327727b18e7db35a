"""Entry points the main window's menus call (see ui/features.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def open_import_wizard(window: MainWindow) -> None:
    from ui.importing.wizard import ImportWizard

    if window.ctx.campaign_id is None:
        QMessageBox.information(
            window, QCoreApplication.translate("importing", "Import a phone list"),
            QCoreApplication.translate(
                "importing", "Choose or create a campaign first; the list is imported into one "
                "of its target groups."),
        )
        return
    wizard = ImportWizard(window.ctx, window)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    wizard.imported.connect(lambda _report: window.ctx.events.changed.emit("contacts"))
    wizard.show()


def open_dnc_list(window: MainWindow) -> None:
    from ui.importing.dnc_dialog import DncDialog

    dialog = DncDialog(window.ctx, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
