"""Writes from the window run on the task runner, and "database busy" offers Try again.

Also checks the guard in conftest.py (no write transaction begun by ui/ code on the GUI
thread), which every Qt test runs under.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.db.database import Database, open_database
from app.db.models import Campaign, DoNotCall
from app.errors import DatabaseBusy
from app.services.campaigns import get_or_create_campaign
from app.settings import Settings
from tests.conftest import recording_gui_thread_writes
from ui.context import UiContext
from ui.tasks import TaskRunner


def _on_modal(action: Callable[[QWidget], None]) -> None:
    """Act on the next modal window once it is open (exec() blocks until it closes)."""

    def act() -> None:
        widget = QApplication.activeModalWidget()
        if widget is None:
            QTimer.singleShot(20, act)
            return
        try:
            action(widget)
        except BaseException:
            widget.close()  # never leave the test hanging on a modal window
            raise

    QTimer.singleShot(0, act)


def _press(name: str) -> Callable[[QWidget], None]:
    def press(box: QWidget) -> None:
        assert isinstance(box, QMessageBox), box
        button = box.findChild(QPushButton, name)
        assert button is not None, name
        button.click()

    return press


def _write(db: Database, name: str) -> None:
    with db.transaction() as session:
        get_or_create_campaign(session, name)


# --- the guard ---------------------------------------------------------------------------


def test_guard_records_a_write_started_by_ui_code_on_the_gui_thread(
    qapp: QApplication, db: Database
) -> None:
    from ui.errors import show_error

    with recording_gui_thread_writes() as found:
        _write(db, "Från testet")  # set-up code: no ui/ frame on the stack
        assert found == []
        _on_modal(_press("retryButton"))
        show_error(None, DatabaseBusy(), retry=lambda: _write(db, "Från fönstret"))
    assert len(found) == 1 and any(line.startswith("ui/errors.py:") for line in found[0])


def test_guard_ignores_writes_on_worker_threads(qapp: QApplication, db: Database) -> None:
    with recording_gui_thread_writes() as found:
        worker = threading.Thread(target=_write, args=(db, "I bakgrunden"))
        worker.start()
        worker.join()
    assert found == []


# --- the widgets -------------------------------------------------------------------------


@pytest.fixture
def busy_ctx(qapp: QApplication, tmp_path: Path) -> Iterator[tuple[UiContext, sqlite3.Connection]]:
    """A window context on a file whose write lock another program holds (BEGIN IMMEDIATE)."""
    from ui import i18n

    i18n.set_language("sv")
    db = open_database(str(tmp_path / "delad.sqlite"), busy_timeout_ms=50)
    other = sqlite3.connect(str(tmp_path / "delad.sqlite"), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    ctx = UiContext(db=db, settings=Settings(), runner=TaskRunner())
    yield ctx, other
    ctx.runner.wait()
    if other.in_transaction:
        other.rollback()
    other.close()
    db.close()


def test_dnc_number_waits_for_the_other_writer_after_try_again(
    qtbot: QtBot, busy_ctx: tuple[UiContext, sqlite3.Connection],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from ui import errors
    from ui.importing.dnc_dialog import DncDialog

    ctx, other = busy_ctx
    bugs: list[object] = []
    monkeypatch.setattr(errors, "show_bug", lambda *args: bugs.append(args))
    dialog = DncDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    messages: list[str] = []

    def try_again(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        messages.append(box.text())
        other.rollback()  # the other Ringkväll has saved meanwhile
        _press("retryButton")(box)

    _on_modal(try_again)
    dialog.number_edit.setText("070-174 06 05")
    dialog.add_typed()
    assert not dialog.add_button.isEnabled()  # not twice while it is being added
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=10_000)
    assert len(messages) == 1 and bugs == []
    assert dialog.add_button.isEnabled() and dialog.number_edit.text() == ""
    with ctx.db.session() as session:
        assert list(session.scalars(select(DoNotCall.e164))) == ["+46701740605"]


def test_campaign_settings_cancelled_on_busy_saves_nothing_and_stays_open(
    qtbot: QtBot, busy_ctx: tuple[UiContext, sqlite3.Connection]
) -> None:
    from ui.campaign_dialog import CampaignDialog

    ctx, other = busy_ctx
    other.rollback()
    _write(ctx.db, "Vårkampanj")
    other.execute("BEGIN IMMEDIATE")
    with ctx.db.session() as session:
        campaign_id = session.scalars(select(Campaign.id)).one()
    dialog = CampaignDialog(ctx, campaign_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.local_issue.setText("Kvällsbussarna")
    shown: list[bool] = []

    def cancel(box: QWidget) -> None:
        shown.append(True)
        _press("cancelButton")(box)

    _on_modal(cancel)
    dialog.save()
    qtbot.waitUntil(lambda: bool(shown) and dialog.save_button.isEnabled(), timeout=10_000)
    assert dialog.isVisible() and dialog.result() == 0  # still open, to try later
    with ctx.db.session() as session:
        assert session.get_one(Campaign, campaign_id).local_issue == ""


def test_new_campaign_is_created_off_the_gui_thread_and_its_settings_open(
    qtbot: QtBot, ui_ctx: UiContext
) -> None:
    from ui.campaign_dialog import CampaignDialog
    from ui.main_window import MainWindow

    window = MainWindow(ui_ctx)
    qtbot.addWidget(window)
    opened: list[str] = []

    def close_settings(dialog: QWidget) -> None:
        assert isinstance(dialog, CampaignDialog)
        opened.append(dialog.name.text())
        dialog.reject()

    _on_modal(close_settings)
    window.create_campaign("Vårkampanj")
    assert not window.act_new_campaign.isEnabled()
    qtbot.waitUntil(lambda: opened == ["Vårkampanj"], timeout=10_000)
    assert window.act_new_campaign.isEnabled()
    assert window.home.campaigns.currentItem().text() == "Vårkampanj"


def test_use_for_calling_switches_the_active_script(qtbot: QtBot, ui_ctx: UiContext) -> None:
    from app.services.scripts import install_builtin_scripts
    from tests.scripts_helpers import make_campaign
    from ui.scripts.page import ScriptsPage

    with ui_ctx.db.transaction() as session:
        campaign = make_campaign(session)
        install_builtin_scripts(session, campaign)
        campaign_id = campaign.id
    page = ScriptsPage(ui_ctx, campaign_id)
    qtbot.addWidget(page)
    other = next(s.id for s in page.stored.values() if s.id != page.active_id and s.valid)
    page.list.setCurrentRow(list(page.stored).index(other))
    assert page.use_button.isEnabled()
    with qtbot.waitSignal(ui_ctx.events.changed):
        page.use_selected()
    assert page.active_id == other and not page.use_button.isEnabled()
    with ui_ctx.db.session() as session:
        assert session.get_one(Campaign, campaign_id).script_id == other
