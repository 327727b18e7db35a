"""The calling screen when the shared server drops its connection during a save: a line says
it is reconnecting (no dialog), the call is stored once, the next person comes. Real widgets on
a real PostgreSQL server whose session for the save is ended with pg_terminate_backend."""

from __future__ import annotations

import argparse
import os
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.db.database import open_database
from app.db.models import Call, Contact
from app.db.reconnect import ConnectionLost
from app.services.scripts import install_builtin_scripts
from app.settings import Settings
from tests.calling_helpers import make_campaign
from tests.conftest import TEST_PG_ENV
from tests.test_calling_screen import _key, _outcome, _when_modal, _window
from tests.test_reconnect import inserts_a_call, pg_database_url, terminating
from ui import i18n
from ui.calling.entry import open_calling_from_args
from ui.calling.screen import CallingScreen
from ui.context import UiContext
from ui.errors import show_error
from ui.tasks import TaskRunner


@pytest.fixture
def pg_ui_ctx(request: pytest.FixtureRequest, qapp: object) -> Iterator[UiContext]:
    """ui_ctx on a PostgreSQL database only: the fault is the server's."""
    if not os.environ.get(TEST_PG_ENV):
        pytest.skip(f"needs a PostgreSQL server: set {TEST_PG_ENV}")
    with pg_database_url(request) as url:
        db = open_database(url)
        i18n.set_language("sv")
        ctx = UiContext(db=db, settings=Settings(), runner=TaskRunner())
        try:
            yield ctx
        finally:
            ctx.runner.wait()
            db.close()
            i18n.set_language("sv")


def _screen(qtbot: QtBot, ctx: UiContext) -> CallingScreen:
    with ctx.db.transaction() as s:
        campaign = make_campaign(s, contacts=3, retry_wait_minutes=60, max_attempts=3)
        install_builtin_scripts(s, campaign)
    window = _window(qtbot, ctx)
    args = argparse.Namespace(campaign="Höstkampanj", group=None, volunteer="Kim Exempel")
    screen = open_calling_from_args(window, args)
    if screen is None:  # built once the evening has begun off the GUI thread
        qtbot.waitUntil(lambda: isinstance(window.pages.currentWidget(), CallingScreen),
                        timeout=10_000)
        screen = window.pages.currentWidget()
    assert isinstance(screen, CallingScreen)
    qtbot.waitUntil(lambda: screen.card is not None, timeout=10_000)
    return screen


def test_a_save_whose_connection_drops_says_reconnecting_and_is_stored_once(
    qtbot: QtBot, pg_ui_ctx: UiContext
) -> None:
    screen = _screen(qtbot, pg_ui_ctx)
    assert screen.card is not None and not screen.reconnect_banner.isVisible()
    person, call_uuid = screen.card.contact_id, screen.call_uuid
    go_on = threading.Event()
    with terminating(pg_ui_ctx.db, inserts_a_call) as ended:
        def second_try() -> None:  # waits for the test to have seen the line: nothing timed
            go_on.wait(30)

        ended.after_end = second_try
        _outcome(qtbot, screen, 1)  # no answer
        _key(qtbot, screen, Qt.Key.Key_Return)
        qtbot.waitUntil(screen.reconnect_banner.isVisible, timeout=10_000)
        assert screen.reconnect_banner.text() == \
            "Anslutningen till servern bröts. Försöker igen…"
        assert screen.busy  # still saving; no dialog in the way
        with qtbot.waitSignal(screen.shown_contact, timeout=20_000):
            go_on.set()
    assert len(ended.ended) == 1
    assert not screen.busy and not screen.reconnect_banner.isVisible()
    assert screen.card is not None and screen.card.contact_id != person
    with pg_ui_ctx.db.session() as s:
        assert s.scalars(select(Call.uuid).where(Call.contact_id == person)).all() == [call_uuid]
        assert s.scalar(select(func.count()).select_from(Call)) == 1
        contact = s.get(Contact, person)
        assert contact is not None and contact.attempts == 1
    assert screen.call_uuid != call_uuid  # the next person's call is another call


def test_a_server_that_stays_away_is_a_message_not_the_bug_dialog(qtbot: QtBot) -> None:
    seen: list[tuple[str, str, QMessageBox.Icon]] = []

    def read(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        seen.append((dialog.windowTitle(), dialog.text(), dialog.icon()))
        dialog.reject()

    parent = QWidget()
    qtbot.addWidget(parent)
    _when_modal(qtbot, read)
    show_error(parent, ConnectionLost("forening.example.se"), retry=lambda: None)
    assert len(seen) == 1
    title, text, icon = seen[0]
    assert title == "Ringkväll" and icon == QMessageBox.Icon.Warning
    assert "forening.example.se" in text
