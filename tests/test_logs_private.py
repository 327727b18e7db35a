"""The log file, which users send with bug reports, holds no personal data and only its owner
may read it: failures are logged without the names, streets and numbers they were about."""

from __future__ import annotations

import csv
import logging
import os
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, text

from app.domain.phone import parse_phone
from app.logs import PrivateRotatingFileHandler
from tests.conftest import DATA, ROOT

LIST = DATA / "lista_tensta_cp1252.csv"


def ringkvall(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "RINGKVALL_DB"}
    env["RINGKVALL_HOME"] = str(home)
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def python(code: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "RINGKVALL_DB"}
    env["RINGKVALL_HOME"] = str(home)
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def spellings(raw: str) -> set[str]:
    """A number as the list wrote it, in E.164, and as bare digits with and without its 0."""
    found = {raw.strip()}
    parsed = parse_phone(raw)
    if parsed.e164:
        found |= {parsed.e164, parsed.e164.lstrip("+"), "0" + parsed.e164[3:], parsed.e164[3:]}
    digits = "".join(ch for ch in raw if ch.isdigit())
    if len(digits) >= 7:
        found.add(digits)
    return {s for s in found if s}


def list_personal_data() -> set[str]:
    """Every name, street and number of the test list."""
    with LIST.open(encoding="cp1252", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter=";"))
    found: set[str] = set()
    for row in rows:
        found |= {row["Efternamn"].strip(), row["Gatuadress"].strip()}
        found |= {f'{row["Förnamn"].strip()} {row["Efternamn"].strip()}'}
        for column in ("Telefon", "Mobil"):
            if row[column].strip():
                found |= spellings(row[column])
    return {s for s in found if len(s) >= 4}


def new_database(db_url: str, home: Path) -> None:
    result = ringkvall("--db", db_url, "db", "info", home=home)
    assert result.returncode == 0, result.stderr


def _execute(db_url: str, *statements: str) -> list[tuple[Any, ...]]:
    """Run statements on the database behind a --db value; the last one's rows."""
    engine = create_engine(db_url if "://" in db_url else f"sqlite:///{db_url}")
    try:
        with engine.begin() as conn:
            result = None
            for statement in statements:
                result = conn.execute(text(statement))
            return [tuple(row) for row in result] if result and result.returns_rows else []
    finally:
        engine.dispose()


def refuse_inserts(db_url: str, table: str, after_rows: int = 0) -> None:
    """A real database error: inserting into `table` aborts once it holds `after_rows` rows."""
    if "://" not in db_url:  # SQLite
        _execute(db_url, f"CREATE TRIGGER refuse BEFORE INSERT ON {table} "
                 f"WHEN (SELECT count(*) FROM {table}) >= {after_rows} "
                 "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;")
        return
    _execute(
        db_url,
        "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        f"IF (SELECT count(*) FROM {table}) >= {after_rows} THEN "
        "RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$",
        f"CREATE TRIGGER refuse BEFORE INSERT ON {table} "
        "FOR EACH ROW EXECUTE FUNCTION refuse()")


def test_a_failed_do_not_call_add_logs_no_number(db_url: str, tmp_path: Path) -> None:
    home = tmp_path / "home"
    new_database(db_url, home)
    refuse_inserts(db_url, "do_not_call")
    numbers = ["070-174 06 05", "+46 8 465 004 17"]
    result = ringkvall("--db", db_url, "dnc", "add", *numbers, home=home)
    assert result.returncode == 1, result  # a database that refuses rows is a bug to report
    log = home / "ringkvall.log"
    assert mode(log) == 0o600
    text = log.read_text(encoding="utf-8")
    assert "refused by the test" in text  # the failure is there...
    assert "SQL parameters hidden" in text  # ...with its statement, without its values
    for number in numbers:
        for spelling in spellings(number):
            assert spelling not in text, spelling
            assert spelling not in result.stderr, spelling


def test_a_failed_import_logs_no_name_street_or_number(db_url: str, tmp_path: Path) -> None:
    home = tmp_path / "home"
    new_database(db_url, home)
    refuse_inserts(db_url, "contact", after_rows=100)  # fails mid-way, after the first steps
    result = ringkvall("--db", db_url, "import", str(LIST), "--campaign", "Höstkampanj",
                       "--group", "Tensta", home=home)
    assert result.returncode == 1, result
    log = home / "ringkvall.log"
    assert mode(log) == 0o600
    text = log.read_text(encoding="utf-8")
    assert "refused by the test" in text and "SQL parameters hidden" in text
    personal = list_personal_data()
    assert len(personal) > 500
    leaked = sorted(s for s in personal if s in text or s in result.stderr)
    assert leaked == []
    assert _execute(db_url, "SELECT count(*) FROM contact") == [(0,)]  # and nothing half-written


def test_an_error_from_another_engine_is_logged_without_its_values(tmp_path: Path) -> None:
    # An engine without hide_parameters (a tool, a test) and an exception quoting a number:
    # the log's formatter still leaves out the values.
    home = tmp_path / "home"
    code = f"""
import logging, sqlalchemy
from app.logs import setup_logging
setup_logging()
engine = sqlalchemy.create_engine("sqlite:///{tmp_path / 'other.sqlite'}")
with engine.begin() as conn:
    conn.exec_driver_sql("CREATE TABLE t (name TEXT CHECK (length(name) < 3))")
try:
    with engine.begin() as conn:
        conn.execute(sqlalchemy.text("INSERT INTO t VALUES (:n)"), {{"n": "Märta Öberg"}})
except Exception:
    logging.getLogger("test").exception("insert failed")
try:
    raise ValueError("cannot parse '070-174 06 05' nor '+46701740605'")
except ValueError:
    logging.getLogger("test").exception("parse failed")
logging.getLogger("test").info("backup at 2026-01-05 08:07:06, 12 rows, pid 4711")
"""
    result = python(code, home)
    assert result.returncode == 0, result.stderr
    text = (home / "ringkvall.log").read_text(encoding="utf-8")
    assert "insert failed" in text and "CHECK constraint failed" in text
    assert "Märta" not in text and "Öberg" not in text
    assert "parse failed" in text
    for spelling in spellings("070-174 06 05"):
        assert spelling not in text, spelling
    # Dates, counts and ids stay readable.
    assert "backup at 2026-01-05 08:07:06, 12 rows, pid 4711" in text


def test_the_log_and_its_rotated_copies_are_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "ringkvall.log"
    path.write_text("an old log, left readable by an older version\n")
    os.chmod(path, 0o644)
    old_umask = os.umask(0)  # created 0600 by the handler itself, not by the umask
    try:
        handler = PrivateRotatingFileHandler(path, maxBytes=300, backupCount=2,
                                             encoding="utf-8")
        logger = logging.getLogger("test_logs_private.rotation")
        logger.propagate = False
        logger.addHandler(handler)
        try:
            for i in range(40):
                logger.warning("line %d of a log that rotates", i)
        finally:
            logger.removeHandler(handler)
            handler.close()
    finally:
        os.umask(old_umask)
    copies = [path, path.with_name("ringkvall.log.1"), path.with_name("ringkvall.log.2")]
    assert all(p.exists() for p in copies)
    assert {p.name: mode(p) for p in copies} == {p.name: 0o600 for p in copies}


def test_an_existing_log_is_made_owner_only_at_start(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    for name in ("ringkvall.log", "ringkvall.log.1"):
        (home / name).write_text("older\n")
        os.chmod(home / name, 0o644)
    result = python("from app.logs import setup_logging; setup_logging()", home)
    assert result.returncode == 0, result.stderr
    assert mode(home / "ringkvall.log") == 0o600
    assert mode(home / "ringkvall.log.1") == 0o600


def _on_modal(action: Callable[[QMessageBox], None]) -> None:
    def act() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, act)
            return
        try:
            action(box)
        finally:
            box.accept()

    QTimer.singleShot(0, act)


def test_the_bug_dialog_says_what_the_log_holds(qtbot: QtBot) -> None:
    from ui import i18n
    from ui.errors import show_bug

    i18n.set_language("en")
    try:
        seen: list[str] = []
        _on_modal(lambda box: seen.append(box.text() + "\n" + box.informativeText()))
        try:
            raise RuntimeError("a bug")
        except RuntimeError as exc:
            show_bug(None, RuntimeError, exc, exc.__traceback__)
    finally:
        i18n.set_language("sv")
    assert len(seen) == 1
    assert "never the names, numbers or answers" in seen[0]
