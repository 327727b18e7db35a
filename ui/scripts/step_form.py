"""The form for one step: its texts, where it leads, its question and options, its effects."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.scripts import KINDS, Effects, Option, Question, Step
from app.services.scripts.model import NO_EFFECTS, SCALE_VALUES, YES_NO_VALUES
from ui.scripts.fields import OutcomeChooser, PlaceholderButton, StepChooser
from ui.scripts.texts import kind_names
from ui.sizing import height_in_lines, labels_above_at_large_text

YES_NO_LABELS = {"sv": ("Ja", "Nej"), "en": ("Yes", "No")}


def _lines(widget: QPlainTextEdit, factor: float) -> None:
    height_in_lines(widget, minimum=factor)


class EffectsBox(QGroupBox):
    """Outcome, follow-up and meeting sign-up (plus the membership flag for steps)."""

    edited = Signal()

    def __init__(self, with_membership: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.outcome = OutcomeChooser()
        self.follow_up = QLineEdit()
        self.meeting = QCheckBox()
        self.membership = QCheckBox() if with_membership else None
        form = QFormLayout(self)
        self.outcome_label = QLabel()
        self.outcome_label.setBuddy(self.outcome)
        self.follow_label = QLabel()
        self.follow_label.setBuddy(self.follow_up)
        form.addRow(self.outcome_label, self.outcome)
        form.addRow(self.follow_label, self.follow_up)
        labels_above_at_large_text(self, form)
        form.addRow(self.meeting)
        if self.membership is not None:
            form.addRow(self.membership)
            self.membership.toggled.connect(self.edited)
        self.outcome.currentIndexChanged.connect(self.edited)
        self.follow_up.textChanged.connect(self.edited)
        self.meeting.toggled.connect(self.edited)

    def retranslate(self, title: str) -> None:
        # The option's box stands beside the step's: only the step's gets Alt+letter keys,
        # so the same letter never points at two fields.
        def keys(text: str) -> str:
            return text if self.membership is not None else text.replace("&", "")

        self.setTitle(title)
        self.outcome.retranslate()
        self.outcome_label.setText(keys(self.tr("Out&come:")))
        self.outcome.setAccessibleName(self.tr("Outcome"))
        self.follow_label.setText(keys(self.tr("Follow-up promised:")))
        self.follow_up.setAccessibleName(self.tr("Follow-up promised"))
        self.follow_up.setPlaceholderText(self.tr("e.g. Someone calls back about the issue"))
        self.meeting.setText(keys(self.tr("Signs up for the digital &meeting")))
        if self.membership is not None:
            self.membership.setText(
                self.tr("This step collects membership details and consent"))

    def set_effects(self, effects: Effects) -> None:
        self.outcome.set_value(effects.outcome)
        self.follow_up.setText(effects.follow_up or "")
        self.meeting.setChecked(effects.meeting_signup)
        if self.membership is not None:
            self.membership.setChecked(effects.membership)

    def effects(self) -> Effects:
        effects = Effects(
            outcome=self.outcome.value(),
            follow_up=self.follow_up.text().strip() or None,
            meeting_signup=self.meeting.isChecked(),
            membership=self.membership.isChecked() if self.membership is not None else False,
        )
        return NO_EFFECTS if effects.empty else effects


class OptionsBox(QGroupBox):
    """The question's options: a list, and a form for the selected one."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.options: list[Option] = []
        self.ids: list[str] = []
        self.fixed = False  # yes/no and scale have fixed values
        self._loading = False
        self.list = QListWidget()
        self.list.setObjectName("optionList")
        self.list.setWordWrap(True)
        self.list.currentRowChanged.connect(self._show_option)
        self.add_button = QPushButton()
        self.add_button.setObjectName("addOptionButton")
        self.add_button.clicked.connect(self.add_option)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self.remove_option)
        self.value = QLineEdit()
        self.value.setObjectName("optionValue")
        self.label = QLineEdit()
        self.label.setObjectName("optionLabel")
        self.next = StepChooser(for_option=True)
        self.next.setObjectName("optionNext")
        self.effects = EffectsBox(with_membership=False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        form = QFormLayout()
        self.value_label = QLabel()
        self.value_label.setBuddy(self.value)
        self.label_label = QLabel()
        self.label_label.setBuddy(self.label)
        self.next_label = QLabel()
        self.next_label.setBuddy(self.next)
        form.addRow(self.value_label, self.value)
        form.addRow(self.label_label, self.label)
        form.addRow(self.next_label, self.next)
        labels_above_at_large_text(self, form)
        height_in_lines(self.list, maximum=7)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addLayout(buttons)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(self.effects)
        # Stacked, not side by side: the form pane stays narrow enough for a small window.
        layout = QVBoxLayout(self)
        layout.addLayout(left)
        layout.addLayout(right)
        for signal in (self.value.textChanged, self.label.textChanged,
                       self.next.editTextChanged):
            signal.connect(self._option_edited)
        self.effects.edited.connect(self._option_edited)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Answer options"))
        self.list.setAccessibleName(self.tr("Answer options"))
        self.add_button.setText(self.tr("Add option"))
        self.remove_button.setText(self.tr("Remove option"))
        self.value_label.setText(self.tr("Value (stored):"))
        self.value.setAccessibleName(self.tr("Option value"))
        self.label_label.setText(self.tr("Label (shown):"))
        self.label.setAccessibleName(self.tr("Option label"))
        self.next_label.setText(self.tr("Then &go to:"))
        self.next.setAccessibleName(self.tr("Step after this option"))
        self.next.retranslate()
        self.effects.retranslate(self.tr("When this option is chosen"))

    def set_options(self, options: tuple[Option, ...], fixed: bool, ids: list[str]) -> None:
        self.options = list(options)
        self.fixed = fixed
        self.ids = ids
        self.add_button.setEnabled(not fixed)
        self.remove_button.setEnabled(not fixed)
        self.value.setReadOnly(fixed)
        row = max(0, self.list.currentRow())
        self._refill()
        self.list.setCurrentRow(min(row, len(self.options) - 1))
        self._show_option(self.list.currentRow())

    def _refill(self) -> None:
        self.list.blockSignals(True)
        current = self.list.currentRow()
        self.list.clear()
        for option in self.options:
            target = option.next or self.tr("(step's next)")
            self.list.addItem(f"{option.label}  →  {target}")
        self.list.setCurrentRow(current)
        self.list.blockSignals(False)

    def _show_option(self, row: int) -> None:
        has = 0 <= row < len(self.options)
        for widget in (self.value, self.label, self.next, self.effects):
            widget.setEnabled(has)
        self.remove_button.setEnabled(has and not self.fixed and len(self.options) > 1)
        self._loading = True
        option = self.options[row] if has else Option("", "")
        self.value.setText(option.value)
        self.label.setText(option.label)
        self.next.set_steps(self.ids, option.next)
        self.effects.set_effects(option.effects)
        self._loading = False

    def _option_edited(self) -> None:
        row = self.list.currentRow()
        if self._loading or not 0 <= row < len(self.options):
            return
        self.options[row] = Option(
            value=self.value.text().strip(), label=self.label.text().strip(),
            next=self.next.value(), effects=self.effects.effects(),
        )
        item = self.list.item(row)
        target = self.options[row].next or self.tr("(step's next)")
        item.setText(f"{self.options[row].label}  →  {target}")
        self.edited.emit()

    def add_option(self) -> None:
        taken = {o.value for o in self.options}
        n = len(self.options) + 1
        while f"option{n}" in taken:
            n += 1
        self.options.append(Option(f"option{n}", self.tr("Option %1").replace("%1", str(n))))
        self._refill()
        self.list.setCurrentRow(len(self.options) - 1)
        self.edited.emit()
        self.label.setFocus()
        self.label.selectAll()

    def remove_option(self) -> None:
        row = self.list.currentRow()
        if self.fixed or not 0 <= row < len(self.options) or len(self.options) <= 1:
            return
        del self.options[row]
        self._refill()
        self.list.setCurrentRow(min(row, len(self.options) - 1))
        self.edited.emit()


class StepForm(QWidget):
    """Edits one Step. `edited` fires on every change; `step()` returns the edited step."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepForm")
        self.language = "sv"
        self.ids: list[str] = []
        self._loading = False
        self._key_follows_id = True
        self.step_id = QLineEdit()
        self.step_id.setObjectName("stepId")
        self.title = QLineEdit()
        self.title.setObjectName("stepTitle")
        self.text = QPlainTextEdit()
        self.text.setObjectName("stepText")
        _lines(self.text, 5)
        self.hint = QPlainTextEdit()
        self.hint.setObjectName("stepHint")
        _lines(self.hint, 2.5)
        self.placeholders = PlaceholderButton([self.text, self.hint, self.title])
        self.next = StepChooser()
        self.next.setObjectName("stepNext")
        self.kind = QComboBox()
        self.kind.setObjectName("questionKind")
        for kind in ("", *KINDS):
            self.kind.addItem("", kind)
        self.key = QLineEdit()
        self.key.setObjectName("questionKey")
        self.options = OptionsBox()
        self.effects = EffectsBox(with_membership=True)

        self.labels = {name: QLabel() for name in
                       ("id", "title", "text", "hint", "next", "kind", "key")}
        for name, widget in (("id", self.step_id), ("title", self.title), ("text", self.text),
                             ("hint", self.hint), ("next", self.next), ("kind", self.kind),
                             ("key", self.key)):
            self.labels[name].setBuddy(widget)
        form = QFormLayout()
        form.addRow(self.labels["id"], self.step_id)
        form.addRow(self.labels["title"], self.title)
        form.addRow(self.labels["text"], self.text)
        form.addRow("", self.placeholders)
        form.addRow(self.labels["hint"], self.hint)
        form.addRow(self.labels["next"], self.next)
        self.question_box = QGroupBox()
        qform = QFormLayout(self.question_box)
        qform.addRow(self.labels["kind"], self.kind)
        qform.addRow(self.labels["key"], self.key)
        qform.addRow(self.options)
        labels_above_at_large_text(self, form, qform)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.question_box)
        layout.addWidget(self.effects)
        layout.addStretch(1)

        for signal in (self.step_id.textChanged, self.title.textChanged,
                       self.text.textChanged, self.hint.textChanged,
                       self.next.editTextChanged, self.key.textChanged):
            signal.connect(self._edited)
        self.key.textEdited.connect(self._key_typed)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.options.edited.connect(self._edited)
        self.effects.edited.connect(self._edited)  # a Qt signal, emitted from C++ only
        self.retranslate()

    def retranslate(self) -> None:
        texts = {
            "id": self.tr("Step id:"), "title": self.tr("&Title:"),
            "text": self.tr("What the caller sa&ys:"), "hint": self.tr("Hint for the caller:"),
            "next": self.tr("&Next step:"), "kind": self.tr("&Question:"),
            "key": self.tr("Answer &key:"),
        }
        for name, text in texts.items():
            self.labels[name].setText(text)
        names = {
            "id": self.tr("Step id"), "title": self.tr("Step title"),
            "text": self.tr("What the caller says"), "hint": self.tr("Hint for the caller"),
            "next": self.tr("Next step"), "kind": self.tr("Question type"),
            "key": self.tr("Answer key"),
        }
        for widget, name in ((self.step_id, "id"), (self.title, "title"), (self.text, "text"),
                             (self.hint, "hint"), (self.next, "next"), (self.kind, "kind"),
                             (self.key, "key")):
            widget.setAccessibleName(names[name])
        self.hint.setPlaceholderText(self.tr("Not read aloud"))
        self.key.setToolTip(self.tr("The name the answers are counted under in the results"))
        kinds = kind_names()
        for index in range(self.kind.count()):
            self.kind.setItemText(index, kinds[str(self.kind.itemData(index))])
        self.question_box.setTitle(self.tr("Question"))
        self.next.retranslate()
        self.placeholders.retranslate()
        self.options.retranslate()
        self.effects.retranslate(self.tr("When this step is reached"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- loading and reading ---------------------------------------------------------------
    def set_step(self, step: Step, ids: list[str], language: str) -> None:
        self._loading = True
        self.language = language
        self.ids = ids
        self.step_id.setText(step.id)
        self.title.setText(step.title)
        if self.text.toPlainText() != step.text:
            self.text.setPlainText(step.text)
        if self.hint.toPlainText() != step.hint:
            self.hint.setPlainText(step.hint)
        self.next.set_steps(ids, step.next)
        question = step.question
        self.kind.setCurrentIndex(max(0, self.kind.findData(question.kind if question else "")))
        self.key.setText(question.key if question else "")
        self._key_follows_id = question is None or question.key == step.id
        self._update_question(question, ids)
        self.effects.set_effects(step.effects)
        self._loading = False

    def update_ids(self, ids: list[str]) -> None:
        """Refresh the step choosers after steps were added, removed or renamed."""
        self._loading = True
        self.ids = ids
        self.next.set_steps(ids, self.next.value())
        self.options.set_options(tuple(self.options.options), self.options.fixed, ids)
        self._loading = False

    def _update_question(self, question: Question | None, ids: list[str]) -> None:
        has = question is not None
        self.key.setEnabled(has)
        kind = question.kind if question else ""
        show_options = kind in ("yes_no", "single", "multiple", "scale")
        self.options.setVisible(show_options)
        self.options.set_options(question.options if question else (),
                                 kind in ("yes_no", "scale"), ids)

    def step(self) -> Step:
        kind = str(self.kind.currentData() or "")
        question = None
        if kind:
            options = tuple(self.options.options) if kind != "text" else ()
            question = Question(kind, self.key.text().strip() or self.step_id.text().strip(),
                                options)
        return Step(
            id=self.step_id.text().strip(),
            title=self.title.text().strip(),
            text=self.text.toPlainText().rstrip(),
            hint=self.hint.toPlainText().strip(),
            question=question,
            next=self.next.value(),
            effects=self.effects.effects(),
        )

    # --- reacting ------------------------------------------------------------------------------
    def _edited(self) -> None:
        if self._loading:
            return
        if self._key_follows_id and self.kind.currentData():
            self._loading = True
            self.key.setText(self.step_id.text().strip())
            self._loading = False
        self.edited.emit()

    def _key_typed(self) -> None:
        self._key_follows_id = False

    def _kind_changed(self) -> None:
        if self._loading:
            return
        kind = str(self.kind.currentData() or "")
        old = list(self.options.options)
        options: tuple[Option, ...] = ()
        if kind == "yes_no":
            labels = YES_NO_LABELS.get(self.language, YES_NO_LABELS["en"])
            by_value = {o.value: o for o in old}
            options = tuple(by_value.get(v) or Option(v, labels[i])
                            for i, v in enumerate(YES_NO_VALUES))
        elif kind == "scale":
            options = tuple(Option(v, v) for v in SCALE_VALUES)
        elif kind in ("single", "multiple"):
            keep = [o for o in old if o.value not in SCALE_VALUES]
            options = tuple(keep) or (Option("option1", self.tr("Option %1").replace("%1", "1")),
                                      Option("option2", self.tr("Option %1").replace("%1", "2")))
        if kind and not self.key.text().strip():
            self._loading = True
            self.key.setText(self.step_id.text().strip())
            self._key_follows_id = True
            self._loading = False
        question = Question(kind, self.key.text(), options) if kind else None
        self._update_question(question, self.ids)
        self.edited.emit()

    def select_option(self, row: int) -> None:
        self.options.list.setCurrentRow(row)

    def replace_options(self, options: tuple[Option, ...]) -> None:
        self.options.set_options(options, self.options.fixed, self.ids)
