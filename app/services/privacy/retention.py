"""When a campaign's personal data is due for deletion, and what the screens say about it.

Each campaign keeps its personal data until its `delete_after` date; when the organiser set
none, three months after the campaign's end (`suggested_delete_after`). From WARN_DAYS
before, the start page and the campaign settings say so. On that date the data is due: the
next start of the window offers to delete it (the organiser confirms), and
`ringkvall purge` deletes it without asking. Deleting it earlier is the organiser's choice
and always confirmed (`early`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from app.clock import local, utcnow
from app.db.database import Database
from app.db.models import Campaign
from app.services.campaigns import suggested_delete_after

WARN_DAYS = 14


@dataclass(frozen=True)
class Retention:
    campaign_id: int
    name: str
    delete_after: date | None  # the date in force (set, or three months after the end)
    days_left: int | None  # days from today to that date; 0 on the day, negative after
    purged_at: datetime | None

    @property
    def due(self) -> bool:
        """The data is to be deleted now (and has not been)."""
        return self.purged_at is None and self.days_left is not None and self.days_left <= 0

    @property
    def soon(self) -> bool:
        """Within WARN_DAYS of the date: the screens say so."""
        return (self.purged_at is None and self.days_left is not None
                and 0 < self.days_left <= WARN_DAYS)

    def as_dict(self) -> dict[str, object]:
        return {"campaign": self.name, "delete_after": _iso(self.delete_after),
                "days_left": self.days_left, "due": self.due,
                "purged_at": self.purged_at.isoformat() if self.purged_at else None}


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def effective_delete_after(delete_after: date | None, ends_on: date | None) -> date | None:
    if delete_after is not None:
        return delete_after
    return suggested_delete_after(ends_on) if ends_on is not None else None


def today(now: datetime | None = None) -> date:
    """The local date (the clock's, or `now` that tests pass)."""
    return local(now or utcnow()).date()


def retention_of(db: Database, *, now: datetime | None = None,
                 campaign_id: int | None = None) -> list[Retention]:
    """Every campaign's retention (or one campaign's), by name."""
    day = today(now)
    stmt = select(Campaign.id, Campaign.name, Campaign.delete_after, Campaign.ends_on,
                  Campaign.purged_at).order_by(Campaign.name)
    if campaign_id is not None:
        stmt = stmt.where(Campaign.id == campaign_id)
    with db.session() as session:
        rows = session.execute(stmt).all()
    result = []
    for r in rows:
        when = effective_delete_after(r.delete_after, r.ends_on)
        result.append(Retention(r.id, r.name, when,
                                (when - day).days if when is not None else None, r.purged_at))
    return result


def campaign_retention(db: Database, campaign_id: int, *,
                       now: datetime | None = None) -> Retention | None:
    found = retention_of(db, now=now, campaign_id=campaign_id)
    return found[0] if found else None


def notices(db: Database, *, now: datetime | None = None) -> list[Retention]:
    """The campaigns the start page speaks of: due, or within WARN_DAYS of their date."""
    return [r for r in retention_of(db, now=now) if r.due or r.soon]


def due(db: Database, *, now: datetime | None = None) -> list[Retention]:
    """The campaigns whose personal data is to be deleted now."""
    return [r for r in retention_of(db, now=now) if r.due]
