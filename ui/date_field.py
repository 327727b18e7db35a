"""A date field typed the Swedish way (ÅÅÅÅ-MM-DD) or picked from a calendar; empty is no date.

QDateEdit edits a date section by section, so typing a whole date ("2026-11-02") into it
goes wrong, and an empty one (the minimum date shown as blank) opens its calendar in the
year 2000. This field is a line edit: whatever is typed is read when it is used, and its
calendar opens on the date in the field, or on today when it is empty.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, QRegularExpression, Qt
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QToolButton,
    QWidget,
)

_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})|(\d{4})(\d{2})(\d{2})")


def parse_date(text: str) -> date | None:
    """"2026-11-02", "2026-1-2" or "20261102" as a date; None for a blank text.
    ValueError when the text is not a date."""
    text = text.strip()
    if not text:
        return None
    match = _DATE.fullmatch(text)
    if match is None:
        raise ValueError("not a date")
    year, month, day = (int(part) for part in match.groups() if part is not None)
    return date(year, month, day)


class _CalendarPopup(QCalendarWidget):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowFlags(Qt.WindowType.Popup)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.ISOWeekNumbers)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)


class DateField(QWidget):
    """ÅÅÅÅ-MM-DD in a line edit beside a calendar button (Alt+Down or F4 opens it too)."""

    def __init__(self, value: date | None, today: Callable[[], date],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self.line = QLineEdit(value.isoformat() if value else "")
        self.line.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.line.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9-]{0,10}"),
                                                           self.line))
        self.line.installEventFilter(self)
        self.button = QToolButton()
        self.button.setArrowType(Qt.ArrowType.DownArrow)
        self.button.setToolTip(self.tr("Choose in a calendar (Alt+Down)"))
        self.button.setAccessibleName(self.tr("Calendar"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard has Alt+Down
        self.button.clicked.connect(self.show_calendar)
        self.calendar: _CalendarPopup | None = None
        self.setFocusProxy(self.line)
        self.setFocusPolicy(self.line.focusPolicy())  # a label's Alt+letter skips NoFocus
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.button)
        width = self.line.fontMetrics().horizontalAdvance("0000-00-00MM")
        self.line.setMinimumWidth(width)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.line and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent):
            alt_down = (event.key() == Qt.Key.Key_Down
                        and event.modifiers() & Qt.KeyboardModifier.AltModifier)
            if alt_down or event.key() == Qt.Key.Key_F4:
                self.show_calendar()
                return True
        return super().eventFilter(watched, event)

    def text(self) -> str:
        return self.line.text().strip()

    def is_valid(self) -> bool:
        try:
            parse_date(self.text())
        except ValueError:
            return False
        return True

    def value(self) -> date | None:
        """The date typed, None when empty; ValueError when the text is not a date."""
        return parse_date(self.text())

    def set_value(self, value: date | None) -> None:
        self.line.setText(value.isoformat() if value else "")

    def show_calendar(self) -> None:
        """Open on the field's date, or on today when the field is empty or not a date."""
        if self.calendar is None:
            self.calendar = _CalendarPopup(self)
            self.calendar.clicked.connect(self._picked)
            self.calendar.activated.connect(self._picked)
        try:
            current = self.value() or self._today()
        except ValueError:
            current = self._today()
        shown = QDate(current.year, current.month, current.day)
        self.calendar.setSelectedDate(shown)
        self.calendar.setCurrentPage(shown.year(), shown.month())
        self.calendar.adjustSize()
        self.calendar.move(self.mapToGlobal(self.rect().bottomLeft()))
        self.calendar.show()
        self.calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    def _picked(self, picked: QDate) -> None:
        self.set_value(date(picked.year(), picked.month(), picked.day()))
        if self.calendar is not None:
            self.calendar.close()
        self.line.setFocus(Qt.FocusReason.PopupFocusReason)
