"""Arkiv › Anslut till föreningens server: the address and its TLS rule, the password kept
by the system keyring (or not at all), the dialog connecting to a real PostgreSQL server, the
status bar naming the server and the login's role, and clear messages for a wrong host, user
or database.

The keyring is the operating system's: these tests put a small in-memory one in its place
(keyring.set_keyring), as they put a temporary folder in place of the user's home.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import threading
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import psycopg
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.errors import KeyringError, PasswordDeleteError
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app.db.database import open_database
from app.errors import UserError
from app.services.server.connection import (
    KEYRING_SERVICE,
    AddressError,
    ServerAddress,
    connect,
    connection_fault,
    forget_password,
    load_password,
    login_role,
    parse_port,
    store_password,
)
from app.services.server.roles import Kind, add_login, drop_roles, setup_server
from app.settings import SERVER_DATABASE, SERVER_HOST, SERVER_PORT, SERVER_USER, Settings
from tests.conftest import TEST_PG_ENV
from tests.test_mnemonics_everywhere import LANGUAGES, clashes, mnemonic
from tests.test_text_sizes import CASE_PARAMS, _dialog, _window, text_size  # noqa: F401
from ui import i18n
from ui.context import UiContext
from ui.main_window import MainWindow
from ui.server_dialog import ServerDialog
from ui.tasks import TaskRunner

PASSWORD = "hemligt-lösen-42"


# -- the address and TLS ---------------------------------------------------------------------


def test_a_server_on_the_network_needs_tls() -> None:
    address = ServerAddress(host="db.exempel.se", database="forening", user="kim")
    url = address.url(PASSWORD)
    assert url.drivername == "postgresql+psycopg"
    assert (url.host, url.port, url.database, url.username) == (
        "db.exempel.se", 5432, "forening", "kim")
    assert url.query["sslmode"] == "require"
    assert url.password == PASSWORD
    assert PASSWORD not in url.render_as_string(hide_password=True)
    assert address.display() == "db.exempel.se/forening"
    assert ServerAddress(host="10.0.0.5", port=6543, database="f", user="u").url().query[
        "sslmode"] == "require"


@pytest.mark.parametrize("host", ["localhost", "LOCALHOST", "127.0.0.1", "::1", " localhost "])
def test_a_server_on_this_computer_may_go_without_tls(host: str) -> None:
    address = ServerAddress(host=host, port=6543, database="forening", user="kim").validated()
    assert address.is_local
    assert "sslmode" not in address.url().query
    assert address.display().endswith(":6543/forening")


@pytest.mark.parametrize(("fields", "field"), [
    ({"host": "  "}, "host"),
    ({"host": "db exempel.se"}, "host"),
    ({"host": "kim@db.exempel.se"}, "host"),
    ({"host": "db.exempel.se/forening"}, "host"),
    ({"port": 0}, "port"),
    ({"port": 70000}, "port"),
    ({"database": ""}, "database"),
    ({"database": "x" * 64}, "database"),
    ({"user": " "}, "user"),
    ({"user": "å" * 32}, "user"),  # 64 bytes
])
def test_a_wrong_field_is_named(fields: dict[str, object], field: str) -> None:
    values: dict[str, object] = {"host": "db.exempel.se", "port": 5432, "database": "forening",
                                 "user": "kim", **fields}
    with pytest.raises(AddressError) as caught:
        ServerAddress(**values).validated()  # type: ignore[arg-type]
    assert caught.value.field == field
    assert isinstance(caught.value, UserError)


def test_fields_are_trimmed_and_ports_parsed() -> None:
    address = ServerAddress(host=" [::1] ", database=" forening ", user=" kim ").validated()
    assert (address.host, address.database, address.user) == ("::1", "forening", "kim")
    assert address.display() == "[::1]/forening"
    assert parse_port("") == 5432
    assert parse_port(" 6543 ") == 6543
    for bad in ("abc", "0", "65536", "-1", "54 32"):
        with pytest.raises(AddressError) as caught:
            parse_port(bad)
        assert caught.value.field == "port"


# -- the keyring ---------------------------------------------------------------------------


class MemoryKeyring(KeyringBackend):
    """Stands in for the operating system's keyring."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.secrets.pop((service, username), None) is None:
            raise PasswordDeleteError("no such password")


class BrokenKeyring(MemoryKeyring):
    """A keyring that is there but fails (locked, no D-Bus session)."""

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringError("the keyring is locked")

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringError("the keyring is locked")


@pytest.fixture
def use_keyring() -> Iterator[Callable[[KeyringBackend], None]]:
    before = keyring.get_keyring()
    yield keyring.set_keyring
    keyring.set_keyring(before)


ADDRESS = ServerAddress(host="db.exempel.se", database="forening", user="kim")


def test_without_a_keyring_the_password_is_not_remembered(
        use_keyring: Callable[[KeyringBackend], None], isolated_home: Path) -> None:
    use_keyring(fail.Keyring())
    assert store_password(ADDRESS, PASSWORD) is False
    assert load_password(ADDRESS) is None
    assert forget_password(ADDRESS) is False
    # ... and not written anywhere else either.
    for path in isolated_home.rglob("*"):
        if path.is_file():
            assert PASSWORD.encode() not in path.read_bytes(), path


def test_a_failing_keyring_does_not_remember_and_does_not_crash(
        use_keyring: Callable[[KeyringBackend], None]) -> None:
    use_keyring(BrokenKeyring())
    assert store_password(ADDRESS, PASSWORD) is False
    assert load_password(ADDRESS) is None


def test_the_keyring_keeps_the_password_per_login_and_server(
        use_keyring: Callable[[KeyringBackend], None]) -> None:
    ring = MemoryKeyring()
    use_keyring(ring)
    assert store_password(ADDRESS, PASSWORD) is True
    assert ring.secrets == {(KEYRING_SERVICE, "kim@db.exempel.se:5432/forening"): PASSWORD}
    assert load_password(ADDRESS) == PASSWORD
    other = ServerAddress(host="db.exempel.se", database="forening", user="berit")
    assert load_password(other) is None
    assert forget_password(ADDRESS) is True
    assert load_password(ADDRESS) is None
    assert forget_password(ADDRESS) is False


# -- a real server -------------------------------------------------------------------------


def _server() -> str:
    server = os.environ.get(TEST_PG_ENV)
    if not server:
        pytest.skip(f"{TEST_PG_ENV} names no PostgreSQL server")
    return server.rstrip("/")


class Server:
    def __init__(self, base: str, database: str) -> None:
        self.base, self.database = base, database
        url = make_url(base)
        assert url.host
        self.host, self.port = url.host, url.port or 5432
        self.superuser = url.username or "postgres"
        self.set_up = False

    def address(self, user: str | None = None, database: str | None = None) -> ServerAddress:
        return ServerAddress(host=self.host, port=self.port, database=database or self.database,
                             user=user or self.superuser)

    def login(self, kind: Kind) -> str:
        """A login of that kind, as `ringkvall server setup` and `add-volunteer` make them (the
        test server's trust authentication then takes any password)."""
        owner = open_database(f"{self.base}/{self.database}")
        try:
            if not self.set_up:
                setup_server(owner)
                self.set_up = True
            return add_login(owner, f"Kim {kind}", kind).user
        finally:
            owner.close()


@pytest.fixture
def server() -> Iterator[Server]:
    """A fresh, migrated database on the test server (like conftest's db_url), and its roles,
    dropped afterwards."""
    base = _server()
    name = f"rk_connect_{uuid.uuid4().hex[:12]}"
    admin = create_engine(f"{base}/postgres", isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        open_database(f"{base}/{name}").close()
        yield Server(base, name)
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
            drop_roles(conn, name)  # roles outlive their database
    finally:
        admin.dispose()


def test_connect_and_tell_the_role(server: Server) -> None:
    db = connect(server.address(), PASSWORD)
    try:
        assert db.dialect == "postgresql"
        assert login_role(db) == "owner"
        assert PASSWORD not in db.location.display()
    finally:
        db.close()
    for kind in ("organiser", "volunteer"):
        db = connect(server.address(server.login(kind)), PASSWORD)
        try:
            assert login_role(db) == kind
        finally:
            db.close()


def test_a_volunteer_login_reads_the_live_team_figures(server: Server) -> None:
    """The live panel's read works within what the server lets a volunteer see."""
    from app.services.calling import begin_evening
    from app.services.calling.team import team_figures
    from tests.test_team_live import _b_saves, _campaign

    owner = open_database(f"{server.base}/{server.database}")
    volunteer = connect(server.address(server.login("volunteer")), PASSWORD)
    try:
        campaign_id = _campaign(owner)
        with volunteer.transaction() as session:
            evening = begin_evening(session, campaign_id, None, "Anna")
        assert team_figures(volunteer, evening).team.calls == 0
        _b_saves(owner, campaign_id, "conversation")
        figures = team_figures(volunteer, evening)
        assert (figures.team.calls, figures.team.conversations, figures.team.follow_ups,
                figures.mine.calls, figures.campaign.calls) == (1, 1, 1, 0, 1)
    finally:
        volunteer.close()
        owner.close()


def test_sqlite_has_no_server_role(tmp_path: Path) -> None:
    db = open_database(str(tmp_path / "r.sqlite"))
    try:
        assert login_role(db) is None
    finally:
        db.close()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def test_wrong_host_user_or_database_are_clear_user_errors(server: Server) -> None:
    nobody = ServerAddress(host="127.0.0.1", port=_free_port(), database="f", user="kim")
    with pytest.raises(UserError, match=r"cannot reach the server 127\.0\.0\.1:"):
        connect(nobody, PASSWORD)
    with pytest.raises(UserError, match="cannot reach the server"):
        connect(ServerAddress(host="ingen-server.invalid", database="f", user="kim"), PASSWORD)
    with pytest.raises(UserError, match="did not accept the user name ingen_sadan"):
        connect(server.address(user="ingen_sadan"), PASSWORD)
    with pytest.raises(UserError, match="has no database named finns_inte"):
        connect(server.address(database="finns_inte"), PASSWORD)


def test_something_else_than_a_server_is_a_user_error_too() -> None:
    """A port where something else listens (it hangs up at once): libpq's reason, in one
    line, as a UserError rather than the bug dialog."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    port = listener.getsockname()[1]

    def hang_up() -> None:
        with contextlib.suppress(OSError):
            while True:
                conn, _ = listener.accept()
                conn.recv(1024)
                conn.close()

    thread = threading.Thread(target=hang_up, daemon=True)
    thread.start()
    try:
        with pytest.raises(UserError) as caught:
            connect(ServerAddress(host="127.0.0.1", port=port, database="f", user="kim"),
                    PASSWORD)
    finally:
        listener.close()
    message = str(caught.value)
    assert message.startswith(f"Ringkväll cannot connect to the server 127.0.0.1:{port}/f: ")
    assert "closed the connection" in message and "\n" not in message


def test_a_server_without_tls_is_named_as_such(server: Server) -> None:
    """The test server runs without TLS: what libpq says when TLS is required is reported as
    the server not offering it (not as a bug)."""
    with pytest.raises(psycopg.OperationalError) as caught:
        psycopg.connect(host=server.host, port=server.port, user=server.superuser,
                        dbname=server.database, sslmode="require", connect_timeout=10)
    fault = connection_fault(caught.value, server.address())
    assert fault is not None
    assert "encrypted connection (TLS)" in str(fault)


# -- the dialog and the window -------------------------------------------------------------


@pytest.fixture
def sqlite_ctx(qapp: object, tmp_path: Path) -> Iterator[UiContext]:
    """The window starts on a SQLite file, as on a laptop before connecting."""
    i18n.set_language("en")
    ctx = UiContext(db=open_database(str(tmp_path / "laptop.sqlite")), settings=Settings(),
                    runner=TaskRunner())
    yield ctx
    ctx.runner.wait()
    if ctx.db_is_open:
        ctx.db.close()
    i18n.set_language("sv")


def _open_dialog(qtbot: QtBot, ctx: UiContext) -> tuple[MainWindow, ServerDialog]:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.act_server.trigger()
    dialog = window.server_dialog
    assert isinstance(dialog, ServerDialog)
    qtbot.waitUntil(lambda: dialog.has_keyring is not None, timeout=10_000)
    return window, dialog


def _fill(dialog: ServerDialog, address: ServerAddress, password: str) -> None:
    dialog.host.setText(address.host)
    dialog.port.setText(str(address.port))
    dialog.database.setText(address.database)
    dialog.user.setText(address.user)
    dialog.password.setText(password)


def on_message_box(seen: list[tuple[str, str]]) -> None:
    """Note the next message box's title and text, then close it (exec() blocks)."""

    def act() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, act)
            return
        seen.append((box.windowTitle(), box.text()))
        box.reject()

    QTimer.singleShot(0, act)


def test_the_dialog_connects_and_the_status_bar_names_server_and_role(
        qtbot: QtBot, sqlite_ctx: UiContext, server: Server,
        use_keyring: Callable[[KeyringBackend], None]) -> None:
    ring = MemoryKeyring()
    use_keyring(ring)
    volunteer = server.login("volunteer")
    window, dialog = _open_dialog(qtbot, sqlite_ctx)
    assert window.db_label.text().startswith("Database: ")
    assert dialog.remember.isEnabled() and not dialog.keyring_note.isVisible()
    _fill(dialog, server.address(volunteer), PASSWORD)
    dialog.remember.setChecked(True)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)  # Enter connects

    qtbot.waitUntil(lambda: sqlite_ctx.db.dialect == "postgresql", timeout=20_000)
    assert window.server_dialog is None
    label = window.db_label.text()
    assert label == f"Server: {server.host}:{server.port}/{server.database} · volunteer", label
    # A volunteer's login is offered calling only (the server refuses the rest anyway).
    organisers = (window.home.import_button, window.home.scripts_button,
                  window.home.results_button, window.home.campaign_button,
                  window.home.new_button)
    assert not any(button.isVisibleTo(window) for button in organisers)
    assert window.home.call_button.isVisibleTo(window)
    assert not window.act_export.isVisible() and not window.act_import.isVisible()
    # The address is remembered per computer; the password only by the keyring.
    settings = sqlite_ctx.settings
    assert (settings.get(SERVER_HOST), settings.get(SERVER_PORT), settings.get(SERVER_DATABASE),
            settings.get(SERVER_USER)) == (server.host, server.port, server.database, volunteer)
    assert PASSWORD not in settings.path.read_text("utf-8")
    assert set(json.loads(settings.path.read_text("utf-8"))) >= {"server_host", "server_user"}
    assert ring.secrets == {(KEYRING_SERVICE, server.address(volunteer).keyring_username):
                            PASSWORD}

    # Next time the form is filled in, the password from the keyring, focus on Connect's way.
    dialog2 = _reopen(qtbot, window)
    assert dialog2.user.text() == volunteer
    qtbot.waitUntil(lambda: dialog2.password.text() == PASSWORD, timeout=10_000)
    assert dialog2.remember.isChecked()
    # Another address: the remembered password is not sent there.
    qtbot.keyClicks(dialog2.user, "x")
    assert dialog2.password.text() == ""
    dialog2.reject()

    # Back in the owner's seat: the role follows the login.
    dialog3 = _reopen(qtbot, window)
    _fill(dialog3, server.address(), PASSWORD)
    dialog3.remember.setChecked(False)
    old = sqlite_ctx.db
    dialog3.connect_button.click()
    qtbot.waitUntil(lambda: sqlite_ctx.db is not old, timeout=20_000)
    assert window.db_label.text().endswith(" · owner")
    assert all(button.isVisibleTo(window) for button in organisers)
    assert window.act_export.isVisible()
    assert window.statusBar().currentMessage().startswith("Connected to ")


def _reopen(qtbot: QtBot, window: MainWindow) -> ServerDialog:
    qtbot.waitUntil(lambda: window.server_dialog is None)
    window.connect_to_server()
    dialog = window.server_dialog
    assert isinstance(dialog, ServerDialog)
    qtbot.waitUntil(lambda: dialog.has_keyring is not None, timeout=10_000)
    return dialog


def test_a_server_given_at_start_is_named_with_its_role(
        qtbot: QtBot, qapp: object, server: Server) -> None:
    """`ringkvall --db postgresql://...`: ui/app.py opens the database after the window is
    shown, then refreshes the start page; the status bar then names server and role."""
    i18n.set_language("en")
    url = server.address(server.login("organiser")).url(PASSWORD)
    ctx = UiContext(settings=Settings(), runner=TaskRunner(),
                    opener=lambda: open_database(url.render_as_string(hide_password=False)),
                    location=url.render_as_string(hide_password=True))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    try:
        assert window.db_label.text().startswith("Database: postgresql")
        ctx.db = open_database(url.render_as_string(hide_password=False))  # as _after_show
        window.home.refresh()
        qtbot.waitUntil(lambda: window.db_label.text().endswith(" · organiser"),
                        timeout=10_000)
        assert window.db_label.text().startswith(f"Server: {server.host}:{server.port}/")
        assert PASSWORD not in window.db_label.text()
    finally:
        ctx.runner.wait()
        ctx.db.close()
        i18n.set_language("sv")


def test_without_a_keyring_the_dialog_says_so(
        qtbot: QtBot, sqlite_ctx: UiContext, server: Server,
        use_keyring: Callable[[KeyringBackend], None]) -> None:
    use_keyring(fail.Keyring())
    window, dialog = _open_dialog(qtbot, sqlite_ctx)
    assert dialog.keyring_note.isVisible()
    assert "not remembered" in dialog.keyring_note.text()
    assert not dialog.remember.isEnabled() and not dialog.remember.isChecked()
    _fill(dialog, server.address(), PASSWORD)
    dialog.connect_button.click()
    qtbot.waitUntil(lambda: sqlite_ctx.db.dialect == "postgresql", timeout=20_000)
    assert window.db_label.text().endswith(" · owner")


def test_a_wrong_host_or_user_gets_a_clear_message_not_the_bug_dialog(
        qtbot: QtBot, sqlite_ctx: UiContext, server: Server) -> None:
    window, dialog = _open_dialog(qtbot, sqlite_ctx)
    path = sqlite_ctx.db.location.sqlite_path
    for address, expected in (
            (ServerAddress(host="127.0.0.1", port=_free_port(), database=server.database,
                           user=server.superuser), "cannot reach the server"),
            (server.address(user="ingen_sadan"), "did not accept the user name ingen_sadan"),
            (server.address(database="finns_inte"), "has no database named finns_inte")):
        _fill(dialog, address, PASSWORD)
        seen: list[tuple[str, str]] = []
        on_message_box(seen)
        dialog.connect_button.click()
        qtbot.waitUntil(lambda: bool(seen), timeout=20_000)  # noqa: B023
        title, message = seen[0]
        assert title == "Ringkväll", (title, message)  # not "Something went wrong"
        assert expected in message, message
        qtbot.waitUntil(lambda: not dialog.busy)
        assert dialog.isVisible() and dialog.connect_button.isEnabled()
        assert dialog.password.hasFocus() or QApplication.focusWidget() is None
    # Still on the laptop's file.
    assert sqlite_ctx.db.location.sqlite_path == path
    assert window.db_label.text().startswith("Database: ")

    # A wrong field is named before anything is sent, and the cursor goes to it.
    dialog.host.clear()
    seen = []
    on_message_box(seen)
    dialog.connect_button.click()
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert "host" in seen[0][1]
    assert not dialog.busy
    dialog.reject()


def test_cancel_while_connecting_keeps_the_open_database(
        qtbot: QtBot, sqlite_ctx: UiContext, server: Server) -> None:
    window, dialog = _open_dialog(qtbot, sqlite_ctx)
    old = sqlite_ctx.db
    _fill(dialog, server.address(), PASSWORD)
    dialog.connect_button.click()
    assert dialog.busy
    dialog.reject()
    sqlite_ctx.runner.wait()
    qtbot.waitUntil(lambda: not sqlite_ctx.runner.busy, timeout=20_000)
    assert sqlite_ctx.db is old
    assert window.server_dialog is None


# -- keyboard and text sizes ---------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_mnemonics_of_the_dialog_and_the_file_menu(
        qtbot: QtBot, sqlite_ctx: UiContext, language: str) -> None:
    i18n.set_language(language)
    window, dialog = _open_dialog(qtbot, sqlite_ctx)
    QApplication.processEvents()
    assert clashes(dialog) == {}
    letters = [mnemonic(action.text()) for action in window.menu_file.actions()
               if not action.isSeparator()]
    assert None not in letters and len(set(letters)) == len(letters), letters
    dialog.reject()


@CASE_PARAMS
def test_the_dialog_fits_at_every_text_size(
        qtbot: QtBot, ui_ctx: UiContext, text_size: tuple[str, int],  # noqa: F811
        use_keyring: Callable[[KeyringBackend], None]) -> None:
    use_keyring(fail.Keyring())  # with the note about the keyring shown
    window = _window(qtbot, ui_ctx)
    dialog = ServerDialog(ui_ctx, window)
    qtbot.waitUntil(lambda: dialog.has_keyring is not None, timeout=10_000)
    found = _dialog(qtbot, dialog, "server")
    busy = ServerDialog(ui_ctx, window)
    qtbot.waitUntil(lambda: busy.has_keyring is not None, timeout=10_000)
    qtbot.addWidget(busy)
    busy.show()
    busy._set_busy(True)  # "Connecting…" shown too
    found += _dialog(qtbot, busy, "server (connecting)")
    busy.busy = False
    assert not found, "\n".join(found)
