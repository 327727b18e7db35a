"""Saves under several writers, on a real SQLite file or PostgreSQL database: a save honours
its claim, a late save never weakens the person's state, undo never overwrites newer work,
renewals say when a claim was lost, and the campaign's running totals stay equal to its
calls."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.db.database import Database
from app.db.models import Call, CallTally, Contact, DoNotCall, PhoneNumber
from app.domain.status import ContactStatus, QueueRank
from app.errors import UserError
from app.services import dnc
from app.services.calling import (
    CallInput,
    ContactCard,
    FollowUpInput,
    Renewal,
    evening_stats,
    next_contact,
    renew_claim,
    save_call,
    undo_last_call,
)
from tests.calling_helpers import make_campaign, volunteer_id

ROOT = Path(__file__).resolve().parent.parent
# A fixed evening, so nothing here depends on the day the tests run.
T0 = datetime(2031, 3, 4, 18, 0, tzinfo=UTC)


def _claim(db: Database, campaign_id: int, vid: int, now: datetime,
           minutes: int = 20) -> ContactCard:
    with db.transaction() as s:
        card = next_contact(s, campaign_id=campaign_id, volunteer_id=vid,
                            claim_minutes=minutes, now=now).card
    assert card is not None
    return card


def _save(db: Database, card: ContactCard, outcome: str, vid: int, now: datetime,
          **kw: object) -> object:
    shown = card.shown_at or now
    with db.transaction() as s:
        return save_call(s, CallInput(
            contact_id=card.contact_id, claim_token=card.claim_token,
            seen_version=card.state_version, outcome=outcome, volunteer_id=vid,
            phone_number_id=card.phones[0].id, started_at=shown,
            **kw),  # type: ignore[arg-type]
            show_next=False, now=now)


def _contact(db: Database, contact_id: int) -> Contact:
    with db.session() as s:
        contact = s.get(Contact, contact_id)
        assert contact is not None
        return contact


def _calls(db: Database, contact_id: int) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count(Call.id)).where(Call.contact_id == contact_id))
                   or 0)


def _campaign(db: Database, **fields: object) -> int:
    with db.transaction() as s:
        return make_campaign(s, contacts=1, created=T0 - timedelta(hours=1), **fields).id


def test_late_save_after_do_not_call_keeps_the_person_blocked(db: Database) -> None:
    cid = _campaign(db)
    anna, bo = volunteer_id(db, "Anna"), volunteer_id(db, "Bo")
    card_a = _claim(db, cid, anna, T0, minutes=20)
    # Anna's laptop sleeps; her claim runs out and Bo gets the same person.
    card_b = _claim(db, cid, bo, T0 + timedelta(minutes=25))
    assert card_b.contact_id == card_a.contact_id
    _save(db, card_b, "do_not_call", bo, T0 + timedelta(minutes=27))

    result = _save(db, card_a, "no_answer", anna, T0 + timedelta(minutes=30))

    contact = _contact(db, card_a.contact_id)
    assert contact.status == ContactStatus.DNC.value
    assert contact.attempts == _calls(db, card_a.contact_id) == 2
    conflict = result.conflict  # type: ignore[attr-defined]
    assert conflict is not None
    assert conflict.other_volunteer == "Bo"
    assert conflict.other_saved_at == T0 + timedelta(minutes=27)
    with db.transaction() as s:
        assert next_contact(s, campaign_id=cid, volunteer_id=anna, claim_minutes=20,
                            now=T0 + timedelta(days=2)).card is None


def test_late_save_strengthens_but_never_weakens(db: Database) -> None:
    cid = _campaign(db, retry_wait_minutes=60, max_attempts=5)
    anna, bo = volunteer_id(db, "Anna"), volunteer_id(db, "Bo")
    card_a = _claim(db, cid, anna, T0)
    card_b = _claim(db, cid, bo, T0 + timedelta(minutes=25))
    _save(db, card_b, "no_answer", bo, T0 + timedelta(minutes=26))
    # Anna had a real conversation: the person is done, which is stronger than a retry.
    result = _save(db, card_a, "conversation", anna, T0 + timedelta(minutes=30))
    contact = _contact(db, card_a.contact_id)
    assert contact.status == ContactStatus.DONE.value
    assert contact.attempts == 2
    assert result.conflict is not None  # type: ignore[attr-defined]


def test_late_callback_wins_over_an_open_retry(db: Database) -> None:
    cid = _campaign(db, retry_wait_minutes=60, max_attempts=5)
    anna, bo = volunteer_id(db, "Anna"), volunteer_id(db, "Bo")
    card_a = _claim(db, cid, anna, T0)
    card_b = _claim(db, cid, bo, T0 + timedelta(minutes=25))
    _save(db, card_b, "busy", bo, T0 + timedelta(minutes=26))
    when = T0 + timedelta(days=1)
    _save(db, card_a, "callback", anna, T0 + timedelta(minutes=30), callback_at=when)
    contact = _contact(db, card_a.contact_id)
    assert contact.status == ContactStatus.OPEN.value
    assert contact.queue_rank == int(QueueRank.CALLBACK)
    assert contact.next_call_at == when


def test_expired_claim_nobody_touched_still_decides(db: Database) -> None:
    cid = _campaign(db, retry_wait_minutes=60)
    anna = volunteer_id(db, "Anna")
    card = _claim(db, cid, anna, T0, minutes=20)
    # Long conversation, the claim ran out, but nobody else called: a normal save.
    result = _save(db, card, "no_answer", anna, T0 + timedelta(minutes=45))
    contact = _contact(db, card.contact_id)
    assert result.conflict is None  # type: ignore[attr-defined]
    assert contact.status == ContactStatus.OPEN.value
    assert contact.queue_rank == int(QueueRank.RETRY)
    assert contact.next_call_at == T0 + timedelta(minutes=105)


def test_undo_is_refused_when_someone_called_since(db: Database) -> None:
    cid = _campaign(db, retry_wait_minutes=10)
    anna, bo = volunteer_id(db, "Anna"), volunteer_id(db, "Bo")
    card_a = _claim(db, cid, anna, T0)
    _save(db, card_a, "no_answer", anna, T0 + timedelta(minutes=1))
    card_b = _claim(db, cid, bo, T0 + timedelta(minutes=20))
    assert card_b.contact_id == card_a.contact_id
    _save(db, card_b, "conversation", bo, T0 + timedelta(minutes=25))
    before = _contact(db, card_a.contact_id)

    with pytest.raises(UserError, match="called or changed by someone else"), \
            db.transaction() as s:
        undo_last_call(s, volunteer_id=anna, since=T0, now=T0 + timedelta(minutes=30))

    after = _contact(db, card_a.contact_id)
    assert (after.status, after.attempts, after.state_version, after.claim_token) == (
        before.status, before.attempts, before.state_version, before.claim_token)
    assert _calls(db, card_a.contact_id) == 2


def test_undo_is_refused_when_the_number_was_blocked_since(db: Database) -> None:
    cid = _campaign(db, retry_wait_minutes=10)
    anna = volunteer_id(db, "Anna")
    card = _claim(db, cid, anna, T0)
    _save(db, card, "no_answer", anna, T0 + timedelta(minutes=1))
    with db.transaction() as s:
        dnc.add_numbers(s, [card.phones[0].e164], reason=dnc.REASON_WINDOW)
    with pytest.raises(UserError), db.transaction() as s:
        undo_last_call(s, volunteer_id=anna, since=T0, now=T0 + timedelta(minutes=2))
    assert _contact(db, card.contact_id).status == ContactStatus.DNC.value
    assert _calls(db, card.contact_id) == 1


def test_undo_of_ones_own_last_call_still_works(db: Database) -> None:
    cid = _campaign(db, retry_wait_minutes=10)
    anna = volunteer_id(db, "Anna")
    card = _claim(db, cid, anna, T0)
    _save(db, card, "conversation", anna, T0 + timedelta(minutes=1),
          follow_up=FollowUpInput("Skicka broschyren"))
    with db.transaction() as s:
        undone = undo_last_call(s, volunteer_id=anna, since=T0, now=T0 + timedelta(minutes=2))
    assert undone is not None and undone.card.contact_id == card.contact_id
    contact = _contact(db, card.contact_id)
    assert (contact.status, contact.attempts) == (ContactStatus.OPEN.value, 0)
    with db.session() as s:
        tally = s.get(CallTally, cid)
        assert tally is not None
        assert (tally.calls, tally.conversations, tally.follow_ups) == (0, 0, 0)


def test_renewal_says_kept_regained_or_lost(db: Database) -> None:
    cid = _campaign(db)
    anna, bo = volunteer_id(db, "Anna"), volunteer_id(db, "Bo")
    card = _claim(db, cid, anna, T0, minutes=20)
    with db.transaction() as s:
        assert renew_claim(s, card.contact_id, card.claim_token, 20,
                           now=T0 + timedelta(minutes=5)) is Renewal.KEPT
    with db.transaction() as s:
        # The laptop slept past the claim's end, but nobody took the person.
        assert renew_claim(s, card.contact_id, card.claim_token, 20,
                           now=T0 + timedelta(minutes=60)) is Renewal.REGAINED
    _claim(db, cid, bo, T0 + timedelta(minutes=90))
    with db.transaction() as s:
        assert renew_claim(s, card.contact_id, card.claim_token, 20,
                           now=T0 + timedelta(minutes=91)) is Renewal.LOST


def test_do_not_call_blocks_every_number_of_the_person(db: Database) -> None:
    with db.transaction() as s:
        cid = make_campaign(s, contacts=1, numbers_each=2, created=T0 - timedelta(hours=1)).id
        # The same person, by their second number, in another campaign.
        other = make_campaign(s, "Vårkampanj", contacts=0, created=T0 - timedelta(hours=1))
        numbers = list(s.scalars(select(PhoneNumber.e164).order_by(PhoneNumber.position)))
    anna = volunteer_id(db, "Anna")
    card = _claim(db, cid, anna, T0)
    assert len(card.phones) == 2
    _save(db, card, "do_not_call", anna, T0 + timedelta(minutes=1))
    with db.session() as s:
        rows = s.execute(select(DoNotCall.e164, DoNotCall.reason)).all()
    assert sorted(e for e, _r in rows) == sorted(numbers)
    assert {r for _e, r in rows} == {dnc.REASON_CALL}
    assert other.id != cid


def test_running_totals_equal_the_calls(db: Database) -> None:
    with db.transaction() as s:
        cid = make_campaign(s, contacts=5, created=T0 - timedelta(hours=1),
                            retry_wait_minutes=0, max_attempts=9).id
    anna = volunteer_id(db, "Anna")
    outcomes = ["no_answer", "busy", "conversation", "no_answer", "conversation"]
    for i, outcome in enumerate(outcomes):
        now = T0 + timedelta(minutes=i + 1)
        card = _claim(db, cid, anna, now)
        _save(db, card, outcome, anna, now,
              follow_up=FollowUpInput("Ring om mötet") if outcome == "conversation" else None)
    with db.session() as s:
        stats = evening_stats(s, cid, anna, T0)
    assert stats.campaign.calls == stats.team.calls == len(outcomes)
    assert stats.campaign.conversations == stats.team.conversations == 2
    assert stats.campaign.follow_ups == stats.team.follow_ups == 2


RACE_SAVES = 25


def race_saves(db_url: str, contact_id: int, name: str, count: int) -> None:
    """Save `count` calls on one person as fast as possible (run in a child process on
    `db_url`, a SQLite file's path or a PostgreSQL URL)."""
    from app.clock import utcnow
    from app.db.database import open_database
    from app.services.calling import CallInput, save_call
    from app.services.volunteers import get_or_create_volunteer

    db = open_database(db_url)
    with db.transaction() as s:
        vid = get_or_create_volunteer(s, name).id
    for _ in range(count):
        with db.transaction() as s:
            save_call(s, CallInput(contact_id=contact_id, outcome="no_answer",
                                   volunteer_id=vid, started_at=utcnow()), show_next=False)
    db.close()


@pytest.mark.slow
def test_two_processes_saving_on_one_person_lose_no_attempt(db: Database) -> None:
    with db.transaction() as s:
        cid = make_campaign(s, contacts=1, max_attempts=1000).id
        contact_id = s.scalars(select(Contact.id)).one()
    # The same database the fixture made: a SQLite file, or a PostgreSQL server's database.
    target = db.location.url.render_as_string(hide_password=False)
    code = ("import sys; from tests.test_calling_claims import race_saves; "
            "race_saves(sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4]))")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    children = [
        subprocess.Popen([sys.executable, "-c", code, target, str(contact_id), name,
                          str(RACE_SAVES)], cwd=ROOT, env=env)
        for name in ("Anna", "Bo")
    ]
    for child in children:
        assert child.wait(timeout=120) == 0
    contact = _contact(db, contact_id)
    assert _calls(db, contact_id) == 2 * RACE_SAVES
    assert contact.attempts == 2 * RACE_SAVES
    with db.session() as s:
        tally = s.get(CallTally, cid)
        assert tally is not None and tally.calls == 2 * RACE_SAVES
