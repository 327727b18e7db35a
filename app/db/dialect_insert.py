"""INSERT … ON CONFLICT in the words of the database in use: SQLAlchemy spells it per dialect
(SQLite and PostgreSQL alike support it)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects import postgresql, sqlite


def dialect_insert(dialect: str, table: Any) -> postgresql.Insert | sqlite.Insert:
    """An insert into `table` (a model or a Table) that can take `on_conflict_do_…`."""
    if dialect == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)
