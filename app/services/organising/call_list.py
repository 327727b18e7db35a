"""The campaign's calls for the organiser: a filtered list, and one call with its versions
(app/services/organising/corrections.py writes the corrections)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from app.db.database import Database
from app.db.models import Answer, Call, Campaign, Contact, Recruit, TargetGroup, Volunteer
from app.db.models_review import CallVersion
from app.domain.phone import format_national
from app.errors import QT_TRANSLATE_NOOP, UserError
from app.services.scripts.versions import parsed_source, questions_by_key, version_source

LIST_LIMIT = 500  # rows in the list; the filters narrow it down


@dataclass(frozen=True)
class CallFilter:
    outcome: str | None = None
    group_id: int | None = None
    volunteer: str | None = None
    search: str = ""  # part of the person's name
    corrected_only: bool = False


@dataclass(frozen=True)
class CallRow:
    call_id: int
    saved_at: datetime
    person: str
    group: str
    volunteer: str
    outcome: str
    meeting_signup: bool
    versions: int  # 1 for a call never corrected


@dataclass(frozen=True)
class QuestionInfo:
    key: str
    kind: str
    options: tuple[tuple[str, str], ...]  # (value, label)
    label: str = ""  # the step's title, as the caller saw it ("" for an unknown key)


@dataclass(frozen=True)
class CallVersionView:
    version: int
    outcome: str
    notes: str
    answers: tuple[tuple[str, Any], ...]
    meeting_signup: bool
    changed_by: str
    changed_at: datetime


@dataclass(frozen=True)
class CallDetail:
    call_id: int
    campaign_id: int
    person: str
    number: str
    volunteer: str
    saved_at: datetime
    outcome: str
    notes: str
    answers: tuple[tuple[str, Any], ...]
    meeting_signup: bool
    has_recruit: bool
    version: int  # the newest version's number (1 when never corrected)
    versions: tuple[CallVersionView, ...]  # oldest first; empty when never corrected
    questions: tuple[QuestionInfo, ...]  # of the call's script version
    # The campaign counts answers without a name: no call has answers to correct.
    anonymous_answers: bool = False


def _name(first: str | None, last: str | None) -> str:
    return " ".join(p for p in (first, last) if p)


def list_calls(db: Database, campaign_id: int, filters: CallFilter = CallFilter(),
               limit: int = LIST_LIMIT) -> list[CallRow]:
    """The campaign's calls, newest first, at most `limit`."""
    versions = (select(CallVersion.call_id, func.max(CallVersion.version).label("n"))
                .group_by(CallVersion.call_id).subquery())
    query: Select[Any] = (
        select(Call.id, Call.saved_at, Contact.first_name, Contact.last_name,
               TargetGroup.name.label("group"), Volunteer.name.label("volunteer"),
               Call.outcome, Call.meeting_signup, versions.c.n)
        .join(Contact, Contact.id == Call.contact_id)
        .join(TargetGroup, TargetGroup.id == Call.target_group_id)
        .outerjoin(Volunteer, Volunteer.id == Call.volunteer_id)
        .outerjoin(versions, versions.c.call_id == Call.id)
        .where(Call.campaign_id == campaign_id)
    )
    if filters.outcome:
        query = query.where(Call.outcome == filters.outcome)
    if filters.group_id is not None:
        query = query.where(Call.target_group_id == filters.group_id)
    if filters.volunteer:
        query = query.where(Volunteer.name == filters.volunteer)
    if filters.corrected_only:
        query = query.where(versions.c.n.is_not(None))
    search = filters.search.strip().lower()
    if search:
        pattern = f"%{search}%"
        query = query.where(or_(func.lower(Contact.first_name).like(pattern),
                                func.lower(Contact.last_name).like(pattern)))
    query = query.order_by(Call.saved_at.desc(), Call.id.desc()).limit(limit)
    with db.session() as session:
        return [CallRow(r.id, r.saved_at, _name(r.first_name, r.last_name), r.group,
                        r.volunteer or "", r.outcome, bool(r.meeting_signup), r.n or 1)
                for r in session.execute(query)]


def call_volunteers(db: Database, campaign_id: int) -> list[str]:
    """The names of those who made the campaign's calls, for the list's filter."""
    with db.session() as session:
        return list(session.scalars(
            select(Volunteer.name).where(Volunteer.id.in_(
                select(Call.volunteer_id).where(Call.campaign_id == campaign_id)))
            .order_by(Volunteer.name)))


def call_detail(db: Database, call_id: int) -> CallDetail:
    with db.session() as session:
        return read_detail(session, call_id)


def read_detail(session: Session, call_id: int) -> CallDetail:
    row = session.execute(
        select(Call, Contact.first_name, Contact.last_name, Volunteer.name.label("volunteer"))
        .join(Contact, Contact.id == Call.contact_id)
        .outerjoin(Volunteer, Volunteer.id == Call.volunteer_id)
        .where(Call.id == call_id)).first()
    if row is None:
        raise UserError(QT_TRANSLATE_NOOP("app", "Call {id} is no longer in the database"),
                        id=call_id)
    call: Call = row[0]
    answers = tuple(sorted(
        (key, value) for key, value in session.execute(
            select(Answer.question_key, Answer.value).where(Answer.call_id == call_id))))
    versions = tuple(
        CallVersionView(v.version, v.outcome, v.notes, tuple(sorted(dict(v.answers).items())),
                        v.meeting_signup, v.changed_by, v.changed_at)
        for v in session.scalars(select(CallVersion).where(CallVersion.call_id == call_id)
                                 .order_by(CallVersion.version)))
    anonymous = bool(session.scalar(
        select(Campaign.anonymous_answers).where(Campaign.id == call.campaign_id)))
    has_recruit = session.scalar(
        select(func.count(Recruit.id)).where(Recruit.call_id == call_id)) or 0
    return CallDetail(
        call_id=call.id, campaign_id=call.campaign_id,
        person=_name(row.first_name, row.last_name),
        number=format_national(call.number_dialled) if call.number_dialled else "",
        volunteer=row.volunteer or "", saved_at=call.saved_at, outcome=call.outcome,
        notes=call.notes, answers=answers, meeting_signup=call.meeting_signup,
        has_recruit=bool(has_recruit), version=versions[-1].version if versions else 1,
        versions=versions,
        questions=() if anonymous else _questions(session, call.script_id),
        anonymous_answers=anonymous)


def _questions(session: Session, script_id: int | None) -> tuple[QuestionInfo, ...]:
    if script_id is None:
        return ()
    found = version_source(session, script_id)
    script = parsed_source(found[2]) if found is not None else None
    if script is None:
        return ()
    titles = {q.key: step.title for step, q in script.questions()}
    return tuple(QuestionInfo(q.key, q.kind, tuple((o.value, o.label) for o in q.options),
                              titles.get(q.key) or q.key)
                 for q in questions_by_key(script).values())
