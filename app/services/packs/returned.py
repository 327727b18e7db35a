"""What a volunteer's returned results file holds, read for the merge (merge.py).

The file is read from memory: the people's answers never touch the organiser's disk outside
the database. A file made by an older app is migrated first, on a private temporary copy."""

from __future__ import annotations

import functools
import os
import sqlite3
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import Select, select
from sqlalchemy.dialects import sqlite as sqlite_dialect

from app.db.database import open_database
from app.db.models import (
    Answer,
    Call,
    Contact,
    DoNotCall,
    FollowUp,
    Pack,
    PhoneNumber,
    Recruit,
    Volunteer,
)
from app.errors import QT_TRANSLATE_NOOP, UserError
from app.services.calling.precedence import QueueFields
from app.services.packs.files import schema_revision, temp_sqlite
from app.services.packs.merge_answers import Key, read_laptop_counts

# The laptop's file is SQLite whatever the organiser's database is.
_SQLITE = sqlite_dialect.dialect()

# The laptop's calls as stored (in the order they were made, unsorted: a sort of every call
# costs more than the merge's own ordering of the few people called twice).
_CALLS = select(
    Call.id, Call.uuid, Call.contact_id, Call.phone_number_id, Call.number_dialled,
    Call.started_at, Call.ended_at, Call.outcome, Call.notes, Call.meeting_signup,
    Call.script_id, Call.contact_before, Call.saved_at, Call.flag, Call.volunteer_id)


class LaptopCall(NamedTuple):
    """A call made on the laptop, its columns as _CALLS reads them."""

    id: int  # the laptop's
    uuid: str
    contact_id: int
    phone_number_id: int | None
    number_dialled: str
    started_at: Any  # SQLite's stored text, or a datetime for another database
    ended_at: Any
    outcome: str
    notes: str
    meeting_signup: Any
    script_id: int | None
    contact_before: Any
    saved_at: Any
    flag: str | None
    volunteer_id: int | None  # the laptop's: its name is in Returned.volunteers


@dataclass
class Returned:
    pack_id: str
    campaign_id: int
    calls: list[LaptopCall]  # in the order they were saved
    volunteers: dict[int, str]  # who called, by the laptop's volunteer id
    # Rows hanging on a call: the laptop's call id, then the other columns as HANGING_COLUMNS
    # names them. Recruits and follow-ups come without their own ids.
    answers: list[tuple[Any, ...]]
    recruits: list[tuple[Any, ...]]
    follow_ups: list[tuple[Any, ...]]
    people: dict[int, QueueFields]  # where the laptop left each person in its queue
    notes_for_next: dict[int, str]  # and what it noted for the next caller
    failed_phones: set[int]
    dnc: set[str]
    answer_counts: dict[Key, int]  # what a campaign with answers without a name counted


def read_returned(data: bytes, name: str, *, decode: bool, revision: str) -> Returned:
    """The decrypted results file `data`. `decode`: values as Python objects (for a database
    other than SQLite); `revision`: the organiser's schema, which the file is migrated to
    when it is older."""
    conn = sqlite3.connect(":memory:")
    try:
        try:
            conn.deserialize(data)
        except sqlite3.Error:
            raise UserError(QT_TRANSLATE_NOOP("app", "{file} is damaged"), file=name) from None
        if schema_revision(conn, name) == revision:
            return _load_or_refuse(conn, name, decode)
    finally:
        conn.close()
    with temp_sqlite("merge") as path:
        # An older app's results: migrated on a private copy (0600, in the private
        # temporary folder), read at once, then removed.
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        open_database(str(path)).close()
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return _load_or_refuse(conn, name, decode)
        finally:
            conn.close()


def _load_or_refuse(conn: sqlite3.Connection, name: str, decode: bool) -> Returned:
    try:
        return _load(conn, name, decode)
    except sqlite3.Error:
        raise UserError(QT_TRANSLATE_NOOP("app", "{file} is damaged"), file=name) from None


def _fetch(conn: sqlite3.Connection, stmt: Select[*tuple[Any, ...]],
           decode: bool) -> list[tuple[Any, ...]]:
    """The laptop's rows as SQLite stores them (what a SQLite organiser stores too, so they
    pass through untouched), or, with `decode`, as Python values for another database."""
    rows = conn.execute(_sql(stmt)).fetchall()
    if decode:
        processors = [c.type.dialect_impl(_SQLITE).result_processor(_SQLITE, None)
                      for c in stmt.selected_columns]
        rows = [tuple(p(v) if p is not None else v for p, v in zip(processors, row,
                                                                   strict=True))
                for row in rows]
    return rows


@functools.cache
def _sql(stmt: Select[*tuple[Any, ...]]) -> str:
    # The statements are this module's constants: compiled once, not at every merge.
    return stmt.compile(dialect=_SQLITE).string


def _by_call(model: Any) -> Select[*tuple[Any, ...]]:
    """A table's columns but its id, the call's id first."""
    table = model.__table__
    return select(table.c.call_id, *(c for c in table.c if c.key not in ("id", "call_id")))


_PACK = select(Pack.id, Pack.campaign_id)
# What hangs on a call, by table: the laptop's call id first.
_HANGING = {"answer": select(Answer.call_id, Answer.question_key, Answer.value),
            "recruit": _by_call(Recruit),
            "follow_up": _by_call(FollowUp).where(FollowUp.call_id.is_not(None))}
HANGING_COLUMNS = {table: tuple(str(c.key) for c in stmt.selected_columns)
                   for table, stmt in _HANGING.items()}
_PEOPLE = select(Contact.id, Contact.status, Contact.queue_rank, Contact.next_call_at,
                 Contact.notes_for_next)
_FAILED = select(PhoneNumber.id).where(PhoneNumber.failed.is_(True))
_DNC = select(DoNotCall.e164)
_VOLUNTEERS = select(Volunteer.id, Volunteer.name)


def _load(conn: sqlite3.Connection, name: str, decode: bool) -> Returned:
    packs = _fetch(conn, _PACK, False)
    if len(packs) != 1:
        raise UserError(QT_TRANSLATE_NOOP("app", "{file} is damaged"), file=name)
    rows = {table: _fetch(conn, stmt, decode) for table, stmt in _HANGING.items()}
    people: dict[int, QueueFields] = {}
    notes: dict[int, str] = {}
    for contact_id, status, rank, next_call_at, note in _fetch(conn, _PEOPLE, decode):
        people[contact_id] = QueueFields(status, rank, next_call_at)
        notes[contact_id] = note
    failed = {int(row[0]) for row in _fetch(conn, _FAILED, False)}
    numbers = {str(row[0]) for row in _fetch(conn, _DNC, False)}
    campaign_id = int(packs[0][1])
    return Returned(str(packs[0][0]), campaign_id,
                    list(map(LaptopCall._make, _fetch(conn, _CALLS, decode))),
                    dict(_fetch(conn, _VOLUNTEERS, False)),
                    rows["answer"], rows["recruit"], rows["follow_up"], people, notes,
                    failed, numbers, read_laptop_counts(conn, campaign_id))
