"""The calling queue on real SQLite files: order, claims, expiry, hours, empty reasons."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from app.clock import utcnow
from app.db.database import Database, open_database
from app.db.models import Contact
from app.domain.status import ContactStatus, QueueRank
from app.services.calling import (
    CallInput,
    claim_next,
    next_contact,
    parse_hours,
    queue_state,
    release_claim,
    save_call,
)
from app.services.calling.hours import CallingHours
from tests.calling_helpers import make_campaign, volunteer_id

# The claim each contact was last offered under, so _save saves as the caller holding it.
_TOKENS: dict[int, str] = {}


def _next(db: Database, campaign_id: int, vid: int | None, now: datetime | None = None,
          minutes: int = 20, group_id: int | None = None) -> int | None:
    with db.transaction() as s:
        result = next_contact(s, campaign_id=campaign_id, volunteer_id=vid,
                              claim_minutes=minutes, group_id=group_id, now=now)
    if result.card is None:
        return None
    _TOKENS[result.card.contact_id] = result.card.claim_token
    return result.card.contact_id


def _save(db: Database, contact_id: int, outcome: str, vid: int | None,
          now: datetime | None = None, **kw: object) -> None:
    with db.transaction() as s:
        kw.setdefault("claim_token", _TOKENS.get(contact_id, ""))
        save_call(s, CallInput(contact_id=contact_id, outcome=outcome, volunteer_id=vid,
                               started_at=now or utcnow(), **kw),  # type: ignore[arg-type]
                  show_next=False, now=now)


def test_order_is_due_callbacks_then_new_then_retries(db: Database) -> None:
    now = utcnow()
    with db.transaction() as s:
        camp = make_campaign(s, contacts=4)
        ids = [c.id for c in s.scalars(select(Contact).order_by(Contact.id))]
        contacts = {c.id: c for c in s.scalars(select(Contact))}
        contacts[ids[0]].queue_rank = QueueRank.RETRY
        contacts[ids[0]].next_call_at = now - timedelta(minutes=5)
        contacts[ids[3]].queue_rank = QueueRank.CALLBACK
        contacts[ids[3]].next_call_at = now - timedelta(minutes=1)
        cid = camp.id
    vid = volunteer_id(db)
    got = [_next(db, cid, vid, now) for _ in range(5)]
    assert got == [ids[3], ids[1], ids[2], ids[0], None]


def test_retry_waits_and_attempt_limit(db: Database) -> None:
    now = utcnow()
    with db.transaction() as s:
        camp = make_campaign(s, contacts=1, retry_wait_minutes=60, max_attempts=2)
        cid = camp.id
    vid = volunteer_id(db)
    contact = _next(db, cid, vid, now)
    assert contact is not None
    _save(db, contact, "no_answer", vid, now)
    # Waiting for the retry: not offered before the wait is over, and the queue says until when.
    assert _next(db, cid, vid, now + timedelta(minutes=59)) is None
    with db.session() as s:
        state = queue_state(s, cid, now=now + timedelta(minutes=59))
    assert state.retry_waiting == 1 and state.retry_at == now + timedelta(minutes=60)
    assert not state.all_done
    later = now + timedelta(minutes=61)
    assert _next(db, cid, vid, later) == contact
    _save(db, contact, "busy", vid, later)
    with db.session() as s:
        row = s.get(Contact, contact)
        assert row is not None
        assert row.status == ContactStatus.DONE and row.attempts == 2
        assert queue_state(s, cid, now=later).all_done
    assert _next(db, cid, vid, later + timedelta(days=1)) is None


def test_callback_comes_back_when_due_and_before_new(db: Database) -> None:
    now = utcnow()
    with db.transaction() as s:
        cid = make_campaign(s, contacts=3).id
    vid = volunteer_id(db)
    first = _next(db, cid, vid, now)
    assert first is not None
    due = now + timedelta(hours=1)
    _save(db, first, "callback", vid, now, callback_at=due)
    with db.session() as s:
        state = queue_state(s, cid, now=now)
    assert state.callbacks_later == 1 and state.callback_at == due
    second = _next(db, cid, vid, now)
    assert second not in (first, None)
    release = now + timedelta(hours=1, seconds=1)
    # The callback is due now: it comes before the remaining new contact.
    assert _next(db, cid, vid, release) == first


def test_claims_expire_and_are_never_shared(db: Database, db_url: str) -> None:
    now = utcnow()
    with db.transaction() as s:
        cid = make_campaign(s, contacts=2).id
    kim, ali = volunteer_id(db, "Kim"), volunteer_id(db, "Ali")
    other = open_database(db_url)
    try:
        a = _next(db, cid, kim, now, minutes=20)
        b = _next(other, cid, ali, now, minutes=20)
        assert a is not None and b is not None and a != b
        assert _next(other, cid, ali, now) is None
        with db.session() as s:
            assert queue_state(s, cid, now=now).due == 2  # due but reserved by others
        # Kim's app crashed: after the expiry the contact is offered again.
        assert _next(other, cid, ali, now + timedelta(minutes=21)) == a
    finally:
        other.close()


def test_release_returns_contact_to_queue(db: Database) -> None:
    with db.transaction() as s:
        cid = make_campaign(s, contacts=1).id
    vid = volunteer_id(db)
    with db.transaction() as s:
        claim = claim_next(s, campaign_id=cid, volunteer_id=vid, claim_minutes=20)
    assert claim is not None
    assert _next(db, cid, vid) is None
    with db.transaction() as s:
        release_claim(s, claim.contact_id, claim.token)
    assert _next(db, cid, vid) == claim.contact_id


def test_group_filter(db: Database) -> None:
    from tests.calling_helpers import add_group

    with db.transaction() as s:
        camp = make_campaign(s, contacts=2, group="Norr")
        south = add_group(s, camp, "Söder", contacts=2, first_number=10)
        cid, gid = camp.id, south.id
        south_ids = set(s.scalars(select(Contact.id).where(Contact.target_group_id == gid)))
    vid = volunteer_id(db)
    got = {_next(db, cid, vid, group_id=gid) for _ in range(2)}
    assert got == south_ids
    assert _next(db, cid, vid, group_id=gid) is None


def test_calling_hours_weekday_weekend_and_queue_says_so(db: Database) -> None:
    hours = CallingHours(parse_hours("09:00-20:00"), parse_hours("10:00-18:00"))
    wednesday = datetime(2026, 11, 25, 19, 59, tzinfo=UTC)
    assert hours.is_open(wednesday, UTC)
    assert not hours.is_open(wednesday.replace(hour=20, minute=0), UTC)
    saturday = datetime(2026, 11, 28, 9, 30, tzinfo=UTC)
    assert not hours.is_open(saturday, UTC)
    assert hours.next_opening(saturday, UTC) == saturday.replace(hour=10, minute=0)
    friday_night = datetime(2026, 11, 27, 21, 0, tzinfo=UTC)
    assert hours.next_opening(friday_night, UTC) == datetime(2026, 11, 28, 10, 0, tzinfo=UTC)

    # Imported an hour before the Saturday morning the queue is asked about, not by the real
    # clock: stamped "now", the contact would wait until a date after that morning.
    with db.transaction() as s:
        cid = make_campaign(s, contacts=1, weekday_hours="09:00-20:00",
                            weekend_hours="10:00-18:00", created=saturday - timedelta(hours=1)).id
    vid = volunteer_id(db)
    with db.transaction() as s:
        result = next_contact(s, campaign_id=cid, volunteer_id=vid, claim_minutes=20,
                              now=saturday, tz=UTC)
    assert result.card is None and result.state is not None
    assert result.state.outside_hours and result.state.hours_text == "10:00-18:00"
    assert result.state.due == 1
    with db.transaction() as s:
        inside = next_contact(s, campaign_id=cid, volunteer_id=vid, claim_minutes=20,
                              now=saturday.replace(hour=11), tz=UTC)
    assert inside.card is not None


def test_bad_hours_are_a_user_error() -> None:
    import pytest

    from app.errors import UserError

    for text in ("9-", "25:00-26:00", "18:00-09:00", "abc"):
        with pytest.raises(UserError):
            parse_hours(text)
    assert parse_hours("00:00-24:00") == (0, 1440)


def test_done_dnc_and_no_number_are_never_offered(db: Database) -> None:
    with db.transaction() as s:
        cid = make_campaign(s, contacts=3).id
        for c, status in zip(s.scalars(select(Contact).order_by(Contact.id)),
                             (ContactStatus.DONE, ContactStatus.DNC, ContactStatus.NO_NUMBER),
                             strict=True):
            c.status = status
    assert _next(db, cid, volunteer_id(db)) is None
    with db.session() as s:
        state = queue_state(s, cid)
    assert state.all_done and state.done == 3 and state.total == 3
