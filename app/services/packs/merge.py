"""Merging a volunteer's returned results into the organiser's database, one transaction
per file: calls inserted by uuid when absent, do-not-call entries only ever added, each
person's state by the same precedence as on a shared database (calling/precedence.py)."""

from __future__ import annotations

import functools
import hashlib
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import (
    Connection,
    Insert,
    Integer,
    bindparam,
    insert,
    literal_column,
    select,
    update,
)
from sqlalchemy.orm import Session

from app.clock import utcnow
from app.db.database import Database
from app.db.dialect_insert import dialect_insert
from app.db.migrate import current_revision
from app.db.models import (
    Answer,
    Call,
    Contact,
    FollowUp,
    Pack,
    PackAssignment,
    PackMerge,
    PhoneNumber,
    Recruit,
    Script,
)
from app.domain.outcomes import CONVERSATIONS
from app.domain.status import ContactStatus
from app.errors import QT_TRANSLATE_NOOP, UserError
from app.services import audit, dnc
from app.services.calling import tally
from app.services.calling.precedence import Level, QueueFields, merge
from app.services.packs import FLAG_EXPIRED, FLAG_REVOKED, PACKED
from app.services.packs.bulk import (
    collector_paused,
    read_many,
    write_many,
)
from app.services.packs.crypto import (
    HEADER_SIZE,
    KIND_RESULTS,
    decrypt_with_key,
    derive_key_soon,
    read_header,
)
from app.services.packs.merge_answers import MERGED, anonymise_merged_calls, merge_counts
from app.services.packs.returned import (
    HANGING_COLUMNS,
    LaptopCall,
    Returned,
    read_returned,
)
from app.services.volunteers import get_or_create_volunteer

_CONVERSATIONS = frozenset(o.value for o in CONVERSATIONS)
_OPEN, _DNC = ContactStatus.OPEN.value, ContactStatus.DNC.value


@dataclass(frozen=True)
class MergeReport:
    pack_id: str
    volunteer: str
    calls: int = 0  # calls new to this database
    new_members: int = 0
    follow_ups: int = 0
    do_not_calls: int = 0  # numbers new to the do-not-call list
    flagged: int = 0  # calls stored from a revoked or expired pack, to review
    flag: str | None = None  # why they were flagged
    repeated: bool = False  # this very file was merged before: nothing changed

    def counts(self) -> dict[str, Any]:
        return {"calls": self.calls, "new_members": self.new_members,
                "follow_ups": self.follow_ups, "do_not_calls": self.do_not_calls,
                "flagged": self.flagged}


def merge_results(db: Database, file: Path, code: str,
                  now: datetime | None = None) -> MergeReport:
    """Merge one results file. Refused whole (a UserError, nothing changed) when the code is
    wrong, the file is damaged or newer than the app, or its pack is not this database's."""
    now = now or utcnow()
    name = str(file)
    try:
        with file.open("rb") as stream:
            # scrypt starts as soon as the header names the salt, and runs beside the rest of
            # the reading, the checks and the reading of the pack's people, which need no key.
            header = read_header(stream.read(HEADER_SIZE), name)
            key = derive_key_soon(code, header.salt)
            stream.seek(0)
            blob = stream.read()
    except FileNotFoundError:
        raise UserError(QT_TRANSLATE_NOOP("app", "There is no file {file}"),
                        file=name) from None
    with db.session() as session:
        known = session.get(Pack, header.pack_id)
        revision = current_revision(session.connection()) or ""
    if known is None:
        # Checked before the code: another database's file, whatever code was typed.
        raise UserError(QT_TRANSLATE_NOOP(
            "app", "{file} belongs to a pack this database did not make (another campaign "
            "or another organiser's database)"), file=name)
    if header.kind != KIND_RESULTS:
        raise UserError(QT_TRANSLATE_NOOP(
            "app", "{file} is a pack, not a volunteer's results; the volunteer returns it "
            "with 'Lämna tillbaka'"), file=name)
    with collector_paused():
        # The file's rows are gone (their last reference was in _merge_file) before the
        # collector is back: else its first pass walks every one of them for nothing.
        return _merge_file(db, known.id, blob, key, revision, now, name)


def _merge_file(db: Database, pack_id: str, blob: bytes, key: Future[bytes], revision: str,
                now: datetime, name: str) -> MergeReport:
    sha = hashlib.sha256(blob).hexdigest()
    with db.transaction() as session:
        pack = session.get(Pack, pack_id, with_for_update=True)
        assert pack is not None
        here = _read_pack(session.connection(), pack.id)
        data = decrypt_with_key(blob, key.result(), name)
        if session.scalar(select(PackMerge.id).where(PackMerge.pack_id == pack.id,
                                                     PackMerge.file_sha256 == sha)) is not None:
            return MergeReport(pack.id, pack.volunteer, repeated=True)  # this very file again
        laptop = read_returned(data, name, decode=db.dialect != "sqlite", revision=revision)
        del data
        if laptop.pack_id != pack.id or laptop.campaign_id != pack.campaign_id:
            raise UserError(QT_TRANSLATE_NOOP("app", "{file} is damaged"), file=name)
        return _merge(session, pack, here, laptop, sha, now)


class _Person(NamedTuple):
    """One of the pack's people as the organiser's database has them."""

    contact_id: int
    assignment_id: int
    released_at: Any  # None while the pack still holds the person
    target_group_id: int
    status: str
    queue_rank: int
    next_call_at: Any
    last_outcome: str | None
    last_called_at: Any
    notes_for_next: str


_PEOPLE = (select(PackAssignment.contact_id, PackAssignment.id, PackAssignment.released_at,
                  Contact.target_group_id, Contact.status, Contact.queue_rank,
                  Contact.next_call_at, Contact.last_outcome, Contact.last_called_at,
                  Contact.notes_for_next)
           .join(Contact, Contact.id == PackAssignment.contact_id)
           .where(PackAssignment.pack_id == bindparam("pack_id")))
_PHONES = (select(PhoneNumber.id, PhoneNumber.contact_id, PhoneNumber.e164)
           .where(PhoneNumber.contact_id.in_(
               select(PackAssignment.contact_id)
               .where(PackAssignment.pack_id == bindparam("pack_id")))))
_PACK_CALLS = select(Call.uuid, Call.id).where(Call.pack_id == bindparam("pack_id"))

# The columns of a merged call, in the order _merge builds them.
_CALL_KEYS = ("uuid", "campaign_id", "target_group_id", "contact_id", "volunteer_id",
              "phone_number_id", "number_dialled", "started_at", "ended_at", "outcome", "notes",
              "meeting_signup", "script_id", "contact_before", "saved_at", "pack_id", "flag")


@dataclass
class _Here:
    """The pack's people and their numbers in the organiser's database, before the merge."""

    people: dict[int, _Person]
    owner: dict[int, int]  # phone number id: its person
    numbers: dict[str, set[int]]  # E.164: the people holding it
    merged: set[str]  # the uuids of the pack's calls merged before


def _read_pack(connection: Connection, pack_id: str) -> _Here:
    raw = connection.dialect.name == "sqlite"
    people = {row[0]: _Person._make(row)
              for row in read_many(connection, _PEOPLE, raw, pack_id=pack_id)}
    owner: dict[int, int] = {}
    numbers: dict[str, set[int]] = {}
    for phone_id, contact_id, e164 in read_many(connection, _PHONES, raw, pack_id=pack_id):
        owner[phone_id] = contact_id
        numbers.setdefault(e164, set()).add(contact_id)
    merged = {uuid for uuid, _ in read_many(connection, _PACK_CALLS, raw, pack_id=pack_id)}
    return _Here(people, owner, numbers, merged)


def _merge(session: Session, pack: Pack, here: _Here, laptop: Returned, sha: str,
           now: datetime) -> MergeReport:
    flag = (FLAG_REVOKED if pack.revoked_at is not None
            else FLAG_EXPIRED if pack.expires_at is not None and pack.expires_at <= now
            else None)
    connection = session.connection()
    # SQLite to SQLite: the laptop's values go in as they were read (bulk.py).
    raw = connection.dialect.name == "sqlite"
    people, owner = here.people, here.owner
    # Only numbers of the pack's own people: a file cannot put anyone else on the list.
    blocking = laptop.dnc & here.numbers.keys()
    added = dnc.add_numbers(session, blocking, reason=dnc.REASON_CALL, source="pack",
                            audited=False)
    # Whoever holds a number just blocked is now on the list (add_numbers did that in the
    # database): the state the merge starts from, read before the key was ready.
    for contact_id in {c for number in blocking for c in here.numbers[number]}:
        people[contact_id] = people[contact_id]._replace(status=_DNC)
    # The pack's calls merged before: the rest are inserted unless this database has them
    # already (by uuid), and the ones that went in are the new ones.
    calls = [c for c in laptop.calls if c.contact_id in people and c.uuid not in here.merged]
    scripts = {c.script_id for c in calls if c.script_id is not None}
    known_scripts = set(session.scalars(select(Script.id).where(Script.id.in_(scripts))))
    volunteers: dict[str, int] = {}
    rows: list[tuple[Any, ...]] = []
    # Plain locals in the loop over every call: ORM attributes cost a lookup each time.
    pack_id, campaign_id, holder = pack.id, pack.campaign_id, pack.volunteer
    names = laptop.volunteers
    for c in calls:
        volunteer_name = (None if c.volunteer_id is None else names.get(c.volunteer_id)) or holder
        volunteer_id = volunteers.get(volunteer_name)
        if volunteer_id is None:
            volunteer_id = get_or_create_volunteer(session, volunteer_name).id
            volunteers[volunteer_name] = volunteer_id
        contact_id, phone_id, script_id = c.contact_id, c.phone_number_id, c.script_id
        rows.append((
            c.uuid, campaign_id, people[contact_id].target_group_id, contact_id,
            volunteer_id,
            phone_id if phone_id is not None and owner.get(phone_id) == contact_id else None,
            c.number_dialled, c.started_at, c.ended_at, c.outcome, c.notes,
            c.meeting_signup, script_id if script_id in known_scripts else None,
            c.contact_before, c.saved_at, pack_id,
            # A revoked or expired pack's flag first; else the caller's own, if any.
            flag or c.flag))
    ids = _insert_calls(connection, pack_id, calls, rows, laptop, raw)
    new = [c for c in calls if c.id in ids]
    by_contact: dict[int, list[LaptopCall]] = {}
    for c in new:
        by_contact.setdefault(c.contact_id, []).append(c)
    totals = {"calls": len(new),
              "conversations": sum(c.outcome in _CONVERSATIONS for c in new),
              "recruits": sum(row[0] in ids for row in laptop.recruits),
              "follow_ups": sum(row[0] in ids for row in laptop.follow_ups)}
    anonymise_merged_calls(session, campaign_id, [c.uuid for c in new])
    merged_counts = merge_counts(session, pack_id, laptop.answer_counts)
    for chunk in _chunks([pid for pid in laptop.failed_phones if pid in owner]):
        connection.execute(update(PhoneNumber).where(PhoneNumber.id.in_(chunk))
                           .values(failed=True))
    _settle(connection, pack_id, people, by_contact, laptop, flag is None, now, raw)
    if any(totals.values()):
        tally.bump(session, campaign_id, **totals)
    report = MergeReport(pack_id, holder, calls=totals["calls"],
                         new_members=totals["recruits"], follow_ups=totals["follow_ups"],
                         do_not_calls=added, flagged=totals["calls"] if flag else 0, flag=flag)
    session.add(PackMerge(pack_id=pack_id, file_sha256=sha, merged_at=now,
                          counts=report.counts() | ({MERGED: merged_counts}
                                                    if merged_counts else {})))
    audit.record(session, "pack_merged", entity="pack", pack=pack_id, **report.counts(),
                 campaign_id=campaign_id)
    return report


def _chunks(items: list[Any], size: int = 500) -> list[list[Any]]:
    # Well under the bound-parameter limits of SQLite and PostgreSQL.
    return [items[i:i + size] for i in range(0, len(items), size)]


def _insert_calls(connection: Connection, pack_id: str, calls: list[LaptopCall],
                  rows: list[tuple[Any, ...]], laptop: Returned, raw: bool) -> dict[int, int]:
    """The calls (`rows`) this database does not have yet, and what hangs on them, each
    table in one executemany. Returns the ids of those that went in, by the laptop's ids."""
    if not rows:
        return {}
    write_many(connection, _new_calls(connection.dialect.name), _CALL_KEYS, rows, raw)
    # The pack's calls, these and any merged before: a single look-up by an indexed column.
    here: dict[str, int] = dict(read_many(connection, _PACK_CALLS, raw, pack_id=pack_id))
    ids = {c.id: here[c.uuid] for c in calls if c.uuid in here}
    for table, model, hanging in (("answer", Answer, laptop.answers),
                                  ("recruit", Recruit, laptop.recruits),
                                  ("follow_up", FollowUp, laptop.follow_ups)):
        write_many(connection, _INSERT[model], HANGING_COLUMNS[table],
                   [(ids[row[0]], *row[1:]) for row in hanging if row[0] in ids], raw)
    return ids


@functools.cache
def _new_calls(dialect: str) -> Insert:
    """Insert a call unless one with its uuid is there (in both databases' own words)."""
    return dialect_insert(dialect, Call).on_conflict_do_nothing(index_elements=[Call.uuid])


_INSERT = {model: insert(model) for model in (Answer, Recruit, FollowUp)}

# In the statement's own order, so the rows go to the driver as they are built.
_SETTLE_KEYS = ("p_status", "p_rank", "p_next", "p_n", "p_outcome", "p_called", "p_notes",
                "p_id")
_SETTLE = (
    update(Contact).where(Contact.id == bindparam("p_id"))
    .values(status=bindparam("p_status"), queue_rank=bindparam("p_rank"),
            next_call_at=bindparam("p_next", type_=Contact.next_call_at.type),
            attempts=Contact.attempts + bindparam("p_n", type_=Integer),
            # A constant, not a parameter: each row's values are all the statement takes.
            state_version=Contact.state_version + literal_column("1"),
            last_outcome=bindparam("p_outcome"),
            last_called_at=bindparam("p_called", type_=Contact.last_called_at.type),
            notes_for_next=bindparam("p_notes"))
)


def _when_saved(call: LaptopCall) -> tuple[Any, int]:
    return call.saved_at, call.id


# The pack lets go of whoever is no longer packed here: called and settled, or taken out
# of the queue meanwhile (a do-not-call). One statement, not one per person.
_RELEASE = (update(PackAssignment)
            .where(PackAssignment.pack_id == bindparam("p_pack"),
                   PackAssignment.released_at.is_(None),
                   select(Contact.id).where(Contact.id == PackAssignment.contact_id,
                                            Contact.status != PACKED).exists())
            .values(released_at=bindparam("p_at", type_=PackAssignment.released_at.type)))


def _settle(connection: Connection, pack_id: str, people: dict[int, _Person],
            by_contact: dict[int, list[LaptopCall]], laptop: Returned, active: bool,
            now: datetime, raw: bool) -> None:
    """The people's state after the laptop's calls. While the pack held a person alone
    (still 'packed' here), the laptop's state decides, as a fresh save would; otherwise a
    late call only strengthens it. Someone still to call in an active pack stays packed.

    With `raw` the times on both sides are SQLite's stored text, whose fixed width sorts
    as the times do: compared and written back as they are."""
    values: list[tuple[Any, ...]] = []
    there, notes = laptop.people, laptop.notes_for_next
    for contact_id, made in by_contact.items():
        row, laptop_row = people[contact_id], there.get(contact_id)
        if laptop_row is None:
            continue
        still_assigned = row.released_at is None
        held = row.status == PACKED and still_assigned
        # Held alone, the laptop decides (merge() with fresh=True, a packed person being
        # open here): said without building the organiser's side, for thousands of people.
        target = laptop_row if held else merge(
            QueueFields(_OPEN if row.status == PACKED else row.status, row.queue_rank,
                        row.next_call_at), laptop_row, fresh=False)
        # The latest by the laptop's clock (ties: the one made last), whatever order the
        # file listed them in.
        last = made[0] if len(made) == 1 else max(made, key=_when_saved)
        later = row.last_called_at is None or last.saved_at >= row.last_called_at
        status = target.status
        if held and active and target.level <= Level.CALLBACK:
            status = PACKED  # the laptop calls them again
        values.append((
            status, target.queue_rank, target.next_call_at or row.next_call_at,
            len(made), last.outcome if later else row.last_outcome,
            last.saved_at if later else row.last_called_at,
            notes[contact_id] if held and later else row.notes_for_next, contact_id))
    write_many(connection, _SETTLE, _SETTLE_KEYS, values, raw)
    connection.execute(_RELEASE, {"p_pack": pack_id, "p_at": now})
