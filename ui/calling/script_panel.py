"""The script panel: the campaign's conversation script, one step at a time, answers recorded
as the volunteer clicks (or presses Alt+1, Alt+2, ...)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.services.calling.answers import MAX_TEXT
from app.services.scripts import CallContext, Script, ScriptRun, Step, render

VOICEMAIL_STEP_IDS = ("voicemail", "rostbrevlada", "röstbrevlåda", "telefonsvarare")


def _clear(layout: QVBoxLayout | QHBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            break
        widget = item.widget()
        inner = item.layout()
        if widget is not None:
            widget.deleteLater()
        elif isinstance(inner, (QVBoxLayout, QHBoxLayout)):
            _clear(inner)


class ScriptPanel(QFrame):
    changed = Signal()  # an answer was given or taken back
    answered = Signal(object, object)  # the Step answered, and the answer
    ended = Signal()  # the walk reached its end: nothing here takes the focus any more

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scriptPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.script: Script | None = None
        self.run: ScriptRun | None = None
        self.problem = ""
        self.heading = QLabel()
        self.heading.setObjectName("scriptHeading")
        self.heading.setWordWrap(True)
        self.step_title = QLabel()
        self.step_title.setObjectName("stepTitle")
        self.step_title.setWordWrap(True)
        self.step_text = QLabel()
        self.step_text.setObjectName("stepText")
        self.step_text.setWordWrap(True)
        self.step_text.setTextFormat(Qt.TextFormat.PlainText)
        self.step_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hint = QLabel()
        self.hint.setObjectName("stepHint")
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.answers_box = QVBoxLayout()
        self.back = QPushButton()
        self.back.setObjectName("scriptBack")
        self.back.clicked.connect(self.go_back)
        self.forward = QPushButton()
        self.forward.setObjectName("scriptNext")
        self.forward.clicked.connect(self.go_on)
        self.jump_label = QLabel()
        self.jump = QComboBox()
        self.jump.setObjectName("scriptJump")
        self.jump_label.setBuddy(self.jump)
        self.jump.activated.connect(self._jump_chosen)
        self.voicemail_button = QPushButton()
        self.voicemail_button.setObjectName("voicemailButton")
        self.voicemail_button.setCheckable(True)
        self.voicemail_button.toggled.connect(self._show_voicemail)
        self.voicemail = QLabel()
        self.voicemail.setObjectName("voicemailText")
        self.voicemail.setWordWrap(True)
        self.voicemail.setTextFormat(Qt.TextFormat.PlainText)
        self.voicemail.setFrameShape(QFrame.Shape.StyledPanel)
        self.voicemail.hide()

        body = QWidget()
        inner = QVBoxLayout(body)
        inner.addWidget(self.step_title)
        inner.addWidget(self.step_text)
        inner.addWidget(self.hint)
        inner.addLayout(self.answers_box)
        inner.addStretch(1)
        self.step_scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        nav = QHBoxLayout()
        nav.addWidget(self.back)
        nav.addWidget(self.forward)
        nav.addStretch(1)
        jump_row = QHBoxLayout()
        jump_row.addWidget(self.jump_label)
        jump_row.addWidget(self.jump, 1)
        self.jump.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.jump.setMinimumContentsLength(10)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.voicemail_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.voicemail)
        layout.addWidget(scroll, 1)
        layout.addLayout(nav)
        layout.addLayout(jump_row)
        for keys, slot in (("Alt+Left", self.go_back), ("Alt+Right", self.go_on)):
            QShortcut(QKeySequence(keys), self).activated.connect(slot)
        for number in range(1, 10):
            shortcut = QShortcut(QKeySequence(f"Alt+{number}"), self)
            shortcut.activated.connect(lambda n=number: self.choose_option(n))
        self._apply_fonts()
        self.retranslate()

    def _apply_fonts(self) -> None:
        base = self.font().pointSizeF()
        for label, factor, bold in ((self.heading, 1.0, True), (self.step_title, 1.3, True),
                                    (self.step_text, 1.15, False)):
            font = label.font()
            font.setPointSizeF(base * factor)
            font.setBold(bold)
            label.setFont(font)
        italic = self.hint.font()
        italic.setItalic(True)
        self.hint.setFont(italic)

    def retranslate(self) -> None:
        self.back.setText(self.tr("◀ &Back") + " (Alt+←)")
        self.back.setAccessibleName(self.tr("Previous step"))
        self.forward.setText(self.tr("Ne&xt step") + " (Alt+→) ▶")
        self.forward.setAccessibleName(self.tr("Next step without answering"))
        self.jump_label.setText(self.tr("&Go to:"))
        self.jump.setAccessibleName(self.tr("Go to a step of the script"))
        self.voicemail_button.setText(self.tr("&Voicemail text"))
        self.voicemail_button.setAccessibleName(self.tr("Show what to say on voicemail"))
        self.voicemail.setAccessibleName(self.tr("What to say on voicemail"))
        self._refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.FontChange:
            self._apply_fonts()
        super().changeEvent(event)

    # -- state ----------------------------------------------------------------------------

    def set_script(self, script: Script | None, problem: str = "") -> None:
        self.script = script
        self.problem = problem
        self.jump.clear()
        if script is not None:
            for step in script.steps:
                self.jump.addItem(step.title or step.id, step.id)

    def start(self, context: CallContext) -> None:
        """A fresh walk for the next contact."""
        self.context = context
        self.run = ScriptRun(self.script, context) if self.script and self.script.steps else None
        self.voicemail_button.setChecked(False)
        self._refresh()
        self.changed.emit()

    def answers(self) -> dict[str, object]:
        return dict(self.run.answers) if self.run else {}

    def restore(self, answers: dict[str, object]) -> None:
        """Walk the script again with answers saved before (Undo): each answered question on
        the path is answered the same way, steps without a question are passed while answers
        are left, and the walk stops after the last one."""
        run = self.run
        if run is None:
            return
        left = dict(answers)
        while left and not run.finished:
            question = run.current.question
            if question is None:
                run.advance()
                continue
            if question.key not in left:
                break
            try:
                run.answer(left.pop(question.key))  # type: ignore[arg-type]
            except (ValueError, TypeError):
                break  # the script changed since: keep what matched
        self._after_move()

    # -- moving ---------------------------------------------------------------------------

    def answer(self, value: str | list[str]) -> None:
        if self.run is None or self.run.finished:
            return
        step = self.run.current
        self.run.answer(value)
        self._after_move()
        self.answered.emit(step, value)

    def go_back(self) -> None:
        if self.run is not None and self.run.can_go_back:
            self.run.back()
            self._after_move()

    def go_on(self) -> None:
        if self.run is not None and not self.run.finished:
            self.run.advance()
            self._after_move()

    def jump_to(self, step_id: str) -> None:
        if self.run is not None:
            self.run.jump(step_id)
            self._after_move()

    def _jump_chosen(self, index: int) -> None:
        step_id = self.jump.itemData(index)
        if step_id:
            self.jump_to(str(step_id))

    def _after_move(self) -> None:
        self._refresh()
        self.changed.emit()
        # The widget that had the focus (the option just chosen) is gone: give it to the next
        # step's first answer, or the volunteer's next key goes nowhere. New widgets are only
        # shown by the next layout pass, and a hidden widget cannot take the focus.
        first = self._first_answer_widget()
        if first is None and self.run is not None and not self.run.finished:
            first = self.forward  # a step to read out: Enter goes on
        if first is None:
            self.ended.emit()
            return
        if self.isVisible():
            first.show()
        first.setFocus(Qt.FocusReason.OtherFocusReason)
        self._scroll_to(first)

    # -- drawing --------------------------------------------------------------------------

    def _refresh(self) -> None:
        _clear(self.answers_box)
        self.option_buttons: list[QAbstractButton] = []
        self.text_editor: QLineEdit | None = None
        run = self.run
        name = self.script.name if self.script else ""
        self.heading.setText(self.tr("Script: %1").replace("%1", name) if name
                             else self.tr("Script"))
        has_run = run is not None
        for widget in (self.back, self.forward, self.jump, self.jump_label,
                       self.voicemail_button):
            widget.setEnabled(has_run)
        if run is None:
            self.step_title.setText(self.problem or self.tr("This campaign has no conversation "
                                                            "script. Talk freely."))
            self.step_text.clear()
            self.hint.hide()
            return
        self.back.setEnabled(run.can_go_back)
        self.forward.setEnabled(not run.finished)
        if run.finished:
            self.step_title.setText(self.tr("End of the script"))
            self.step_text.setText(self.tr("Choose the outcome below and save with "
                                           "Ctrl+Return."))
            self.hint.hide()
            return
        step = run.current
        index = self.jump.findData(step.id)
        if index >= 0:
            self.jump.setCurrentIndex(index)
        self.step_title.setText(run.render(step.title))
        self.step_text.setText(run.render(step.text))
        self.hint.setText(run.render(step.hint))
        self.hint.setVisible(bool(step.hint))
        if step.question is not None:
            self._build_question(step)

    def _build_question(self, step: Step) -> None:
        question = step.question
        assert question is not None and self.run is not None
        if question.kind == "text":
            edit = QLineEdit()
            edit.setObjectName("textAnswer")
            edit.setMaxLength(MAX_TEXT)  # what a call's save takes
            self.text_editor = edit
            edit.setAccessibleName(self.run.render(step.title))
            done = QPushButton(self.tr("&Continue"))
            done.clicked.connect(lambda: self.answer(edit.text()))
            edit.returnPressed.connect(done.click)
            row = QHBoxLayout()
            row.addWidget(edit, 1)
            row.addWidget(done)
            self.answers_box.addLayout(row)
            return
        if question.kind == "multiple":
            boxes: list[tuple[QCheckBox, str]] = []
            for i, option in enumerate(question.options, start=1):
                box = QCheckBox(self._mnemonic(i, self.run.render(option.label)))
                box.setObjectName(f"option_{option.value}")
                box.setAccessibleName(option.label)
                self.answers_box.addWidget(box)
                self.option_buttons.append(box)
                boxes.append((box, option.value))
            done = QPushButton(self.tr("&Continue"))
            done.setObjectName("multipleDone")
            done.clicked.connect(lambda: self.answer([v for b, v in boxes if b.isChecked()]))
            self.answers_box.addWidget(done)
            return
        row = QHBoxLayout()
        for i, option in enumerate(question.options, start=1):
            button = QPushButton(self._mnemonic(i, self.run.render(option.label)))
            button.setObjectName(f"option_{option.value}")
            button.setAccessibleName(option.label)
            button.clicked.connect(lambda _c=False, v=option.value: self.answer(v))
            self.option_buttons.append(button)
            if question.kind == "scale":
                row.addWidget(button)
            else:
                self.answers_box.addWidget(button)
        if row.count():
            self.answers_box.addLayout(row)

    @staticmethod
    def _mnemonic(i: int, label: str) -> str:
        # Alt+1..Alt+9 choose an option (QShortcuts, see choose_option); "&&" keeps a
        # literal ampersand in the label.
        safe = label.replace("&", "&&")
        return f"Alt+{i}   {safe}" if i <= 9 else safe

    def choose_option(self, number: int) -> None:
        """Alt+number: click (or, for several choices, tick) the option with that number."""
        if 0 < number <= len(self.option_buttons):
            button = self.option_buttons[number - 1]
            if button.isCheckable():
                button.toggle()
            else:
                button.click()

    def _scroll_to(self, widget: QWidget) -> None:
        """Keep the step in view at large text sizes, where it may be below the fold."""
        parent = self.parentWidget()
        while parent is not None:
            if isinstance(parent, QScrollArea):
                parent.ensureWidgetVisible(widget)
            parent = parent.parentWidget()
        self.step_scroll.ensureWidgetVisible(widget)

    def first_answer_widget(self) -> QWidget | None:
        """Where the keyboard belongs on this step: its first option, or its text field."""
        return self._first_answer_widget()

    def _first_answer_widget(self) -> QWidget | None:
        return self.option_buttons[0] if self.option_buttons else self._first_editor()

    def _first_editor(self) -> QWidget | None:
        return self.text_editor

    # -- voicemail ------------------------------------------------------------------------

    def voicemail_text(self) -> str:
        context = getattr(self, "context", CallContext())
        if self.script is not None:
            for step in self.script.steps:
                if step.id.lower() in VOICEMAIL_STEP_IDS:
                    return render(step.text, context)
        template = self.tr(
            "Hi {first_name}, this is {volunteer} from {association}. I called to talk about "
            "{local_issue}. I will try again another day. Have a nice evening!")
        return render(template, context)

    def _show_voicemail(self, on: bool) -> None:
        self.voicemail.setText(self.voicemail_text())
        self.voicemail.setVisible(on)
