"""The calling screen when other callers get to the same person: do-not-call for every number,
a lost reservation said at once, a late save that says who else called. Real widgets, real
SQLite file, keys sent to whatever has the focus."""

from __future__ import annotations

import argparse
import uuid
from datetime import timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update

from app.clock import utcnow
from app.db.models import Contact, DoNotCall, PhoneNumber
from app.domain.status import ContactStatus
from app.services.scripts import install_builtin_scripts
from tests.calling_helpers import make_campaign, volunteer_id
from tests.test_calling_screen import _key, _outcome, _save, _window
from ui import i18n
from ui.calling.entry import open_calling_from_args
from ui.calling.screen import CallingScreen
from ui.context import UiContext
from ui.importing.dnc_dialog import DncDialog


def _screen(qtbot: QtBot, ctx: UiContext, numbers_each: int = 1) -> CallingScreen:
    with ctx.db.transaction() as s:
        campaign = make_campaign(s, contacts=3, numbers_each=numbers_each,
                                 retry_wait_minutes=60, max_attempts=3)
        install_builtin_scripts(s, campaign)
    window = _window(qtbot, ctx)
    args = argparse.Namespace(campaign="Höstkampanj", group=None, volunteer="Kim Exempel")
    screen = open_calling_from_args(window, args)
    if screen is None:  # the screen may be built once the evening has begun off the GUI thread
        qtbot.waitUntil(lambda: isinstance(window.pages.currentWidget(), CallingScreen),
                        timeout=10_000)
        screen = window.pages.currentWidget()
    assert isinstance(screen, CallingScreen)
    qtbot.waitUntil(lambda: screen.card is not None, timeout=10_000)
    return screen


def _reason_cells(qtbot: QtBot, ctx: UiContext) -> list[str]:
    dialog = DncDialog(ctx)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=10_000)
    cells = []
    for row in range(dialog.table.rowCount()):
        item = dialog.table.item(row, 2)
        assert item is not None
        cells.append(item.text())
    return cells


def test_ctrl_7_blocks_every_number_of_the_person_with_the_reason_in_both_languages(
    qtbot: QtBot, ui_ctx: UiContext
) -> None:
    screen = _screen(qtbot, ui_ctx, numbers_each=2)
    assert screen.card is not None
    person = screen.card.contact_id
    assert len(screen.card.phones) == 2  # a landline and a mobile, say
    _outcome(qtbot, screen, 7)
    assert screen.outcomes.selected() == "do_not_call"
    _save(qtbot, screen)

    with ui_ctx.db.session() as s:
        numbers = set(s.scalars(select(PhoneNumber.e164)
                                .where(PhoneNumber.contact_id == person)))
        blocked = set(s.scalars(select(DoNotCall.e164)))
        assert s.get(Contact, person).status == ContactStatus.DNC  # type: ignore[union-attr]
    assert len(numbers) == 2 and blocked == numbers

    swedish = _reason_cells(qtbot, ui_ctx)
    assert swedish == ["Bad under ett samtal att inte bli uppringd igen"] * 2
    i18n.set_language("en")
    english = _reason_cells(qtbot, ui_ctx)
    assert english == ["Asked during a call not to be called again"] * 2


def test_a_lost_reservation_is_said_at_once_and_the_next_person_is_one_key_away(
    qtbot: QtBot, ui_ctx: UiContext
) -> None:
    screen = _screen(qtbot, ui_ctx)
    assert screen.card is not None
    first = screen.card
    # Another caller's laptop took the person after this one's reservation ran out.
    other = volunteer_id(ui_ctx.db, "Bo")
    with ui_ctx.db.transaction() as s:
        s.execute(update(Contact).where(Contact.id == first.contact_id).values(
            claimed_by_id=other, claim_token=str(uuid.uuid4()),
            claim_expires_at=utcnow() + timedelta(minutes=20)))

    screen._renew.timeout.emit()  # what the timer does every few minutes
    qtbot.waitUntil(lambda: screen.claim_banner.isVisible(), timeout=10_000)
    text = screen.claim_text.text()
    assert first.name in text and "någon annan" in text

    screen.claim_next.setFocus()
    with qtbot.waitSignal(screen.shown_contact, timeout=10_000):
        _key(qtbot, screen, Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier)
    assert screen.card is not None and screen.card.contact_id != first.contact_id
    assert not screen.claim_banner.isVisible()
    with ui_ctx.db.session() as s:
        # The other caller keeps the person: taking the next one did not release their claim.
        assert s.get(Contact, first.contact_id).claimed_by_id == other  # type: ignore[union-attr]


def test_a_late_save_says_who_else_called_and_keeps_their_outcome(
    qtbot: QtBot, ui_ctx: UiContext
) -> None:
    screen = _screen(qtbot, ui_ctx)
    assert screen.card is not None
    person = screen.card
    # Meanwhile another caller reached the person and they became do-not-call.
    from app.services.calling import CallInput, claim_next, save_call

    other = volunteer_id(ui_ctx.db, "Bo")
    with ui_ctx.db.transaction() as s:
        s.execute(update(Contact).where(Contact.id == person.contact_id)
                  .values(claim_expires_at=utcnow() - timedelta(minutes=1)))
        claim = claim_next(s, campaign_id=person.campaign_id, volunteer_id=other,
                           claim_minutes=20)
        assert claim is not None and claim.contact_id == person.contact_id
        save_call(s, CallInput(contact_id=person.contact_id, claim_token=claim.token,
                               outcome="do_not_call", volunteer_id=other,
                               started_at=utcnow()), show_next=False)

    _outcome(qtbot, screen, 1)  # no answer
    _save(qtbot, screen)
    assert screen.conflict_notice.isVisible()
    notice = screen.conflict_notice.text()
    assert person.name in notice and "Bo" in notice
    with ui_ctx.db.session() as s:
        contact = s.get(Contact, person.contact_id)
        assert contact is not None
        assert contact.status == ContactStatus.DNC and contact.attempts == 2
