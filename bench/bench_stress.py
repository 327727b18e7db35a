"""Many callers on one database at once: "save the call and show the next", for a minute.

`python -m bench stress [--backend postgresql|sqlite] [--db SERVER-URL] [--callers N]
[--seconds S] [--contacts N]`

A fresh database with the app's schema and one campaign of N contacts (100,000) is made, then
copied twice. On one copy N caller processes (50 on PostgreSQL, 10 on SQLite), started together,
each open the database with `open_database`, begin an evening and loop the calling screen's
`save_and_next` (with a mix of outcomes) for S seconds (60). On the other copy the same number
of processes run the same loop written with the plain driver (psycopg or sqlite3): claim the
next person with one UPDATE (FOR UPDATE SKIP LOCKED on PostgreSQL, BEGIN IMMEDIATE on SQLite),
insert the call and its answers, update the person, load the next card, commit. It keeps no
running totals and reads no figures for the side panel: those are part of the app's cost.

Figures: calls per second, p50 and p95 latency of one save-and-next, each beside the baseline.
Checks, which must be 0 (the run exits 1 otherwise):
- double claims: people offered to two callers, or with two calls. No outcome of the mix brings
  a person back within the run (a retry waits the campaign's 120 minutes, a callback a day),
  so a second offer can only be a second claim;
- lost calls: saves a caller saw committed that are not in the `call` table (and rows there
  that no caller saw committed).
Also printed: the callers' own CPU time per save (on a machine whose cores the callers share
with the server it bounds the throughput), and the SQL statements of one app caller's saves.

PostgreSQL: `--db` names the server (postgresql+psycopg://USER@HOST:PORT), by default
$RINGKVALL_BENCH_PG or $RINGKVALL_TEST_PG; the bench creates its databases there and drops
them. The default backend is PostgreSQL when a server is named, else SQLite.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import multiprocessing
import os
import queue
import re
import shutil
import sqlite3
import sys
import tempfile
import threading
import time
import traceback
import uuid
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from multiprocessing.synchronize import Barrier
from pathlib import Path
from typing import Any

from bench.common import Figure

PG_ENVS = ("RINGKVALL_BENCH_PG", "RINGKVALL_TEST_PG")
CLAIM_MINUTES = 20
RETRY_WAIT_MINUTES = 120
# Mostly no answer and conversations, a few busy and callbacks; none re-queues within a run.
OUTCOMES = ("no_answer", "conversation") * 4 + ("busy",) + ("no_answer", "conversation") * 5 \
    + ("callback",)
ANSWERS = {"reached": "yes", "issue_agreement": "4"}
_RETRY = frozenset({"no_answer", "busy", "voicemail"})
_FMT = "%Y-%m-%d %H:%M:%S.%f"  # how SQLAlchemy stores a DateTime in SQLite
_START_TIMEOUT = 600.0  # seconds for every caller to be ready (50 processes on 2 cores)
_GIVE_UP = 60.0  # seconds past the end after which a save that stays busy is an error


# --- where the data lives ---------------------------------------------------------------------

@dataclass(frozen=True)
class Target:
    """Where a run's databases are made: a PostgreSQL server, or a folder for SQLite files."""

    backend: str  # "postgresql" or "sqlite"
    server: str = ""  # postgresql+psycopg://USER@HOST:PORT, no database
    folder: str = ""

    def url(self, name: str) -> str:
        """The --db value of database `name` (an app URL or a SQLite path)."""
        if self.backend == "sqlite":
            return str(Path(self.folder) / f"{name}.sqlite")
        return f"{self.server}/{name}"


def _libpq(url: str) -> str:
    """The SQLAlchemy URL as psycopg takes it."""
    from sqlalchemy.engine import make_url

    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def server_url(value: str) -> str:
    """A server's URL without database and with psycopg named (what `Target.server` holds)."""
    from sqlalchemy.engine import make_url

    url = make_url(value)
    if url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    return url.set(database=None).render_as_string(hide_password=False).rstrip("/")


@contextlib.contextmanager
def _admin(target: Target) -> Iterator[Any]:
    import psycopg

    conn = psycopg.connect(_libpq(f"{target.server}/postgres"), autocommit=True)
    try:
        yield conn
    finally:
        conn.close()


def _numbers() -> list[str]:
    """E.164 forms of the numbers PTS reserves for fiction, reused across contacts."""
    numbers = [f"+46701740{n:03d}" for n in range(605, 700)]
    numbers += [f"+46846500{n:02d}" for n in range(100)]
    numbers += [f"+46313906{n:02d}" for n in range(100)]
    return numbers


def _contact_rows(campaign_id: int, group_id: int, contacts: int,
                  start: datetime) -> Iterator[tuple[Any, ...]]:
    """(id, campaign, group, first name, next_call_at, created_at) with naive UTC times."""
    created = start.replace(tzinfo=None)
    for i in range(1, contacts + 1):
        yield (i, campaign_id, group_id, f"Person{i}", created + timedelta(milliseconds=i),
               created)


def create_dataset(target: Target, name: str, contacts: int) -> int:
    """A fresh database `name` with the app's schema and one campaign of `contacts` people,
    open around the clock; the campaign's id. Rows go in through the driver, for speed."""
    from app.db.database import open_database
    from app.db.models import Campaign, TargetGroup

    if target.backend == "postgresql":
        with _admin(target) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
    url = target.url(name)
    db = open_database(url)
    try:
        with db.transaction() as s:
            campaign = Campaign(name="Stress", weekday_hours="00:00-24:00",
                                weekend_hours="00:00-24:00", max_attempts=3,
                                retry_wait_minutes=RETRY_WAIT_MINUTES)
            s.add(campaign)
            s.flush()
            group = TargetGroup(campaign_id=campaign.id, name="Alla")
            s.add(group)
            s.flush()
            campaign_id, group_id = campaign.id, group.id
    finally:
        db.close()
    start = datetime.now(UTC) - timedelta(days=1)
    numbers = _numbers()
    if target.backend == "postgresql":
        _fill_pg(url, campaign_id, group_id, contacts, start, numbers)
    else:
        _fill_sqlite(url, campaign_id, group_id, contacts, start, numbers)
    return campaign_id


def _fill_pg(url: str, campaign_id: int, group_id: int, contacts: int, start: datetime,
             numbers: list[str]) -> None:
    import psycopg

    with psycopg.connect(_libpq(url)) as conn:
        with conn.cursor() as cur:
            with cur.copy(
                "COPY contact (id, campaign_id, target_group_id, first_name, last_name, street,"
                " postcode, city, gender, extra, status, queue_rank, next_call_at, attempts,"
                " notes_for_next, state_version, created_at) FROM STDIN"
            ) as copy:
                for cid, camp, grp, first, due, created in _contact_rows(
                        campaign_id, group_id, contacts, start):
                    copy.write_row((cid, camp, grp, first, "Exempel", "", "", "Spånga", "",
                                    '{"Område": "Tensta"}', "open", 1, due, 0, "", 0, created))
            with cur.copy(
                "COPY phone_number (id, contact_id, campaign_id, position, e164, raw, kind,"
                " failed) FROM STDIN"
            ) as copy:
                for i in range(1, contacts + 1):
                    copy.write_row((i, i, campaign_id, 0, numbers[i % len(numbers)], "",
                                    "mobile", False))
            for table in ("contact", "phone_number"):
                cur.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                            f"(SELECT max(id) FROM {table}))")
        conn.commit()
        conn.autocommit = True
        conn.execute("VACUUM ANALYZE")


def _fill_sqlite(path: str, campaign_id: int, group_id: int, contacts: int, start: datetime,
                 numbers: list[str]) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA synchronous = OFF")
        with conn:
            conn.executemany(
                "INSERT INTO contact (id, campaign_id, target_group_id, first_name, last_name, "
                "street, postcode, city, gender, extra, status, queue_rank, next_call_at, "
                "attempts, notes_for_next, state_version, created_at) VALUES (?, ?, ?, ?, "
                "'Exempel', '', '', 'Spånga', '', '{\"Område\": \"Tensta\"}', 'open', 1, ?, 0, "
                "'', 0, ?)",
                ((cid, camp, grp, first, due.strftime(_FMT), created.strftime(_FMT))
                 for cid, camp, grp, first, due, created in _contact_rows(
                     campaign_id, group_id, contacts, start)),
            )
            conn.executemany(
                "INSERT INTO phone_number (id, contact_id, campaign_id, position, e164, raw, "
                "kind, failed) VALUES (?, ?, ?, 0, ?, '', 'mobile', 0)",
                ((i, i, campaign_id, numbers[i % len(numbers)]) for i in range(1, contacts + 1)),
            )
        conn.execute("ANALYZE")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def copy_dataset(target: Target, source: str, name: str) -> str:
    """A copy of database `source` as `name` (nobody may be connected to `source`); its URL."""
    if target.backend == "postgresql":
        with _admin(target) as conn:
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{source}"')
    else:
        shutil.copyfile(target.url(source), target.url(name))
    return target.url(name)


def drop_database(target: Target, name: str) -> None:
    if target.backend == "postgresql":
        with _admin(target) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    else:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(target.url(name) + suffix).unlink(missing_ok=True)


# --- one caller process -----------------------------------------------------------------------

@dataclass
class CallerReport:
    index: int
    volunteer_id: int = 0
    saves: int = 0  # saves the caller saw committed
    latencies: list[float] = field(default_factory=list)  # seconds per save-and-next
    saved: list[int] = field(default_factory=list)  # the people of those saves
    shown: list[int] = field(default_factory=list)  # every person the caller was offered
    conflicts: int = 0  # saves the app said had lost their claim to someone else
    busy: int = 0  # attempts that failed as "database busy" and were tried again
    ran_out: bool = False  # the queue was empty before the time was up
    elapsed: float = 0.0  # seconds from the start signal to the last save
    cpu: float = 0.0  # CPU seconds this process used meanwhile (the client's own cost)
    statements: dict[str, int] = field(default_factory=dict)  # caller 0 of the app: per SQL
    error: str = ""


def _outcome(index: int, i: int) -> str:
    return OUTCOMES[(index + i) % len(OUTCOMES)]


def _start(barrier: Barrier) -> float:
    """Wait until every caller (and the parent) is ready; the start time."""
    barrier.wait(timeout=_START_TIMEOUT)
    return time.perf_counter()


def app_caller(url: str, campaign_id: int, index: int, seconds: float, barrier: Barrier,
               results: Any, profile: bool = False) -> None:
    """One volunteer on the calling screen's service steps, saving as fast as it can."""
    report = CallerReport(index)
    started = False
    try:
        from sqlalchemy import event

        from app.clock import utcnow
        from app.db.database import open_database
        from app.errors import DatabaseBusy
        from app.services.calling import CallInput, begin_evening
        from app.services.calling.steps import save_and_next, show_next

        db = open_database(url)
        counting = [False]
        if profile:
            def on_execute(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
                if counting[0]:
                    key = re.sub(r"\s+", " ", statement).strip()[:90]
                    report.statements[key] = report.statements.get(key, 0) + 1

            event.listen(db.engine, "before_cursor_execute", on_execute)
        with db.transaction() as s:
            evening = begin_evening(s, campaign_id, None, f"Bench {index}")
        report.volunteer_id = evening.volunteer_id
        step = show_next(db, evening, CLAIM_MINUTES)
        card = step.next.card if step.next else None
        if card is not None:
            report.shown.append(card.contact_id)
        begin = _start(barrier)
        cpu = time.process_time()
        started = True
        deadline = begin + seconds
        i = 0
        while card is not None and time.perf_counter() < deadline:
            outcome = _outcome(index, i)
            now = utcnow()
            call = CallInput(
                contact_id=card.contact_id, claim_token=card.claim_token,
                seen_version=card.state_version, outcome=outcome,
                volunteer_id=evening.volunteer_id, phone_number_id=card.phones[0].id,
                started_at=now, answers=ANSWERS if outcome == "conversation" else {},
                callback_at=now + timedelta(days=1) if outcome == "callback" else None,
            )
            t0 = time.perf_counter()
            while True:
                counting[0] = True
                try:
                    step = save_and_next(db, evening, call, CLAIM_MINUTES)
                except DatabaseBusy:
                    report.busy += 1  # nothing was saved: the volunteer presses Save again
                    if time.perf_counter() > deadline + _GIVE_UP:
                        raise
                    continue
                finally:
                    counting[0] = False
                break
            report.latencies.append(time.perf_counter() - t0)
            report.saves += 1
            report.saved.append(card.contact_id)
            if step.conflict is not None:
                report.conflicts += 1
            card = step.next.card if step.next else None
            if card is not None:
                report.shown.append(card.contact_id)
            i += 1
        report.ran_out = card is None
        report.elapsed = time.perf_counter() - begin
        report.cpu = time.process_time() - cpu
        db.close()
    except Exception:
        report.error = traceback.format_exc()
        if not started:
            barrier.abort()
    results.put(report)


def _sqlite_time(value: datetime) -> str:
    return value.replace(tzinfo=None).strftime(_FMT)


def _queue_values(outcome: str, now: datetime, callback_at: datetime) -> tuple[str, int | None,
                                                                             datetime | None]:
    """status, queue_rank (None: unchanged), next_call_at (None: unchanged) after a first call."""
    if outcome in _RETRY:
        return "open", 2, now + timedelta(minutes=RETRY_WAIT_MINUTES)
    if outcome == "callback":
        return "open", 0, callback_at
    return "done", None, None


class _PlainPg:
    """The loop on psycopg: one transaction per save, as the app's; five statements (six with
    answers): the call, its answers, the person, the claim of the next, their numbers."""

    placeholder = "%s"

    def __init__(self, url: str) -> None:
        import psycopg

        self.errors: tuple[type[BaseException], ...] = (
            psycopg.errors.LockNotAvailable, psycopg.errors.DeadlockDetected,
            psycopg.errors.SerializationFailure)
        self.conn = psycopg.connect(_libpq(url))
        self.skip_locked = " FOR UPDATE SKIP LOCKED"

    def time(self, value: datetime) -> Any:
        return value.replace(tzinfo=None)

    def begin(self) -> None:
        pass  # psycopg begins the transaction with the first statement

    def execute(self, sql: str, params: Sequence[Any]) -> Any:
        return self.conn.execute(sql, params)

    def executemany(self, sql: str, params: list[Sequence[Any]]) -> None:
        self.conn.cursor().executemany(sql, params)

    def commit(self) -> None:
        self.conn.commit()

    def rollback(self) -> None:
        self.conn.rollback()

    def close(self) -> None:
        self.conn.close()


class _PlainSqlite:
    """The loop on sqlite3, set up as the app sets up its connections."""

    placeholder = "?"

    def __init__(self, path: str) -> None:
        self.errors: tuple[type[BaseException], ...] = (sqlite3.OperationalError,)
        self.conn = sqlite3.connect(path, isolation_level=None)
        for pragma in ("busy_timeout = 10000", "foreign_keys = ON", "journal_mode = WAL",
                       "synchronous = NORMAL"):
            self.conn.execute(f"PRAGMA {pragma}")
        self.skip_locked = ""

    def time(self, value: datetime) -> Any:
        return _sqlite_time(value)

    def begin(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def execute(self, sql: str, params: Sequence[Any]) -> Any:
        return self.conn.execute(sql, params)

    def executemany(self, sql: str, params: list[Sequence[Any]]) -> None:
        self.conn.executemany(sql, params)

    def commit(self) -> None:
        self.conn.execute("COMMIT")

    def rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def close(self) -> None:
        self.conn.close()


def baseline_caller(url: str, backend: str, campaign_id: int, index: int, seconds: float,
                    barrier: Barrier, results: Any, profile: bool = False) -> None:
    """The same loop written by hand with the plain driver."""
    report = CallerReport(index)
    started = False
    try:
        db: _PlainPg | _PlainSqlite = (
            _PlainPg(url) if backend == "postgresql" else _PlainSqlite(url))
        p = db.placeholder
        claim_sql = (
            f"UPDATE contact SET claimed_by_id = {p}, claim_token = {p}, claim_expires_at = {p} "
            f"WHERE id = (SELECT id FROM contact WHERE campaign_id = {p} AND status = 'open' "
            f"AND next_call_at <= {p} AND (claim_expires_at IS NULL OR claim_expires_at <= {p}) "
            f"ORDER BY queue_rank, next_call_at, id LIMIT 1{db.skip_locked}) "
            "RETURNING id, first_name, last_name, city, notes_for_next, state_version")
        call_sql = (
            'INSERT INTO "call" (uuid, campaign_id, target_group_id, contact_id, volunteer_id, '
            "phone_number_id, number_dialled, started_at, ended_at, outcome, notes, "
            "meeting_signup, contact_before, saved_at) "
            f"SELECT {p}, c.campaign_id, c.target_group_id, c.id, {p}, n.id, n.e164, {p}, {p}, "
            f"{p}, '', {'false' if backend == 'postgresql' else '0'}, '{{}}', {p} "
            f"FROM contact c JOIN phone_number n ON n.id = {p} WHERE c.id = {p} RETURNING id")
        answer_sql = f"INSERT INTO answer (call_id, question_key, value) VALUES ({p}, {p}, {p})"
        contact_sql = (
            f"UPDATE contact SET attempts = attempts + 1, last_outcome = {p}, "
            f"last_called_at = {p}, status = {p}, queue_rank = COALESCE({p}, queue_rank), "
            f"next_call_at = COALESCE({p}, next_call_at), state_version = state_version + 1, "
            "claimed_by_id = NULL, claim_token = NULL, claim_expires_at = NULL WHERE id = "
            f"{p} AND claim_token = {p}")
        phones_sql = (f"SELECT id, e164 FROM phone_number WHERE contact_id = {p} "
                      "ORDER BY position, id")
        name = f"Baseline {index}"
        db.begin()
        row = db.execute(f"SELECT id FROM volunteer WHERE name = {p}", (name,)).fetchone()
        if row is None:
            row = db.execute(f"INSERT INTO volunteer (name, created_at) VALUES ({p}, {p}) "
                             "RETURNING id", (name, db.time(datetime.now(UTC)))).fetchone()
        volunteer = int(row[0])
        db.commit()
        report.volunteer_id = volunteer

        def claim(now: datetime) -> tuple[int, str, int] | None:
            token = str(uuid.uuid4())
            t = db.time(now)
            found = db.execute(claim_sql, (
                volunteer, token, db.time(now + timedelta(minutes=CLAIM_MINUTES)),
                campaign_id, t, t)).fetchone()
            if found is None:
                return None
            phones = db.execute(phones_sql, (found[0],)).fetchall()
            return int(found[0]), token, int(phones[0][0])

        db.begin()
        card = claim(datetime.now(UTC))
        db.commit()
        if card is not None:
            report.shown.append(card[0])
        begin = _start(barrier)
        cpu = time.process_time()
        started = True
        deadline = begin + seconds
        i = 0
        while card is not None and time.perf_counter() < deadline:
            contact, token, phone = card
            outcome = _outcome(index, i)
            t0 = time.perf_counter()
            while True:
                now = datetime.now(UTC)
                status, rank, due = _queue_values(outcome, now, now + timedelta(days=1))
                try:
                    db.begin()
                    call_id = db.execute(call_sql, (
                        str(uuid.uuid4()), volunteer, db.time(now), db.time(now), outcome,
                        db.time(now), phone, contact)).fetchone()[0]
                    if outcome == "conversation":
                        db.executemany(answer_sql, [(call_id, k, json.dumps(v))
                                                    for k, v in ANSWERS.items()])
                    db.execute(contact_sql, (outcome, db.time(now), status, rank,
                                             db.time(due) if due else None, contact, token))
                    following = claim(now)
                    db.commit()
                except db.errors:
                    db.rollback()
                    report.busy += 1
                    if time.perf_counter() > deadline + _GIVE_UP:
                        raise
                    continue
                break
            report.latencies.append(time.perf_counter() - t0)
            report.saves += 1
            report.saved.append(contact)
            card = following
            if card is not None:
                report.shown.append(card[0])
            i += 1
        report.ran_out = card is None
        report.elapsed = time.perf_counter() - begin
        report.cpu = time.process_time() - cpu
        db.close()
    except Exception:
        report.error = traceback.format_exc()
        if not started:
            barrier.abort()
    results.put(report)


# --- a run and its checks ---------------------------------------------------------------------

@dataclass
class RunResult:
    kind: str  # "app" or "baseline"
    reports: list[CallerReport]
    seconds: float  # the longest caller's time from the start signal to its last save
    saves: int
    rows: int  # calls in the table afterwards
    double_claims: int  # people offered to two callers or with two calls
    lost: int  # saves seen committed but not in the table
    extra: int  # calls in the table that no caller saw committed
    conflicts: int
    busy: int
    ran_out: int  # callers that found the queue empty before the time was up
    errors: list[str]

    @property
    def calls_per_second(self) -> float:
        return self.saves / self.seconds if self.seconds else 0.0

    def percentile_ms(self, q: int) -> float:
        times = sorted(t for r in self.reports for t in r.latencies)
        if not times:
            return float("nan")
        return times[min(len(times) - 1, int(len(times) * q / 100))] * 1000

    @property
    def cpu_ms_per_save(self) -> float:
        """The callers' own CPU time per save: on a machine they share with the server, this
        bounds the throughput (cores / this) whatever the database does."""
        return sum(r.cpu for r in self.reports) / self.saves * 1000 if self.saves else 0.0

    @property
    def statements(self) -> dict[str, int]:
        return next((r.statements for r in self.reports if r.statements), {})

    @property
    def ok(self) -> bool:
        return (not self.errors and self.saves > 0 and self.double_claims == 0
                and self.lost == 0 and self.extra == 0 and self.conflicts == 0)


def _calls_in(target: Target, url: str) -> list[tuple[int, int]]:
    """(volunteer_id, contact_id) of every call in the database."""
    sql = 'SELECT volunteer_id, contact_id FROM "call"'
    if target.backend == "postgresql":
        import psycopg

        with psycopg.connect(_libpq(url)) as server:
            return [(int(v), int(c)) for v, c in server.execute(sql).fetchall()]
    local = sqlite3.connect(url)
    try:
        return [(int(v), int(c)) for v, c in local.execute(sql).fetchall()]
    finally:
        local.close()


def run_callers(target: Target, url: str, kind: str, campaign_id: int, callers: int,
                seconds: float, progress: bool = False) -> RunResult:
    """`callers` processes of `kind` ("app" or "baseline") on database `url`, started
    together and stopped after `seconds`; their reports checked against the call table."""
    context = multiprocessing.get_context("forkserver")
    # Each caller process forks from a server that has imported the app once: 50 imports
    # of SQLAlchemy and the app would take longer than the run on a small machine.
    context.set_forkserver_preload(["bench.bench_stress", "app.services.calling.steps",
                                    "app.db.database", "psycopg"])
    barrier = context.Barrier(callers + 1)
    results = context.Queue()
    processes = []
    for index in range(callers):
        if kind == "app":
            args: tuple[Any, ...] = (url, campaign_id, index, seconds, barrier, results,
                                     index == 0)
            target_fn: Any = app_caller
        else:
            args = (url, target.backend, campaign_id, index, seconds, barrier, results)
            target_fn = baseline_caller
        process = context.Process(target=target_fn, args=args, daemon=True)
        process.start()
        processes.append(process)
    begin = time.perf_counter()
    with contextlib.suppress(threading.BrokenBarrierError):
        barrier.wait(timeout=_START_TIMEOUT)
    if progress:
        print(f"   {kind}: {callers} callers ready in {time.perf_counter() - begin:.1f} s, "
              f"running {seconds:g} s", flush=True)
    reports: list[CallerReport] = []
    errors: list[str] = []
    for _ in range(callers):
        try:
            reports.append(results.get(timeout=_START_TIMEOUT + seconds))
        except queue.Empty:
            errors.append("a caller process sent no report")
            break
    for process in processes:
        process.join(timeout=30)
        if process.is_alive():
            process.kill()
            process.join()
    errors += [f"caller {r.index}: {r.error}" for r in reports if r.error]
    return _check(target, url, kind, reports, errors)


def _check(target: Target, url: str, kind: str, reports: list[CallerReport],
           errors: list[str]) -> RunResult:
    rows = _calls_in(target, url)
    in_table = Counter(rows)
    seen = Counter((r.volunteer_id, c) for r in reports for c in r.saved)
    calls_per_person = Counter(c for _v, c in rows)
    offers = Counter(c for r in reports for c in set(r.shown))
    doubled = ({c for c, n in calls_per_person.items() if n > 1}
               | {c for c, n in offers.items() if n > 1})
    return RunResult(
        kind=kind, reports=reports,
        seconds=max((r.elapsed for r in reports), default=0.0),
        saves=sum(r.saves for r in reports), rows=len(rows), double_claims=len(doubled),
        lost=sum((seen - in_table).values()), extra=sum((in_table - seen).values()),
        conflicts=sum(r.conflicts for r in reports), busy=sum(r.busy for r in reports),
        ran_out=sum(r.ran_out for r in reports), errors=errors,
    )


@dataclass
class StressResult:
    backend: str
    callers: int
    contacts: int
    app: RunResult
    baseline: RunResult

    @property
    def ok(self) -> bool:
        return self.app.ok and self.baseline.ok


def stress(target: Target, *, callers: int, seconds: float, contacts: int,
           progress: bool = False) -> StressResult:
    """The whole benchmark on `target`: data, the baseline run, the app run (each on its own
    copy of the data), the checks. Its databases are dropped afterwards."""
    tag = uuid.uuid4().hex[:10]
    data, base_name, app_name = f"rk_stress_{tag}_data", f"rk_stress_{tag}_base", \
        f"rk_stress_{tag}_app"
    try:
        begin = time.perf_counter()
        campaign_id = create_dataset(target, data, contacts)
        base_url = copy_dataset(target, data, base_name)
        app_url = copy_dataset(target, data, app_name)
        if progress:
            print(f"   {contacts:,} contacts generated and copied in "
                  f"{time.perf_counter() - begin:.1f} s", flush=True)
        baseline = run_callers(target, base_url, "baseline", campaign_id, callers, seconds,
                               progress)
        app = run_callers(target, app_url, "app", campaign_id, callers, seconds, progress)
    finally:
        for name in (data, base_name, app_name):
            drop_database(target, name)
    return StressResult(target.backend, callers, contacts, app, baseline)


# --- the command ------------------------------------------------------------------------------

def _parser() -> argparse.ArgumentParser:
    server = next((os.environ[e] for e in PG_ENVS if os.environ.get(e)), "")
    parser = argparse.ArgumentParser(prog="python -m bench stress",
                                     description="Many callers saving at once.")
    parser.add_argument("--backend", choices=("postgresql", "sqlite"),
                        default="postgresql" if server else "sqlite")
    parser.add_argument("--db", default=server,
                        help="the PostgreSQL server (postgresql+psycopg://USER@HOST:PORT); "
                        f"default ${PG_ENVS[0]} or ${PG_ENVS[1]}")
    parser.add_argument("--callers", type=int, help="default 50 on PostgreSQL, 10 on SQLite")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--contacts", type=int, default=100_000)
    return parser


def _checks(result: StressResult) -> list[str]:
    lines = []
    for run in (result.app, result.baseline):
        lines.append(
            f"   {run.kind}: {run.saves} calls saved in {run.seconds:.1f} s, {run.rows} in the "
            f"table; double claims {run.double_claims}, lost calls {run.lost}, calls nobody "
            f"saw saved {run.extra}, lost claims {run.conflicts} (each must be 0); busy "
            f"retries {run.busy}; callers who ran out of people {run.ran_out}; slowest save "
            f"{run.percentile_ms(100):.0f} ms; client CPU {run.cpu_ms_per_save:.2f} ms per save")
        if run.rows > 0.9 * result.contacts:
            # Near the end a claim walks past every person waiting for a retry: slower.
            lines.append(f"   {run.kind}: NOTE the queue nearly ran out; give more --contacts")
        lines += [f"   {run.kind} ERROR {e}" for e in run.errors]
    profiled = next((r for r in result.app.reports if r.statements), None)
    if profiled is not None and profiled.saves:
        statements, saves = profiled.statements, profiled.saves
        lines.append(f"   app statements per save_and_next (caller 0): "
                     f"{sum(statements.values()) / saves:.1f}")
        for sql, n in sorted(statements.items(), key=lambda kv: -kv[1]):
            lines.append(f"      {n / saves:4.1f}  {sql}")
    return lines


def figures(result: StressResult) -> list[Figure]:
    tag = f"stress_{'pg' if result.backend == 'postgresql' else 'sqlite'}_{result.callers}"
    app, base = result.app, result.baseline
    return [
        Figure(f"{tag}_calls_per_s", app.calls_per_second, base.calls_per_second, "calls/s",
               higher_is_better=True),
        Figure(f"{tag}_p50", app.percentile_ms(50), base.percentile_ms(50), "ms"),
        Figure(f"{tag}_p95", app.percentile_ms(95), base.percentile_ms(95), "ms"),
    ]


def run(*argv: str) -> list[Figure]:
    options = _parser().parse_args(list(argv))
    callers = options.callers or (50 if options.backend == "postgresql" else 10)
    with tempfile.TemporaryDirectory(prefix="ringkvall-stress-") as folder:
        if options.backend == "postgresql":
            if not options.db:
                raise SystemExit(f"stress: --backend postgresql needs --db or ${PG_ENVS[0]}")
            target = Target("postgresql", server=server_url(options.db))
        else:
            target = Target("sqlite", folder=folder)
        print(f"   {target.backend}: {callers} callers, {options.seconds:g} s, "
              f"{options.contacts:,} contacts", flush=True)
        result = stress(target, callers=callers, seconds=options.seconds,
                        contacts=options.contacts, progress=True)
    for line in _checks(result):
        print(line, flush=True)
    found = figures(result)
    if not result.ok:
        for figure in found:
            print(figure.line(), flush=True)
        print("stress: FAILED (see the lines above)", file=sys.stderr, flush=True)
        raise SystemExit(1)
    return found


if __name__ == "__main__":
    for _figure in run(*sys.argv[1:]):
        print(_figure.line())
