"""Guard against the PySide6 build that aborts the process after a few hundred signals."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal(bool)


def test_signals_and_void_calls_do_not_leak_references_to_true_and_none(qapp: object) -> None:
    # PySide6 6.12 on Python 3.11 lost a reference per emit; after ~600 the interpreter aborts
    # ("bool_dealloc"). On a good build the counts stay put (immortal on 3.12+).
    emitter = _Emitter()
    received: list[bool] = []
    emitter.fired.connect(received.append)
    true_before, none_before = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(50):
        emitter.fired.emit(True)
        emitter.setObjectName("x")
    assert len(received) == 50
    assert sys.getrefcount(True) >= true_before - 5
    assert sys.getrefcount(None) >= none_before - 5
