"""The one figures service: counts and rates per campaign, target group, volunteer and day.

The dashboard, the Excel export and `ringkvall stats` all read `build_report`, so they can
never disagree. Counting rules (documented in docs/results.md):

- `calls` and `outcomes` count calls; `reached`, `conversations`, `recruited`, `do_not_call`
  and `meeting_signups` count distinct contacts, so a callback followed by a conversation is
  one person reached, and rates stay at or below 100 %.
- `wrong_numbers` counts calls that found a wrong number (each is a different number).
- `contacts` and `still_to_call` describe the list (target group scopes); for a volunteer or a
  day they are the contacts called and 0.
- Days are local calendar days of the machine the report runs on.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, TypeVar

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from app.clock import local, utcnow
from app.db.models import Call, Campaign, Contact, FollowUp, Recruit, TargetGroup, Volunteer
from app.domain.outcomes import CONVERSATIONS, REACHED, Outcome
from app.domain.status import ContactStatus, QueueRank
from app.services.results.questions import QuestionStats, question_stats
from app.services.results.timezone import local_offset

COUNT_KEYS = (
    "contacts", "tried", "calls", "reached", "conversations", "recruited", "follow_ups",
    "meeting_signups", "do_not_call", "wrong_numbers", "still_to_call",
)
_S = TypeVar("_S", bound=Select[*tuple[Any, ...]])

QUEUE_KEYS = (
    "callable_now", "waiting_retry", "callbacks_later", "done", "do_not_call", "no_number",
    "packed",
)


@dataclass(frozen=True)
class ReportFilter:
    """Which calls count: one target group (None = all) and local days from..to inclusive."""

    group_id: int | None = None
    first_day: date | None = None
    last_day: date | None = None


@dataclass(frozen=True)
class Counts:
    contacts: int = 0
    tried: int = 0
    calls: int = 0
    reached: int = 0
    conversations: int = 0
    recruited: int = 0
    follow_ups: int = 0
    meeting_signups: int = 0
    do_not_call: int = 0
    wrong_numbers: int = 0
    still_to_call: int = 0
    talk_seconds: int = 0
    median_talk_seconds: float | None = None
    outcomes: dict[str, int] = field(default_factory=dict)

    @property
    def reached_rate(self) -> float | None:
        """Reached / tried, 0..1."""
        return _ratio(self.reached, self.tried)

    @property
    def conversation_rate(self) -> float | None:
        """Conversations / reached, 0..1."""
        return _ratio(self.conversations, self.reached)

    @property
    def recruited_per_100(self) -> float | None:
        """Recruited per 100 conversations."""
        ratio = _ratio(self.recruited, self.conversations)
        return None if ratio is None else ratio * 100

    def as_dict(self) -> dict[str, object]:
        data: dict[str, object] = {key: getattr(self, key) for key in COUNT_KEYS}
        data.update(
            talk_seconds=self.talk_seconds,
            median_talk_seconds=self.median_talk_seconds,
            reached_rate=self.reached_rate,
            conversation_rate=self.conversation_rate,
            recruited_per_100=self.recruited_per_100,
            outcomes={o.value: self.outcomes.get(o.value, 0) for o in Outcome},
        )
        return data


@dataclass(frozen=True)
class QueueState:
    callable_now: int = 0
    waiting_retry: int = 0
    callbacks_later: int = 0
    done: int = 0
    do_not_call: int = 0
    no_number: int = 0
    packed: int = 0  # out in a calling pack: a volunteer's laptop calls them, nobody here

    def as_dict(self) -> dict[str, int]:
        # Every field, "packed" too: `stats --json` and the dashboard show the same keys.
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True)
class Row:
    """One line of a breakdown: a target group, a volunteer or a day."""

    key: object  # group id, volunteer id (None = unknown), or date
    label: str
    counts: Counts
    queue: QueueState | None = None


@dataclass(frozen=True)
class CampaignInfo:
    id: int
    name: str
    association: str
    starts_on: date | None
    ends_on: date | None
    local_issue: str
    is_practice: bool


@dataclass(frozen=True)
class Report:
    campaign: CampaignInfo
    filter: ReportFilter
    total: Counts
    queue: QueueState
    groups: list[Row]
    volunteers: list[Row]
    days: list[Row]
    questions: list[QuestionStats]
    first_call: datetime | None
    last_call: datetime | None
    made_at: datetime

    def as_dict(self) -> dict[str, object]:
        """The JSON of `ringkvall stats --json`: the totals at the top level, then details."""
        data = self.total.as_dict()
        data["campaign"] = self.campaign.name
        data["association"] = self.campaign.association
        data["queue"] = self.queue.as_dict()
        data["groups"] = {r.label: r.counts.as_dict() | {"queue": _qd(r.queue)}
                          for r in self.groups}
        data["volunteers"] = {r.label: r.counts.as_dict() for r in self.volunteers}
        data["days"] = {str(r.key): r.counts.as_dict() for r in self.days}
        data["questions"] = [q.as_dict() for q in self.questions]
        return data


def _qd(queue: QueueState | None) -> dict[str, int] | None:
    return None if queue is None else queue.as_dict()


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def day_bounds(first_day: date | None, last_day: date | None) -> tuple[datetime | None,
                                                                        datetime | None]:
    """UTC instants for the start of `first_day` and the end of `last_day`, local time."""
    lo = hi = None
    if first_day is not None:
        lo = datetime.combine(first_day, time()).astimezone().astimezone(UTC)
    if last_day is not None:
        hi = datetime.combine(last_day + timedelta(days=1), time()).astimezone().astimezone(UTC)
    return lo, hi


def filtered_calls(stmt: _S, campaign_id: int, flt: ReportFilter) -> _S:
    """Restrict a select over Call to the campaign and the filter."""
    stmt = stmt.where(Call.campaign_id == campaign_id)
    if flt.group_id is not None:
        stmt = stmt.where(Call.target_group_id == flt.group_id)
    lo, hi = day_bounds(flt.first_day, flt.last_day)
    if lo is not None:
        stmt = stmt.where(Call.started_at >= lo)
    if hi is not None:
        stmt = stmt.where(Call.started_at < hi)
    return stmt


class _Tally:
    """Accumulates one scope's counts while the calls stream past."""

    def __init__(self) -> None:
        self.contacts: set[int] = set()
        self.calls = 0
        self.outcomes: Counter[str] = Counter()
        self.reached: set[int] = set()
        self.conversations: set[int] = set()
        self.recruited: set[int] = set()
        self.dnc: set[int] = set()
        self.signups: set[int] = set()
        self.wrong = 0
        self.follow_ups = 0
        self.talk: list[int] = []
        self.list_contacts = 0  # contacts on the list (group scopes)
        self.open = 0

    def add_call(self, contact_id: int, outcome: str, signup: bool, talk: int | None,
                 recruit: bool) -> None:
        self.calls += 1
        self.contacts.add(contact_id)
        self.outcomes[outcome] += 1
        if outcome in REACHED:
            self.reached.add(contact_id)
        if outcome in CONVERSATIONS:
            self.conversations.add(contact_id)
        if outcome == Outcome.RECRUITED or recruit:
            self.recruited.add(contact_id)
        if outcome == Outcome.DO_NOT_CALL:
            self.dnc.add(contact_id)
        if outcome == Outcome.WRONG_NUMBER:
            self.wrong += 1
        if signup:
            self.signups.add(contact_id)
        if talk is not None:
            self.talk.append(talk)

    def counts(self, list_scope: bool) -> Counts:
        return Counts(
            contacts=self.list_contacts if list_scope else len(self.contacts),
            tried=len(self.contacts),
            calls=self.calls,
            reached=len(self.reached),
            conversations=len(self.conversations),
            recruited=len(self.recruited),
            follow_ups=self.follow_ups,
            meeting_signups=len(self.signups),
            do_not_call=len(self.dnc),
            wrong_numbers=self.wrong,
            still_to_call=self.open if list_scope else 0,
            talk_seconds=sum(self.talk),
            median_talk_seconds=float(statistics.median(self.talk)) if self.talk else None,
            outcomes=dict(self.outcomes),
        )


def _talk_seconds(started: datetime, ended: datetime | None) -> int | None:
    if ended is None:
        return None
    seconds = round((ended - started).total_seconds())
    return seconds if seconds >= 0 else None


def campaign_info(campaign: Campaign) -> CampaignInfo:
    return CampaignInfo(campaign.id, campaign.name, campaign.association, campaign.starts_on,
                        campaign.ends_on, campaign.local_issue, campaign.is_practice)


def build_report(session: Session, campaign_id: int, flt: ReportFilter | None = None,
                 *, now: datetime | None = None) -> Report:
    """Every figure of one campaign under `flt` (default: all groups, all days)."""
    builder = ReportBuilder(session, campaign_id, flt, now=now)
    # Core execution (no ORM row processing): this loop sees every call.
    for cid, contact, gid, vid, started, ended, outcome, signup in (
            session.connection().execute(builder.calls_select())):
        builder.add_call(cid, contact, gid, vid, started, ended, outcome, signup)
    return builder.finish()


class ReportBuilder:
    """Counts calls as they are fed in, so the export can count during its one pass.

    `build_report` feeds it from its own query; the Excel export feeds it the calls it is
    writing to the Samtal sheet anyway, which saves reading 100,000 calls twice.
    """

    def __init__(self, session: Session, campaign_id: int, flt: ReportFilter | None = None,
                 *, now: datetime | None = None) -> None:
        self.session = session
        self.campaign_id = campaign_id
        self.flt = flt = flt or ReportFilter()
        self.now = now = now or utcnow()
        campaign = session.get(Campaign, campaign_id)
        if campaign is None:
            raise LookupError(f"campaign {campaign_id} does not exist")
        self.campaign = campaign_info(campaign)
        groups = {g.id: g.name for g in session.scalars(
            select(TargetGroup).where(TargetGroup.campaign_id == campaign_id)
            .order_by(TargetGroup.name))}
        if flt.group_id is not None:
            groups = {k: v for k, v in groups.items() if k == flt.group_id}
        self.groups = groups
        self.total = _Tally()
        self.by_group: dict[int, _Tally] = {gid: _Tally() for gid in groups}
        self.by_volunteer: dict[int | None, _Tally] = defaultdict(_Tally)
        self.by_day: dict[date, _Tally] = defaultdict(_Tally)
        self.queues: dict[int, Counter[str]] = {gid: Counter() for gid in groups}
        self.call_scope: dict[int, tuple[int, int | None, date]] = {}
        self.first_call: datetime | None = None
        self.last_call: datetime | None = None
        self._count_contacts()
        self.recruit_calls = set(session.scalars(
            filtered_calls(select(Recruit.call_id).join(Call, Call.id == Recruit.call_id),
                           campaign_id, flt)))

    def _count_contacts(self) -> None:
        # A running import's people are not counted until it has finished.
        stmt = select(Contact.target_group_id, Contact.status, Contact.queue_rank,
                      Contact.next_call_at).where(Contact.campaign_id == self.campaign_id,
                                                  Contact.status != ContactStatus.IMPORTING.value)
        if self.flt.group_id is not None:
            stmt = stmt.where(Contact.target_group_id == self.flt.group_id)
        for gid, status, rank, next_at in self.session.connection().execute(stmt):
            tally = self.by_group.get(gid)
            if tally is None:
                continue
            tally.list_contacts += 1
            self.total.list_contacts += 1
            if status == ContactStatus.OPEN:
                tally.open += 1
                self.total.open += 1
            self.queues[gid][_queue_key(status, rank, next_at, self.now)] += 1

    def calls_select(self) -> Select[int, int, int, int | None, datetime, datetime | None,
                                     str, bool]:
        """The columns `add_call` takes, in its order, for the filtered calls."""
        return filtered_calls(
            select(Call.id, Call.contact_id, Call.target_group_id, Call.volunteer_id,
                   Call.started_at, Call.ended_at, Call.outcome, Call.meeting_signup),
            self.campaign_id, self.flt)

    def add_call(self, cid: int, contact_id: int, gid: int, vid: int | None,
                 started: datetime, ended: datetime | None, outcome: str,
                 signup: bool) -> None:
        day = (started + local_offset(started)).date()
        talk = _talk_seconds(started, ended)
        recruit = cid in self.recruit_calls
        scopes = [self.total, self.by_volunteer[vid], self.by_day[day]]
        group = self.by_group.get(gid)
        if group is not None:
            scopes.append(group)
        for tally in scopes:
            tally.add_call(contact_id, outcome, bool(signup), talk, recruit)
        self.call_scope[cid] = (gid, vid, day)
        if self.first_call is None or started < self.first_call:
            self.first_call = started
        if self.last_call is None or started > self.last_call:
            self.last_call = started

    def finish(self, questions: list[QuestionStats] | None = None) -> Report:
        session, flt = self.session, self.flt
        _count_follow_ups(session, self.campaign_id, flt, self.call_scope, self.total,
                          self.by_group, self.by_volunteer, self.by_day)
        if questions is None:
            questions = question_stats(session, self.campaign_id, flt)
        names = dict(session.execute(select(Volunteer.id, Volunteer.name)).all())
        return Report(
            campaign=self.campaign,
            filter=flt,
            total=self.total.counts(True),
            queue=_queue_state(sum(self.queues.values(), Counter())),
            groups=[Row(gid, name, self.by_group[gid].counts(True),
                        _queue_state(self.queues[gid])) for gid, name in self.groups.items()],
            volunteers=sorted(
                (Row(vid, names.get(vid, "") if vid is not None else "", t.counts(False))
                 for vid, t in self.by_volunteer.items()),
                key=lambda r: r.label.casefold()),
            days=[Row(day, day.isoformat(), self.by_day[day].counts(False))
                  for day in sorted(self.by_day)],
            questions=questions,
            first_call=self.first_call,
            last_call=self.last_call,
            made_at=self.now,
        )


def _count_follow_ups(
    session: Session, campaign_id: int, flt: ReportFilter,
    call_scope: dict[int, tuple[int, int | None, date]], total: _Tally,
    by_group: dict[int, _Tally], by_volunteer: dict[int | None, _Tally],
    by_day: dict[date, _Tally],
) -> None:
    """A follow-up counts where its call counts; one without a call by its creation day."""
    stmt = (select(FollowUp.call_id, FollowUp.created_at, Contact.target_group_id)
            .join(Contact, Contact.id == FollowUp.contact_id)
            .where(Contact.campaign_id == campaign_id))
    if flt.group_id is not None:
        stmt = stmt.where(Contact.target_group_id == flt.group_id)
    lo, hi = day_bounds(flt.first_day, flt.last_day)
    for call_id, created, gid in session.connection().execute(stmt):
        if call_id is not None:
            scope = call_scope.get(call_id)
            if scope is None:
                continue  # its call is outside the filter
            gid, vid, day = scope
            scopes: list[_Tally] = [total, by_volunteer[vid], by_day[day]]
        else:
            if (lo is not None and created < lo) or (hi is not None and created >= hi):
                continue
            scopes = [total, by_day[local(created).date()]]
        if gid in by_group:
            scopes.append(by_group[gid])
        for tally in scopes:
            tally.follow_ups += 1


def _queue_key(status: str, rank: int, next_at: datetime, now: datetime) -> str:
    if status == ContactStatus.DONE:
        return "done"
    if status == ContactStatus.DNC:
        return "do_not_call"
    if status == ContactStatus.NO_NUMBER:
        return "no_number"
    if status == ContactStatus.PACKED:
        return "packed"
    if next_at <= now:
        return "callable_now"
    return "callbacks_later" if rank == QueueRank.CALLBACK else "waiting_retry"


def _queue_state(counter: Counter[str]) -> QueueState:
    return QueueState(**{f.name: counter.get(f.name, 0) for f in fields(QueueState)})


def sum_counts(items: Iterable[Counts]) -> Counts:
    """Add up counts (for the roll-up); medians cannot be added and are left out."""
    sums: Counter[str] = Counter()
    outcomes: Counter[str] = Counter()
    for counts in items:
        for key in (*COUNT_KEYS, "talk_seconds"):
            sums[key] += int(getattr(counts, key))
        outcomes.update(counts.outcomes)
    return Counts(**{key: sums.get(key, 0) for key in (*COUNT_KEYS, "talk_seconds")},
                  outcomes=dict(outcomes))
