"""Another writer holding the lock is "database busy", a message with Try again, never a bug.

On a real SQLite file a second connection (Python's sqlite3, as another Ringkväll would be)
holds the write lock with BEGIN IMMEDIATE; on a PostgreSQL database another connection holds
a lock on the campaign table that writers wait for. The busy timeout (the server's
lock_timeout) is lowered so the tests do not wait.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, event, func, select, text

from app.db.database import Database, open_database, resolve_location
from app.db.models import Campaign
from app.errors import DatabaseBusy, StorageError
from app.progress import Progress
from app.services.campaigns import get_or_create_campaign

SHORT_WAIT_MS = 50


@pytest.fixture
def quick_db(db_url: str) -> Iterator[Database]:
    """The test's database (a file, or one on the server) with a short busy timeout."""
    database = open_database(db_url, busy_timeout_ms=SHORT_WAIT_MS)
    yield database
    database.close()


@pytest.fixture
def other_writer(quick_db: Database, db_url: str) -> Iterator[Callable[[], None]]:
    """Another program's connection to the same database, holding the lock writers need;
    the function it gives ends that program's transaction."""
    path = quick_db.location.sqlite_path
    if path is not None:
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        yield conn.rollback
        if conn.in_transaction:
            conn.rollback()
        conn.close()
        return
    # Not the app's engine: another program, with none of the app's timeouts. EXCLUSIVE lets
    # others read the campaigns but not add one.
    engine = create_engine(db_url)
    try:
        with engine.connect() as server_conn:
            server_conn.execute(text("LOCK TABLE campaign IN EXCLUSIVE MODE"))
            yield server_conn.rollback
            server_conn.rollback()
    finally:
        engine.dispose()


def _campaigns(db: Database) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.count()).select_from(Campaign)) or 0)


def test_a_held_write_lock_makes_a_transaction_busy_and_saves_nothing(
    quick_db: Database, other_writer: Callable[[], None]
) -> None:
    with pytest.raises(DatabaseBusy) as raised, quick_db.transaction() as session:
        get_or_create_campaign(session, "Höstkampanj")
    assert "busy" in str(raised.value)
    assert raised.value.__cause__ is not None  # the driver's error is kept for the log
    other_writer()  # the other program ends its transaction
    assert _campaigns(quick_db) == 0
    with quick_db.transaction() as session:  # once the other writer is done, it works
        get_or_create_campaign(session, "Höstkampanj")
    assert _campaigns(quick_db) == 1


@pytest.mark.sqlite_only("a read-only SQLite file (PRAGMA query_only on every connection)")
def test_a_read_only_database_is_a_storage_error_naming_the_file(quick_db: Database) -> None:
    # Every new connection refuses writes, as a read-only file or folder would.
    quick_db.engine.dispose()
    event.listen(quick_db.engine, "connect",
                 lambda dbapi, _record: dbapi.execute("PRAGMA query_only = ON"))
    with pytest.raises(StorageError) as raised, quick_db.transaction() as session:
        get_or_create_campaign(session, "Höstkampanj")
    message = str(raised.value)
    assert quick_db.location.display() in message and "read-only" in message


@pytest.mark.sqlite_only("a damaged SQLite file")
def test_a_damaged_file_read_through_a_session_is_a_storage_error(tmp_path: Path) -> None:
    junk = tmp_path / "trasig.sqlite"
    junk.write_bytes(b"\x00" * 100 + b"inte en databas" * 300)
    location = resolve_location(str(junk))
    db = Database(location, create_engine(location.url))
    try:
        with pytest.raises(StorageError, match="not a Ringkväll database"), db.session() as s:
            s.execute(text("SELECT * FROM campaigns"))
    finally:
        db.close()


def _on_modal(action: Callable[[QMessageBox], None]) -> None:
    """Act on the message box once it is open (exec() blocks until it closes)."""

    def act() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, act)
            return
        try:
            action(box)
        except BaseException:
            box.reject()  # never leave the test hanging on a modal dialog
            raise

    QTimer.singleShot(0, act)


def _button(box: QMessageBox, name: str) -> QPushButton:
    button = box.findChild(QPushButton, name)
    assert button is not None, name
    return button


def test_busy_shows_try_again_which_runs_the_work_again(
    qtbot: QtBot, quick_db: Database, other_writer: Callable[[], None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from ui import errors
    from ui.context import UiContext
    from ui.tasks import TaskRunner

    ctx = UiContext(db=quick_db, runner=TaskRunner())
    owner = QPushButton()
    qtbot.addWidget(owner)
    bugs: list[object] = []
    monkeypatch.setattr(errors, "show_bug", lambda *args: bugs.append(args))
    shown: list[str] = []
    attempts: list[int] = []
    saved: list[int] = []

    def work(_progress: Progress) -> int:
        attempts.append(1)
        with quick_db.transaction() as session:
            return get_or_create_campaign(session, "Höstkampanj").id

    def press_try_again(box: QMessageBox) -> None:
        shown.append(box.text())
        assert box.defaultButton() is _button(box, "retryButton")  # Enter tries again
        other_writer()  # the other Ringkväll has finished saving meanwhile
        _button(box, "retryButton").click()

    _on_modal(press_try_again)
    ctx.runner.run(work, context=owner, on_success=saved.append, writes=True)
    qtbot.waitUntil(lambda: bool(saved), timeout=10_000)
    ctx.runner.wait()
    assert len(shown) == 1 and ("upptagen" in shown[0] or "busy" in shown[0])
    assert len(attempts) == 2 and bugs == []
    assert _campaigns(quick_db) == 1


def test_cancel_on_busy_does_not_run_the_work_again(qtbot: QtBot) -> None:
    from ui.errors import show_error

    retried: list[bool] = []
    _on_modal(lambda box: _button(box, "cancelButton").click())
    show_error(None, DatabaseBusy(), retry=lambda: retried.append(True))
    assert retried == []
    _on_modal(lambda box: _button(box, "retryButton").click())
    show_error(None, DatabaseBusy(), retry=lambda: retried.append(True))
    assert retried == [True]
