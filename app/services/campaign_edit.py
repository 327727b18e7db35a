"""The organiser's campaign actions from the window: one transaction each, plain values back.

The GUI runs the writes on the task runner's write thread; they take the `Database`, not a
session, so no widget ever holds a session or an ORM object.
"""

from __future__ import annotations

from app.db.database import Database
from app.services.campaigns import (
    CampaignSettings,
    campaign_settings,
    get_or_create_campaign,
    update_campaign,
)
from app.services.demo import create_practice_campaign


def open_practice_campaign(db: Database) -> int:
    """The practice campaign's id, creating it (made-up people only) when missing."""
    with db.transaction() as session:
        return create_practice_campaign(session)[0].id


def create_campaign(db: Database, name: str) -> int:
    """A new campaign with the built-in scripts (or the one of that name): its id."""
    with db.transaction() as session:
        return get_or_create_campaign(session, name.strip()).id


def save_campaign_settings(db: Database, campaign_id: int, settings: CampaignSettings) -> None:
    """Validate and store; a UserError names the first wrong field and nothing changes."""
    with db.transaction() as session:
        update_campaign(session, campaign_id, settings)


def load_campaign_settings(db: Database, campaign_id: int) -> CampaignSettings:
    with db.session() as session:
        return campaign_settings(session, campaign_id)

