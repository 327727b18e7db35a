"""The preview: the script run step by step as a caller sees it, with a made-up contact."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.scripts import CallContext, Script, ScriptRun
from ui.scripts.notify import Notifier
from ui.scripts.texts import outcome_names

PREVIEW_CONTACT = "Anna"
PREVIEW_VOLUNTEER = "Robin"


def _clear(layout: QVBoxLayout | QHBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            break
        widget = item.widget()
        child = item.layout()
        if widget is not None:
            widget.hide()
            widget.setObjectName("")  # so finding a step's controls by name finds only these
            widget.deleteLater()
        elif isinstance(child, QVBoxLayout | QHBoxLayout):
            _clear(child)


class RunView(QWidget):
    """Shows a ScriptRun's current step and the controls to answer, skip, go back, jump."""

    def __init__(self, run: ScriptRun, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.moved = Notifier()
        self.setObjectName("runView")
        self.run = run
        self.title = QLabel()
        self.title.setObjectName("previewTitle")
        self.title.setWordWrap(True)
        self.text = QLabel()
        self.text.setObjectName("previewText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hint = QLabel()
        self.hint.setObjectName("previewHint")
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.consent = QLabel()
        self.consent.setObjectName("previewConsent")
        self.consent.setWordWrap(True)
        self.consent.setTextFormat(Qt.TextFormat.PlainText)
        self.consent.setFrameShape(QFrame.Shape.StyledPanel)
        self.answers = QVBoxLayout()
        self.back_button = QPushButton()
        self.back_button.setObjectName("previewBack")
        self.back_button.clicked.connect(self.go_back)
        self.skip_button = QPushButton()
        self.skip_button.setObjectName("previewNext")
        self.skip_button.clicked.connect(self.go_on)
        self.jump = QComboBox()
        self.jump.setObjectName("previewJump")
        self.jump.activated.connect(self._jump_chosen)
        self.jump_label = QLabel()
        self.jump_label.setBuddy(self.jump)
        nav = QHBoxLayout()
        nav.addWidget(self.back_button)
        nav.addWidget(self.skip_button)
        nav.addStretch(1)
        nav.addWidget(self.jump_label)
        nav.addWidget(self.jump)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addWidget(self.hint)
        layout.addWidget(self.consent)
        layout.addLayout(self.answers)
        layout.addStretch(1)
        layout.addLayout(nav)
        self._apply_fonts()
        self.retranslate()

    def _apply_fonts(self) -> None:
        base = self.font().pointSizeF()
        title = self.title.font()
        title.setPointSizeF(base * 1.3)
        title.setBold(True)
        self.title.setFont(title)
        text = self.text.font()
        text.setPointSizeF(base * 1.25)
        self.text.setFont(text)
        hint = self.hint.font()
        hint.setItalic(True)
        self.hint.setFont(hint)

    def retranslate(self) -> None:
        self.back_button.setText(self.tr("&Back"))
        self.back_button.setAccessibleName(self.tr("Back one step"))
        self.jump_label.setText(self.tr("&Jump to:"))
        self.jump.setAccessibleName(self.tr("Jump to step"))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.FontChange:
            self._apply_fonts()
        super().changeEvent(event)

    # --- moving ----------------------------------------------------------------------------
    def answer(self, value: str | list[str]) -> None:
        self.run.answer(value)
        self._moved()

    def go_on(self) -> None:
        if not self.run.finished:
            self.run.advance()
            self._moved()

    def go_back(self) -> None:
        self.run.back()
        self._moved()

    def _jump_chosen(self, index: int) -> None:
        step_id = self.jump.itemData(index)
        if step_id:
            self.run.jump(str(step_id))
            self._moved()

    def _moved(self) -> None:
        self.refresh()
        self.moved.emit()

    # --- showing ---------------------------------------------------------------------------
    def refresh(self) -> None:
        run = self.run
        step = run.current
        self.jump.blockSignals(True)
        self.jump.clear()
        for candidate in run.script.steps:
            self.jump.addItem(run.render(candidate.title), candidate.id)
        self.jump.setCurrentIndex(self.jump.findData(step.id))
        self.jump.blockSignals(False)
        self.back_button.setEnabled(run.can_go_back)
        _clear(self.answers)
        if run.finished:
            self._show_summary()
            return
        self.title.setText(run.render(step.title))
        self.text.setText(run.render(step.text))
        self.hint.setText(run.render(step.hint))
        self.hint.setVisible(bool(step.hint))
        self.consent.setVisible(step.effects.membership and bool(run.script.consent_text))
        self.consent.setText(self.tr("Consent text to read out:") + "\n" + run.consent_text)
        if step.effects.membership:
            self._membership_form()
        question = step.question
        self.skip_button.setEnabled(True)
        self.skip_button.setText(self.tr("&Skip question") if question else self.tr("&Next"))
        if question is None:
            return
        if question.kind == "text":
            notes = QPlainTextEdit()
            notes.setObjectName("previewNotes")
            notes.setAccessibleName(self.tr("Notes: the person's answer"))
            notes.setMinimumHeight(notes.fontMetrics().lineSpacing() * 4)
            save = QPushButton(self.tr("Save answer and go on"))
            save.setObjectName("previewSaveText")
            save.clicked.connect(lambda: self.answer(notes.toPlainText().strip()))
            self.answers.addWidget(notes)
            self.answers.addWidget(save)
            return
        if question.kind == "multiple":
            boxes = []
            for option in question.options:
                box = QCheckBox(run.render(option.label))
                box.setProperty("value", option.value)
                boxes.append(box)
                self.answers.addWidget(box)
            done = QPushButton(self.tr("Save choices and go on"))
            done.setObjectName("previewSaveChoices")
            done.clicked.connect(lambda: self.answer(
                [str(b.property("value")) for b in boxes if b.isChecked()]))
            self.answers.addWidget(done)
            return
        row = QHBoxLayout() if question.kind == "scale" else None
        for index, option in enumerate(question.options):
            label = run.render(option.label)
            button = QPushButton(f"&{index + 1}  {label}" if row is None and index < 9
                                 else label)
            button.setObjectName(f"previewOption_{option.value}")
            button.setAccessibleName(label)
            button.clicked.connect(lambda _=False, v=option.value: self.answer(v))
            if row is not None:
                row.addWidget(button)
            else:
                self.answers.addWidget(button)
        if row is not None:
            self.answers.addLayout(row)

    def _membership_form(self) -> None:
        """The details a caller fills in at the membership step (not saved in a preview)."""
        box = QGroupBox(self.tr("New member (not saved in the preview)"))
        box.setObjectName("previewMembership")
        form = QFormLayout(box)
        for label in (self.tr("First name:"), self.tr("Last name:"), self.tr("E-mail:"),
                      self.tr("Street address:"), self.tr("Postcode and town:")):
            field = QLineEdit()
            field.setAccessibleName(label.rstrip(":"))
            form.addRow(label, field)
        form.addRow(QCheckBox(self.tr("Yes to membership")))
        form.addRow(QCheckBox(self.tr("Yes to being contacted by the association")))
        self.answers.addWidget(box)

    def _show_summary(self) -> None:
        run = self.run
        achieved = run.achieved
        self.title.setText(self.tr("The conversation is over"))
        self.text.setText(self.tr("This is what the call would save:"))
        self.hint.setVisible(False)
        self.consent.setVisible(False)
        self.skip_button.setEnabled(False)
        outcomes = outcome_names()
        lines = [
            self.tr("Outcome: %1").replace(
                "%1", outcomes.get(achieved.outcome or "", achieved.outcome or "")
                if achieved.outcome else self.tr("chosen by the caller")),
            self.tr("Follow-up: %1").replace("%1", achieved.follow_up or self.tr("none")),
            self.tr("Signed up for the meeting: %1").replace(
                "%1", self.tr("yes") if achieved.meeting_signup else self.tr("no")),
            self.tr("Membership details asked: %1").replace(
                "%1", self.tr("yes") if achieved.membership else self.tr("no")),
        ]
        questions = {q.key: q for _s, q in run.script.questions()}
        for key, value in run.answers.items():
            question = questions.get(key)
            shown = value
            if question is not None and question.kind != "text":
                labels = {o.value: run.render(o.label) for o in question.options}
                values = value if isinstance(value, list) else [value]
                shown = ", ".join(labels.get(str(v), str(v)) for v in values)
            lines.append(f"{key}: {shown}")
        summary = QLabel("\n".join(lines))
        summary.setObjectName("previewSummary")
        summary.setWordWrap(True)
        summary.setTextFormat(Qt.TextFormat.PlainText)
        self.answers.addWidget(summary)


class PreviewDialog(QDialog):
    def __init__(self, script: Script, context: CallContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scriptPreview")
        self.run = ScriptRun(script, context)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.view = RunView(self.run)
        self.restart_button = QPushButton()
        self.restart_button.clicked.connect(self.restart)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.restart_button, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        char = self.fontMetrics().averageCharWidth()
        width, height = char * 120, self.fontMetrics().lineSpacing() * 44
        screen = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        self.resize(min(width, int(screen.width() * 0.9)), min(height, int(screen.height() * 0.9)))
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Preview: %1").replace("%1", self.run.script.name))
        self.intro.setText(self.tr(
            "This is how callers will see the script. The person called is made up: %1."
        ).replace("%1", self.run.context.first_name))
        self.restart_button.setText(self.tr("Start &over"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def restart(self) -> None:
        self.run = ScriptRun(self.run.script, self.run.context)
        self.view.run = self.run
        self.view.refresh()
