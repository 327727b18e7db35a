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


# Every test that uses a database (the `db` fixture, or `ui_ctx` built on it) runs on SQLite,
# and again on PostgreSQL when RINGKVALL_TEST_PG names a server (a URL without a database, such
# as postgresql+psycopg://postgres@localhost:5432): ids [sqlite] and [postgresql]. A test that
# is about SQLite's files themselves says so with @pytest.mark.sqlite_only("why") and runs on
# SQLite only; the run's summary counts them.
TEST_PG_ENV = "RINGKVALL_TEST_PG"


def _backends() -> list[str]:
    return ["sqlite", "postgresql"] if os.environ.get(TEST_PG_ENV) else ["sqlite"]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "db_backend" not in metafunc.fixturenames:
        return
    backends = _backends()
    marker = metafunc.definition.get_closest_marker("sqlite_only")
    if marker is not None:
        if not marker.args or not str(marker.args[0]).strip():
            raise pytest.UsageError(
                f"{metafunc.definition.nodeid}: sqlite_only needs a reason, "
                '@pytest.mark.sqlite_only("why")')
        backends = ["sqlite"]
    if metafunc.definition.get_closest_marker("postgresql_only") is not None:
        # About a server itself (its clock, its connections): nothing to run on a file.
        backends = [b for b in backends if b == "postgresql"]
    metafunc.parametrize("db_backend", backends)


_sqlite_only_not_on_pg: list[str] = []


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if not os.environ.get(TEST_PG_ENV):
        return
    for item in items:
        if item.get_closest_marker("sqlite_only") is not None:
            _sqlite_only_not_on_pg.append(item.nodeid)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _sqlite_only_not_on_pg:
        terminalreporter.write_line(
            f"{len(_sqlite_only_not_on_pg)} test(s) marked sqlite_only ran on SQLite only "
            "(not on PostgreSQL)")


@pytest.fixture(scope="session")
def _pg_template() -> Iterator[str]:
    """A migrated PostgreSQL database that each test's database is copied from (CREATE
    DATABASE ... TEMPLATE): much faster than running the migrations for every test."""
    import uuid

    from sqlalchemy import create_engine, text

    from app.db.database import open_database

    server = os.environ[TEST_PG_ENV].rstrip("/")
    name = f"rk_template_{uuid.uuid4().hex[:12]}"
    admin = create_engine(f"{server}/postgres", isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        open_database(f"{server}/{name}").close()
        yield name
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


@pytest.fixture
def db_url(db_backend: str, db_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """The test's fresh database as a --db value: the SQLite file's path, or the URL of a new
    PostgreSQL database (dropped afterwards) on the RINGKVALL_TEST_PG server. On PostgreSQL it
    is empty, or already migrated when the test also uses `db`."""
    if db_backend == "sqlite":
        yield str(db_path)
        return
    import uuid

    from sqlalchemy import create_engine, text

    server = os.environ[TEST_PG_ENV].rstrip("/")
    name = f"rk_test_{uuid.uuid4().hex[:12]}"
    template = ""
    if "db" in request.fixturenames:
        template = f' TEMPLATE "{request.getfixturevalue("_pg_template")}"'
    admin = create_engine(f"{server}/postgres", isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"{template}'))
        yield f"{server}/{name}"
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    """A fresh, migrated database on the test's backend (see db_url). Tests that hand the
    database to another process or the command line pass `db_url` (or
    db.location.url.render_as_string(hide_password=False)), never db_path."""
    from app.db.database import open_database

    database = open_database(db_url)
    try:
        yield database
    finally:
        database.close()


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


# --- No write transaction on the GUI thread -----------------------------------------------
import contextlib  # noqa: E402

# A write started by ui/ code on the main thread freezes the window for as long as another
# Ringkväll holds the lock (up to the busy timeout). Widgets hand writes to the task runner;
# this guard fails any Qt test in which a write transaction began on the main thread with a
# ui/ frame on the stack. Tests that set up data through db.transaction() themselves are not
# caught: their stack holds no ui/ frame.
_UI_DIR = str(ROOT / "ui") + os.sep


def _gui_thread_write_stack() -> list[str] | None:
    """The ui/ frames of the current stack if this is a GUI-thread write to report, else None."""
    import threading
    import traceback

    from PySide6.QtWidgets import QApplication

    if threading.current_thread() is not threading.main_thread():
        return None
    if QApplication.instance() is None:
        return None
    frames = traceback.extract_stack()
    ui_frames = [f"{Path(f.filename).relative_to(ROOT)}:{f.lineno} in {f.name}"
                 for f in frames if f.filename.startswith(_UI_DIR)]
    return ui_frames or None


@contextlib.contextmanager
def recording_gui_thread_writes() -> Iterator[list[list[str]]]:
    """Collect (as lists of ui/ frames) the write transactions begun on the GUI thread."""
    from sqlalchemy import Engine, event

    from app.db.database import WRITE_OPTION

    found: list[list[str]] = []

    def on_begin(conn: object) -> None:
        options = conn.get_execution_options()  # type: ignore[attr-defined]
        if options.get(WRITE_OPTION, False):
            stack = _gui_thread_write_stack()
            if stack is not None:
                found.append(stack)

    event.listen(Engine, "begin", on_begin)
    try:
        yield found
    finally:
        event.remove(Engine, "begin", on_begin)


@pytest.fixture(autouse=True)
def no_gui_thread_writes(request: pytest.FixtureRequest) -> Iterator[None]:
    if not {"qtbot", "ui_ctx"} & set(request.fixturenames):
        yield
        return
    with recording_gui_thread_writes() as found:
        yield
    if found:
        listing = "\n\n".join("\n".join(stack) for stack in found)
        pytest.fail(f"{len(found)} write transaction(s) began on the GUI thread:\n{listing}")


# --- No test hangs on a forgotten dialog ------------------------------------------------------
# A modal dialog nobody answers (a test that did not expect it) would block the run until CI's
# time runs out, naming nothing. This guard closes a modal dialog that stays open for about
# twenty seconds and fails the test with the dialog's name and text. It measures nothing.
_STUCK_TICKS = 40  # of 500 ms


@pytest.fixture(autouse=True)
def no_forgotten_dialogs(request: pytest.FixtureRequest) -> Iterator[None]:
    if not {"qtbot", "ui_ctx"} & set(request.fixturenames):
        yield
        return
    request.getfixturevalue("qapp")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    ticks: dict[int, int] = {}
    stuck: list[str] = []

    def check() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            return
        ticks[id(dialog)] = ticks.get(id(dialog), 0) + 1
        if ticks[id(dialog)] >= _STUCK_TICKS:
            text = getattr(dialog, "text", lambda: "")()
            stuck.append(f"{type(dialog).__name__} {dialog.windowTitle()!r}: {text!r}")
            dialog.close()

    timer = QTimer()
    timer.setInterval(500)
    timer.timeout.connect(check)
    timer.start()
    yield
    timer.stop()
    if stuck:
        pytest.fail("a dialog was left open, unanswered:\n" + "\n".join(stuck))
