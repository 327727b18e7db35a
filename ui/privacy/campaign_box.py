"""The privacy part of the campaign settings: when the personal data goes (and a button to
delete it now), and the switch "answers without a name"."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton, QVBoxLayout, QWidget

from app.services.privacy.campaign_privacy import load_anonymous_answers
from app.services.privacy.retention import campaign_retention
from ui.context import UiContext
from ui.privacy.retention_texts import notice, purged


class CampaignPrivacyBox(QWidget):
    def __init__(self, ctx: UiContext, campaign_id: int, parent: QWidget | None = None,
                 now: datetime | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.campaign_id = campaign_id
        self._now = now
        self.retention_label = QLabel()
        self.retention_label.setObjectName("campaignRetention")
        self.retention_label.setWordWrap(True)
        self.retention_label.setTextFormat(Qt.TextFormat.PlainText)
        self.purge_button = QPushButton(self.tr("Delete personal data n&ow…"))
        self.purge_button.setObjectName("purgeNowButton")
        self.purge_button.clicked.connect(self.purge_now)
        self.anonymous_answers = QCheckBox(self.tr(
            "Save answers without a link to the &person"))
        self.anonymous_answers.setObjectName("anonymousAnswers")
        self.anonymous_answers.setChecked(load_anonymous_answers(ctx.db, campaign_id))
        hint = QLabel(self.tr(
            "Then the answers to the script's questions are only counted, per target group and "
            "day, and never stored with the person or the call. The figures and the exports "
            "still show them. Follow-ups and new members are still saved with the person."))
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.retention_label)
        layout.addWidget(self.purge_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addSpacing(8)
        layout.addWidget(self.anonymous_answers)
        layout.addWidget(hint)
        self.refresh()

    def refresh(self) -> None:
        retention = campaign_retention(self.ctx.db, self.campaign_id, now=self._now)
        text = ""
        if retention is not None:
            text = purged(retention) or notice(retention)
        self.retention_label.setText(text)
        self.retention_label.setVisible(bool(text))
        self.purge_button.setEnabled(retention is not None and retention.purged_at is None)

    def purge_now(self) -> None:
        from ui.privacy.purge_ui import purge_early

        retention = campaign_retention(self.ctx.db, self.campaign_id, now=self._now)
        if retention is not None:
            purge_early(self, self.ctx, retention, done=lambda _result: self.refresh())
