"""Making deleted personal data leave the file's bytes (SQLite).

SQLite keeps deleted rows in free space inside pages, in free pages and in the write-ahead
log. The deleting transaction runs with `secure_delete` on (freed content is overwritten
with zeros), and after commit the log is checkpointed and truncated. VACUUM rebuilds the file,
which also drops stale copies left by earlier updates made while `secure_delete` was off.
PostgreSQL reclaims dead rows with its own (auto)vacuum; nothing here applies there.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from app.db.database import BUSY_TIMEOUT_MS, Database

log = logging.getLogger(__name__)

_BACKUP_GLOB = "{stem}.backup-*"
_STAMP = "%Y%m%d-%H%M%S"


def secure_delete_on(session: Session) -> None:
    """Overwrite what this transaction deletes (SQLite; nothing on a server)."""
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("PRAGMA secure_delete = ON")


def secure_delete_off(session: Session) -> None:
    """Back to the default before the pooled connection serves ordinary writes."""
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("PRAGMA secure_delete = OFF")


@dataclass(frozen=True)
class Scrubbed:
    vacuumed: bool
    checkpointed: bool  # False: another program still reads an older state of the log
    backups_removed: int


def scrub(db: Database, *, vacuum: bool, before: datetime | None = None) -> Scrubbed:
    """After the deleting transaction has committed: VACUUM (when asked), checkpoint and
    truncate the log, and remove pre-migration backups made before `before` (they hold the
    deleted data too). Nothing on a server."""
    path = db.location.sqlite_path
    if path is None:
        return Scrubbed(False, True, 0)
    # A connection of its own: VACUUM cannot run inside a transaction, and the pool's
    # connections begin one for every statement.
    vacuumed, busy = False, True
    con = sqlite3.connect(path, isolation_level=None)
    try:
        con.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_MS)}")
        con.execute("PRAGMA secure_delete = ON")
        if vacuum:
            con.execute("VACUUM")
            vacuumed = True
        busy = bool(con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0])
    except sqlite3.OperationalError as exc:
        # The deletion is committed; only the rebuild waits for the other program.
        log.warning("The database file could not be rebuilt after deleting: %s", exc)
    finally:
        con.close()
    if busy:
        log.warning("The write-ahead log could not be truncated: another program reads it")
    removed = remove_backups(path, before) if before is not None else 0
    return Scrubbed(vacuumed, not busy, removed)


def backups_of(path: Path) -> list[Path]:
    """The pre-migration backups beside the database (app/db/database.py names them)."""
    return sorted(p for p in path.parent.glob(_BACKUP_GLOB.format(stem=path.stem))
                  if p.is_file() and not p.name.endswith(("-wal", "-shm", "-journal")))


def backup_time(backup: Path, stem: str) -> datetime | None:
    """When a backup was made, from its name (local time), or None for a name not ours."""
    rest = backup.name[len(stem) + len(".backup-"):]
    try:
        return datetime.strptime(rest[:15], _STAMP)
    except ValueError:
        return None


def remove_backups(path: Path, before: datetime) -> int:
    """Delete the backups made before `before` (aware; compared in local time), with their
    SQLite side files; how many went. A backup made later holds no data deleted before it."""
    limit = before.astimezone().replace(tzinfo=None)
    removed = 0
    for backup in backups_of(path):
        made = backup_time(backup, path.stem)
        if made is None or made > limit:
            continue
        for side in ("", "-wal", "-shm", "-journal"):
            Path(f"{backup}{side}").unlink(missing_ok=True)
        removed += 1
    return removed
