"""Saving a call: one transaction for the call, its answers, recruit, follow-up, the contact's new
queue state, and the claim of the next contact. A crash leaves either all of it or none."""

from __future__ import annotations

import functools
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo
from typing import Any

from sqlalchemy import Select, bindparam, insert, select, update
from sqlalchemy.orm import Session

from app.clock import utcnow
from app.db.models import (
    Answer,
    Call,
    Campaign,
    Contact,
    FollowUp,
    PhoneNumber,
    Recruit,
    Volunteer,
)
from app.domain.outcomes import CONVERSATIONS, RETRY, Outcome
from app.domain.status import ContactStatus, QueueRank
from app.errors import QT_TRANSLATE_NOOP, UserError
from app.services import dnc
from app.services.calling import tally
from app.services.calling.answers import check_answers
from app.services.calling.call_rows import NOTHING, CallRows, run_attached, write_call_pg
from app.services.calling.hours import hours_from_text
from app.services.calling.precedence import QueueFields, merge
from app.services.calling.queue import NextContact, next_contact
from app.services.calling.server_clock import server_now_column
from app.services.calling.stats import EveningStats
from app.services.lengths import check_fits


@dataclass(frozen=True)
class RecruitInput:
    first_name: str
    last_name: str
    consent_membership: bool
    consent_text: str
    email: str = ""
    phone: str = ""
    street: str = ""
    postcode: str = ""
    city: str = ""
    birth_year: int | None = None
    consent_contact: bool = False


# The membership form's fields and how much each holds (the form stops typing there).
RECRUIT_FIELD_LENGTHS: dict[str, int] = {
    name: int(getattr(Recruit.__table__.c[name].type, "length", 0) or 0)
    for name in ("first_name", "last_name", "email", "phone", "street", "postcode", "city")
}


# Call.flag of a call the caller flagged for the organiser; a call merged from a revoked or
# expired calling pack carries "revoked" or "expired" (app/services/packs/merge.py).
CALLER_FLAG = "caller"


@dataclass(frozen=True)
class FollowUpInput:
    promised: str
    assigned_to: str = ""
    due_at: datetime | None = None


@dataclass(frozen=True)
class CallInput:
    contact_id: int
    outcome: str
    volunteer_id: int | None
    started_at: datetime
    phone_number_id: int | None = None
    claim_token: str = ""
    seen_version: int | None = None  # the person's state_version on the card
    ended_at: datetime | None = None
    notes: str = ""
    answers: Mapping[str, object] = field(default_factory=dict)
    script_id: int | None = None
    callback_at: datetime | None = None
    follow_up: FollowUpInput | None = None
    meeting_signup: bool = False
    recruit: RecruitInput | None = None
    # The caller asks the organiser to look at this call (the inbox shows it, with the note).
    flag_for_organiser: bool = False
    # Made when the volunteer presses Save, so a save retried after a dropped connection is
    # stored once: a call whose uuid is already stored is not saved again.
    call_uuid: str = field(default_factory=lambda: str(uuid.uuid4()))


@dataclass(frozen=True)
class SaveConflict:
    """The save's claim was lost and someone else got to the person first."""

    other_volunteer: str  # "" when nobody else saved a call (e.g. put on the do-not-call list)
    other_saved_at: datetime | None
    status: str  # the person's status after the save


@dataclass(frozen=True)
class SaveResult:
    call_id: int
    next: NextContact | None
    conflict: SaveConflict | None = None
    replayed: bool = False  # the call was already stored (a retried save): nothing changed
    figures: EveningStats | None = None  # with figures_since: the side panel's figures


def validate(call: CallInput, session: Session | None = None) -> Outcome:
    """UserError for what the volunteer must still fill in, or for answers that do not fit
    the call's script version (checked when a session is given)."""
    try:
        outcome = Outcome(call.outcome)
    except ValueError:
        raise UserError(QT_TRANSLATE_NOOP("app", "Unknown outcome '{outcome}'"),
                        outcome=call.outcome) from None
    if outcome is Outcome.CALLBACK and call.callback_at is None:
        raise UserError(QT_TRANSLATE_NOOP("app", "A callback needs a time to call back"))
    if outcome is Outcome.RECRUITED:
        recruit = call.recruit
        if recruit is None or not (recruit.first_name.strip() or recruit.last_name.strip()):
            raise UserError(QT_TRANSLATE_NOOP(
                "app", "A new member needs a name in the membership form"))
        if not recruit.consent_membership or not recruit.consent_text.strip():
            raise UserError(QT_TRANSLATE_NOOP(
                "app", "A new member must consent to membership before you save"))
        for name in ("first_name", "last_name", "email", "phone", "street", "postcode",
                     "city"):
            check_fits(str(getattr(recruit, name)).strip(), getattr(Recruit, name))
    if call.follow_up is not None and not call.follow_up.promised.strip():
        raise UserError(QT_TRANSLATE_NOOP("app", "The follow-up says nothing about what "
                                                     "was promised"))
    if call.follow_up is not None:
        check_fits(call.follow_up.assigned_to.strip(), FollowUp.assigned_to)
    if session is not None:
        check_answers(session, call.script_id, call.answers)
    return outcome


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def save_call(
    session: Session,
    call: CallInput,
    *,
    claim_minutes: int = 20,
    group_id: int | None = None,
    show_next: bool = True,
    now: datetime | None = None,
    tz: tzinfo | None = None,
    figures_since: datetime | None = None,
) -> SaveResult:
    """Save one call and (show_next) claim the next contact, in the caller's transaction.

    The call is always stored: it happened. The person's state follows it only while the
    caller held the person (its claim, or nobody touched them since it looked); otherwise the
    call can only strengthen the state (precedence.merge), and the result says who else called.
    """
    outcome = validate(call, session)
    connection = session.connection()
    server_clock = connection.dialect.name == "postgresql"
    row = connection.execute(_read_statement(server_clock), {
        "contact_id": call.contact_id, "phone_id": call.phone_number_id,
        "call_uuid": call.call_uuid}).first()
    if row is None:
        raise UserError(QT_TRANSLATE_NOOP("app", "Contact {id} is no longer in the database"),
                        id=call.contact_id)
    now = now or (row.server_now if server_clock else None) or utcnow()
    hours = hours_from_text(row.weekday_hours, row.weekend_hours)
    if row.replay_id is not None:
        # Stored by an earlier try whose answer the dropped connection lost: the person's
        # state already follows it. Only the next person is still to come.
        following = None
        if show_next:
            following = next_contact(
                session, campaign_id=row.campaign_id, volunteer_id=call.volunteer_id,
                claim_minutes=claim_minutes, group_id=group_id, exclude=call.contact_id,
                now=now, tz=tz, hours=hours)
        figures = tally.bump_and_read(session, row.campaign_id, None, call.volunteer_id,
                                      figures_since)
        return SaveResult(int(row.replay_id), following, None, replayed=True, figures=figures)
    campaign = row
    fresh = bool(call.claim_token) and row.claim_token == call.claim_token
    if not fresh and call.seen_version is not None:
        fresh = row.state_version == call.seen_version
    before: dict[str, Any] = {
        "status": row.status, "queue_rank": row.queue_rank,
        "next_call_at": _iso(row.next_call_at), "attempts": row.attempts,
        "last_outcome": row.last_outcome, "last_called_at": _iso(row.last_called_at),
        "notes_for_next": row.notes_for_next,
    }
    number = row.number or ""  # NULL without a phone_number_id
    current = QueueFields(row.status, row.queue_rank, row.next_call_at)
    proposed = _proposed(session, call, outcome, current, row.attempts + 1, campaign, now, before)
    target = merge(current, proposed, fresh=fresh)
    values: dict[str, Any] = {
        # In SQL, so two saves racing on one person both count.
        "attempts": Contact.attempts + 1, "last_outcome": outcome.value, "last_called_at": now,
    }
    if campaign.notes_enabled and (fresh or call.notes.strip()):
        values["notes_for_next"] = call.notes.strip()
    if target != current or fresh:
        values.update(status=target.status, queue_rank=target.queue_rank,
                      state_version=Contact.state_version + 1)
        if target.next_call_at is not None:
            values["next_call_at"] = target.next_call_at
    if fresh or target != current:
        # The person is settled by this call: whoever else holds them must look again.
        values.update(claimed_by_id=None, claim_token=None, claim_expires_at=None)
    conflict = None if fresh else _conflict(session, call, target)
    bump_version = "state_version" in values
    if row.anonymous_answers and call.answers:
        before["answers_counted"] = True  # that there were answers, never which: for Undo
    rows = CallRows(
        contact={k: v for k, v in values.items() if k not in ("attempts", "state_version")},
        bump_version=bump_version,
        call=dict(
            uuid=call.call_uuid, campaign_id=row.campaign_id, target_group_id=row.target_group_id,
            contact_id=call.contact_id, volunteer_id=call.volunteer_id,
            phone_number_id=call.phone_number_id, number_dialled=number,
            started_at=call.started_at, ended_at=call.ended_at or now, outcome=outcome.value,
            notes=call.notes.strip() if campaign.notes_enabled else "",
            meeting_signup=call.meeting_signup, script_id=call.script_id,
            contact_before=before, saved_at=now,
            flag=CALLER_FLAG if call.flag_for_organiser else None,
        ),
        # With "answers without a name" the answers are only counted (below), never rows.
        answers={} if row.anonymous_answers else dict(call.answers),
        recruit=_recruit_row(call.recruit, now) if outcome is Outcome.RECRUITED else None,
        follow_up=_follow_up_row(call, now),
        tally=dict(calls=1, conversations=int(outcome in CONVERSATIONS),
                   recruits=int(outcome is Outcome.RECRUITED),
                   follow_ups=int(call.follow_up is not None)),
    )
    attached = NOTHING
    if server_clock and outcome is not Outcome.DO_NOT_CALL:
        # The person's row is held (FOR UPDATE) and nothing above changed it (a do-not-call
        # does: the list's entry settles the person): the version after is known now.
        before["version_after"] = row.state_version + int(bump_version)
        call_id, attached = write_call_pg(session, rows)
        if not show_next:
            run_attached(session, attached)
            attached = NOTHING
    else:
        call_id = _write_call(session, rows, before)
    following = None
    if show_next:
        following = next_contact(
            session, campaign_id=row.campaign_id, volunteer_id=call.volunteer_id,
            claim_minutes=claim_minutes, group_id=group_id, exclude=call.contact_id,
            now=now, tz=tz, hours=hours, attach=attached,
        )
    if row.anonymous_answers and call.answers:
        _count_anonymously(session, row, call)
    # Last, so the campaign's one totals row is locked only from here to the commit (every
    # save of the campaign waits for it).
    figures = tally.bump_and_read(session, row.campaign_id, rows.tally,
                                  call.volunteer_id, figures_since)
    return SaveResult(call_id, following, conflict, figures=figures)


def _count_anonymously(session: Session, row: Any, call: CallInput) -> None:
    """Count the answers without a link to the call; the process remembers what it counted
    so that Undo can take exactly that back (app/services/privacy/anonymous_answers.py)."""
    from app.services.privacy import anonymous_answers

    counted = anonymous_answers.count_call(
        session, campaign_id=row.campaign_id, group_id=row.target_group_id,
        script_id=call.script_id, started_at=call.started_at, answers=call.answers)
    anonymous_answers.remember(session, call.call_uuid, counted)


def _recruit_row(recruit: RecruitInput | None, now: datetime) -> dict[str, Any] | None:
    if recruit is None:
        return None
    r = recruit
    return dict(
        first_name=r.first_name.strip(), last_name=r.last_name.strip(),
        email=r.email.strip(), phone=r.phone.strip(), street=r.street.strip(),
        postcode=r.postcode.strip(), city=r.city.strip(), birth_year=r.birth_year,
        consent_membership=r.consent_membership, consent_contact=r.consent_contact,
        consent_text=r.consent_text.strip(), consented_at=now,
    )


def _follow_up_row(call: CallInput, now: datetime) -> dict[str, Any] | None:
    f = call.follow_up
    if f is None:
        return None
    return dict(contact_id=call.contact_id, promised=f.promised.strip(),
                assigned_to=f.assigned_to.strip(), due_at=f.due_at, created_at=now)


def _write_call(session: Session, rows: CallRows, before: dict[str, Any]) -> int:
    """The rows of one call, a statement each (a local file: statements cost little)."""
    connection = session.connection()
    contact_id = rows.call["contact_id"]
    before["version_after"] = connection.execute(
        update(Contact).where(Contact.id == bindparam("p_contact_id"))
        .values(**rows.contact_values()).returning(Contact.state_version),
        {"p_contact_id": contact_id},
    ).scalar_one()
    call_id = connection.execute(_INSERT_CALL, rows.call).scalar()
    assert call_id is not None
    if rows.answers:
        connection.execute(insert(Answer), [
            {"call_id": call_id, "question_key": key, "value": value}
            for key, value in rows.answers.items()
        ])
    if rows.recruit is not None:
        session.execute(insert(Recruit).values(call_id=call_id, **rows.recruit))
    if rows.follow_up is not None:
        session.execute(insert(FollowUp).values(call_id=call_id, **rows.follow_up))
    return int(call_id)


def _proposed(
    session: Session, call: CallInput, outcome: Outcome, current: QueueFields, attempts: int,
    campaign: Any, now: datetime, before: dict[str, Any],
) -> QueueFields:
    """Where this call alone would put the person."""
    if outcome in RETRY:
        if attempts >= campaign.max_attempts:
            return QueueFields(ContactStatus.DONE.value, current.queue_rank, None)
        return QueueFields(ContactStatus.OPEN.value, int(QueueRank.RETRY),
                           now + timedelta(minutes=campaign.retry_wait_minutes))
    if outcome is Outcome.CALLBACK:
        return QueueFields(ContactStatus.OPEN.value, int(QueueRank.CALLBACK), call.callback_at)
    if outcome is Outcome.WRONG_NUMBER:
        status = _wrong_number(session, call, before)
        return QueueFields(status, current.queue_rank, None)
    if outcome is Outcome.DO_NOT_CALL:
        _do_not_call(session, call, before)
        return QueueFields(ContactStatus.DNC.value, current.queue_rank, None)
    # refused, conversation, recruited: reached, nothing more to do
    return QueueFields(ContactStatus.DONE.value, current.queue_rank, None)


def _conflict(session: Session, call: CallInput, target: QueueFields) -> SaveConflict:
    """Who else called the person since this caller's card was shown."""
    other = session.execute(
        select(Call.saved_at, Volunteer.name)
        .outerjoin(Volunteer, Volunteer.id == Call.volunteer_id)
        .where(Call.contact_id == call.contact_id, Call.saved_at >= call.started_at)
        .order_by(Call.saved_at.desc(), Call.id.desc()).limit(1)
    ).first()
    if other is None:
        return SaveConflict("", None, target.status)
    return SaveConflict(other.name or "", other.saved_at, target.status)


@functools.cache
def _read_statement(server_clock: bool) -> Select[Any]:
    """Everything the save decides with, in one statement (each one is a round trip to a
    server): the person, the campaign's rules and hours, the number dialled, whether this
    call is already stored, and on a server its clock. On PostgreSQL the person's row is held
    until commit, so the checks see what the write changes; the campaign's row is not."""
    number = (select(PhoneNumber.e164)
              .where(PhoneNumber.id == bindparam("phone_id"),
                     PhoneNumber.contact_id == Contact.id)
              .scalar_subquery().label("number"))
    replay = (select(Call.id).where(Call.uuid == bindparam("call_uuid"))
              .scalar_subquery().label("replay_id"))
    statement: Select[Any] = select(  # type: ignore[assignment]
        Contact.campaign_id, Contact.target_group_id, Contact.status, Contact.queue_rank,
        Contact.next_call_at, Contact.attempts, Contact.last_outcome, Contact.last_called_at,
        Contact.notes_for_next, Contact.claim_token, Contact.state_version,
        Campaign.notes_enabled, Campaign.max_attempts, Campaign.retry_wait_minutes,
        Campaign.weekday_hours, Campaign.weekend_hours, Campaign.anonymous_answers, number,
        replay,
    ).join(Campaign, Campaign.id == Contact.campaign_id).where(
        Contact.id == bindparam("contact_id"))
    if server_clock:
        statement = statement.add_columns(server_now_column()).with_for_update(of=Contact)
    return statement


_INSERT_CALL = insert(Call).returning(Call.id)


def _wrong_number(session: Session, call: CallInput, before: dict[str, Any]) -> str:
    """Mark the dialled number failed; the person stays in the queue with their other numbers."""
    if call.phone_number_id is not None:
        session.execute(
            update(PhoneNumber)
            .where(PhoneNumber.id == call.phone_number_id,
                   PhoneNumber.contact_id == call.contact_id, PhoneNumber.failed.is_(False))
            .values(failed=True).execution_options(synchronize_session=False)
        )
        before["failed_phone_id"] = call.phone_number_id
    left = session.scalar(
        select(PhoneNumber.id).where(PhoneNumber.contact_id == call.contact_id,
                                     PhoneNumber.failed.is_(False)).limit(1)
    )
    if left is None:
        return ContactStatus.NO_NUMBER.value
    # Another number to try: back in the queue at once, where it stood.
    return ContactStatus.OPEN.value


def _do_not_call(session: Session, call: CallInput, before: dict[str, Any]) -> None:
    """Every number of the person goes on the do-not-call list now, for every campaign: they
    asked not to be called, not that one line should stay quiet."""
    numbers = list(session.scalars(
        select(PhoneNumber.e164).where(PhoneNumber.contact_id == call.contact_id)))
    if not numbers:
        return
    new = set(numbers) - dnc.blocked(session, numbers)
    holders = session.execute(
        select(Contact.id, Contact.status).where(
            Contact.id.in_(select(PhoneNumber.contact_id).where(PhoneNumber.e164.in_(numbers))),
            Contact.id != call.contact_id,
            # A running import's people are settled when it publishes (it checks the list).
            Contact.status.not_in([ContactStatus.DNC.value, ContactStatus.IMPORTING.value]),
        )
    ).all()
    # Undo must be able to put back exactly what this call changed.
    before["dnc_added"] = sorted(new)
    before["dnc_contacts"] = [[cid, status] for cid, status in holders]
    dnc.add_numbers(session, numbers, reason=dnc.REASON_CALL, source="calling")
