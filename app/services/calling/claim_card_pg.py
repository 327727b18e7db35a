"""Claiming the next person and reading their card in one statement, on PostgreSQL.

After each save the volunteer waits for the next card; over the internet each statement is a
round trip. The claim (UPDATE ... SKIP LOCKED ... RETURNING) runs as a CTE, and the card's
row, numbers and earlier calls come back with it, the lists as JSON arrays. The saved call's
answers, new member and follow-up ride along (call_rows.Attached). Built once per shape.
"""

from __future__ import annotations

import functools
import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, func, literal_column, select
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlalchemy.orm import Session

from app.db.models import Call, Contact, PhoneNumber, TargetGroup, Volunteer
from app.services.calling.call_rows import NOTHING, Attached, attached_ctes
from app.services.calling.card import CARD_COLUMNS, ContactCard, card_from

_EMPTY: ColumnElement[Any] = literal_column("'[]'::json")


def claim_and_load(session: Session, by_group: bool, excluding: bool, params: dict[str, Any],
                   token: str, now: datetime,
                   attach: Attached = NOTHING) -> ContactCard | None:
    """Claim the next free person (queue.claim_statement's parameters) and load their card;
    None when nobody was free. `attach` runs in the same statement either way."""
    row = session.connection().execute(
        _statement(by_group, excluding, attach.shape),
        {**params, **dict(attach.params)},
    ).first()
    if row is None:
        return None
    *card, phone_list, attempt_list = tuple(row)
    return card_from(tuple(card), _json(phone_list),
                     [(_utc(at), outcome, name) for at, outcome, name in _json(attempt_list)],
                     token, now)


@functools.cache
def _statement(by_group: bool, excluding: bool,
               attach: tuple[bool, bool, bool]) -> Select[Any]:
    from app.services.calling.queue import claim_statement

    picked = claim_statement(by_group, excluding, True).cte("picked")
    phones = (
        select(func.coalesce(func.json_agg(aggregate_order_by(
            func.json_build_array(PhoneNumber.id, PhoneNumber.e164, PhoneNumber.kind,
                                  PhoneNumber.failed),
            PhoneNumber.position, PhoneNumber.id)), _EMPTY))
        .where(PhoneNumber.contact_id == Contact.id).scalar_subquery())
    attempts = (
        select(func.coalesce(func.json_agg(aggregate_order_by(
            func.json_build_array(Call.started_at, Call.outcome, Volunteer.name),
            Call.started_at, Call.id)), _EMPTY))
        .select_from(Call).outerjoin(Volunteer, Volunteer.id == Call.volunteer_id)
        .where(Call.contact_id == Contact.id).scalar_subquery())
    statement = (select(*CARD_COLUMNS, phones, attempts)
                 .join(TargetGroup, TargetGroup.id == Contact.target_group_id)
                 .join(picked, picked.c.id == Contact.id))
    extra = attached_ctes(*attach)
    return statement.add_cte(*extra) if extra else statement


def _json(value: Any) -> list[Any]:
    return json.loads(value) if isinstance(value, str) else list(value)


def _utc(value: str) -> datetime:
    """A stored time as JSON renders it: naive UTC text."""
    return datetime.fromisoformat(value).replace(tzinfo=UTC)
