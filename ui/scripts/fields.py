"""Small editing widgets the script forms share: a next-step chooser, an outcome chooser,
and the placeholder menu that inserts at the cursor."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QToolButton,
    QWidget,
)

from app.services.scripts import OUTCOMES, PLACEHOLDERS
from ui.scripts.texts import outcome_names, placeholder_names


class StepChooser(QComboBox):
    """The step an option or step leads to. Editable, so a not-yet-written step can be named
    (validation then says it is missing); empty means the script ends."""

    def __init__(self, for_option: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.for_option = for_option
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)
        self.retranslate()

    def retranslate(self) -> None:
        line = self.lineEdit()
        if line is not None:
            line.setPlaceholderText(
                QCoreApplication.translate("scripts", "(the step's next step)")
                if self.for_option else QCoreApplication.translate("scripts",
                                                                   "(the script ends)"))

    def set_steps(self, ids: list[str], current: str | None) -> None:
        self.blockSignals(True)
        self.clear()
        self.addItem("")
        self.addItems(ids)
        self.setEditText(current or "")
        self.blockSignals(False)

    def value(self) -> str | None:
        return self.currentText().strip() or None


class OutcomeChooser(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for value in ("", *OUTCOMES):
            self.addItem("", value)
        self.retranslate()

    def retranslate(self) -> None:
        names = outcome_names()
        for index in range(self.count()):
            self.setItemText(index, names[str(self.itemData(index))])

    def set_value(self, value: str | None) -> None:
        self.setCurrentIndex(max(0, self.findData(value or "")))

    def value(self) -> str | None:
        return str(self.currentData()) or None


class PlaceholderButton(QToolButton):
    """Inserts `{placeholder}` into the text field that last had focus."""

    inserted = Signal()

    def __init__(self, targets: list[QPlainTextEdit | QLineEdit],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("placeholderButton")
        self.targets = targets
        self.target: QPlainTextEdit | QLineEdit = targets[0]
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu_ = QMenu(self)
        self.setMenu(self.menu_)
        for target in targets:
            target.installEventFilter(self)
        self.retranslate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Remember the text field the user was last in: that is where a placeholder goes.
        if event.type() == QEvent.Type.FocusIn:
            for target in self.targets:
                if watched is target:
                    self.target = target
        return False

    def retranslate(self) -> None:
        self.setText(QCoreApplication.translate("scripts", "Insert placeholder"))
        self.setAccessibleName(QCoreApplication.translate("scripts", "Insert placeholder"))
        self.menu_.clear()
        names = placeholder_names()
        for name in PLACEHOLDERS:
            action = self.menu_.addAction(f"{names[name]}  {{{name}}}")
            action.setData(name)
            action.triggered.connect(lambda _=False, n=name: self.insert(n))

    def insert(self, name: str) -> None:
        text = "{" + name + "}"
        target = self.target
        target.insert(text) if isinstance(target, QLineEdit) else target.insertPlainText(text)
        target.setFocus()
        self.inserted.emit()
