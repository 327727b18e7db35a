"""Opening the database: where it is, how SQLite is set up, migrating with a backup first."""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from app.db import migrate
from app.db.files import (
    ENV_VAR,
    SUPPORTED_BACKENDS,
    check_sqlite_file,
    copy_sqlite,
    newer_than_app,
    unknown_scheme,
)
from app.errors import QT_TRANSLATE_NOOP, DatabaseBusy, StorageError, UserError, os_problem
from app.paths import default_database_path

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000  # how long SQLite waits for another writer before "busy"
# Overrides BUSY_TIMEOUT_MS for a whole process: tests of "busy" from the command line, where
# waiting 10 s per case is too long. Read here, not in app/settings.py: it is not a user setting.
BUSY_TIMEOUT_ENV = "RINGKVALL_BUSY_TIMEOUT_MS"
WRITE_OPTION = "ringkvall_write"

# A PostgreSQL server is shared by the whole team over a network that can fail (home Wi-Fi).
# lock_timeout is the server's "busy": a save that waits longer for another caller's lock is
# stuck behind something wrong, and the volunteer is better told (DatabaseBusy) than frozen.
# It is shorter than SQLite's busy timeout: there every writer queues for the one file, while
# a save on the server waits only for the few rows another caller is writing, for milliseconds.
PG_LOCK_TIMEOUT_MS = 5_000
# A runaway query must not hold its locks and the server's CPU for the evening. Generous: an
# export of a large campaign to a laptop on a slow line sends its rows within one statement.
# Migrations lift it for their own transaction (migrate.migration_transaction).
PG_STATEMENT_TIMEOUT_MS = 60_000
# A laptop that lost its network (or went to sleep) mid-transaction leaves its session "idle in
# transaction" holding row locks (the campaign's tally row: everyone's saves) until the server
# ends it; this bounds how long the rest of the team then sees "busy".
PG_IDLE_IN_TRANSACTION_MS = 60_000
PG_CONNECT_TIMEOUT_S = 10  # an unreachable server is said within seconds, not minutes
# TCP keepalives and a user timeout notice a dead Wi-Fi or a vanished server on an idle or a
# waiting connection in about 30-60 s instead of the operating system's hours; libpq ignores
# what a system lacks (and all of it on a Unix socket).
PG_TCP_SETTINGS: dict[str, int] = {
    "keepalives": 1,
    "keepalives_idle": 30,
    "keepalives_interval": 10,
    "keepalives_count": 3,
    "tcp_user_timeout": 30_000,  # ms unacknowledged data may wait (a query sent into the void)
}
# One laptop runs at most three database tasks at once (the task runner's two readers and its
# one writer), so a small pool: fifty laptops must stay well inside the server's
# max_connections (100 by default). Connections are recycled after half an hour, before a
# router or hosted server drops them for idleness, and pinged when taken from the pool, so
# connections a server restart ended are replaced before anyone uses them.
PG_POOL: dict[str, Any] = {
    "pool_size": 2,
    "max_overflow": 2,
    "pool_timeout": 30,
    "pool_recycle": 1_800,
    "pool_pre_ping": True,
}

# PostgreSQL: lock_timeout, serialization failure, deadlock. Each means "another caller got
# there first"; nothing was saved and the same action a moment later normally succeeds.
_BUSY_SQLSTATES = frozenset({"55P03", "40001", "40P01"})
_PG_DISK_FULL = "53100"
# SQLite primary result codes (the low byte of an extended code).
_SQLITE_BUSY, _SQLITE_LOCKED = 5, 6
_SQLITE_STORAGE = {
    8: QT_TRANSLATE_NOOP("app", "the file or its folder is read-only"),  # SQLITE_READONLY
    10: QT_TRANSLATE_NOOP("app", "the disk cannot be read or written (disk I/O error)"),
    11: QT_TRANSLATE_NOOP("app", "the file is damaged"),  # SQLITE_CORRUPT
    13: QT_TRANSLATE_NOOP("app", "the disk is full"),  # SQLITE_FULL
    26: QT_TRANSLATE_NOOP("app", "the file is not a Ringkväll database"),  # SQLITE_NOTADB
}
# For drivers that give only the message (the codes above are Python 3.11's sqlite3).
_SQLITE_MESSAGES = {
    "database is locked": _SQLITE_BUSY,
    "database is busy": _SQLITE_BUSY,
    "database table is locked": _SQLITE_LOCKED,
    "attempt to write a readonly database": 8,
    "disk i/o error": 10,
    "database disk image is malformed": 11,
    "database or disk is full": 13,
    "file is not a database": 26,
}


def storage_fault(exc: DBAPIError, db: str) -> UserError | None:
    """The user's side of a database failure: busy, or the storage failing; None for a bug."""
    return driver_fault(exc.orig, db)


def driver_fault(orig: BaseException | None, db: str) -> UserError | None:
    """`storage_fault` for the driver's own exception (sqlite3.Error, psycopg's)."""
    sqlstate = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    if sqlstate in _BUSY_SQLSTATES:
        return DatabaseBusy()
    if sqlstate == _PG_DISK_FULL:
        return StorageError(db, _SQLITE_STORAGE[13])
    if sqlstate == "42501":  # insufficient_privilege: the login's rights (server roles)
        from app.errors import PermissionRefused

        diag = getattr(orig, "diag", None)
        what = getattr(diag, "message_primary", None) or str(orig).strip().partition("\n")[0]
        user = ""
        if "://" in db:  # the address shown has the login in it, never the password
            with contextlib.suppress(ArgumentError):
                user = make_url(db).username or ""
        return PermissionRefused(user, what)
    code = getattr(orig, "sqlite_errorcode", None)
    if isinstance(code, int):
        primary: int | None = code & 0xFF
    else:
        message = str(orig).lower()
        primary = next((c for text, c in _SQLITE_MESSAGES.items() if text in message), None)
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return DatabaseBusy()
    if primary in _SQLITE_STORAGE:
        return StorageError(db, _SQLITE_STORAGE[primary])
    return None


class _ReadSession(Session):
    """A session whose `with` block reports busy and storage faults as UserErrors."""

    def __exit__(self, type_: Any, value: Any, traceback: Any) -> None:
        super().__exit__(type_, value, traceback)
        if isinstance(value, DBAPIError):
            fault = storage_fault(value, str(self.info.get("ringkvall_db", "")))
            if fault is not None:
                raise fault from value


@dataclass(frozen=True)
class DatabaseLocation:
    url: URL
    source: str  # "--db", "RINGKVALL_DB" or "default"

    @property
    def sqlite_path(self) -> Path | None:
        if self.url.get_backend_name() != "sqlite" or not self.url.database:
            return None
        if self.url.database == ":memory:":
            return None
        return Path(self.url.database)

    def display(self) -> str:
        path = self.sqlite_path
        return str(path) if path else self.url.render_as_string(hide_password=True)


def resolve_location(cli_value: str | None = None) -> DatabaseLocation:
    """`--db` beats the environment, which beats the per-user default file."""
    if cli_value:
        return DatabaseLocation(_to_url(cli_value), "--db")
    env_value = os.environ.get(ENV_VAR)
    if env_value:
        return DatabaseLocation(_to_url(env_value), ENV_VAR)
    return DatabaseLocation(_sqlite_url(default_database_path()), "default")


def _sqlite_url(path: Path) -> URL:
    return URL.create("sqlite+pysqlite", database=str(path.expanduser().resolve()))


def _to_url(value: str) -> URL:
    if "://" not in value:
        return _sqlite_url(Path(value))
    try:
        url = make_url(value)
    except ArgumentError:
        raise UserError(
            QT_TRANSLATE_NOOP("app", "Database address {value} is not a valid URL"), value=value
        ) from None
    backend = url.get_backend_name()
    if backend not in SUPPORTED_BACKENDS:
        raise unknown_scheme(url.render_as_string(hide_password=True), url.drivername)
    if backend == "sqlite" and url.database and url.database != ":memory:":
        return _sqlite_url(Path(url.database))
    if url.drivername == "postgresql":  # no driver named: the one Ringkväll ships
        return url.set(drivername="postgresql+psycopg")
    return url


def _configure_sqlite(engine: Engine, busy_timeout_ms: int) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not pysqlite, decide when transactions begin (needed for BEGIN below).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # Writers take the lock up front (IMMEDIATE), so two writers wait for each other
        # (busy timeout) instead of failing with "database is locked" half-way through.
        # Readers begin deferred and never block a writer under WAL.
        immediate = conn.get_execution_options().get(WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _postgresql_options(url: URL, lock_timeout_ms: int) -> dict[str, Any]:
    """create_engine's arguments for a server: the pool, timeouts and keepalives above.

    The settings travel in the connection's startup packet (`options`), so they cost no
    statement. What the address itself sets (`?connect_timeout=`, `?options=-c ...`) wins:
    the organiser who wrote it knows their server.
    """
    settings = {
        "lock_timeout": lock_timeout_ms,
        "statement_timeout": PG_STATEMENT_TIMEOUT_MS,
        "idle_in_transaction_session_timeout": PG_IDLE_IN_TRANSACTION_MS,
    }
    options = " ".join(f"-c {name}={int(value)}" for name, value in settings.items())
    given = url.query.get("options")
    if given:  # later -c settings override earlier ones
        options += " " + (given if isinstance(given, str) else " ".join(given))
    connect_args: dict[str, Any] = {"options": options}
    for name, value in {"connect_timeout": PG_CONNECT_TIMEOUT_S, **PG_TCP_SETTINGS}.items():
        if name not in url.query:
            connect_args[name] = value
    return {**PG_POOL, "connect_args": connect_args}


def backup_sqlite(path: Path, when: datetime | None = None) -> Path:
    """Copy a SQLite file (consistently, WAL included) to a dated file beside it."""
    stamp = (when or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.backup-{stamp}{path.suffix or '.sqlite'}")
    counter = 1
    while target.exists():
        target = path.with_name(f"{path.stem}.backup-{stamp}-{counter}{path.suffix or '.sqlite'}")
        counter += 1
    fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    try:
        copy_sqlite(f"file:{path}?mode=ro", target)
    except BaseException:
        target.unlink(missing_ok=True)  # no half-written backup (a full disk)
        raise
    return target


class Database:
    """An open, migrated database: the engine and a session factory."""

    def __init__(self, location: DatabaseLocation, engine: Engine) -> None:
        self.location = location
        self.engine = engine
        self._sessions = sessionmaker(engine, class_=_ReadSession, expire_on_commit=False,
                                      info={"ringkvall_db": location.display()})
        self._write_sessions = sessionmaker(
            engine.execution_options(**{WRITE_OPTION: True}), expire_on_commit=False
        )
        self.backup_path: Path | None = None

    def session(self) -> Session:
        """A session for reading (use `transaction()` for anything that writes)."""
        return self._sessions()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """One user action, one transaction: committed on success, rolled back on any error.

        Another writer holding the lock past the busy timeout raises `DatabaseBusy`; a disk
        that is full, read-only or failing raises `StorageError`. Both are the user's to fix
        (wait, free space), never a bug, and nothing was saved.
        """
        try:
            with self._write_sessions() as session, session.begin():
                yield session
        except DBAPIError as exc:
            fault = storage_fault(exc, self.location.display())
            if fault is None:
                raise
            raise fault from exc

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()


def open_database(
    location: DatabaseLocation | str | None = None, *, migrate_schema: bool = True,
    busy_timeout_ms: int | None = None,
) -> Database:
    """Open (creating if needed) and migrate the database; UserError for what the user can fix.

    `busy_timeout_ms`: how long a SQLite writer waits for another one before `DatabaseBusy`
    (default: $RINGKVALL_BUSY_TIMEOUT_MS, else BUSY_TIMEOUT_MS); on PostgreSQL, the
    lock_timeout (default: $RINGKVALL_BUSY_TIMEOUT_MS, else PG_LOCK_TIMEOUT_MS).
    """
    # On a server, lock_timeout plays the busy timeout, with a default of its own.
    lock_timeout_ms = (busy_timeout_ms if busy_timeout_ms is not None
                       else _busy_timeout_ms(PG_LOCK_TIMEOUT_MS))
    if busy_timeout_ms is None:
        busy_timeout_ms = _busy_timeout_ms()
    try:
        if location is None or isinstance(location, str):
            location = resolve_location(location)
        path = location.sqlite_path
        if path is not None:
            _check_folders(path)
            check_sqlite_file(path)
    except OSError as exc:  # a name too long, a folder that is a file, ...
        shown = location.display() if isinstance(location, DatabaseLocation) else str(
            location or exc.filename)
        raise _os_error(exc, shown) from exc
    try:
        # hide_parameters: an error's text never quotes the values (names, numbers, answers),
        # so neither the log nor a bug report holds them.
        options: dict[str, Any] = {}
        if location.url.get_backend_name() == "postgresql":
            options = _postgresql_options(location.url, lock_timeout_ms)
        engine = create_engine(location.url, hide_parameters=True, **options)
    except (ArgumentError, ImportError) as exc:
        raise UserError(QT_TRANSLATE_NOOP("app", "Database {db}: {reason}"),
                        db=location.display(), reason=str(exc)) from None
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine, busy_timeout_ms)
    db = Database(location, engine)
    try:
        if migrate_schema:
            _migrate(db)
            # Imports a killed process left unfinished: removed or finished (staging.py).
            from app.services.importing.staging import recover_imports

            recover_imports(db)
    except UserError:
        engine.dispose()
        raise
    except (DatabaseError, OperationalError) as exc:
        engine.dispose()
        fault = storage_fault(exc, location.display())
        if fault is not None:  # busy, read-only, full, failing: in the user's words
            raise fault from exc
        reason = str(exc.orig) if getattr(exc, "orig", None) else str(exc)
        raise UserError(
            QT_TRANSLATE_NOOP("app", "Database {db} cannot be opened: {reason}"),
            db=location.display(), reason=reason,
        ) from None
    except OSError as exc:  # the backup before migrating: a full disk
        engine.dispose()
        raise _os_error(exc, location.display()) from exc
    return db


def _busy_timeout_ms(default: int = BUSY_TIMEOUT_MS) -> int:
    value = os.environ.get(BUSY_TIMEOUT_ENV, "").strip()
    return int(value) if value.isdigit() else default


def _check_folders(path: Path) -> None:
    """The nearest existing folder above `path` must be a folder: otherwise mkdir reports
    "file exists" and SQLite "unable to open database file", and neither says what is wrong."""
    for folder in path.parents:
        if folder.exists():
            if not folder.is_dir():
                raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(folder))
            return


def _os_error(exc: OSError, db: str) -> UserError:
    problem = os_problem(exc)
    if problem is not None:
        return StorageError(db, problem)
    return UserError(QT_TRANSLATE_NOOP("app", "Database {db} cannot be opened: {reason}"),
                     db=db, reason=exc.strerror or str(exc))


def _migrate(db: Database) -> None:
    with db.engine.connect() as conn:
        current = migrate.current_revision(conn)
        has_tables = migrate.has_user_tables(conn)
    if current is not None and current == _fast_head():
        return
    if current is not None and current not in migrate.known_revisions():
        error = newer_than_app(current, db.location.display())
        raise error if error is not None else UserError(
            QT_TRANSLATE_NOOP("app", "Database {db} has an unknown schema {revision}"),
            db=db.location.display(), revision=current,
        )
    if current is None and has_tables:
        raise UserError(
            QT_TRANSLATE_NOOP("app", "Database {db} holds tables that are not Ringkväll's"),
            db=db.location.display(),
        )
    path = db.location.sqlite_path
    if path is not None and current is not None:
        try:
            db.backup_path = backup_sqlite(path)
        except sqlite3.Error as exc:
            fault = driver_fault(exc, db.location.display())
            if fault is None:
                raise
            raise fault from exc
        log.info("Backed up %s to %s before migrating", path, db.backup_path)
    # Take the write lock first: another Ringkväll opening the same new file at the same
    # moment then waits (busy timeout) instead of failing, and finds the work done. SQLite's
    # foreign keys are off during the migration (see migrate.migration_transaction).
    with (db.engine.execution_options(**{WRITE_OPTION: True}).connect() as conn,
          migrate.migration_transaction(conn)):
        if migrate.current_revision(conn) == _fast_head():
            return
        migrate.upgrade(conn)


def _fast_head() -> str:
    """The head revision without importing Alembic (start-up speed); a test keeps it true."""
    from app.db.migrations import HEAD

    return HEAD
