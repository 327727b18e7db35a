"""Alembic migrations. HEAD names the newest revision so start-up can skip importing Alembic;
tests/test_migrations.py fails when it falls behind."""

HEAD = "0008"
