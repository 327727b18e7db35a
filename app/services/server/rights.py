"""Checks that let the server refuse, with its own rights, what only an organiser may do."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Campaign


def hold_campaign_for_export(session: Session, campaign_id: int) -> None:
    """Keep the campaign from being deleted until the export's session ends.

    On PostgreSQL any row lock needs the UPDATE right on the table, which a volunteer's login
    lacks on `campaign` (app/services/server/roles.py): its export is refused here, by the
    server, before a row is read (SQLSTATE 42501, shown as `PermissionRefused`). FOR KEY
    SHARE blocks only deleting the campaign, never editing its settings. SQLite has no row
    locks and no roles: there this does nothing.
    """
    session.execute(select(Campaign.id).where(Campaign.id == campaign_id)
                    .with_for_update(read=True, key_share=True))
