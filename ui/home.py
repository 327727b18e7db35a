"""The home page: the campaigns, and big buttons for what an evening needs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.context import UiContext
from ui.sizing import height_in_lines, keep_scaled

if TYPE_CHECKING:
    from app.services.campaigns import CampaignSummary
    from app.services.organising.evenings import EveningInfo


class HomePage(QWidget):
    campaign_selected = Signal(object)  # campaign id or None
    start_calling = Signal()
    import_list = Signal()
    edit_scripts = Signal()
    show_results = Signal()
    edit_campaign = Signal()
    new_campaign = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("homePage")
        self.heading = QLabel()
        keep_scaled(self, self.heading, 1.8, bold=True)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        # Campaigns whose personal data is due for deletion, or soon (GDPR retention).
        self.retention_notice = QLabel()
        self.retention_notice.setObjectName("retentionNotice")
        self.retention_notice.setWordWrap(True)
        self.retention_notice.setTextFormat(Qt.TextFormat.PlainText)
        self.retention_notice.setVisible(False)
        self.campaigns = QListWidget()
        self.campaigns.setObjectName("campaignList")
        height_in_lines(self.campaigns, minimum=6)
        self.campaigns.currentItemChanged.connect(self._current_changed)
        # Enter on the chosen campaign starts calling: a main window has no default button,
        # and the list is where the focus is when the start page opens.
        self.campaigns.activated.connect(lambda _index: self.start_calling.emit())
        self.setFocusProxy(self.campaigns)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        # Tonight's planned calling evening (ui/organising): when, who signed up, its goals.
        self.tonight = QLabel()
        self.tonight.setObjectName("tonightEvening")
        self.tonight.setWordWrap(True)
        self.tonight.setTextFormat(Qt.TextFormat.PlainText)
        self.tonight.setFrameShape(QFrame.Shape.StyledPanel)
        self.tonight.hide()

        self.call_button = QPushButton()
        self.call_button.setObjectName("startCallingButton")
        self.call_button.setDefault(True)
        height_in_lines(self.call_button, minimum=3)
        self.call_button.clicked.connect(self.start_calling)
        self.import_button = QPushButton()
        self.import_button.clicked.connect(self.import_list)
        self.scripts_button = QPushButton()
        self.scripts_button.clicked.connect(self.edit_scripts)
        self.results_button = QPushButton()
        self.results_button.clicked.connect(self.show_results)
        self.campaign_button = QPushButton()
        self.campaign_button.clicked.connect(self.edit_campaign)
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.new_campaign)

        left = QVBoxLayout()
        self.list_label = QLabel()
        self.list_label.setBuddy(self.campaigns)
        left.addWidget(self.list_label)
        left.addWidget(self.campaigns, 1)
        left.addWidget(self.new_button)
        right = QVBoxLayout()
        right.addWidget(self.details)
        right.addWidget(self.tonight)
        right.addSpacing(12)
        right.addWidget(self.call_button)
        for button in (self.import_button, self.scripts_button, self.results_button,
                       self.campaign_button):
            height_in_lines(button, minimum=2)
            right.addWidget(button)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addSpacing(16)
        columns.addLayout(right, 2)
        # Inside a scroll area, so the largest text size never makes the window taller than
        # the screen.
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addWidget(self.retention_notice)
        layout.addSpacing(12)
        layout.addLayout(columns, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self._summaries: dict[int, CampaignSummary] = {}
        self._tonight: EveningInfo | None = None
        self.retranslate()
        if ctx.db_is_open:
            self.refresh()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Ringkväll"))
        self.intro.setText(self.tr("Choose a campaign, then start the calling evening."))
        self.list_label.setText(self.tr("&Campaigns"))
        self.call_button.setText(self.tr("Start calling"))
        self.import_button.setText(self.tr("Import a phone list…"))
        self.scripts_button.setText(self.tr("Conversation scripts…"))
        self.results_button.setText(self.tr("Results"))
        self.campaign_button.setText(self.tr("Campaign settings…"))
        self.new_button.setText(self.tr("New campaign…"))
        self._show_details()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        from app.services.lookups import campaign_summaries

        selected = self.selected_campaign_id() or self.ctx.campaign_id
        summaries = campaign_summaries(self.ctx.db)
        self._summaries = {s.id: s for s in summaries}
        self.campaigns.blockSignals(True)
        self.campaigns.clear()
        for summary in summaries:
            item = QListWidgetItem(summary.name)
            item.setData(Qt.ItemDataRole.UserRole, summary.id)
            self.campaigns.addItem(item)
            if summary.id == selected:
                self.campaigns.setCurrentItem(item)
        if self.campaigns.currentItem() is None and self.campaigns.count():
            self.campaigns.setCurrentRow(0)
        self.campaigns.blockSignals(False)
        self._show_retention()
        self._current_changed()

    def _show_retention(self) -> None:
        from app.services.privacy.retention import notices
        from ui.privacy.retention_texts import notice

        texts = [notice(r) for r in notices(self.ctx.db)]
        self.retention_notice.setText("\n".join(t for t in texts if t))
        self.retention_notice.setVisible(any(texts))

    def select_campaign(self, campaign_id: int) -> None:
        for row in range(self.campaigns.count()):
            item = self.campaigns.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == campaign_id:
                self.campaigns.setCurrentItem(item)
                return

    def selected_campaign_id(self) -> int | None:
        item = self.campaigns.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def set_calling_only(self, calling_only: bool) -> None:
        """A volunteer's login on a server may call and nothing else: the organiser's buttons
        go (the server would refuse what they do anyway, with a message)."""
        for button in (self.import_button, self.scripts_button, self.results_button,
                       self.campaign_button, self.new_button):
            button.setVisible(not calling_only)

    def _current_changed(self, *_: object) -> None:
        self.ctx.campaign_id = self.selected_campaign_id()
        self._read_tonight()
        self._show_details()
        self.campaign_selected.emit(self.ctx.campaign_id)

    def _show_details(self) -> None:
        has = self.ctx.campaign_id is not None
        for button in (self.call_button, self.import_button, self.scripts_button,
                       self.results_button, self.campaign_button):
            button.setEnabled(has)
        summary = self._summaries.get(self.ctx.campaign_id or -1)
        if summary is None:
            self.details.setText(self.tr("There is no campaign yet. Create one, or open the "
                                         "practice campaign from the File menu."))
            self.tonight.hide()
            return
        lines = [summary.name]
        if summary.association:
            lines.append(summary.association)
        lines.append(self.tr("%n target group(s)", "", summary.groups))
        lines.append(self.tr("%n contact(s)", "", summary.contacts))
        if summary.is_practice:
            lines.append(self.tr("Practice campaign: made-up people, nobody is really called."))
        self.details.setText("\n".join(lines))
        self._show_tonight()

    def _read_tonight(self) -> None:
        """Read tonight's evening of the chosen campaign (shown again on a language change
        without asking the database)."""
        from app.services.organising.evenings import tonights_evening

        campaign_id = self.ctx.campaign_id
        self._tonight = (tonights_evening(self.ctx.db, campaign_id)
                         if campaign_id is not None and campaign_id in self._summaries
                         else None)

    def _show_tonight(self) -> None:
        evening = self._tonight
        self.tonight.setVisible(evening is not None)
        if evening is None:
            self.tonight.clear()
            return
        lines = [self.tr("Tonight %1–%2").replace("%1", f"{evening.starts:%H:%M}")
                 .replace("%2", f"{evening.ends:%H:%M}")]
        lines += [p for p in (evening.place, evening.link) if p]
        lines.append(self.tr("Signed up: %1").replace(
            "%1", ", ".join(evening.volunteers) or self.tr("nobody yet")))
        goals = [text.replace("%1", str(n)) for text, n in (
            (self.tr("%1 calls"), evening.goals.calls),
            (self.tr("%1 conversations"), evening.goals.conversations),
            (self.tr("%1 new members"), evening.goals.recruits)) if n]
        if goals:
            lines.append(self.tr("Goals: %1").replace("%1", ", ".join(goals)))
        self.tonight.setText("\n".join(lines))
