"""Hostile outputs and faults: no command writes over its own input or the database, an
existing file is replaced only with --force, storage failures are one line, temporary files
with personal data live only in the app's private folder and do not outlive a killed export.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import Connection, create_engine, text

from app.cli.main import main
from app.db.database import Database, open_database
from app.errors import UserError
from app.paths import cleanup_private_temp, default_database_path, private_temp_dir
from app.services.output_paths import OutputExists, display_path
from app.services.results import Privacy, export_xlsx
from tests.conftest import TEST_PG_ENV
from tests.results_helpers import NOW, build_campaign

ROOT = Path(__file__).resolve().parent.parent
CAMPAIGN = "Höstkampanj"
BIG = "Höstens ringkvällar"  # the generated campaign's name (bench.bench_export)
OLD = b"the previous, complete file"


def one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("ringkvall: "), err
    return lines[0]


def contacts_in(path: Path) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        count: int = conn.execute("SELECT count(*) FROM contact").fetchone()[0]
        return count
    finally:
        conn.close()


@pytest.fixture
def known_db(db: Database, db_url: str) -> str:
    """The --db value of a database holding the known campaign (a file or a server's URL)."""
    build_campaign(db)
    return db_url


# --- the database and the command's inputs are never the output ------------------------------

@pytest.mark.sqlite_only("about the SQLite file, its -wal/-shm/-journal files and backups")
@pytest.mark.parametrize("form", ["same", "relative", "wal", "shm", "journal", "symlink",
                                  "hard link", "backup"])
def test_export_never_writes_over_its_database(known_db: str, tmp_path: Path, form: str,
                                               monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    db_file = Path(known_db)
    target: Path | str = {
        "same": db_file, "relative": db_file.name,
        "wal": Path(f"{db_file}-wal"), "shm": Path(f"{db_file}-shm"),
        "journal": Path(f"{db_file}-journal"), "symlink": tmp_path / "link.xlsx",
        "hard link": tmp_path / "hard.xlsx",
        "backup": tmp_path / "ringkvall.backup-20261101-120000.sqlite",
    }[form]
    if form == "symlink":
        os.symlink(db_file, target)
    if form == "hard link":
        os.link(db_file, target)
    if form == "backup":
        Path(target).write_bytes(OLD)
    before = contacts_in(db_file)
    code = main(["--db", str(db_file), "export", "--campaign", CAMPAIGN, "-o", str(target),
                 "--force"])
    assert code == 2
    assert "database" in one_line_error(capsys)
    assert contacts_in(db_file) == before == 10
    assert not Path(f"{db_file}-journal").exists()
    if form == "backup":
        assert Path(target).read_bytes() == OLD


@pytest.mark.parametrize("command", ["export", "csv", "script", "rollup"])
def test_every_writing_command_refuses_the_default_database(
        command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    default = default_database_path()
    db = open_database()  # no --db, no $RINGKVALL_DB: the per-user default file
    try:
        known = build_campaign(db)
        with db.session() as session:
            export_xlsx(session, known.campaign_id, tmp_path / "in.xlsx", now=NOW)
    finally:
        db.close()
    argv = {
        "export": ["export", "--campaign", CAMPAIGN, "-o", str(default), "--force"],
        "csv": ["csv", "--campaign", CAMPAIGN, "-o", str(default), "--force"],
        "script": ["script", "export", "--campaign", CAMPAIGN, "--key", "lokal_fraga", "-o",
                   str(default), "--force"],
        "rollup": ["rollup", str(tmp_path / "in.xlsx"), "-o", str(default), "--force"],
    }[command]
    assert main(argv) == 2
    assert str(default) in one_line_error(capsys)
    assert contacts_in(default) == 10


def test_rollup_refuses_to_write_over_one_of_its_files(tmp_path: Path, known_db: str,
                                                      capsys: pytest.CaptureFixture[str]
                                                      ) -> None:
    export = tmp_path / "norrby.xlsx"
    assert main(["--db", str(known_db), "export", "--campaign", CAMPAIGN, "-o",
                 str(export)]) == 0
    before = export.read_bytes()
    capsys.readouterr()
    # The same file under another spelling of its path.
    other_spelling = tmp_path / "." / "norrby.xlsx"
    assert main(["rollup", str(export), "-o", str(other_spelling), "--force"]) == 2
    assert "both read and written" in one_line_error(capsys)
    assert export.read_bytes() == before


# --- replacing an existing file ----------------------------------------------------------------

def _argv(command: str, db: str, target: Path, source: Path) -> list[str]:
    return {
        "export": ["--db", db, "export", "--campaign", CAMPAIGN, "-o", str(target)],
        "csv": ["--db", db, "csv", "--campaign", CAMPAIGN, "-o", str(target)],
        "script": ["--db", db, "script", "export", "--campaign", CAMPAIGN, "--key",
                   "lokal_fraga", "-o", str(target)],
        "rollup": ["rollup", str(source), "-o", str(target)],
    }[command]


@pytest.mark.parametrize("command", ["export", "csv", "script", "rollup"])
def test_an_existing_file_is_replaced_only_with_force(
        command: str, known_db: str, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "source.xlsx"
    assert main(["--db", str(known_db), "export", "--campaign", CAMPAIGN, "-o",
                 str(source)]) == 0
    target = tmp_path / "out.file"
    target.write_bytes(OLD)
    capsys.readouterr()
    assert main(_argv(command, known_db, target, source)) == 2
    assert "already exists; add --force" in one_line_error(capsys)
    assert target.read_bytes() == OLD
    assert main([*_argv(command, known_db, target, source), "--force"]) == 0
    assert target.read_bytes() != OLD and target.stat().st_size > 0
    assert "Wrote" in capsys.readouterr().out
    assert sorted(p.name for p in tmp_path.iterdir() if "ringkvall-tmp" in p.name) == []


def test_read_only_or_open_files_are_not_replaced_even_with_force(
        known_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "resultat.xlsx"
    target.write_bytes(OLD)
    target.chmod(0o444)  # marked read-only (mode bits: refused even for an administrator)
    argv = ["--db", str(known_db), "export", "--campaign", CAMPAIGN, "-o", str(target),
            "--force"]
    assert main(argv) == 2
    assert "read-only" in one_line_error(capsys)
    assert target.read_bytes() == OLD
    target.chmod(0o644)
    lock = tmp_path / ".~lock.resultat.xlsx#"  # LibreOffice has it open
    lock.write_text("Anna,anna,laptop,01.11.2026 18:00,file:///home/anna/.config;")
    assert main(argv) == 2
    assert "open in another program" in one_line_error(capsys)
    assert target.read_bytes() == OLD
    lock.unlink()
    assert main(argv) == 0
    assert load_workbook(target).sheetnames[0] == "Sammanfattning"


def test_bad_output_paths_give_one_line_and_write_nothing(
        known_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a_file = tmp_path / "a-file.txt"
    a_file.write_text("not a folder")
    before = sorted(p.name for p in tmp_path.iterdir())
    cases = {
        tmp_path / "rad ett\nrad två" / "x.xlsx": "rad ett\\nrad två",  # no such folder
        tmp_path / ("x" * 300 + ".xlsx"): "name is too long",
        a_file / "x.xlsx": "not a folder",
        tmp_path: "is a folder",
    }
    for target, expected in cases.items():
        for command in ("export", "csv"):
            assert main(["--db", str(known_db), command, "--campaign", CAMPAIGN, "-o",
                         str(target)]) == 2
            line = one_line_error(capsys)
            assert expected in line, line
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert display_path("a\nb\x1b\u202ec") == "a\\nb\\x1b\\u202ec"


@pytest.mark.sqlite_only("the database's own file as the target")
def test_the_service_protects_its_own_database_and_existing_files(
        db: Database, db_path: Path, tmp_path: Path) -> None:
    known = build_campaign(db)
    target = tmp_path / "resultat.xlsx"
    target.write_bytes(OLD)
    with db.session() as session:
        with pytest.raises(UserError, match="part of the database"):
            export_xlsx(session, known.campaign_id, db_path, force=True)
        with pytest.raises(OutputExists):
            export_xlsx(session, known.campaign_id, target, now=NOW)
        assert target.read_bytes() == OLD
        export_xlsx(session, known.campaign_id, target, now=NOW, force=True)
    assert load_workbook(target).sheetnames[0] == "Sammanfattning"
    assert contacts_in(db_path) == 10


# --- temporary files: only in the private folder, gone after a kill ----------------------------

class SpoolWatch:
    """A Progress that looks at the private folder while the calls are being written."""

    def __init__(self) -> None:
        self.seen: dict[str, int] = {}

    def report(self, done: int, total: int | None = None, text: str = "") -> None:
        if total and 0 < done < total:
            folder = private_temp_dir()
            assert folder.stat().st_mode & 0o777 == 0o700
            for path in folder.iterdir():
                self.seen[path.name] = path.stat().st_mode & 0o777


@pytest.fixture(scope="module")
def big_templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """A generated campaign of 5,000 calls per backend, made once when first needed (each
    test copies it): a SQLite file's path, or the name of a database on the test server."""
    made: dict[str, str] = {}
    yield made
    if "postgresql" in made:
        with _pg_admin() as conn:
            conn.execute(text(f'DROP DATABASE "{made["postgresql"]}" WITH (FORCE)'))


@contextlib.contextmanager
def _pg_admin() -> Iterator[Connection]:
    engine = create_engine(f"{_pg_server()}/postgres", isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            yield conn
    finally:
        engine.dispose()


def _pg_server() -> str:
    return os.environ[TEST_PG_ENV].rstrip("/")


@pytest.fixture
def big_db(big_templates: dict[str, str], db_backend: str, tmp_path: Path,
           tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The --db value of a copy of the big campaign: a SQLite file (stor.sqlite beside the
    test's outputs) or a new database on the PostgreSQL server (dropped afterwards)."""
    from bench.bench_export import generate

    if db_backend == "sqlite":
        if "sqlite" not in big_templates:
            template = tmp_path_factory.mktemp("big") / "big.sqlite"
            generate(template, 5000)
            big_templates["sqlite"] = str(template)
        path = tmp_path / "stor.sqlite"
        path.write_bytes(Path(big_templates["sqlite"]).read_bytes())
        yield str(path)
        return
    if "postgresql" not in big_templates:
        name = f"rk_big_{uuid.uuid4().hex[:12]}"
        with _pg_admin() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        big_templates["postgresql"] = name
        generate(f"{_pg_server()}/{name}", 5000)  # type: ignore[arg-type]
    copy = f"rk_test_{uuid.uuid4().hex[:12]}"
    with _pg_admin() as conn:
        conn.execute(text(f'CREATE DATABASE "{copy}" TEMPLATE "{big_templates["postgresql"]}"'))
    yield f"{_pg_server()}/{copy}"
    with _pg_admin() as conn:
        conn.execute(text(f'DROP DATABASE "{copy}" WITH (FORCE)'))


def database_files(big_db: str) -> list[str]:
    """The files the database itself leaves in the test's folder: SQLite's file, if any."""
    return [] if "://" in big_db else [Path(big_db).name]


def test_export_spools_only_in_the_private_folder(big_db: str, tmp_path: Path) -> None:
    db = open_database(big_db)
    watch = SpoolWatch()
    try:
        with db.session() as session:
            campaign_id = session.execute(text("SELECT id FROM campaign")).scalar_one()
            export_xlsx(session, campaign_id, tmp_path / "stor.xlsx", privacy=Privacy.FULL,
                        progress=watch, now=NOW)
    finally:
        db.close()
    ours = {name: mode for name, mode in watch.seen.items()
            if name.startswith(f"{os.getpid()}.openpyxl.")}
    assert ours, watch.seen  # the sheets were spooled here, by this process
    assert set(ours.values()) == {0o600}
    assert not [p for p in private_temp_dir().iterdir()
                if p.name.startswith(f"{os.getpid()}.")]  # and removed when done
    assert (tmp_path / "stor.xlsx").stat().st_mode & 0o777 == 0o600


def files_beside(folder: Path) -> list[str]:
    """The folder's files, hidden ones included, but not SQLite's own companions."""
    return sorted(p.name for p in folder.iterdir() if not p.name.endswith(("-wal", "-shm")))


def run_child(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Python in a child process, with this test's data folder."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True,
                          text=True, timeout=600, cwd=ROOT)


KILL_MID_EXPORT = """
import json, os, signal, sys
from pathlib import Path
from sqlalchemy import text
from app.db.database import open_database
from app.paths import private_temp_dir
from app.services.results import Privacy, export_xlsx

class KilledMidway:
    def report(self, done, total=None, text=""):
        if total and 0 < done < total:
            spooled = {p.name: p.stat().st_size for p in private_temp_dir().iterdir()}
            print(json.dumps({"pid": os.getpid(), "spooled": spooled}), flush=True)
            os.kill(os.getpid(), signal.SIGKILL)

db = open_database(sys.argv[1])
with db.session() as session:
    campaign_id = session.execute(text("SELECT id FROM campaign")).scalar_one()
    export_xlsx(session, campaign_id, Path(sys.argv[2]), privacy=Privacy.FULL,
                progress=KilledMidway(), force=True)
print("not killed", flush=True)
"""


def test_a_killed_export_leaves_nothing_after_the_next_start(
        big_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "stor.xlsx"
    target.write_bytes(OLD)
    child = run_child(KILL_MID_EXPORT, big_db, str(target))
    assert child.returncode == -signal.SIGKILL, child.stderr
    state = json.loads(child.stdout.splitlines()[0])
    spooled = state["spooled"]
    assert spooled and all(name.startswith(f"{state['pid']}.") for name in spooled)
    assert sum(spooled.values()) > 0  # personal data was on disk, in the private folder
    left = sorted(p.name for p in private_temp_dir().iterdir())
    assert left and set(left) <= set(spooled)  # the kill left them...
    assert target.read_bytes() == OLD  # ...but never touched the target
    assert files_beside(tmp_path) == sorted([*database_files(big_db), "stor.xlsx"])
    # The next start (any command) clears what the dead process left.
    assert main(["--db", big_db, "stats", "--campaign", BIG, "--json"]) == 0
    capsys.readouterr()
    assert list(private_temp_dir().iterdir()) == []
    assert target.read_bytes() == OLD


KILL_AT_RENAME = """
import os, signal, sys
from app.cli.main import main

def killed_before_the_rename(src, dst, *args, **kwargs):
    # The process dies at the last moment: the complete file has its temporary name.
    os.kill(os.getpid(), signal.SIGKILL)

os.replace = killed_before_the_rename
sys.exit(main(sys.argv[1:]))
"""


def test_a_leftover_beside_the_target_is_removed_by_the_next_export(
        big_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "stor.xlsx"
    target.write_bytes(OLD)
    argv = ["--db", big_db, "export", "--campaign", BIG, "-o", str(target), "--force"]
    child = run_child(KILL_AT_RENAME, *argv)
    assert child.returncode == -signal.SIGKILL, child.stderr
    leftovers = [p for p in tmp_path.iterdir() if p.name.startswith(".stor.xlsx.ringkvall-tmp-")]
    assert len(leftovers) == 1 and leftovers[0].stat().st_size > 0
    assert leftovers[0].stat().st_mode & 0o777 == 0o600
    assert target.read_bytes() == OLD
    assert main(argv) == 0
    capsys.readouterr()
    assert not leftovers[0].exists()
    assert load_workbook(target).sheetnames[0] == "Sammanfattning"
    assert list(private_temp_dir().iterdir()) == []


FULL_DISK = """
import resource, sys
from app.cli.main import main

phase, limit = sys.argv[1], int(sys.argv[2])
if phase == "spool":
    # Files may grow only so far (RLIMIT_FSIZE): writes past it fail with EFBIG, as on a
    # full disk. The sheets' spool outgrows it while the calls are written.
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
else:
    import app.services.results.xlsx_export as export

    real_save = export.save_workbook

    def save_on_a_full_disk(*args, **kwargs):
        # The sheets are spooled; the disk fills up as the workbook itself is written.
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
        return real_save(*args, **kwargs)

    export.save_workbook = save_on_a_full_disk
code = main(sys.argv[3:])
import gc
gc.collect()
sys.exit(code)
"""


@pytest.mark.parametrize(("command", "phase", "limit"), [
    ("export", "spool", 200_000), ("export", "save", 4096), ("csv", "spool", 100_000)])
def test_a_full_disk_is_one_line_and_keeps_the_old_file(
        big_db: str, tmp_path: Path, command: str, phase: str, limit: int) -> None:
    target = tmp_path / f"stor.{'xlsx' if command == 'export' else 'csv'}"
    target.write_bytes(OLD)
    child = run_child(FULL_DISK, phase, str(limit), "--db", big_db, command,
                      "--campaign", BIG, "-o", str(target), "--force", "--privacy", "full")
    assert child.returncode == 2, child.stderr
    lines = [line for line in child.stderr.splitlines() if "warning:" not in line]
    assert lines == [f"ringkvall: Cannot write {target}: the disk is full"], child.stderr
    assert "Exception ignored" not in child.stderr and "Traceback" not in child.stderr
    assert target.read_bytes() == OLD
    assert files_beside(tmp_path) == sorted([*database_files(big_db), target.name])
    assert list(private_temp_dir().iterdir()) == []


def test_cleanup_removes_only_what_dead_processes_left(tmp_path: Path) -> None:
    folder = private_temp_dir()
    assert folder.stat().st_mode & 0o777 == 0o700
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    dead_pid = int(dead.stdout)
    files = {
        f"{dead_pid}.openpyxl.abc": False,  # a process that is gone: removed
        f"{os.getpid()}.openpyxl.def": True,  # this very process, maybe exporting: kept
        f"{os.getppid()}.openpyxl.ghi": True,  # another running process: kept
        "notes.txt": True,  # not named by a process: not ours to judge
    }
    for name in files:
        (folder / name).write_text("x")
    assert cleanup_private_temp() == 1
    assert {name: (folder / name).exists() for name in files} == files
