"""Shared fixtures: real SQLite files in temporary folders, an isolated home, offscreen Qt."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from app.db.database import Database
    from ui.context import UiContext

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True)
def isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Settings, logs and the default database go to a fresh folder, never the real home."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("RINGKVALL_HOME", str(home))
    monkeypatch.delenv("RINGKVALL_DB", raising=False)
    return home


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "ringkvall.sqlite"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    """A fresh, migrated database: a SQLite file, or with RINGKVALL_TEST_PG set (a server URL
    such as postgresql+psycopg://postgres@localhost:5432) a new PostgreSQL database."""
    from app.db.database import open_database

    server = os.environ.get("RINGKVALL_TEST_PG")
    if not server:
        database = open_database(str(db_path))
        yield database
        database.close()
        return
    import uuid

    from sqlalchemy import create_engine, text

    name = f"rk_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(f"{server}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    database = open_database(f"{server}/{name}")
    try:
        yield database
    finally:
        database.close()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def ui_ctx(db: Database, qapp: object) -> Iterator[UiContext]:
    """A UiContext on a real database, Swedish, with its own task runner."""
    from app.settings import Settings
    from ui import i18n
    from ui.context import UiContext
    from ui.tasks import TaskRunner

    i18n.set_language("sv")
    ctx = UiContext(db=db, settings=Settings(), runner=TaskRunner())
    yield ctx
    ctx.runner.wait()
    i18n.set_language("sv")


# CI runs the property tests on a fixed seed, so a run's result does not depend on luck;
# locally they explore new examples every run.
from hypothesis import settings as _hypothesis_settings  # noqa: E402

_hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    _hypothesis_settings.load_profile("ci")
