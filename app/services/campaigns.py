"""Campaigns and their target groups: find, create, list."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.models import Campaign, Contact, TargetGroup
from app.domain.status import ContactStatus
from app.errors import QT_TRANSLATE_NOOP, UserError
from app.services import audit
from app.services.lengths import check_fits


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
        check_fits(name.strip(), Campaign.name)
        campaign = Campaign(name=name.strip(), **fields)
        session.add(campaign)
        session.flush()
        # A new campaign can be called at once: it starts with the built-in scripts.
        from app.services.scripts import install_builtin_scripts

        install_builtin_scripts(session, campaign)
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
        check_fits(name.strip(), TargetGroup.name)
        group = TargetGroup(campaign_id=campaign.id, name=name.strip())
        session.add(group)
        session.flush()
    return group


def list_campaigns(session: Session) -> list[CampaignSummary]:
    campaign_of: dict[int, int] = {
        group_id: campaign_id for group_id, campaign_id
        in session.execute(select(TargetGroup.id, TargetGroup.campaign_id))}
    group_counts: dict[int, int] = {}
    for campaign_id in campaign_of.values():
        group_counts[campaign_id] = group_counts.get(campaign_id, 0) + 1
    contact_counts: dict[int, int] = {}
    # Counted per target group, from the (target group, status) index alone: the start page
    # asks this each time it is shown, and reading every contact row froze it for a fifth
    # of a second at a million people. A running import's people are not counted yet.
    for group_id, count in session.execute(
            select(Contact.target_group_id, func.count())
            .where(Contact.status != ContactStatus.IMPORTING.value)
            .group_by(Contact.target_group_id)):
        campaign_id = campaign_of[group_id]
        contact_counts[campaign_id] = contact_counts.get(campaign_id, 0) + count
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


@dataclass
class CampaignSettings:
    """What an organiser edits about a campaign (the campaign settings dialog)."""

    name: str
    association: str = ""
    starts_on: date | None = None
    ends_on: date | None = None
    local_issue: str = ""
    local_message: str = ""
    meeting_title: str = ""
    meeting_at: datetime | None = None
    meeting_link: str = ""
    meeting_guest: str = ""
    retry_wait_minutes: int = 120
    max_attempts: int = 3
    weekday_hours: str = "09:00-20:00"
    weekend_hours: str = "10:00-18:00"
    notes_enabled: bool = True
    goal_conversations: int | None = None
    goal_recruits: int | None = None
    delete_after: date | None = None


_SETTINGS_FIELDS = tuple(f.name for f in fields(CampaignSettings))

RETENTION_MONTHS = 3


def suggested_delete_after(ends_on: date) -> date:
    """When a campaign's personal data should be deleted unless the organiser says otherwise:
    three months after it ends (kept no longer than needed, GDPR art. 5), on the month's last
    day when that month is shorter."""
    months = ends_on.month - 1 + RETENTION_MONTHS
    year, month = ends_on.year + months // 12, months % 12 + 1
    last_day = (date(year + month // 12, month % 12 + 1, 1) - date(year, month, 1)).days
    return date(year, month, min(ends_on.day, last_day))


def campaign_settings(session: Session, campaign_id: int) -> CampaignSettings:
    campaign = session.get_one(Campaign, campaign_id)
    return CampaignSettings(**{name: getattr(campaign, name) for name in _SETTINGS_FIELDS})


def update_campaign(session: Session, campaign_id: int, settings: CampaignSettings) -> None:
    """Validate and store; a UserError names the first field that is wrong, nothing changes."""
    name = settings.name.strip()
    if not name:
        raise UserError(QT_TRANSLATE_NOOP("app", "A campaign needs a name"))
    clash = find_campaign(session, name)
    if clash is not None and clash.id != campaign_id:
        raise UserError(QT_TRANSLATE_NOOP("app", "There is already a campaign named '{name}'"),
                        name=name)
    if settings.starts_on and settings.ends_on and settings.ends_on < settings.starts_on:
        raise UserError(QT_TRANSLATE_NOOP("app", "The campaign ends before it starts"))
    if not 1 <= settings.max_attempts <= 20:
        raise UserError(QT_TRANSLATE_NOOP("app", "Attempts per contact must be 1 to 20"))
    if not 0 <= settings.retry_wait_minutes <= 60 * 24 * 14:
        raise UserError(QT_TRANSLATE_NOOP("app", "The wait before a retry must be 0 to 14 days"))
    for hours in (settings.weekday_hours, settings.weekend_hours):
        check_hours(hours)
    for goal in (settings.goal_conversations, settings.goal_recruits):
        if goal is not None and goal < 0:
            raise UserError(QT_TRANSLATE_NOOP("app", "A goal cannot be negative"))
    for field_name in _SETTINGS_FIELDS:
        value = getattr(settings, field_name)
        if isinstance(value, str):
            check_fits(value, getattr(Campaign, field_name))
    campaign = session.get_one(Campaign, campaign_id)
    for field_name in _SETTINGS_FIELDS:
        setattr(campaign, field_name, getattr(settings, field_name))
    campaign.name = name
    audit.record(session, "campaign_updated", entity="campaign", entity_id=campaign_id)
    session.flush()


def check_hours(text: str) -> None:
    """Raise a UserError unless `text` is like 09:00-20:00 (24:00 allowed as the end)."""
    from app.services.calling.hours import parse_hours

    parse_hours(text)
