"""The organiser's inbox: what was promised or must be passed on after the calls, in one list.

Five kinds, each with an id that stays the same from run to run (the kind's letter and the
row's id):

- `f12` follow-up 12: something a caller promised (follow_up: assigned_to, due_at, done_at);
- `c34` callback of call 34 that needs a person rather than the queue: the caller wrote a
  note with it (what the person asked for), or the time asked for is outside the campaign's
  calling hours or after its last day, so the queue would not reach it. A later call to
  the person settles it;
- `w34` wrong number of call 34, to report to the district (who sold the list);
- `m34` new member of call 34, to hand over to the membership register;
- `x34` call 34 flagged for the organiser (e.g. merged from a revoked or expired pack).

The four kinds that come from a call keep the organiser's owner, due date and "done" in
inbox_item, written only when the organiser sets one of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, and_, func, select
from sqlalchemy.orm import Session, aliased

from app.clock import utcnow
from app.db.database import Database
from app.db.models import Call, Campaign, Contact, FollowUp, Recruit, TargetGroup, Volunteer
from app.db.models_organising import InboxItem
from app.domain.outcomes import Outcome
from app.domain.phone import format_national
from app.domain.status import ContactStatus
from app.errors import QT_TRANSLATE_NOOP, UserError
from app.services.calling.hours import hours_from_text
from app.services.calling.save import CALLER_FLAG
from app.services.campaigns import get_campaign
from app.services.lengths import check_fits

FOLLOW_UP, CALLBACK, WRONG_NUMBER, NEW_MEMBER, FLAGGED = (
    "follow_up", "callback", "wrong_number", "new_member", "flagged")
KINDS = (FOLLOW_UP, CALLBACK, WRONG_NUMBER, NEW_MEMBER, FLAGGED)
PREFIX = {FOLLOW_UP: "f", CALLBACK: "c", WRONG_NUMBER: "w", NEW_MEMBER: "m", FLAGGED: "x"}
_KIND_OF = {letter: kind for kind, letter in PREFIX.items()}
OPEN, DONE, ALL = "open", "done", "all"


@dataclass(frozen=True)
class InboxEntry:
    id: str
    kind: str
    campaign_id: int
    campaign: str
    person: str
    number: str  # as dialled, in national format; "" when unknown
    group: str
    what: str  # the promise, the caller's note, the new member's details, the flag
    caller: str
    at: datetime  # when it arose (the call's save)
    owner: str
    due_at: datetime | None
    done_at: datetime | None
    done_by: str
    overdue: bool

    @property
    def done(self) -> bool:
        return self.done_at is not None


@dataclass(frozen=True)
class InboxFilter:
    campaign: str | int | None = None
    kind: str | None = None
    state: str = OPEN  # open, done or all
    owner: str | None = None  # None: anyone; "": nobody yet
    overdue_only: bool = False


def parse_id(item_id: str) -> tuple[str, int]:
    text = item_id.strip().lower()
    kind = _KIND_OF.get(text[:1])
    if kind is None or not text[1:].isdigit():
        raise UserError(QT_TRANSLATE_NOOP(
            "app", "'{id}' is not an inbox item (they look like f12, c34, w34, m34 or x34)"),
            id=item_id)
    return kind, int(text[1:])


# --- reading ------------------------------------------------------------------------------------

def _name(first: str | None, last: str | None) -> str:
    return " ".join(p for p in (first or "", last or "") if p)


def _number(e164: str | None) -> str:
    return format_national(e164) if e164 else ""


def _call_rows(kind: str, *extra: Any) -> Select[*tuple[Any, ...]]:
    """The columns every call-based kind shows, with the organiser's inbox_item row."""
    return (
        select(Call.id, Call.campaign_id, Campaign.name, Contact.first_name, Contact.last_name,
               Call.number_dialled, TargetGroup.name, Call.notes, Volunteer.name,
               Call.saved_at, InboxItem.owner, InboxItem.due_at, InboxItem.done_at,
               InboxItem.done_by, *extra)
        .join(Campaign, Campaign.id == Call.campaign_id)
        .join(Contact, Contact.id == Call.contact_id)
        .join(TargetGroup, TargetGroup.id == Call.target_group_id)
        .outerjoin(Volunteer, Volunteer.id == Call.volunteer_id)
        .outerjoin(InboxItem, and_(InboxItem.call_id == Call.id, InboxItem.kind == kind))
    )


def _entry(kind: str, row: Any, what: str, now: datetime, due: datetime | None = None,
           done_at: datetime | None = None) -> InboxEntry:
    (call_id, campaign_id, campaign, first, last, dialled, group, _notes, caller, saved_at,
     owner, item_due, item_done, done_by) = tuple(row)[:14]
    due_at = item_due or due
    done = item_done or done_at
    return InboxEntry(
        id=f"{PREFIX[kind]}{call_id}", kind=kind, campaign_id=campaign_id, campaign=campaign,
        person=_name(first, last), number=_number(dialled), group=group, what=what,
        caller=caller or "", at=saved_at, owner=owner or "", due_at=due_at, done_at=done,
        done_by=done_by or "", overdue=done is None and due_at is not None and due_at < now)


def _follow_ups(session: Session, where: list[Any], only: int | None,
                now: datetime) -> list[InboxEntry]:
    query = (
        select(FollowUp, Contact.campaign_id, Campaign.name, Contact.first_name,
               Contact.last_name, Call.number_dialled, TargetGroup.name, Volunteer.name)
        .join(Contact, Contact.id == FollowUp.contact_id)
        .join(Campaign, Campaign.id == Contact.campaign_id)
        .join(TargetGroup, TargetGroup.id == Contact.target_group_id)
        .outerjoin(Call, Call.id == FollowUp.call_id)
        .outerjoin(Volunteer, Volunteer.id == Call.volunteer_id))
    if where:
        query = query.where(Contact.campaign_id.in_(where))
    if only is not None:
        query = query.where(FollowUp.id == only)
    out = []
    for f, campaign_id, campaign, first, last, dialled, group, caller in session.execute(query):
        out.append(InboxEntry(
            id=f"f{f.id}", kind=FOLLOW_UP, campaign_id=campaign_id, campaign=campaign,
            person=_name(first, last), number=_number(dialled), group=group, what=f.promised,
            caller=caller or "", at=f.created_at, owner=f.assigned_to, due_at=f.due_at,
            done_at=f.done_at, done_by="",
            overdue=f.done_at is None and f.due_at is not None and f.due_at < now))
    return out


def _callbacks(session: Session, where: list[Any], only: int | None,
               now: datetime) -> list[InboxEntry]:
    later = aliased(Call)
    next_call = (select(func.min(later.saved_at))
                 .where(later.contact_id == Call.contact_id, later.saved_at > Call.saved_at,
                        later.id != Call.id)
                 .correlate(Call).scalar_subquery())
    query = _call_rows(CALLBACK, Contact.status, Contact.next_call_at, Campaign.weekday_hours,
                       Campaign.weekend_hours, Campaign.ends_on, next_call.label("later"),
                       ).where(Call.outcome == Outcome.CALLBACK.value)
    query = _restrict(query, where, only)
    out = []
    for row in session.execute(query):
        status, callback_at, weekday, weekend, ends_on, later_at = tuple(row)[14:]
        pending = later_at is None and status == ContactStatus.OPEN.value
        noted = bool((row[7] or "").strip())
        unreachable = False
        if pending and callback_at is not None:
            outside = not hours_from_text(weekday, weekend).is_open(callback_at)
            late = ends_on is not None and callback_at.astimezone().date() > ends_on
            unreachable = outside or late
        if not (noted or unreachable or row.done_at is not None or row.owner):
            continue
        out.append(_entry(CALLBACK, row, (row[7] or "").strip(), now,
                          due=callback_at if pending else None, done_at=later_at))
    return out


def _restrict(query: Select[*tuple[Any, ...]], where: list[Any],
              only: int | None) -> Select[*tuple[Any, ...]]:
    if where:
        query = query.where(Call.campaign_id.in_(where))
    if only is not None:
        query = query.where(Call.id == only)
    return query


def _wrong_numbers(session: Session, where: list[Any], only: int | None,
                   now: datetime) -> list[InboxEntry]:
    query = _restrict(_call_rows(WRONG_NUMBER).where(
        Call.outcome == Outcome.WRONG_NUMBER.value), where, only)
    return [_entry(WRONG_NUMBER, row, "", now) for row in session.execute(query)]


def _new_members(session: Session, where: list[Any], only: int | None,
                 now: datetime) -> list[InboxEntry]:
    query = _restrict(_call_rows(NEW_MEMBER, Recruit.first_name, Recruit.last_name,
                                 Recruit.email, Recruit.phone)
                      .join(Recruit, Recruit.call_id == Call.id), where, only)
    out = []
    for row in session.execute(query):
        first, last, email, phone = tuple(row)[14:]
        what = ", ".join(p for p in (_name(first, last), email, phone) if p)
        out.append(_entry(NEW_MEMBER, row, what, now))
    return out


def _flagged(session: Session, where: list[Any], only: int | None,
             now: datetime) -> list[InboxEntry]:
    query = _restrict(_call_rows(FLAGGED, Call.flag).where(Call.flag.is_not(None)), where, only)
    # A pack's flag says why ("revoked", "expired"); a caller's flag says it in the note.
    return [_entry(FLAGGED, row, str(row[7] or "") if row[14] == CALLER_FLAG else str(row[14]),
                   now) for row in session.execute(query)]


_READERS = {FOLLOW_UP: _follow_ups, CALLBACK: _callbacks, WRONG_NUMBER: _wrong_numbers,
            NEW_MEMBER: _new_members, FLAGGED: _flagged}


def _campaign_ids(session: Session, campaign: str | int | None) -> list[Any]:
    if campaign is None:
        return []
    if isinstance(campaign, int):
        if session.get(Campaign, campaign) is None:
            raise UserError(QT_TRANSLATE_NOOP("app", "There is no campaign with id {id}"),
                            id=campaign)
        return [campaign]
    return [get_campaign(session, campaign).id]


def _order(entry: InboxEntry) -> tuple[Any, ...]:
    far = datetime.max.replace(tzinfo=entry.at.tzinfo)
    return (entry.done, not entry.overdue, entry.due_at or far, entry.at, entry.id)


def inbox(db: Database, filters: InboxFilter = InboxFilter(),
          now: datetime | None = None) -> list[InboxEntry]:
    """The items that match, open ones first, overdue first, then by due date and age."""
    if filters.kind is not None and filters.kind not in KINDS:
        raise UserError(QT_TRANSLATE_NOOP("app", "Unknown kind '{kind}' (kinds: {kinds})"),
                        kind=filters.kind, kinds=", ".join(KINDS))
    now = now or utcnow()
    with db.session() as session:
        where = _campaign_ids(session, filters.campaign)
        entries: list[InboxEntry] = []
        for kind in (filters.kind,) if filters.kind else KINDS:
            entries += _READERS[kind](session, where, None, now)
    if filters.state == OPEN:
        entries = [e for e in entries if not e.done]
    elif filters.state == DONE:
        entries = [e for e in entries if e.done]
    if filters.owner is not None:
        owner = " ".join(filters.owner.split()).casefold()
        entries = [e for e in entries if e.owner.casefold() == owner]
    if filters.overdue_only:
        entries = [e for e in entries if e.overdue]
    return sorted(entries, key=_order)


def _one(session: Session, item_id: str, now: datetime) -> InboxEntry:
    kind, number = parse_id(item_id)
    found = _READERS[kind](session, [], number, now)
    if not found:
        raise UserError(QT_TRANSLATE_NOOP("app", "There is no inbox item '{id}'"), id=item_id)
    return found[0]


def get_item(db: Database, item_id: str, now: datetime | None = None) -> InboxEntry:
    with db.session() as session:
        return _one(session, item_id, now or utcnow())


# --- writing ------------------------------------------------------------------------------------

def _change(db: Database, item_id: str, now: datetime | None, **values: Any) -> InboxEntry:
    """Set owner, due_at, done_at or done_by of one item, in one transaction."""
    now = now or utcnow()
    with db.transaction() as session:
        entry = _one(session, item_id, now)  # refuses an unknown id before anything changes
        kind, number = parse_id(item_id)
        if kind == FOLLOW_UP:
            row = session.get_one(FollowUp, number)
            names = {"owner": "assigned_to", "due_at": "due_at", "done_at": "done_at"}
            for key, value in values.items():
                if key in names:
                    setattr(row, names[key], value)
        else:
            item = session.scalars(select(InboxItem).where(
                InboxItem.kind == kind, InboxItem.call_id == number)).first()
            if item is None:
                # The item's defaults (a callback's time) become its own once it is touched.
                item = InboxItem(kind=kind, call_id=number, owner=entry.owner,
                                 due_at=entry.due_at, done_by="")
                session.add(item)
            for key, value in values.items():
                setattr(item, key, value)
        session.flush()
        return _one(session, item_id, now)


def mark_done(db: Database, item_id: str, *, done: bool = True, by: str = "",
              now: datetime | None = None) -> InboxEntry:
    """Done (or open again). Done twice keeps the first time."""
    at = now or utcnow()
    current = get_item(db, item_id, at)
    if done and current.done:
        return current
    check_fits(by.strip(), InboxItem.done_by)
    return _change(db, item_id, at, done_at=at if done else None,
                   done_by=by.strip() if done else "")


def set_owner(db: Database, item_id: str, owner: str,
              now: datetime | None = None) -> InboxEntry:
    clean = " ".join(owner.split())
    check_fits(clean, InboxItem.owner)
    return _change(db, item_id, now, owner=clean)


def set_due(db: Database, item_id: str, due_at: datetime | None,
            now: datetime | None = None) -> InboxEntry:
    return _change(db, item_id, now, due_at=due_at)


def set_details(db: Database, item_id: str, *, owner: str, due_at: datetime | None,
                now: datetime | None = None) -> InboxEntry:
    """Owner and due date together (one action in the window, one transaction)."""
    clean = " ".join(owner.split())
    check_fits(clean, InboxItem.owner)
    return _change(db, item_id, now, owner=clean, due_at=due_at)
