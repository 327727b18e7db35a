"""The statements that empty a person's rows of personal data, shared by purge and erasure.

A person is kept as an anonymous shell (their contact row: campaign, target group, queue
state, times) so every figure that counts people (tried, reached, per target group, the
queue) stays exact; their calls stay with outcome, times and volunteer; their answers become
anonymous counts; a new member's row stays (it is counted) without the member's details.
Gone: names, address, birth year, gender, the list's extra columns (external ids among
them), notes, numbers (also the one a call dialled and the undo state), what a follow-up
promised, and the import's rejected rows that held them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    ColumnElement,
    Text,
    column,
    delete,
    func,
    inspect,
    select,
    table,
    update,
)
from sqlalchemy.orm import Session

from app.db.models import Call, Contact, FollowUp, PhoneNumber, Recruit
from app.services.privacy.anonymous_answers import move_to_counts

CHUNK = 500


@dataclass(frozen=True)
class Scrubbed:
    contacts: int = 0
    numbers: int = 0
    calls: int = 0
    answers: int = 0
    recruits: int = 0
    follow_ups: int = 0

    def as_dict(self) -> dict[str, int]:
        return {"contacts": self.contacts, "numbers": self.numbers, "calls": self.calls,
                "answers": self.answers, "recruits": self.recruits,
                "follow_ups": self.follow_ups}


BLANK_CONTACT: dict[str, Any] = dict(
    first_name="", last_name="", street="", postcode="", city="", birth_year=None, gender="",
    extra={}, notes_for_next="", claimed_by_id=None, claim_token=None, claim_expires_at=None,
)
BLANK_RECRUIT: dict[str, Any] = dict(
    first_name="", last_name="", email="", phone="", street="", postcode="", city="",
    birth_year=None,
)


def count(session: Session, contacts: ColumnElement[bool]) -> Scrubbed:
    """What scrubbing the contacts `contacts` selects would touch (a dry run)."""
    ids = select(Contact.id).where(contacts)
    calls = select(Call.id).where(Call.contact_id.in_(ids))
    from app.db.models import Answer

    def n(stmt: object) -> int:
        return int(session.scalar(stmt) or 0)  # type: ignore[call-overload]

    return Scrubbed(
        contacts=n(select(func.count()).select_from(Contact).where(
            contacts, Contact.erased_at.is_(None))),
        numbers=n(select(func.count()).select_from(PhoneNumber).where(
            PhoneNumber.contact_id.in_(ids))),
        calls=n(select(func.count()).select_from(Call).where(Call.contact_id.in_(ids))),
        answers=n(select(func.count()).select_from(Answer).where(Answer.call_id.in_(calls))),
        recruits=n(select(func.count()).select_from(Recruit).where(Recruit.call_id.in_(calls))),
        follow_ups=n(select(func.count()).select_from(FollowUp).where(
            FollowUp.contact_id.in_(ids))),
    )


def scrub(session: Session, contact_ids: Sequence[int], now: datetime) -> Scrubbed:
    """Empty these people's rows of personal data, in the caller's transaction."""
    totals = Scrubbed()
    for start in range(0, len(contact_ids), CHUNK):
        totals = _add(totals, _scrub_chunk(session, list(contact_ids[start:start + CHUNK]),
                                           now))
    return totals


def _add(a: Scrubbed, b: Scrubbed) -> Scrubbed:
    return Scrubbed(*(x + y for x, y in zip(a.as_dict().values(), b.as_dict().values(),
                                             strict=True)))


def _scrub_chunk(session: Session, ids: list[int], now: datetime) -> Scrubbed:
    call_ids = list(session.scalars(select(Call.id).where(Call.contact_id.in_(ids))))
    answers = move_to_counts(session, call_ids=call_ids)
    contacts = _rows(session.execute(
        update(Contact).where(Contact.id.in_(ids), Contact.erased_at.is_(None))
        .values(**BLANK_CONTACT, erased_at=now).execution_options(synchronize_session=False)))
    # Rows already shells (erased earlier) still lose what was added since.
    session.execute(update(Contact).where(Contact.id.in_(ids), Contact.erased_at.is_not(None))
                    .values(**BLANK_CONTACT).execution_options(synchronize_session=False))
    numbers = _rows(session.execute(delete(PhoneNumber).where(PhoneNumber.contact_id.in_(ids))))
    calls = recruits = 0
    for start in range(0, len(call_ids), CHUNK):
        chunk = call_ids[start:start + CHUNK]
        calls += _rows(session.execute(
            update(Call).where(Call.id.in_(chunk))
            .values(notes="", number_dialled="", contact_before={})
            .execution_options(synchronize_session=False)))
        recruits += _rows(session.execute(
            update(Recruit).where(Recruit.call_id.in_(chunk)).values(**BLANK_RECRUIT)
            .execution_options(synchronize_session=False)))
        _blank_call_versions(session, chunk)
    follow_ups = _rows(session.execute(
        update(FollowUp).where(FollowUp.contact_id.in_(ids)).values(promised="")
        .execution_options(synchronize_session=False)))
    return Scrubbed(contacts, numbers, calls, answers, recruits, follow_ups)


def _blank_call_versions(session: Session, call_ids: list[int]) -> None:
    """Earlier versions of a corrected call keep its notes and answers too (call_version,
    app/db/models_review.py, when the database has it). Their answers are not counted by any
    figure: the call's own answers are."""
    connection = session.connection()
    if not inspect(connection).has_table("call_version"):
        return
    versions = table("call_version", column("call_id"), column("notes", Text),
                     column("answers", JSON))
    session.execute(update(versions).where(versions.c.call_id.in_(call_ids))
                    .values(notes="", answers={}))


def _rows(result: object) -> int:
    return int(getattr(result, "rowcount", 0) or 0)
