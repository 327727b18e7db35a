"""What the window shows in lists and headings, read in one short session each.

Widgets never open sessions or build queries; they call these and get plain values back.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.db.database import Database
from app.db.models import Campaign
from app.services.campaigns import CampaignSummary, is_empty, list_campaigns, list_groups
from app.services.volunteers import list_volunteers


@dataclass(frozen=True)
class GroupChoice:
    id: int
    name: str


def campaign_summaries(db: Database) -> list[CampaignSummary]:
    with db.session() as session:
        return list_campaigns(session)


def database_is_empty(db: Database) -> bool:
    with db.session() as session:
        return is_empty(session)


def campaign_name(db: Database, campaign_id: int) -> str | None:
    """The campaign's name; None when it no longer exists."""
    with db.session() as session:
        campaign = session.get(Campaign, campaign_id)
        return campaign.name if campaign is not None else None


def group_choices(db: Database, campaign_id: int) -> list[GroupChoice]:
    with db.session() as session:
        return [GroupChoice(g.id, g.name) for g in list_groups(session, campaign_id)]


def volunteer_names(db: Database) -> list[str]:
    with db.session() as session:
        return list_volunteers(session)
