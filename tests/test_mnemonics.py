"""Keyboard-first: on every screen, no two visible controls share an Alt+letter mnemonic.

Two controls with the same mnemonic make Alt+letter cycle between them instead of acting,
which a volunteer who uses the keyboard would take for a broken shortcut.
"""

from __future__ import annotations

import argparse
import re
from collections import defaultdict

from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QGroupBox,
    QLabel,
    QMenuBar,
    QTabWidget,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot

from app.services.demo import create_practice_campaign
from ui.context import UiContext
from ui.main_window import MainWindow

_MNEMONIC = re.compile(r"(?<!&)&([^&\s])")


def _mnemonic(text: str) -> str | None:
    found = _MNEMONIC.search(text)
    return found.group(1).lower() if found else None


def clashes(root: QWidget) -> dict[str, list[str]]:
    """Mnemonic letter -> texts, for letters used by more than one visible control."""
    used: dict[str, list[str]] = defaultdict(list)

    def add(text: str) -> None:
        letter = _mnemonic(text)
        if letter:
            used[letter].append(text)

    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or isinstance(widget, QMenuBar):
            continue
        labelled = isinstance(widget, QLabel) and widget.buddy() is not None
        if isinstance(widget, QAbstractButton) or labelled:
            add(widget.text())
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            add(widget.title())
        elif isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                add(widget.tabText(index))
    return {letter: texts for letter, texts in used.items() if len(texts) > 1}


def _window(qtbot: QtBot, ui_ctx: UiContext) -> MainWindow:
    with ui_ctx.db.transaction() as session:
        ui_ctx.campaign_id = create_practice_campaign(session)[0].id
    window = MainWindow(ui_ctx)
    qtbot.addWidget(window)
    window.resize(1280, 860)
    window.show()
    window.home.refresh()
    return window


def test_start_page(qtbot: QtBot, ui_ctx: UiContext) -> None:
    window = _window(qtbot, ui_ctx)
    assert clashes(window.pages.currentWidget()) == {}


def test_calling_screen(qtbot: QtBot, ui_ctx: UiContext) -> None:
    from ui.calling.entry import open_calling_from_args
    from ui.calling.screen import CallingScreen

    window = _window(qtbot, ui_ctx)
    open_calling_from_args(window, argparse.Namespace(
        campaign="Övningskampanj", group=None, volunteer="Kim Exempel"))
    qtbot.waitUntil(lambda: isinstance(window.pages.currentWidget(), CallingScreen))
    screen = window.pages.currentWidget()
    assert clashes(screen) == {}
    screen.can_leave()


def test_scripts_page(qtbot: QtBot, ui_ctx: UiContext) -> None:
    from ui.scripts.entry import open_scripts

    window = _window(qtbot, ui_ctx)
    open_scripts(window)
    assert clashes(window.pages.currentWidget()) == {}


def test_dashboard(qtbot: QtBot, ui_ctx: UiContext) -> None:
    from ui.results.entry import open_dashboard

    window = _window(qtbot, ui_ctx)
    page = open_dashboard(window)
    assert page is not None
    assert clashes(page) == {}


def test_dialogs_and_wizard_pages(qtbot: QtBot, ui_ctx: UiContext) -> None:
    from ui.campaign_dialog import CampaignDialog
    from ui.importing.wizard import ImportWizard

    window = _window(qtbot, ui_ctx)
    assert ui_ctx.campaign_id is not None
    dialog = CampaignDialog(ui_ctx, ui_ctx.campaign_id, window)
    qtbot.addWidget(dialog)
    dialog.show()
    for index in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(index)
        assert clashes(dialog) == {}, dialog.tabs.tabText(index)
    wizard = ImportWizard(ui_ctx, window)
    qtbot.addWidget(wizard)
    wizard.show()
    for page_id in wizard.pageIds():
        page = wizard.page(page_id)
        page.show()
        buttons = [wizard.button(b) for b in (QWizard.WizardButton.BackButton,
                                               QWizard.WizardButton.NextButton,
                                               QWizard.WizardButton.CancelButton)]
        letters = {_mnemonic(b.text()) for b in buttons if b.isVisible()} - {None}
        page_clashes = clashes(page)
        shared = {letter for letter in (
            _mnemonic(w.text()) for w in page.findChildren(QAbstractButton)
            if w.isVisibleTo(page)) if letter in letters}
        assert page_clashes == {} and not shared, (page.title(), page_clashes, shared)
    assert isinstance(dialog, QDialog)
