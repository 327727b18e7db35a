"""The import: stream a list's rows, normalise numbers, count, and bulk-insert in short steps.

Each row counts once: rejected (no callable number) before suppressed (a callable number is on
the do-not-call list) before duplicate (a callable number already belongs to a contact of the
campaign, rows of this file included); the rest are imported.

Rows are written in committed chunks of BATCH rows, so that an import never keeps callers
saving calls on the same file waiting for more than a moment; they stay invisible (status
'importing') until the whole file has gone in, and are deleted on Cancel or any failure, or
at the next start after a crash: see staging.py.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from app.clock import utcnow
from app.db.base import Base
from app.db.database import Database
from app.db.models import (
    Campaign,
    Contact,
    ImportRun,
    PhoneNumber,
    RejectedRow,
    TargetGroup,
)
from app.domain.phone import REASON_EMPTY, ParsedPhone
from app.domain.status import ContactStatus, QueueRank
from app.errors import QT_TRANSLATE_NOOP, UserError
from app.progress import NoProgress, Progress
from app.services import audit, dnc
from app.services.campaigns import find_group, get_or_create_campaign, get_or_create_group
from app.services.importing import mapping as m
from app.services.importing import staging
from app.services.importing.numbers import NumberParser
from app.services.importing.readers import Table, open_table

log = logging.getLogger(__name__)

BATCH = 2000  # rows per committed chunk (a few hundredths of a second) and progress report
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")

# Column widths of the model: PostgreSQL enforces them, so values are cut to fit.
_WIDTH = {
    m.FIRST_NAME: 200, m.LAST_NAME: 200, m.STREET: 300, m.POSTCODE: 20, m.CITY: 200,
    m.GENDER: 20,
}
RAW_WIDTH = 100
REASON_WIDTH = 500
EXTRA_WIDTH = 500
_CONTACT = Base.metadata.tables[Contact.__tablename__]
_PHONE = Base.metadata.tables[PhoneNumber.__tablename__]
_REJECTED = Base.metadata.tables[RejectedRow.__tablename__]
_ABANDONED = QT_TRANSLATE_NOOP(
    "app", "The import was interrupted for too long and has been undone. Import the list again.")


@dataclass(frozen=True)
class ImportReport:
    import_run_id: int
    campaign_id: int
    target_group_id: int
    file_name: str
    sheet: str | None
    rows: int
    imported: int
    rejected: int
    suppressed: int
    duplicate: int
    imported_before_at: datetime | None  # when this same file went into this campaign before

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["imported_before_at"] = (
            self.imported_before_at.isoformat() if self.imported_before_at else None
        )
        return data


def split_full_name(text: str) -> tuple[str, str]:
    """'Anna Maria Svensson' → ('Anna Maria', 'Svensson'); 'Svensson, Anna' → ('Anna', ...)."""
    text = " ".join(text.split())
    if "," in text:
        last, _, first = text.partition(",")
        return first.strip(), last.strip()
    first, _, last = text.rpartition(" ")
    return (first, last) if first else (last, "")


def birth_year(text: str, latest: int | None = None) -> int | None:
    """A plausible year of birth in the text ('1950', '1950-03-02'), else None."""
    match = _YEAR.search(text)
    if match is None:
        return None
    year = int(match.group(1))
    return year if 1880 <= year <= (latest or utcnow().year) else None


def import_table(
    db: Database,
    table: Table,
    mapping: m.Mapping,
    *,
    campaign: int | str,
    group: str,
    region: str = "SE",
    progress: Progress | None = None,
    actor: str = "",
) -> ImportReport:
    """Import `table` into `group` of `campaign` (an id, or a name created when missing).

    All or nothing: until it returns, nothing of the import is visible; Cancel (`Cancelled`
    from `progress`) or any error deletes what it wrote before the exception goes on.
    """
    m.check_mapping(mapping, str(table.path))
    progress = progress or NoProgress()
    progress.report(0, table.estimated_rows)
    owner = staging.owner_tag()
    run = _start_run(db, table, mapping, campaign, group, owner)
    span = staging.IdSpan()
    try:
        # One short read: the campaign's numbers (staged ones of another running import
        # included, so two imports of one list do not both import it) and the do-not-call
        # list. Entries added later are caught when publishing (see staging.publish).
        with db.session() as session:
            seen: set[str] = set(session.scalars(
                select(PhoneNumber.e164).where(PhoneNumber.campaign_id == run.campaign_id)))
            blocked = dnc.all_blocked(session)
        counts = _Importer(db, table, mapping, run, owner, span, region, progress,
                           seen, blocked).run()
        _begin_publishing(db, run, owner, counts, actor)
    except BaseException:
        _discard(db, run.run_id, span)
        raise
    # Past the point of no return: if this process dies now, the next start finishes it.
    staging.publish(db, run.run_id, span)
    return ImportReport(run.run_id, run.campaign_id, run.group_id, run.file_name, run.sheet,
                        *counts, imported_before_at=run.imported_before)


@dataclass(frozen=True)
class _Run:
    run_id: int
    campaign_id: int
    group_id: int
    file_name: str
    sheet: str | None
    started_at: datetime
    imported_before: datetime | None


def _start_run(
    db: Database, table: Table, mapping: m.Mapping, campaign: int | str, group: str,
    owner: str,
) -> _Run:
    """The campaign, the group and the run in state "staging", committed at once."""
    now = utcnow()
    with db.transaction() as session:
        camp = _campaign(session, campaign, now)
        grp = find_group(session, camp, group)
        if grp is None:
            grp = get_or_create_group(session, camp, group)
            # Stamped with the run's start, which tells a later clean-up that it is this
            # run's own group (staging.discard).
            grp.source_file = table.path.name[:500]
            grp.imported_at = now
        before = _imported_before(session, camp.id, table.sha256)
        run = ImportRun(
            target_group_id=grp.id, file_name=table.path.name[:500], file_sha256=table.sha256,
            sheet=table.sheet, mapping=mapping.kept(), imported_at=now,
            state=staging.STAGING, owner=owner, heartbeat_at=now,
        )
        session.add(run)
        session.flush()
        return _Run(run.id, camp.id, grp.id, run.file_name, run.sheet, now, before)


def _begin_publishing(
    db: Database, run: _Run, owner: str, counts: tuple[int, int, int, int, int], actor: str,
) -> None:
    """The point of no return: counts, audit record and the group's source, in one commit."""
    with db.transaction() as session:
        row = session.get(ImportRun, run.run_id)
        if row is None or row.state != staging.STAGING or row.owner != owner:
            raise UserError(_ABANDONED)
        row.state = staging.PUBLISHING
        row.heartbeat_at = utcnow()
        row.rows, row.imported, row.rejected, row.suppressed, row.duplicate = counts
        session.execute(update(TargetGroup).where(TargetGroup.id == run.group_id)
                        .values(source_file=run.file_name, imported_at=run.started_at))
        audit.record(session, "list_imported", actor=actor, entity="import_run",
                     entity_id=run.run_id, file=run.file_name, campaign_id=run.campaign_id,
                     target_group_id=run.group_id, rows=counts[0], imported=counts[1],
                     rejected=counts[2], suppressed=counts[3], duplicate=counts[4])


def _discard(db: Database, run_id: int, span: staging.IdSpan) -> None:
    try:
        staging.discard(db, run_id, span)
    except Exception:
        # The import's own error matters more; its rows stay invisible and the next start
        # removes them (recover_imports).
        log.exception("Could not undo import %s; it will be removed at the next start", run_id)


def import_file(
    db: Database,
    path: Path | str,
    *,
    campaign: int | str,
    group: str,
    sheet: str | None = None,
    overrides: Iterable[tuple[str, str]] = (),
    region: str = "SE",
    progress: Progress | None = None,
    actor: str = "",
) -> ImportReport:
    """Open, map automatically (with HEADER=field overrides) and import one list."""
    table = open_table(path, sheet)
    mapping = m.with_overrides(m.auto_mapping(table.headers), overrides)
    return import_table(db, table, mapping, campaign=campaign, group=group, region=region,
                        progress=progress, actor=actor)


def _campaign(session: Session, campaign: int | str, now: datetime) -> Campaign:
    if isinstance(campaign, str):
        # A new campaign is stamped with the run's start, which tells a later clean-up that
        # it is this run's own (staging.discard).
        return get_or_create_campaign(session, campaign, created_at=now)
    found = session.get(Campaign, campaign)
    if found is None:
        raise UserError(QT_TRANSLATE_NOOP("app", "The campaign no longer exists"))
    return found


def _imported_before(session: Session, campaign_id: int, sha256: str) -> datetime | None:
    return session.scalar(
        select(func.min(ImportRun.imported_at))
        .join(TargetGroup, TargetGroup.id == ImportRun.target_group_id)
        .where(TargetGroup.campaign_id == campaign_id, ImportRun.file_sha256 == sha256,
               ImportRun.state != staging.STAGING)
    )


class _Importer:
    def __init__(
        self, db: Database, table: Table, mapping: m.Mapping, run: _Run, owner: str,
        span: staging.IdSpan, region: str, progress: Progress, seen: set[str],
        blocked: set[str],
    ) -> None:
        self.db = db
        self.table = table
        self.mapping = mapping
        self.campaign_id = run.campaign_id
        self.group_id = run.group_id
        self.run_id = run.run_id
        self.owner = owner
        self.span = span
        self.now = run.started_at
        self.progress = progress
        self.seen = seen
        self.blocked = blocked
        self.parse = NumberParser(region)
        self.kept_columns = [i for i, f in enumerate(mapping.fields) if f != m.IGNORE]
        self.contacts: list[dict[str, Any]] = []
        self.phones: list[list[tuple[int, ParsedPhone]]] = []
        self.rejected: list[dict[str, Any]] = []
        # Column of each single-valued field (checked unique), and the kept extra columns.
        self.field_column = {f: mapping.columns_for(f)[0] for f in m.FIELDS
                             if f not in m.REPEATABLE and mapping.columns_for(f)}
        self.extra_columns = [(mapping.headers[i], i) for i in mapping.columns_for(m.EXTRA)]

    def run(self) -> tuple[int, int, int, int, int]:
        # One set of strings per campaign keeps the duplicate check in memory and O(1);
        # a million numbers is well under a hundred megabytes.
        seen, blocked = self.seen, self.blocked
        phone_columns = self.mapping.phone_columns
        rows = imported = rejected = suppressed = duplicate = 0
        for number, cells in self.table.rows():
            rows += 1
            found: list[ParsedPhone] = []
            reasons: list[str] = []
            for column in phone_columns:
                text = cells[column]
                if not text:
                    continue
                parsed = self.parse(text)
                if parsed.callable:
                    if all(p.e164 != parsed.e164 for p in found):
                        found.append(parsed)
                else:
                    reasons.append(f"{text}: {parsed.reason}")
            if not found:
                rejected += 1
                self._reject(number, cells, "; ".join(reasons) or REASON_EMPTY)
            elif any(p.e164 in blocked for p in found):
                suppressed += 1
            elif any(p.e164 in seen for p in found):
                duplicate += 1
            else:
                imported += 1
                for p in found:
                    assert p.e164 is not None
                    seen.add(p.e164)
                self._keep(cells, found)
            if rows % BATCH == 0:
                self._flush()
                self.progress.report(rows, max(rows, self.table.estimated_rows))
        self._flush()
        self.progress.report(rows, rows)
        return rows, imported, rejected, suppressed, duplicate

    def _value(self, cells: list[str], field: str) -> str:
        column = self.field_column.get(field)
        return "" if column is None else cells[column]

    def _reject(self, number: int, cells: list[str], reason: str) -> None:
        self.rejected.append({
            "import_run_id": self.run_id, "row_number": number,
            "reason": reason[:REASON_WIDTH],
            "values": [cells[i] for i in self.kept_columns],
        })

    def _keep(self, cells: list[str], found: list[ParsedPhone]) -> None:
        value = self._value
        first, last = value(cells, m.FIRST_NAME), value(cells, m.LAST_NAME)
        if not (first or last):
            first, last = split_full_name(value(cells, m.FULL_NAME))
        year_text = value(cells, m.BIRTH_YEAR)
        self.contacts.append({
            "campaign_id": self.campaign_id, "target_group_id": self.group_id,
            "import_run_id": self.run_id,
            "first_name": first[:200], "last_name": last[:200],
            "street": value(cells, m.STREET)[:_WIDTH[m.STREET]],
            "postcode": value(cells, m.POSTCODE)[:_WIDTH[m.POSTCODE]],
            "city": value(cells, m.CITY)[:_WIDTH[m.CITY]],
            "birth_year": birth_year(year_text, self.now.year) if year_text else None,
            "gender": value(cells, m.GENDER)[:_WIDTH[m.GENDER]],
            "extra": {header: cells[i][:EXTRA_WIDTH] for header, i in self.extra_columns
                      if cells[i]},
            # Hidden from every screen and the queue until the whole file is in.
            "status": ContactStatus.IMPORTING.value, "queue_rank": int(QueueRank.NEW),
            "next_call_at": self.now, "attempts": 0, "notes_for_next": "",
            "created_at": self.now,
        })
        self.phones.append(list(enumerate(found)))

    def _insert_contacts(self, session: Session) -> list[int]:
        """Bulk-insert the pending contacts through Core; their ids in order.

        The ORM's add_all is some thirty times slower for lists this size. PostgreSQL hands
        the ids back in parameter order in batched INSERT ... RETURNING; SQLAlchemy can only
        promise that order on SQLite row by row, so there the ids are given explicitly, from
        the highest id read in this same transaction: it holds SQLite's write lock (BEGIN
        IMMEDIATE), so no one else can take them in between.
        """
        if session.get_bind().dialect.name != "sqlite":
            return list(session.scalars(
                insert(_CONTACT).returning(_CONTACT.c.id, sort_by_parameter_order=True),
                self.contacts,
            ))
        first = (session.scalar(select(func.max(_CONTACT.c.id))) or 0) + 1
        ids = list(range(first, first + len(self.contacts)))
        for contact_id, row in zip(ids, self.contacts, strict=True):
            row["id"] = contact_id
        session.execute(insert(_CONTACT), self.contacts)
        return ids

    def _flush(self) -> None:
        """Write the pending rows in one short, committed transaction; refresh the heartbeat.

        Runs every BATCH rows even when nothing is pending: the heartbeat tells the next
        start that this import is alive, and the owner check stops it if a clean-up took
        the run over (it had been silent for STALE_AFTER, e.g. a suspended laptop).
        """
        with self.db.transaction() as session:
            beat = session.execute(
                update(ImportRun)
                .where(ImportRun.id == self.run_id, ImportRun.state == staging.STAGING,
                       ImportRun.owner == self.owner)
                .values(heartbeat_at=utcnow())
            )
            if staging.affected(beat) != 1:
                raise UserError(_ABANDONED)
            if self.contacts:
                ids = self._insert_contacts(session)
                self.span.add(ids)
                phone_rows = [
                    {"contact_id": contact_id, "campaign_id": self.campaign_id,
                     "position": position, "e164": p.e164, "raw": p.raw[:RAW_WIDTH],
                     "kind": p.kind.value if p.kind else "", "failed": False}
                    for contact_id, numbers in zip(ids, self.phones, strict=True)
                    for position, p in numbers
                ]
                session.execute(insert(_PHONE), phone_rows)
            if self.rejected:
                session.execute(insert(_REJECTED), self.rejected)
        self.contacts.clear()
        self.phones.clear()
        self.rejected.clear()


def rejected_rows(
    session: Session, import_run_id: int
) -> tuple[list[str], list[tuple[int, str, list[Any]]]]:
    """The kept headers of a run and its rejected rows (row number, reason, values)."""
    run = session.get(ImportRun, import_run_id)
    if run is None:
        raise UserError(QT_TRANSLATE_NOOP("app", "Import {id} does not exist"), id=import_run_id)
    headers = list((run.mapping or {}).keys())
    rows = [
        (r.row_number, r.reason, list(r.values or []))
        for r in session.scalars(
            select(RejectedRow).where(RejectedRow.import_run_id == import_run_id)
            .order_by(RejectedRow.row_number))
    ]
    return headers, rows

