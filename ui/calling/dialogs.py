"""The small dialogs of the calling screen: callback time, membership, skip, evening summary."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDateTime, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.clock import utcnow
from app.services.calling import ContactCard, RecruitInput
from app.services.calling.save import RECRUIT_FIELD_LENGTHS
from app.services.calling.stats import Summary
from ui.calling.texts import outcome_text
from ui.sizing import fit_to_screen, grow_to_fit, keep_scaled, scrolling


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                           | QDialogButtonBox.StandardButton.Cancel)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class CallbackDialog(QDialog):
    """When to call back: quick choices, or a time picked."""

    def __init__(self, parent: QWidget | None = None, now: datetime | None = None,
                 said: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("callbackDialog")
        self.setWindowTitle(self.tr("Call back"))
        self._now = now or utcnow()
        self.in_hour = QRadioButton(self.tr("In an &hour"))
        self.tomorrow = QRadioButton(self.tr("&Tomorrow evening (18:00)"))
        self.pick = QRadioButton(self.tr("&Pick a time:"))
        self.group = QButtonGroup(self)
        for button in (self.in_hour, self.tomorrow, self.pick):
            self.group.addButton(button)
        self.in_hour.setChecked(True)
        self.picker = QDateTimeEdit(QDateTime.currentDateTime().addSecs(2 * 3600))
        self.picker.setCalendarPopup(True)
        self.picker.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.picker.setAccessibleName(self.tr("Time to call back"))
        self.picker.setEnabled(False)
        self.pick.toggled.connect(self.picker.setEnabled)
        self.picker.dateTimeChanged.connect(lambda _d: self.pick.setChecked(True))
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("When should we call back?"))
        layout.addWidget(label)
        if said.strip():
            # What the volunteer typed in the script, when it did not name a time.
            heard = QLabel(self.tr("They said: %1").replace("%1", said.strip()))
            heard.setObjectName("callbackSaid")
            heard.setWordWrap(True)
            heard.setTextFormat(Qt.TextFormat.PlainText)
            layout.addWidget(heard)
        layout.addWidget(self.in_hour)
        layout.addWidget(self.tomorrow)
        layout.addWidget(self.pick)
        layout.addWidget(self.picker)
        layout.addWidget(_buttons(self))

    def when(self) -> datetime:
        """The chosen time, aware UTC."""
        if self.in_hour.isChecked():
            return self._now + timedelta(hours=1)
        if self.tomorrow.isChecked():
            local_now = self._now.astimezone()
            evening = (local_now + timedelta(days=1)).replace(hour=18, minute=0, second=0,
                                                              microsecond=0)
            return evening.astimezone(UTC)
        seconds = self.picker.dateTime().toSecsSinceEpoch()
        return datetime.fromtimestamp(seconds, UTC)


class MembershipDialog(QDialog):
    """The membership form: details, and consent read out and confirmed (both required)."""

    def __init__(self, card: ContactCard, consent_text: str, number: str,
                 parent: QWidget | None = None, filled: RecruitInput | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("membershipDialog")
        self.setWindowTitle(self.tr("New member"))
        self.first_name = QLineEdit(card.first_name)
        self.last_name = QLineEdit(card.last_name)
        self.email = QLineEdit()
        self.phone = QLineEdit(number)
        self.street = QLineEdit()
        self.postcode = QLineEdit()
        self.city = QLineEdit(card.city)
        for name, length in RECRUIT_FIELD_LENGTHS.items():
            if length:
                getattr(self, name).setMaxLength(length)
        self.birth_year = QSpinBox()
        self.birth_year.setRange(0, utcnow().year)
        self.birth_year.setSpecialValueText(self.tr("not given"))
        self.birth_year.setValue(utcnow().year - card.age if card.age else 0)
        self.consent_text = consent_text
        consent_label = QLabel(consent_text)
        consent_label.setWordWrap(True)
        consent_label.setTextFormat(Qt.TextFormat.PlainText)
        consent_label.setObjectName("consentText")
        consent_label.setFrameShape(QLabel.Shape.StyledPanel)
        self.consent = QCheckBox(self.tr("The person has heard the text above and &agrees"))
        self.contact_ok = QCheckBox(self.tr("The association may &contact them by email or "
                                            "text message"))
        form = QFormLayout()
        rows = (
            (self.tr("&First name:"), self.first_name), (self.tr("&Last name:"), self.last_name),
            (self.tr("&Email:"), self.email), (self.tr("&Phone:"), self.phone),
            (self.tr("&Street:"), self.street), (self.tr("Postco&de:"), self.postcode),
            (self.tr("C&ity:"), self.city), (self.tr("&Birth year:"), self.birth_year),
        )
        for text, widget in rows:
            form.addRow(text, widget)
            widget.setAccessibleName(text.replace("&", "").rstrip(":"))
        self.buttons = _buttons(self)
        # The form scrolls at large text on a small screen; the buttons stay in view.
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addLayout(form)
        read = QLabel(self.tr("Read this to the person:"))
        body_layout.addWidget(read)
        body_layout.addWidget(consent_label)
        body_layout.addWidget(self.consent)
        body_layout.addWidget(self.contact_ok)
        body_layout.addStretch(1)
        self.body = scrolling(body)
        layout = QVBoxLayout(self)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.buttons)
        fit_to_screen(self)
        for signal in (self.consent.toggled, self.first_name.textChanged,
                       self.last_name.textChanged):
            signal.connect(self._update)
        if filled is not None:
            self._fill(filled)
        self._update()

    def _fill(self, r: RecruitInput) -> None:
        """The details saved before (Undo): all back, ready to correct."""
        for edit, value in ((self.first_name, r.first_name), (self.last_name, r.last_name),
                            (self.email, r.email), (self.phone, r.phone),
                            (self.street, r.street), (self.postcode, r.postcode),
                            (self.city, r.city)):
            edit.setText(value)
        self.birth_year.setValue(r.birth_year or 0)
        self.consent.setChecked(r.consent_membership)
        self.contact_ok.setChecked(r.consent_contact)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, lambda: grow_to_fit(self, self.body))

    def _update(self, *_: object) -> None:
        ok = self.consent.isChecked() and bool(
            self.first_name.text().strip() or self.last_name.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def recruit(self) -> RecruitInput:
        year = self.birth_year.value()
        return RecruitInput(
            first_name=self.first_name.text(), last_name=self.last_name.text(),
            consent_membership=self.consent.isChecked(), consent_text=self.consent_text,
            email=self.email.text(), phone=self.phone.text(), street=self.street.text(),
            postcode=self.postcode.text(), city=self.city.text(),
            birth_year=year or None, consent_contact=self.contact_ok.isChecked(),
        )


class SkipDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("skipDialog")
        self.setWindowTitle(self.tr("Skip this person"))
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.addItems([self.tr("I know this person"), self.tr("Not a good moment"),
                              self.tr("Another caller should take this one")])
        self.reason.setAccessibleName(self.tr("Reason for skipping"))
        label = QLabel(self.tr("&Why do you skip? The person goes back to the list."))
        label.setBuddy(self.reason)
        label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.reason)
        layout.addWidget(_buttons(self))

    def text(self) -> str:
        return self.reason.currentText()


class SummaryDialog(QDialog):
    """The end of the evening: what this volunteer did, and thanks."""

    def __init__(self, summary: Summary, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summaryDialog")
        self.setWindowTitle(self.tr("Your evening"))
        heading = QLabel(self.tr("Thank you, %1!").replace("%1", name))
        keep_scaled(self, heading, 1.5, bold=True)
        counts = summary.counts
        lines = [
            self.tr("%n call(s)", "", counts.calls),
            self.tr("%n conversation(s)", "", counts.conversations),
            self.tr("%n new member(s)", "", counts.recruits),
            self.tr("%n follow-up(s) promised", "", counts.follow_ups),
        ]
        if summary.by_outcome:
            lines.append("")
            for outcome, count in sorted(summary.by_outcome.items(),
                                         key=lambda item: -item[1]):
                lines.append(f"{outcome_text(outcome)}: {count}")
        body = QLabel("\n".join(lines))
        body.setObjectName("summaryBody")
        body.setTextFormat(Qt.TextFormat.PlainText)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        box.rejected.connect(self.accept)
        box.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(body)
        layout.addWidget(box)
