"""One button per outcome, Ctrl+1..Ctrl+9 in the order of app.domain.outcomes, the shortcut
printed on each button."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QPushButton, QWidget

from app.domain.outcomes import OUTCOMES
from ui.calling.texts import outcome_text

COLUMNS = 3


class OutcomeBar(QWidget):
    chosen = Signal(str)  # the outcome the volunteer picked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outcomeBar")
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QPushButton] = {}
        self.columns = COLUMNS
        self.grid = grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for index, info in enumerate(OUTCOMES):
            button = QPushButton()
            button.setObjectName(f"outcome_{info.outcome.value}")
            button.setCheckable(True)
            button.setMinimumHeight(int(button.fontMetrics().height() * 1.15))
            button.clicked.connect(lambda _c=False, o=info.outcome.value: self.chosen.emit(o))
            button.toggled.connect(lambda _on: self.retranslate())
            self.group.addButton(button)
            self.buttons[info.outcome.value] = button
            grid.addWidget(button, index // COLUMNS, index % COLUMNS)
        self.retranslate()

    def retranslate(self) -> None:
        for index, (outcome, button) in enumerate(self.buttons.items(), start=1):
            text = outcome_text(outcome)
            # The chosen one is marked in its text too, readable in light and dark themes.
            mark = "✔ " if button.isChecked() else ""
            button.setText(f"{mark}Ctrl+{index}  {text}")
            button.setAccessibleName(self.tr("Outcome: %1").replace("%1", text))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.FontChange:
            for button in self.buttons.values():
                button.setMinimumHeight(int(button.fontMetrics().height() * 1.15))
        super().changeEvent(event)

    def set_columns(self, columns: int) -> None:
        """Three columns under the screen, or one beside it (large text)."""
        self.columns = columns
        for index, button in enumerate(self.buttons.values()):
            self.grid.removeWidget(button)
            self.grid.addWidget(button, index // columns, index % columns)

    def select(self, outcome: str | None) -> None:
        if outcome is None:
            self.group.setExclusive(False)
            for button in self.buttons.values():
                button.setChecked(False)
            self.group.setExclusive(True)
        else:
            self.buttons[outcome].setChecked(True)

    def selected(self) -> str | None:
        for outcome, button in self.buttons.items():
            if button.isChecked():
                return outcome
        return None
