"""Rätta samtal: the organiser corrects one call's outcome, answers, notes or meeting sign-up.
The correction is saved as a new version; the earlier versions are shown below, read-only."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QEvent
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.clock import local, utcnow
from app.domain.outcomes import OUTCOMES, Outcome
from app.errors import QT_TRANSLATE_NOOP, UserError
from app.progress import Progress
from app.services.calling.save import RecruitInput
from app.services.organising.call_list import CallDetail, QuestionInfo
from app.services.organising.corrections import Correction, CorrectionResult, correct_call
from app.services.organising.evenings import parse_clock
from app.settings import VOLUNTEER_NAME
from ui.calling.texts import outcome_text
from ui.context import UiContext
from ui.date_field import DateField
from ui.errors import show_error
from ui.sizing import (
    LARGE_TEXT_PT,
    fit_to_screen,
    height_in_lines,
    labels_above_at_large_text,
    scrolling,
)

_MEMBERSHIP_CONSENT = "Samtycke till medlemskap givet i telefon (rättat i efterhand)"


def _shown_label(label: str, person: str) -> str:
    """A script's option as the caller saw it: {first_name} is the person's, any other
    placeholder is left out (the campaign's texts are not needed to recognise an option)."""
    first = person.split()[0] if person.split() else ""
    return re.sub(r"\{(\w+)\}", lambda m: first if m.group(1) == "first_name" else "…", label)


def _html(text: str) -> str:
    from html import escape

    return escape(text).replace("\n", "<br>")


class CorrectionDialog(QDialog):
    def __init__(self, ctx: UiContext, detail: CallDetail, parent: QWidget | None = None,
                 now: Callable[[], datetime] = utcnow) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail = detail
        self.now = now
        self.result_: CorrectionResult | None = None
        self.setObjectName("correctionDialog")
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.outcome = QComboBox()
        self.outcome.setObjectName("correctionOutcome")
        for info in OUTCOMES:
            self.outcome.addItem("", info.outcome.value)
        self.outcome.setCurrentIndex(max(self.outcome.findData(detail.outcome), 0))
        self.outcome.currentIndexChanged.connect(self._outcome_changed)
        self.callback_day = DateField(None, lambda: local(self.now()).date())
        self.callback_day.setObjectName("correctionCallbackDay")
        self.callback_time = QLineEdit("18:00")
        self.callback_time.setObjectName("correctionCallbackTime")
        self.callback_row = QWidget()
        row = QHBoxLayout(self.callback_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.callback_day, 2)
        row.addWidget(self.callback_time, 1)
        self.member_first = QLineEdit()
        self.member_first.setObjectName("correctionMemberFirst")
        self.member_last = QLineEdit()
        self.member_last.setObjectName("correctionMemberLast")
        self.member_consent = QCheckBox()
        self.member_consent.setObjectName("correctionMemberConsent")
        self.meeting = QCheckBox()
        self.meeting.setObjectName("correctionMeeting")
        self.meeting.setChecked(detail.meeting_signup)
        self.notes = QPlainTextEdit(detail.notes)
        self.notes.setObjectName("correctionNotes")
        self.notes.setTabChangesFocus(True)
        height_in_lines(self.notes, 3, 4)
        self.changed_by = QLineEdit(str(ctx.settings.get(VOLUNTEER_NAME)))
        self.changed_by.setObjectName("correctionBy")
        self.answer_widgets: dict[str, QComboBox | QLineEdit] = {}
        self.form = QFormLayout()
        self.labels: dict[str, QLabel] = {}
        for key, widget in (("outcome", self.outcome), ("callback", self.callback_row),
                            ("first", self.member_first), ("last", self.member_last)):
            self._row(key, widget)
        self.form.addRow(self.member_consent)
        self._row("meeting_label", self.meeting)
        self._row("notes", self.notes)
        self._row("by", self.changed_by)
        self.answers_grid = QGridLayout()
        self._answers(detail)
        self.anonymous_note = QLabel()
        self.anonymous_note.setWordWrap(True)
        self.anonymous_note.setVisible(detail.anonymous_answers)
        self.versions = QTextBrowser()
        self.versions.setObjectName("correctionVersions")
        self.versions.setOpenLinks(False)
        height_in_lines(self.versions, 3, 8)
        self.versions_label = QLabel()
        self.versions_label.setBuddy(self.versions)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self).activated.connect(self.save)
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.addWidget(self.heading)
        inner.addLayout(self.form)
        inner.addLayout(self.answers_grid)
        inner.addWidget(self.anonymous_note)
        inner.addWidget(self.versions_label)
        inner.addWidget(self.versions)
        # The buttons stay in sight; the rest scrolls when the screen is full (large text).
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(content), 1)
        layout.addWidget(self.buttons)
        labels_above_at_large_text(self, self.form)
        self.retranslate()
        self._outcome_changed()
        # As wide as the answers' labels need (at least 52 lines), within the screen.
        line = max(self.fontMetrics().height(), 1)
        fit_to_screen(self, max(52.0, content.sizeHint().width() / line + 3))
        self.outcome.setFocus()

    def _row(self, key: str, widget: QWidget) -> None:
        label = QLabel()
        label.setBuddy(widget)
        self.labels[key] = label
        self.form.addRow(label, widget)

    def _answers(self, detail: CallDetail) -> None:
        questions: list[QuestionInfo] = list(detail.questions)
        known = {q.key for q in questions}
        questions += [QuestionInfo(key, "text", ()) for key, _ in detail.answers
                      if key not in known]
        answers = dict(detail.answers)
        for q in questions:
            value = answers.get(q.key)
            widget: QComboBox | QLineEdit
            if q.kind in ("yes_no", "single", "scale") and q.options:
                widget = QComboBox()
                widget.addItem("–", None)
                for option_value, label in q.options:
                    widget.addItem(_shown_label(label or option_value, detail.person),
                                   option_value)
                widget.setCurrentIndex(max(widget.findData(value), 0))
            elif isinstance(value, list):
                widget = QLineEdit(", ".join(str(v) for v in value))
                widget.setProperty("multiple", True)
            else:
                widget = QLineEdit("" if value is None else str(value))
                widget.setProperty("multiple", q.kind == "multiple")
            widget.setObjectName(f"answer_{q.key}")
            answer_label = QLabel(_shown_label(q.label or q.key, detail.person))
            answer_label.setToolTip(q.key)
            answer_label.setBuddy(widget)
            # Two answers a row at normal text, so a whole script fits without scrolling.
            columns = 1 if self.font().pointSizeF() >= LARGE_TEXT_PT else 2
            index = len(self.answer_widgets)
            row, column = divmod(index, columns)
            self.answers_grid.addWidget(answer_label, row, 2 * column)
            self.answers_grid.addWidget(widget, row, 2 * column + 1)
            self.answers_grid.setColumnStretch(2 * column + 1, 1)
            self.answer_widgets[q.key] = widget

    def retranslate(self) -> None:
        d = self.detail
        self.setWindowTitle(self.tr("Correct a call"))
        saved = f"{local(d.saved_at):%Y-%m-%d %H:%M}"
        self.heading.setText(
            self.tr("<b>%1</b>, called %2 by %3 (%4). Version %5.")
            .replace("%1", _html(d.person or "–")).replace("%2", saved)
            .replace("%3", _html(d.volunteer or "–")).replace("%4", _html(d.number or "–"))
            .replace("%5", str(d.version)))
        for index in range(self.outcome.count()):
            self.outcome.setItemText(index, outcome_text(str(self.outcome.itemData(index))))
        texts = {
            "outcome": self.tr("&Outcome:"), "callback": self.tr("&When to call back (day, time):"),
            "first": self.tr("New member's &first name:"),
            "last": self.tr("New member's &last name:"),
            "meeting_label": self.tr("Digital meeting:"), "notes": self.tr("&Notes:"),
            "by": self.tr("Corrected &by:"),
        }
        for key, text in texts.items():
            self.labels[key].setText(text)
        self.member_consent.setText(self.tr("The person &agreed to become a member"))
        self.meeting.setText(self.tr("Signed up for the &meeting"))
        self.versions_label.setText(self.tr("Earlier &versions:"))
        self.anonymous_note.setText(self.tr(
            "This campaign counts answers without a name, so the call has no answers to "
            "correct."))
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        if save is not None:
            save.setText(self.tr("&Save the correction"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if cancel is not None:
            cancel.setText(self.tr("&Cancel"))
        self._show_versions()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_versions(self) -> None:
        if not self.detail.versions:
            self.versions.setHtml(self.tr("Never corrected: this is the call as it was saved."))
            return
        parts = []
        for v in reversed(self.detail.versions):
            answers = ", ".join(f"{k}: {', '.join(map(str, a)) if isinstance(a, list) else a}"
                                for k, a in v.answers) or "–"
            parts.append(
                self.tr("<p><b>Version %1</b>, %2, %3<br>%4. Meeting: %5. Answers: %6<br>"
                        "Notes: %7</p>")
                .replace("%1", str(v.version))
                .replace("%2", f"{local(v.changed_at):%Y-%m-%d %H:%M}")
                .replace("%3", _html(v.changed_by or "–"))
                .replace("%4", _html(outcome_text(v.outcome)))
                .replace("%5", self.tr("yes") if v.meeting_signup else self.tr("no"))
                .replace("%6", _html(answers)).replace("%7", _html(v.notes or "–")))
        self.versions.setHtml("".join(parts))

    def _outcome_changed(self) -> None:
        outcome = self.outcome.currentData()
        callback = outcome == Outcome.CALLBACK.value
        member = outcome == Outcome.RECRUITED.value and not self.detail.has_recruit
        for widget, shown in ((self.callback_row, callback), (self.member_first, member),
                              (self.member_last, member)):
            self.form.setRowVisible(widget, shown)
        self.form.setRowVisible(self.member_consent, member)

    # -- saving -----------------------------------------------------------------------------

    def correction(self) -> Correction:
        """What the organiser typed; UserError for what cannot be read."""
        outcome = str(self.outcome.currentData())
        answers: dict[str, object] = {}
        for key, widget in self.answer_widgets.items():
            if isinstance(widget, QComboBox):
                if widget.currentData() is not None:
                    answers[key] = widget.currentData()
            elif widget.property("multiple"):
                items = [p.strip() for p in widget.text().split(",") if p.strip()]
                if items:
                    answers[key] = items
            elif widget.text().strip():
                answers[key] = widget.text().strip()
        callback_at = None
        if outcome == Outcome.CALLBACK.value and self.callback_day.text():
            day = self.callback_day.value() if self.callback_day.is_valid() else None
            if day is None:
                raise UserError(QT_TRANSLATE_NOOP("app", "'{text}' is not a date (YYYY-MM-DD)"),
                                text=self.callback_day.text())
            clock = parse_clock(self.callback_time.text())
            callback_at = datetime.combine(day, clock).astimezone().astimezone(UTC)
        recruit = None
        if outcome == Outcome.RECRUITED.value and not self.detail.has_recruit and (
                self.member_first.text().strip() or self.member_last.text().strip()):
            consent = self.member_consent.isChecked()
            recruit = RecruitInput(self.member_first.text(), self.member_last.text(), consent,
                                   _MEMBERSHIP_CONSENT if consent else "")
        return Correction(
            call_id=self.detail.call_id, outcome=outcome, notes=self.notes.toPlainText(),
            answers=answers, meeting_signup=self.meeting.isChecked(),
            changed_by=self.changed_by.text(), seen_version=self.detail.version,
            callback_at=callback_at, recruit=recruit)

    def save(self) -> None:
        try:
            correction = self.correction()
        except UserError as exc:
            show_error(self, exc)
            return
        db, now = self.ctx.db, self.now()
        self.buttons.setEnabled(False)

        def work(_progress: Progress) -> CorrectionResult:
            return correct_call(db, correction, now=now)

        self.ctx.runner.run(work, context=self, on_success=self._saved,
                            on_failure=self._failed, writes=True)

    def _saved(self, result: CorrectionResult) -> None:
        self.result_ = result
        self.buttons.setEnabled(True)
        self.ctx.events.changed.emit("calls")
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        show_error(self, exc)
        self.outcome.setFocus()
