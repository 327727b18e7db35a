"""Storage faults are the user's to fix: a read-only file or folder, a full disk, a locked
database, a name too long, a folder that is a file. Each is one line naming the database and
the problem, exit 2, and nothing half-written: real processes on real files. At the end, a
save while another Ringkväll holds the lock is "busy", on a file and on a server.

The tests run as root on CI, where file modes stop nobody: the command then runs without
root's right to override them (its capability bounding set is reduced before exec). A full
disk is a file size limit (RLIMIT_FSIZE) with SIGXFSZ ignored, so writes fail with EFBIG.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import resource
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text

from app.clock import utcnow
from app.db.database import Database, open_database
from app.db.models import Call
from app.errors import DatabaseBusy
from app.services.calling import CallInput, next_contact, save_call
from tests.calling_helpers import make_campaign, volunteer_id
from tests.conftest import DATA, ROOT

# Every test but the last is about the SQLite file and its folder (the last runs on the
# server too).
SQLITE_FILE = pytest.mark.sqlite_only(
    "faults of the SQLite file and its folder (read-only, full disk, locked, bad names)")

LIST = DATA / "lista_tensta_cp1252.csv"
_PR_CAPBSET_DROP = 24
# CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER: what lets root ignore file modes.
_FILE_MODE_CAPABILITIES = (1, 2, 3)

Preexec = Callable[[], None] | None


def ringkvall(*args: str, home: Path, preexec: Preexec = None, module: str = "app",
              env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if k != "RINGKVALL_DB"}
    full_env.update({"RINGKVALL_HOME": str(home), **(env or {})})
    return subprocess.run([sys.executable, "-m", module, *args], cwd=ROOT, env=full_env,
                          capture_output=True, text=True, timeout=120, preexec_fn=preexec)


def assert_one_line(result: subprocess.CompletedProcess[str], *needles: str) -> str:
    assert result.returncode == 2, result
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


def _drop_file_mode_override() -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in _FILE_MODE_CAPABILITIES:
        if libc.prctl(_PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


@pytest.fixture(scope="module")
def unprivileged(tmp_path_factory: pytest.TempPathFactory) -> Preexec:
    """How to start a process for which a file's mode counts (for root: without overriding)."""
    preexec: Preexec = None
    if os.geteuid() == 0:
        if not sys.platform.startswith("linux"):
            pytest.skip("as root, file modes can be made to count only on Linux")
        preexec = _drop_file_mode_override
    probe = tmp_path_factory.mktemp("probe") / "read-only"
    probe.write_text("x")
    probe.chmod(0o444)
    result = subprocess.run([sys.executable, "-c", f"open({str(probe)!r}, 'a')"],
                            preexec_fn=preexec, capture_output=True, text=True)
    if result.returncode == 0:
        pytest.skip("file modes cannot be made to count for this user here")
    return preexec


def disk_full_at(limit: int) -> Callable[[], None]:
    def preexec() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # kept across exec: EFBIG, not death
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return preexec


@pytest.fixture
def home(tmp_path: Path) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    """A folder for databases; made writable again at the end, so pytest can remove it."""
    path = tmp_path / "data"
    path.mkdir()
    yield path
    path.chmod(0o755)
    for child in path.iterdir():
        if child.is_file():
            child.chmod(0o600)


def new_database(path: Path, home: Path) -> None:
    result = ringkvall("--db", str(path), "demo", home=home)
    assert result.returncode == 0, result.stderr


def count(path: Path, table: str) -> int:
    con = sqlite3.connect(path)
    try:
        return int(con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])
    finally:
        con.close()


@SQLITE_FILE
def test_a_read_only_database_file(folder: Path, home: Path, unprivileged: Preexec) -> None:
    db = folder / "ringkvall.sqlite"
    new_database(db, home)
    db.chmod(0o444)
    result = ringkvall("--db", str(db), "dnc", "add", "070-174 06 05", home=home,
                       preexec=unprivileged)
    assert_one_line(result, str(db), "read-only")
    # Reading still works.
    result = ringkvall("--db", str(db), "dnc", "list", "--json", home=home, preexec=unprivileged)
    assert result.returncode == 0, result.stderr
    db.chmod(0o600)
    assert count(db, "do_not_call") == 0


@SQLITE_FILE
def test_a_read_only_folder(folder: Path, home: Path, unprivileged: Preexec) -> None:
    db = folder / "ringkvall.sqlite"
    new_database(db, home)
    folder.chmod(0o555)
    result = ringkvall("--db", str(db), "dnc", "add", "070-174 06 05", home=home,
                       preexec=unprivileged)
    assert_one_line(result, str(db))
    new = folder / "ny.sqlite"
    result = ringkvall("--db", str(new), "demo", home=home, preexec=unprivileged)
    assert_one_line(result, str(new), "Permission denied")
    result = ringkvall("--db", str(folder / "saknas" / "ny.sqlite"), "demo", home=home,
                       preexec=unprivileged)
    assert_one_line(result, "saknas")
    folder.chmod(0o755)
    assert not new.exists() and not (folder / "saknas").exists()
    assert count(db, "do_not_call") == 0


@SQLITE_FILE
@pytest.mark.parametrize("room", ["little", "almost enough"])
def test_a_full_disk_during_an_import_is_all_or_nothing(
    folder: Path, home: Path, room: str
) -> None:
    db = folder / "ringkvall.sqlite"
    new_database(db, home)
    contacts = count(db, "contact")
    # Little room: the disk fills while the rows are staged. Almost enough: while they are
    # published, and the next start finishes the import instead. The import is written to
    # the write-ahead log first (about 285 KB for this list), so the limit is set against
    # the log, not the database file: a limit of the file's size plus a little once let the
    # whole log fit after the schema grew, and nothing failed.
    limit = 100_000 if room == "little" else 250_000
    result = ringkvall("--db", str(db), "import", str(LIST), "--campaign", "Höstkampanj",
                       "--group", "Tensta", home=home, preexec=disk_full_at(limit))
    assert_one_line(result, str(db), "disk")
    # With space again, the next start clears (or finishes) what the failed import left.
    result = ringkvall("--db", str(db), "db", "info", home=home)
    assert result.returncode == 0, result.stderr
    con = sqlite3.connect(db)
    try:
        runs = con.execute("SELECT state, imported FROM import_run").fetchall()
        statuses = dict(con.execute("SELECT status, count(*) FROM contact GROUP BY status")
                        .fetchall())
    finally:
        con.close()
    assert "importing" not in statuses
    imported = sum(statuses.values()) - contacts
    assert (runs, imported) in [([], 0), ([("done", 271)], 271)], (runs, statuses)


@SQLITE_FILE
def test_a_full_disk_while_creating_the_database(folder: Path, home: Path) -> None:
    db = folder / "ringkvall.sqlite"
    result = ringkvall("--db", str(db), "demo", home=home, preexec=disk_full_at(40_000))
    assert_one_line(result, str(db), "disk")
    # Nothing half-made: with space again the same file is created and filled as usual.
    new_database(db, home)
    assert count(db, "campaign") == 1


@SQLITE_FILE
def test_a_locked_database(folder: Path, home: Path) -> None:
    db = folder / "ringkvall.sqlite"
    new_database(db, home)
    other = sqlite3.connect(db, isolation_level=None)  # another program, saving
    other.execute("BEGIN IMMEDIATE")
    try:
        result = ringkvall("--db", str(db), "dnc", "add", "070-174 06 05", home=home,
                           env={"RINGKVALL_BUSY_TIMEOUT_MS": "50"})
        assert_one_line(result, "busy")
    finally:
        other.rollback()
        other.close()
    assert count(db, "do_not_call") == 0


@SQLITE_FILE
def test_a_database_locked_while_it_needs_migrating(folder: Path, home: Path) -> None:
    from app.db import migrate

    db = folder / "ringkvall.sqlite"
    old = open_database(str(db), migrate_schema=False)  # an older version's file
    with old.engine.connect() as conn:
        migrate.upgrade(conn, "0002")
    old.close()
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        result = ringkvall("--db", str(db), "db", "info", home=home,
                           env={"RINGKVALL_BUSY_TIMEOUT_MS": "50"})
        assert_one_line(result, "busy")
    finally:
        other.rollback()
        other.close()
    con = sqlite3.connect(db)
    assert con.execute("SELECT version_num FROM alembic_version").fetchall() == [("0002",)]
    con.close()


@SQLITE_FILE
@pytest.mark.parametrize("module", ["app", "ui"])  # the command line; the window's start
def test_a_name_too_long(folder: Path, home: Path, module: str) -> None:
    db = folder / ("å" * 200 + ".sqlite")  # 400 bytes: more than a file name may have
    args = ("--db", str(db)) if module == "ui" else ("--db", str(db), "db", "info")
    result = ringkvall(*args, home=home, module=module)
    assert_one_line(result, "too long")


@SQLITE_FILE
@pytest.mark.parametrize("module", ["app", "ui"])
@pytest.mark.parametrize("below", ["", "ny mapp"])  # the file is the parent, or further up
def test_a_folder_that_is_a_file(folder: Path, home: Path, module: str, below: str) -> None:
    (folder / "anteckningar.txt").write_text("inte en mapp")
    db = folder / "anteckningar.txt" / below / "ringkvall.sqlite"
    args = ("--db", str(db)) if module == "ui" else ("--db", str(db), "db", "info")
    result = ringkvall(*args, home=home, module=module)
    assert_one_line(result, str(db), "not a folder")


@SQLITE_FILE
def test_check_sqlite_file_names_a_file_on_the_way(tmp_path: Path) -> None:
    """The check the window runs before SQLAlchemy is loaded: creating the folders fails
    with FileExistsError when a part of them is a file; one line, not a traceback."""
    from app.db.files import check_sqlite_file
    from app.errors import StorageError

    (tmp_path / "anteckningar.txt").write_text("inte en mapp")
    for db in (tmp_path / "anteckningar.txt" / "ringkvall.sqlite",
               tmp_path / "anteckningar.txt" / "ny mapp" / "ringkvall.sqlite"):
        with pytest.raises(StorageError, match="a part of the path is a file, not a folder") \
                as caught:
            check_sqlite_file(db)
        assert str(db) in str(caught.value) and "\n" not in str(caught.value)
    assert (tmp_path / "anteckningar.txt").read_text() == "inte en mapp"


# --- The service level: saving a call while another Ringkväll holds the lock -------------

@pytest.fixture
def quick_db(db_url: str) -> Iterator[Database]:
    """The test's database (a file, or one on the server) with a short busy timeout."""
    database = open_database(db_url, busy_timeout_ms=50)
    yield database
    database.close()


def _calls(db: Database) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.count()).select_from(Call)) or 0)


def test_save_call_while_another_writer_holds_the_lock_is_busy(quick_db: Database) -> None:
    with quick_db.transaction() as session:
        campaign_id = make_campaign(session, contacts=2).id
    kim = volunteer_id(quick_db)
    with quick_db.transaction() as session:
        card = next_contact(session, campaign_id=campaign_id, volunteer_id=kim,
                            claim_minutes=20).card
    assert card is not None
    call = CallInput(contact_id=card.contact_id, claim_token=card.claim_token,
                     outcome="conversation", volunteer_id=kim, phone_number_id=card.phones[0].id,
                     started_at=utcnow() - timedelta(minutes=3))
    with (_another_writer(quick_db), pytest.raises(DatabaseBusy),
          quick_db.transaction() as session):
        save_call(session, call)
    assert _calls(quick_db) == 0
    with quick_db.transaction() as session:  # the retry the screen offers then succeeds
        save_call(session, call)
    assert _calls(quick_db) == 1


@contextlib.contextmanager
def _another_writer(db: Database) -> Iterator[None]:
    """Another Ringkväll in the middle of writing: on a file it holds SQLite's write lock; on
    a server it holds the calls table against new rows (others may still read it)."""
    path = db.location.sqlite_path
    if path is not None:
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            other.rollback()
            other.close()
        return
    engine = create_engine(db.location.url)  # not the app's engine: none of its timeouts
    try:
        with engine.connect() as conn:
            conn.execute(text('LOCK TABLE "call" IN EXCLUSIVE MODE'))
            try:
                yield
            finally:
                conn.rollback()
    finally:
        engine.dispose()
