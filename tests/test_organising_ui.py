"""The evening planner and the inbox, driven with the keyboard (keys go to the widget that
has the focus), and both at every text size in a 1366×768 window."""

from __future__ import annotations

import re
import warnings
from datetime import date, datetime, time, timedelta
from pathlib import Path

import icalendar
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from app.services.organising.evenings import EveningGoals, EveningInput, add_evening, list_evenings
from app.services.organising.inbox import FOLLOW_UP, NEW_MEMBER, get_item
from tests.calling_helpers import add_group, make_campaign, volunteer_id
from tests.test_inbox import NOW, _play
from tests.test_text_sizes import (  # noqa: F401  (text_size is a fixture)
    CASE_PARAMS,
    _dialog,
    _settle,
    _window,
    problems,
    text_size,
)
from ui.context import UiContext
from ui.main_window import MainWindow
from ui.organising.evening_dialog import EveningDialog, SignupDialog
from ui.organising.evenings_page import EveningsPage
from ui.organising.inbox_page import InboxPage

LINK = "https://meet.example.org/ringkvall"


def _activate(window: QWidget) -> None:
    """The offscreen platform does not keep a window active by itself; shortcuts need it."""
    if QApplication.activeWindow() is not window:
        window.activateWindow()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            QApplication.setActiveWindow(window)


def _focus() -> QWidget:
    widget = QApplication.focusWidget()
    modal = QApplication.activeModalWidget()
    if modal is not None and (widget is None or widget.window() is not modal):
        # A dialog just opened takes the keys (the offscreen platform does not move them).
        _activate(modal)
        widget = QApplication.focusWidget()
    if widget is None:
        # A dialog closed: its window got the keys back (the offscreen platform forgets it).
        windows = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, MainWindow) and w.isVisible()]
        assert windows
        _activate(windows[0])
        widget = QApplication.focusWidget()
    assert widget is not None
    _activate(widget.window())
    return widget


def _alt(qtbot: QtBot, control: QAbstractButton | QLabel) -> None:
    """Alt+the control's mnemonic letter, as it reads in the current language."""
    found = re.search(r"(?<!&)&([^&\s])", control.text())
    assert found, control.text()
    qtbot.keyClick(_focus(), Qt.Key(ord(found.group(1).upper())),
                   Qt.KeyboardModifier.AltModifier)


def _type(qtbot: QtBot, text: str) -> None:
    widget = _focus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)


def _campaign(ctx: UiContext) -> int:
    with ctx.db.transaction() as s:
        campaign = make_campaign(s, "Höstkampanj", group="Norr")
        add_group(s, campaign, "Söder", contacts=2, first_number=20)
        ctx.campaign_id = campaign.id
        return campaign.id


def _open_planner(qtbot: QtBot, ui_ctx: UiContext) -> tuple[MainWindow, EveningsPage]:
    window = MainWindow(ui_ctx)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.home.refresh()
    _activate(window)
    window.act_evenings.trigger()  # Kampanj › Ringkvällar…
    page = window.pages.currentWidget()
    assert isinstance(page, EveningsPage)
    qtbot.waitUntil(lambda: page.loads >= 1)
    return window, page


def test_the_evening_planner_by_keyboard(qtbot: QtBot, ui_ctx: UiContext,
                                         tmp_path: Path) -> None:
    campaign_id = _campaign(ui_ctx)
    volunteer_id(ui_ctx.db, "Kim")
    _, page = _open_planner(qtbot, ui_ctx)
    page.table.setFocus()
    assert page.empty.isVisible()

    # New evening: every field from the keyboard, Return saves. (A button's Alt+letter
    # clicks it a moment later, as a pressed button shows.)
    _alt(qtbot, page.new_button)
    qtbot.waitUntil(lambda: page.dialog is not None)
    dialog = page.dialog
    assert isinstance(dialog, EveningDialog)
    qtbot.waitUntil(lambda: _focus() is dialog.day.line)
    _type(qtbot, "2026-12-03")
    _alt(qtbot, dialog.labels[2])  # ends at
    _type(qtbot, "21:30")
    _alt(qtbot, dialog.labels[3])  # place
    _type(qtbot, "Folkets hus, sal 2")
    _alt(qtbot, dialog.labels[4])  # link
    _type(qtbot, LINK)
    _alt(qtbot, dialog.labels[5])  # target groups: the second one ticked with Space
    qtbot.keyClick(_focus(), Qt.Key.Key_End)
    qtbot.keyClick(_focus(), Qt.Key.Key_Space)
    _alt(qtbot, dialog.labels[6])  # goal: calls
    _type(qtbot, "80")
    _alt(qtbot, dialog.labels[8])  # goal: new members
    _type(qtbot, "3")
    qtbot.keyClick(_focus(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(page.data.evenings) == 1)
    saved = list_evenings(ui_ctx.db, campaign_id)
    assert len(saved) == 1
    evening = saved[0]
    assert (evening.day, evening.starts, evening.ends) == (date(2026, 12, 3), time(18),
                                                            time(21, 30))
    assert (evening.place, evening.link, evening.groups) == ("Folkets hus, sal 2", LINK,
                                                             ("Söder",))
    assert evening.goals == EveningGoals(80, None, 3)
    assert LINK in page.invitation.toPlainText()

    # Two volunteers signed up by the organiser: one known, one new.
    for name in ("Kim", "Ann"):
        qtbot.waitUntil(lambda: page.signup_button.isEnabled())
        before = page.dialog
        page.table.setFocus()
        _alt(qtbot, page.signup_button)
        qtbot.waitUntil(lambda: page.dialog is not before)  # noqa: B023
        signup = page.dialog
        assert isinstance(signup, SignupDialog)
        qtbot.waitUntil(lambda: _focus() in (signup.name, signup.name.lineEdit()))  # noqa: B023
        qtbot.keyClicks(_focus(), name)
        qtbot.keyClick(_focus(), Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: name in (page.selected() or evening).volunteers)  # noqa: B023
    assert list_evenings(ui_ctx.db, campaign_id)[0].volunteers == ("Kim", "Ann")

    # Copy the invitation; save the calendar file.
    page.table.setFocus()
    QApplication.clipboard().clear()
    _alt(qtbot, page.copy_button)
    qtbot.waitUntil(lambda: LINK in QApplication.clipboard().text())
    assert "3 december" in QApplication.clipboard().text()
    path = tmp_path / "kvallar.ics"
    page.export_calendar(str(path))
    qtbot.waitUntil(path.exists)
    event = next(iter(icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")))
    assert str(event["URL"]) == LINK
    assert event.decoded("DTSTART").utcoffset() == timedelta(hours=1)

    # Return on the evening changes it.
    page.table.setFocus()
    qtbot.keyClick(_focus(), Qt.Key.Key_Return)
    change = page.dialog
    assert isinstance(change, EveningDialog) and change is not dialog
    _alt(qtbot, change.labels[3])
    _type(qtbot, "Biblioteket")
    qtbot.keyClick(_focus(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: list_evenings(ui_ctx.db, campaign_id)[0].place == "Biblioteket")
    assert list_evenings(ui_ctx.db, campaign_id)[0].volunteers == ("Kim", "Ann")


def test_a_mistake_in_the_dialog_keeps_it_open_and_saves_nothing(
        qtbot: QtBot, ui_ctx: UiContext, monkeypatch: pytest.MonkeyPatch) -> None:
    campaign_id = _campaign(ui_ctx)
    shown: list[str] = []
    monkeypatch.setattr("ui.organising.evening_dialog.show_error",
                        lambda _parent, exc, **_kw: shown.append(str(exc)))
    _, page = _open_planner(qtbot, ui_ctx)
    _alt(qtbot, page.new_button)
    qtbot.waitUntil(lambda: page.dialog is not None)
    dialog = page.dialog
    assert isinstance(dialog, EveningDialog)
    _alt(qtbot, dialog.labels[2])
    _type(qtbot, "17:00")  # before the start
    qtbot.keyClick(_focus(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(shown))
    assert "ends (17:00) before it starts (18:00)" in shown[0]
    assert dialog.isVisible() and list_evenings(ui_ctx.db, campaign_id) == []
    dialog.reject()


def test_the_start_page_and_calling_goals_show_tonights_evening(
        qtbot: QtBot, ui_ctx: UiContext) -> None:
    from app.clock import utcnow
    from app.services.calling import Counts, EveningStats
    from ui.calling.evening_panel import EveningPanel

    campaign_id = _campaign(ui_ctx)
    today = utcnow().astimezone().date()
    evening = add_evening(ui_ctx.db, campaign_id, EveningInput(
        day=today, starts=time(0, 0), ends=time(23, 59), place="Folkets hus",
        goals=EveningGoals(calls=40, recruits=2)))
    from app.services.organising.evenings import sign_up

    sign_up(ui_ctx.db, evening.id, "Kim")
    window = _window(qtbot, ui_ctx)
    window.home.refresh()
    text = window.home.tonight.text()
    assert window.home.tonight.isVisible()
    assert "Folkets hus" in text and "Kim" in text and "40" in text
    # The calling screen's goal bars: the team's evening against tonight's goals.
    panel = EveningPanel()
    qtbot.addWidget(panel)
    panel.use_planned_goals(EveningGoals(calls=40, recruits=2))
    panel.show()
    panel.show_stats(EveningStats(mine=Counts(3, 1, 0, 0), team=Counts(12, 5, 1, 0),
                                  campaign=Counts(300, 90, 9, 4), goal_conversations=100,
                                  goal_recruits=10))
    assert panel.goal_calls.isVisible() and panel.goal_calls.value() == 12
    assert panel.goal_calls.maximum() == 40
    assert panel.goal_rec.value() == 1 and panel.goal_rec.maximum() == 2
    assert not panel.goal_conv.isVisible()  # no goal for conversations tonight
    # Without an evening the bars are the campaign's.
    panel.use_planned_goals(None)
    assert panel.goal_conv.value() == 90 and panel.goal_conv.maximum() == 100
    assert not panel.goal_calls.isVisible()


def test_the_inbox_by_keyboard(qtbot: QtBot, ui_ctx: UiContext) -> None:
    _campaign_id, calls = _play(ui_ctx.db)
    ui_ctx.campaign_id = _campaign_id
    window = MainWindow(ui_ctx)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.act_inbox.trigger()  # Kampanj › Inkorg
    page = window.pages.currentWidget()
    assert isinstance(page, InboxPage)
    page.now = NOW
    loads = page.loads
    page.refresh()
    qtbot.waitUntil(lambda: page.loads > loads)
    assert page.table.rowCount() == 7
    first = page.entries[0]
    assert first.kind == FOLLOW_UP and first.overdue
    state = page.table.item(0, 0)
    assert state is not None and state.font().bold()
    assert state.text() == page.tr("Overdue")

    # Space marks the chosen item done; it leaves the "to do" list.
    page.table.setFocus()
    page.table.selectRow(0)
    loads = page.loads
    qtbot.keyClick(_focus(), Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.loads > loads and page.table.rowCount() == 6)
    assert get_item(ui_ctx.db, first.id, NOW).done

    # Only new members, then an owner and a day for the one there is.
    _alt(qtbot, page.kind_label)
    assert _focus() is page.kind
    loads = page.loads
    page.kind.setCurrentIndex(page.kind.findData(NEW_MEMBER))
    qtbot.waitUntil(lambda: page.loads > loads and page.table.rowCount() == 1)
    member = f"m{calls[6]}"
    assert page.entries[0].id == member
    _alt(qtbot, page.owner_label)
    _type(qtbot, "Lena")
    _alt(qtbot, page.due_label)
    _type(qtbot, "2026-11-25")
    loads = page.loads
    qtbot.keyClick(_focus(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: get_item(ui_ctx.db, member, NOW).owner == "Lena")
    item = get_item(ui_ctx.db, member, NOW)
    assert item.due_at is not None and item.due_at.astimezone().date() == date(2026, 11, 25)
    assert get_item(ui_ctx.db, member, datetime(2026, 11, 27, tzinfo=NOW.tzinfo)).overdue

    # Ctrl+Return is "klar" too, wherever the focus is on the page.
    page.table.setFocus()
    qtbot.waitUntil(lambda: page.table.rowCount() == 1)
    page.table.selectRow(0)
    qtbot.keyClick(_focus(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: get_item(ui_ctx.db, member, NOW).done)


@CASE_PARAMS
def test_the_pages_fit_at_every_text_size(qtbot: QtBot, ui_ctx: UiContext,
                                          text_size: tuple[str, int]) -> None:  # noqa: F811
    campaign_id, _calls = _play(ui_ctx.db)
    ui_ctx.campaign_id = campaign_id
    add_evening(ui_ctx.db, campaign_id, EveningInput(
        day=date(2026, 12, 3), starts=time(18), ends=time(20), place="Folkets hus, sal 2",
        link=LINK, groups=("Norr",), goals=EveningGoals(80, 20, 3)))
    window = _window(qtbot, ui_ctx)
    window.act_evenings.trigger()
    page = window.pages.currentWidget()
    assert isinstance(page, EveningsPage)
    qtbot.waitUntil(lambda: page.loads >= 1)
    _settle(qtbot)
    found = problems(window, "evening planner")
    found += _dialog(qtbot, EveningDialog(ui_ctx, campaign_id, ("Norr", "Söder"),
                                          page.data.evenings[0], window), "evening dialog")
    found += _dialog(qtbot, SignupDialog(("Kim", "Ann"), "torsdag 3 december", window),
                     "sign-up dialog")
    window.act_inbox.trigger()
    inbox = window.pages.currentWidget()
    assert isinstance(inbox, InboxPage)
    qtbot.waitUntil(lambda: inbox.loads >= 1)
    _settle(qtbot)
    found += problems(window, "inbox")
    assert found == []
