"""The audit trail: who did what to which data, for GDPR accountability."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from app.db.models import AuditEvent


def record(
    session: Session, action: str, *, actor: str = "", entity: str = "",
    entity_id: int | None = None, **detail: Any,
) -> None:
    session.add(
        AuditEvent(action=action, actor=actor, entity=entity, entity_id=entity_id, detail=detail)
    )
