"""Merging a volunteer's returned results into the organiser's database, one transaction
per file: calls inserted by uuid when absent, do-not-call entries only ever added, each
person's state by the same precedence as on a shared database (calling/precedence.py)."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from operator import itemgetter
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Connection,
    Insert,
    Integer,
    Select,
    Update,
    bindparam,
    insert,
    literal_column,
    select,
    update,
)
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.orm import Session

from app.clock import utcnow
from app.db.database import Database, open_database
from app.db.models import (
    Answer,
    Call,
    Contact,
    DoNotCall,
    FollowUp,
    Pack,
    PackAssignment,
    PackMerge,
    PhoneNumber,
    Recruit,
    Script,
    Volunteer,
)
from app.domain.outcomes import CONVERSATIONS
from app.domain.status import ContactStatus
from app.errors import QT_TRANSLATE_NOOP, UserError
from app.services import audit, dnc
from app.services.calling import tally
from app.services.calling.precedence import Level, QueueFields, merge
from app.services.packs import FLAG_EXPIRED, FLAG_REVOKED, PACKED
from app.services.packs.crypto import KIND_RESULTS, decrypt, read_header
from app.services.packs.files import check_schema, temp_sqlite
from app.services.packs.merge_answers import (
    MERGED,
    Key,
    anonymise_merged_calls,
    merge_counts,
    read_laptop_counts,
)
from app.services.volunteers import get_or_create_volunteer

# The laptop's file is SQLite whatever the organiser's database is.
_SQLITE = sqlite_dialect.dialect()



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


@dataclass
class _Laptop:
    """What the merge reads from a results file."""

    pack_id: str
    campaign_id: int
    calls: list[dict[str, Any]]
    answers: dict[int, list[dict[str, Any]]]
    recruits: dict[int, dict[str, Any]]
    follow_ups: dict[int, dict[str, Any]]
    contacts: dict[int, dict[str, Any]]
    failed_phones: set[int]
    dnc: set[str]
    answer_counts: dict[Key, int]  # what a campaign with answers without a name counted


def merge_results(db: Database, file: Path, code: str,
                  now: datetime | None = None) -> MergeReport:
    """Merge one results file. Refused whole (a UserError, nothing changed) when the code is
    wrong, the file is damaged or newer than the app, or its pack is not this database's."""
    now = now or utcnow()
    name = str(file)
    try:
        blob = file.read_bytes()
    except FileNotFoundError:
        raise UserError(QT_TRANSLATE_NOOP("app", "There is no file {file}"),
                        file=name) from None
    header = read_header(blob, name)
    with db.session() as session:
        known = session.get(Pack, header.pack_id)
    if known is None:
        # Checked before the code: another database's file, whatever code was typed.
        raise UserError(QT_TRANSLATE_NOOP(
            "app", "{file} belongs to a pack this database did not make (another campaign "
            "or another organiser's database)"), file=name)
    if header.kind != KIND_RESULTS:
        raise UserError(QT_TRANSLATE_NOOP(
            "app", "{file} is a pack, not a volunteer's results; the volunteer returns it "
            "with 'Lämna tillbaka'"), file=name)
    _, data = decrypt(blob, code, name)
    sha = hashlib.sha256(blob).hexdigest()
    with db.session() as session:
        # This very file again (a second click): seen before reading it all. _merge looks
        # again under the pack's lock, for two merges of it at once.
        if session.scalar(select(PackMerge.id).where(PackMerge.pack_id == known.id,
                                                     PackMerge.file_sha256 == sha)) is not None:
            return MergeReport(known.id, known.volunteer, repeated=True)
    laptop = _read_laptop(data, name, decode=db.dialect != "sqlite")
    if laptop.pack_id != known.id or laptop.campaign_id != known.campaign_id:
        raise UserError(QT_TRANSLATE_NOOP("app", "{file} is damaged"), file=name)
    with db.transaction() as session:
        return _merge(session, laptop, sha, now)


def _read_laptop(data: bytes, name: str, decode: bool) -> _Laptop:
    with temp_sqlite("merge") as path:
        # Private (0600, in the private temporary folder) and read at once, then removed:
        # no fsync, which would cost more than reading it.
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        check_schema(path, name)
        # An older app's results: migrated here, on this private copy.
        open_database(str(path)).close()
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return _load(conn, name, decode)
        except sqlite3.Error:
            raise UserError(QT_TRANSLATE_NOOP("app", "{file} is damaged"), file=name) from None
        finally:
            conn.close()


def _fetch(conn: sqlite3.Connection, stmt: Select[*tuple[Any, ...]],
           decode: bool) -> list[dict[str, Any]]:
    """The laptop's rows as SQLite stores them (what a SQLite organiser stores too, so they
    pass through untouched), or, with `decode`, as Python values for another database."""
    cursor = conn.execute(stmt.compile(dialect=_SQLITE).string)
    keys = [d[0] for d in cursor.description]
    rows = cursor.fetchall()
    if decode:
        processors = [c.type.dialect_impl(_SQLITE).result_processor(_SQLITE, None)
                      for c in stmt.selected_columns]
        rows = [tuple(p(v) if p is not None else v for p, v in zip(processors, row,
                                                                   strict=True))
                for row in rows]
    return [dict(zip(keys, row, strict=True)) for row in rows]


def _load(conn: sqlite3.Connection, name: str, decode: bool) -> _Laptop:
    packs = _fetch(conn, select(Pack.id, Pack.campaign_id), False)
    if len(packs) != 1:
        raise UserError(QT_TRANSLATE_NOOP("app", "{file} is damaged"), file=name)
    calls = _fetch(conn, select(
        Call.id, Call.uuid, Call.contact_id, Call.phone_number_id, Call.number_dialled,
        Call.started_at, Call.ended_at, Call.outcome, Call.notes, Call.meeting_signup,
        Call.script_id, Call.contact_before, Call.saved_at, Call.flag,
        Volunteer.name.label("volunteer_name"))
        .outerjoin(Volunteer, Volunteer.id == Call.volunteer_id)
        .order_by(Call.saved_at, Call.id), decode)
    answers: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for a in _fetch(conn, select(Answer.call_id, Answer.question_key, Answer.value), decode):
        answers[a.pop("call_id")].append(a)
    recruits = {int(r["call_id"]): r for r in _fetch(conn, select(*_without_id(Recruit)),
                                                        decode)}
    follow_ups = {int(r["call_id"]): r for r in _fetch(
        conn, select(*_without_id(FollowUp)).where(FollowUp.call_id.is_not(None)), decode)}
    contacts = {int(r["id"]): r for r in _fetch(conn, select(
        Contact.id, Contact.status, Contact.queue_rank, Contact.next_call_at,
        Contact.last_outcome, Contact.last_called_at, Contact.notes_for_next), decode)}
    failed = {int(r["id"]) for r in _fetch(
        conn, select(PhoneNumber.id).where(PhoneNumber.failed.is_(True)), False)}
    numbers = {str(r["e164"]) for r in _fetch(conn, select(DoNotCall.e164), False)}
    campaign_id = int(packs[0]["campaign_id"])
    return _Laptop(str(packs[0]["id"]), campaign_id, calls, dict(answers),
                   recruits, follow_ups, contacts, failed, numbers,
                   read_laptop_counts(conn, campaign_id))


def _without_id(model: Any) -> list[Any]:
    return [c for c in model.__table__.c if c.key != "id"]


def _merge(session: Session, laptop: _Laptop, sha: str, now: datetime) -> MergeReport:
    pack = session.get(Pack, laptop.pack_id, with_for_update=True)
    assert pack is not None
    if session.scalar(select(PackMerge.id).where(PackMerge.pack_id == pack.id,
                                                 PackMerge.file_sha256 == sha)) is not None:
        return MergeReport(pack.id, pack.volunteer, repeated=True)
    flag = (FLAG_REVOKED if pack.revoked_at is not None
            else FLAG_EXPIRED if pack.expires_at is not None and pack.expires_at <= now
            else None)
    connection = session.connection()
    # SQLite to SQLite: the laptop's values go in as they were read (see _write_many).
    raw = connection.dialect.name == "sqlite"
    assigned = {row.contact_id: row.released_at for row in connection.execute(
        select(PackAssignment.contact_id, PackAssignment.released_at)
        .where(PackAssignment.pack_id == pack.id)).all()}
    people = select(PackAssignment.contact_id).where(PackAssignment.pack_id == pack.id)
    calls = [c for c in laptop.calls if c["contact_id"] in assigned]
    stored: set[str] = set()
    for chunk in _chunks([c["uuid"] for c in calls]):
        stored.update(connection.scalars(select(Call.uuid).where(Call.uuid.in_(chunk))))
    new = [c for c in calls if c["uuid"] not in stored]
    groups: dict[int, int] = dict(connection.execute(
        select(Contact.id, Contact.target_group_id).where(Contact.id.in_(people))).all())
    phones: dict[int, int] = {}
    numbers: set[str] = set()
    for phone_id, contact_id, e164 in connection.execute(
            select(PhoneNumber.id, PhoneNumber.contact_id, PhoneNumber.e164)
            .where(PhoneNumber.contact_id.in_(people))).all():
        phones[phone_id] = contact_id
        numbers.add(e164)
    scripts = {c["script_id"] for c in new if c["script_id"] is not None}
    known_scripts = set(session.scalars(select(Script.id).where(Script.id.in_(scripts))))
    volunteers: dict[str, int] = {}
    by_contact: dict[int, list[dict[str, Any]]] = defaultdict(list)
    rows: list[dict[str, Any]] = []
    # Plain locals in the loop over every call: ORM attributes cost a lookup each time.
    pack_id, campaign_id, holder = pack.id, pack.campaign_id, pack.volunteer
    for c in new:
        volunteer_name = c["volunteer_name"] or holder
        volunteer_id = volunteers.get(volunteer_name)
        if volunteer_id is None:
            volunteer_id = get_or_create_volunteer(session, volunteer_name).id
            volunteers[volunteer_name] = volunteer_id
        contact_id, phone_id, script_id = c["contact_id"], c["phone_number_id"], c["script_id"]
        rows.append({
            "uuid": c["uuid"], "contact_id": contact_id, "number_dialled": c["number_dialled"],
            "started_at": c["started_at"], "ended_at": c["ended_at"], "outcome": c["outcome"],
            "notes": c["notes"], "meeting_signup": c["meeting_signup"],
            "contact_before": c["contact_before"], "saved_at": c["saved_at"],
            "campaign_id": campaign_id, "target_group_id": groups[contact_id],
            "volunteer_id": volunteer_id,
            "phone_number_id": phone_id if phones.get(phone_id) == contact_id else None,
            "script_id": script_id if script_id in known_scripts else None,
            # A revoked or expired pack's flag first; else the caller's own, if any.
            "pack_id": pack_id, "flag": flag or c["flag"]})
        by_contact[contact_id].append(c)
    conversations = {o.value for o in CONVERSATIONS}
    totals = {"calls": len(new),
              "conversations": sum(c["outcome"] in conversations for c in new),
              "recruits": sum(int(c["id"]) in laptop.recruits for c in new),
              "follow_ups": sum(int(c["id"]) in laptop.follow_ups for c in new)}
    _insert_calls(connection, pack.id, new, rows, laptop, raw)
    anonymise_merged_calls(session, campaign_id, [c["uuid"] for c in new])
    merged_counts = merge_counts(session, pack.id, laptop.answer_counts)
    for chunk in _chunks([pid for pid in laptop.failed_phones if pid in phones]):
        connection.execute(update(PhoneNumber).where(PhoneNumber.id.in_(chunk))
                           .values(failed=True))
    # Only numbers of the pack's own people: a file cannot put anyone else on the list.
    added = dnc.add_numbers(session, laptop.dnc & numbers, reason=dnc.REASON_CALL,
                            source="pack", audited=False)
    _settle(connection, people, by_contact, laptop.contacts, assigned, flag is None, now, raw)
    if any(totals.values()):
        tally.bump(session, pack.campaign_id, **totals)
    report = MergeReport(pack.id, pack.volunteer, calls=totals["calls"],
                         new_members=totals["recruits"], follow_ups=totals["follow_ups"],
                         do_not_calls=added, flagged=totals["calls"] if flag else 0, flag=flag)
    session.add(PackMerge(pack_id=pack.id, file_sha256=sha, merged_at=now,
                          counts=report.counts() | ({MERGED: merged_counts}
                                                    if merged_counts else {})))
    audit.record(session, "pack_merged", entity="pack", pack=pack.id, **report.counts(),
                 campaign_id=pack.campaign_id)
    return report


def _chunks(items: list[Any], size: int = 500) -> list[list[Any]]:
    # Well under the bound-parameter limits of SQLite and PostgreSQL.
    return [items[i:i + size] for i in range(0, len(items), size)]


def _insert_calls(connection: Connection, pack_id: str, new: list[dict[str, Any]],
                  rows: list[dict[str, Any]], laptop: _Laptop, raw: bool) -> None:
    """The new calls and what hangs on them, each table in one executemany: a merge of
    thousands of calls costs a few statements, not a few per call."""
    if not rows:
        return
    _write_many(connection, insert(Call), rows, raw)
    # The pack's calls, these and any merged before: a single look-up by an indexed column.
    ids: dict[str, int] = dict(connection.execute(
        select(Call.uuid, Call.id).where(Call.pack_id == pack_id)).all())
    answers: list[dict[str, Any]] = []
    recruits: list[dict[str, Any]] = []
    follow_ups: list[dict[str, Any]] = []
    for c in new:
        call_id, laptop_id = ids[c["uuid"]], int(c["id"])
        answers.extend({"call_id": call_id, **a} for a in laptop.answers.get(laptop_id, ()))
        if laptop_id in laptop.recruits:
            recruits.append({**laptop.recruits[laptop_id], "call_id": call_id})
        if laptop_id in laptop.follow_ups:
            follow_ups.append({**laptop.follow_ups[laptop_id], "call_id": call_id})
    for model, values in ((Answer, answers), (Recruit, recruits), (FollowUp, follow_ups)):
        _write_many(connection, insert(model), values, raw)


def _write_many(connection: Connection, stmt: Insert | Update, rows: list[dict[str, Any]],
                raw: bool) -> None:
    """One executemany of `stmt` (a Core insert or update, compiled for the organiser's
    database). `raw`: the values are already in SQLite's stored form (read from the laptop's
    SQLite file, or from this database the same way), so they go to the driver as they are,
    past SQLAlchemy's per-value conversions, which would cost more than the writing itself."""
    if not rows:  # an empty list would insert one row of defaults
        return
    if not raw:
        connection.execute(stmt, rows)
        return
    compiled = stmt.compile(dialect=connection.dialect, column_keys=list(rows[0]))
    order = compiled.positiontup or []
    if set(order) - set(rows[0]):  # a statement with constants of its own: not for this
        raise ValueError(f"parameters {sorted(set(order) - set(rows[0]))} not in the rows")
    values = itemgetter(*order)
    connection.exec_driver_sql(compiled.string, [
        values(r) if len(order) > 1 else (values(r),) for r in rows])


def _read_many(connection: Connection, stmt: Select[*tuple[Any, ...]], raw: bool) -> list[Any]:
    """Rows of `stmt`; `raw`: as SQLite stores them, like the laptop's (see _write_many)."""
    if not raw:
        return list(connection.execute(stmt).all())
    compiled = stmt.compile(dialect=connection.dialect)
    params = compiled.construct_params()
    return list(connection.exec_driver_sql(
        compiled.string, tuple(params[k] for k in compiled.positiontup or [])).all())


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


def _settle(connection: Connection, people: Select[*tuple[Any, ...]],
            by_contact: dict[int, list[dict[str, Any]]], there: dict[int, dict[str, Any]],
            assigned: dict[int, datetime | None], active: bool, now: datetime,
            raw: bool) -> None:
    """The people's state after the laptop's calls. While the pack held a person alone
    (still 'packed' here), the laptop's state decides, as a fresh save would; otherwise a
    late call only strengthens it. Someone still to call in an active pack stays packed.

    With `raw` the times on both sides are SQLite's stored text, whose fixed width sorts
    as the times do: compared and written back as they are."""
    current_rows = {r.id: r for r in _read_many(connection, select(
        Contact.id, Contact.status, Contact.queue_rank, Contact.next_call_at,
        Contact.last_outcome, Contact.last_called_at, Contact.notes_for_next)
        .where(Contact.id.in_(people)), raw)}
    values: list[dict[str, Any]] = []
    release: list[int] = []
    for contact_id, made in by_contact.items():
        row, laptop_row = current_rows[contact_id], there.get(contact_id)
        if laptop_row is None:
            continue
        still_assigned = contact_id in assigned and assigned[contact_id] is None
        held = row.status == PACKED and still_assigned
        current = QueueFields(ContactStatus.OPEN.value if row.status == PACKED else row.status,
                              row.queue_rank, row.next_call_at)
        proposed = QueueFields(laptop_row["status"], laptop_row["queue_rank"],
                               laptop_row["next_call_at"])
        target = merge(current, proposed, fresh=held)
        last = made[-1]
        later = row.last_called_at is None or last["saved_at"] >= row.last_called_at
        status = target.status
        if held and active and target.level <= Level.CALLBACK:
            status = PACKED  # the laptop calls them again
        elif still_assigned:
            release.append(contact_id)
        values.append({
            "p_id": contact_id, "p_status": status, "p_rank": target.queue_rank,
            "p_next": target.next_call_at or row.next_call_at, "p_n": len(made),
            "p_outcome": last["outcome"] if later else row.last_outcome,
            "p_called": last["saved_at"] if later else row.last_called_at,
            "p_notes": laptop_row["notes_for_next"] if held and later else row.notes_for_next,
        })
    _write_many(connection, _SETTLE, values, raw)
    for chunk in _chunks(release):
        connection.execute(update(PackAssignment).where(
            PackAssignment.contact_id.in_(chunk), PackAssignment.released_at.is_(None))
            .values(released_at=now))
