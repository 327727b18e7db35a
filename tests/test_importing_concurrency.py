"""An import writes in short steps, so callers' saves get in between, and it stays all or
nothing: while it runs and after Cancel, a failure or SIGKILL, no screen, figure or queue sees
any of its rows, and the next start removes what a killed import left."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select, update

from app.clock import utcnow
from app.db.database import Database, open_database
from app.db.models import (
    AuditEvent,
    Campaign,
    Contact,
    DoNotCall,
    ImportRun,
    PhoneNumber,
    RejectedRow,
    Script,
    TargetGroup,
)
from app.domain.status import ContactStatus
from app.errors import Cancelled, UserError
from app.services import dnc
from app.services.calling import CallInput, claim_next, load_card, queue_state, save_call
from app.services.campaigns import list_campaigns
from app.services.importing import staging
from app.services.importing.pipeline import BATCH, import_file
from app.services.results import build_report
from tests.calling_helpers import make_campaign, volunteer_id
from tests.importing_concurrency_helpers import ROOT, BigList, start_import, write_big_list

IMPORTING = ContactStatus.IMPORTING.value
TABLES = (Campaign, TargetGroup, Script, ImportRun, RejectedRow, Contact, PhoneNumber,
          AuditEvent)


def _snapshot(db: Database) -> dict[str, int]:
    with db.session() as session:
        return {t.__tablename__: session.scalar(select(func.count()).select_from(t)) or 0
                for t in TABLES}


def _statuses(db: Database, **where: object) -> dict[str, int]:
    with db.session() as session:
        query = select(Contact.status, func.count()).group_by(Contact.status)
        for name, value in where.items():
            query = query.where(getattr(Contact, name) == value)
        return {status: count for status, count in session.execute(query)}


class _Hook:
    """A progress that runs `action` at one report: rows are committed then, none pending."""

    def __init__(self, at: int, action: Callable[[], None]) -> None:
        self.at, self.action, self.calls = at, action, 0

    def report(self, done: int, total: int | None = None, text: str = "") -> None:
        self.calls += 1
        if self.calls == self.at:
            self.action()


def _cancel_at(at: int, action: Callable[[], None] = lambda: None) -> _Hook:
    def run() -> None:
        action()
        raise Cancelled()

    return _Hook(at, run)


# --- in one process ---------------------------------------------------------------------


def test_nothing_of_a_running_import_is_visible(db: Database, tmp_path: Path) -> None:
    with db.transaction() as s:
        cid = make_campaign(s, "Höstkampanj", contacts=3).id
    vid = volunteer_id(db)
    with db.session() as s:
        originals = set(s.scalars(select(Contact.id)))
    big = write_big_list(tmp_path / "lista.csv", BATCH * 3)
    seen: dict[str, object] = {}

    def look() -> None:
        staged = _statuses(db, campaign_id=cid)
        assert staged[IMPORTING] >= BATCH  # rows are in the database, committed
        with db.session() as s:
            seen["list"] = {c.name: c.contacts for c in list_campaigns(s)}["Höstkampanj"]
            report = build_report(s, cid)
            seen["figures"] = report.total.contacts
            seen["groups"] = {r.label: r.counts.contacts for r in report.groups}
            seen["queue"] = queue_state(s, cid).total
            some_staged = s.scalar(select(Contact.id).where(Contact.status == IMPORTING))
            assert some_staged is not None
            with pytest.raises(LookupError):
                load_card(s, some_staged, "token")
        claimed = []
        with db.transaction() as s:
            while (claim := claim_next(s, campaign_id=cid, volunteer_id=vid,
                                       claim_minutes=20)) is not None:
                claimed.append(claim.contact_id)
        seen["claimed"] = set(claimed)

    report = import_file(db, big.path, campaign=cid, group="Köpt lista",
                         progress=_Hook(3, look))
    assert report.imported == big.imported
    assert seen == {"list": 3, "figures": 3, "groups": {"Köpt lista": 0, "Norr": 3},
                    "queue": 3, "claimed": originals}
    assert _statuses(db, campaign_id=cid) == {"open": big.imported + 3}


def test_cancel_leaves_nothing_not_even_the_new_campaign(db: Database, tmp_path: Path) -> None:
    big = write_big_list(tmp_path / "lista.csv", BATCH * 4)
    before = _snapshot(db)

    def put_staged_number_on_dnc() -> None:
        # A staged contact turned 'dnc' must go too: discarding is not by status.
        with db.transaction() as s:
            dnc.add_numbers(s, [big.numbers[0]])
        assert _statuses(db)[ContactStatus.DNC.value] == 1
        with db.session() as s:
            assert s.scalar(select(func.count()).select_from(RejectedRow)) > 0

    with pytest.raises(Cancelled):
        import_file(db, big.path, campaign="Ny kampanj", group="Ny lista",
                    progress=_cancel_at(3, put_staged_number_on_dnc))
    # Only the do-not-call entry and its audit record are left: the test's own.
    assert _snapshot(db) == before | {"audit_event": before["audit_event"] + 1}
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(DoNotCall)) == 1


def test_cancel_keeps_an_existing_campaign_and_group(db: Database, tmp_path: Path) -> None:
    first = write_big_list(tmp_path / "a.csv", 10, seed=1)
    report = import_file(db, first.path, campaign="K", group="G")
    before = _snapshot(db)
    with db.session() as s:
        group_before = s.execute(select(TargetGroup.source_file, TargetGroup.imported_at)).one()
    with pytest.raises(Cancelled):
        import_file(db, write_big_list(tmp_path / "b.csv", BATCH * 3, seed=2).path,
                    campaign="K", group="G", progress=_cancel_at(3))
    assert _snapshot(db) == before
    with db.session() as s:
        assert s.execute(select(TargetGroup.source_file, TargetGroup.imported_at)).one() \
            == group_before
    assert _statuses(db) == {"open": report.imported}


def test_a_number_put_on_dnc_while_staging_stays_blocked(db: Database, tmp_path: Path) -> None:
    big = write_big_list(tmp_path / "lista.csv", BATCH * 3)
    early, late = big.numbers[5], big.numbers[BATCH * 3 - 5]  # staged / not yet staged

    def block() -> None:
        with db.transaction() as s:
            dnc.add_numbers(s, [early, late], reason="file")
        with db.session() as s:
            # add_numbers marks every holder, a staged one too.
            holder = select(PhoneNumber.contact_id).where(PhoneNumber.e164 == early)
            assert s.scalar(select(Contact.status).where(Contact.id.in_(holder))) == "dnc"
            assert s.scalar(select(func.count()).select_from(PhoneNumber)
                            .where(PhoneNumber.e164 == late)) == 0

    report = import_file(db, big.path, campaign="K", group="G", progress=_Hook(2, block))
    assert report.imported == big.imported  # counted with the list as it was at the start
    with db.session() as s:
        for number in (early, late):
            holder = select(PhoneNumber.contact_id).where(PhoneNumber.e164 == number)
            assert s.scalar(select(Contact.status).where(Contact.id.in_(holder))) == "dnc"
    assert _statuses(db) == {"open": big.imported - 2, "dnc": 2}


def test_an_import_whose_run_was_taken_over_stops_and_leaves_nothing(
    db: Database, tmp_path: Path
) -> None:
    before = _snapshot(db)

    def take_over() -> None:
        # What recover_imports does to a run it believes abandoned.
        with db.transaction() as s:
            s.execute(update(ImportRun).values(owner="elsewhere:1"))

    with pytest.raises(UserError, match="interrupted for too long"):
        import_file(db, write_big_list(tmp_path / "l.csv", BATCH * 3).path, campaign="K",
                    group="G", progress=_Hook(2, take_over))
    assert _snapshot(db) == before


def _rewind(db: Database, state: str, owner: str, heartbeat: object, reopen: int) -> int:
    """Make a finished import look as a crash in `state` leaves it; its run id."""
    with db.transaction() as s:
        run_id = s.scalar(select(func.max(ImportRun.id)))
        assert run_id is not None
        s.execute(update(ImportRun).where(ImportRun.id == run_id)
                  .values(state=state, owner=owner, heartbeat_at=heartbeat))
        ids = select(Contact.id).where(Contact.import_run_id == run_id).order_by(Contact.id)
        s.execute(update(Contact).where(Contact.id.in_(ids.limit(reopen)))
                  .values(status=IMPORTING))
        if state == staging.STAGING:  # the audit record is written when publishing begins
            s.execute(delete(AuditEvent).where(AuditEvent.action == "list_imported"))
    return run_id


def test_recovery_waits_for_a_live_heartbeat_then_removes_a_staged_run(
    db: Database, tmp_path: Path
) -> None:
    before = _snapshot(db)
    big = write_big_list(tmp_path / "l.csv", 7000)
    import_file(db, big.path, campaign="K", group="G")
    beat = utcnow() - timedelta(days=3)  # another computer's import, last heard of then
    run_id = _rewind(db, staging.STAGING, "another-computer:4242", beat, reopen=10_000)
    # The run, its group and campaign carry one start time: they are the run's own.
    with db.transaction() as s:
        s.execute(update(ImportRun).values(imported_at=beat))
        s.execute(update(TargetGroup).values(imported_at=beat))
        s.execute(update(Campaign).values(created_at=beat))
    assert staging.recover_imports(db, now=beat + timedelta(minutes=14)) == 0
    assert _statuses(db) == {IMPORTING: big.imported}
    assert staging.recover_imports(db, now=beat + timedelta(minutes=16)) == 1
    assert _snapshot(db) == before
    with db.session() as s:
        assert s.get(ImportRun, run_id) is None


def test_recovery_finishes_a_half_published_run(db: Database, tmp_path: Path) -> None:
    big = write_big_list(tmp_path / "l.csv", 7000)
    report = import_file(db, big.path, campaign="K", group="G")
    with db.transaction() as s:
        dnc.add_numbers(s, [big.numbers[6990]])  # a late do-not-call entry is still honoured
    run_id = _rewind(db, staging.PUBLISHING, "another-computer:4242",
                     utcnow() - timedelta(hours=1), reopen=report.imported)
    with db.transaction() as s:  # the first half was published before the crash
        half = select(Contact.id).order_by(Contact.id).limit(3000)
        s.execute(update(Contact).where(Contact.id.in_(half)).values(status="open"))
    assert staging.recover_imports(db) == 1
    assert _statuses(db) == {"open": big.imported - 1, "dnc": 1}
    with db.session() as s:
        run = s.get(ImportRun, run_id)
        assert run is not None and run.state == staging.DONE and run.imported == big.imported


# --- with processes ------------------------------------------------------------------


def _wait_for_staged(db: Database, child: subprocess.Popen[str], rows: int) -> int:
    """Poll until the child's run is staging with at least `rows` contacts; the run id."""
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        assert child.poll() is None, child.communicate()
        with db.session() as s:
            run = s.execute(select(ImportRun.id, ImportRun.state)
                            .order_by(ImportRun.id.desc()).limit(1)).first()
            if run is not None and run.state == staging.STAGING:
                staged = s.scalar(select(func.count()).select_from(Contact).where(
                    Contact.import_run_id == run.id, Contact.status == IMPORTING)) or 0
                if staged >= rows:
                    return int(run.id)
        time.sleep(0.1)
    raise AssertionError("the import never staged its rows")


def _stats(db_url: str, campaign: str) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, "-m", "ui", "--db", db_url, "stats", "--campaign", campaign,
         "--json"], cwd=ROOT, capture_output=True, text=True, check=True, timeout=120)
    data = json.loads(out.stdout)
    assert isinstance(data, dict)
    return data


@pytest.mark.slow
def test_callers_save_within_two_seconds_while_200k_rows_are_imported(
    db: Database, db_url: str, tmp_path: Path
) -> None:
    with db.transaction() as s:
        calling = make_campaign(s, "Ringkväll ikväll", contacts=480).id
    vid = volunteer_id(db)
    big = write_big_list(tmp_path / "lista.csv", 200_000)
    child = start_import(db_url, big, "Köpt lista", "Hela staden")
    waits: dict[str, list[float]] = {}
    try:
        while child.poll() is None:
            with db.session() as s:
                state = s.scalar(select(ImportRun.state).order_by(ImportRun.id.desc())) or "-"
            started = time.perf_counter()
            with db.transaction() as s:
                claim = claim_next(s, campaign_id=calling, volunteer_id=vid, claim_minutes=20)
                if claim is None:
                    break  # every contact called once: enough
                save_call(s, CallInput(contact_id=claim.contact_id, claim_token=claim.token,
                                       outcome="no_answer", volunteer_id=vid,
                                       started_at=utcnow()), show_next=False)
            waits.setdefault(state, []).append(time.perf_counter() - started)
            time.sleep(0.05)
        out, err = child.communicate(timeout=600)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == 0, err
    report = json.loads(out)
    assert (report["rows"], report["imported"], report["rejected"], report["duplicate"]) == (
        big.rows, big.imported, big.rejected, 0)
    # The saves really ran beside the import, and none waited long for it.
    assert len(waits.get(staging.STAGING, [])) >= 20, {k: len(v) for k, v in waits.items()}
    longest = max(max(v) for v in waits.values())
    assert longest < 2.0, {k: round(max(v), 3) for k, v in waits.items()}
    assert _statuses(db, import_run_id=report["import_run_id"]) == {"open": big.imported}
    with db.session() as s:
        assert s.scalar(select(ImportRun.state).where(
            ImportRun.id == report["import_run_id"])) == staging.DONE


@pytest.mark.slow
def test_sigkill_while_importing_shows_nothing_and_the_next_start_removes_it(
    db: Database, db_url: str, tmp_path: Path
) -> None:
    with db.transaction() as s:
        cid = make_campaign(s, "Höstkampanj", contacts=5).id
    vid = volunteer_id(db)
    with db.session() as s:
        originals = set(s.scalars(select(Contact.id)))
    big: BigList = write_big_list(tmp_path / "lista.csv", 200_000)
    child = start_import(db_url, big, "Höstkampanj", "Köpt lista")
    try:
        run_id = _wait_for_staged(db, child, BATCH * 2)
        # Stopped, it stays "running" (alive, fresh heartbeat) while we look; it may hold the
        # write lock, so only reads until it is killed.
        child.send_signal(signal.SIGSTOP)
        with db.session() as s:
            assert queue_state(s, cid).total == 5
            report = build_report(s, cid)
            assert report.total.contacts == 5
            assert {r.label: r.counts.contacts for r in report.groups} == {
                "Köpt lista": 0, "Norr": 5}
        stats = _stats(db_url, "Höstkampanj")
        queue = stats["queue"]
        assert stats["contacts"] == 5 and isinstance(queue, dict)
        assert sum(queue.values()) == 5
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == -signal.SIGKILL
    with db.session() as s:  # still there, still invisible
        assert (s.scalar(select(func.count()).select_from(Contact)
                         .where(Contact.import_run_id == run_id)) or 0) >= BATCH * 2
        assert queue_state(s, cid).total == 5
        assert build_report(s, cid).total.contacts == 5
    claimed = []
    with db.transaction() as s:
        while (claim := claim_next(s, campaign_id=cid, volunteer_id=vid,
                                   claim_minutes=20)) is not None:
            claimed.append(claim.contact_id)
    assert set(claimed) == originals
    db.close()

    if db.location.sqlite_path is not None:  # SQLite's own check of its file
        raw = sqlite3.connect(db.location.sqlite_path)
        try:
            assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        finally:
            raw.close()
    reopened = open_database(db_url)  # the next start cleans up
    try:
        with reopened.session() as s:
            assert set(s.scalars(select(Contact.id))) == originals
            assert s.scalar(select(func.count()).select_from(PhoneNumber)) == 5
            assert s.scalar(select(func.count()).select_from(RejectedRow)) == 0
            assert s.scalar(select(func.count()).select_from(ImportRun)) == 0
            assert list(s.scalars(select(TargetGroup.name))) == ["Norr"]
    finally:
        reopened.close()
    assert _stats(db_url, "Höstkampanj")["contacts"] == 5


@pytest.mark.slow
def test_sigterm_undoes_a_command_line_import_at_once(
    db: Database, db_url: str, tmp_path: Path
) -> None:
    before = _snapshot(db)
    big = write_big_list(tmp_path / "lista.csv", 200_000)
    child = subprocess.Popen(
        [sys.executable, "-m", "ui", "--db", db_url, "import", str(big.path),
         "--campaign", "Ny kampanj", "--group", "Ny lista"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        _wait_for_staged(db, child, BATCH * 2)
        child.send_signal(signal.SIGTERM)
        child.communicate(timeout=120)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == 128 + signal.SIGTERM
    # Gone already, before any start has cleaned up: `db` was opened before the import.
    assert _snapshot(db) == before
