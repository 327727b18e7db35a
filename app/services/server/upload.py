"""Moving campaigns from a Ringkväll SQLite file to the association's PostgreSQL server
(`ringkvall server upload FILE --db URL`).

All or nothing: every row goes to the server in one transaction, so a refused row, Cancel, a
killed process or a dropped connection leaves the server's data as it was. (PostgreSQL never
hands back sequence numbers, so the ids of a rolled-back upload are skipped: harmless.) After a
dropped connection the whole upload starts again on a new one (app/db/reconnect.py); its audit
event carries the attempt's id, so an upload the server stored just before the connection died
is recognised, not refused as "already on the server".

The rules:

- The user's file is never written to, not even by a migration: it is copied (consistently,
  its write-ahead log included) into the private temporary folder, and the copy is migrated,
  narrowed to what is uploaded, and read.
- Without a campaign named, every campaign of the file goes except the practice campaign
  (made-up people every installation has); a named campaign goes alone.
- A campaign whose name the server already has is refused before anything is written. The
  server may hold other campaigns, so every row gets a new id from the server and every
  foreign key follows it; nothing of the file's ids survives.
- Volunteers merge by name (only those who made calls in what is uploaded). The do-not-call
  list merges by number and only ever grows: a number new to the server takes its holders in
  every campaign out of the queue (as `ringkvall dnc add` does), and uploaded people holding a
  number already on the server's list leave the queue too.
- Claims in the file are dropped: nobody holds them on the server.
- Audit events follow the rows they are about (and those about no row, such as do-not-call
  additions); the upload itself is recorded.

The copy is generic over the tables in app/db/models.py: each table's rows reach the campaign
through their foreign keys (`_check_rules` keeps it so), so a table added later is carried
along, or the upload fails loudly until it gets a rule.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    Integer,
    String,
    Table,
    any_,
    bindparam,
    delete,
    func,
    insert,
    or_,
    select,
    text,
    union,
    update,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.exc import DataError, IntegrityError

from app.db.base import Base
from app.db.database import Database, open_database
from app.db.files import check_sqlite_file, copy_sqlite, newer_than_app
from app.db.models import AuditEvent, Campaign, Contact, DoNotCall, PhoneNumber, Volunteer
from app.db.reconnect import retrying, server_name
from app.domain.status import ContactStatus
from app.errors import QT_TRANSLATE_NOOP, UserError
from app.paths import private_temp_dir, private_temp_prefix
from app.progress import NoProgress, Progress

UPLOAD_ACTION = "database_uploaded"  # the audit event of an upload
BATCH = 1000  # rows per statement sent to the server, and per progress report

# Rows shared by every campaign on the server, matched by a natural key instead of copied.
MERGED_BY = {"volunteer": "name", "do_not_call": "e164"}
# Rows belonging to no campaign's rows; handled by hand below.
SPECIAL = frozenset({"campaign", "audit_event", *MERGED_BY})
# The district's own review of other associations' plans (organising/plans.py) belongs to no
# campaign of the file: it stays in the file and is not uploaded.
NOT_UPLOADED = frozenset({"district_plan"})
# A table reached from the campaign through a nullable key: its rows without a campaign are
# uploaded only when an uploaded row refers to them.
OPTIONAL_CAMPAIGN = {"script": "campaign_id"}

NEEDS_SERVER = QT_TRANSLATE_NOOP(
    "app", "Ringkväll uploads only to a PostgreSQL server, not to {db}")
ALREADY_THERE = QT_TRANSLATE_NOOP(
    "app", "Campaign {name} is already on the server {db}: nothing was uploaded")
REFUSED_ROW = QT_TRANSLATE_NOOP(
    "app", "Nothing was uploaded: the server refused a row of {table} from {path} ({reason})")


@dataclass(frozen=True)
class UploadResult:
    """What reached the server."""

    campaigns: tuple[str, ...]
    rows: dict[str, int] = field(default_factory=dict)  # per table: rows added
    volunteers_matched: int = 0  # volunteers the server already knew by name
    dnc_already: int = 0  # do-not-call numbers the server already had
    left_queue: int = 0  # people taken out of the queue by a do-not-call number

    def as_dict(self) -> dict[str, object]:
        return {"campaigns": list(self.campaigns), "rows": dict(self.rows),
                "volunteers_matched": self.volunteers_matched,
                "dnc_already": self.dnc_already, "left_queue": self.left_queue}


def upload_database(
    source: Path, target: Database, progress: Progress | None = None,
    campaign: str | None = None,
) -> UploadResult:
    """Copy the campaigns of the Ringkväll SQLite file `source` (or only `campaign`) into the
    PostgreSQL database `target`, in one transaction. Raises UserError for what the user can
    fix (and then nothing was uploaded); `Cancelled` from `progress` rolls everything back."""
    progress = progress or NoProgress()
    if target.dialect != "postgresql":
        raise UserError(NEEDS_SERVER, db=target.location.display())
    check_source_file(source)
    with private_copy(source) as copy_path:
        copy = open_database(str(copy_path))
        try:
            names = _narrow(copy, source, campaign)
            total = _count_rows(copy)
            progress.report(0, total)
            upload_id = uuid.uuid4().hex

            def attempt() -> UploadResult:
                with target.transaction() as session:
                    conn = session.connection()
                    earlier = _earlier_result(conn, upload_id)
                    if earlier is not None:  # it was stored; only the server's answer was lost
                        return earlier
                    _refuse_existing(conn, names, target)
                    with copy.engine.connect() as reader:
                        return _Copier(reader, conn, source, progress, total).run(
                            names, upload_id)

            # A dropped connection rolls the server back: the whole upload simply starts again
            # on a new one (Cancel still stops it between attempts).
            return retrying(attempt, server=server_name(target.location.url),
                            on_retry=lambda _attempt, _wait: progress.report(0, total))
        finally:
            copy.close()


def _earlier_result(conn: Connection, upload_id: str) -> UploadResult | None:
    """The result of this upload when an earlier attempt of it committed."""
    detail = conn.scalars(
        select(AuditEvent.detail).where(AuditEvent.action == UPLOAD_ACTION,
                                        AuditEvent.detail["upload"].as_string() == upload_id)
    ).first()
    if detail is None:
        return None
    return UploadResult(tuple(detail["campaigns"]), dict(detail["rows"]),
                        detail["volunteers_matched"], detail["dnc_already"],
                        detail["left_queue"])


# --- the user's file ---------------------------------------------------------------------------

def check_source_file(source: Path) -> None:
    """The file must exist and be a SQLite file (checked by its header, read-only)."""
    if not source.exists():
        raise UserError(QT_TRANSLATE_NOOP("app", "File {path} does not exist"),
                        path=str(source))
    check_sqlite_file(source)  # a folder, unreadable, not SQLite; never creates: it exists


@contextlib.contextmanager
def private_copy(source: Path) -> Iterator[Path]:
    """A copy of `source` in the private temporary folder, removed afterwards (with its
    journal files and the backup a migration makes beside it).

    Named after this process, so a copy left by a killed upload is cleared at a later start
    (app.paths.cleanup_private_temp)."""
    folder = private_temp_dir()
    stem = f"{private_temp_prefix()}upload-{uuid.uuid4().hex[:12]}"
    copy_path = folder / f"{stem}.sqlite"
    fd = os.open(copy_path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    try:
        _copy_sqlite(source, copy_path)
        _check_is_ringkvall(copy_path, source)
        yield copy_path
    finally:
        for leftover in folder.glob(f"{stem}*"):
            leftover.unlink(missing_ok=True)


def _copy_sqlite(source: Path, copy_path: Path) -> None:
    # Read-only, so the user's file is never changed. When no write-ahead log is beside it,
    # nobody has the file open: read it as immutable, which (unlike plain read-only) leaves no
    # -wal/-shm files beside it. With a log, another Ringkväll may be writing: read through
    # the log, consistently, under SQLite's own locks.
    wal = source.with_name(source.name + "-wal")
    uri = source.resolve().as_uri() + ("?mode=ro" if wal.exists() else "?mode=ro&immutable=1")
    try:
        copy_sqlite(uri, copy_path)
    except sqlite3.Error as exc:
        raise UserError(QT_TRANSLATE_NOOP("app", "File {path} cannot be read: {reason}"),
                        path=str(source), reason=str(exc)) from None


def _check_is_ringkvall(copy_path: Path, source: Path) -> None:
    """Refuse a SQLite file that is not Ringkväll's, or is newer than this Ringkväll."""
    con = sqlite3.connect(copy_path)
    try:
        has_version = con.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).fetchone()
        row = con.execute("SELECT version_num FROM alembic_version").fetchone() \
            if has_version else None
    except sqlite3.Error as exc:
        raise UserError(QT_TRANSLATE_NOOP("app", "File {path} cannot be read: {reason}"),
                        path=str(source), reason=str(exc)) from None
    finally:
        con.close()
    if row is None:
        raise UserError(QT_TRANSLATE_NOOP(
            "app", "File {path} is a SQLite file but not a Ringkväll database"),
            path=str(source))
    error = newer_than_app(str(row[0]), str(source))
    if error is not None:
        raise error


# --- narrowing the copy to what is uploaded ----------------------------------------------------

def _narrow(copy: Database, source: Path, campaign: str | None) -> list[str]:
    """Delete from the private copy everything not uploaded; the names of the campaigns left.

    The copy's foreign keys cascade, so deleting a campaign takes its people, calls, answers
    and all with it; what remains is exactly what goes to the server."""
    with copy.transaction() as session:
        conn = session.connection()
        found = conn.execute(select(Campaign.id, Campaign.name, Campaign.is_practice)
                             .order_by(Campaign.id)).all()
        if campaign is not None:
            chosen = [r for r in found if r.name == campaign]
            if not chosen:
                raise UserError(QT_TRANSLATE_NOOP("app", "Campaign {name} is not in {path}"),
                                name=campaign, path=str(source))
        else:
            chosen = [r for r in found if not r.is_practice]
            if not chosen and found:
                raise UserError(QT_TRANSLATE_NOOP(
                    "app", "{path} holds only the practice campaign; name it with "
                    "--campaign to upload it"), path=str(source))
            if not chosen:
                raise UserError(QT_TRANSLATE_NOOP("app", "{path} holds no campaign to upload"),
                                path=str(source))
        keep = [r.id for r in chosen]
        conn.execute(delete(Campaign).where(Campaign.id.not_in(keep)))
        conn.execute(update(Contact).where(Contact.claim_token.is_not(None)
                                           | Contact.claimed_by_id.is_not(None))
                     .values(claimed_by_id=None, claim_token=None, claim_expires_at=None))
        for name in ("volunteer", *OPTIONAL_CAMPAIGN):
            _drop_unreferenced(conn, Base.metadata.tables[name])
        return [r.name for r in chosen]


def _drop_unreferenced(conn: Connection, table: Table) -> None:
    """Delete the rows of `table` that no remaining row refers to (volunteers who made no
    uploaded call; scripts of no campaign that nothing uses)."""
    referring = [
        select(col).where(col.is_not(None))
        for other in Base.metadata.sorted_tables if other is not table
        for col in other.columns for fk in col.foreign_keys if fk.column.table is table
    ]
    used = union(*referring).subquery() if len(referring) > 1 else referring[0].subquery()
    statement = delete(table).where(table.c.id.not_in(select(used.c[0])))
    scope = OPTIONAL_CAMPAIGN.get(table.name)
    if scope is not None:
        statement = statement.where(table.c[scope].is_(None))
    conn.execute(statement)


def _count_rows(copy: Database) -> int:
    with copy.engine.connect() as conn:
        return sum(int(conn.scalar(select(func.count()).select_from(t)) or 0)
                   for t in _order())


def _refuse_existing(conn: Connection, names: Sequence[str], target: Database) -> None:
    taken = set(conn.scalars(select(Campaign.name).where(Campaign.name.in_(list(names)))))
    for name in names:  # the file's first, so the message does not vary
        if name in taken:
            raise UserError(ALREADY_THERE, name=name, db=target.location.display())


# --- the rules: how each table reaches a campaign ----------------------------------------------

def _order() -> list[Table]:
    """The tables in the order their rows can be inserted; audit events last (they point at
    rows of other tables by name and id, not by foreign key)."""
    tables = [t for t in Base.metadata.sorted_tables
              if t.name != "audit_event" and t.name not in NOT_UPLOADED]
    return [*tables, Base.metadata.tables["audit_event"]]


def _check_rules() -> None:
    """Every table must belong to a campaign through a required foreign key (or be one of the
    tables handled by hand): otherwise the upload would not know which of its rows to take.
    (That key must cascade on delete, as all of them do: narrowing the copy relies on it.)"""
    scoped = {"campaign"}
    for table in _order():
        if table.name in SPECIAL:
            continue
        parents = {fk.column.table.name for col in table.columns if not col.nullable
                   for fk in col.foreign_keys}
        optional = OPTIONAL_CAMPAIGN.get(table.name)
        if parents & scoped or optional is not None:
            scoped.add(table.name)
            continue
        raise RuntimeError(f"server upload: no rule for the table {table.name!r} "
                           "(see app/services/server/upload.py)")


def _own_id(table: Table) -> Column[Any] | None:
    """The table's own id, drawn anew from the server's sequence: a single integer primary key
    that is no foreign key (call_tally's key is its campaign's id, remapped like any key)."""
    columns = list(table.primary_key.columns)
    if len(columns) == 1 and not columns[0].foreign_keys and columns[0].name == "id":
        return columns[0]
    return None


# --- the copy ----------------------------------------------------------------------------------

class _Copier:
    """One attempt at copying the narrowed file into the server's open transaction."""

    def __init__(self, reader: Connection, writer: Connection, source: Path,
                 progress: Progress, total: int) -> None:
        _check_rules()
        self.reader = reader
        self.writer = writer
        self.source = source
        self.progress = progress
        self.total = total
        self.done = 0
        self.ids: dict[str, dict[int, int]] = {}  # table -> file id -> server id
        self.rows: dict[str, int] = {}
        self.deferred: list[tuple[Column[Any], int, int]] = []  # (column, server row, file ref)
        self.new_numbers: list[str] = []
        self.sequences: dict[str, str] = {}
        self.volunteers_matched = 0
        self.dnc_already = 0

    def run(self, names: list[str], upload_id: str) -> UploadResult:
        mapped = self._mapped_tables()
        finished: set[str] = set()
        for table in _order():
            if table.name == "volunteer":
                self._merge_volunteers(table)
            elif table.name == "do_not_call":
                self._merge_numbers(table)
            elif table.name == "audit_event":
                self._copy_audit(table)
            else:
                self._copy(table, finished, keep_ids=table.name in mapped)
            finished.add(table.name)
        self._fill_deferred()
        campaign_ids = list(self.ids["campaign"].values())
        left = self._leave_queue(campaign_ids)
        result = UploadResult(tuple(names), self.rows, self.volunteers_matched,
                              self.dnc_already, left)
        # The record of the upload, and how a retry finds that this one was stored.
        self.writer.execute(insert(AuditEvent).values(
            action=UPLOAD_ACTION, entity="", detail={
                "file": self.source.name, "upload": upload_id, **result.as_dict()}))
        self.progress.report(self.total, self.total)
        return result

    def _mapped_tables(self) -> set[str]:
        """Tables whose id map must be kept: referred to by a key, or by an audit event."""
        referred = {fk.column.table.name for t in Base.metadata.sorted_tables
                    for col in t.columns for fk in col.foreign_keys}
        entities = set(self.reader.scalars(select(AuditEvent.entity).distinct()))
        return referred | {e for e in entities if e in Base.metadata.tables}

    def _batches(self, table: Table) -> Iterator[list[dict[str, Any]]]:
        result = self.reader.execution_options(yield_per=BATCH).execute(
            select(table).order_by(*table.primary_key.columns))
        for part in result.partitions():
            yield [dict(row._mapping) for row in part]

    def _step(self, count: int) -> None:
        self.done += count
        self.progress.report(self.done, self.total)

    def _insert(self, table: Table, rows: list[dict[str, Any]],
                own: Column[Any] | None) -> list[int]:
        """Insert `rows` (without their own ids); the server's new ids, in the rows' order."""
        ids = self._allocate(table, own, len(rows)) if own is not None else []
        for row, new_id in zip(rows, ids, strict=False):
            assert own is not None
            row[own.name] = new_id
        try:
            # Plain executemany: psycopg pipelines one short, cached statement, several times
            # faster than multi-row VALUES with RETURNING, which it must parse batch by batch.
            self.writer.execute(insert(table), rows)
        except IntegrityError as exc:
            if table.name == "campaign":  # another upload got there first
                name = rows[0].get("name", "") if len(rows) == 1 else ""
                raise UserError(ALREADY_THERE, name=name,
                                db=_display(self.writer)) from None
            raise self._refused(table, exc) from None
        except DataError as exc:
            raise self._refused(table, exc) from None
        return ids

    def _allocate(self, table: Table, own: Column[Any], count: int) -> list[int]:
        """`count` new ids from the table's sequence, ascending, so the server's rows keep the
        file's order; the sequence stays ahead of every id, as if the server had chosen them."""
        sequence = self.sequences.get(table.name)
        if sequence is None:
            name = self.writer.dialect.identifier_preparer.format_table(table)
            sequence = self.writer.scalar(text("SELECT pg_get_serial_sequence(:t, :c)"),
                                          {"t": name, "c": own.name})
            if not sequence:
                raise RuntimeError(f"server upload: {table.name}.{own.name} has no sequence")
            self.sequences[table.name] = sequence
        return sorted(self.writer.scalars(
            text("SELECT nextval(CAST(:s AS regclass)) FROM generate_series(1, :n)"),
            {"s": sequence, "n": count}))

    def _refused(self, table: Table, exc: IntegrityError | DataError) -> UserError:
        # The driver's first line names the constraint or the type, never the values.
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else type(exc).__name__
        return UserError(REFUSED_ROW, table=table.name, path=str(self.source), reason=reason)

    def _copy(self, table: Table, finished: set[str], *, keep_ids: bool) -> None:
        own = _own_id(table)
        keys = [(col, fk.column.table.name) for col in table.columns
                for fk in col.foreign_keys]
        id_map = self.ids.setdefault(table.name, {}) if own is not None and keep_ids else None
        added = 0
        for batch in self._batches(table):
            file_ids = [row.pop(own.name) for row in batch] if own is not None else []
            later: list[tuple[int, Column[Any], int]] = []  # (row index, column, file ref)
            for index, row in enumerate(batch):
                for col, parent in keys:
                    value = row[col.name]
                    if value is None:
                        continue
                    if parent not in finished:
                        # A key to a table not yet copied (campaign.script_id): filled in
                        # once that table is on the server.
                        row[col.name] = None
                        later.append((index, col, value))
                        continue
                    row[col.name] = self._new_id(table, parent, value)
            new_ids = self._insert(table, batch, own)
            if id_map is not None:
                id_map.update(zip(file_ids, new_ids, strict=True))
            for index, col, value in later:
                assert new_ids, "a deferred key needs the row's own id"
                self.deferred.append((col, new_ids[index], value))
            added += len(batch)
            self._step(len(batch))
        self.rows[table.name] = added

    def _new_id(self, table: Table, parent: str, file_id: int) -> int:
        new = self.ids.get(parent, {}).get(file_id)
        if new is None:
            raise UserError(QT_TRANSLATE_NOOP(
                "app", "Nothing was uploaded: a row of {table} in {path} refers to a row of "
                "{parent} that is not in the file"),
                table=table.name, path=str(self.source), parent=parent)
        return new

    def _fill_deferred(self) -> None:
        by_column: dict[tuple[str, str], list[dict[str, int]]] = {}
        for col, row_id, file_ref in self.deferred:
            parent = next(iter(col.foreign_keys)).column.table.name
            table = col.table
            assert isinstance(table, Table)
            by_column.setdefault((table.name, col.name), []).append(
                {"p_row": row_id, "p_value": self._new_id(table, parent, file_ref)})
        for (table_name, col_name), params in by_column.items():
            table = Base.metadata.tables[table_name]
            own = _own_id(table)
            assert own is not None
            self.writer.execute(
                update(table).where(own == bindparam("p_row"))
                .values({col_name: bindparam("p_value")}), params)

    def _merge_volunteers(self, table: Table) -> None:
        id_map = self.ids.setdefault(table.name, {})
        added = 0
        for batch in self._batches(table):
            names = [row["name"] for row in batch]
            known: dict[str, int] = {name: vid for name, vid in self.writer.execute(
                select(Volunteer.name, Volunteer.id).where(Volunteer.name.in_(names)))}
            new = [row for row in batch if row["name"] not in known]
            for row in batch:
                if row["name"] in known:
                    id_map[row["id"]] = known[row["name"]]
            file_ids = [row.pop("id") for row in new]
            if new:
                id_map.update(zip(file_ids, self._insert(table, new, table.c.id), strict=True))
            self.volunteers_matched += len(batch) - len(new)
            added += len(new)
            self._step(len(batch))
        self.rows[table.name] = added

    def _merge_numbers(self, table: Table) -> None:
        added = 0
        for batch in self._batches(table):
            numbers = [row["e164"] for row in batch]
            known = set(self.writer.scalars(
                select(DoNotCall.e164).where(DoNotCall.e164.in_(numbers))))
            new = [row for row in batch if row["e164"] not in known]
            for row in new:
                del row["id"]
            if new:
                # A number added by someone else meanwhile is there all the same.
                try:
                    self.writer.execute(pg_insert(table).on_conflict_do_nothing(
                        index_elements=["e164"]), new)
                except (IntegrityError, DataError) as exc:
                    raise self._refused(table, exc) from None
                self.new_numbers.extend(row["e164"] for row in new)
            self.dnc_already += len(batch) - len(new)
            added += len(new)
            self._step(len(batch))
        self.rows[table.name] = added

    def _copy_audit(self, table: Table) -> None:
        added = 0
        for batch in self._batches(table):
            kept = []
            for row in batch:
                del row["id"]
                entity, entity_id = row["entity"], row["entity_id"]
                if entity_id is not None:
                    new = self.ids.get(entity, {}).get(entity_id)
                    if new is None:
                        continue  # about a row that is not uploaded
                    row["entity_id"] = new
                kept.append(row)
            if kept:
                self._insert(table, kept, None)
            added += len(kept)
            self._step(len(batch))
        self.rows[table.name] = added

    def _leave_queue(self, campaign_ids: list[int]) -> int:
        """Do-not-call numbers take effect: the uploaded people holding a number on the
        server's list, and anyone on the server holding a number new to it."""
        values = {"status": ContactStatus.DNC.value, "claimed_by_id": None,
                  "claim_token": None, "claim_expires_at": None,
                  "state_version": Contact.state_version + 1}
        blocked = select(PhoneNumber.contact_id).join(
            DoNotCall, DoNotCall.e164 == PhoneNumber.e164)
        # Arrays, not IN lists: a file may add more numbers than a statement takes parameters.
        where = or_(PhoneNumber.campaign_id == any_(bindparam("p_campaigns", type_=ARRAY(Integer))),
                    PhoneNumber.e164 == any_(bindparam("p_new", type_=ARRAY(String))))
        statement = (update(Contact)
                     .where(Contact.status != ContactStatus.DNC.value,
                            Contact.id.in_(blocked.where(where)))
                     .values(**values))
        result = self.writer.execute(statement, {"p_campaigns": campaign_ids,
                                                 "p_new": self.new_numbers})
        return int(getattr(result, "rowcount", 0) or 0)


def _display(conn: Connection) -> str:
    return conn.engine.url.render_as_string(hide_password=True)
