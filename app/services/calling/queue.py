"""The calling queue: one contact at a time, claimed so nobody else gets it.

Order: due callbacks, then contacts never tried, then retries, each by due time then id. That is
exactly the partial index ix_contact_queue (campaign_id, queue_rank, next_call_at, id) WHERE
status = 'open', so a claim walks the index from its start and stops at the first free row.
A claim expires (CLAIM_MINUTES), so a contact held by a crashed app comes back by itself.
"""

from __future__ import annotations

import functools
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from enum import StrEnum

from sqlalchemy import (
    ColumnElement,
    Update,
    and_,
    bindparam,
    case,
    func,
    literal_column,
    or_,
    select,
    update,
)
from sqlalchemy.orm import Session

from app.db.models import Campaign, Contact
from app.domain.status import ContactStatus, QueueRank
from app.services.calling.call_rows import NOTHING, Attached, run_attached
from app.services.calling.card import ContactCard, load_card
from app.services.calling.hours import CallingHours, hours_from_text
from app.services.calling.server_clock import db_now, server_now_column, uses_server_clock

# Written as a literal, not a bound parameter: SQLite uses a partial index only when the query
# repeats the index's WHERE term as it is.
IS_OPEN: ColumnElement[bool] = Contact.status == literal_column("'open'")


@dataclass(frozen=True)
class Claim:
    contact_id: int
    token: str
    expires_at: datetime


@dataclass(frozen=True)
class QueueState:
    """Why nobody is offered, with counts; all counts for the chosen campaign and group."""

    total: int = 0
    due: int = 0  # open and due now, but reserved by other callers
    retry_waiting: int = 0
    retry_at: datetime | None = None  # when the first retry is due
    callbacks_later: int = 0
    callback_at: datetime | None = None  # when the first callback is due
    done: int = 0  # done, do-not-call or without a working number
    packed: int = 0  # handed out in calling packs, called on volunteers' laptops
    outside_hours: bool = False
    hours_text: str = ""  # today's calling hours, "09:00-20:00"
    opens_at: datetime | None = None  # when calling may start again

    @property
    def all_done(self) -> bool:
        # An empty campaign is not "everyone called": it has nobody to call yet.
        return not self.outside_hours and self.total > 0 and self.total == self.done


@dataclass(frozen=True)
class NextContact:
    card: ContactCard | None
    state: QueueState | None = None  # set when card is None


@functools.cache
def claim_statement(by_group: bool, excluding: bool, skip_locked: bool) -> Update:
    """The claim UPDATE, built once per shape: building statements costs more than running
    them (values come as bound parameters)."""
    now = bindparam("p_now", type_=Contact.next_call_at.type)
    pick = (
        select(Contact.id)
        .where(Contact.campaign_id == bindparam("p_campaign_id"), IS_OPEN,
               Contact.next_call_at <= now,
               or_(Contact.claim_expires_at.is_(None), Contact.claim_expires_at <= now))
        .order_by(Contact.queue_rank, Contact.next_call_at, Contact.id)
        .limit(1)
    )
    if by_group:
        pick = pick.where(Contact.target_group_id == bindparam("p_group_id"))
    if excluding:
        pick = pick.where(Contact.id != bindparam("p_exclude"))
    if skip_locked:
        pick = pick.with_for_update(skip_locked=True)
    return (
        update(Contact)
        .where(Contact.id == pick.scalar_subquery())
        .values(claimed_by_id=bindparam("p_volunteer_id"), claim_token=bindparam("p_token"),
                claim_expires_at=bindparam("p_expires", type_=Contact.claim_expires_at.type))
        .returning(Contact.id)
    )


def claim_next(
    session: Session,
    *,
    campaign_id: int,
    volunteer_id: int | None,
    claim_minutes: int,
    group_id: int | None = None,
    exclude: int | None = None,
    now: datetime | None = None,
) -> Claim | None:
    """Reserve the first free contact in queue order with one UPDATE; None if there is none.

    Run it inside `Database.transaction()`: on SQLite that is BEGIN IMMEDIATE, so two app
    instances take turns; on PostgreSQL the row lock is skipped by the other instance.
    """
    now = now or db_now(session)
    connection = session.connection()
    statement = claim_statement(group_id is not None, exclude is not None,
                                 connection.dialect.name == "postgresql")
    token = str(uuid.uuid4())
    expires = now + timedelta(minutes=claim_minutes)
    contact_id = connection.execute(statement, {
        "p_now": now, "p_campaign_id": campaign_id, "p_group_id": group_id, "p_exclude": exclude,
        "p_volunteer_id": volunteer_id, "p_token": token, "p_expires": expires,
    }).scalar()
    if contact_id is None:
        return None
    return Claim(int(contact_id), token, expires)


def claim_contact(
    session: Session, contact_id: int, volunteer_id: int | None, claim_minutes: int,
    now: datetime | None = None,
) -> Claim:
    """Reserve one given contact (after Undo), whatever its state."""
    now = now or db_now(session)
    token = str(uuid.uuid4())
    expires = now + timedelta(minutes=claim_minutes)
    session.execute(
        update(Contact).where(Contact.id == contact_id)
        .values(claimed_by_id=volunteer_id, claim_token=token, claim_expires_at=expires)
        .execution_options(synchronize_session=False)
    )
    return Claim(contact_id, token, expires)


def release_claim(session: Session, contact_id: int, token: str) -> None:
    """Give a contact back to the queue, if we still hold it."""
    session.execute(
        update(Contact)
        .where(Contact.id == contact_id, Contact.claim_token == token)
        .values(claimed_by_id=None, claim_token=None, claim_expires_at=None)
        .execution_options(synchronize_session=False)
    )


class Renewal(StrEnum):
    KEPT = "kept"  # still ours, now for another claim period
    REGAINED = "regained"  # it had run out (a sleeping laptop) but nobody took it: ours again
    LOST = "lost"  # someone else has the person now, or they were settled meanwhile


def renew_claim(
    session: Session, contact_id: int, token: str, claim_minutes: int,
    now: datetime | None = None,
) -> Renewal:
    """Keep holding a contact during a long conversation, and say whether it was lost."""
    now = now or db_now(session)
    held = session.execute(
        select(Contact.claim_expires_at).where(Contact.id == contact_id,
                                               Contact.claim_token == token)
    ).first()
    renewed = session.execute(
        update(Contact)
        .where(Contact.id == contact_id, Contact.claim_token == token)
        .values(claim_expires_at=now + timedelta(minutes=claim_minutes))
        .execution_options(synchronize_session=False)
    )
    if held is None or not getattr(renewed, "rowcount", 0):
        return Renewal.LOST
    if held.claim_expires_at is not None and held.claim_expires_at <= now:
        return Renewal.REGAINED
    return Renewal.KEPT


def queue_state(
    session: Session, campaign_id: int, group_id: int | None = None,
    now: datetime | None = None,
) -> QueueState:
    """Counts that explain an empty queue (one grouped query)."""
    now = now or db_now(session)
    is_open = Contact.status == ContactStatus.OPEN.value
    later = Contact.next_call_at > now
    kind = case(
        (Contact.status == ContactStatus.PACKED.value, literal_column("'packed'")),
        (~is_open, literal_column("'done'")),
        (and_(later, Contact.queue_rank == int(QueueRank.CALLBACK)),
         literal_column("'callback'")),
        (later, literal_column("'retry'")),
        else_=literal_column("'due'"),
    ).label("kind")
    query = (
        select(kind, func.count(), func.min(Contact.next_call_at))
        # A running import's people are nobody's business until it has finished.
        .where(Contact.campaign_id == campaign_id,
               Contact.status != ContactStatus.IMPORTING.value)
        .group_by(kind)
    )
    if group_id is not None:
        query = query.where(Contact.target_group_id == group_id)
    counts: dict[str, tuple[int, datetime | None]] = {}
    for name, count, first in session.execute(query):
        counts[str(name)] = (int(count), first)
    total = sum(c for c, _ in counts.values())
    retry = counts.get("retry", (0, None))
    callback = counts.get("callback", (0, None))
    return QueueState(
        total=total,
        due=counts.get("due", (0, None))[0],
        retry_waiting=retry[0],
        retry_at=retry[1],
        callbacks_later=callback[0],
        callback_at=callback[1],
        done=counts.get("done", (0, None))[0],
        packed=counts.get("packed", (0, None))[0],
    )


def campaign_hours(session: Session, campaign_id: int) -> tuple[CallingHours, datetime]:
    """The campaign's calling hours and the time that decides (the server's on PostgreSQL),
    in one statement."""
    server = uses_server_clock(session)
    row = session.connection().execute(_HOURS_AND_NOW if server else _HOURS,
                                       {"campaign_id": campaign_id}).first()
    if row is None:
        raise LookupError(campaign_id)
    return hours_from_text(row[0], row[1]), row[2] if server else db_now(session)


_HOURS = select(Campaign.weekday_hours, Campaign.weekend_hours).where(
    Campaign.id == bindparam("campaign_id"))
_HOURS_AND_NOW = _HOURS.add_columns(server_now_column())


def next_contact(
    session: Session,
    *,
    campaign_id: int,
    volunteer_id: int | None,
    claim_minutes: int,
    group_id: int | None = None,
    exclude: int | None = None,
    now: datetime | None = None,
    tz: tzinfo | None = None,
    hours: CallingHours | None = None,
    attach: Attached = NOTHING,
) -> NextContact:
    """Claim and load the next contact, or say why there is none (calling hours, counts).

    `hours` and `now`: when the caller already read them (a save reads them with the person).
    `attach`: inserts of the save to send with the claim (on a server, a round trip fewer).
    """
    if hours is None:
        hours, clock = campaign_hours(session, campaign_id)
        now = now or clock
    now = now or db_now(session)
    server = uses_server_clock(session)
    if attach.any and not (server and hours.is_open(now, tz)):
        run_attached(session, attach)
        attach = NOTHING
    if not hours.is_open(now, tz):
        state = queue_state(session, campaign_id, group_id, now)
        return NextContact(None, QueueState(
            **{**state.__dict__, "outside_hours": True,
               "hours_text": hours.text_for(now, tz),
               "opens_at": hours.next_opening(now, tz)}
        ))
    if server:
        card = _claim_and_load(session, campaign_id, volunteer_id, claim_minutes, group_id,
                               exclude, now, attach)
        if card is None and exclude is not None:
            # Only the contact just handled is left (skipped, or another number to try).
            card = _claim_and_load(session, campaign_id, volunteer_id, claim_minutes,
                                   group_id, None, now)
        if card is None:
            return NextContact(None, queue_state(session, campaign_id, group_id, now))
        return NextContact(card)
    claim = claim_next(session, campaign_id=campaign_id, volunteer_id=volunteer_id,
                       claim_minutes=claim_minutes, group_id=group_id, exclude=exclude, now=now)
    if claim is None and exclude is not None:
        # Only the contact just handled is left (skipped, or another number to try): offer it.
        claim = claim_next(session, campaign_id=campaign_id, volunteer_id=volunteer_id,
                           claim_minutes=claim_minutes, group_id=group_id, now=now)
    if claim is None:
        return NextContact(None, queue_state(session, campaign_id, group_id, now))
    return NextContact(load_card(session, claim.contact_id, claim.token, now))


def _claim_and_load(
    session: Session, campaign_id: int, volunteer_id: int | None, claim_minutes: int,
    group_id: int | None, exclude: int | None, now: datetime, attach: Attached = NOTHING,
) -> ContactCard | None:
    """PostgreSQL: the claim and the card in one statement (claim_card_pg.py)."""
    from app.services.calling.claim_card_pg import claim_and_load

    token = str(uuid.uuid4())
    return claim_and_load(session, group_id is not None, exclude is not None, {
        "p_now": now, "p_campaign_id": campaign_id, "p_group_id": group_id,
        "p_exclude": exclude, "p_volunteer_id": volunteer_id, "p_token": token,
        "p_expires": now + timedelta(minutes=claim_minutes),
    }, token, now, attach)
