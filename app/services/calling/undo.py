"""Undo the last call saved this evening: the call goes, the contact is as it was, and back on
screen to be corrected."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from app.db.models import Answer, Call, Contact, DoNotCall, FollowUp, PhoneNumber, Recruit
from app.domain.outcomes import CONVERSATIONS, Outcome
from app.errors import QT_TRANSLATE_NOOP, UserError
from app.services import audit
from app.services.calling import tally
from app.services.calling.card import ContactCard, load_card
from app.services.calling.queue import claim_contact, release_claim
from app.services.calling.save import CALLER_FLAG, FollowUpInput, RecruitInput
from app.services.calling.server_clock import db_now
from app.services.privacy import anonymous_answers


@dataclass(frozen=True)
class UndoResult:
    """The call as it was saved, so the screen can put all of it back to be corrected."""

    card: ContactCard
    outcome: str
    notes: str
    answers: dict[str, object]
    follow_up: FollowUpInput | None = None
    meeting_signup: bool = False
    recruit: RecruitInput | None = None
    callback_at: datetime | None = None
    flagged: bool = False  # the caller had flagged it for the organiser


def _dt(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if isinstance(value, str) else None


_CONVERSATIONS = frozenset(o.value for o in CONVERSATIONS)


def _refuse_if_touched_since(session: Session, call: Call, before: dict[str, Any]) -> None:
    """Undo puts back the state from before the call; that is only right while the call is
    the last thing that happened to the person."""
    dialect = session.get_bind().dialect.name
    query = select(Contact.state_version, Contact.first_name, Contact.last_name).where(
        Contact.id == call.contact_id)
    if dialect == "postgresql":
        query = query.with_for_update()
    row = session.execute(query).first()
    if row is None:
        raise UserError(QT_TRANSLATE_NOOP("app", "Contact {id} is no longer in the database"),
                        id=call.contact_id)
    later = session.scalar(
        select(Call.id).where(Call.contact_id == call.contact_id, Call.id != call.id,
                              Call.saved_at >= call.saved_at).limit(1))
    version_after = before.get("version_after")
    changed = isinstance(version_after, int) and row.state_version != version_after
    if later is not None or changed:
        name = " ".join(p for p in (row.first_name, row.last_name) if p)
        raise UserError(QT_TRANSLATE_NOOP(
            "app", "{name} has been called or changed by someone else since your call, so it "
                   "cannot be undone. Your call stays saved."), name=name)


def undo_last_call(
    session: Session,
    *,
    volunteer_id: int | None,
    since: datetime,
    claim_minutes: int = 20,
    showing: tuple[int, str] | None = None,
    now: datetime | None = None,
) -> UndoResult | None:
    """Delete this volunteer's last call saved since `since`; None when there is none.

    `showing` is the contact on screen now (id, claim token): it goes back to the queue.
    """
    now = now or db_now(session)
    call = session.scalars(
        select(Call).where(Call.volunteer_id == volunteer_id, Call.saved_at >= since)
        .order_by(Call.saved_at.desc(), Call.id.desc()).limit(1)
    ).first()
    if call is None:
        return None
    before = dict(call.contact_before or {})
    _refuse_if_touched_since(session, call, before)
    if showing is not None and showing[0] != call.contact_id:
        release_claim(session, *showing)
    answers = {
        key: value for key, value in session.execute(
            select(Answer.question_key, Answer.value).where(Answer.call_id == call.id)
        )
    }
    counted = _anonymous_counts(session, call, before)
    # The callback's time is where the call put the person in the queue.
    callback_at = session.scalar(
        select(Contact.next_call_at).where(Contact.id == call.contact_id)
    ) if call.outcome == Outcome.CALLBACK.value else None
    restored: dict[str, Any] = {
        "status": before.get("status", "open"),
        "queue_rank": before.get("queue_rank", 1),
        "attempts": before.get("attempts", 0),
        "last_outcome": before.get("last_outcome"),
        "last_called_at": _dt(before.get("last_called_at")),
        "notes_for_next": before.get("notes_for_next", ""),
        "state_version": Contact.state_version + 1,
    }
    next_call_at = _dt(before.get("next_call_at"))
    if next_call_at is not None:
        restored["next_call_at"] = next_call_at
    session.execute(update(Contact).where(Contact.id == call.contact_id).values(**restored)
                    .execution_options(synchronize_session=False))
    failed = before.get("failed_phone_id")
    if isinstance(failed, int):
        session.execute(update(PhoneNumber).where(PhoneNumber.id == failed).values(failed=False)
                        .execution_options(synchronize_session=False))
    added = [n for n in before.get("dnc_added", []) if isinstance(n, str)]
    if added:
        session.execute(delete(DoNotCall).where(DoNotCall.e164.in_(added)))
    for contact_id, status in before.get("dnc_contacts", []):
        session.execute(update(Contact).where(Contact.id == int(contact_id))
                        .values(status=str(status), state_version=Contact.state_version + 1)
                        .execution_options(synchronize_session=False))
    call_id, contact_id, outcome, notes = call.id, call.contact_id, call.outcome, call.notes
    follow_up, recruit = _follow_up(session, call_id), _recruit(session, call_id)
    meeting_signup, flagged = call.meeting_signup, call.flag == CALLER_FLAG
    follow_ups = session.scalar(
        select(func.count(FollowUp.id)).where(FollowUp.call_id == call_id)) or 0
    tally.bump(session, call.campaign_id, calls=-1,
               conversations=-int(outcome in _CONVERSATIONS),
               recruits=-int(outcome == Outcome.RECRUITED.value), follow_ups=-int(follow_ups))
    # Children first: the same on every database, foreign-key cascades or not.
    session.execute(delete(Answer).where(Answer.call_id == call_id))
    if counted is not None:
        anonymous_answers.take_back(session, counted)
        answers.update(anonymous_answers.answers_of(counted))
    session.execute(delete(Recruit).where(Recruit.call_id == call_id))
    session.execute(delete(FollowUp).where(FollowUp.call_id == call_id))
    session.expunge(call)
    session.execute(delete(Call).where(Call.id == call_id))
    audit.record(session, "call_undone", entity="contact", entity_id=contact_id, outcome=outcome)
    claim = claim_contact(session, contact_id, volunteer_id, claim_minutes, now)
    session.expire_all()
    card = load_card(session, contact_id, claim.token, now)
    return UndoResult(card, outcome, notes, answers, follow_up, meeting_signup, recruit,
                      callback_at, flagged)


def _anonymous_counts(session: Session, call: Call,
                      before: dict[str, Any]) -> anonymous_answers.Counted | None:
    """What the call's save counted under "answers without a name"; a UserError when it
    counted answers this process cannot find again (saved elsewhere or before a restart)."""
    if not before.get("answers_counted"):
        return None
    counted = anonymous_answers.recall(session, call.uuid)
    if counted is None:
        raise UserError(QT_TRANSLATE_NOOP(
            "app", "This call's answers were counted without a name, so it can only be "
                   "undone on the computer that saved it, before Ringkväll is closed. Your "
                   "call stays saved."))
    return counted


def _follow_up(session: Session, call_id: int) -> FollowUpInput | None:
    row = session.execute(
        select(FollowUp.promised, FollowUp.assigned_to, FollowUp.due_at)
        .where(FollowUp.call_id == call_id).limit(1)
    ).first()
    return FollowUpInput(row.promised, row.assigned_to, row.due_at) if row else None


def _recruit(session: Session, call_id: int) -> RecruitInput | None:
    r = session.scalars(select(Recruit).where(Recruit.call_id == call_id)).first()
    if r is None:
        return None
    return RecruitInput(
        first_name=r.first_name, last_name=r.last_name,
        consent_membership=r.consent_membership, consent_text=r.consent_text,
        email=r.email, phone=r.phone, street=r.street, postcode=r.postcode, city=r.city,
        birth_year=r.birth_year, consent_contact=r.consent_contact,
    )
