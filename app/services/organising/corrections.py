"""Correcting any call afterwards: the organiser changes a call's outcome, answers, notes or
meeting sign-up. The call row holds the newest version; every earlier one is kept in
call_version with who made it and when. The person's state, the running totals (call_tally)
and, because they read the call rows, the figures and exports follow in the same transaction.

The person's state follows the precedence rules (app/services/calling/precedence.py): while
this call is still what last decided the person (no later call, nothing changed them since),
the corrected outcome decides as a fresh save would; otherwise it can only strengthen the
state. Do-not-call is for good: correcting a call away from it leaves the numbers on the list
(removing them is a deliberate act on the list itself).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from app.clock import utcnow
from app.db.database import Database
from app.db.models import (
    Answer,
    Call,
    Campaign,
    Contact,
    PhoneNumber,
    Recruit,
    Volunteer,
)
from app.db.models_review import CallVersion
from app.domain.outcomes import CONVERSATIONS, RETRY, Outcome
from app.domain.status import ContactStatus, QueueRank
from app.errors import QT_TRANSLATE_NOOP, UserError
from app.services import audit, dnc
from app.services.calling import tally
from app.services.calling.answers import check_answers
from app.services.calling.precedence import Level, QueueFields, merge
from app.services.calling.save import CallInput, RecruitInput, validate
from app.services.lengths import check_fits


@dataclass(frozen=True)
class Correction:
    call_id: int
    outcome: str
    notes: str
    answers: Mapping[str, object] = field(default_factory=dict)
    meeting_signup: bool = False
    changed_by: str = ""
    # The version the organiser was looking at: a correction made meanwhile by someone else
    # is refused rather than silently overwritten. None: correct whatever is newest.
    seen_version: int | None = None
    callback_at: datetime | None = None  # needed when correcting to a callback
    recruit: RecruitInput | None = None  # needed when correcting to recruited without a form


@dataclass(frozen=True)
class CorrectionResult:
    call_id: int
    version: int
    status: str  # the person's status afterwards
    state_changed: bool  # the person's place in the queue changed
    still_do_not_call: bool  # corrected away from do-not-call, but the numbers stay listed


_CONVERSATIONS = frozenset(o.value for o in CONVERSATIONS)
_HELD = (ContactStatus.PACKED.value, ContactStatus.IMPORTING.value)


def correct_call(db: Database, correction: Correction, *,
                 now: datetime | None = None) -> CorrectionResult:
    """Store `correction` as the call's new version; one transaction."""
    with db.transaction() as session:
        return apply_correction(session, correction, now=now or utcnow())


def apply_correction(session: Session, c: Correction, *, now: datetime) -> CorrectionResult:
    postgres = session.get_bind().dialect.name == "postgresql"
    query = select(Call).where(Call.id == c.call_id)
    if postgres:
        # Held to the commit: a second organiser's correction waits here and then sees this
        # one's version (SQLite's writers are serialised by BEGIN IMMEDIATE already).
        query = query.with_for_update()
    call = session.scalars(query).first()
    if call is None:
        raise UserError(QT_TRANSLATE_NOOP("app", "Call {id} is no longer in the database"),
                        id=c.call_id)
    stored = list(session.scalars(select(CallVersion).where(CallVersion.call_id == call.id)
                                  .order_by(CallVersion.version)))
    current_version = stored[-1].version if stored else 1
    if c.seen_version is not None and c.seen_version != current_version:
        last = stored[-1]
        raise UserError(QT_TRANSLATE_NOOP(
            "app", "{name} corrected this call while you had it open; open it again to see "
                   "the new version"), name=last.changed_by or "someone")
    outcome = _validate(session, call, c)
    check_fits(c.changed_by.strip(), CallVersion.changed_by)
    old_answers = {k: v for k, v in session.execute(
        select(Answer.question_key, Answer.value).where(Answer.call_id == call.id))}
    notes = c.notes.strip()
    if (outcome.value == call.outcome and notes == call.notes and dict(c.answers) == old_answers
            and c.meeting_signup == call.meeting_signup and c.recruit is None):
        raise UserError(QT_TRANSLATE_NOOP("app", "The call is as it was: nothing to save"))
    before: dict[str, Any] = dict(call.contact_before or {})
    if not stored:
        # The call as it was saved becomes version 1, made by its caller.
        caller = session.scalar(select(Volunteer.name).where(Volunteer.id == call.volunteer_id))
        version_after = before.get("version_after")
        session.add(CallVersion(
            call_id=call.id, version=1, outcome=call.outcome, notes=call.notes,
            answers=old_answers, meeting_signup=call.meeting_signup, changed_by=caller or "",
            changed_at=call.saved_at,
            contact_version=version_after if isinstance(version_after, int) else None))
    expected = stored[-1].contact_version if stored else before.get("version_after")
    old_outcome = call.outcome
    status, changed, still_dnc, contact_version = _follow_person(
        session, call, outcome, c, before, expected, now)
    call.outcome = outcome.value
    call.notes = notes
    call.meeting_signup = c.meeting_signup
    session.execute(delete(Answer).where(Answer.call_id == call.id))
    if c.answers:
        session.execute(insert(Answer), [
            {"call_id": call.id, "question_key": key, "value": value}
            for key, value in c.answers.items()])
    _follow_recruit(session, call.id, outcome, c.recruit, now)
    tally.bump(session, call.campaign_id,
               conversations=int(outcome.value in _CONVERSATIONS)
               - int(old_outcome in _CONVERSATIONS),
               recruits=int(outcome is Outcome.RECRUITED)
               - int(old_outcome == Outcome.RECRUITED.value))
    version = current_version + 1
    session.add(CallVersion(
        call_id=call.id, version=version, outcome=outcome.value, notes=notes,
        answers=dict(c.answers), meeting_signup=c.meeting_signup,
        changed_by=c.changed_by.strip(), changed_at=now, contact_version=contact_version))
    audit.record(session, "call_corrected", actor=c.changed_by.strip(), entity="call",
                 entity_id=call.id, version=version, outcome_before=old_outcome,
                 outcome=outcome.value)
    session.flush()
    return CorrectionResult(call.id, version, status, changed, still_dnc)


def _validate(session: Session, call: Call, c: Correction) -> Outcome:
    has_recruit = bool(session.scalar(
        select(func.count(Recruit.id)).where(Recruit.call_id == call.id)))
    recruit = c.recruit
    if c.outcome == Outcome.RECRUITED.value and recruit is None and has_recruit:
        # The membership form the call already has stays as it is.
        recruit = RecruitInput("-", "", True, "-")
    outcome = validate(CallInput(
        contact_id=call.contact_id, outcome=c.outcome, volunteer_id=call.volunteer_id,
        started_at=call.started_at, notes=c.notes, callback_at=c.callback_at,
        recruit=recruit))
    anonymous = session.scalar(
        select(Campaign.anonymous_answers).where(Campaign.id == call.campaign_id))
    if anonymous and c.answers:
        # Such answers were only counted, never linked to the call: there is nothing to
        # correct, and a correction must not link them now.
        raise UserError(QT_TRANSLATE_NOOP(
            "app", "This campaign counts answers without a name, so a call's answers cannot "
                   "be corrected; correct the outcome or the notes"))
    check_answers(session, call.script_id, c.answers)
    return outcome


def _follow_recruit(session: Session, call_id: int, outcome: Outcome,
                    recruit: RecruitInput | None, now: datetime) -> None:
    """A call that is no longer a new member keeps no membership form; a new form replaces
    the old one."""
    if outcome is not Outcome.RECRUITED:
        session.execute(delete(Recruit).where(Recruit.call_id == call_id))
        return
    if recruit is None:
        return
    session.execute(delete(Recruit).where(Recruit.call_id == call_id))
    r = recruit
    session.add(Recruit(
        call_id=call_id, first_name=r.first_name.strip(), last_name=r.last_name.strip(),
        email=r.email.strip(), phone=r.phone.strip(), street=r.street.strip(),
        postcode=r.postcode.strip(), city=r.city.strip(), birth_year=r.birth_year,
        consent_membership=r.consent_membership, consent_contact=r.consent_contact,
        consent_text=r.consent_text.strip(), consented_at=now))


def _follow_person(
    session: Session, call: Call, outcome: Outcome, c: Correction, before: dict[str, Any],
    expected: object, now: datetime,
) -> tuple[str, bool, bool, int]:
    """Move the person where the corrected call puts them, by the precedence rules.
    Returns (status, changed, still on the do-not-call list, state_version after)."""
    query = select(Contact.status, Contact.queue_rank, Contact.next_call_at,
                   Contact.state_version).where(Contact.id == call.contact_id)
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update()
    row = session.execute(query).one()
    later = session.scalar(
        select(Call.id).where(Call.contact_id == call.contact_id, Call.id != call.id,
                              Call.saved_at >= call.saved_at).limit(1))
    fresh = later is None and (not isinstance(expected, int) or row.state_version == expected)
    current = QueueFields(row.status, row.queue_rank, row.next_call_at)
    if fresh:
        _follow_dialled_number(session, call, outcome)
    if outcome is Outcome.DO_NOT_CALL:
        numbers = list(session.scalars(
            select(PhoneNumber.e164).where(PhoneNumber.contact_id == call.contact_id)))
        dnc.add_numbers(session, numbers, reason=dnc.REASON_CALL, source="correction",
                        actor=c.changed_by.strip())
        version = session.scalar(select(Contact.state_version)
                                 .where(Contact.id == call.contact_id))
        return ContactStatus.DNC.value, current.level is not Level.DNC, False, int(version or 0)
    proposed = _proposed(session, call, outcome, c, before, current)
    target = merge(current, proposed, fresh=fresh)
    if current.status in _HELD:
        target = current  # a pack or an import settles these people when it comes back
    values: dict[str, Any] = {}
    if fresh:
        values["last_outcome"] = outcome.value
        notes_enabled = session.scalar(
            select(Campaign.notes_enabled).where(Campaign.id == call.campaign_id))
        if notes_enabled:
            values["notes_for_next"] = c.notes.strip()
    if target != current:
        values.update(status=target.status, queue_rank=target.queue_rank,
                      claimed_by_id=None, claim_token=None, claim_expires_at=None)
        if target.next_call_at is not None:
            values["next_call_at"] = target.next_call_at
    # Bumped even when only the notes or answers changed: the caller's Undo then sees that
    # someone changed the person after the call, and refuses to throw the correction away.
    version = session.execute(
        update(Contact).where(Contact.id == call.contact_id)
        .values(state_version=Contact.state_version + 1, **values)
        .returning(Contact.state_version)
        .execution_options(synchronize_session=False)).scalar_one()
    still_dnc = current.level is Level.DNC and call.outcome == Outcome.DO_NOT_CALL.value
    return target.status, target != current, still_dnc, int(version)


def _proposed(session: Session, call: Call, outcome: Outcome, c: Correction,
              before: dict[str, Any], current: QueueFields) -> QueueFields:
    """Where the call with its corrected outcome alone would put the person."""
    rank = int(before.get("queue_rank", current.queue_rank))
    if outcome in RETRY:
        rules = session.execute(select(Campaign.max_attempts, Campaign.retry_wait_minutes)
                                .where(Campaign.id == call.campaign_id)).one()
        if int(before.get("attempts", 0)) + 1 >= rules.max_attempts:
            return QueueFields(ContactStatus.DONE.value, rank, None)
        return QueueFields(ContactStatus.OPEN.value, int(QueueRank.RETRY),
                           call.saved_at + timedelta(minutes=rules.retry_wait_minutes))
    if outcome is Outcome.CALLBACK:
        return QueueFields(ContactStatus.OPEN.value, int(QueueRank.CALLBACK), c.callback_at)
    if outcome is Outcome.WRONG_NUMBER:
        working = session.scalar(select(PhoneNumber.id).where(
            PhoneNumber.contact_id == call.contact_id, PhoneNumber.failed.is_(False)).limit(1))
        status = ContactStatus.OPEN if working is not None else ContactStatus.NO_NUMBER
        return QueueFields(status.value, rank, None)
    return QueueFields(ContactStatus.DONE.value, rank, None)


def _follow_dialled_number(session: Session, call: Call, outcome: Outcome) -> None:
    """The number dialled is marked failed exactly while a call on it says wrong number."""
    if call.phone_number_id is None:
        return
    if outcome is Outcome.WRONG_NUMBER:
        failed = True
    else:
        other = session.scalar(select(Call.id).where(
            Call.phone_number_id == call.phone_number_id, Call.id != call.id,
            Call.outcome == Outcome.WRONG_NUMBER.value).limit(1))
        if other is not None:
            return
        failed = False
    session.execute(update(PhoneNumber).where(PhoneNumber.id == call.phone_number_id)
                    .values(failed=failed).execution_options(synchronize_session=False))
