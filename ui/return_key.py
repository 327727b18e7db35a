"""Enter on a focused button presses it, in the main window as in a dialog.

Qt presses a focused push button on Enter only in dialogs (its "auto default"); in the main
window Enter did nothing, and only the space bar worked, which few volunteers know. The
window passes a key its widgets left unused here (keyPressEvent)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QCheckBox, QRadioButton

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def press_focused_button(event: QKeyEvent) -> bool:
    """Press the focused button on a plain Enter; whether it did. Ticks and choices keep
    Qt's own keys (the space bar toggles them): Enter on them is not a choice."""
    if event.key() not in _ENTER or event.modifiers() not in (
            Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier):
        return False
    button = QApplication.focusWidget()
    if (not isinstance(button, QAbstractButton) or isinstance(button, (QCheckBox, QRadioButton))
            or not button.isEnabled() or not button.isVisible()):
        return False
    button.animateClick()
    return True
