"""The dashboard's tables: read-only Qt item models filled from a Report."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ui.sizing import rows_follow_font

Cell = str | int | float | None


def _item(value: Cell) -> QStandardItem:
    item = QStandardItem()
    if value is None:
        item.setText("–")
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
    elif isinstance(value, int | float):
        text = QLocale().toString(value) if isinstance(value, int) else \
            QLocale().toString(value, "f", 1)
        item.setText(text)
        item.setData(value, Qt.ItemDataRole.UserRole)
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    else:
        item.setText(value)
        if value.endswith("%"):  # a formatted rate: a number, aligned like one
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    item.setEditable(False)
    return item


def fill_model(model: QStandardItemModel, headers: Sequence[str],
               rows: Sequence[Sequence[Cell]]) -> None:
    model.clear()
    model.setHorizontalHeaderLabels(list(headers))
    for row in rows:
        model.appendRow([_item(v) for v in row])


class FiguresTable(QTableView):
    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figures = QStandardItemModel(self)
        self.setModel(self.figures)
        self.setAccessibleName(name)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        rows_follow_font(self)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(False)

    def show_rows(self, headers: Sequence[str], rows: Sequence[Sequence[Cell]]) -> None:
        fill_model(self.figures, headers, rows)
