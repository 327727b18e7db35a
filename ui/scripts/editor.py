"""The script editor: steps on the left with the live problem list, the selected step's form
on the right, and the script's own fields (name, language, consent text) in a tab."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.scripts import Problem, Script, Step, StoredScript, validate
from ui.scripts.fields import PlaceholderButton
from ui.scripts.step_form import StepForm
from ui.scripts.texts import problem_text
from ui.sizing import height_in_lines, labels_above_at_large_text

ERROR_COLOR = QColor("#b00020")


def _rename_references(steps: list[Step], old: str, new: str) -> list[Step]:
    """Keep every link pointing at a step whose id is being typed over."""
    result = []
    for step in steps:
        if step.next == old:
            step = replace(step, next=new)
        if step.question is not None and any(o.next == old for o in step.question.options):
            options = tuple(replace(o, next=new) if o.next == old else o
                            for o in step.question.options)
            step = replace(step, question=replace(step.question, options=options))
        result.append(step)
    return result


class ScriptFields(QWidget):
    """The script's own fields."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self.name = QLineEdit()
        self.name.setObjectName("scriptName")
        self.language = QComboBox()
        self.language.addItem("", "sv")
        self.language.addItem("", "en")
        self.description = QPlainTextEdit()
        height_in_lines(self.description, minimum=3)
        self.consent = QPlainTextEdit()
        self.consent.setObjectName("consentText")
        height_in_lines(self.consent, minimum=5)
        self.placeholders = PlaceholderButton([self.consent, self.description])
        self.labels = [QLabel() for _ in range(4)]
        form = QFormLayout(self)
        for label, widget in zip(self.labels,
                                 (self.name, self.language, self.description, self.consent),
                                 strict=True):
            label.setBuddy(widget)
            form.addRow(label, widget)
        form.addRow("", self.placeholders)
        labels_above_at_large_text(self, form)
        self.name.textChanged.connect(self._changed)
        self.language.currentIndexChanged.connect(self._changed)
        self.description.textChanged.connect(self._changed)
        self.consent.textChanged.connect(self._changed)
        self.placeholders.inserted.connect(self._changed)
        self.retranslate()

    def retranslate(self) -> None:
        for label, text in zip(self.labels, (
            self.tr("&Name:"), self.tr("Lan&guage:"), self.tr("Descrip&tion:"),
            self.tr("&Consent text:"),
        ), strict=True):
            label.setText(text)
        self.name.setAccessibleName(self.tr("Script name"))
        self.language.setAccessibleName(self.tr("Script language"))
        self.language.setItemText(0, self.tr("Swedish"))
        self.language.setItemText(1, self.tr("English"))
        self.description.setAccessibleName(self.tr("Description"))
        self.consent.setAccessibleName(self.tr("Consent text"))
        self.consent.setPlaceholderText(self.tr(
            "Read aloud at the membership step and saved with each new member"))
        self.placeholders.retranslate()

    def _changed(self) -> None:
        if not self._loading:
            self.edited.emit()

    def set_script(self, script: Script) -> None:
        self._loading = True
        self.name.setText(script.name)
        self.language.setCurrentIndex(max(0, self.language.findData(script.language)))
        self.description.setPlainText(script.description)
        self.consent.setPlainText(script.consent_text)
        self._loading = False

    def apply(self, script: Script) -> Script:
        return replace(
            script, name=self.name.text().strip(),
            language=str(self.language.currentData()),
            description=self.description.toPlainText().strip(),
            consent_text=self.consent.toPlainText().strip(),
        )


class ScriptEditor(QWidget):
    """Edits a working copy of a script; never touches the database itself."""

    changed = Signal()  # the working copy changed (and was validated again)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scriptEditor")
        self.base: StoredScript | None = None
        self.steps: list[Step] = []
        self.meta = Script("", "", "sv", 1, ())
        self.problems: list[Problem] = []
        self.dirty = False
        self._loading = False

        self.steps_label = QLabel()
        self.step_list = QListWidget()
        self.step_list.setObjectName("stepList")
        self.step_list.setWordWrap(True)
        self.steps_label.setBuddy(self.step_list)
        self.step_list.currentRowChanged.connect(self._step_selected)
        self.add_button = QPushButton()
        self.add_button.setObjectName("addStepButton")
        self.add_button.clicked.connect(self.add_step)
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("removeStepButton")
        self.remove_button.clicked.connect(self.remove_step)
        self.up_button = QPushButton()
        self.up_button.clicked.connect(lambda: self.move_step(-1))
        self.down_button = QPushButton()
        self.down_button.clicked.connect(lambda: self.move_step(+1))
        self.problems_label = QLabel()
        self.problem_list = QListWidget()
        self.problem_list.setObjectName("problemList")
        self.problem_list.setWordWrap(True)
        self.problems_label.setBuddy(self.problem_list)
        self.problem_list.itemActivated.connect(self._problem_chosen)
        self.problem_list.itemClicked.connect(self._problem_chosen)

        self.form = StepForm()
        self.form.edited.connect(self._step_edited)
        self.fields = ScriptFields()
        self.fields.edited.connect(self._fields_edited)

        step_buttons = QGridLayout()
        step_buttons.addWidget(self.add_button, 0, 0)
        step_buttons.addWidget(self.remove_button, 0, 1)
        step_buttons.addWidget(self.up_button, 1, 0)
        step_buttons.addWidget(self.down_button, 1, 1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.steps_label)
        left_layout.addWidget(self.step_list, 3)
        left_layout.addLayout(step_buttons)
        left_layout.addWidget(self.problems_label)
        left_layout.addWidget(self.problem_list, 2)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        self.tabs = QTabWidget()
        self.tabs.addTab(scroll, "")
        fields_scroll = QScrollArea()
        fields_scroll.setWidgetResizable(True)
        fields_scroll.setWidget(self.fields)
        self.tabs.addTab(fields_scroll, "")

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.retranslate()
        self.setEnabled(False)

    def retranslate(self) -> None:
        self.steps_label.setText(self.tr("Steps"))
        self.step_list.setAccessibleName(self.tr("Steps"))
        self.add_button.setText(self.tr("A&dd step"))
        self.remove_button.setText(self.tr("R&emove"))
        self.up_button.setText(self.tr("Up"))
        self.up_button.setAccessibleName(self.tr("Move step up"))
        self.down_button.setText(self.tr("Down"))
        self.down_button.setAccessibleName(self.tr("Move step down"))
        self.problems_label.setText(self.tr("Pro&blems"))
        self.problem_list.setAccessibleName(self.tr("Problems"))
        self.tabs.setTabText(0, self.tr("Step"))
        self.tabs.setTabText(1, self.tr("Script"))
        if hasattr(self, "fields"):
            self.fields.retranslate()
        self._refresh_problems()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- the working copy ------------------------------------------------------------------
    def load(self, stored: StoredScript) -> None:
        self.base = stored
        self.meta = replace(stored.script, steps=())
        self.steps = list(stored.script.steps)
        self.fields.set_script(stored.script)
        self.dirty = False
        self.setEnabled(True)
        self._fill_steps(0)
        self._validate()

    def script(self) -> Script:
        return replace(self.meta, steps=tuple(self.steps))

    @property
    def valid(self) -> bool:
        return bool(self.steps) and not self.problems

    def step_ids(self) -> list[str]:
        return [step.id for step in self.steps]

    def current_row(self) -> int:
        return self.step_list.currentRow()

    def select_step(self, step_id: str) -> None:
        if step_id in self.step_ids():
            self.step_list.setCurrentRow(self.step_ids().index(step_id))

    # --- steps -----------------------------------------------------------------------------
    def add_step(self) -> None:
        n = len(self.steps) + 1
        while f"step{n}" in self.step_ids():
            n += 1
        step = Step(f"step{n}", self.tr("New step"))
        row = self.current_row() + 1 if self.current_row() >= 0 else len(self.steps)
        self.steps.insert(row, step)
        self._changed(row)
        self.tabs.setCurrentIndex(0)
        self.form.step_id.setFocus()
        self.form.step_id.selectAll()

    def remove_step(self) -> None:
        row = self.current_row()
        if 0 <= row < len(self.steps) and len(self.steps) > 1:
            del self.steps[row]
            self._changed(min(row, len(self.steps) - 1))

    def move_step(self, delta: int) -> None:
        row = self.current_row()
        target = row + delta
        if 0 <= row < len(self.steps) and 0 <= target < len(self.steps):
            self.steps[row], self.steps[target] = self.steps[target], self.steps[row]
            self._changed(target)

    def _changed(self, row: int) -> None:
        self.dirty = True
        self._fill_steps(row)
        self._validate()

    def _fill_steps(self, row: int) -> None:
        self._loading = True
        self.step_list.clear()
        for step in self.steps:
            self.step_list.addItem(QListWidgetItem(self._step_label(step)))
        self._loading = False
        self.step_list.setCurrentRow(max(0, min(row, len(self.steps) - 1)))
        self._step_selected(self.step_list.currentRow())

    def _step_label(self, step: Step) -> str:
        return f"{step.title}  ({step.id})"

    def _step_selected(self, row: int) -> None:
        if self._loading or not 0 <= row < len(self.steps):
            return
        self.form.set_step(self.steps[row], self.step_ids(), self.meta.language)
        self.remove_button.setEnabled(len(self.steps) > 1)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(row < len(self.steps) - 1)

    def _step_edited(self) -> None:
        row = self.current_row()
        if not 0 <= row < len(self.steps):
            return
        old = self.steps[row]
        new = self.form.step()
        ids_changed = new.id != old.id
        self.steps[row] = new
        if ids_changed and new.id and self.step_ids().count(new.id) == 1:
            self.steps = _rename_references(self.steps, old.id, new.id)
            new = self.steps[row]
        self.dirty = True
        item = self.step_list.item(row)
        if item is not None:
            item.setText(self._step_label(new))
        if ids_changed:
            self.form.update_ids(self.step_ids())
        self._validate()

    def _fields_edited(self) -> None:
        language = self.meta.language
        self.meta = self.fields.apply(self.meta)
        if self.meta.language != language:
            self.form.language = self.meta.language
        self.dirty = True
        self._validate()

    # --- validation --------------------------------------------------------------------------
    def _validate(self) -> None:
        self.problems = validate(self.script()) if self.steps else []
        self._refresh_problems()
        self.changed.emit()

    def _refresh_problems(self) -> None:
        if not hasattr(self, "problems"):
            return
        self.problem_list.clear()
        bad_steps = {p.step for p in self.problems}
        for problem in self.problems:
            item = QListWidgetItem(problem_text(problem))
            item.setData(Qt.ItemDataRole.UserRole, problem.step)
            item.setForeground(QBrush(ERROR_COLOR))
            self.problem_list.addItem(item)
        if not self.problems:
            item = QListWidgetItem(self.tr("No problems: the script can be used for calling."))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.problem_list.addItem(item)
        for row, step in enumerate(self.steps[: self.step_list.count()]):
            item = self.step_list.item(row)
            bad = step.id in bad_steps
            item.setForeground(QBrush(ERROR_COLOR) if bad else QBrush())
            item.setToolTip(self.tr("This step has a problem") if bad else "")

    def _problem_chosen(self, item: QListWidgetItem) -> None:
        step_id = item.data(Qt.ItemDataRole.UserRole)
        if step_id:
            self.tabs.setCurrentIndex(0)
            self.select_step(str(step_id))
        elif item.data(Qt.ItemDataRole.UserRole) is None and self.problems:
            self.tabs.setCurrentIndex(1)
