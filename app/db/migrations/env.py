"""Alembic environment: always driven from code (app.db.migrate) with an open connection."""

from __future__ import annotations

from alembic import context

import app.db.models  # noqa: F401  (registers the tables on Base.metadata)
from app.db.base import Base

config = context.config
connection = config.attributes["connection"]

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
