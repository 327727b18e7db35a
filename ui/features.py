"""Where each capability's screen is opened from: one lazily imported entry point each.

Lazy imports keep start-up fast: a screen's module (and openpyxl, QtCharts, ...) is loaded only
when the user opens it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def open_feature(window: MainWindow, module: str, function: str, *args: Any) -> None:
    getattr(importlib.import_module(module), function)(window, *args)
