"""A campaign's running totals (call_tally), changed in the same transaction as each save and
undo, so the goal bars never count the whole call table."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import Insert, Integer, bindparam
from sqlalchemy.orm import Session

from app.db.dialect_insert import dialect_insert
from app.db.models import CallTally
from app.services.calling.stats import EveningStats, evening_stats, figures_from, figures_statement

NAMES = ("calls", "conversations", "recruits", "follow_ups")


def bump(session: Session, campaign_id: int, *, calls: int = 0, conversations: int = 0,
         recruits: int = 0, follow_ups: int = 0) -> None:
    """Add to the totals (negative to take away), creating the campaign's row when missing.

    One upsert, not an update and then an insert: a statement fewer per save (a round trip
    to a server), and two first saves of a campaign at once cannot both insert."""
    session.connection().execute(_upsert(session.get_bind().dialect.name), {
        "p_campaign_id": campaign_id, "p_calls": calls, "p_conversations": conversations,
        "p_recruits": recruits, "p_follow_ups": follow_ups})


def bump_and_read(session: Session, campaign_id: int, deltas: Mapping[str, int] | None,
                  volunteer_id: int | None, since: datetime | None) -> EveningStats | None:
    """Add a save's `deltas` to the totals and, with `since`, read the side panel's figures:
    on a server both in one statement (stats.figures_statement)."""
    if since is None:
        if deltas:
            bump(session, campaign_id, **deltas)
        return None
    if deltas and session.get_bind().dialect.name == "postgresql":
        row = session.connection().execute(figures_statement(True), {
            "p_campaign_id": campaign_id, "p_volunteer_id": volunteer_id, "p_since": since,
            **{f"p_{name}": int(deltas.get(name, 0)) for name in NAMES}}).one()
        return figures_from(tuple(row))
    if deltas:
        bump(session, campaign_id, **deltas)
    return evening_stats(session, campaign_id, volunteer_id, since)


@functools.cache
def _upsert(dialect: str) -> Insert:
    values: dict[str, Any] = {name: bindparam(f"p_{name}", type_=Integer) for name in NAMES}
    statement = dialect_insert(dialect, CallTally).values(
        campaign_id=bindparam("p_campaign_id", type_=Integer), **values)
    upsert: Insert = statement.on_conflict_do_update(
        index_elements=[CallTally.campaign_id],
        set_={name: getattr(CallTally, name) + getattr(statement.excluded, name)
              for name in NAMES})
    return upsert
