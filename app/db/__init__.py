"""Persistence: typed ORM models, the database opener, Alembic migrations run from code."""
