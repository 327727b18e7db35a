"""The rows one saved call writes, and writing them to a server in few statements.

Over the internet every statement is a round trip, and a volunteer waits for each one after
pressing Save. On PostgreSQL the person's update and the call go as one statement (a
data-modifying CTE), and the call's answers, new member and follow-up ride along with the
claim of the next person (see `Attached`): two round trips instead of five, one transaction.

Each statement is built once per shape and run with bound parameters: building a statement
costs the laptop more than the server takes to run it, and fifty callers share a server.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    CTE,
    JSON,
    Insert,
    Integer,
    String,
    bindparam,
    cast,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.orm import Session

from app.db.models import Answer, Call, Contact, FollowUp, Recruit

# Columns of a call row, in the order CallRows.call holds them.
CALL_COLUMNS = (
    "uuid", "campaign_id", "target_group_id", "contact_id", "volunteer_id", "phone_number_id",
    "number_dialled", "started_at", "ended_at", "outcome", "notes", "meeting_signup",
    "script_id", "contact_before", "saved_at", "flag",
)
RECRUIT_COLUMNS = (
    "first_name", "last_name", "email", "phone", "street", "postcode", "city", "birth_year",
    "consent_membership", "consent_contact", "consent_text", "consented_at",
)
FOLLOW_UP_COLUMNS = ("contact_id", "promised", "assigned_to", "due_at", "created_at")


@dataclass(frozen=True)
class CallRows:
    contact: dict[str, Any]  # the person's new plain values
    bump_version: bool  # state_version + 1 (attempts + 1 always), done in SQL
    call: dict[str, Any]  # CALL_COLUMNS
    answers: dict[str, object]
    recruit: dict[str, Any] | None  # RECRUIT_COLUMNS
    follow_up: dict[str, Any] | None  # FOLLOW_UP_COLUMNS
    tally: dict[str, int]  # calls, conversations, recruits, follow_ups

    def contact_values(self) -> dict[str, Any]:
        """The person's new values, the counters as SQL (two saves racing both count)."""
        values: dict[str, Any] = {**self.contact, "attempts": Contact.attempts + 1}
        if self.bump_version:
            values["state_version"] = Contact.state_version + 1
        return values


@dataclass(frozen=True)
class Attached:
    """Inserts of a saved call still to send, with the next statement (RLS on a volunteer's
    login checks them against the call, which a statement's sibling CTE cannot see)."""

    answers: bool = False
    recruit: bool = False
    follow_up: bool = False
    params: tuple[tuple[str, Any], ...] = ()

    @property
    def shape(self) -> tuple[bool, bool, bool]:
        return (self.answers, self.recruit, self.follow_up)

    @property
    def any(self) -> bool:
        return any(self.shape)


NOTHING = Attached()


def write_call_pg(session: Session, rows: CallRows) -> tuple[int, Attached]:
    """Update the person and insert the call in one statement; the call's id, and its other
    rows still to send."""
    columns = tuple(sorted(rows.contact))
    params: dict[str, Any] = {f"k_{name}": rows.contact[name] for name in columns}
    params["k_id"] = rows.call["contact_id"]
    params.update({f"c_{name}": rows.call[name] for name in CALL_COLUMNS})
    call_id = int(session.connection().execute(
        _person_and_call(columns, rows.bump_version), params).scalar_one())
    attached: dict[str, Any] = {}
    if rows.answers:
        attached.update(a_call_id=call_id, a_answers=json.dumps(rows.answers))
    if rows.recruit is not None:
        attached["r_call_id"] = call_id
        attached.update({f"r_{name}": rows.recruit[name] for name in RECRUIT_COLUMNS})
    if rows.follow_up is not None:
        attached["f_call_id"] = call_id
        attached.update({f"f_{name}": rows.follow_up[name] for name in FOLLOW_UP_COLUMNS})
    return call_id, Attached(bool(rows.answers), rows.recruit is not None,
                             rows.follow_up is not None, tuple(attached.items()))


def run_attached(session: Session, attached: Attached) -> None:
    """Send `attached` on its own, when no other statement follows to carry it."""
    if attached.any:
        session.connection().execute(_alone(attached.shape), dict(attached.params))


@functools.cache
def _alone(shape: tuple[bool, bool, bool]) -> Any:
    ctes = attached_ctes(*shape)
    return select(func.count()).select_from(ctes[0]).add_cte(*ctes[1:])


@functools.cache
def _person_and_call(columns: tuple[str, ...], bump_version: bool) -> Insert:
    table = Contact.__table__
    values: dict[str, Any] = {
        name: bindparam(f"k_{name}", type_=table.c[name].type) for name in columns}
    values["attempts"] = Contact.attempts + 1
    if bump_version:
        values["state_version"] = Contact.state_version + 1
    person = (update(Contact).where(Contact.id == bindparam("k_id", type_=Integer))
              .values(**values).returning(Contact.id).cte("person"))
    call_table = Call.__table__
    return (insert(Call)
            .values({name: bindparam(f"c_{name}", type_=call_table.c[name].type)
                     for name in CALL_COLUMNS})
            .returning(Call.id).add_cte(person))


@functools.cache
def attached_ctes(answers: bool, recruit: bool, follow_up: bool) -> tuple[CTE, ...]:
    """The inserts of `Attached` as CTEs (each returning its ids), with bound parameters
    a_*, r_* and f_*."""
    ctes: list[CTE] = []
    if answers:
        pairs = func.json_each(cast(bindparam("a_answers", type_=String), JSON)).table_valued(
            "key", "value")
        ctes.append(insert(Answer).from_select(
            ["call_id", "question_key", "value"],
            select(bindparam("a_call_id", type_=Integer), pairs.c.key, pairs.c.value),
        ).returning(Answer.id).cte("saved_answers"))
    if recruit:
        ctes.append(_insert_cte(Recruit, "r", RECRUIT_COLUMNS, "saved_member"))
    if follow_up:
        ctes.append(_insert_cte(FollowUp, "f", FOLLOW_UP_COLUMNS, "saved_promise"))
    return tuple(ctes)


def _insert_cte(model: Any, prefix: str, columns: Sequence[str], name: str) -> CTE:
    table = model.__table__
    values = {column: bindparam(f"{prefix}_{column}", type_=table.c[column].type)
              for column in columns}
    values["call_id"] = bindparam(f"{prefix}_call_id", type_=Integer)
    cte: CTE = insert(model).values(values).returning(table.c.id).cte(name)
    return cte
