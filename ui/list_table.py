"""The read-only tables the organiser's pages list their rows in (calls, inbox, evenings,
plans, packs, the log): one way to set them up."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget

from ui.sizing import rows_follow_font


def list_table(name: str, columns: int, *, wrap: bool = False) -> QTableWidget:
    """A table of whole rows to pick one from, never edited in place; columns as wide as
    their text, the last taking the rest. `wrap`: long texts wrap, and the page sizes the
    rows to them after filling (resizeRowsToContents); else rows are one line of the
    current text size, also after it changed."""
    table = QTableWidget(0, columns)
    table.setObjectName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    if wrap:
        table.setWordWrap(True)
    else:
        rows_follow_font(table)
    return table
