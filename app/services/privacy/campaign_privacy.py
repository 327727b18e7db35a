"""The campaign settings' privacy part: "answers without a name", saved with the rest of the
settings in one transaction."""

from __future__ import annotations

from sqlalchemy import select

from app.db.database import Database
from app.db.models import Campaign
from app.services.campaigns import CampaignSettings, update_campaign
from app.services.privacy.anonymous_answers import set_anonymous_answers


def load_anonymous_answers(db: Database, campaign_id: int) -> bool:
    with db.session() as session:
        return bool(session.scalar(
            select(Campaign.anonymous_answers).where(Campaign.id == campaign_id)))


def save_settings_and_privacy(db: Database, campaign_id: int, settings: CampaignSettings,
                              anonymous_answers: bool) -> None:
    """Validate and store the settings and the switch; a UserError names the first wrong
    field and nothing changes."""
    with db.transaction() as session:
        update_campaign(session, campaign_id, settings)
        set_anonymous_answers(session, campaign_id, anonymous_answers)
