"""A plain-Python change notification for the editor's own widgets.

Why not a Qt Signal: with PySide6 6.12 on Python 3.11 every `Signal.emit()` called from
Python drops a reference to `True` (the binding assumes Python 3.12's immortal objects), and
a few hundred emits crash the process. The editor notifies on every keystroke, so it uses
this instead; signals wired from C++ (textChanged -> slot) are not affected.
"""

from __future__ import annotations

from collections.abc import Callable


class Notifier:
    def __init__(self) -> None:
        self._callbacks: list[Callable[[], object]] = []

    def connect(self, callback: Callable[[], object]) -> None:
        self._callbacks.append(callback)

    def emit(self) -> None:
        for callback in list(self._callbacks):
            callback()
