"""A lost connection to the server, and trying again when it comes back.

On a shared PostgreSQL server the network between a volunteer's laptop and the server fails
now and then: the Wi-Fi drops for half a minute, the organiser restarts the server. None of it
is a bug and none of it may lose a call. `retrying` runs one unit of work (a whole transaction)
again, with growing waits, while the connection is lost; the pool has by then dropped the dead
connection, so each attempt starts on a fresh one. When the server stays away, `ConnectionLost`
says so in the user's words.

Only work that may run twice may be retried: a transaction that was rolled back is simply done
again, but the connection may also die after the server committed and before the laptop heard
so. Saving a call is safe because the call's UUID makes a second save of it a no-op
(app/services/calling/save.py).
"""

from __future__ import annotations

import logging
import random
import sys
import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError

from app.errors import QT_TRANSLATE_NOOP, UserError

T = TypeVar("T")

log = logging.getLogger(__name__)

# About 45 s of waiting in all (1 + 2 + 4 + 8 + 10 + 10 + 10, less the jitter): long enough for a
# server restart or a Wi-Fi that reconnects, short enough that a volunteer on a dead network is
# told within a minute or so (each attempt may add the connect timeout).
ATTEMPTS = 8
FIRST_WAIT_S = 1.0
MAX_WAIT_S = 10.0

# SQLSTATEs that mean the session is gone but a new one may well work.
_LOST_SQLSTATES = frozenset({
    "57P01",  # admin_shutdown: server stopping, or pg_terminate_backend
    "57P02",  # crash_shutdown: another backend crashed, the server restarts
    "57P03",  # cannot_connect_now: the server is starting up
    "57P05",  # idle_session_timeout
    "25P03",  # idle_in_transaction_session_timeout: the session waited too long (a stall)
})
# psycopg reports failures to connect and a socket that died without a SQLSTATE: these are the
# words of libpq and the operating system for a network or a server that is not there. Not
# among them: a wrong password, database or user, which no waiting mends.
_LOST_MESSAGES = (
    "server closed the connection unexpectedly",
    "connection refused",
    "connection reset",
    "connection timed out",
    "timeout expired",
    "no route to host",
    "network is unreachable",
    "could not translate host name",
    "could not receive data from server",
    "could not send data to server",
    "consuming input failed",
    "sending query failed",
    "broken pipe",
    "ssl syscall error",
    "ssl connection has been closed unexpectedly",
    "eof detected",
    "the connection is lost",
    "the connection is closed",
    "terminating connection",
    "the database system is starting up",
    "the database system is shutting down",
    "the database system is in recovery mode",
)


class ConnectionLost(UserError):
    """The server could not be reached, even after trying again for a while. Nothing half-done
    was stored: the work can be done again once the network is back."""

    retryable = True  # the error path may offer "Try again" (ui/errors.py)

    def __init__(self, server: str = "") -> None:
        if server:
            super().__init__(QT_TRANSLATE_NOOP(
                "app", "The connection to the server {server} was lost and Ringkväll could "
                "not reconnect, although it tried again for a while. Check the network "
                "(Wi-Fi), then try again."), server=server)
        else:
            super().__init__(QT_TRANSLATE_NOOP(
                "app", "The connection to the server was lost and Ringkväll could not "
                "reconnect, although it tried again for a while. Check the network (Wi-Fi), "
                "then try again."))
        self.server = server


def server_name(url: URL) -> str:
    """The server as a volunteer knows it: its host name (never a user or a password)."""
    return url.host or "localhost"


def is_connection_lost(exc: BaseException) -> bool:
    """True when `exc` means the connection to the server is gone (a network that failed, a
    server that stopped or restarted), so the same work on a new connection may succeed."""
    if isinstance(exc, ConnectionLost):
        return True
    if isinstance(exc, DBAPIError):
        if exc.connection_invalidated:
            return True
        return _driver_lost(exc.orig)
    if isinstance(exc, UserError):  # a database error put in the user's words
        cause = exc.__cause__
        return cause is not None and cause is not exc and is_connection_lost(cause)
    return _driver_lost(exc)


def _driver_lost(orig: BaseException | None) -> bool:
    psycopg = sys.modules.get("psycopg")  # not loaded: the error cannot be psycopg's
    if orig is None or psycopg is None:
        return False
    if not isinstance(orig, (psycopg.OperationalError, psycopg.InterfaceError)):
        return False
    sqlstate = getattr(orig, "sqlstate", None)
    if sqlstate is not None:
        return sqlstate.startswith("08") or sqlstate in _LOST_SQLSTATES
    message = str(orig).lower()
    return any(words in message for words in _LOST_MESSAGES)


def retrying(
    fn: Callable[[], T],
    *,
    on_retry: Callable[[int, float], None] | None = None,
    attempts: int = ATTEMPTS,
    first_wait: float = FIRST_WAIT_S,
    max_wait: float = MAX_WAIT_S,
    sleep: Callable[[float], None] = time.sleep,
    server: str = "",
) -> T:
    """`fn()`, run again while the connection to the server is lost, at most `attempts` times.

    `fn` must be one whole unit of work that may run twice (see the module's docstring).
    Before each new attempt `on_retry(attempt, wait)` is told which attempt failed and how
    many seconds the wait is (it runs on the caller's thread and may raise, e.g. `Cancelled`,
    to stop trying). The waits double from `first_wait` up to `max_wait`, each shortened by up
    to half at random, so a team whose server restarted does not come back all at once.
    Anything other than a lost connection is raised at once; when the attempts are spent,
    `ConnectionLost` naming `server`.
    """
    base = first_wait
    for attempt in range(1, max(attempts, 1) + 1):
        try:
            return fn()
        except Exception as exc:
            if not is_connection_lost(exc):
                raise
            if attempt >= attempts:
                log.warning("Connection to the server lost; gave up after %d attempts (%s)",
                            attempt, _describe(exc))
                raise ConnectionLost(server) from exc
            wait = base * random.uniform(0.5, 1.0)
            log.warning("Connection to the server lost (attempt %d of %d, %s); trying again "
                        "in %.1f s", attempt, attempts, _describe(exc), wait)
            if on_retry is not None:
                on_retry(attempt, wait)
            sleep(wait)
            base = min(base * 2, max_wait)
    raise AssertionError("unreachable")  # the loop returns or raises


def _describe(exc: BaseException) -> str:
    """The error's kind and SQLSTATE for the log: never its text, which may quote values."""
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    sqlstate = getattr(orig, "sqlstate", None)
    return f"{type(orig).__name__}" + (f" {sqlstate}" if sqlstate else "")
