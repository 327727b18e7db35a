"""Tonight's counts for the side panel, and the end-of-evening summary."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Integer, Select, and_, bindparam, case, func, select, true
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


def evening_stats(
    session: Session, campaign_id: int, volunteer_id: int | None, since: datetime
) -> EveningStats:
    """The side panel's figures in one statement (after every save: on a server each
    statement is a round trip). Tonight's part reads tonight's calls by the index on
    (campaign_id, saved_at); the campaign's part is its running totals."""
    row = session.connection().execute(figures_statement(False), {
        "p_campaign_id": campaign_id, "p_volunteer_id": volunteer_id, "p_since": since,
    }).one()
    return figures_from(tuple(row))


def figures_from(row: tuple[Any, ...]) -> EveningStats:
    """EveningStats from a row of `_figures_statement`."""
    (calls, conv_n, rec_n, my_calls, my_conv, my_rec, fu, my_fu,
     t_calls, t_conv, t_rec, t_fu, goal_conv, goal_rec) = row
    return EveningStats(
        mine=Counts(int(my_calls), int(my_conv), int(my_rec), int(my_fu)),
        team=Counts(int(calls), int(conv_n), int(rec_n), int(fu)),
        campaign=Counts(int(t_calls or 0), int(t_conv or 0), int(t_rec or 0), int(t_fu or 0)),
        goal_conversations=goal_conv,
        goal_recruits=goal_rec,
    )


@functools.cache
def figures_statement(bumping: bool) -> Select[Any]:
    """Built once (building a statement costs more than running it); values come as bound
    parameters. `bumping`: the campaign's totals are first increased by this save's
    p_calls, p_conversations, p_recruits and p_follow_ups (PostgreSQL only), so the shared
    totals row is locked only from here to the commit, and the figures read include the
    save and every other committed one."""
    since = bindparam("p_since", type_=Call.saved_at.type)
    campaign_id = bindparam("p_campaign_id", type_=Integer)
    mine = Call.volunteer_id.is_not_distinct_from(bindparam("p_volunteer_id", type_=Integer))
    conv = Call.outcome.in_(_CONV)
    recruit = Call.outcome == Outcome.RECRUITED.value
    tonight = select(
        func.count(Call.id).label("calls"),
        _sum(conv).label("conv"), _sum(recruit).label("rec"),
        _sum(mine).label("my_calls"), _sum(and_(mine, conv)).label("my_conv"),
        _sum(and_(mine, recruit)).label("my_rec"),
    ).where(Call.campaign_id == campaign_id, Call.saved_at >= since).subquery()
    promised = select(
        func.count(FollowUp.id).label("fu"), _sum(mine).label("my_fu"),
    ).join(Call, Call.id == FollowUp.call_id).where(
        Call.campaign_id == campaign_id, Call.saved_at >= since).subquery()
    if not bumping:
        return (
            select(tonight, promised, CallTally.calls, CallTally.conversations,
                   CallTally.recruits, CallTally.follow_ups, Campaign.goal_conversations,
                   Campaign.goal_recruits)
            .select_from(Campaign)
            .outerjoin(CallTally, CallTally.campaign_id == Campaign.id)
            .join(tonight, true()).join(promised, true())
            .where(Campaign.id == campaign_id))
    from sqlalchemy.dialects.postgresql import insert as pg_insert

    names = ("calls", "conversations", "recruits", "follow_ups")
    upsert = pg_insert(CallTally).values(
        campaign_id=campaign_id,
        **{name: bindparam(f"p_{name}", type_=Integer) for name in names})
    totals = upsert.on_conflict_do_update(
        index_elements=[CallTally.campaign_id],
        set_={name: getattr(CallTally, name) + getattr(upsert.excluded, name) for name in names},
    ).returning(*(getattr(CallTally, name) for name in names)).cte("totals")
    return (
        select(tonight, promised, *(totals.c[name] for name in names),
               Campaign.goal_conversations, Campaign.goal_recruits)
        .select_from(Campaign)
        .join(totals, true()).join(tonight, true()).join(promised, true())
        .where(Campaign.id == campaign_id))


def _sum(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


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
