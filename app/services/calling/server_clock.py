"""Whose clock decides: on a shared server, the server's.

Claim expiry, due callbacks and calling hours compare times written by many laptops. A laptop
whose clock runs an hour fast would take people whose claims have not expired and call back
before the time agreed; so on PostgreSQL "now" is the database's time, read in a statement the
step sends anyway where it can. A SQLite file has one laptop, and its clock is the clock.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from app.clock import utcnow
from app.db.types import UTCDateTime


def uses_server_clock(session: Session) -> bool:
    return session.connection().dialect.name == "postgresql"


def server_now_column() -> ColumnElement[datetime]:
    """The server's time as naive UTC, like every stored time (UTCDateTime makes it aware).
    now() is the transaction's start: one instant for the whole step."""
    return func.timezone("UTC", func.now(), type_=UTCDateTime).label("server_now")


def db_now(session: Session) -> datetime:
    """The time that decides, for a step with no statement of its own to read it with."""
    if not uses_server_clock(session):
        return utcnow()
    value = session.execute(select(server_now_column())).scalar_one()
    assert isinstance(value, datetime)
    return value
