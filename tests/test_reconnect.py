"""A dropped connection loses nothing: saves retried when the server comes back, stored once.

Real faults on a real PostgreSQL server: the app's own server session ended with
pg_terminate_backend from a second (admin) connection at a chosen statement; a small TCP proxy
between the app and the server that plays the network failing (refusing connections while the
"server is down", or cutting the line after the server committed and before the laptop heard);
a closed port for a server that stays away. Waits are injected (`sleep`), nothing is timed.
"""

from __future__ import annotations

import contextlib
import os
import re
import socket
import threading
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, event, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import NullPool

from app.clock import utcnow
from app.db import migrate
from app.db.database import (
    PG_IDLE_IN_TRANSACTION_MS,
    PG_LOCK_TIMEOUT_MS,
    PG_STATEMENT_TIMEOUT_MS,
    Database,
    open_database,
)
from app.db.models import Call, Contact
from app.db.reconnect import ConnectionLost, is_connection_lost, retrying, server_name
from app.errors import DatabaseBusy
from app.services.calling import CallInput, SaveResult, claim_next, save_call, steps
from app.services.calling.evening import begin_evening
from tests.calling_helpers import make_campaign, volunteer_id
from tests.conftest import TEST_PG_ENV

needs_server = pytest.mark.skipif(
    not os.environ.get(TEST_PG_ENV),
    reason=f"needs a PostgreSQL server: set {TEST_PG_ENV} (these faults are the server's)")


# --- the server, and faults on it ------------------------------------------------------------

def server_url() -> str:
    return os.environ[TEST_PG_ENV].rstrip("/")


@contextlib.contextmanager
def pg_database_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """A fresh migrated database on the test server (copied from conftest's template)."""
    template = request.getfixturevalue("_pg_template")
    name = f"rk_reconnect_{uuid.uuid4().hex[:12]}"
    admin = create_engine(f"{server_url()}/postgres", isolation_level="AUTOCOMMIT",
                          poolclass=NullPool)
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
        yield f"{server_url()}/{name}"
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


@pytest.fixture
def pg_url(request: pytest.FixtureRequest) -> Iterator[str]:
    with pg_database_url(request) as url:
        yield url


@pytest.fixture
def pg_db(pg_url: str) -> Iterator[Database]:
    database = open_database(pg_url)
    try:
        yield database
    finally:
        database.close()


# Anywhere in the statement: the save writes the call inside a WITH ... INSERT.
_INSERT_CALL = re.compile(r'\bINSERT INTO "?call"?[\s(]', re.IGNORECASE)


def inserts_a_call(statement: str) -> bool:
    """The statement that stores a call (not call_tally's, nor the next person's claim)."""
    return bool(_INSERT_CALL.search(statement))


BEFORE_COMMIT = "COMMIT"  # `when` for the moment just before the transaction commits


class Terminator:
    """Ends the app's own server session (pg_terminate_backend, from an admin connection) just
    before the first statement `when` picks (or, with BEFORE_COMMIT, just before the commit),
    `times` times: what a server restart or an organiser's "end that session" does to a save
    in flight. `after_end` runs at each later moment `when` picks (on the worker's thread)."""

    def __init__(self, engine: Engine, when: Callable[[str], bool] | str,
                 times: int = 1) -> None:
        self.engine = engine
        self.when = when
        self.times = times
        self.ended: list[int] = []
        self.after_end: Callable[[], None] | None = None
        self._admin = create_engine(f"{server_url()}/postgres", isolation_level="AUTOCOMMIT",
                                    poolclass=NullPool)
        self._event = "commit" if when == BEFORE_COMMIT else "before_cursor_execute"
        event.listen(engine, self._event, self._fire)

    def _fire(self, conn: Any, _cursor: Any = None, statement: str = "", *_args: Any) -> None:
        if callable(self.when) and not self.when(statement):
            return
        if len(self.ended) >= self.times:
            if self.after_end is not None:
                self.after_end()
            return
        pid = conn.connection.driver_connection.info.backend_pid
        with self._admin.connect() as admin:
            # With a timeout it returns once the session has really gone.
            gone = admin.execute(text("SELECT pg_terminate_backend(:pid, 10000)"),
                                 {"pid": pid}).scalar()
        assert gone is True
        self.ended.append(pid)

    def close(self) -> None:
        event.remove(self.engine, self._event, self._fire)
        self._admin.dispose()


@contextlib.contextmanager
def terminating(db: Database, when: Callable[[str], bool] | str,
                times: int = 1) -> Iterator[Terminator]:
    terminator = Terminator(db.engine, when, times)
    try:
        yield terminator
    finally:
        terminator.close()


class FlakyNetwork:
    """A TCP proxy between the app and the server that can fail like a real network.

    `down`: connections are accepted and closed at once (a server restarting, a Wi-Fi gone).
    `cut_after_commit()`: the next COMMIT reaches the server, which commits, and then the line
    is cut before its answer reaches the app: the app cannot know the call was stored.
    """

    def __init__(self, host: str, port: int) -> None:
        self._upstream = (host, port)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port: int = self._listener.getsockname()[1]
        self.down = False
        self.refused = 0
        self._cut_armed = False
        self.cut = threading.Event()
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._threads: list[threading.Thread] = []
        self._start(self._accept)

    def url(self, database_url: str) -> str:
        url = make_url(database_url).set(host="127.0.0.1", port=self.port)
        # Plain text on the loopback, so the proxy can see the COMMIT go by.
        url = url.update_query_dict({"sslmode": "disable"})
        return url.render_as_string(hide_password=False)

    def cut_after_commit(self) -> None:
        self._cut_armed = True

    def _start(self, target: Callable[..., None], *args: Any) -> None:
        thread = threading.Thread(target=target, args=args, daemon=True)
        self._threads.append(thread)
        thread.start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return  # closed
            if self.down:
                self.refused += 1
                client.close()
                continue
            server = socket.create_connection(self._upstream)
            with self._lock:
                self._sockets += [client, server]
            line = {"commit_sent": False}
            self._start(self._to_server, client, server, line)
            self._start(self._to_client, server, client, line)

    def _to_server(self, client: socket.socket, server: socket.socket,
                   line: dict[str, bool]) -> None:
        with contextlib.suppress(OSError):
            while data := client.recv(65536):
                if self._cut_armed and b"COMMIT" in data:
                    self._cut_armed = False
                    line["commit_sent"] = True
                server.sendall(data)
        _close(client, server)

    def _to_client(self, server: socket.socket, client: socket.socket,
                   line: dict[str, bool]) -> None:
        with contextlib.suppress(OSError):
            while data := server.recv(65536):
                if line["commit_sent"]:
                    # The answer to the COMMIT is held back; once the server says it committed
                    # (CommandComplete "COMMIT"), the line goes dead both ways.
                    if b"COMMIT\x00" in data:
                        _close(client, server)
                        self.cut.set()
                        return
                    continue
                client.sendall(data)
        _close(client, server)

    def close(self) -> None:
        _close(self._listener)  # the shutdown wakes the accept() (a bare close() may not)
        with self._lock:
            _close(*self._sockets)
        for thread in self._threads:
            thread.join(timeout=10)


def _close(*sockets: socket.socket) -> None:
    for sock in sockets:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)
        sock.close()


@contextlib.contextmanager
def flaky_database(url: str) -> Iterator[tuple[FlakyNetwork, Database]]:
    parsed = make_url(url)
    network = FlakyNetwork(parsed.host or "localhost", parsed.port or 5432)
    database = open_database(network.url(url))
    try:
        yield network, database
    finally:
        database.close()
        network.close()


# --- data ------------------------------------------------------------------------------------

def setup_call(db: Database, call_uuid: str | None = None) -> CallInput:
    """A campaign of three, the first person claimed by Kim, and Kim's call with them."""
    vid = volunteer_id(db, "Kim")
    with db.transaction() as s:
        campaign = make_campaign(s, contacts=3, max_attempts=3, retry_wait_minutes=60)
        claim = claim_next(s, campaign_id=campaign.id, volunteer_id=vid, claim_minutes=20)
        assert claim is not None
        contact_id, token = claim.contact_id, claim.token
    return CallInput(contact_id=contact_id, claim_token=token, outcome="no_answer",
                     volunteer_id=vid, started_at=utcnow(),
                     call_uuid=call_uuid or str(uuid.uuid4()))


def save_in_one_transaction(db: Database, call: CallInput) -> Callable[[], SaveResult]:
    def save() -> SaveResult:
        with db.transaction() as s:
            return save_call(s, call, claim_minutes=20)

    return save


def stored(db: Database, call: CallInput) -> tuple[int, int, int]:
    """(calls with this call's UUID, calls in all, the person's attempts)."""
    with db.session() as s:
        same = s.scalar(select(func.count()).select_from(Call)
                        .where(Call.uuid == call.call_uuid))
        total = s.scalar(select(func.count()).select_from(Call))
        contact = s.get(Contact, call.contact_id)
        assert contact is not None
        return int(same or 0), int(total or 0), contact.attempts


def no_sleep(_seconds: float) -> None:
    """The waits between attempts, skipped: the tests measure nothing."""


# --- the tests -------------------------------------------------------------------------------

@needs_server
def test_a_save_whose_server_session_ends_mid_transaction_is_retried_and_stored_once(
    pg_db: Database,
) -> None:
    call = setup_call(pg_db)
    retries: list[int] = []
    with terminating(pg_db, inserts_a_call) as ended:
        result = retrying(save_in_one_transaction(pg_db, call),
                          on_retry=lambda attempt, _wait: retries.append(attempt),
                          sleep=no_sleep)
    assert len(ended.ended) == 1  # the session really was ended, once, during the save
    assert retries == [1]
    assert stored(pg_db, call) == (1, 1, 1)
    with pg_db.session() as s:
        assert s.scalar(select(Call.id).where(Call.uuid == call.call_uuid)) == result.call_id
    assert result.next is not None and result.next.card is not None  # and the next person


@needs_server
def test_a_session_ended_just_before_commit_loses_nothing(pg_db: Database) -> None:
    call = setup_call(pg_db)
    retries: list[int] = []
    with terminating(pg_db, BEFORE_COMMIT) as ended:  # every row written, not committed
        retrying(save_in_one_transaction(pg_db, call),
                 on_retry=lambda attempt, _wait: retries.append(attempt), sleep=no_sleep)
    assert len(ended.ended) == 1 and retries == [1]
    assert stored(pg_db, call) == (1, 1, 1)


@needs_server
def test_save_and_next_rides_out_a_session_ended_before_commit(pg_db: Database) -> None:
    """The calling screen's step (app/services/calling/steps.py), as the screen runs it."""
    call = setup_call(pg_db)
    with pg_db.transaction() as s:
        contact = s.get(Contact, call.contact_id)
        assert contact is not None
        evening = begin_evening(s, contact.campaign_id, None, "Kim")
    retries: list[int] = []
    with terminating(pg_db, BEFORE_COMMIT) as ended:
        step = steps.save_and_next(pg_db, evening, call, 20,
                                   on_retry=lambda attempt, _wait: retries.append(attempt))
    assert len(ended.ended) == 1 and retries == [1]
    assert stored(pg_db, call) == (1, 1, 1)
    assert step.next is not None and step.next.card is not None
    assert step.next.card.contact_id != call.contact_id
    assert step.stats.mine.calls == 1  # the figures read after the retry count it once


@needs_server
def test_a_line_cut_after_the_server_committed_stores_the_call_once(pg_url: str) -> None:
    with flaky_database(pg_url) as (network, db):
        call = setup_call(db)
        network.cut_after_commit()
        retries: list[int] = []
        result = retrying(save_in_one_transaction(db, call),
                          on_retry=lambda attempt, _wait: retries.append(attempt),
                          sleep=no_sleep)
        assert network.cut.is_set()  # the server committed and the app never heard
        assert retries == [1]
        # The retry found the call the first attempt stored, and did not store it again.
        assert stored(db, call) == (1, 1, 1)
        with db.session() as s:
            assert s.scalar(select(Call.id).where(Call.uuid == call.call_uuid)) == result.call_id


@needs_server
def test_a_save_waits_for_a_server_that_comes_back(pg_url: str) -> None:
    with flaky_database(pg_url) as (network, db):
        call = setup_call(db)
        db.engine.dispose()  # the laptop's connections died with the network
        network.down = True
        waits: list[float] = []

        def wait(seconds: float) -> None:
            waits.append(seconds)
            if len(waits) == 2:
                network.down = False  # the Wi-Fi is back

        retries: list[int] = []
        retrying(save_in_one_transaction(db, call),
                 on_retry=lambda attempt, _wait: retries.append(attempt), sleep=wait)
        assert network.refused == 2 and retries == [1, 2]
        assert stored(db, call) == (1, 1, 1)


@needs_server
def test_connections_the_server_ended_while_idle_are_replaced_without_an_error(
    pg_db: Database,
) -> None:
    call = setup_call(pg_db)
    with pg_db.session() as s:  # the pool holds a connection now
        s.execute(text("SELECT 1"))
    database = pg_db.engine.url.database
    admin = create_engine(f"{server_url()}/postgres", isolation_level="AUTOCOMMIT",
                          poolclass=NullPool)
    with admin.connect() as conn:  # the server restarted, say
        ended = conn.execute(text(
            "SELECT count(pg_terminate_backend(pid, 10000)) FROM pg_stat_activity "
            "WHERE datname = :db AND pid <> pg_backend_pid()"), {"db": database}).scalar()
    admin.dispose()
    assert ended and ended >= 1
    retries: list[int] = []
    retrying(save_in_one_transaction(pg_db, call),
             on_retry=lambda attempt, _wait: retries.append(attempt), sleep=no_sleep)
    assert retries == []  # the pool's ping found the dead connections before the save did
    assert stored(pg_db, call) == (1, 1, 1)


def test_a_server_that_stays_away_gives_connection_lost_after_the_attempts(
    tmp_path: Any,
) -> None:
    # A closed port: nothing listens there, every connection is refused. No server needed.
    with socket.create_server(("127.0.0.1", 0)) as sock:
        port = sock.getsockname()[1]
    db = open_database(f"postgresql://kim@127.0.0.1:{port}/forening", migrate_schema=False)
    calls: list[int] = []

    def read() -> int:
        calls.append(1)
        with db.transaction() as s:
            return int(s.execute(text("SELECT 1")).scalar_one())

    waits: list[float] = []
    retries: list[tuple[int, float]] = []
    try:
        with pytest.raises(ConnectionLost) as raised:
            retrying(read, attempts=4, first_wait=1.0, max_wait=3.0, sleep=waits.append,
                     on_retry=lambda attempt, wait: retries.append((attempt, wait)),
                     server=server_name(db.location.url))
    finally:
        db.close()
    assert len(calls) == 4
    assert [attempt for attempt, _ in retries] == [1, 2, 3]
    assert waits == [wait for _, wait in retries]
    # Doubling up to the ceiling, each shortened by up to half so a team spreads out.
    for wait, ceiling in zip(waits, [1.0, 2.0, 3.0], strict=True):
        assert ceiling / 2 <= wait <= ceiling
    error = raised.value
    assert error.server == "127.0.0.1" and "127.0.0.1" in str(error)
    assert "kim" not in str(error)  # the server's name, never the login
    assert is_connection_lost(error) and is_connection_lost(error.__cause__)  # type: ignore[arg-type]


@pytest.mark.parametrize("failure", [ValueError("a bug"), DatabaseBusy()],
                         ids=["bug", "busy"])
def test_only_a_lost_connection_is_retried(failure: Exception) -> None:
    calls: list[int] = []

    def fail() -> None:
        calls.append(1)
        raise failure

    with pytest.raises(type(failure)):
        retrying(fail, sleep=no_sleep)
    assert calls == [1]


@needs_server
def test_a_wrong_login_is_not_a_lost_connection() -> None:
    url = make_url(f"{server_url()}/postgres").set(username="ingen_sadan_roll")
    db = open_database(url.render_as_string(hide_password=False), migrate_schema=False)
    try:
        with pytest.raises(OperationalError) as raised, db.session() as s:
            s.execute(text("SELECT 1"))
    finally:
        db.close()
    assert not is_connection_lost(raised.value)  # no waiting mends a wrong user name


@needs_server
def test_server_connections_have_their_timeouts_keepalives_and_a_small_pool(
    pg_db: Database,
) -> None:
    def seconds(value: str) -> int:
        units = {"ms": 0.001, "s": 1, "min": 60, "h": 3600}
        number, unit = re.fullmatch(r"(\d+)([a-z]+)", value).groups()  # type: ignore[union-attr]
        return round(int(number) * units[unit])

    with pg_db.engine.connect() as conn:
        shown = {name: str(conn.exec_driver_sql(f"SHOW {name}").scalar()) for name in
                 ("lock_timeout", "statement_timeout", "idle_in_transaction_session_timeout")}
        parameters = conn.connection.driver_connection.info.get_parameters()  # type: ignore[union-attr]
    assert seconds(shown["lock_timeout"]) == PG_LOCK_TIMEOUT_MS // 1000 > 0
    assert seconds(shown["statement_timeout"]) == PG_STATEMENT_TIMEOUT_MS // 1000 > 0
    assert (seconds(shown["idle_in_transaction_session_timeout"])
            == PG_IDLE_IN_TRANSACTION_MS // 1000 > 0)
    assert parameters["keepalives"] == "1" and int(parameters["keepalives_idle"]) > 0
    assert int(parameters["connect_timeout"]) > 0
    pool = pg_db.engine.pool
    assert pool.size() == 2  # type: ignore[attr-defined]

    # A migration may take longer than a statement may: its own transaction lifts the limit.
    with pg_db.engine.connect() as conn:
        with migrate.migration_transaction(conn):
            assert conn.exec_driver_sql("SHOW statement_timeout").scalar() == "0"
        assert seconds(str(conn.exec_driver_sql("SHOW statement_timeout").scalar())) == \
            PG_STATEMENT_TIMEOUT_MS // 1000


@needs_server
def test_settings_in_the_address_win(pg_url: str) -> None:
    db = open_database(f"{pg_url}?options=-c%20lock_timeout%3D7s&connect_timeout=3",
                       migrate_schema=False)
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("SHOW lock_timeout").scalar() == "7s"
            assert conn.exec_driver_sql("SHOW statement_timeout").scalar() != "0"
            parameters = conn.connection.driver_connection.info.get_parameters()  # type: ignore[union-attr]
        assert parameters["connect_timeout"] == "3"
    finally:
        db.close()
