"""Merging a volunteer's returned results into the organiser's database, one transaction
per file: calls inserted by uuid when absent, do-not-call entries only ever added, each
person's state by the same precedence as on a shared database (calling/precedence.py)."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, Integer, bindparam, create_engine, insert, select, update
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
from app.services.packs import PACKED
from app.services.packs.crypto import KIND_RESULTS, decrypt, read_header
from app.services.packs.files import check_schema, temp_sqlite, write_private
from app.services.volunteers import get_or_create_volunteer

FLAG_REVOKED = "revoked"
FLAG_EXPIRED = "expired"


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
    laptop = _read_laptop(data, name)
    if laptop.pack_id != known.id or laptop.campaign_id != known.campaign_id:
        raise UserError(QT_TRANSLATE_NOOP("app", "{file} is damaged"), file=name)
    sha = hashlib.sha256(blob).hexdigest()
    with db.transaction() as session:
        return _merge(session, laptop, sha, now)


def _read_laptop(data: bytes, name: str) -> _Laptop:
    with temp_sqlite("merge") as path:
        write_private(path, data)
        check_schema(path, name)
        # An older app's results: migrated here, on this private copy.
        open_database(str(path)).close()
        engine = create_engine(f"sqlite:///{path}")
        try:
            return _load(engine, name)
        finally:
            engine.dispose()


def _load(engine: Engine, name: str) -> _Laptop:
    with Session(engine) as s:
        packs = list(s.scalars(select(Pack)))
        if len(packs) != 1:
            raise UserError(QT_TRANSLATE_NOOP("app", "{file} is damaged"), file=name)
        calls = [dict(row) for row in s.execute(
            select(Call.__table__, Volunteer.name.label("volunteer_name"))
            .outerjoin(Volunteer, Volunteer.id == Call.volunteer_id)
            .order_by(Call.saved_at, Call.id)).mappings()]
        answers: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for a in s.execute(select(Answer.call_id, Answer.question_key, Answer.value)):
            answers[a.call_id].append({"question_key": a.question_key, "value": a.value})
        recruits = {int(r["call_id"]): {k: v for k, v in r.items() if k not in ("id",)}
                    for r in s.execute(select(Recruit.__table__)).mappings()}
        follow_ups = {int(r["call_id"]): {k: v for k, v in r.items() if k not in ("id",)}
                      for r in s.execute(select(FollowUp.__table__)
                                         .where(FollowUp.call_id.is_not(None))).mappings()}
        contacts = {int(r["id"]): dict(r) for r in s.execute(select(
            Contact.id, Contact.status, Contact.queue_rank, Contact.next_call_at,
            Contact.last_outcome, Contact.last_called_at, Contact.notes_for_next)).mappings()}
        failed = set(s.scalars(select(PhoneNumber.id).where(PhoneNumber.failed.is_(True))))
        numbers = set(s.scalars(select(DoNotCall.e164)))
        return _Laptop(packs[0].id, packs[0].campaign_id, calls, dict(answers), recruits,
                       follow_ups, contacts, failed, numbers)


def _merge(session: Session, laptop: _Laptop, sha: str, now: datetime) -> MergeReport:
    pack = session.get(Pack, laptop.pack_id, with_for_update=True)
    assert pack is not None
    if session.scalar(select(PackMerge.id).where(PackMerge.pack_id == pack.id,
                                                 PackMerge.file_sha256 == sha)) is not None:
        return MergeReport(pack.id, pack.volunteer, repeated=True)
    flag = (FLAG_REVOKED if pack.revoked_at is not None
            else FLAG_EXPIRED if pack.expires_at is not None and pack.expires_at <= now
            else None)
    assigned = {row.contact_id: row.released_at for row in session.execute(
        select(PackAssignment.contact_id, PackAssignment.released_at)
        .where(PackAssignment.pack_id == pack.id))}
    calls = [c for c in laptop.calls if c["contact_id"] in assigned]
    stored: set[str] = set()
    uuids = [c["uuid"] for c in calls]
    for start in range(0, len(uuids), 500):
        stored.update(session.scalars(select(Call.uuid).where(
            Call.uuid.in_(uuids[start:start + 500]))))
    new = [c for c in calls if c["uuid"] not in stored]
    groups = {row.id: row.target_group_id for row in session.execute(
        select(Contact.id, Contact.target_group_id).where(Contact.id.in_(list(assigned))))}
    phones = {row.id: row.contact_id for row in session.execute(
        select(PhoneNumber.id, PhoneNumber.contact_id, PhoneNumber.e164)
        .where(PhoneNumber.contact_id.in_(list(assigned))))}
    numbers = set(session.scalars(select(PhoneNumber.e164)
                                  .where(PhoneNumber.contact_id.in_(list(assigned)))))
    scripts = {c["script_id"] for c in new if c["script_id"] is not None}
    known_scripts = set(session.scalars(select(Script.id).where(Script.id.in_(scripts))))
    volunteers: dict[str, int] = {}
    totals = {"calls": 0, "conversations": 0, "recruits": 0, "follow_ups": 0}
    by_contact: dict[int, list[dict[str, Any]]] = defaultdict(list)
    rows: list[dict[str, Any]] = []
    conversations = {o.value for o in CONVERSATIONS}
    for c in new:
        volunteer_name = c["volunteer_name"] or pack.volunteer
        if volunteer_name not in volunteers:
            volunteers[volunteer_name] = get_or_create_volunteer(session, volunteer_name).id
        phone_id = c["phone_number_id"]
        row = {k: c[k] for k in (
            "uuid", "contact_id", "number_dialled", "started_at", "ended_at", "outcome",
            "notes", "meeting_signup", "contact_before", "saved_at")}
        row.update(campaign_id=pack.campaign_id, target_group_id=groups[c["contact_id"]],
                   volunteer_id=volunteers[volunteer_name],
                   phone_number_id=phone_id if phones.get(phone_id) == c["contact_id"] else None,
                   script_id=c["script_id"] if c["script_id"] in known_scripts else None,
                   pack_id=pack.id, flag=flag)
        rows.append(row)
        laptop_id = int(c["id"])
        totals["calls"] += 1
        totals["conversations"] += int(c["outcome"] in conversations)
        totals["recruits"] += int(laptop_id in laptop.recruits)
        totals["follow_ups"] += int(laptop_id in laptop.follow_ups)
        by_contact[c["contact_id"]].append(c)
    _insert_calls(session, new, rows, laptop)
    failed = [pid for pid in laptop.failed_phones if pid in phones]
    if failed:
        session.execute(update(PhoneNumber).where(PhoneNumber.id.in_(failed))
                        .values(failed=True).execution_options(synchronize_session=False))
    # Only numbers of the pack's own people: a file cannot put anyone else on the list.
    added = dnc.add_numbers(session, laptop.dnc & numbers, reason=dnc.REASON_CALL,
                            source="pack")
    _settle(session, by_contact, laptop.contacts, assigned, flag is None, now)
    if any(totals.values()):
        tally.bump(session, pack.campaign_id, **totals)
    report = MergeReport(pack.id, pack.volunteer, calls=totals["calls"],
                         new_members=totals["recruits"], follow_ups=totals["follow_ups"],
                         do_not_calls=added, flagged=totals["calls"] if flag else 0, flag=flag)
    session.add(PackMerge(pack_id=pack.id, file_sha256=sha, merged_at=now,
                          counts=report.counts()))
    audit.record(session, "pack_merged", entity="pack", pack=pack.id, **report.counts())
    return report


def _chunks(items: list[Any], size: int = 500) -> list[list[Any]]:
    # Well under the bound-parameter limits of SQLite and PostgreSQL.
    return [items[i:i + size] for i in range(0, len(items), size)]


def _insert_calls(session: Session, new: list[dict[str, Any]], rows: list[dict[str, Any]],
                  laptop: _Laptop) -> None:
    """The new calls and what hangs on them, each table in one executemany: a merge of
    thousands of calls costs a few statements, not a few per call."""
    if not rows:
        return
    connection = session.connection()
    connection.execute(insert(Call), rows)
    ids: dict[str, int] = {}
    for chunk in _chunks([r["uuid"] for r in rows]):
        ids.update((u, i) for u, i in connection.execute(
            select(Call.uuid, Call.id).where(Call.uuid.in_(chunk))))
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
        if values:  # an empty list would insert one row of defaults
            connection.execute(insert(model), values)


_SETTLE = (
    update(Contact).where(Contact.id == bindparam("p_id"))
    .values(status=bindparam("p_status"), queue_rank=bindparam("p_rank"),
            next_call_at=bindparam("p_next", type_=Contact.next_call_at.type),
            attempts=Contact.attempts + bindparam("p_n", type_=Integer),
            state_version=Contact.state_version + 1, last_outcome=bindparam("p_outcome"),
            last_called_at=bindparam("p_called", type_=Contact.last_called_at.type),
            notes_for_next=bindparam("p_notes"))
)


def _settle(session: Session, by_contact: dict[int, list[dict[str, Any]]],
            there: dict[int, dict[str, Any]], assigned: dict[int, datetime | None],
            active: bool, now: datetime) -> None:
    """The people's state after the laptop's calls. While the pack held a person alone
    (still 'packed' here), the laptop's state decides, as a fresh save would; otherwise a
    late call only strengthens it. Someone still to call in an active pack stays packed."""
    current_rows: dict[int, Any] = {}
    for chunk in _chunks(list(by_contact)):
        current_rows.update((r.id, r) for r in session.execute(select(
            Contact.id, Contact.status, Contact.queue_rank, Contact.next_call_at,
            Contact.last_outcome, Contact.last_called_at, Contact.notes_for_next)
            .where(Contact.id.in_(chunk))))
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
    if values:
        session.connection().execute(_SETTLE, values)
    for chunk in _chunks(release):
        session.execute(update(PackAssignment).where(
            PackAssignment.contact_id.in_(chunk), PackAssignment.released_at.is_(None))
            .values(released_at=now).execution_options(synchronize_session=False))
