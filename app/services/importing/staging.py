"""A running import's rows stay hidden until it has finished, and vanish if it never does.

An import writes in short transactions, so that callers saving calls on the same file get in
between (SQLite has one writer at a time; a 400,000-row import in one transaction kept every
caller out for over a minute). All-or-nothing is kept by staging:

1. the run is created in state "staging", owned by this process (`owner_tag`);
2. its contacts go in with status 'importing', which no screen, figure, export or queue
   shows (the queue claims only 'open'), with their numbers and the rejected rows, in
   committed chunks that also refresh `heartbeat_at`;
3. on success one transaction turns the run to "publishing" (with its counts and the audit
   record): from then on the import will be finished, by this process or the next start;
   `publish` switches the contacts to 'open' in short steps, then the run is "done";
4. Cancel or a failure `discard`s the run in short steps; after a crash (SIGKILL, power
   loss) `recover_imports`, called when the database is opened, discards abandoned staging
   runs and finishes abandoned publishing ones.

Nothing here is SQLite-only SQL: on PostgreSQL the same statements run, and the pauses that
let other writers in are skipped (PostgreSQL locks rows, not the whole database).
"""

from __future__ import annotations

import logging
import os
import socket
import sys
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import Delete, case, delete, exists, func, literal, select, update
from sqlalchemy.exc import SQLAlchemyError

from app.clock import utcnow
from app.db.models import (
    Campaign,
    Contact,
    DoNotCall,
    ImportRun,
    PhoneNumber,
    RejectedRow,
    TargetGroup,
)
from app.domain.status import ContactStatus
from app.errors import UserError

if TYPE_CHECKING:
    # Only for annotations: app.db.database imports this module when it opens a database.
    from app.db.database import Database

log = logging.getLogger(__name__)

STAGING = "staging"
PUBLISHING = "publishing"
DONE = "done"
# A run whose heartbeat is older than this is abandoned even if its process may still exist
# (another computer, or a reused process id). A live import refreshes it every chunk, i.e.
# several times a second.
STALE_AFTER = timedelta(minutes=15)
# Contacts per short transaction when publishing or discarding: 0.02-0.05 s each, measured
# on 2 shared cores (docs/importing.md).
STEP = 5000
# After each step on SQLite the lock is left free for about as long as it was held, so that
# a caller waiting in SQLite's busy handler (it retries every 100 ms at most) gets in.
_MIN_PAUSE = 0.01
_MAX_PAUSE = 0.25

IMPORTING = ContactStatus.IMPORTING.value


def owner_tag() -> str:
    """Who runs an import: 'host:pid', so that the next start can tell a dead run's owner."""
    return f"{_machine()}:{os.getpid()}"[:200]


def _machine() -> str:
    """This computer; on Linux with its process-id namespace, because a sandbox (Flatpak) or
    container has process ids of its own, which another one cannot check."""
    host = socket.gethostname()
    try:
        namespace = os.readlink("/proc/self/ns/pid")  # "pid:[4026531836]"
    except OSError:
        return host
    return f"{host}/{namespace.removeprefix('pid:[').removesuffix(']')}"


@dataclass
class IdSpan:
    """The lowest and highest contact id a run wrote; its contacts all lie between them."""

    low: int | None = None
    high: int | None = None

    def add(self, ids: list[int]) -> None:
        if ids:
            low, high = min(ids), max(ids)
            self.low = low if self.low is None else min(self.low, low)
            self.high = high if self.high is None else max(self.high, high)

    def windows(self) -> list[tuple[int, int]]:
        if self.low is None or self.high is None:
            return []
        return [(start, min(start + STEP - 1, self.high))
                for start in range(self.low, self.high + 1, STEP)]


def pause_for_others(db: Database, held: float) -> None:
    """Leave SQLite's single write lock free for a moment after a step that held it."""
    if db.dialect == "sqlite":
        time.sleep(min(max(held, _MIN_PAUSE), _MAX_PAUSE))


def publish(db: Database, run_id: int, span: IdSpan) -> None:
    """Make a publishing run's contacts callable in short steps, then mark the run done.

    Only contacts still 'importing' change: one that a do-not-call entry made 'dnc' while
    the import ran stays so. A number put on the list before its contact was written, after
    the import had read the list, is caught here: such a contact becomes 'dnc', not 'open'.
    """
    blocked = (
        select(literal(1)).select_from(PhoneNumber)
        .join(DoNotCall, DoNotCall.e164 == PhoneNumber.e164)
        .where(PhoneNumber.contact_id == Contact.id)
    )
    status = case((exists(blocked), ContactStatus.DNC.value), else_=ContactStatus.OPEN.value)
    for low, high in span.windows():
        started = time.perf_counter()
        with db.transaction() as session:
            session.execute(
                update(Contact)
                .where(Contact.id.between(low, high), Contact.import_run_id == run_id,
                       Contact.status == IMPORTING)
                .values(status=status)
                .execution_options(synchronize_session=False)
            )
            session.execute(update(ImportRun).where(ImportRun.id == run_id)
                            .values(heartbeat_at=utcnow()))
        pause_for_others(db, time.perf_counter() - started)
    with db.transaction() as session:
        session.execute(update(ImportRun)
                        .where(ImportRun.id == run_id, ImportRun.state == PUBLISHING)
                        .values(state=DONE, heartbeat_at=utcnow()))


def discard(db: Database, run_id: int, span: IdSpan | None = None) -> None:
    """Delete a staging run and everything it wrote, in short steps.

    `span` is the contact ids the caller wrote; without it (after a crash) they are looked
    up. A campaign or target group that the run itself created goes too, so that Cancel
    leaves the database as it was: an import stamps what it creates with its own start time
    (campaign.created_at, target_group.imported_at), which is how a later start can tell.
    """
    with db.session() as session:
        run = session.get(ImportRun, run_id)
        if run is None or run.state != STAGING:
            return  # gone already, or past the point of no return (finished by recovery)
        group_id, started_at = run.target_group_id, run.imported_at
        if span is None:
            span = _span_of(db, run_id)
    for low, high in span.windows():
        # Every status: a do-not-call entry may have made a staged contact 'dnc'.
        # Numbers go with their contacts (ON DELETE CASCADE).
        _step(db, delete(Contact).where(Contact.id.between(low, high),
                                        Contact.import_run_id == run_id))
    while True:
        batch = select(RejectedRow.id).where(RejectedRow.import_run_id == run_id).limit(STEP)
        if not _step(db, delete(RejectedRow).where(RejectedRow.id.in_(batch))):
            break
    with db.transaction() as session:
        deleted = session.execute(
            delete(ImportRun).where(ImportRun.id == run_id, ImportRun.state == STAGING)
        )
        if not affected(deleted):
            return
        group = session.execute(
            select(TargetGroup.campaign_id, TargetGroup.imported_at)
            .where(TargetGroup.id == group_id)).first()
        if group is None or group.imported_at != started_at or session.scalar(
                select(exists().where(Contact.target_group_id == group_id))) or session.scalar(
                select(exists().where(ImportRun.target_group_id == group_id))):
            return  # not this run's own group, or another import uses it now
        session.execute(delete(TargetGroup).where(TargetGroup.id == group_id))
        created_at = session.scalar(select(Campaign.created_at)
                                    .where(Campaign.id == group.campaign_id))
        if created_at == started_at and not session.scalar(
                select(exists().where(TargetGroup.campaign_id == group.campaign_id))):
            # Its built-in scripts and tally go with it (ON DELETE CASCADE).
            session.execute(delete(Campaign).where(Campaign.id == group.campaign_id))


def _step(db: Database, statement: Delete) -> int:
    started = time.perf_counter()
    with db.transaction() as session:
        count = affected(session.execute(statement))
    pause_for_others(db, time.perf_counter() - started)
    return count


def affected(result: object) -> int:
    """Rows an UPDATE or DELETE changed (its CursorResult's rowcount)."""
    return int(getattr(result, "rowcount", 0) or 0)


def _span_of(db: Database, run_id: int) -> IdSpan:
    # A read (no lock): without an index on import_run_id it reads the whole contact table,
    # which only happens when cleaning up after a crash.
    with db.session() as session:
        low, high = session.execute(
            select(func.min(Contact.id), func.max(Contact.id))
            .where(Contact.import_run_id == run_id)).one()
    return IdSpan(low, high)


@dataclass(frozen=True)
class _Unfinished:
    id: int
    state: str
    owner: str
    heartbeat_at: datetime | None


def recover_imports(db: Database, now: datetime | None = None) -> int:
    """Discard or finish imports whose process died; how many were handled.

    Called when the database is opened. A run is abandoned when its heartbeat is older than
    STALE_AFTER, or when it was started on this computer by a process that no longer runs.
    Never raises: the staged rows are invisible anyway, and the next start tries again.
    """
    try:
        return _recover(db, now or utcnow())
    except (SQLAlchemyError, UserError):  # UserError: busy, or the disk failing
        log.warning("Could not clean up unfinished imports; will try at the next start",
                    exc_info=True)
        return 0


def _recover(db: Database, now: datetime) -> int:
    with db.session() as session:
        runs = [
            _Unfinished(*row) for row in session.execute(
                select(ImportRun.id, ImportRun.state, ImportRun.owner, ImportRun.heartbeat_at)
                .where(ImportRun.state.in_((STAGING, PUBLISHING))))
        ]
    handled = 0
    for run in runs:
        if not _abandoned(run, now) or not _claim(db, run, now):
            continue
        if run.state == STAGING:
            log.info("Removing import %s left unfinished by %s", run.id, run.owner)
            discard(db, run.id)
        else:
            log.info("Finishing import %s left half-published by %s", run.id, run.owner)
            publish(db, run.id, _span_of(db, run.id))
        handled += 1
    return handled


def _abandoned(run: _Unfinished, now: datetime) -> bool:
    if run.heartbeat_at is None or now - run.heartbeat_at > STALE_AFTER:
        return True
    machine, _, pid = run.owner.rpartition(":")
    return machine == _machine() and pid.isdigit() and not _pid_running(int(pid))


def _claim(db: Database, run: _Unfinished, now: datetime) -> bool:
    """Take the run over, unless its owner or another starting process touched it since.

    The owner's next chunk then fails its ownership check, so nothing more is written.
    """
    heartbeat = (ImportRun.heartbeat_at.is_(None) if run.heartbeat_at is None
                 else ImportRun.heartbeat_at == run.heartbeat_at)
    with db.transaction() as session:
        result = session.execute(
            update(ImportRun)
            .where(ImportRun.id == run.id, ImportRun.state == run.state,
                   ImportRun.owner == run.owner, heartbeat)
            .values(owner=owner_tag(), heartbeat_at=now)
        )
        return affected(result) == 1


def _pid_running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        # os.kill(pid, 0) would terminate the process on Windows: ask the kernel instead.
        import ctypes
        from ctypes import wintypes

        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return ctypes.get_last_error() == 5  # ERROR_ACCESS_DENIED: it runs, as another user
        try:
            code = wintypes.DWORD()
            if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
                return True
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it runs, as another user
    return True
