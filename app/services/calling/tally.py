"""A campaign's running totals (call_tally), changed in the same transaction as each save and
undo, so the goal bars never count the whole call table."""

from __future__ import annotations

from sqlalchemy import insert, update
from sqlalchemy.orm import Session

from app.db.models import CallTally


def bump(session: Session, campaign_id: int, *, calls: int = 0, conversations: int = 0,
         recruits: int = 0, follow_ups: int = 0) -> None:
    """Add to the totals (negative to take away), creating the campaign's row when missing."""
    statement = (
        update(CallTally).where(CallTally.campaign_id == campaign_id)
        .values(calls=CallTally.calls + calls,
                conversations=CallTally.conversations + conversations,
                recruits=CallTally.recruits + recruits,
                follow_ups=CallTally.follow_ups + follow_ups)
        .execution_options(synchronize_session=False)
    )
    if getattr(session.execute(statement), "rowcount", 0):
        return
    _ensure_row(session, campaign_id)
    session.execute(statement)


def _ensure_row(session: Session, campaign_id: int) -> None:
    """Insert the zero row; a second writer doing the same at once is not an error."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        session.execute(pg_insert(CallTally).values(campaign_id=campaign_id)
                        .on_conflict_do_nothing(index_elements=["campaign_id"]))
    elif dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        session.execute(sqlite_insert(CallTally).values(campaign_id=campaign_id)
                        .on_conflict_do_nothing(index_elements=["campaign_id"]))
    else:  # pragma: no cover - only SQLite and PostgreSQL are supported
        session.execute(insert(CallTally).values(campaign_id=campaign_id))
