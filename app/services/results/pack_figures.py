"""Where calls came from: the figures of each calling pack of a campaign.

Counted by the same rules as the rest of the figures (figures.py): calls and flagged calls
count calls; called, conversations, recruits and do-not-call count distinct people, so a pack
whose volunteer called someone back and then held the conversation counts one conversation.
The dashboard's pack table and the export's pack sheet read this, and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Integer, case, distinct, func, literal, or_, select
from sqlalchemy.orm import Session

from app.db.database import Database
from app.db.models import Call, FollowUp, Pack, PackAssignment, PackMerge, Recruit, Volunteer
from app.domain.outcomes import CONVERSATIONS, Outcome
from app.services.packs import PACK_FLAGS


@dataclass(frozen=True)
class PackFigures:
    pack_id: str
    volunteer: str  # the name the pack was made for
    people: int  # assigned to the pack (released ones too)
    called: int  # distinct people with a call from the pack
    calls: int
    conversations: int
    recruits: int
    follow_ups: int
    do_not_call: int
    flagged: int  # calls merged from a revoked or expired pack, to review
    returned_at: datetime | None  # the last merge
    volunteer_id: int | None = None  # the volunteer of that name, if one has called

    @property
    def short_id(self) -> str:
        """The first block of the pack's id: enough to tell a campaign's packs apart."""
        return self.pack_id.split("-", 1)[0]


def pack_figures(session: Session, campaign_id: int) -> list[PackFigures]:
    """Every pack of the campaign, oldest first (then by name), in one statement: each count
    is a grouped subquery joined to the pack, so the number of packs adds no queries."""
    # Each subquery reads this campaign's packs only (the dashboard asks every half minute).
    follow_ups = (select(FollowUp.call_id, func.count().label("n"))
                  .join(Call, Call.id == FollowUp.call_id)
                  .where(Call.campaign_id == campaign_id, Call.pack_id.is_not(None))
                  .group_by(FollowUp.call_id).subquery())
    conversation = [o.value for o in CONVERSATIONS]
    calls = (
        select(
            Call.pack_id,
            func.count().label("calls"),
            func.count(distinct(Call.contact_id)).label("called"),
            func.count(distinct(case((Call.outcome.in_(conversation), Call.contact_id))))
            .label("conversations"),
            func.count(distinct(case(
                (or_(Call.outcome == Outcome.RECRUITED.value, Recruit.id.is_not(None)),
                 Call.contact_id)))).label("recruits"),
            func.count(distinct(case((Call.outcome == Outcome.DO_NOT_CALL.value,
                                      Call.contact_id)))).label("do_not_call"),
            func.sum(case((Call.flag.in_(PACK_FLAGS), 1), else_=0)).label("flagged"),
            func.sum(func.coalesce(follow_ups.c.n, 0)).label("follow_ups"),
        )
        .outerjoin(Recruit, Recruit.call_id == Call.id)
        .outerjoin(follow_ups, follow_ups.c.call_id == Call.id)
        .where(Call.campaign_id == campaign_id, Call.pack_id.is_not(None))
        .group_by(Call.pack_id).subquery())
    people = (select(PackAssignment.pack_id, func.count().label("n"))
              .join(Pack, Pack.id == PackAssignment.pack_id)
              .where(Pack.campaign_id == campaign_id)
              .group_by(PackAssignment.pack_id).subquery())
    merges = (select(PackMerge.pack_id, func.max(PackMerge.merged_at).label("at"))
              .join(Pack, Pack.id == PackMerge.pack_id)
              .where(Pack.campaign_id == campaign_id)
              .group_by(PackMerge.pack_id).subquery())

    def zero(column: ColumnElement[Any]) -> ColumnElement[int]:
        return func.coalesce(column, literal(0, Integer))

    rows = session.execute(
        select(Pack.id, Pack.volunteer, Volunteer.id, zero(people.c.n), zero(calls.c.called),
               zero(calls.c.calls), zero(calls.c.conversations), zero(calls.c.recruits),
               zero(calls.c.follow_ups), zero(calls.c.do_not_call), zero(calls.c.flagged),
               merges.c.at)
        .outerjoin(people, people.c.pack_id == Pack.id)
        .outerjoin(calls, calls.c.pack_id == Pack.id)
        .outerjoin(merges, merges.c.pack_id == Pack.id)
        .outerjoin(Volunteer, Volunteer.name == Pack.volunteer)
        .where(Pack.campaign_id == campaign_id)
        .order_by(Pack.created_at, Pack.volunteer, Pack.id)).all()
    return [PackFigures(pack_id=pack_id, volunteer=volunteer, people=int(n_people),
                        called=int(called), calls=int(n_calls),
                        conversations=int(conversations), recruits=int(recruits),
                        follow_ups=int(n_follow_ups), do_not_call=int(dnc),
                        flagged=int(flagged), returned_at=returned_at,
                        volunteer_id=volunteer_id)
            for (pack_id, volunteer, volunteer_id, n_people, called, n_calls, conversations,
                 recruits, n_follow_ups, dnc, flagged, returned_at) in rows]


def campaign_pack_figures(db: Database, campaign_id: int) -> list[PackFigures]:
    """`pack_figures` in a session of its own (the dashboard, on a worker thread)."""
    with db.session() as session:
        return pack_figures(session, campaign_id)
