"""Campaigns and their target groups: find, create, list."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.models import Campaign, Contact, TargetGroup
from app.errors import QT_TRANSLATE_NOOP, UserError


@dataclass(frozen=True)
class CampaignSummary:
    id: int
    name: str
    association: str
    is_practice: bool
    groups: int
    contacts: int


def find_campaign(session: Session, name: str) -> Campaign | None:
    return session.scalars(select(Campaign).where(Campaign.name == name)).first()


def get_campaign(session: Session, name: str) -> Campaign:
    """The named campaign, or a UserError that lists the ones there are."""
    campaign = find_campaign(session, name)
    if campaign is None:
        names = ", ".join(session.scalars(select(Campaign.name).order_by(Campaign.name))) or "-"
        raise UserError(
            QT_TRANSLATE_NOOP("app", "No campaign named '{name}' (campaigns: {names})"),
            name=name, names=names,
        )
    return campaign


def get_or_create_campaign(session: Session, name: str, **fields: object) -> Campaign:
    campaign = find_campaign(session, name)
    if campaign is None:
        if not name.strip():
            raise UserError(QT_TRANSLATE_NOOP("app", "A campaign needs a name"))
        campaign = Campaign(name=name.strip(), **fields)
        session.add(campaign)
        session.flush()
    return campaign


def find_group(session: Session, campaign: Campaign, name: str) -> TargetGroup | None:
    return session.scalars(
        select(TargetGroup).where(TargetGroup.campaign_id == campaign.id, TargetGroup.name == name)
    ).first()


def get_group(session: Session, campaign: Campaign, name: str) -> TargetGroup:
    group = find_group(session, campaign, name)
    if group is None:
        raise UserError(
            QT_TRANSLATE_NOOP("app", "Campaign '{campaign}' has no target group named '{name}'"),
            campaign=campaign.name, name=name,
        )
    return group


def get_or_create_group(session: Session, campaign: Campaign, name: str) -> TargetGroup:
    group = find_group(session, campaign, name)
    if group is None:
        if not name.strip():
            raise UserError(QT_TRANSLATE_NOOP("app", "A target group needs a name"))
        group = TargetGroup(campaign_id=campaign.id, name=name.strip())
        session.add(group)
        session.flush()
    return group


def list_campaigns(session: Session) -> list[CampaignSummary]:
    group_counts: dict[int, int] = {
        campaign_id: count
        for campaign_id, count in session.execute(
            select(TargetGroup.campaign_id, func.count()).group_by(TargetGroup.campaign_id)
        )
    }
    contact_counts: dict[int, int] = {
        campaign_id: count
        for campaign_id, count in session.execute(
            select(Contact.campaign_id, func.count()).group_by(Contact.campaign_id)
        )
    }
    return [
        CampaignSummary(
            c.id, c.name, c.association, c.is_practice,
            group_counts.get(c.id, 0), contact_counts.get(c.id, 0),
        )
        for c in session.scalars(select(Campaign).order_by(Campaign.is_practice, Campaign.name))
    ]


def list_groups(session: Session, campaign_id: int) -> list[TargetGroup]:
    return list(
        session.scalars(
            select(TargetGroup).where(TargetGroup.campaign_id == campaign_id)
            .order_by(TargetGroup.name)
        )
    )


def is_empty(session: Session) -> bool:
    return session.scalar(select(func.count()).select_from(Campaign)) == 0
