"""Plan or change a calling evening: day, times, where, target groups, goals, a word for the
invitation. Saved on the task runner; a mistake keeps the dialog open with its message."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.clock import local, utcnow
from app.progress import Progress
from app.services.organising.evenings import (
    EveningGoals,
    EveningInfo,
    EveningInput,
    add_evening,
    parse_clock,
    update_evening,
)
from ui.context import UiContext
from ui.date_field import DateField
from ui.errors import show_error
from ui.sizing import fit_to_screen, height_in_lines, labels_above_at_large_text, scrolling


class EveningDialog(QDialog):
    saved = Signal(object)  # EveningInfo

    def __init__(self, ctx: UiContext, campaign_id: int, groups: tuple[str, ...],
                 evening: EveningInfo | None = None, parent: QWidget | None = None,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("eveningDialog")
        self.ctx = ctx
        self.campaign_id = campaign_id
        self.evening = evening
        self.saving = False
        first = today or local(utcnow()).date()
        self.day = DateField(evening.day if evening else first, lambda: first)
        # Typed as "18:30", as on the command line: easier than a spin box section by section.
        self.starts = QLineEdit(f"{evening.starts if evening else time(18, 0):%H:%M}")
        self.ends = QLineEdit(f"{evening.ends if evening else time(20, 0):%H:%M}")
        for edit in (self.starts, self.ends):
            edit.setPlaceholderText("18:30")
            edit.setMaxLength(5)
        self.place = QLineEdit(evening.place if evening else "")
        self.link = QLineEdit(evening.link if evening else "")
        self.link.setPlaceholderText("https://")
        self.groups = QListWidget()
        self.groups.setObjectName("eveningGroups")
        chosen = set(evening.groups) if evening else set()
        for name in groups:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if name in chosen
                               else Qt.CheckState.Unchecked)
            self.groups.addItem(item)
        height_in_lines(self.groups, 3)
        goals = evening.goals if evening else EveningGoals()
        self.goal_calls, self.goal_conversations, self.goal_recruits = (
            self._goal(goals.calls), self._goal(goals.conversations), self._goal(goals.recruits))
        self.notes = QPlainTextEdit(evening.notes if evening else "")
        self.notes.setTabChangesFocus(True)
        height_in_lines(self.notes, 3)
        self.form = QFormLayout()
        self.labels = [QLabel() for _ in range(10)]
        widgets = (self.day, self.starts, self.ends, self.place, self.link, self.groups,
                   self.goal_calls, self.goal_conversations, self.goal_recruits, self.notes)
        for label, widget in zip(self.labels, widgets, strict=True):
            label.setBuddy(widget)
            self.form.addRow(label, widget)
        labels_above_at_large_text(self, self.form)
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(self.form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(body), 1)
        layout.addWidget(self.buttons)
        self.retranslate()
        fit_to_screen(self, width_lines=34)
        self.day.setFocus()

    def _goal(self, value: int | None) -> QSpinBox:
        box = QSpinBox()
        box.setRange(0, 100_000)
        box.setValue(value or 0)
        return box

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Change the evening") if self.evening
                            else self.tr("New calling evening"))
        texts = (self.tr("&Date:"), self.tr("Start &time:"), self.tr("&End time:"),
                 self.tr("&Place:"), self.tr("&Video link:"), self.tr("Target &groups:"),
                 self.tr("Goal: ca&lls:"), self.tr("Goal: conversat&ions:"),
                 self.tr("Goal: new &members:"), self.tr("A &word for the invitation:"))
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
            buddy = label.buddy()
            if buddy is not None:
                buddy.setAccessibleName(text.replace("&", "").rstrip(":"))
        for box in (self.goal_calls, self.goal_conversations, self.goal_recruits):
            box.setSpecialValueText(self.tr("no goal"))

    def value(self) -> EveningInput:
        """What the form says; UserError-worthy problems are left to the service."""
        try:
            day = self.day.value()
        except ValueError:
            day = None
        if day is None:
            from app.services.organising.evenings import parse_day

            parse_day(self.day.text())  # raises the service's own message
        assert day is not None
        groups = tuple(self.groups.item(i).text() for i in range(self.groups.count())
                       if self.groups.item(i).checkState() == Qt.CheckState.Checked)
        return EveningInput(
            day=day, starts=parse_clock(self.starts.text()), ends=parse_clock(self.ends.text()),
            place=self.place.text(), link=self.link.text(), notes=self.notes.toPlainText(),
            groups=groups, goals=EveningGoals(
                self.goal_calls.value() or None, self.goal_conversations.value() or None,
                self.goal_recruits.value() or None))

    def save(self) -> None:
        if self.saving:
            return
        from app.errors import UserError

        try:
            data = self.value()
        except UserError as exc:
            show_error(self, exc)
            return
        db, campaign_id, evening = self.ctx.db, self.campaign_id, self.evening

        def work(_progress: Progress) -> EveningInfo:
            if evening is None:
                return add_evening(db, campaign_id, data)
            return update_evening(db, evening.id, data)

        self.saving = True
        self.buttons.setEnabled(False)
        self.ctx.runner.run(work, context=self, on_success=self._saved,
                            on_failure=self._failed, writes=True)

    def _saved(self, evening: EveningInfo) -> None:
        self.saving = False
        self.buttons.setEnabled(True)
        self.saved.emit(evening)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.saving = False
        self.buttons.setEnabled(True)
        show_error(self, exc)


class SignupDialog(QDialog):
    """Who signs up: a known volunteer picked, or a new name typed."""

    def __init__(self, volunteers: tuple[str, ...], evening_text: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtWidgets import QComboBox

        self.setObjectName("signupDialog")
        self.name = QComboBox()
        self.name.setEditable(True)
        self.name.addItems(list(volunteers))
        self.name.setCurrentIndex(-1)
        self.name.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.label = QLabel()
        self.label.setBuddy(self.name)
        self.about = QLabel(evening_text)
        self.about.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.about)
        layout.addWidget(self.label)
        layout.addWidget(self.name)
        layout.addWidget(self.buttons)
        self.setWindowTitle(self.tr("Sign up for the evening"))
        self.label.setText(self.tr("&Volunteer's name (pick or type a new one):"))
        self.name.setAccessibleName(self.tr("Volunteer's name"))
        fit_to_screen(self, width_lines=26)
        self.name.setFocus()

    def volunteer(self) -> str:
        return self.name.currentText().strip()
