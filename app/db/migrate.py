"""Alembic migrations shipped in the package and run from code (after warehouse's db.py).

On SQLite every migration runs with foreign keys off and checked at its end
(`migration_transaction`): Alembic's batch mode rebuilds a table by copying it, dropping the
old one and renaming the copy, and with foreign keys on that DROP deletes every row that refers
to the table, cascading through contacts, calls and answers.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, inspect, text

from app.errors import QT_TRANSLATE_NOOP, UserError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_MIGRATING = "ringkvall_migrating"  # Connection.info key: inside migration_transaction


class MigrationError(RuntimeError):
    """A migration would have left rows referring to rows that do not exist; it was rolled
    back and the database is as it was. A bug in the migration, never the user's."""


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    if len(heads) != 1:
        raise RuntimeError(f"migrations have {len(heads)} heads, expected one: {heads}")
    return heads[0]


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(connection: Connection) -> str | None:
    """The database's schema revision; None for a database without one (a new file).

    Ringkväll's migrations are one straight line, so a second row (a copied table, a hand
    edit) makes the schema unknown: refused, for a migration from a guess could lose data.
    """
    if not inspect(connection).has_table("alembic_version"):
        return None
    rows = sorted(str(row[0]) for row in
                  connection.execute(text("SELECT version_num FROM alembic_version")))
    if len(rows) > 1:
        raise UserError(
            QT_TRANSLATE_NOOP("app", "Database {db} is damaged: it records {count} schema "
                              "versions ({revisions}) where there is one"),
            db=display_name(connection), count=len(rows), revisions=", ".join(rows),
        )
    return rows[0] if rows else None


def display_name(connection: Connection) -> str:
    """How to name the connection's database to the user (a file's path; never a password)."""
    url = connection.engine.url
    if url.get_backend_name() == "sqlite" and url.database:
        return url.database
    return url.render_as_string(hide_password=True)


def has_user_tables(connection: Connection) -> bool:
    return any(name != "alembic_version" for name in inspect(connection).get_table_names())


def upgrade(connection: Connection, revision: str = "head") -> None:
    """Migrate up to `revision`, in one transaction (see `migration_transaction`)."""
    from alembic import command

    _run(connection, lambda cfg: command.upgrade(cfg, revision))


def downgrade(connection: Connection, revision: str) -> None:
    """Migrate down to `revision`, in one transaction (see `migration_transaction`)."""
    from alembic import command

    _run(connection, lambda cfg: command.downgrade(cfg, revision))


def _run(connection: Connection, action: Callable[[Config], None]) -> None:
    if connection.info.get(_MIGRATING):
        action(alembic_config(connection))  # migration_transaction checks at its end
    elif connection.in_transaction():
        # The caller's own transaction (a test's engine.begin()): checked, as far as it can be.
        if _foreign_keys_on(connection):
            raise RuntimeError("SQLite's foreign keys cannot be turned off inside a "
                               "transaction: migrate through migration_transaction()")
        before = _broken_references(connection)
        action(alembic_config(connection))
        _check_references(connection, before)
    else:
        with migration_transaction(connection):
            action(alembic_config(connection))


# Any fixed number: the advisory lock every Ringkväll takes to migrate a PostgreSQL database.
MIGRATION_LOCK = 0x52696E67  # "Ring"


@contextlib.contextmanager
def migration_transaction(connection: Connection) -> Iterator[Connection]:
    """One transaction to migrate in; on SQLite with foreign keys off, checked at its end.

    `PRAGMA foreign_keys` does nothing inside a transaction, so it is turned off on the
    connection before the transaction begins (the connection must not be in one yet), and
    back on after the commit or rollback. Before the commit, `PRAGMA foreign_key_check` must
    find no row referring to a missing row that was not already there before the migration
    (an older file's stray row must not lock it out of every new version); otherwise the
    migration is rolled back and MigrationError raised.
    """
    if connection.in_transaction():
        raise RuntimeError("migration_transaction() must begin the connection's transaction")
    turned_off = _foreign_keys_on(connection)
    if turned_off:
        _driver_execute(connection, "PRAGMA foreign_keys = OFF")
        if _foreign_keys_on(connection):  # the driver was inside a transaction after all
            raise RuntimeError("SQLite's foreign keys could not be turned off to migrate")
    connection.info[_MIGRATING] = True
    try:
        with connection.begin():
            if connection.dialect.name == "postgresql":
                # A new index on a large campaign may take longer than the statement timeout
                # every connection has (database.PG_STATEMENT_TIMEOUT_MS); for this one
                # transaction only. lock_timeout stays: a migration waiting behind the team's
                # saves would make every later save queue behind it.
                connection.exec_driver_sql("SET LOCAL statement_timeout = 0")
                # Two laptops opening a new server database at once: the second waits here
                # for the first to finish, then finds the schema current (BEGIN IMMEDIATE
                # does this on SQLite). Released at commit.
                # Its wait is not bounded by lock_timeout: the first may take a while.
                waited = connection.exec_driver_sql("SHOW lock_timeout").scalar()
                connection.exec_driver_sql("SET LOCAL lock_timeout = 0")
                connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
                connection.exec_driver_sql("SELECT set_config('lock_timeout', %(v)s, true)",
                                           {"v": str(waited)})
            before = _broken_references(connection)
            yield connection
            _check_references(connection, before)
    finally:
        connection.info.pop(_MIGRATING, None)
        if turned_off:
            try:
                _driver_execute(connection, "PRAGMA foreign_keys = ON")
            except Exception:
                connection.invalidate()  # never back to the pool without its foreign keys
                raise


def _driver_execute(connection: Connection, sql: str) -> Any:
    """Run `sql` on the driver's connection: through SQLAlchemy it would begin a transaction."""
    driver = connection.connection.driver_connection
    assert driver is not None
    return driver.execute(sql).fetchall()


def _foreign_keys_on(connection: Connection) -> bool:
    if connection.dialect.name != "sqlite":
        return False
    return bool(_driver_execute(connection, "PRAGMA foreign_keys")[0][0])


def _broken_references(connection: Connection) -> set[tuple[str, int, str]]:
    """(table, rowid, parent table) of each row referring to a row that does not exist."""
    if connection.dialect.name != "sqlite":
        return set()  # PostgreSQL keeps its constraints during migrations
    rows = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    return {(str(row[0]), int(row[1]) if row[1] is not None else -1, str(row[2]))
            for row in rows}


def _check_references(connection: Connection, before: set[tuple[str, int, str]]) -> None:
    new = _broken_references(connection) - before
    if new:
        tables = ", ".join(sorted({f"{table} -> {parent}" for table, _rowid, parent in new}))
        raise MigrationError(
            f"the migration would leave {len(new)} row(s) referring to missing rows "
            f"({tables}); it was rolled back"
        )


def drift(connection: Connection) -> list[Any]:
    """Differences between the models and the migrated schema; empty when they agree."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    import app.db.models  # noqa: F401  (registers the tables on Base.metadata)
    from app.db.base import Base

    ctx = MigrationContext.configure(connection, opts={"compare_type": True})
    return list(compare_metadata(ctx, Base.metadata))
