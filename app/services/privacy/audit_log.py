"""Reading the audit trail (`ringkvall audit`, the window's Logg page)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, or_, select

from app.db.database import Database
from app.db.models import AuditEvent, Campaign
from app.services.audit import CAMPAIGN_KEY, OS_USER_KEY
from app.services.campaigns import get_campaign

DEFAULT_LIMIT = 5_000  # the newest entries; a screen or a terminal shows no more usefully


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    action: str
    actor: str  # the volunteer's or organiser's name, when the action knew it
    os_user: str  # the computer's user
    campaign: str  # the campaign's name, "" for actions on no campaign (do-not-call list)
    entity: str
    entity_id: int | None
    detail: dict[str, Any]  # the rest: counts, level, file name

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "at": self.at.isoformat(timespec="seconds"),
                "action": self.action, "actor": self.actor, "os_user": self.os_user,
                "campaign": self.campaign, "entity": self.entity, "entity_id": self.entity_id,
                "detail": self.detail}

    def summary(self) -> str:
        """The details on one line, `key=value` in the order they were recorded."""
        return ", ".join(f"{k}={v}" for k, v in self.detail.items())


def audit_entries(db: Database, campaign: str | None = None,
                  limit: int = DEFAULT_LIMIT) -> list[AuditEntry]:
    """The trail, newest first; only one campaign's entries when `campaign` names one (a
    UserError when there is no such campaign)."""
    with db.session() as session:
        names = {cid: name for cid, name in session.execute(select(Campaign.id, Campaign.name))}
        query = select(AuditEvent).order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
        if campaign is not None:
            cid = get_campaign(session, campaign).id
            # JSON paths: json_extract on SQLite, ->> on PostgreSQL.
            query = query.where(or_(
                AuditEvent.detail[CAMPAIGN_KEY].as_integer() == cid,
                and_(AuditEvent.entity == "campaign", AuditEvent.entity_id == cid)))
        rows = session.scalars(query.limit(limit)).all()
        return [_entry(row, names) for row in rows]


def _entry(row: AuditEvent, names: dict[int, str]) -> AuditEntry:
    detail = dict(row.detail or {})
    os_user = str(detail.pop(OS_USER_KEY, "") or "")
    cid = detail.pop(CAMPAIGN_KEY, None)
    if cid is None and row.entity == "campaign":
        cid = row.entity_id
    campaign = names.get(cid, f"#{cid}") if isinstance(cid, int) else ""
    return AuditEntry(row.id, row.at, row.action, row.actor, os_user, campaign, row.entity,
                      row.entity_id, detail)
