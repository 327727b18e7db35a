"""Time in one place: aware UTC datetimes everywhere in the domain."""

from __future__ import annotations

from datetime import UTC, datetime


def utcnow() -> datetime:
    return datetime.now(UTC)


def local(dt: datetime) -> datetime:
    """The same instant in the machine's local time zone (for calling hours and display)."""
    return dt.astimezone()
