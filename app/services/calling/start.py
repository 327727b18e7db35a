"""Starting an evening from the window: one transaction, an `Evening` (plain values) back."""

from __future__ import annotations

from app.db.database import Database
from app.services.calling.evening import Evening, begin_evening, resolve_target
from app.services.demo import create_practice_campaign


def start_evening(
    db: Database, campaign: str | int | None, group: str | int | None, volunteer: str,
    *, practice: bool = False,
) -> Evening:
    """Check the choices and register the volunteer. With `practice` the evening is on the
    practice campaign, created first when missing (in the same transaction)."""
    with db.transaction() as session:
        if practice:
            campaign = create_practice_campaign(session)[0].id
        return begin_evening(session, campaign, group, volunteer)


def target_campaign_id(db: Database, campaign: str | int | None,
                       group: str | int | None = None) -> int:
    """The campaign `ringkvall call` means (a UserError when there is none or it is unclear)."""
    with db.session() as session:
        return resolve_target(session, campaign, group)[0].id
