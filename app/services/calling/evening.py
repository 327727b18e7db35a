"""Starting an evening: which campaign, which group, who is calling."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import utcnow
from app.db.models import Campaign, TargetGroup
from app.errors import QT_TRANSLATE_NOOP, UserError
from app.services.campaigns import get_campaign, get_group
from app.services.volunteers import get_or_create_volunteer

if TYPE_CHECKING:
    from app.services.organising.evenings import EveningGoals

# Messages of `ringkvall call` (kept here so they are translated with the calling screen).
NEEDS_WINDOW = QT_TRANSLATE_NOOP(
    "app", "The calling screen needs the window; run 'ringkvall call', not 'python -m app call'")
NEEDS_NAME = QT_TRANSLATE_NOOP("app", "--volunteer needs a name")


@dataclass(frozen=True)
class Evening:
    campaign_id: int
    campaign_name: str
    group_id: int | None  # None: all groups
    group_name: str
    volunteer_id: int
    volunteer_name: str
    started_at: datetime
    notes_enabled: bool
    is_practice: bool
    # The goals of tonight's planned evening (app/services/organising), when there is one:
    # the side panel then measures the team's evening against them.
    planned_goals: EveningGoals | None = None


def resolve_target(
    session: Session, campaign: str | int | None, group: str | int | None = None
) -> tuple[Campaign, TargetGroup | None]:
    """The campaign (by name or id; the only or practice one if not given) and the group."""
    row: Campaign | None
    if isinstance(campaign, int):
        row = session.get(Campaign, campaign)
        if row is None:
            raise UserError(QT_TRANSLATE_NOOP("app", "There is no campaign with id {id}"),
                            id=campaign)
    elif campaign:
        row = get_campaign(session, campaign)
    else:
        real = list(session.scalars(select(Campaign).where(Campaign.is_practice.is_(False))
                                    .order_by(Campaign.name)))
        if len(real) > 1:
            raise UserError(QT_TRANSLATE_NOOP(
                "app", "There are several campaigns; say which one to call for ({names})"),
                names=", ".join(c.name for c in real))
        row = real[0] if real else session.scalars(select(Campaign).limit(1)).first()
        if row is None:
            raise UserError(QT_TRANSLATE_NOOP(
                "app", "There is no campaign to call for yet; create one or start the "
                "practice campaign"))
    target: TargetGroup | None = None
    if isinstance(group, int):
        target = session.get(TargetGroup, group)
        if target is None or target.campaign_id != row.id:
            raise UserError(QT_TRANSLATE_NOOP(
                "app", "Campaign '{campaign}' has no target group with id {id}"),
                campaign=row.name, id=group)
    elif group:
        target = get_group(session, row, group)
    return row, target


def begin_evening(
    session: Session, campaign: str | int | None, group: str | int | None, volunteer: str,
    now: datetime | None = None,
) -> Evening:
    """Check the choices and register the volunteer (in the caller's transaction)."""
    from app.services.organising.evenings import tonights_goals

    row, target = resolve_target(session, campaign, group)
    person = get_or_create_volunteer(session, volunteer)
    return Evening(
        campaign_id=row.id, campaign_name=row.name,
        group_id=target.id if target else None, group_name=target.name if target else "",
        volunteer_id=person.id, volunteer_name=person.name, started_at=now or utcnow(),
        notes_enabled=row.notes_enabled, is_practice=row.is_practice,
        planned_goals=tonights_goals(session, row.id, now),
    )
