"""Where each capability's screen is opened from: one lazily imported entry point each.

Lazy imports keep start-up fast: a screen's module (and openpyxl, QtCharts, ...) is loaded only
when the user opens it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def open_feature(window: MainWindow, module: str, function: str, *args: Any) -> None:
    try:
        entry = getattr(importlib.import_module(module), function)
    except ModuleNotFoundError as exc:
        if exc.name is None or not module.startswith(exc.name):
            raise
        QMessageBox.information(
            window, QCoreApplication.translate("features", "Not available yet"),
            QCoreApplication.translate("features", "This part of Ringkväll is not ready yet."),
        )
        return
    entry(window, *args)
