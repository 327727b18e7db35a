"""Answering Qt's modal dialogs from a test: a dialog's exec() runs an event loop of its own,
so the test cannot wait for it; a timer finds it once it is up."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QWidget

W = TypeVar("W", bound=QWidget)


def on_next_modal(kind: type[W], act: Callable[[W], None]) -> list[W]:
    """Call `act` on the next modal widget of `kind` (it must answer or close it); the ones
    met are collected in the list returned."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    met: list[W] = []

    def look() -> None:
        widget = QApplication.activeModalWidget()
        if not isinstance(widget, kind):
            QTimer.singleShot(20, look)
            return
        met.append(widget)
        act(widget)

    QTimer.singleShot(0, look)
    return met
