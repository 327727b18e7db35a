"""The main window, offscreen: it opens, names the database, and switches language."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.services.demo import PRACTICE_NAME
from app.settings import FONT_SIZE, LANGUAGE
from ui.context import UiContext
from ui.main_window import MainWindow


def _menu_titles(window: MainWindow) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def test_window_opens_in_swedish_and_names_the_database(qtbot: QtBot, ui_ctx: UiContext) -> None:
    window = MainWindow(ui_ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert _menu_titles(window) == ["&Arkiv", "&Kampanj", "&Ring", "R&esultat",
                                    "&Inställningar", "&Hjälp"]
    if ui_ctx.db.dialect == "postgresql":  # on a server: which server and which role
        assert window.db_label.text().startswith("Server: localhost")
    else:
        assert window.db_label.text() == f"Databas: {ui_ctx.db.location.display()}"
    assert window.home.call_button.text() == "Börja ringa"


def test_switching_language_retranslates_everything_and_is_remembered(
    qtbot: QtBot, ui_ctx: UiContext
) -> None:
    window = MainWindow(ui_ctx)
    qtbot.addWidget(window)
    window.show()
    window.act_english.trigger()
    # Qt delivers LanguageChange as a posted event.
    qtbot.waitUntil(lambda: _menu_titles(window)[0] == "&File")
    assert _menu_titles(window) == ["&File", "C&ampaign", "Ca&lling", "&Results", "&Settings",
                                    "&Help"]
    assert window.home.call_button.text() == "Start calling"
    assert window.db_label.text().startswith(("Database: ", "Server: "))
    assert ui_ctx.settings.get(LANGUAGE) == "en"
    window.act_swedish.trigger()
    qtbot.waitUntil(lambda: window.home.call_button.text() == "Börja ringa")
    assert ui_ctx.settings.get(LANGUAGE) == "sv"


def test_practice_campaign_from_the_menu(qtbot: QtBot, ui_ctx: UiContext) -> None:
    window = MainWindow(ui_ctx)
    qtbot.addWidget(window)
    assert window.database_is_empty()
    window.act_practice.trigger()
    assert not window.act_practice.isEnabled()  # not twice while it is being created
    qtbot.waitUntil(window.act_practice.isEnabled)
    assert not window.database_is_empty()
    assert window.home.campaigns.currentItem().text() == PRACTICE_NAME
    assert "50 kontakter" in window.home.details.text()


def test_text_size_scales_the_application_font(qtbot: QtBot, ui_ctx: UiContext) -> None:
    window = MainWindow(ui_ctx)
    qtbot.addWidget(window)
    before = ui_ctx.settings.get(FONT_SIZE)
    window.act_bigger.trigger()
    window.act_bigger.trigger()
    assert ui_ctx.settings.get(FONT_SIZE) == before + 2
    assert QApplication.font().pointSize() == before + 2
    window.act_normal.trigger()
    assert QApplication.font().pointSize() == FONT_SIZE.default


def test_every_ui_string_has_a_swedish_translation() -> None:
    import subprocess
    import sys

    from tests.conftest import ROOT

    result = subprocess.run([sys.executable, "-m", "tools.translations", "--check"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_menu_entry_point_exists() -> None:
    # The menus import each screen lazily; a misspelt module or function would only show
    # when a user clicks, so check them all here.
    import importlib
    import inspect
    import re

    from tests.conftest import ROOT

    source = (ROOT / "ui" / "main_window.py").read_text(encoding="utf-8")
    entries = re.findall(r'open_feature\(self, "([\w.]+)", "(\w+)"\)', source)
    assert len(entries) >= 8
    for module, function in entries:
        assert inspect.isfunction(getattr(importlib.import_module(module), function)), module
