"""Start of the evening: who is calling, for which campaign, which target group."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.services.campaigns import CampaignSummary
from app.services.demo import PRACTICE_NAME
from app.services.lookups import campaign_summaries, group_choices, volunteer_names
from ui.context import UiContext

PRACTICE_NEW = -1  # the practice campaign, not created yet


class StartDialog(QDialog):
    def __init__(self, ctx: UiContext, name: str, campaign_id: int | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("startEveningDialog")
        self.setWindowTitle(self.tr("Start calling"))
        self.intro = QLabel(self.tr("Welcome! Who is calling tonight, and for what?"))
        self.intro.setWordWrap(True)
        self.name = QComboBox()
        self.name.setObjectName("volunteerName")
        self.name.setEditable(True)
        self.name.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.name.setAccessibleName(self.tr("Your name"))
        self.campaign = QComboBox()
        self.campaign.setObjectName("campaignChoice")
        self.campaign.setAccessibleName(self.tr("Campaign"))
        self.group = QComboBox()
        self.group.setObjectName("groupChoice")
        self.group.setAccessibleName(self.tr("Target group"))
        self.practice_hint = QLabel()
        self.practice_hint.setWordWrap(True)
        self.practice_hint.setObjectName("practiceHint")
        names = volunteer_names(ctx.db)
        self.summaries: list[CampaignSummary] = campaign_summaries(ctx.db)
        self.name.addItems(names)
        self.name.setCurrentText(name)
        for summary in self.summaries:
            label = summary.name
            if summary.is_practice:
                label = self.tr("%1 (practice)").replace("%1", summary.name)
            self.campaign.addItem(label, summary.id)
        if not any(s.is_practice for s in self.summaries):
            # Offered even before it exists; choosing it creates it (made-up people only).
            self.campaign.addItem(self.tr("%1 (practice)").replace("%1", PRACTICE_NAME),
                                  PRACTICE_NEW)
        index = self.campaign.findData(campaign_id) if campaign_id is not None else -1
        if not name:
            # A first-time volunteer starts on the practice campaign.
            practice = next((i for i in range(self.campaign.count())
                             if self._is_practice(self.campaign.itemData(i))), -1)
            if practice >= 0:
                index = practice
                self.practice_hint.setText(self.tr(
                    "First time? Start with the practice campaign: made-up people, nobody is "
                    "really called."))
        self.practice_hint.setVisible(bool(self.practice_hint.text()))
        self.campaign.currentIndexChanged.connect(self._fill_groups)
        self.campaign.setCurrentIndex(max(index, 0))
        self._fill_groups()
        form = QFormLayout()
        form.addRow(self.tr("Your &name:"), self.name)
        form.addRow(self.tr("&Campaign:"), self.campaign)
        form.addRow(self.tr("&Target group:"), self.group)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Start calling"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name.currentTextChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.practice_hint)
        layout.addWidget(self.buttons)
        self._update()
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)

    def _is_practice(self, data: object) -> bool:
        return data == PRACTICE_NEW or any(
            s.id == data and s.is_practice for s in self.summaries)

    def _fill_groups(self, *_: object) -> None:
        self.group.clear()
        self.group.addItem(self.tr("All groups"), None)
        campaign_id = self.campaign.currentData()
        if campaign_id is None or campaign_id == PRACTICE_NEW:
            return
        for group in group_choices(self.ctx.db, int(campaign_id)):
            self.group.addItem(group.name, group.id)

    def _update(self, *_: object) -> None:
        ok = bool(self.name.currentText().strip()) and self.campaign.currentData() is not None
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def volunteer(self) -> str:
        return " ".join(self.name.currentText().split())

    def campaign_id(self) -> int | None:
        data = self.campaign.currentData()
        return None if data is None else int(data)

    def group_id(self) -> int | None:
        data = self.group.currentData()
        return None if data is None else int(data)
