"""Entry points called from the main window's Results menu (see ui/features.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from app.services.lookups import campaign_name
from app.services.results import ExportResult, RollupResult
from ui.results.dashboard import DashboardPage
from ui.results.export_dialog import ExportDialog
from ui.results.rollup_dialog import RollupDialog

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def _campaign(window: MainWindow) -> tuple[int, str] | None:
    campaign_id = window.ctx.campaign_id
    name = campaign_name(window.ctx.db, campaign_id) if campaign_id is not None else None
    if campaign_id is not None and name is not None:
        return campaign_id, name
    QMessageBox.information(window, QCoreApplication.translate("results", "Results"),
                            QCoreApplication.translate("results", "Choose a campaign first."))
    return None


def open_dashboard(window: MainWindow) -> DashboardPage | None:
    chosen = _campaign(window)
    if chosen is None:
        return None
    page = DashboardPage(window.ctx, chosen[0])
    page.back_requested.connect(window.show_home)
    # The export is always the whole campaign: the district adds up whole campaigns.
    page.export_requested.connect(lambda: open_export(window))
    window.show_page(page)
    return page


def open_export(window: MainWindow) -> ExportDialog | None:
    chosen = _campaign(window)
    if chosen is None:
        return None
    dialog = ExportDialog(window.ctx, chosen[0], chosen[1], None, window)
    dialog.exported.connect(lambda result: _exported(window, result))
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog


def _exported(window: MainWindow, result: ExportResult) -> None:
    # %n by hand: lupdate marks no plural forms for a translate() call, and a look-up with a
    # count then finds no translation (the Swedish is worded for any count).
    window.statusBar().showMessage(
        QCoreApplication.translate("results", "Saved %1 (%n call(s))")
        .replace("%n", str(result.calls)).replace("%1", str(result.path)), 15000)


def open_rollup(window: MainWindow) -> RollupDialog:
    dialog = RollupDialog(window.ctx, window)
    dialog.combined.connect(lambda result: _combined(window, result))
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog


def _combined(window: MainWindow, result: RollupResult) -> None:
    window.statusBar().showMessage(  # %n by hand, as in _exported
        QCoreApplication.translate("results", "Saved the district file %1 (%n file(s))")
        .replace("%n", str(len(result.files))).replace("%1", str(result.path)), 15000)
