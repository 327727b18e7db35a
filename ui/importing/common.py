"""Small pieces the importing screens share."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget


def tr_app(text: str) -> str:
    """A text from app/ (field titles, reasons), marked there with QT_TRANSLATE_NOOP."""
    return QCoreApplication.translate("app", text)


def scaled_font(widget: QWidget, factor: float, bold: bool = False) -> QFont:
    """The widget's font scaled, so the user's text size setting still applies."""
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    return font
