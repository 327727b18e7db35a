"""The campaign settings dialog: what the campaign is about, its meeting, and its calling rules."""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import QDate, QDateTime, QTime, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.clock import local, utcnow
from app.services.campaign_edit import load_campaign_settings
from app.services.campaigns import CampaignSettings, suggested_delete_after
from ui.context import UiContext
from ui.date_field import DateField
from ui.errors import show_error
from ui.sizing import fit_to_screen, grow_to_fit, scrolling

NO_DATE = QDate(2000, 1, 1)  # shown as the "special value" (no date set)


class _HoursEdit(QWidget):
    """Two time fields for a "09:00-20:00" calling window."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        start, _, end = text.partition("-")
        self.start = QTimeEdit(QTime.fromString(start.strip(), "HH:mm"))
        self.end = QTimeEdit(QTime.fromString("23:59" if end.strip() == "24:00" else end.strip(),
                                              "HH:mm"))
        for edit in (self.start, self.end):
            edit.setDisplayFormat("HH:mm")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.start)
        layout.addWidget(QLabel("–"))
        layout.addWidget(self.end)
        layout.addStretch(1)

    def text(self) -> str:
        end = self.end.time().toString("HH:mm")
        return f"{self.start.time().toString('HH:mm')}-{'24:00' if end == '23:59' else end}"


class CampaignDialog(QDialog):
    def __init__(self, ctx: UiContext, campaign_id: int, parent: QWidget | None = None,
                 now: datetime | None = None) -> None:
        super().__init__(parent)
        self._now = now  # tests fix "today"; None means the clock
        self.ctx = ctx
        self.campaign_id = campaign_id
        current = load_campaign_settings(ctx.db, campaign_id)
        self.setWindowTitle(self.tr("Campaign settings"))
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)

        self.name = QLineEdit(current.name)
        self.association = QLineEdit(current.association)
        self.starts_on = DateField(current.starts_on, self._today)
        self.ends_on = DateField(current.ends_on, self._today)
        self.local_issue = QLineEdit(current.local_issue)
        self.local_message = QPlainTextEdit(current.local_message)
        self.local_message.setTabChangesFocus(True)
        self.delete_after = DateField(current.delete_after, self._today)
        self._suggested_delete_after: date | None = None
        if current.delete_after is None:
            self._suggest_delete_after()
        self.ends_on.line.textChanged.connect(self._suggest_delete_after)
        self.delete_after_hint = QLabel(self.tr(
            "Personal data is kept no longer than needed (GDPR). Suggested: three months "
            "after the campaign ends."))
        self.delete_after_hint.setWordWrap(True)
        for line in (self.name, self.association, self.local_issue):
            line.setCursorPosition(0)  # show the start of a long text, not its end
        about = QFormLayout()
        about.addRow(self.tr("&Name:"), self.name)
        about.addRow(self.tr("&Association:"), self.association)
        about.addRow(self.tr("&Starts:"), self.starts_on)
        about.addRow(self.tr("&Ends:"), self.ends_on)
        about.addRow(self.tr("Local &issue:"), self.local_issue)
        about.addRow(self.tr("Our &message:"), self.local_message)
        about.addRow(self.tr("&Delete personal data after:"), self.delete_after)
        about.addRow("", self.delete_after_hint)
        from ui.privacy.campaign_box import CampaignPrivacyBox

        self.privacy = CampaignPrivacyBox(ctx, campaign_id, now=now)
        about.addRow(self.privacy)
        self.record_button = QPushButton(self.tr("Re&cord of processing…"))
        self.record_button.setObjectName("recordButton")
        self.record_button.clicked.connect(self.open_record)
        about.addRow("", self.record_button)

        self.meeting_title = QLineEdit(current.meeting_title)
        self.meeting_at = QDateTimeEdit()
        self.meeting_at.setCalendarPopup(True)
        self.meeting_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.meeting_at.setMinimumDateTime(QDateTime(NO_DATE, QTime(0, 0)))
        self.meeting_at.setSpecialValueText(" ")
        self.meeting_at.setDateTime(self.meeting_at.minimumDateTime())
        if current.meeting_at is not None:
            self.meeting_at.setDateTime(QDateTime.fromSecsSinceEpoch(
                int(current.meeting_at.timestamp())))
        self.meeting_link = QLineEdit(current.meeting_link)
        self.meeting_guest = QLineEdit(current.meeting_guest)
        for line in (self.meeting_title, self.meeting_link, self.meeting_guest):
            line.setCursorPosition(0)
        meeting = QFormLayout()
        meeting.addRow(self.tr("&Title:"), self.meeting_title)
        meeting.addRow(self.tr("&When:"), self.meeting_at)
        meeting.addRow(self.tr("&Link:"), self.meeting_link)
        meeting.addRow(self.tr("&Guest:"), self.meeting_guest)

        self.retry_wait = QSpinBox()
        self.retry_wait.setRange(0, 60 * 24 * 14)
        self.retry_wait.setSuffix(self.tr(" min"))
        self.retry_wait.setValue(current.retry_wait_minutes)
        self.max_attempts = QSpinBox()
        self.max_attempts.setRange(1, 20)
        self.max_attempts.setValue(current.max_attempts)
        self.weekday_hours = _HoursEdit(current.weekday_hours)
        self.weekend_hours = _HoursEdit(current.weekend_hours)
        self.notes_enabled = QCheckBox(self.tr("Callers may leave notes for the next caller"))
        self.notes_enabled.setChecked(current.notes_enabled)
        self.goal_conversations = QSpinBox()
        self.goal_conversations.setRange(0, 100_000)
        self.goal_conversations.setValue(current.goal_conversations or 0)
        self.goal_recruits = QSpinBox()
        self.goal_recruits.setRange(0, 100_000)
        self.goal_recruits.setValue(current.goal_recruits or 0)
        calling = QFormLayout()
        calling.addRow(self.tr("&Wait before calling again:"), self.retry_wait)
        calling.addRow(self.tr("&Attempts per contact:"), self.max_attempts)
        calling.addRow(self.tr("Calling hours, wee&kdays:"), self.weekday_hours)
        calling.addRow(self.tr("Calling hours, week&ends:"), self.weekend_hours)
        calling.addRow(self.notes_enabled)
        calling.addRow(self.tr("Goal, &conversations:"), self.goal_conversations)
        calling.addRow(self.tr("Goal, new &members:"), self.goal_recruits)

        self.tabs = QTabWidget()
        for layout, title in ((about, self.tr("Campaign")), (meeting, self.tr("Digital meeting")),
                              (calling, self.tr("Calling"))):
            page = QWidget()
            page.setLayout(layout)
            self.tabs.addTab(scrolling(page), title)  # scrolls at large text on small screens
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        main = QVBoxLayout(self)
        main.addWidget(self.tabs)
        main.addWidget(buttons)
        fit_to_screen(self)
        self.tabs.currentChanged.connect(lambda _index: self._grow())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self._grow)

    def _grow(self) -> None:
        """Taller when the tab's wrapped texts need it (up to the screen; then it scrolls)."""
        area = self.tabs.currentWidget()
        if isinstance(area, QScrollArea):
            grow_to_fit(self, area)

    def settings(self) -> CampaignSettings:
        meeting_at = None
        if self.meeting_at.dateTime() != self.meeting_at.minimumDateTime():
            meeting_at = datetime.fromtimestamp(self.meeting_at.dateTime().toSecsSinceEpoch(), UTC)
        return CampaignSettings(
            name=self.name.text(),
            association=self.association.text().strip(),
            starts_on=self.starts_on.value(),
            ends_on=self.ends_on.value(),
            local_issue=self.local_issue.text().strip(),
            local_message=self.local_message.toPlainText().strip(),
            meeting_title=self.meeting_title.text().strip(),
            meeting_at=meeting_at,
            meeting_link=self.meeting_link.text().strip(),
            meeting_guest=self.meeting_guest.text().strip(),
            retry_wait_minutes=self.retry_wait.value(),
            max_attempts=self.max_attempts.value(),
            weekday_hours=self.weekday_hours.text(),
            weekend_hours=self.weekend_hours.text(),
            notes_enabled=self.notes_enabled.isChecked(),
            goal_conversations=self.goal_conversations.value() or None,
            goal_recruits=self.goal_recruits.value() or None,
            delete_after=self.delete_after.value(),
        )

    def open_record(self) -> None:
        """The record of processing (GDPR art. 30), filled in and printed in its own dialog."""
        from ui.privacy.record_dialog import RecordDialog

        dialog = RecordDialog(self.ctx, self.campaign_id, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.record_dialog = dialog

    def _today(self) -> date:
        return local(self._now or utcnow()).date()

    def _suggest_delete_after(self) -> None:
        """Fill in three months after the end while the field is empty or still holds the
        previous suggestion; a date the organiser typed stays."""
        try:
            ends_on = self.ends_on.value()
            shown = self.delete_after.value()
        except ValueError:
            return
        if shown is not None and shown != self._suggested_delete_after:
            return
        suggestion = suggested_delete_after(ends_on) if ends_on else None
        self._suggested_delete_after = suggestion
        self.delete_after.set_value(suggestion)

    def _check_dates(self) -> bool:
        for field in (self.starts_on, self.ends_on, self.delete_after):
            if not field.is_valid():
                self.tabs.setCurrentIndex(0)
                QMessageBox.warning(self, self.tr("Campaign settings"), self.tr(
                    "“%1” is not a date: write it as YYYY-MM-DD, for example 2026-11-02."
                ).replace("%1", field.text()))
                field.setFocus()
                return False
        return True

    def save(self) -> None:
        """Store on the task runner; the dialog closes once it is saved."""
        if not self._check_dates():
            return
        from app.services.privacy.campaign_privacy import save_settings_and_privacy

        db, campaign_id, settings = self.ctx.db, self.campaign_id, self.settings()
        anonymous = self.privacy.anonymous_answers.isChecked()
        self.save_button.setEnabled(False)  # one save at a time
        self.ctx.runner.run(
            lambda _progress: save_settings_and_privacy(db, campaign_id, settings, anonymous),
            context=self, on_success=self._saved, on_failure=self._not_saved, writes=True)

    def _saved(self, _result: None) -> None:
        self.save_button.setEnabled(True)
        self.ctx.events.changed.emit("campaigns")
        self.accept()

    def _not_saved(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        show_error(self, exc, retry=self.save)


def edit_campaign(window: object) -> None:
    from ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    if window.ctx.campaign_id is None:
        return
    dialog = CampaignDialog(window.ctx, window.ctx.campaign_id, window)
    dialog.exec()
