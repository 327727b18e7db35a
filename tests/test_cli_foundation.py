"""The command line as a user runs it: a real process, one-line errors, exit codes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from app import __version__
from app.db.database import open_database
from app.db.migrations import HEAD
from tests.conftest import ROOT


def ringkvall(*args: str, home: Path, env: dict[str, str] | None = None
              ) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if k != "RINGKVALL_DB"}
    full_env.update({"RINGKVALL_HOME": str(home), **(env or {})})
    return subprocess.run(
        [sys.executable, "-m", "ui", *args], cwd=ROOT, env=full_env, capture_output=True,
        text=True, timeout=120,
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert result.returncode == 2, result
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for needle in needles:
        assert needle in lines[0]


def test_version(isolated_home: Path) -> None:
    result = ringkvall("--version", home=isolated_home)
    assert result.returncode == 0
    assert result.stdout.strip() == f"ringkvall {__version__}"


def test_help_lists_the_commands(isolated_home: Path) -> None:
    result = ringkvall("--help", home=isolated_home)
    assert result.returncode == 0
    for command in ("demo", "db"):
        assert command in result.stdout


def _query(db_url: str, sql: str) -> list[tuple[Any, ...]]:
    """Rows of `sql` on the database a command was given (a SQLite file or a server's)."""
    db = open_database(db_url)
    try:
        with db.engine.connect() as conn:
            return [tuple(row) for row in conn.execute(text(sql))]
    finally:
        db.close()


def test_demo_creates_the_practice_campaign_with_fictional_numbers(
    db_url: str, isolated_home: Path
) -> None:
    result = ringkvall("--db", db_url, "demo", home=isolated_home)
    assert result.returncode == 0, result.stderr
    assert "Övningskampanj" in result.stdout
    assert _query(db_url, "SELECT count(*) FROM campaign WHERE is_practice") == [(1,)]
    ((contacts,),) = _query(db_url, "SELECT count(*) FROM contact")
    assert 45 <= contacts <= 60
    numbers = [row[0] for row in _query(db_url, "SELECT e164 FROM phone_number")]
    fictional = [
        *(f"+467017406{i:02d}" for i in range(5, 100)),
        *(f"+468465004{i:02d}" for i in range(100)),
        *(f"+4631390060{i}" for i in range(10)), *(f"+463139006{i:02d}" for i in range(100)),
    ]
    assert numbers and set(numbers) <= set(fictional)
    again = ringkvall("--db", db_url, "demo", home=isolated_home)
    assert again.returncode == 0 and "Already there" in again.stdout


def test_db_option_and_environment_are_honoured(tmp_path: Path, isolated_home: Path,
                                                db_url: str) -> None:
    env_db = tmp_path / "env.sqlite"
    result = ringkvall("db", "info", home=isolated_home, env={"RINGKVALL_DB": str(env_db)})
    assert result.returncode == 0 and str(env_db) in result.stdout
    # --db (the test's new database: a file, or one on the server) beats the environment.
    result = ringkvall("--db", db_url, "db", "info", home=isolated_home,
                       env={"RINGKVALL_DB": str(env_db)})
    assert result.returncode == 0, result.stderr
    assert f"database: {db_url} (from --db)" in result.stdout
    assert f"schema:   {HEAD}" in result.stdout
    result = ringkvall("db", "info", home=isolated_home)
    assert str(isolated_home / "ringkvall.sqlite") in result.stdout


def test_non_database_file_gets_one_line_error(tmp_path: Path, isolated_home: Path) -> None:
    bad = tmp_path / "anteckningar.txt"
    bad.write_text("inte en databas\n", encoding="utf-8")
    assert_one_line_error(ringkvall("--db", str(bad), "demo", home=isolated_home),
                          str(bad), "not a Ringkväll database")
    assert bad.read_text(encoding="utf-8") == "inte en databas\n"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a file with mode 000")
def test_unreadable_database_gets_one_line_error(tmp_path: Path, isolated_home: Path) -> None:
    bad = tmp_path / "låst.sqlite"
    bad.write_bytes(b"SQLite format 3\x00")
    bad.chmod(0)
    assert_one_line_error(ringkvall("--db", str(bad), "demo", home=isolated_home), str(bad))


def test_truncated_database_gets_one_line_error(tmp_path: Path, isolated_home: Path) -> None:
    bad = tmp_path / "trasig.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + b"\xff" * 200)
    assert_one_line_error(ringkvall("--db", str(bad), "demo", home=isolated_home), str(bad))


def test_unknown_url_scheme_gets_one_line_error(isolated_home: Path) -> None:
    assert_one_line_error(ringkvall("--db", "mysql://user@host/db", "demo", home=isolated_home),
                          "unknown scheme")


def test_newer_database_gets_one_line_error(db_url: str, isolated_home: Path) -> None:
    assert ringkvall("--db", db_url, "demo", home=isolated_home).returncode == 0
    db = open_database(db_url)
    try:
        with db.engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    finally:
        db.close()
    assert_one_line_error(ringkvall("--db", db_url, "demo", home=isolated_home),
                          "newer Ringkväll")


def test_gui_with_bad_database_fails_before_any_window(tmp_path: Path, isolated_home: Path
                                                       ) -> None:
    bad = tmp_path / "x.sqlite"
    bad.write_text("nej", encoding="utf-8")
    assert_one_line_error(ringkvall("--db", str(bad), home=isolated_home,
                                    env={"QT_QPA_PLATFORM": "offscreen"}), str(bad))


def test_unknown_command_gets_one_line_error(isolated_home: Path) -> None:
    assert_one_line_error(ringkvall("flyga", home=isolated_home), "invalid choice")


def test_db_check_says_models_and_migrations_agree(db_url: str, isolated_home: Path
                                                   ) -> None:
    result = ringkvall("--db", db_url, "db", "check", home=isolated_home)
    assert result.returncode == 0, result.stderr
    assert "agree" in result.stdout
