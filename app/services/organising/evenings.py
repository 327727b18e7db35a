"""Planned calling evenings: add, change, list, sign volunteers up, and find tonight's.

An evening's date and times are wall-clock times in Sweden as the organiser types them; the
invitation and the calendar file show them so."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from urllib.parse import urlsplit

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.clock import utcnow
from app.db.database import Database
from app.db.models import Campaign, TargetGroup, Volunteer
from app.db.models_organising import CallingEvening, CallingEveningGroup, EveningSignup
from app.errors import QT_TRANSLATE_NOOP, UserError
from app.services.campaigns import get_campaign, get_group
from app.services.lengths import check_fits
from app.services.volunteers import get_or_create_volunteer

_GOAL_MAX = 100_000


@dataclass(frozen=True)
class EveningGoals:
    """What the team aims for on one evening (None: no goal)."""

    calls: int | None = None
    conversations: int | None = None
    recruits: int | None = None

    def __bool__(self) -> bool:
        return any((self.calls, self.conversations, self.recruits))


@dataclass(frozen=True)
class EveningInput:
    day: date
    starts: time
    ends: time
    place: str = ""
    link: str = ""
    notes: str = ""
    groups: tuple[str, ...] = ()  # target group names
    goals: EveningGoals = EveningGoals()


@dataclass(frozen=True)
class Signup:
    volunteer: str
    signed_up_at: datetime
    recorded_by: str  # "" when the volunteer signed up themselves


@dataclass(frozen=True)
class EveningInfo:
    id: int
    campaign_id: int
    campaign: str
    association: str
    day: date
    starts: time
    ends: time
    place: str
    link: str
    notes: str
    groups: tuple[str, ...]
    goals: EveningGoals
    uid: str
    signups: tuple[Signup, ...]

    @property
    def volunteers(self) -> tuple[str, ...]:
        return tuple(s.volunteer for s in self.signups)


# --- checking what was typed ------------------------------------------------------------------

def parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(QT_TRANSLATE_NOOP("app", "'{text}' is not a date like 2026-12-03"),
                        text=text) from None


def parse_clock(text: str) -> time:
    value = text.strip()
    hours, sep, minutes = value.partition(":")
    if (sep and hours.isdigit() and minutes.isdigit() and len(minutes) == 2
            and int(hours) < 24 and int(minutes) < 60):
        return time(int(hours), int(minutes))
    raise UserError(QT_TRANSLATE_NOOP("app", "'{text}' is not a time like 18:30"), text=text)


def check_link(link: str) -> str:
    """An http(s) address or nothing: the link goes into invitations people click."""
    value = link.strip()
    if not value:
        return ""
    parts = urlsplit(value)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or " " in value:
        raise UserError(QT_TRANSLATE_NOOP(
            "app", "The link '{link}' is not a web address starting with https:// or http://"),
            link=value)
    return value


def _check(data: EveningInput) -> None:
    if data.ends <= data.starts:
        raise UserError(QT_TRANSLATE_NOOP(
            "app", "The evening ends ({end}) before it starts ({start})"),
            start=data.starts.strftime("%H:%M"), end=data.ends.strftime("%H:%M"))
    for goal in (data.goals.calls, data.goals.conversations, data.goals.recruits):
        if goal is not None and not 0 <= goal <= _GOAL_MAX:
            raise UserError(QT_TRANSLATE_NOOP(
                "app", "A goal for the evening must be a number from 0 to {max} ({goal} given)"),
                max=_GOAL_MAX, goal=goal)
    check_link(data.link)
    check_fits(data.place.strip(), CallingEvening.place)
    check_fits(data.link.strip(), CallingEvening.link)


# --- reading ------------------------------------------------------------------------------------

def _campaign(session: Session, campaign: str | int) -> Campaign:
    if isinstance(campaign, int):
        row = session.get(Campaign, campaign)
        if row is None:
            raise UserError(QT_TRANSLATE_NOOP("app", "There is no campaign with id {id}"),
                            id=campaign)
        return row
    return get_campaign(session, campaign)


def _row(session: Session, evening_id: int) -> CallingEvening:
    row = session.get(CallingEvening, evening_id)
    if row is None:
        raise UserError(QT_TRANSLATE_NOOP("app", "There is no calling evening with id {id}"),
                        id=evening_id)
    return row


def _infos(session: Session, rows: list[CallingEvening]) -> list[EveningInfo]:
    if not rows:
        return []
    ids = [r.id for r in rows]
    groups: dict[int, list[str]] = {i: [] for i in ids}
    for evening_id, name in session.execute(
            select(CallingEveningGroup.evening_id, TargetGroup.name)
            .join(TargetGroup, TargetGroup.id == CallingEveningGroup.target_group_id)
            .where(CallingEveningGroup.evening_id.in_(ids)).order_by(TargetGroup.name)):
        groups[evening_id].append(name)
    signups: dict[int, list[Signup]] = {i: [] for i in ids}
    for evening_id, name, at, by in session.execute(
            select(EveningSignup.evening_id, Volunteer.name, EveningSignup.signed_up_at,
                   EveningSignup.recorded_by)
            .join(Volunteer, Volunteer.id == EveningSignup.volunteer_id)
            .where(EveningSignup.evening_id.in_(ids))
            .order_by(EveningSignup.signed_up_at, EveningSignup.id)):
        signups[evening_id].append(Signup(name, at, by))
    campaigns = {c.id: c for c in session.scalars(
        select(Campaign).where(Campaign.id.in_({r.campaign_id for r in rows})))}
    return [EveningInfo(
        id=r.id, campaign_id=r.campaign_id, campaign=campaigns[r.campaign_id].name,
        association=campaigns[r.campaign_id].association, day=r.day, starts=r.starts,
        ends=r.ends, place=r.place, link=r.link, notes=r.notes, groups=tuple(groups[r.id]),
        goals=EveningGoals(r.goal_calls, r.goal_conversations, r.goal_recruits), uid=r.uid,
        signups=tuple(signups[r.id])) for r in rows]


def _ordered(session: Session, campaign_id: int) -> list[CallingEvening]:
    return list(session.scalars(
        select(CallingEvening).where(CallingEvening.campaign_id == campaign_id)
        .order_by(CallingEvening.day, CallingEvening.starts, CallingEvening.id)))


def list_evenings(db: Database, campaign: str | int) -> list[EveningInfo]:
    """The campaign's evenings, earliest first."""
    with db.session() as session:
        return _infos(session, _ordered(session, _campaign(session, campaign).id))


def get_evening(db: Database, evening_id: int) -> EveningInfo:
    with db.session() as session:
        return _infos(session, [_row(session, evening_id)])[0]


def tonights_evening_in(session: Session, campaign_id: int,
                        now: datetime | None = None) -> EveningInfo | None:
    """Today's evening (local date): the first that has not ended yet, else the day's last."""
    local = (now or utcnow()).astimezone()
    rows = list(session.scalars(
        select(CallingEvening).where(CallingEvening.campaign_id == campaign_id,
                                     CallingEvening.day == local.date())
        .order_by(CallingEvening.starts, CallingEvening.id)))
    if not rows:
        return None
    clock = local.time().replace(tzinfo=None)
    current = next((r for r in rows if r.ends > clock), rows[-1])
    return _infos(session, [current])[0]


def tonights_goals(session: Session, campaign_id: int,
                   now: datetime | None = None) -> EveningGoals | None:
    """The goals of tonight's evening, if one is planned with goals (for the calling screen).

    A volunteer's login on a server that was set up before evenings existed may not read
    the table: no goals then, rather than no calling."""
    if not _may_read(session):
        return None
    local = (now or utcnow()).astimezone()
    rows = session.execute(
        select(CallingEvening.ends, CallingEvening.goal_calls,
               CallingEvening.goal_conversations, CallingEvening.goal_recruits)
        .where(CallingEvening.campaign_id == campaign_id, CallingEvening.day == local.date())
        .order_by(CallingEvening.starts, CallingEvening.id)).all()
    if not rows:
        return None
    clock = local.time().replace(tzinfo=None)
    _ends, *goals = next((r for r in rows if r[0] > clock), rows[-1])
    found = EveningGoals(*goals)
    return found if found else None


def _may_read(session: Session) -> bool:
    """False for a login on a server whose rights were set up before evenings existed."""
    connection = session.connection()
    if connection.dialect.name != "postgresql":
        return True
    return bool(connection.exec_driver_sql(
        "SELECT has_table_privilege(current_user, 'calling_evening', 'SELECT') AND "
        "has_table_privilege(current_user, 'evening_signup', 'SELECT')").scalar())


def tonights_evening(db: Database, campaign: str | int,
                     now: datetime | None = None) -> EveningInfo | None:
    """Tonight's evening for the start page (None also when this login may not read it)."""
    with db.session() as session:
        owner = _campaign(session, campaign)
        if not _may_read(session):
            return None
        return tonights_evening_in(session, owner.id, now)


@dataclass(frozen=True)
class Planner:
    """What the evening planner shows: the evenings, and the choices for its dialogs."""

    campaign: str
    evenings: tuple[EveningInfo, ...]
    groups: tuple[str, ...]
    volunteers: tuple[str, ...]


def planner(db: Database, campaign_id: int) -> Planner:
    with db.session() as session:
        owner = _campaign(session, campaign_id)
        groups = session.scalars(select(TargetGroup.name).where(
            TargetGroup.campaign_id == owner.id).order_by(TargetGroup.name))
        volunteers = session.scalars(select(Volunteer.name).order_by(Volunteer.name))
        return Planner(owner.name, tuple(_infos(session, _ordered(session, owner.id))),
                       tuple(groups), tuple(volunteers))


# --- writing ------------------------------------------------------------------------------------

def _apply(session: Session, row: CallingEvening, campaign: Campaign, data: EveningInput) -> None:
    _check(data)
    groups = [get_group(session, campaign, name) for name in dict.fromkeys(data.groups)]
    row.day, row.starts, row.ends = data.day, data.starts, data.ends
    row.place, row.link = data.place.strip(), check_link(data.link)
    row.notes = data.notes.strip()
    row.goal_calls = data.goals.calls
    row.goal_conversations = data.goals.conversations
    row.goal_recruits = data.goals.recruits
    session.flush()
    session.execute(delete(CallingEveningGroup).where(CallingEveningGroup.evening_id == row.id))
    for group in groups:
        session.add(CallingEveningGroup(evening_id=row.id, target_group_id=group.id))
    session.flush()


def add_evening(db: Database, campaign: str | int, data: EveningInput) -> EveningInfo:
    import uuid

    with db.transaction() as session:
        owner = _campaign(session, campaign)
        _check(data)  # before anything is added
        row = CallingEvening(campaign_id=owner.id, day=data.day, starts=data.starts,
                             ends=data.ends, uid=str(uuid.uuid4()))
        session.add(row)
        session.flush()
        _apply(session, row, owner, data)
        return _infos(session, [row])[0]


def update_evening(db: Database, evening_id: int, data: EveningInput) -> EveningInfo:
    with db.transaction() as session:
        row = _row(session, evening_id)
        _apply(session, row, session.get_one(Campaign, row.campaign_id), data)
        return _infos(session, [row])[0]


def delete_evening(db: Database, evening_id: int) -> None:
    with db.transaction() as session:
        session.delete(_row(session, evening_id))


def _known_volunteer(session: Session, name: str) -> Volunteer:
    clean = " ".join(name.split())
    row = session.scalars(select(Volunteer).where(Volunteer.name == clean)).first()
    if row is None:
        names = ", ".join(session.scalars(select(Volunteer.name).order_by(Volunteer.name)))
        raise UserError(QT_TRANSLATE_NOOP(
            "app", "There is no volunteer named '{name}' (volunteers: {names})"),
            name=clean, names=names or "-")
    return row


def sign_up(db: Database, evening_id: int, volunteer: str, *, recorded_by: str = "",
            create: bool = True, now: datetime | None = None) -> EveningInfo:
    """Sign a volunteer up (again is fine: nothing changes). `create`: a name not yet known
    becomes a new volunteer; otherwise it is refused."""
    with db.transaction() as session:
        row = _row(session, evening_id)
        person = (get_or_create_volunteer(session, volunteer) if create
                  else _known_volunteer(session, volunteer))
        exists = session.scalars(select(EveningSignup.id).where(
            EveningSignup.evening_id == row.id, EveningSignup.volunteer_id == person.id)).first()
        if exists is None:
            check_fits(recorded_by.strip(), EveningSignup.recorded_by)
            session.add(EveningSignup(evening_id=row.id, volunteer_id=person.id,
                                      recorded_by=recorded_by.strip(),
                                      signed_up_at=now or utcnow()))
            session.flush()
        return _infos(session, [row])[0]


def cancel_signup(db: Database, evening_id: int, volunteer: str) -> EveningInfo:
    with db.transaction() as session:
        row = _row(session, evening_id)
        person = _known_volunteer(session, volunteer)
        session.execute(delete(EveningSignup).where(
            EveningSignup.evening_id == row.id, EveningSignup.volunteer_id == person.id))
        return _infos(session, [row])[0]
