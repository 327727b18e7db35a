"""A short calling evening through the real window, with the keyboard only, then the database.

Runs in Swedish (the default UI language) on a real SQLite file, offscreen.
"""

from __future__ import annotations

import argparse
import warnings
from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select, update

from app.clock import utcnow
from app.db.models import Answer, Call, Campaign, Contact, DoNotCall, FollowUp, PhoneNumber, Recruit
from app.domain.status import ContactStatus
from app.services.scripts import install_builtin_scripts
from app.settings import FONT_SIZE, VOLUNTEER_NAME
from tests.calling_helpers import make_campaign
from ui.calling.dialogs import CallbackDialog, MembershipDialog
from ui.calling.entry import open_calling, open_calling_from_args
from ui.calling.screen import CallingScreen
from ui.context import UiContext
from ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def _window(qtbot: QtBot, ctx: UiContext) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window, before_close_func=_forget_unsaved)
    window.show()
    qtbot.waitExposed(window)
    _activate(window)
    return window


def _forget_unsaved(window: QWidget) -> None:
    # A failed test must not hang on "leave without saving?" when the window closes.
    for screen in window.findChildren(CallingScreen):
        screen.outcomes.select(None)


def _activate(window: QWidget) -> None:
    """The offscreen platform does not keep a window active by itself; shortcuts need it."""
    if QApplication.activeWindow() is not window:
        window.activateWindow()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            QApplication.setActiveWindow(window)


def _campaign(ctx: UiContext, contacts: int = 10) -> int:
    with ctx.db.transaction() as s:
        campaign = make_campaign(s, contacts=contacts, retry_wait_minutes=60, max_attempts=3,
                                 goal_conversations=10, goal_recruits=1)
        install_builtin_scripts(s, campaign)
        return campaign.id


def _when_modal(qtbot: QtBot, action: Callable[[QWidget], None]) -> None:
    """Act on the next modal dialog once it is open (exec() blocks the test until then)."""

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, act)
            return
        try:
            action(dialog)
        except BaseException:
            dialog.close()  # never leave the test hanging on a modal dialog
            raise

    QTimer.singleShot(0, act)


def _opened(qtbot: QtBot, window: MainWindow, _started: None) -> CallingScreen:
    """The calling screen an entry point opens once its task has begun the evening."""
    qtbot.waitUntil(lambda: isinstance(window.pages.currentWidget(), CallingScreen),
                    timeout=10_000)
    screen = window.pages.currentWidget()
    assert isinstance(screen, CallingScreen)
    return screen


def _key(qtbot: QtBot, screen: CallingScreen, key: Qt.Key,
         modifier: Qt.KeyboardModifier = CTRL) -> None:
    _activate(screen.window())
    target = QApplication.focusWidget() or screen
    qtbot.keyClick(target, key, modifier)


def _save(qtbot: QtBot, screen: CallingScreen) -> None:
    with qtbot.waitSignal(screen.shown_contact, timeout=10_000):
        _key(qtbot, screen, Qt.Key.Key_Return)
    assert not screen.busy


def _outcome(qtbot: QtBot, screen: CallingScreen, digit: int) -> None:
    _key(qtbot, screen, getattr(Qt.Key, f"Key_{digit}"))


def test_a_keyboard_only_evening(qtbot: QtBot, ui_ctx: UiContext) -> None:
    campaign_id = _campaign(ui_ctx)
    window = _window(qtbot, ui_ctx)
    args = argparse.Namespace(campaign="Höstkampanj", group=None, volunteer="Kim Exempel")
    screen = _opened(qtbot, window, open_calling_from_args(window, args))
    qtbot.waitUntil(lambda: screen.card is not None, timeout=10_000)
    assert ui_ctx.settings.get(VOLUNTEER_NAME) == "Kim Exempel"
    seen: list[int] = []

    def current() -> int:
        assert screen.card is not None
        seen.append(screen.card.contact_id)
        return screen.card.contact_id

    # 1. Walk the script: "Ja, det är …" then "Ja, det går bra"; the script suggests
    # a conversation; a follow-up is promised; Ctrl+8 confirms; Ctrl+Return saves.
    first = current()
    assert "Person0" in screen.script_panel.step_text.text()  # placeholder filled
    _key(qtbot, screen, Qt.Key.Key_1, ALT)
    assert screen.script_panel.run is not None
    assert screen.script_panel.run.current.id == "moment"
    _key(qtbot, screen, Qt.Key.Key_1, ALT)
    assert screen.script_panel.run.current.id == "issue"
    assert screen.outcomes.selected() == "conversation"
    _key(qtbot, screen, Qt.Key.Key_Left, ALT)  # back and forward again
    assert screen.script_panel.run.current.id == "moment"
    _key(qtbot, screen, Qt.Key.Key_1, ALT)
    screen.promised.setFocus()
    qtbot.keyClicks(screen.promised, "Skicka inbjudan via mejl")
    _outcome(qtbot, screen, 8)
    _save(qtbot, screen)

    # 2-5. No answer, busy, voicemail, wrong number: Ctrl+1 .. Ctrl+4.
    for digit in (1, 2, 3, 4):
        current()
        _outcome(qtbot, screen, digit)
        assert screen.outcomes.selected() is not None
        _save(qtbot, screen)

    # 6. Callback (Ctrl+5): the time dialog's quick choice "in an hour", by keyboard.
    callback_contact = current()

    def accept_callback(dialog: QWidget) -> None:
        assert isinstance(dialog, CallbackDialog)
        assert dialog.in_hour.isChecked()
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    _when_modal(qtbot, accept_callback)
    _outcome(qtbot, screen, 5)
    assert screen.callback_at is not None
    _save(qtbot, screen)

    # 7-8. Refused (Ctrl+6), never call again (Ctrl+7).
    current()
    _outcome(qtbot, screen, 6)
    _save(qtbot, screen)
    dnc_contact = current()
    _outcome(qtbot, screen, 7)
    _save(qtbot, screen)

    # 9. Recruited (Ctrl+9): the membership form needs consent; given with the space bar.
    recruit_contact = current()

    def fill_membership(dialog: QWidget) -> None:
        assert isinstance(dialog, MembershipDialog)
        ok = dialog.buttons.buttons()[0]
        assert not ok.isEnabled() or not dialog.consent.isChecked()
        dialog.email.setFocus()
        qtbot.keyClicks(dialog.email, "ny.medlem@exempel.invalid")
        dialog.consent.setFocus()
        qtbot.keyClick(dialog.consent, Qt.Key.Key_Space)
        assert dialog.consent.isChecked()
        qtbot.keyClick(dialog.email, Qt.Key.Key_Return)

    _when_modal(qtbot, fill_membership)
    _outcome(qtbot, screen, 9)
    assert screen.recruit is not None
    _save(qtbot, screen)
    assert screen.evening_panel.celebration.isVisibleTo(screen.evening_panel)

    # 10. A conversation saved by mistake, undone with Ctrl+Z, corrected to refused.
    undo_contact = current()
    _outcome(qtbot, screen, 8)
    _save(qtbot, screen)
    screen.save_button.setFocus()  # not in a text field, where Ctrl+Z undoes typing
    with qtbot.waitSignal(screen.shown_contact, timeout=10_000):
        _key(qtbot, screen, Qt.Key.Key_Z)
    assert screen.card is not None and screen.card.contact_id == undo_contact
    assert screen.outcomes.selected() == "conversation"
    _outcome(qtbot, screen, 6)
    _save(qtbot, screen)

    # Everyone is handled: the queue says why nobody is offered.
    assert screen.card is None
    reasons = screen.empty_reasons.text()
    assert "1 återuppringning" in reasons and "3 kontakter" in reasons

    # An hour later the callback is due: it comes back first (time moved in the database).
    with ui_ctx.db.transaction() as s:
        s.execute(update(Contact).where(Contact.id == callback_contact)
                  .values(next_call_at=utcnow() - timedelta(seconds=1)))
    with qtbot.waitSignal(screen.shown_contact, timeout=10_000):
        _key(qtbot, screen, Qt.Key.Key_F5, Qt.KeyboardModifier.NoModifier)
    assert screen.card is not None and screen.card.contact_id == callback_contact
    assert "Ring tillbaka" in screen.card_view.attempts.text()
    _outcome(qtbot, screen, 6)
    _save(qtbot, screen)

    assert len(set(seen)) == 10 and first == seen[0]
    with ui_ctx.db.session() as s:
        calls = s.scalars(select(Call).order_by(Call.id)).all()
        assert [c.outcome for c in calls] == [
            "conversation", "no_answer", "busy", "voicemail", "wrong_number", "callback",
            "refused", "do_not_call", "recruited", "refused", "refused"]
        assert all(c.campaign_id == campaign_id and c.script_id for c in calls)
        answers = dict(s.execute(select(Answer.question_key, Answer.value)
                                 .where(Answer.call_id == calls[0].id)).all())
        assert answers == {"reached": "yes", "has_time": "yes"}
        follow = s.scalars(select(FollowUp)).one()
        assert follow.promised == "Skicka inbjudan via mejl"
        recruit = s.scalars(select(Recruit)).one()
        assert recruit.consent_membership and recruit.consent_text
        assert recruit.email == "ny.medlem@exempel.invalid"
        assert s.get(Call, recruit.call_id).contact_id == recruit_contact  # type: ignore[union-attr]
        dnc_number = s.scalar(select(PhoneNumber.e164)
                              .where(PhoneNumber.contact_id == dnc_contact))
        assert s.scalar(select(DoNotCall.e164)) == dnc_number
        statuses = {c.id: c.status for c in s.scalars(select(Contact))}
        assert statuses[dnc_contact] == ContactStatus.DNC
        assert statuses[seen[4]] == ContactStatus.NO_NUMBER
        assert [c.outcome for c in calls if c.contact_id == undo_contact] == ["refused"]
        assert s.scalar(select(func.count()).select_from(Contact)
                        .where(Contact.claim_token.is_not(None))) == 0 or screen.card
    assert screen.evening_panel.mine.values[0].text() == "11"


def test_start_dialog_offers_practice_and_remembers_the_name(
    qtbot: QtBot, ui_ctx: UiContext
) -> None:
    window = _window(qtbot, ui_ctx)
    assert window.database_is_empty()

    def start(dialog: QWidget) -> None:
        from ui.calling.start_dialog import StartDialog

        assert isinstance(dialog, StartDialog)
        assert "(övning)" in dialog.campaign.currentText()
        assert dialog.practice_hint.isVisibleTo(dialog)
        assert not dialog.buttons.buttons()[0].isEnabled()  # no name yet
        qtbot.keyClicks(dialog.name, "Ali Exempel")
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)

    _when_modal(qtbot, start)
    screen = _opened(qtbot, window, open_calling(window))
    qtbot.waitUntil(lambda: screen.card is not None, timeout=10_000)
    assert ui_ctx.settings.get(VOLUNTEER_NAME) == "Ali Exempel"
    with ui_ctx.db.session() as s:
        campaign = s.get(Campaign, screen.evening.campaign_id)
        assert campaign is not None and campaign.is_practice
    # Leaving gives the contact back to the queue.
    window.show_home()
    assert window.pages.currentWidget() is window.home
    ui_ctx.runner.wait()  # the release goes through the write queue, off the GUI thread
    with ui_ctx.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Contact)
                        .where(Contact.claim_token.is_not(None))) == 0


def test_outside_calling_hours_the_screen_says_so(qtbot: QtBot, ui_ctx: UiContext) -> None:
    with ui_ctx.db.transaction() as s:
        make_campaign(s, contacts=2, weekday_hours="00:00-00:00", weekend_hours="00:00-00:00")
    window = _window(qtbot, ui_ctx)
    args = argparse.Namespace(campaign=None, group=None, volunteer="Kim")
    screen = _opened(qtbot, window, open_calling_from_args(window, args))
    qtbot.waitUntil(lambda: screen.pages.currentWidget() is screen.empty_page, timeout=10_000)
    assert screen.card is None
    assert "ringtider" in screen.empty_reasons.text()
    assert screen.empty_title.text() != ""


def test_skip_numbers_voicemail_language_text_size_and_summary(
    qtbot: QtBot, ui_ctx: UiContext
) -> None:
    from PySide6.QtGui import QGuiApplication

    from ui.calling.dialogs import SkipDialog, SummaryDialog

    with ui_ctx.db.transaction() as s:
        campaign = make_campaign(s, contacts=3, numbers_each=2)
        install_builtin_scripts(s, campaign)
    window = _window(qtbot, ui_ctx)
    screen = _opened(qtbot, window, open_calling_from_args(
        window, argparse.Namespace(campaign=None, group=None, volunteer="Kim")))
    qtbot.waitUntil(lambda: screen.card is not None, timeout=10_000)
    card = screen.card
    assert card is not None

    # Two numbers: switch with the number list; Ctrl+Shift+C copies the one shown.
    view = screen.card_view
    assert view.numbers.isVisibleTo(view) and view.numbers.count() == 2
    view.numbers.setFocus()
    qtbot.keyClick(view.numbers, Qt.Key.Key_Down)
    phone = view.phone()
    assert phone is not None and phone.id == card.phones[1].id
    assert phone.national in view.number.text() and phone.e164 in view.link.text()
    assert view.qr.pixmap() is not None and not view.qr.pixmap().isNull()
    _key(qtbot, screen, Qt.Key.Key_C, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert QGuiApplication.clipboard().text() == phone.national

    # The voicemail text is one click away, placeholders filled.
    screen.script_panel.voicemail_button.click()
    assert screen.script_panel.voicemail.isVisibleTo(screen.script_panel)
    assert "Kim" in screen.script_panel.voicemail.text()
    assert "{" not in screen.script_panel.voicemail.text().split("\n")[0]

    # Skip with a reason (Ctrl+Shift+S): the next person is shown.
    def give_reason(dialog: QWidget) -> None:
        assert isinstance(dialog, SkipDialog)
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)

    _when_modal(qtbot, give_reason)
    with qtbot.waitSignal(screen.shown_contact, timeout=10_000):
        _key(qtbot, screen, Qt.Key.Key_S, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert screen.card is not None and screen.card.contact_id != card.contact_id

    # English on the fly, and back.
    window.act_english.trigger()
    qtbot.waitUntil(lambda: "No answer" in screen.outcomes.buttons["no_answer"].text())
    assert screen.outcomes.buttons["no_answer"].text().endswith("Ctrl+1  No answer")
    window.act_swedish.trigger()
    qtbot.waitUntil(lambda: "Svarar inte" in screen.outcomes.buttons["no_answer"].text())

    # The largest text size: the outcomes move into one column beside the card.
    window.change_font_size(28 - ui_ctx.settings.get(FONT_SIZE))
    qtbot.waitUntil(lambda: screen._large is True)
    grid = screen.outcomes.grid
    assert grid.columnCount() == 1 or all(
        grid.getItemPosition(grid.indexOf(b))[1] == 0 for b in screen.outcomes.buttons.values())
    window.change_font_size(0)
    qtbot.waitUntil(lambda: screen._large is False)

    # End of the evening (Ctrl+Shift+E): the summary, then the start page.
    def close_summary(dialog: QWidget) -> None:
        assert isinstance(dialog, SummaryDialog)
        assert any("Tack, Kim!" in label.text() for label in dialog.findChildren(QLabel))
        dialog.accept()

    _when_modal(qtbot, close_summary)
    _key(qtbot, screen, Qt.Key.Key_E, CTRL | Qt.KeyboardModifier.ShiftModifier)
    # The summary is read off the GUI thread, then shown; the claim is given back meanwhile.
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.home, timeout=10_000)
    ui_ctx.runner.wait()
    assert window.pages.currentWidget() is window.home
    with ui_ctx.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Contact)
                        .where(Contact.claim_token.is_not(None))) == 0


def test_a_call_flagged_with_the_keyboard_reaches_the_inbox(qtbot: QtBot,
                                                             ui_ctx: UiContext) -> None:
    from app.services.organising.inbox import FLAGGED, InboxFilter, inbox

    campaign_id = _campaign(ui_ctx)
    with ui_ctx.db.transaction() as s:
        s.get_one(Campaign, campaign_id).notes_enabled = True
    window = _window(qtbot, ui_ctx)
    args = argparse.Namespace(campaign="Höstkampanj", group=None, volunteer="Kim Exempel")
    screen = _opened(qtbot, window, open_calling_from_args(window, args))
    qtbot.waitUntil(lambda: screen.card is not None, timeout=10_000)
    letter = screen.flag.text().split("&")[1][0]
    _key(qtbot, screen, Qt.Key(ord(letter.upper())), ALT)
    assert QApplication.focusWidget() is screen.flag
    _key(qtbot, screen, Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier)
    assert screen.flag.isChecked()
    assert screen.notes.isVisible()
    screen.notes.setFocus()
    qtbot.keyClicks(screen.notes, "Vill prata med styrelsen")  # QTest types ASCII only
    _outcome(qtbot, screen, 8)
    _save(qtbot, screen)
    assert not screen.flag.isChecked()  # the next person starts unflagged
    (item,) = inbox(ui_ctx.db, InboxFilter(campaign=campaign_id, kind=FLAGGED))
    assert item.what == "Vill prata med styrelsen" and item.caller == "Kim Exempel"
