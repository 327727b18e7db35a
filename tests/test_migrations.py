"""Migrations: empty to head, an old revision with rows to head, backups, drift, newer schemas."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, select, text

from app.db import migrate
from app.db.database import open_database
from app.db.migrations import HEAD
from app.db.models import Call, Campaign, Contact, PhoneNumber
from app.errors import UserError
from tests.conftest import ROOT


def _engine(db: Path | str) -> Engine:
    """A plain engine (not the app's) on a --db value: a SQLite file's path or a URL."""
    return create_engine(str(db) if "://" in str(db) else f"sqlite:///{db}")


def _upgrade_to(db: Path | str, revision: str) -> None:
    engine = _engine(db)
    with engine.begin() as conn:
        migrate.upgrade(conn, revision)
    engine.dispose()


def _execute(db: str, sql: str) -> list[tuple[Any, ...]]:
    engine = _engine(db)
    try:
        with engine.begin() as conn:
            result = conn.execute(text(sql))
            return [tuple(row) for row in result] if result.returns_rows else []
    finally:
        engine.dispose()


def test_head_constant_matches_alembic() -> None:
    assert migrate.head_revision() == HEAD


def test_migration_file_names_carry_their_revision_ids() -> None:
    # The start-up check of "a database newer than the app" reads ids from file names.
    from app.db.files import known_revisions

    assert known_revisions() == migrate.known_revisions()


def test_empty_database_upgrades_to_head_without_drift(db_url: str) -> None:
    db = open_database(db_url)
    with db.engine.connect() as conn:
        assert migrate.current_revision(conn) == HEAD
        assert migrate.drift(conn) == []
    db.close()
    assert db.backup_path is None  # nothing to back up in a new file


@pytest.mark.sqlite_only("builds an old schema with sqlite3 and checks the SQLite backup file")
def test_old_revision_with_rows_upgrades_without_loss_and_is_backed_up(db_path: Path) -> None:
    _upgrade_to(db_path, "0001")
    con = sqlite3.connect(db_path)
    con.executescript(
        """
        INSERT INTO campaign (id, name, association, local_issue, local_message, meeting_title,
            meeting_link, meeting_guest, is_practice, retry_wait_minutes, max_attempts,
            weekday_hours, weekend_hours, notes_enabled, created_at)
        VALUES (1, 'Höstkampanj', 'S-föreningen Åby', 'Skolan', 'Behåll skolan', '', '', '', 0,
            120, 3, '09:00-20:00', '10:00-18:00', 1, '2026-10-01 10:00:00');
        INSERT INTO target_group (id, campaign_id, name, description)
            VALUES (1, 1, 'Unga väljare', '');
        INSERT INTO contact (id, campaign_id, target_group_id, first_name, last_name, street,
            postcode, city, gender, extra, status, queue_rank, next_call_at, attempts,
            notes_for_next, created_at)
        VALUES (1, 1, 1, 'Märta', 'Öberg', '', '', 'Åby', '', '{}', 'done', 1,
            '2026-10-01 10:00:00', 1, '', '2026-10-01 10:00:00');
        INSERT INTO phone_number (id, contact_id, campaign_id, position, e164, raw, kind, failed)
            VALUES (1, 1, 1, 0, '+46701740605', '070-174 06 05', 'mobile', 0);
        INSERT INTO call (id, uuid, campaign_id, target_group_id, contact_id, number_dialled,
            started_at, outcome, notes, meeting_signup, contact_before, saved_at)
        VALUES (1, 'b2c3', 1, 1, 1, '+46701740605', '2026-10-02 18:00:00', 'conversation', '',
            1, '{}', '2026-10-02 18:05:00');
        """
    )
    con.commit()
    con.close()

    db = open_database(str(db_path))
    try:
        assert db.backup_path is not None and db.backup_path.exists()
        with db.engine.connect() as conn:
            assert migrate.current_revision(conn) == HEAD
        with db.session() as session:
            campaign = session.scalars(select(Campaign)).one()
            assert (campaign.name, campaign.association) == ("Höstkampanj", "S-föreningen Åby")
            assert campaign.delete_after is None  # the column 0002 added
            contact = session.scalars(select(Contact)).one()
            assert (contact.first_name, contact.last_name) == ("Märta", "Öberg")
            assert session.scalars(select(PhoneNumber.e164)).one() == "+46701740605"
            assert session.scalars(select(Call.outcome)).one() == "conversation"
    finally:
        db.close()
    # The backup is the file as it was before the migration: old revision, same rows.
    backup = sqlite3.connect(db.backup_path)
    assert backup.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    assert backup.execute("SELECT first_name FROM contact").fetchall() == [("Märta",)]
    backup.close()
    assert db.backup_path.stat().st_mode & 0o777 == 0o600


def test_every_revision_upgrades_step_by_step(db_url: str) -> None:
    revisions = [s.revision for s in reversed(list(
        __import__("alembic.script", fromlist=["ScriptDirectory"]).ScriptDirectory
        .from_config(migrate.alembic_config()).walk_revisions()
    ))]
    for revision in revisions:
        _upgrade_to(db_url, revision)
        assert _execute(db_url, "SELECT version_num FROM alembic_version") == [(revision,)]
    engine = _engine(db_url)
    try:
        with engine.connect() as conn:
            assert migrate.drift(conn) == []  # step by step ends where a new database does
    finally:
        engine.dispose()


def test_database_newer_than_the_app_is_refused(db_url: str) -> None:
    open_database(db_url).close()
    _execute(db_url, "UPDATE alembic_version SET version_num = '9999_future'")
    with pytest.raises(UserError, match="newer Ringkväll"):
        open_database(db_url)


@pytest.mark.sqlite_only("the SQLite file's mode (0600)")
def test_file_mode_is_owner_only(db_path: Path) -> None:
    open_database(str(db_path)).close()
    assert db_path.stat().st_mode & 0o777 == 0o600


@pytest.mark.sqlite_only("SQLite's WAL, foreign-key pragma and busy timeout")
def test_sqlite_runs_with_wal_foreign_keys_and_busy_timeout(db_path: Path) -> None:
    db = open_database(str(db_path))
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 1000
    db.close()


def _open_and_close(path: str) -> str:
    from app.db.database import open_database

    try:
        open_database(path).close()
    except UserError as exc:
        return str(exc)
    return "ok"


@pytest.mark.slow
def test_several_instances_creating_the_same_new_file_all_succeed(tmp_path: Path) -> None:
    # Two laptops' shortcuts, or a double click: every instance must open the file; before
    # the migration took the write lock first, some failed with "database is locked".
    # (The same on a server, made certain rather than left to chance, is the next test.)
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    for trial in range(3):
        path = str(tmp_path / f"new{trial}.sqlite")
        with context.Pool(4) as pool:
            assert pool.map(_open_and_close, [path] * 4) == ["ok"] * 4


# Another Ringkväll migrating the new database, stopped after its migration and before its
# commit until the test lets it go on.
MIGRATING_INSTANCE = """
import sys
from app.db import database, migrate

real_upgrade = migrate.upgrade

def upgrade_then_wait(connection, revision="head"):
    real_upgrade(connection, revision)
    print("MIGRATED", flush=True)
    sys.stdin.readline()

migrate.upgrade = upgrade_then_wait
database.open_database(sys.argv[1]).close()
print("OPENED", flush=True)
"""


def _waiting_on_a_lock(db_url: str) -> bool:
    """Whether a connection to the test's server database waits for a lock."""
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            return bool(conn.execute(text(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND wait_event_type = 'Lock'")).scalar_one())
    finally:
        engine.dispose()


@pytest.mark.slow
def test_an_instance_opening_a_database_while_another_migrates_it_waits_and_finds_it_done(
        db_url: str, db_backend: str, request: pytest.FixtureRequest) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    first = subprocess.Popen([sys.executable, "-c", MIGRATING_INSTANCE, db_url], cwd=ROOT,
                             env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    outcome: list[str] = []
    second = threading.Thread(target=lambda: outcome.append(_open_and_close(db_url)))
    try:
        assert first.stdout is not None and first.stdin is not None
        assert first.stdout.readline().strip() == "MIGRATED"  # migrated, not committed
        second.start()
        if db_backend == "postgresql":
            # Hang guard only: the second instance reaches the first one's lock and waits.
            for _ in range(600):
                if _waiting_on_a_lock(db_url):
                    break
                time.sleep(0.1)
            else:
                pytest.fail("the second instance never waited for the first one's migration")
        first.stdin.write("\n")
        first.stdin.flush()
        assert first.stdout.readline().strip() == "OPENED"
        assert first.wait(timeout=120) == 0
        second.join(timeout=120)
        assert not second.is_alive()
    finally:
        first.kill()
        first.wait()
    assert outcome == ["ok"]
    assert _execute(db_url, "SELECT version_num FROM alembic_version") == [(HEAD,)]
