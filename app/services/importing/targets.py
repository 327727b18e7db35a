"""Where a list can go: the campaign's name and its target groups, for the wizard."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.db.models import Campaign
from app.errors import QT_TRANSLATE_NOOP, UserError
from app.services.campaigns import list_groups


@dataclass(frozen=True)
class ImportTargets:
    campaign_name: str
    group_names: list[str]


def import_targets(session: Session, campaign_id: int) -> ImportTargets:
    campaign = session.get(Campaign, campaign_id)
    if campaign is None:
        raise UserError(QT_TRANSLATE_NOOP("app", "The campaign no longer exists"))
    return ImportTargets(campaign.name, [g.name for g in list_groups(session, campaign_id)])
