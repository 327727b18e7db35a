"""A calling evening typed as a real keyboard types: every key goes to whatever has the focus
(QApplication.focusWidget(), or the active window when nothing has it), never to a widget the
test picked. The script is walked with Alt+digit, free text is typed where the step asks for
it, the script opens the membership form and sets the callback time, and the database is
checked after every save."""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.clock import local, utcnow
from app.db.models import Answer, Call, Contact, FollowUp, Recruit
from app.domain.status import QueueRank
from app.services.calling.answers import MAX_TEXT
from app.services.calling.when import parse_callback_time
from app.services.scripts import install_builtin_scripts
from tests.calling_helpers import make_campaign
from tests.test_calling_screen import _activate, _window
from ui.calling.dialogs import MembershipDialog
from ui.calling.entry import open_calling_from_args
from ui.calling.screen import CallingScreen
from ui.context import UiContext

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
NONE = Qt.KeyboardModifier.NoModifier


def _target() -> QWidget:
    target = QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None, "no widget and no window would get this key"
    return target


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = NONE) -> None:
    qtbot.keyClick(_target(), key, modifier)


def type_text(qtbot: QtBot, text: str) -> None:
    """Type as a keyboard does: each character a key press and release with its text, sent to
    the focus (QTest's own keyClicks only knows ASCII; Swedish needs å, ä, ö)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    for char in text:
        key = Qt.Key(ord(char.upper())) if char.isascii() else Qt.Key.Key_unknown
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(_target(), QKeyEvent(kind, key, NONE, char))
    qtbot.wait(1)


def alt_letter(text: str) -> Qt.Key:
    """The Alt+letter a label shows (its &-marked letter), as the volunteer reads it."""
    match = re.search(r"&([^&])", text.replace("&&", ""))
    assert match, f"no mnemonic in {text!r}"
    letter = match.group(1).upper()
    return {"Å": Qt.Key.Key_Aring, "Ä": Qt.Key.Key_Adiaeresis,
            "Ö": Qt.Key.Key_Odiaeresis}.get(letter, getattr(Qt.Key, f"Key_{letter}"))


def when_modal(qtbot: QtBot, action: Callable[[QWidget], None]) -> None:
    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, act)
            return
        _activate(dialog)  # what a window manager does for a new modal dialog
        try:
            action(dialog)
        except BaseException:
            dialog.close()
            raise

    QTimer.singleShot(0, act)


def _screen(qtbot: QtBot, ctx: UiContext) -> CallingScreen:
    with ctx.db.transaction() as s:
        campaign = make_campaign(
            s, contacts=12, retry_wait_minutes=60, max_attempts=3,
            local_issue="bussarna i Tensta", local_message="Fler bussar på kvällen.",
            meeting_title="Bussmötet", meeting_at=utcnow(), meeting_link="https://exempel.invalid",
            meeting_guest="Kim Gäst")
        install_builtin_scripts(s, campaign)
    return _open(qtbot, ctx, "Höstkampanj")


def _open(qtbot: QtBot, ctx: UiContext, campaign: str) -> CallingScreen:
    """The calling screen on `campaign`, the first person shown, the window active."""
    window = _window(qtbot, ctx)
    args = argparse.Namespace(campaign=campaign, group=None, volunteer="Kim Exempel")
    open_calling_from_args(window, args)
    qtbot.waitUntil(lambda: isinstance(window.pages.currentWidget(), CallingScreen),
                    timeout=10_000)
    screen = window.pages.currentWidget()
    assert isinstance(screen, CallingScreen)
    qtbot.waitUntil(lambda: screen.card is not None, timeout=10_000)
    _activate(window)
    return screen


def _save(qtbot: QtBot, screen: CallingScreen) -> None:
    with qtbot.waitSignal(screen.shown_contact, timeout=10_000):
        press(qtbot, Qt.Key.Key_Return, CTRL)
    assert not screen.busy


def _last_call(ctx: UiContext) -> tuple[Call, dict[str, object]]:
    with ctx.db.session() as s:
        call = s.scalars(select(Call).order_by(Call.id.desc()).limit(1)).one()
        answers = dict(s.execute(select(Answer.question_key, Answer.value)
                                 .where(Answer.call_id == call.id)).all())
        return call, answers


def test_an_evening_typed_on_a_real_keyboard(qtbot: QtBot, ui_ctx: UiContext) -> None:
    screen = _screen(qtbot, ui_ctx)

    # 1. The whole script: reached, has time, an opinion typed where the step asks for it,
    # agreement 4, the message read out, the meeting, membership (the form opens by itself),
    # a follow-up; Ctrl+Return saves from wherever the focus ended up.
    assert screen.card is not None
    member = screen.card.contact_id
    press(qtbot, Qt.Key.Key_1, ALT)
    press(qtbot, Qt.Key.Key_1, ALT)
    assert screen.outcomes.selected() == "conversation"
    assert QApplication.focusWidget() is screen.script_panel.text_editor
    editor = screen.script_panel.text_editor
    assert editor is not None and editor.maxLength() == MAX_TEXT  # no more than a save takes
    type_text(qtbot, "Bussarna går för sällan")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_4, ALT)  # agreement
    press(qtbot, Qt.Key.Key_Right, ALT)  # past the message, read out
    press(qtbot, Qt.Key.Key_1, ALT)  # yes to the meeting
    assert screen.meeting.isChecked()

    def fill_membership(dialog: QWidget) -> None:
        assert isinstance(dialog, MembershipDialog)
        press(qtbot, alt_letter(_label_for(dialog, dialog.email)), ALT)
        assert QApplication.focusWidget() is dialog.email
        type_text(qtbot, "ny.medlem@exempel.invalid")
        press(qtbot, alt_letter(dialog.consent.text()), ALT)
        # A mnemonic clicks its button the way a mouse does, a moment later (animateClick).
        qtbot.waitUntil(dialog.consent.isChecked, timeout=2_000)
        press(qtbot, Qt.Key.Key_Return)

    when_modal(qtbot, fill_membership)
    press(qtbot, Qt.Key.Key_1, ALT)  # "Ja, vill bli medlem": the script opens the form
    qtbot.waitUntil(lambda: screen.recruit is not None, timeout=10_000)
    assert screen.outcomes.selected() == "recruited"
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=5_000)
    _activate(screen.window())
    press(qtbot, Qt.Key.Key_1, ALT)  # a follow-up, please
    assert screen.promised.text()
    _save(qtbot, screen)
    call, answers = _last_call(ui_ctx)
    assert (call.contact_id, call.outcome, call.meeting_signup) == (member, "recruited", True)
    assert answers["issue_opinion"] == "Bussarna går för sällan"
    assert answers["membership"] == "yes" and answers["issue_agreement"] == "4"
    with ui_ctx.db.session() as s:
        recruit = s.scalars(select(Recruit).where(Recruit.call_id == call.id)).one()
        assert recruit.email == "ny.medlem@exempel.invalid" and recruit.consent_membership
        assert s.scalars(select(FollowUp).where(FollowUp.call_id == call.id)).one()
    saved_answers = answers

    # 2. "Not now, call later": the time typed in the script is the callback's time.
    assert screen.card is not None
    later = screen.card.contact_id
    press(qtbot, Qt.Key.Key_1, ALT)
    press(qtbot, Qt.Key.Key_2, ALT)
    assert QApplication.focusWidget() is screen.script_panel.text_editor
    type_text(qtbot, "i morgon kl 18")
    press(qtbot, Qt.Key.Key_Return)
    assert screen.outcomes.selected() == "callback" and screen.callback_at is not None
    expected = parse_callback_time("i morgon kl 18", local(utcnow()))
    _save(qtbot, screen)  # no dialog asks for the time again
    call, answers = _last_call(ui_ctx)
    assert (call.contact_id, call.outcome) == (later, "callback")
    with ui_ctx.db.session() as s:
        contact = s.get(Contact, later)
        assert contact is not None and contact.queue_rank == int(QueueRank.CALLBACK)
        assert expected is not None and contact.next_call_at == expected

    # 3. The reported trap: Alt+1, Alt+1, Ctrl+8, Ctrl+Return must save.
    press(qtbot, Qt.Key.Key_1, ALT)
    press(qtbot, Qt.Key.Key_1, ALT)
    press(qtbot, Qt.Key.Key_8, CTRL)
    _save(qtbot, screen)
    assert _last_call(ui_ctx)[0].outcome == "conversation"

    # 4. Every other outcome by Ctrl+digit alone, checked after each save.
    for digit, outcome in ((1, "no_answer"), (2, "busy"), (3, "voicemail"),
                           (4, "wrong_number"), (6, "refused"), (7, "do_not_call")):
        press(qtbot, getattr(Qt.Key, f"Key_{digit}"), CTRL)
        assert screen.outcomes.selected() == outcome
        _save(qtbot, screen)
        assert _last_call(ui_ctx)[0].outcome == outcome

    # 5. A conversation with a follow-up typed into its field (reached by its Alt+letter).
    press(qtbot, Qt.Key.Key_8, CTRL)
    press(qtbot, alt_letter(screen.promised_label.text()), ALT)
    assert QApplication.focusWidget() is screen.promised
    type_text(qtbot, "Skicka tidtabellen")
    _save(qtbot, screen)
    call, _answers = _last_call(ui_ctx)
    with ui_ctx.db.session() as s:
        follow = s.scalars(select(FollowUp).where(FollowUp.call_id == call.id)).one()
        assert follow.promised == "Skicka tidtabellen"

    # 6. Undo the new member's call? It is not the last one: undo takes the last call, and
    # brings it back whole, answers included, ready to correct.
    press(qtbot, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: screen.card is not None and screen.card.contact_id == call.contact_id,
                    timeout=10_000)
    assert screen.promised.text() == "Skicka tidtabellen"
    assert screen.outcomes.selected() == "conversation"
    _save(qtbot, screen)
    assert _last_call(ui_ctx)[0].contact_id == call.contact_id
    assert saved_answers  # the first call's answers were stored (checked above)


def test_undo_restores_the_scripts_answers_and_the_membership(
    qtbot: QtBot, ui_ctx: UiContext
) -> None:
    screen = _screen(qtbot, ui_ctx)
    press(qtbot, Qt.Key.Key_1, ALT)
    press(qtbot, Qt.Key.Key_1, ALT)
    type_text(qtbot, "Mer ljus på gångvägarna")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_5, ALT)

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, MembershipDialog)
        press(qtbot, alt_letter(dialog.consent.text()), ALT)
        qtbot.waitUntil(dialog.consent.isChecked, timeout=2_000)
        press(qtbot, Qt.Key.Key_Return)

    when_modal(qtbot, fill)
    press(qtbot, Qt.Key.Key_9, CTRL)  # became a member, picked by hand: the form opens
    qtbot.waitUntil(lambda: screen.recruit is not None, timeout=10_000)
    _activate(screen.window())
    _save(qtbot, screen)
    first, answers = _last_call(ui_ctx)
    assert first.outcome == "recruited"

    press(qtbot, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: screen.card is not None and screen.card.contact_id
                    == first.contact_id, timeout=10_000)
    assert screen.script_panel.answers() == answers
    assert screen.recruit is not None and screen.recruit.consent_membership
    assert screen.outcomes.selected() == "recruited"
    _save(qtbot, screen)  # saved again as it was, no form asked for again
    again, again_answers = _last_call(ui_ctx)
    assert (again.contact_id, again.outcome) == (first.contact_id, "recruited")
    assert again_answers == answers
    with ui_ctx.db.session() as s:
        assert s.scalars(select(Recruit).where(Recruit.call_id == again.id)).one()
    assert isinstance(first.saved_at, datetime)


def _label_for(dialog: QWidget, field: QWidget) -> str:
    from PySide6.QtWidgets import QLabel

    for label in dialog.findChildren(QLabel):
        if label.buddy() is field:
            return label.text()
    raise AssertionError("the field has no label with a mnemonic")


def test_a_hand_picked_outcome_against_the_script_is_asked_about_once(
    qtbot: QtBot, ui_ctx: UiContext
) -> None:
    from PySide6.QtWidgets import QMessageBox

    screen = _screen(qtbot, ui_ctx)
    assert screen.card is not None
    person = screen.card.contact_id
    press(qtbot, Qt.Key.Key_1, ALT)
    press(qtbot, Qt.Key.Key_1, ALT)  # the script says: a conversation
    press(qtbot, Qt.Key.Key_6, CTRL)  # the volunteer says: doesn't want to talk
    asked: list[str] = []

    def answer(button: QMessageBox.StandardButton) -> Callable[[QWidget], None]:
        def act(dialog: QWidget) -> None:
            assert isinstance(dialog, QMessageBox)
            asked.append(dialog.text())
            dialog.button(button).click()
        return act

    when_modal(qtbot, answer(QMessageBox.StandardButton.No))
    press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=5_000)
    assert "Samtal genomfört" in asked[0] and "Vill inte prata" in asked[0]
    with ui_ctx.db.session() as s:
        assert s.scalar(select(Call.id)) is None  # No: nothing saved
    when_modal(qtbot, answer(QMessageBox.StandardButton.Yes))
    _activate(screen.window())
    _save(qtbot, screen)
    call, _answers = _last_call(ui_ctx)
    assert (call.contact_id, call.outcome) == (person, "refused")
    assert len(asked) == 2


def test_no_raw_placeholder_reaches_the_caller(qtbot: QtBot, ui_ctx: UiContext) -> None:
    from PySide6.QtWidgets import QAbstractButton, QLabel

    with ui_ctx.db.transaction() as s:
        campaign = make_campaign(s, "Tom kampanj", contacts=2)  # no issue, message, meeting
        campaign.association = ""
        install_builtin_scripts(s, campaign)
    screen = _open(qtbot, ui_ctx, "Tom kampanj")

    def shown_texts() -> list[str]:
        texts = [w.text() for w in screen.findChildren(QLabel) if w.isVisible()]
        texts += [w.text() for w in screen.findChildren(QAbstractButton) if w.isVisible()]
        return texts

    # Every step of the main path, with every text the caller can see.
    for _ in range(12):
        assert not [t for t in shown_texts() if re.search(r"\{[a-z_]+\}", t)]
        run = screen.script_panel.run
        if run is None or run.finished:
            break
        if run.current.id == "membership_ask":
            press(qtbot, Qt.Key.Key_2, ALT)  # no thanks: the form is another test's business
        elif screen.script_panel.option_buttons:
            press(qtbot, Qt.Key.Key_1, ALT)
        elif screen.script_panel.text_editor is not None:
            type_text(qtbot, "bra")
            press(qtbot, Qt.Key.Key_Return)
        else:
            press(qtbot, Qt.Key.Key_Right, ALT)
    note = screen.missing_note
    assert note.isVisible() and "den lokala frågan" in note.text()
    assert "Kampanjinställningar" in note.text()
