"""Erasing one person on request (GDPR art. 17): in every campaign, by number or id.

The person is found by a number (any Swedish or international format, normalised as the
importer does) or a contact id, and through their numbers in every other campaign too. Each
of their rows becomes an anonymous shell (app/services/privacy/scrub_rows.py), so the
figures keep counting the calls and answers as anonymous counts. Their numbers go on the
do-not-call list (so no later list brings them back), unless the organiser says otherwise:
then any entry of theirs is taken off the list as well, and nothing of the number stays.
One transaction; after it the file is rebuilt and its log truncated, and the pre-migration
backups made before it are deleted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from app.clock import utcnow
from app.db.database import Database
from app.db.models import Contact, DoNotCall, PhoneNumber, RejectedRow
from app.domain.phone import parse_phone
from app.domain.status import ContactStatus
from app.errors import QT_TRANSLATE_NOOP, UserError
from app.services import audit, dnc
from app.services.privacy import scrub_rows, secure

DNC_SOURCE = "erasure"


@dataclass(frozen=True)
class Person:
    """Who a number or id names: their contact rows and numbers (for the confirmation)."""

    contact_ids: tuple[int, ...]
    numbers: tuple[str, ...]
    campaigns: tuple[str, ...]


@dataclass(frozen=True)
class EraseResult:
    contacts: int
    campaigns: int
    rows: scrub_rows.Scrubbed
    rejected_rows: int
    do_not_call: str  # "kept" (on the list) or "removed" (nothing of the number stays)
    file: secure.Scrubbed

    def as_dict(self) -> dict[str, object]:
        return {"contacts": self.contacts, "campaigns": self.campaigns, **self.rows.as_dict(),
                "rejected_rows": self.rejected_rows, "do_not_call": self.do_not_call,
                "vacuumed": self.file.vacuumed, "log_truncated": self.file.checkpointed,
                "backups_removed": self.file.backups_removed}


def find(session: Session, query: str, region: str = "SE") -> Person:
    """The person `query` names; a UserError naming the query when nobody matches."""
    from app.db.models import Campaign

    text = query.strip()
    ids: set[int] = set()
    numbers: set[str] = set()
    if text.isdigit() and not text.startswith("0"):
        found = session.scalar(select(Contact.id).where(Contact.id == int(text),
                                                        Contact.erased_at.is_(None)))
        if found is not None:
            ids.add(found)
    if not ids:
        e164 = parse_phone(text, region).e164
        if e164 is not None:
            numbers.add(e164)
            ids.update(session.scalars(
                select(PhoneNumber.contact_id).where(PhoneNumber.e164 == e164)))
    numbers.update(session.scalars(
        select(PhoneNumber.e164).where(PhoneNumber.contact_id.in_(sorted(ids)))))
    if numbers:  # the same person in other campaigns, through their numbers
        ids.update(session.scalars(
            select(PhoneNumber.contact_id).where(PhoneNumber.e164.in_(sorted(numbers)))))
    on_list = dnc.blocked(session, numbers) if numbers else set()
    if not ids and not on_list:
        raise UserError(QT_TRANSLATE_NOOP("app", "Nobody with the number or id '{query}' is "
                                                 "stored"), query=text)
    campaigns = tuple(session.scalars(
        select(Campaign.name).where(Campaign.id.in_(
            select(Contact.campaign_id).where(Contact.id.in_(sorted(ids)))))
        .order_by(Campaign.name)))
    # Only numbers stored for the person (or on the list): a typed number stored nowhere
    # says nothing about them.
    stored = set(session.scalars(select(PhoneNumber.e164).where(
        PhoneNumber.contact_id.in_(sorted(ids))))) | on_list
    return Person(tuple(sorted(ids)), tuple(sorted(stored)), campaigns)


def look_up(db: Database, query: str, region: str = "SE") -> Person:
    with db.session() as session:
        return find(session, query, region)


def erase_person(db: Database, query: str, *, keep_dnc: bool = True, region: str = "SE",
                 actor: str = "", now: datetime | None = None) -> EraseResult:
    """Erase the person `query` names in every campaign (see the module)."""
    now = now or utcnow()
    with db.transaction() as session:
        secure.secure_delete_on(session)
        person = find(session, query, region)
        numbers = list(person.numbers)
        ids = list(person.contact_ids)
        statuses = _statuses(session, ids)
        added = 0
        if keep_dnc:
            # Straight onto the list (not dnc.add_numbers): everyone holding the numbers is
            # being erased here and settled below, and the erasure is one entry in the log.
            new = sorted(set(numbers) - dnc.blocked(session, numbers))
            session.add_all(DoNotCall(e164=n, reason=dnc.REASON_WINDOW, source=DNC_SOURCE)
                            for n in new)
            added = len(new)
        else:
            session.execute(delete(DoNotCall).where(DoNotCall.e164.in_(numbers)))
        _settle(session, statuses, ContactStatus.DNC if keep_dnc else ContactStatus.NO_NUMBER)
        rows = scrub_rows.scrub(session, ids, now)
        rejected = _rejected_rows(session, set(numbers), region)
        if rejected:
            session.execute(delete(RejectedRow).where(RejectedRow.id.in_(rejected)))
        audit.record(session, "erase", actor=actor, entity="person",
                     contacts=len(ids), campaigns=len(person.campaigns),
                     do_not_call="kept" if keep_dnc else "removed", dnc_added=added)
        secure.secure_delete_off(session)
    file = secure.scrub(db, vacuum=True, before=now)
    return EraseResult(len(ids), len(person.campaigns), rows, len(rejected),
                       "kept" if keep_dnc else "removed", file)


def _statuses(session: Session, ids: list[int]) -> dict[int, str]:
    return {cid: status for cid, status in session.execute(
        select(Contact.id, Contact.status).where(Contact.id.in_(ids)))}


_STILL_TO_CALL = frozenset({ContactStatus.OPEN.value, ContactStatus.PACKED.value})


def _settle(session: Session, statuses: dict[int, str], leaving: ContactStatus) -> None:
    """Whoever was still to be called leaves the queue (`leaving`); the others keep the
    status their calls gave them (the do-not-call list would have changed it), so every
    figure about the calls made stays as it was."""
    by_status: dict[str, list[int]] = {}
    for cid, status in statuses.items():
        by_status.setdefault(leaving.value if status in _STILL_TO_CALL else status,
                             []).append(cid)
    for status, ids in by_status.items():
        session.execute(
            update(Contact).where(Contact.id.in_(ids))
            .values(status=status, state_version=Contact.state_version + 1)
            .execution_options(synchronize_session=False))


def _rejected_rows(session: Session, numbers: set[str], region: str) -> list[int]:
    """Rejected import rows holding one of the numbers (a row can be rejected for another
    column while its number is fine)."""
    if not numbers:
        return []
    found = []
    for row_id, values in session.execute(select(RejectedRow.id, RejectedRow.values)):
        if any(_is_one_of(value, numbers, region) for value in values or []):
            found.append(row_id)
    return found


def _is_one_of(value: object, numbers: set[str], region: str) -> bool:
    if not isinstance(value, str | int) or not any(ch.isdigit() for ch in str(value)):
        return False
    return parse_phone(value, region).e164 in numbers
