"""No two controls reachable at the same moment share an Alt+letter, in Swedish and English.

"At the same moment" means: in the main window, the menu bar's titles together with every
visible control of the page on screen; a dialog (modal, or a window of its own) on its own.
The calling screen is checked at every step of every built-in script, at normal and large
text size; the campaign dialog tab by tab; the import wizard page by page with its buttons.

What owns an Alt+letter (as Qt registers it): a QLabel with a buddy, a button's text
(QAbstractButton: push, tool, check and radio buttons), a group box's title, a tab bar's tab
texts, a menu bar's titles. "&&" is a literal ampersand.

Disabled controls count: they still reserve their letter. They become enabled again without
the screen changing (Back on the first step, OK until the consent is ticked, everything while
a save runs), and a volunteer learns the letters from what the screen shows.
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QGroupBox,
    QLabel,
    QMainWindow,
    QMenu,
    QMenuBar,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.services.scripts import Script
from app.services.scripts.loader import read_script
from app.services.scripts.storage import builtin_dir
from app.settings import FONT_SIZE
from tests.conftest import DATA
from ui import i18n
from ui.context import UiContext
from ui.main_window import MainWindow

LANGUAGES = ("sv", "en")
LARGE = 28  # the largest text size: the calling screen's one-column layout


def mnemonic(text: str) -> str | None:
    """The Alt+letter Qt takes from `text` (as QKeySequence::mnemonic does), lower case."""
    i = 0
    while True:
        i = text.find("&", i)
        if i < 0 or i + 1 >= len(text):
            return None
        following = text[i + 1]
        if following == "&":
            i += 2
            continue
        if following.isprintable() and not following.isspace():
            return following.lower()
        i += 1


def owners(root: QWidget) -> Iterator[str]:
    """The texts of everything under `root` (and `root`) that owns an Alt+letter now."""
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QMenuBar):
            for action in widget.actions():
                if action.isVisible():
                    yield action.text()
        elif isinstance(widget, QAbstractButton) or (
                isinstance(widget, QLabel) and widget.buddy() is not None):
            yield widget.text()
        elif isinstance(widget, QGroupBox):
            yield widget.title()
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                if widget.isTabVisible(index):
                    yield widget.tabText(index)


def clashes(root: QWidget) -> dict[str, list[str]]:
    """Alt+letter -> the texts sharing it, for letters owned more than once."""
    used: dict[str, list[str]] = defaultdict(list)
    for text in owners(root):
        letter = mnemonic(text)
        if letter is not None:
            used[letter].append(text)
    return {letter: texts for letter, texts in sorted(used.items()) if len(texts) > 1}


class Findings:
    """Clashes gathered over many screens, reported together: each clash once, with the
    screens it was seen on."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.seen: dict[tuple[str, tuple[str, ...]], list[str]] = {}
        self.screens = 0

    def check(self, screen: str, root: QWidget) -> None:
        # Let the layouts settle and the widgets of a step left behind be deleted, as the
        # event loop does between two key presses.
        QApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self.screens += 1
        for letter, texts in clashes(root).items():
            self.seen.setdefault((letter, tuple(texts)), []).append(screen)

    def assert_none(self) -> None:
        assert self.screens > 0
        if not self.seen:
            return
        lines = []
        for (letter, texts), screens in self.seen.items():
            listed = " | ".join(repr(text) for text in texts)
            where = "; ".join(screens[:3]) + (f"; and {len(screens) - 3} more"
                                              if len(screens) > 3 else "")
            lines.append(f"[{self.language}] Alt+{letter.upper()}: {listed}\n    on: {where}")
        pytest.fail(f"{len(lines)} Alt+letter clash(es):\n" + "\n".join(lines), pytrace=False)


@pytest.fixture(params=LANGUAGES)
def language(request: pytest.FixtureRequest, ui_ctx: UiContext) -> Iterator[str]:
    """The UI's language; a modal dialog popping up on its own is closed (and fails the test)
    instead of waiting for a key forever."""
    code: str = request.param
    i18n.set_language(code)
    popped: list[str] = []

    def close_modal() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QDialog):
            popped.append(modal.objectName() or type(modal).__name__)
            modal.reject()

    timer = QTimer()
    timer.timeout.connect(close_modal)
    timer.start(200)
    yield code
    timer.stop()
    assert not popped, f"unexpected modal dialog(s): {popped}"


def _window(qtbot: QtBot, ui_ctx: UiContext) -> MainWindow:
    from app.services.demo import create_practice_campaign

    with ui_ctx.db.transaction() as session:
        ui_ctx.campaign_id = create_practice_campaign(session)[0].id
    window = MainWindow(ui_ctx)
    qtbot.addWidget(window)
    window.resize(1280, 860)
    window.show()
    window.home.refresh()
    return window


def _builtin_scripts() -> list[tuple[str, Script]]:
    found: list[tuple[str, Script]] = []
    for path in sorted(builtin_dir().glob("*.yaml")):
        result = read_script(path.read_text("utf-8"), path.stem)
        assert result.script is not None, (path, result.problems)
        found.append((path.stem, result.script))
    assert found
    return found


def _show(qtbot: QtBot, dialog: QWidget) -> QWidget:
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    return dialog


# -- the main window: menu bar + page ------------------------------------------------------


def test_home_page(qtbot: QtBot, ui_ctx: UiContext, language: str) -> None:
    found = Findings(language)
    window = _window(qtbot, ui_ctx)
    assert isinstance(window, QMainWindow)
    found.check("home page", window)
    found.assert_none()


def test_calling_screen_at_every_step(qtbot: QtBot, ui_ctx: UiContext, language: str) -> None:
    from ui.calling.entry import open_calling_from_args
    from ui.calling.screen import LARGE_TEXT_PT, CallingScreen

    found = Findings(language)
    window = _window(qtbot, ui_ctx)
    open_calling_from_args(window, argparse.Namespace(
        campaign="Övningskampanj", group=None, volunteer="Kim Exempel"))
    qtbot.waitUntil(lambda: isinstance(window.pages.currentWidget(), CallingScreen))
    screen = window.pages.currentWidget()
    assert isinstance(screen, CallingScreen)
    qtbot.waitUntil(lambda: screen.card is not None, timeout=10_000)
    # Notes for the next caller are on (as in the practice campaign) whatever the campaign.
    screen.notes.setVisible(True)
    screen.notes_label.setVisible(True)
    panel = screen.script_panel
    context = panel.context
    # Walking to the membership step must not open the form (a modal dialog) here.
    screen._membership_asked = True
    try:
        for size_name, size in (("normal text", FONT_SIZE.default), ("large text", LARGE)):
            window.change_font_size(size - ui_ctx.settings.get(FONT_SIZE))
            qtbot.waitUntil(lambda: screen._large is (size >= LARGE_TEXT_PT))  # noqa: B023
            found.check(f"calling screen ({size_name}), first step", window)
            for name, script in _builtin_scripts():
                panel.set_script(script)
                panel.start(context)
                for step in script.steps:
                    panel.jump_to(step.id)
                    found.check(f"calling screen ({size_name}), script {name}, step {step.id}",
                                window)
                assert panel.run is not None
                while not panel.run.finished:
                    panel.go_on()
                found.check(f"calling screen ({size_name}), script {name}, end", window)
                panel.voicemail_button.setChecked(True)
                found.check(f"calling screen ({size_name}), script {name}, voicemail", window)
                panel.voicemail_button.setChecked(False)
            # No one left to call: the empty page.
            screen.pages.setCurrentWidget(screen.empty_page)
            found.check(f"calling screen ({size_name}), nobody to call", window)
            screen.pages.setCurrentWidget(screen.call_page)
            # The claim banner.
            screen.claim_banner.setVisible(True)
            found.check(f"calling screen ({size_name}), reservation ran out", window)
            screen.claim_banner.setVisible(False)
    finally:
        window.change_font_size(0)

    # The calling screen's dialogs, each on its own.
    from ui.calling.dialogs import CallbackDialog, MembershipDialog, SkipDialog

    assert screen.card is not None
    found.check("callback dialog", _show(qtbot, CallbackDialog(screen)))
    found.check("callback dialog (with what they said)",
                _show(qtbot, CallbackDialog(screen, said="efter nio")))
    found.check("membership form", _show(qtbot, MembershipDialog(
        screen.card, screen.consent_text(), "070-174 06 05", screen)))
    found.check("skip dialog", _show(qtbot, SkipDialog(screen)))
    from app.services.calling.steps import evening_summary

    summary = evening_summary(screen.ctx.db, screen.evening)
    found.check("evening summary", _show(qtbot, screen.summary_dialog(summary)))
    screen.release()
    found.assert_none()


def test_scripts_page_and_step_form(qtbot: QtBot, ui_ctx: UiContext, language: str) -> None:
    from ui.scripts.entry import open_scripts
    from ui.scripts.page import ScriptsPage

    found = Findings(language)
    window = _window(qtbot, ui_ctx)
    open_scripts(window)
    page = window.pages.currentWidget()
    assert isinstance(page, ScriptsPage)
    qtbot.waitUntil(lambda: page.editor.base is not None, timeout=10_000)
    found.check("scripts page", window)
    editor = page.editor
    for row in range(editor.step_list.count()):
        editor.step_list.setCurrentRow(row)
        found.check(f"scripts page, step form of step {row + 1}", window)
    editor.tabs.setCurrentIndex(1)
    found.check("scripts page, script tab", window)
    editor.tabs.setCurrentIndex(0)

    from app.services.scripts import CallContext
    from ui.scripts.preview import PreviewDialog

    script = editor.script()
    preview = _show(qtbot, PreviewDialog(script, CallContext(), page))
    found.check("script preview", preview)
    found.assert_none()


def test_results_dashboard_and_dialogs(qtbot: QtBot, ui_ctx: UiContext, language: str) -> None:
    from ui.results.entry import open_dashboard
    from ui.results.export_dialog import ExportDialog
    from ui.results.rollup_dialog import RollupDialog

    found = Findings(language)
    window = _window(qtbot, ui_ctx)
    page = open_dashboard(window)
    assert page is not None
    qtbot.waitUntil(lambda: page.report is not None, timeout=10_000)
    found.check("results dashboard", window)
    assert ui_ctx.campaign_id is not None
    found.check("export dialog", _show(qtbot, ExportDialog(
        ui_ctx, ui_ctx.campaign_id, "Övningskampanj", None, window)))
    found.check("rollup dialog", _show(qtbot, RollupDialog(ui_ctx, window)))
    found.assert_none()


def test_other_dialogs(qtbot: QtBot, ui_ctx: UiContext, language: str) -> None:
    from ui.calling.start_dialog import StartDialog
    from ui.campaign_dialog import CampaignDialog
    from ui.importing.dnc_dialog import DncDialog

    found = Findings(language)
    window = _window(qtbot, ui_ctx)
    assert ui_ctx.campaign_id is not None
    found.check("start dialog", _show(qtbot, StartDialog(
        ui_ctx, "Kim", ui_ctx.campaign_id, window)))
    dialog = CampaignDialog(ui_ctx, ui_ctx.campaign_id, window)
    _show(qtbot, dialog)
    for index in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(index)
        found.check(f"campaign dialog, tab {dialog.tabs.tabText(index)!r}", dialog)
    found.check("do-not-call dialog", _show(qtbot, DncDialog(ui_ctx, window)))
    found.assert_none()


def test_import_wizard_pages(qtbot: QtBot, ui_ctx: UiContext, language: str,
                             tmp_path: Path) -> None:
    from ui.importing.wizard import ImportWizard

    found = Findings(language)
    window = _window(qtbot, ui_ctx)
    wizard = ImportWizard(ui_ctx, window)
    _show(qtbot, wizard)

    def check() -> None:
        page = wizard.currentPage()
        found.check(f"import wizard, page {page.title()!r}", wizard)

    check()
    wizard.file_page.load(str(DATA / "lista_tensta_cp1252.csv"))
    qtbot.waitUntil(lambda: not wizard.file_page.loading, timeout=10_000)
    check()
    wizard.next()
    assert wizard.currentPage() is wizard.group_page
    wizard.group_page.name_edit.setText("Tensta")
    check()
    wizard.next()
    assert wizard.currentPage() is wizard.mapping_page
    check()
    wizard.next()
    check()  # the run page (or already the report)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.report_page, timeout=20_000)
    check()
    found.assert_none()


def test_organising_and_privacy_pages(qtbot: QtBot, ui_ctx: UiContext, language: str) -> None:
    """The pages the campaign menu opens: calling packs, evenings, inbox, calls, plans and
    the audit trail, each with the menu bar above it."""
    found = Findings(language)
    window = _window(qtbot, ui_ctx)
    for name, action in (("packs page", window.act_packs), ("evenings page", window.act_evenings),
                         ("inbox page", window.act_inbox), ("calls page", window.act_calls),
                         ("plans page", window.act_plans), ("audit page", window.act_audit)):
        before = window.pages.currentWidget()
        action.trigger()
        qtbot.waitUntil(lambda: window.pages.currentWidget() is not before)  # noqa: B023
        qtbot.wait(50)  # the page's first load
        found.check(name, window)
        window.show_home()
        qtbot.waitUntil(lambda: window.pages.currentWidget() is window.home)
    found.assert_none()


def test_menus(qtbot: QtBot, ui_ctx: UiContext, language: str) -> None:
    """Inside each open menu, every item's letter is its own."""
    found = Findings(language)
    window = _window(qtbot, ui_ctx)
    menus = [menu for menu in window.menuBar().findChildren(QMenu)]
    assert len(menus) >= 6
    for menu in menus:
        used: dict[str, list[str]] = defaultdict(list)
        for action in menu.actions():
            letter = mnemonic(action.text()) if action.isVisible() else None
            if letter is not None:
                used[letter].append(action.text())
        found.screens += 1
        for letter, texts in used.items():
            if len(texts) > 1:
                found.seen.setdefault((letter, tuple(texts)), []).append(
                    f"menu {menu.title()!r}")
    found.assert_none()
