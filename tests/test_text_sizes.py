"""Every screen and dialog at the default and the largest text size, in a 1366×768 window.

Fails when a button lies (partly) outside its window, or outside 1366×768, or is clipped by
a widget around it that does not scroll, and when a one-line label's text is wider than
the label. Swedish and English. The offscreen platform's screen is not a real one, so the
main window is resized to 1366×768 and dialogs are checked against that size.
"""

from __future__ import annotations

import dataclasses
import itertools
import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QDialog,
    QLabel,
    QScrollArea,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.services.calling.card import ContactCard
from app.services.calling.stats import Counts, Summary
from app.services.scripts import install_builtin_scripts
from app.settings import FONT_SIZE
from tests.calling_helpers import make_campaign
from tests.conftest import DATA
from tests.results_helpers import build_campaign
from ui import i18n
from ui.app import apply_font_size
from ui.context import UiContext
from ui.main_window import MainWindow

SCREEN = QRect(0, 0, 1366, 768)
SIZES = (FONT_SIZE.default, FONT_SIZE.maximum or 28)
CASES = [(lang, size) for lang in ("sv", "en") for size in SIZES]
IDS = [f"{lang}-{size}pt" for lang, size in CASES]


@pytest.fixture
def text_size(request: pytest.FixtureRequest, ui_ctx: UiContext,
              monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, int]]:
    language, size = request.param
    # The offscreen screen is 800×800: dialogs fit the screen of a small laptop instead.
    monkeypatch.setattr("ui.sizing.screen_room", lambda _widget: SCREEN.size())
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.font().pointSize()
    i18n.set_language(language)
    apply_font_size(app, size)
    yield language, size
    apply_font_size(app, before)
    i18n.set_language("sv")


def _settle(qtbot: QtBot) -> None:
    QApplication.processEvents()
    qtbot.wait(30)
    QApplication.processEvents()


def _rect_in(widget: QWidget, top: QWidget) -> QRect:
    return QRect(widget.mapTo(top, QPoint(0, 0)), widget.size())


def _scrolls(widget: QWidget) -> bool:
    """Is this widget the viewport of a scroll area (its content may lie outside it)?"""
    parent = widget.parentWidget()
    return isinstance(parent, QAbstractScrollArea) and parent.viewport() is widget


def _clipped(widget: QWidget, top: QWidget) -> str | None:
    """Where a widget is cut off by the widgets around it; content of a scroll area may lie
    outside its viewport (it is reachable by scrolling), the scroll area itself may not."""
    rect = _rect_in(widget, top)
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if _scrolls(parent):
            area = parent.parentWidget()
            assert area is not None
            return _clipped(area, top)
        if not _rect_in(parent, top).contains(rect):
            return f"cut off by {type(parent).__name__} {parent.objectName()!r} at {rect.getRect()}"
        parent = parent.parentWidget()
    if not top.rect().contains(rect):
        return f"outside its window {top.width()}×{top.height()} at {rect.getRect()}"
    return None


def _label_text(label: QLabel) -> str | None:
    if label.wordWrap() or not label.text() or not label.pixmap().isNull():
        return None
    if label.property("elides"):  # shortens its text itself, the whole text as tooltip
        return None
    text = label.text()
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text))
    if rich:
        return None
    if label.buddy() is not None:
        text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text


def problems(top: QWidget, what: str) -> list[str]:
    found: list[str] = []
    if top.width() > SCREEN.width() or top.height() > SCREEN.height():
        found.append(f"{what}: {type(top).__name__} is {top.width()}×{top.height()}, "
                     f"larger than 1366×768")
    for button in top.findChildren(QAbstractButton):
        if not button.isVisible() or button.window() is not top:
            continue
        if type(button).__name__ == "QToolButton" and not button.text():
            continue  # the arrows of a tab bar or a date picker
        where = _clipped(button, top)
        if where:
            found.append(f"{what}: button {button.text()!r} {where}")
    for area in top.findChildren(QScrollArea):
        if (area.isVisible() and area.window() is top and area.widgetResizable()
                and area.horizontalScrollBar().isVisible()):
            found.append(f"{what}: {type(area.widget()).__name__} scrolls sideways")
        if (isinstance(top, QDialog) and area.isVisible() and area.window() is top
                and QApplication.font().pointSize() == FONT_SIZE.default
                and area.verticalScrollBar().isVisible()):
            found.append(f"{what}: scrolls at the normal text size")
    for label in top.findChildren(QLabel):
        if not label.isVisible() or label.window() is not top:
            continue
        if label.wordWrap() and label.text():
            need = label.heightForWidth(label.width())
            if need > label.height() + 1:
                found.append(f"{what}: wrapped label {label.text()[:50]!r} needs {need}px "
                             f"height, has {label.height()}px")
        text = _label_text(label)
        if text is None:
            continue
        lines = text.split("\n")
        wide = max(label.fontMetrics().horizontalAdvance(line) for line in lines)
        room = label.contentsRect().width() - 2 * max(label.indent(), 0) - 2 * label.margin()
        if wide > room + 1:
            found.append(f"{what}: label {text[:50]!r} needs {wide}px, has {room}px")
        where = _clipped(label, top)
        if where:
            found.append(f"{what}: label {text[:50]!r} {where}")
    return found


def _shot(widget: QWidget, name: str, text_size: tuple[str, int]) -> None:
    """With RINGKVALL_SCREENSHOTS=FOLDER, save the Swedish largest-size view as FOLDER/name
    (how docs/screenshots/*_28pt.png are made)."""
    folder = os.environ.get("RINGKVALL_SCREENSHOTS")
    if folder and text_size == ("sv", SIZES[-1]):
        widget.grab().save(str(Path(folder) / name))


def _window(qtbot: QtBot, ctx: UiContext) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(SCREEN.size())
    window.show()
    qtbot.waitExposed(window)
    return window


def _fit(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(SCREEN.size())
    _settle(qtbot)


def _dialog(qtbot: QtBot, dialog: QDialog, what: str) -> list[str]:
    qtbot.addWidget(dialog)
    dialog.show()
    _settle(qtbot)
    found = problems(dialog, what)
    tabs = dialog.findChildren(QTabWidget)
    for tab in tabs:
        for i in range(tab.count()):
            tab.setCurrentIndex(i)
            _settle(qtbot)
            found += problems(dialog, f"{what} tab {i}")
    dialog.reject()
    return found


def _campaign(ctx: UiContext) -> int:
    with ctx.db.transaction() as session:
        campaign = make_campaign(session, contacts=5, goal_conversations=10, goal_recruits=2)
        install_builtin_scripts(session, campaign)
        ctx.campaign_id = campaign.id
        return campaign.id


# Known, left for later: at the largest size the step form is wider than its column (its
# check boxes' texts do not wrap), so it scrolls sideways; its fields are wide enough.
KNOWN_SIDEWAYS = "StepForm scrolls sideways"

CASE_PARAMS = pytest.mark.parametrize("text_size", CASES, ids=IDS, indirect=True)


@CASE_PARAMS
def test_home(qtbot: QtBot, ui_ctx: UiContext, text_size: tuple[str, int]) -> None:
    campaign_id = _campaign(ui_ctx)
    window = _window(qtbot, ui_ctx)
    window.home.refresh()
    window.home.select_campaign(campaign_id)
    _fit(qtbot, window)
    found = problems(window, "home")
    assert not found, "\n".join(found)


# Known, left for later: at the largest size the window fits 1366×768 (the outcome column
# scrolls on its own), but the script starts below the contact card, out of sight until the
# volunteer walks it (each step scrolls into view) or scrolls.
CALLING_CASES = [
    pytest.param(case, id=name, marks=[pytest.mark.xfail(
        strict=True, reason="before the call starts, the script starts below the whole contact "
        "card at the largest size (the card folds once it starts: see the test below)")]
        if case[1] == SIZES[-1] else [])
    for case, name in zip(CASES, IDS, strict=True)
]


def _calling(qtbot: QtBot, ctx: UiContext, campaign_id: int) -> tuple[MainWindow, Any]:
    """The main window at 1366×768 showing the calling screen, its first person on it."""
    from ui.calling.entry import _start
    from ui.calling.screen import CallingScreen

    window = _window(qtbot, ctx)
    _start(window, campaign_id, None, "Kim")
    qtbot.waitUntil(lambda: isinstance(window.pages.currentWidget(), CallingScreen),
                    timeout=10_000)
    screen = window.pages.currentWidget()
    assert isinstance(screen, CallingScreen)
    _fit(qtbot, window)
    qtbot.waitUntil(lambda: screen.card is not None, timeout=10_000)
    _settle(qtbot)
    return window, screen


@pytest.mark.parametrize("text_size", CALLING_CASES, indirect=True)
def test_calling_screen(qtbot: QtBot, ui_ctx: UiContext, text_size: tuple[str, int]) -> None:
    campaign_id = _campaign(ui_ctx)
    window, screen = _calling(qtbot, ui_ctx, campaign_id)
    found = problems(window, "calling")
    _shot(window, "calling_28pt.png", text_size)
    # The script's first step is in sight without scrolling the page.
    step = screen.script_panel.step_scroll
    rect = _rect_in(step.viewport(), window)
    if rect.intersected(window.rect()).height() < min(rect.height(), 100):
        found.append(f"calling: the script is out of sight at {rect.getRect()}")
    screen.outcomes.select(None)
    assert not found, "\n".join(found)


def _practice_calling(qtbot: QtBot, ctx: UiContext) -> tuple[MainWindow, Any, QScrollArea]:
    """The calling screen on the practice campaign, and the scroll area its page is in."""
    from app.services.demo import create_practice_campaign

    with ctx.db.transaction() as session:
        campaign_id = create_practice_campaign(session)[0].id
    window, screen = _calling(qtbot, ctx, campaign_id)
    page_scroll = screen.pages.parentWidget().parentWidget()
    assert isinstance(page_scroll, QScrollArea)
    return window, screen, page_scroll


DEFAULT_CASES = [pytest.param(case, id=name) for case, name in zip(CASES, IDS, strict=True)
                 if case[1] == SIZES[0]]


@pytest.mark.parametrize("text_size", DEFAULT_CASES, indirect=True)
def test_the_calling_screen_fits_a_laptop_at_the_default_size(
        qtbot: QtBot, ui_ctx: UiContext, text_size: tuple[str, int]) -> None:
    """At the default size the page never scrolls on 1366×768: the script's step buttons,
    its "go to" row and the notes for the next caller are all in sight (they were a few
    pixels below it, kept down by the hidden "nobody left" page)."""
    window, screen, page_scroll = _practice_calling(qtbot, ui_ctx)
    assert page_scroll.verticalScrollBar().maximum() == 0
    visible = _rect_in(page_scroll.viewport(), window)
    panel = screen.script_panel
    for widget in (panel.back, panel.forward, screen.notes, screen.card_view):
        assert visible.contains(_rect_in(widget, window)), widget.objectName()
    assert not problems(window, "calling")


LARGE_CASES = [pytest.param((lang, size), id=f"{lang}-{size}pt")
               for lang in ("sv", "en") for size in (18, 22)]


@pytest.mark.parametrize("text_size", LARGE_CASES, indirect=True)
def test_the_calling_screen_never_scrolls_sideways_at_large_text(
        qtbot: QtBot, ui_ctx: UiContext, text_size: tuple[str, int]) -> None:
    """Large text puts the call in one column; nothing in it may be wider than the column
    (the follow-up form's two ticks side by side were, from 18 pt)."""
    _window_shown, screen, page_scroll = _practice_calling(qtbot, ui_ctx)
    assert page_scroll.horizontalScrollBar().maximum() == 0
    assert screen.call_page.minimumSizeHint().width() <= page_scroll.viewport().width()


@CASE_PARAMS
def test_calling_screen_of_an_empty_campaign(qtbot: QtBot, ui_ctx: UiContext,
                                             text_size: tuple[str, int]) -> None:
    from ui.calling.entry import _start
    from ui.calling.screen import CallingScreen

    with ui_ctx.db.transaction() as session:
        campaign = make_campaign(session, name="Tom kampanj", contacts=0)
        install_builtin_scripts(session, campaign)
        campaign_id = ui_ctx.campaign_id = campaign.id
    window = _window(qtbot, ui_ctx)
    _start(window, campaign_id, None, "Kim")
    qtbot.waitUntil(lambda: isinstance(window.pages.currentWidget(), CallingScreen),
                    timeout=10_000)
    screen = window.pages.currentWidget()
    assert isinstance(screen, CallingScreen)
    qtbot.waitUntil(lambda: screen.pages.currentWidget() is screen.empty_page, timeout=10_000)
    _fit(qtbot, window)
    # Not "everyone has been called" when there was nobody to call.
    assert screen.empty_title.text() in ("Ingen att ringa just nu", "Nobody to call right now")
    assert "uppringda" not in screen.empty_reasons.text()
    assert "has been called" not in screen.empty_reasons.text()
    # (Its height at the largest size: see CALLING_CASES.)
    found = [problem for problem in problems(window, "calling (empty)")
             if not (text_size[1] == SIZES[-1] and "larger than 1366×768" in problem)]
    assert not found, "\n".join(found)


@CASE_PARAMS
def test_calling_dialogs(qtbot: QtBot, ui_ctx: UiContext, text_size: tuple[str, int]) -> None:
    from ui.calling.dialogs import CallbackDialog, MembershipDialog, SkipDialog, SummaryDialog
    from ui.calling.start_dialog import StartDialog

    campaign_id = _campaign(ui_ctx)
    window = _window(qtbot, ui_ctx)
    now = datetime(2026, 11, 13, 17, 0, tzinfo=UTC)
    card = ContactCard(
        contact_id=1, claim_token="x", campaign_id=campaign_id, group_id=1, group_name="Norr",
        first_name="Margareta", last_name="Johansson-Lindqvist", area="Tensta", city="Spånga",
        age=71, notes_for_next="", attempts=(), phones=(), queue_rank=1, next_call_at=now)
    consent = ("Får vi spara dina uppgifter i medlemsregistret? Du kan när som helst be oss "
               "ta bort dem.")
    summary = Summary(counts=Counts(calls=24, conversations=11, recruits=3, follow_ups=2),
                      by_outcome={"conversation": 8, "recruited": 3, "no_answer": 9,
                                  "callback": 2, "do_not_call": 1, "wrong_number": 1})
    found = _dialog(qtbot, StartDialog(ui_ctx, "Kim", campaign_id, window), "start")
    found += _dialog(qtbot, CallbackDialog(window, now=now), "callback")
    found += _dialog(qtbot, MembershipDialog(card, consent, "070-174 06 05", window),
                     "membership")
    found += _dialog(qtbot, SkipDialog(window), "skip")
    found += _dialog(qtbot, SummaryDialog(summary, "Margareta", window), "summary")
    assert not found, "\n".join(found)


@CASE_PARAMS
def test_campaign_and_do_not_call_dialogs(qtbot: QtBot, ui_ctx: UiContext,
                                          text_size: tuple[str, int]) -> None:
    from ui.campaign_dialog import CampaignDialog
    from ui.importing.dnc_dialog import DncDialog

    campaign_id = _campaign(ui_ctx)
    window = _window(qtbot, ui_ctx)
    found = _dialog(qtbot, CampaignDialog(ui_ctx, campaign_id, window), "campaign")
    found += _dialog(qtbot, DncDialog(ui_ctx, window), "do-not-call")
    assert not found, "\n".join(found)


@CASE_PARAMS
def test_import_wizard_pages(qtbot: QtBot, ui_ctx: UiContext,
                             text_size: tuple[str, int]) -> None:
    from ui.importing.wizard import ImportWizard

    _campaign(ui_ctx)
    window = _window(qtbot, ui_ctx)
    wizard = ImportWizard(ui_ctx, window)
    qtbot.addWidget(wizard)
    wizard.show()
    _settle(qtbot)
    found = problems(wizard, "import file page")
    wizard.file_page.load(str(DATA / "lista_tensta_cp1252.csv"))
    qtbot.waitUntil(lambda: not wizard.file_page.loading, timeout=10_000)
    _settle(qtbot)
    found += problems(wizard, "import file page (loaded)")
    wizard.next()
    _settle(qtbot)
    found += problems(wizard, "import group page")
    wizard.next()
    _settle(qtbot)
    found += problems(wizard, "import mapping page")
    _shot(wizard, "import_28pt.png", text_size)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.report_page, timeout=20_000)
    _settle(qtbot)
    found += problems(wizard, "import report page")
    wizard.reject()
    assert not found, "\n".join(found)


@CASE_PARAMS
def test_script_editor(qtbot: QtBot, ui_ctx: UiContext, text_size: tuple[str, int]) -> None:
    from ui.scripts.page import ScriptsPage

    campaign_id = _campaign(ui_ctx)
    window = _window(qtbot, ui_ctx)
    page = ScriptsPage(ui_ctx, campaign_id)
    window.show_page(page)
    page.editor.select_step("meeting")
    _fit(qtbot, window)
    found = [problem for problem in problems(window, "script editor")
             if not (text_size[1] == SIZES[-1] and problem.endswith(KNOWN_SIDEWAYS))]
    _shot(window, "script_editor_28pt.png", text_size)
    # Fields are wide enough to type in.
    for edit in (page.editor.form.title,):
        assert edit.width() >= edit.fontMetrics().horizontalAdvance("M") * 12, edit.width()
    assert not found, "\n".join(found)


@CASE_PARAMS
def test_dashboard_and_export_dialogs(qtbot: QtBot, ui_ctx: UiContext,
                                      text_size: tuple[str, int]) -> None:
    from app.services.results import Privacy
    from ui.results import entry
    from ui.results.rollup_dialog import RollupDialog

    known = build_campaign(ui_ctx.db)
    ui_ctx.campaign_id = known.campaign_id
    window = _window(qtbot, ui_ctx)
    page = entry.open_dashboard(window)
    assert page is not None
    qtbot.waitUntil(lambda: page.report is not None, timeout=10_000)
    _fit(qtbot, window)
    found = problems(window, "dashboard")
    _shot(window, "dashboard_28pt.png", text_size)
    # Table rows are tall enough for their text.
    for table in (page.groups_table,):
        line = table.fontMetrics().height()
        assert table.verticalHeader().sectionSize(0) >= line, (
            table.verticalHeader().sectionSize(0), line)
    # The big numbers are bigger than the text around them.
    value = page.cards["calls"].value
    assert value.font().pointSizeF() >= QApplication.font().pointSizeF() * 1.5
    dialog = entry.open_export(window)
    assert dialog is not None
    _settle(qtbot)
    dialog.radio[Privacy.FULL].setChecked(True)
    _settle(qtbot)
    found += problems(dialog, "export (everything)")
    found += _overlaps(dialog, "export (everything)")
    dialog.reject()
    found += _dialog(qtbot, RollupDialog(ui_ctx, window), "roll-up")
    assert not found, "\n".join(found)


def _overlaps(top: QWidget, what: str) -> list[str]:
    """Visible widgets of the same layout that overlap each other."""
    found: list[str] = []
    layout = top.layout()
    if layout is None:
        return found
    widgets = [layout.itemAt(i).widget() for i in range(layout.count())]
    shown = [w for w in widgets if w is not None and w.isVisible()]
    for a, b in itertools.pairwise(shown):
        if a.geometry().intersects(b.geometry()):
            found.append(f"{what}: {type(a).__name__} overlaps {type(b).__name__}")
    return found


def test_the_check_catches_a_cut_label_and_a_button_outside(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QPushButton

    top = QWidget()
    qtbot.addWidget(top)
    top.resize(200, 100)
    label = QLabel("En lång text som inte får plats", top)
    label.setGeometry(0, 0, 40, 20)
    button = QPushButton("Nästa", top)
    button.setGeometry(150, 80, 100, 30)
    top.show()
    found = problems(top, "x")
    assert len(found) == 2
    assert "needs" in found[1] and "outside its window" in found[0]


def test_headings_and_rows_follow_the_text_size_back_down(qtbot: QtBot,
                                                          ui_ctx: UiContext) -> None:
    from ui.results import entry
    from ui.scripts.page import ScriptsPage

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    known = build_campaign(ui_ctx.db)
    ui_ctx.campaign_id = known.campaign_id
    window = _window(qtbot, ui_ctx)
    scripts = ScriptsPage(ui_ctx, known.campaign_id)
    window.show_page(scripts)
    dashboard = entry.open_dashboard(window)
    assert dashboard is not None
    qtbot.waitUntil(lambda: dashboard.report is not None, timeout=10_000)
    try:
        for size in (SIZES[-1], FONT_SIZE.default, SIZES[-1]):
            apply_font_size(app, size)
            _settle(qtbot)
            assert scripts.heading.font().pointSizeF() == pytest.approx(size * 1.4)
            assert window.home.heading.font().pointSizeF() == pytest.approx(size * 1.8)
            call = window.home.call_button
            assert call.minimumHeight() == int(call.fontMetrics().lineSpacing() * 3)
            value = dashboard.cards["calls"].value
            assert value.font().pointSizeF() == pytest.approx(size * 2.0)
            table = dashboard.groups_table
            assert table.verticalHeader().sectionSize(0) >= table.fontMetrics().height()
    finally:
        apply_font_size(app, FONT_SIZE.default)


@CASE_PARAMS
def test_privacy_dialogs_and_audit_page(qtbot: QtBot, ui_ctx: UiContext,
                                        text_size: tuple[str, int]) -> None:
    from ui.privacy.access_dialog import AccessDialog
    from ui.privacy.erase_dialog import EraseDialog
    from ui.privacy.record_dialog import RecordDialog

    campaign_id = _campaign(ui_ctx)
    window = _window(qtbot, ui_ctx)
    found = _dialog(qtbot, RecordDialog(ui_ctx, campaign_id, window), "record of processing")
    found += _dialog(qtbot, AccessDialog(ui_ctx, window), "access")
    found += _dialog(qtbot, EraseDialog(ui_ctx, window), "erase")
    window.act_audit.trigger()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is not window.home)
    _fit(qtbot, window)
    found += problems(window, "audit page")
    assert not found, "\n".join(found)


FOLD_CASES = [pytest.param((lang, size), id=f"{lang}-{size}pt")
              for lang in ("sv", "en") for size in (18, 22, SIZES[-1])]


@pytest.mark.parametrize("text_size", FOLD_CASES, indirect=True)
def test_at_large_text_the_started_call_folds_the_card_and_shows_the_script(
        qtbot: QtBot, ui_ctx: UiContext, text_size: tuple[str, int]) -> None:
    """With large text the whole card leaves the script hardly a line on a laptop. Enter on
    "Call started" (where the keys are when a person comes up) folds the card to the name,
    the number and the time: the script's step is in sight, and the keys go to the script.
    "Show the whole card" brings the rest back; the next person comes whole."""
    window, screen, page_scroll = _practice_calling(qtbot, ui_ctx)
    card = screen.card_view
    focus = QApplication.focusWidget()
    assert focus is card.timer_button
    qtbot.keyClick(focus, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: card.collapsed, timeout=5_000)
    _settle(qtbot)
    assert card.timer_running()
    assert not card.details.isVisible() and not card.copy.isVisible()
    assert card.number.isVisible() and card.whole.isVisible()
    assert QApplication.focusWidget() is screen.script_panel.forward
    step = _rect_in(screen.script_panel.step_scroll.viewport(), window)
    seen = step.intersected(_rect_in(page_scroll.viewport(), window))
    # What the folded card leaves of the view goes to the script: five lines of it and
    # more, three at 28 pt (a 768-pixel screen holds about a dozen lines of that size).
    lines = 3 if text_size[1] >= SIZES[-1] else 5
    assert seen.height() >= lines * screen.fontMetrics().height(), (
        step.getRect(), seen.getRect())
    assert not problems(window, "calling, card folded")
    card.whole.click()
    assert not card.collapsed and card.details.isVisible() and card.timer_running()
    qtbot.keyClick(screen.script_panel.forward, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: card.collapsed, timeout=5_000)
    # The next person: the card whole again, the timer not running.
    assert card.card is not None
    card.show_card(dataclasses.replace(card.card, contact_id=card.card.contact_id + 1))
    assert not card.collapsed and card.details.isVisible() and not card.timer_running()


@pytest.mark.parametrize("text_size", DEFAULT_CASES, indirect=True)
def test_at_the_default_size_the_card_stays_whole(
        qtbot: QtBot, ui_ctx: UiContext, text_size: tuple[str, int]) -> None:
    _window_shown, screen, _scroll = _practice_calling(qtbot, ui_ctx)
    focus = QApplication.focusWidget()
    assert focus is screen.card_view.timer_button
    qtbot.keyClick(focus, Qt.Key.Key_Return)  # Enter on a button presses it, here too
    qtbot.waitUntil(screen.card_view.timer_running, timeout=5_000)
    assert not screen.card_view.collapsed and screen.card_view.details.isVisible()
