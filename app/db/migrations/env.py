"""Alembic environment: always driven from code (app.db.migrate) with an open connection."""

from __future__ import annotations

from alembic import context

import app.db.models  # noqa: F401  (registers the tables on Base.metadata)
from app.db.base import Base

config = context.config
connection = config.attributes["connection"]
sqlite = connection.dialect.name == "sqlite"
if sqlite and connection.exec_driver_sql("PRAGMA foreign_keys").scalar():
    # A batch rebuild (copy, DROP, rename) would cascade and delete every referring row.
    raise RuntimeError("SQLite migrations must run with foreign keys off: use app.db.migrate")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=sqlite,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
