"""Tonight's counts for the side panel, and the end-of-evening summary."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from app.db.models import Call, CallTally, Campaign, FollowUp
from app.domain.outcomes import CONVERSATIONS, Outcome


@dataclass(frozen=True)
class Counts:
    calls: int = 0
    conversations: int = 0  # conversation or recruited
    recruits: int = 0
    follow_ups: int = 0


@dataclass(frozen=True)
class EveningStats:
    mine: Counts
    team: Counts  # everyone, this volunteer included
    campaign: Counts  # the whole campaign so far, for the goals
    goal_conversations: int | None
    goal_recruits: int | None


@dataclass(frozen=True)
class Summary:
    counts: Counts
    by_outcome: dict[str, int] = field(default_factory=dict)
    first_at: datetime | None = None
    last_at: datetime | None = None


_CONV = [o.value for o in CONVERSATIONS]


def _counts(session: Session, campaign_id: int, since: datetime | None,
            volunteer_id: int | None = None, only_volunteer: bool = False) -> Counts:
    query = select(
        func.count(Call.id),
        func.coalesce(func.sum(case((Call.outcome.in_(_CONV), 1), else_=0)), 0),
        func.coalesce(func.sum(case((Call.outcome == Outcome.RECRUITED.value, 1), else_=0)), 0),
    ).where(Call.campaign_id == campaign_id)
    follow = select(func.count(FollowUp.id)).join(Call, Call.id == FollowUp.call_id).where(
        Call.campaign_id == campaign_id)
    if since is not None:
        query = query.where(Call.saved_at >= since)
        follow = follow.where(Call.saved_at >= since)
    if only_volunteer:
        query = query.where(Call.volunteer_id == volunteer_id)
        follow = follow.where(Call.volunteer_id == volunteer_id)
    calls, conversations, recruits = session.execute(query).one()
    return Counts(int(calls), int(conversations), int(recruits),
                  int(session.scalar(follow) or 0))


def _totals(session: Session, campaign_id: int) -> Counts:
    """The campaign so far, from its running totals (kept by save and undo): the same cost
    with a hundred calls or a million."""
    row = session.execute(
        select(CallTally.calls, CallTally.conversations, CallTally.recruits,
               CallTally.follow_ups).where(CallTally.campaign_id == campaign_id)
    ).first()
    return Counts(*(int(v) for v in row)) if row is not None else Counts()


def evening_stats(
    session: Session, campaign_id: int, volunteer_id: int | None, since: datetime
) -> EveningStats:
    campaign = session.get(Campaign, campaign_id)
    assert campaign is not None
    return EveningStats(
        mine=_counts(session, campaign_id, since, volunteer_id, only_volunteer=True),
        team=_counts(session, campaign_id, since),
        campaign=_totals(session, campaign_id),
        goal_conversations=campaign.goal_conversations,
        goal_recruits=campaign.goal_recruits,
    )


def session_summary(
    session: Session, campaign_id: int, volunteer_id: int | None, since: datetime
) -> Summary:
    """What this volunteer did since `since` (the start of their evening)."""
    rows = session.execute(
        select(Call.outcome, func.count(), func.min(Call.saved_at), func.max(Call.saved_at))
        .where(Call.campaign_id == campaign_id, Call.volunteer_id == volunteer_id,
               Call.saved_at >= since)
        .group_by(Call.outcome)
    ).all()
    firsts = [r[2] for r in rows if r[2] is not None]
    lasts = [r[3] for r in rows if r[3] is not None]
    return Summary(
        counts=_counts(session, campaign_id, since, volunteer_id, only_volunteer=True),
        by_outcome={str(o): int(n) for o, n, _f, _l in rows},
        first_at=min(firsts) if firsts else None,
        last_at=max(lasts) if lasts else None,
    )
