"""Logg: the audit trail (who imported, exported, erased or changed what, and when), newest
first, for every campaign or one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.clock import local
from app.services.campaigns import CampaignSummary
from app.services.lookups import campaign_summaries
from app.services.privacy.audit_log import AuditEntry, audit_entries
from ui.context import UiContext
from ui.list_table import list_table
from ui.privacy.audit_texts import detail_text
from ui.sizing import keep_scaled

if TYPE_CHECKING:
    from ui.main_window import MainWindow

COLUMNS = 6


class AuditPage(QWidget):
    back_requested = Signal()

    def __init__(self, ctx: UiContext, campaign: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.entries: list[AuditEntry] = []
        self.campaigns: list[str] = []
        self.loads = 0  # finished loads, for tests
        self._wanted = campaign
        self.setObjectName("auditPage")
        self.title = QLabel()
        keep_scaled(self, self.title, 1.4, bold=True)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.campaign = QComboBox()
        self.campaign.setObjectName("auditCampaign")
        self.campaign_label = QLabel()
        self.campaign_label.setBuddy(self.campaign)
        self.campaign.currentIndexChanged.connect(self.refresh)
        self.table = list_table("auditTable", COLUMNS, wrap=True)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.back_requested)
        filters = QHBoxLayout()
        filters.addWidget(self.campaign_label)
        filters.addWidget(self.campaign, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        ctx.events.changed.connect(self._data_changed)
        self.retranslate()
        db = ctx.db
        ctx.runner.run(lambda _progress: campaign_summaries(db), context=self,
                       on_success=self._campaigns_loaded)

    # -- texts ------------------------------------------------------------------------------

    def action_text(self, action: str) -> str:
        return {
            "list_imported": self.tr("A phone list was imported"),
            "results_exported": self.tr("Results were exported"),
            "rollup_written": self.tr("District files were combined"),
            "purge": self.tr("A campaign's personal data was deleted"),
            "erase": self.tr("A person was erased"),
            "person_exported": self.tr("Everything about a person was written to a file"),
            "dnc_added": self.tr("Numbers were put on the do-not-call list"),
            "script_imported": self.tr("A script was imported"),
            "script_edited": self.tr("A script was edited"),
            "pack_created": self.tr("A calling pack was made"),
            "pack_revoked": self.tr("A calling pack was taken back"),
            "pack_merged": self.tr("A calling pack's results were received"),
            "record_updated": self.tr("The record of processing was changed"),
            "campaign_updated": self.tr("The campaign's settings were changed"),
            "contact_skipped": self.tr("A person was skipped"),
            "call_undone": self.tr("A call was undone"),
            "practice_campaign_created": self.tr("The practice campaign was made"),
            "database_uploaded": self.tr("A file was moved to the server"),
        }.get(action, action)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Log"))
        self.intro.setText(self.tr(
            "Everything done with the personal data: imports, exports, deletions and "
            "changes, with when and who. The log never holds the names or numbers of the "
            "people called."))
        self.campaign_label.setText(self.tr("&Campaign:"))
        self.back_button.setText(self.tr("Bac&k"))
        self.table.setHorizontalHeaderLabels([
            self.tr("When"), self.tr("What"), self.tr("Who"), self.tr("Computer user"),
            self.tr("Campaign"), self.tr("Details")])
        self.empty.setText(self.tr("Nothing has been logged yet."))
        self._fill_campaigns()
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- data -------------------------------------------------------------------------------

    def _campaigns_loaded(self, summaries: list[CampaignSummary]) -> None:
        self.campaigns = [s.name for s in summaries]
        self._fill_campaigns()
        self.refresh()

    def _fill_campaigns(self) -> None:
        # Until the campaigns have come, the one asked for; then whatever the user chose.
        chosen = self.campaign.currentData() if self.loads else self._wanted
        self.campaign.blockSignals(True)
        self.campaign.clear()
        self.campaign.addItem(self.tr("All campaigns"), None)
        for name in self.campaigns:
            self.campaign.addItem(name, name)
        index = self.campaign.findData(chosen) if chosen is not None else 0
        self.campaign.setCurrentIndex(max(index, 0))
        self.campaign.blockSignals(False)

    def _data_changed(self, _what: str) -> None:
        self.refresh()

    def refresh(self) -> None:
        db, chosen = self.ctx.db, self.campaign.currentData()
        self.ctx.runner.run(lambda _progress: audit_entries(db, chosen), context=self,
                            on_success=self._loaded)

    def _loaded(self, entries: list[AuditEntry]) -> None:
        self.entries = entries
        self._fill()
        self.loads += 1

    def _fill(self) -> None:
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            texts = (f"{local(entry.at):%Y-%m-%d %H:%M}", self.action_text(entry.action),
                     entry.actor or "–", entry.os_user or "–", entry.campaign or "–",
                     detail_text(entry.detail))
            for column, text in enumerate(texts):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeRowsToContents()
        self.empty.setVisible(not self.entries)


def open_audit(window: MainWindow) -> AuditPage:
    """Kampanj › Logg: every campaign's entries (the chosen campaign's can be picked)."""
    page = AuditPage(window.ctx)
    page.back_requested.connect(window.show_home)
    window.show_page(page)
    page.table.setFocus()
    return page
