"""Saving a call: one transaction for the call, its answers, recruit, follow-up, the contact's new
queue state, and the claim of the next contact. A crash leaves either all of it or none."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo
from typing import Any

from sqlalchemy import bindparam, insert, select, update
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
from app.services.calling.precedence import QueueFields, merge
from app.services.calling.queue import NextContact, next_contact


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
    if call.follow_up is not None and not call.follow_up.promised.strip():
        raise UserError(QT_TRANSLATE_NOOP("app", "The follow-up says nothing about what "
                                                     "was promised"))
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
) -> SaveResult:
    """Save one call and (show_next) claim the next contact, in the caller's transaction.

    The call is always stored: it happened. The person's state follows it only while the
    caller held the person (its claim, or nobody touched them since it looked); otherwise the
    call can only strengthen the state (precedence.merge), and the result says who else called.
    """
    outcome = validate(call, session)
    now = now or utcnow()
    connection = session.connection()
    contact_row = _CONTACT_ROW
    if connection.dialect.name == "postgresql":
        # Hold the person's row until commit: the checks below then see what the write changes.
        contact_row = contact_row.with_for_update()
    row = connection.execute(contact_row, {"contact_id": call.contact_id}).first()
    if row is None:
        raise UserError(QT_TRANSLATE_NOOP("app", "Contact {id} is no longer in the database"),
                        id=call.contact_id)
    campaign = connection.execute(_RULES, {"campaign_id": row.campaign_id}).one()
    fresh = bool(call.claim_token) and row.claim_token == call.claim_token
    if not fresh and call.seen_version is not None:
        fresh = row.state_version == call.seen_version
    before: dict[str, Any] = {
        "status": row.status, "queue_rank": row.queue_rank,
        "next_call_at": _iso(row.next_call_at), "attempts": row.attempts,
        "last_outcome": row.last_outcome, "last_called_at": _iso(row.last_called_at),
        "notes_for_next": row.notes_for_next,
    }
    number = ""
    if call.phone_number_id is not None:
        number = connection.execute(_NUMBER, {"phone_id": call.phone_number_id,
                                                "contact_id": call.contact_id}).scalar() or ""
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
    version = connection.execute(
        update(Contact).where(Contact.id == bindparam("p_contact_id")).values(**values)
        .returning(Contact.state_version),
        {"p_contact_id": call.contact_id},
    ).scalar_one()
    before["version_after"] = version
    conflict = None if fresh else _conflict(session, call, target)
    call_id = connection.execute(_INSERT_CALL, dict(
            campaign_id=row.campaign_id, target_group_id=row.target_group_id,
            contact_id=call.contact_id, volunteer_id=call.volunteer_id,
            phone_number_id=call.phone_number_id, number_dialled=number,
            started_at=call.started_at, ended_at=call.ended_at or now, outcome=outcome.value,
            notes=call.notes.strip() if campaign.notes_enabled else "",
            meeting_signup=call.meeting_signup, script_id=call.script_id,
            contact_before=before, saved_at=now,
        )).scalar()
    assert call_id is not None
    if call.answers:
        connection.execute(insert(Answer), [
            {"call_id": call_id, "question_key": key, "value": value}
            for key, value in call.answers.items()
        ])
    if outcome is Outcome.RECRUITED and call.recruit is not None:
        r = call.recruit
        session.execute(insert(Recruit).values(
            call_id=call_id, first_name=r.first_name.strip(), last_name=r.last_name.strip(),
            email=r.email.strip(), phone=r.phone.strip(), street=r.street.strip(),
            postcode=r.postcode.strip(), city=r.city.strip(), birth_year=r.birth_year,
            consent_membership=r.consent_membership, consent_contact=r.consent_contact,
            consent_text=r.consent_text.strip(), consented_at=now,
        ))
    if call.follow_up is not None:
        f = call.follow_up
        session.execute(insert(FollowUp).values(
            contact_id=call.contact_id, call_id=call_id, promised=f.promised.strip(),
            assigned_to=f.assigned_to.strip(), due_at=f.due_at, created_at=now,
        ))
    tally.bump(session, row.campaign_id, calls=1,
               conversations=int(outcome in CONVERSATIONS),
               recruits=int(outcome is Outcome.RECRUITED),
               follow_ups=int(call.follow_up is not None))
    following = None
    if show_next:
        following = next_contact(
            session, campaign_id=row.campaign_id, volunteer_id=call.volunteer_id,
            claim_minutes=claim_minutes, group_id=group_id, exclude=call.contact_id,
            now=now, tz=tz,
        )
    return SaveResult(call_id, following, conflict)


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


_CONTACT_ROW = select(
    Contact.campaign_id, Contact.target_group_id, Contact.status, Contact.queue_rank,
    Contact.next_call_at, Contact.attempts, Contact.last_outcome, Contact.last_called_at,
    Contact.notes_for_next, Contact.claim_token, Contact.state_version,
).where(Contact.id == bindparam("contact_id"))
_RULES = select(Campaign.notes_enabled, Campaign.max_attempts, Campaign.retry_wait_minutes).where(
    Campaign.id == bindparam("campaign_id"))
_NUMBER = select(PhoneNumber.e164).where(PhoneNumber.id == bindparam("phone_id"),
                                         PhoneNumber.contact_id == bindparam("contact_id"))
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
