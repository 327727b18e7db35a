"""Connecting to the association's PostgreSQL server: the address, TLS, the login's role and
the password kept by the operating system's keyring (never in Ringkväll's own files).

Over the network the connection must be encrypted (`sslmode=require`): volunteers call from
home, and the answers people give reveal political opinions. Only a server on this computer
(localhost) may be reached without TLS.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError
from sqlalchemy.pool import NullPool

from app.db.database import Database, DatabaseLocation, open_database
from app.errors import QT_TRANSLATE_NOOP, UserError

log = logging.getLogger(__name__)

DEFAULT_PORT = 5432
LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})
KEYRING_SERVICE = "Ringkväll"
# A server that does not answer (a wrong name, no network) is reported after this long
# rather than leaving the volunteer waiting on a dialog.
CONNECT_TIMEOUT_S = 10
# PostgreSQL cuts names longer than this (NAMEDATALEN - 1 bytes).
MAX_NAME_BYTES = 63
_BAD_HOST_CHARS = frozenset(" \t\r\n/@?#\\")

Role = Literal["owner", "organiser", "volunteer", "other"]
Field = Literal["host", "port", "database", "user"]


class AddressError(UserError):
    """A field of the server address is wrong; `field` names it so the form can focus it."""

    def __init__(self, field: Field, template: str, **params: object) -> None:
        super().__init__(template, **params)
        self.field = field


@dataclass(frozen=True, kw_only=True)
class ServerAddress:
    """Where the association's database is, and who logs in (the password is never here)."""

    host: str
    port: int = DEFAULT_PORT
    database: str
    user: str

    @property
    def is_local(self) -> bool:
        return self.host.strip().lower() in LOCAL_HOSTS

    def validated(self) -> ServerAddress:
        """The address with its fields trimmed; AddressError naming the first wrong field."""
        host, database, user = self.host.strip(), self.database.strip(), self.user.strip()
        if host.startswith("[") and host.endswith("]"):  # an IPv6 address as written in URLs
            host = host[1:-1]
        if not host:
            raise AddressError("host", QT_TRANSLATE_NOOP(
                "app", "Enter the server's name or address (host)"))
        if any(c in _BAD_HOST_CHARS for c in host):
            raise AddressError("host", QT_TRANSLATE_NOOP(
                "app", "The host {host} is not a server name or address: it may not contain "
                "spaces or any of / \\ @ ? #"), host=host)
        if not 1 <= self.port <= 65535:
            raise AddressError("port", QT_TRANSLATE_NOOP(
                "app", "The port must be a number from 1 to 65535"))
        if not database:
            raise AddressError("database", QT_TRANSLATE_NOOP(
                "app", "Enter the name of the association's database"))
        if len(database.encode()) > MAX_NAME_BYTES:
            raise AddressError("database", QT_TRANSLATE_NOOP(
                "app", "The database name is too long (at most 63 letters)"))
        if not user:
            raise AddressError("user", QT_TRANSLATE_NOOP("app", "Enter your user name"))
        if len(user.encode()) > MAX_NAME_BYTES:
            raise AddressError("user", QT_TRANSLATE_NOOP(
                "app", "The user name is too long (at most 63 letters)"))
        return ServerAddress(host=host, port=self.port, database=database, user=user)

    def url(self, password: str | None = None) -> URL:
        query = {"connect_timeout": str(CONNECT_TIMEOUT_S)}
        if not self.is_local:
            query["sslmode"] = "require"
        return URL.create("postgresql+psycopg", username=self.user, password=password or None,
                          host=self.host, port=self.port, database=self.database, query=query)

    def display(self) -> str:
        """How the status bar and messages name the server: host[:port]/database."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        port = "" if self.port == DEFAULT_PORT else f":{self.port}"
        return f"{host}{port}/{self.database}"

    @property
    def keyring_username(self) -> str:
        return f"{self.user}@{self.host}:{self.port}/{self.database}"


def parse_port(value: str) -> int:
    """The port as typed in the form (empty means the default)."""
    value = value.strip()
    if not value:
        return DEFAULT_PORT
    if not value.isdigit() or not 1 <= int(value) <= 65535:
        raise AddressError("port", QT_TRANSLATE_NOOP(
            "app", "The port must be a number from 1 to 65535"))
    return int(value)


def address_from_url(url: URL) -> ServerAddress | None:
    """The server address of an open PostgreSQL database (None for SQLite)."""
    if url.get_backend_name() != "postgresql" or not url.host:
        return None
    return ServerAddress(host=url.host, port=url.port or DEFAULT_PORT,
                         database=url.database or "", user=url.username or "")


# -- connecting ---------------------------------------------------------------------------

# libpq's messages for what the user can fix (psycopg gives no SQLSTATE for a failed
# connection, only the server's or libpq's text). English: servers are set up that way.
_NO_TLS = ("server does not support ssl", "ssl was required")
_BAD_LOGIN = ("password authentication failed", "authentication failed", "no password supplied",
              "password is required", "role \"", "pg_hba.conf")
_NO_DATABASE = ("database \"",)
_UNREACHABLE = ("could not translate host name", "failed to resolve host", "connection refused",
                "timeout expired", "no route to host", "network is unreachable",
                "could not connect", "name or service not known", "is the server running")


def connection_fault(exc: BaseException, address: ServerAddress) -> UserError | None:
    """What went wrong connecting, in the user's words; None when it is not the user's to fix."""
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    message = str(orig).lower()
    server = address.display()
    if any(part in message for part in _NO_TLS):
        return UserError(QT_TRANSLATE_NOOP(
            "app", "The server {server} does not offer an encrypted connection (TLS). Ringkväll "
            "needs one over the network; ask whoever runs the server to turn TLS on"),
            server=server)
    if "does not exist" in message and any(part in message for part in _NO_DATABASE):
        return UserError(QT_TRANSLATE_NOOP(
            "app", "The server {server} has no database named {database}"),
            server=server, database=address.database)
    if any(part in message for part in _BAD_LOGIN):
        return UserError(QT_TRANSLATE_NOOP(
            "app", "The server {server} did not accept the user name {user} with this "
                   "password"), server=server, user=address.user)
    if any(part in message for part in _UNREACHABLE):
        return UserError(QT_TRANSLATE_NOOP(
            "app", "Ringkväll cannot reach the server {server}: check the host and the port, "
                   "and that this computer is online"), server=server)
    return None


def _check_login(address: ServerAddress, password: str) -> None:
    """Log in once before anything else, so a wrong password or host gets its own message
    (opening the database would report it as "cannot be opened" with libpq's text)."""
    engine = create_engine(address.url(password), poolclass=NullPool)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except DBAPIError as exc:
        fault = connection_fault(exc, address)
        if fault is None and isinstance(exc, OperationalError):
            # Logging in failed for a reason not listed above (libpq's text says which): the
            # network's or the server's, never a bug in Ringkväll.
            fault = UserError(QT_TRANSLATE_NOOP(
                "app", "Ringkväll cannot connect to the server {server}: {reason}"),
                server=address.display(), reason=_reason(exc))
        if fault is None:
            raise
        raise fault from None
    finally:
        engine.dispose()


def _reason(exc: DBAPIError) -> str:
    """libpq's own words without the address it repeats ("connection to server at ...,
    port ... failed: server closed the connection unexpectedly")."""
    lines = [line.strip() for line in str(exc.orig).splitlines() if line.strip()]
    first = lines[0] if lines else type(exc.orig).__name__
    return first.rsplit("failed: ", 1)[-1]


def connect(address: ServerAddress, password: str) -> Database:
    """Open (and, with an owner's login, migrate) the association's database on the server.

    UserError for a wrong field, a server that cannot be reached, a refused login, a missing
    database or a server without TLS."""
    address = address.validated()
    _check_login(address, password)
    location = DatabaseLocation(address.url(password), "server")
    try:
        return open_database(location)
    except UserError as exc:
        cause = exc.__cause__ or exc.__context__
        fault = connection_fault(cause, address) if cause is not None else None
        if fault is not None:
            raise fault from None
        raise


def login_role(db: Database) -> Role | None:
    """Which kind of login this is on a server (None on SQLite): "owner", "organiser",
    "volunteer" or "other", as `ringkvall server setup` made the roles (roles.py)."""
    from app.services.server.roles import login_role as who

    found = who(db)
    return None if found is None else found.kind


@dataclass(frozen=True)
class Connected:
    """What the GUI's connect task hands back."""

    db: Database
    address: ServerAddress
    role: Role | None
    remembered: bool  # the password is kept by the keyring (False: asked for next time)
    asked_to_remember: bool


def connect_and_remember(address: ServerAddress, password: str, remember: bool) -> Connected:
    """Connect, tell the login's role, and keep (or forget) the password in the keyring."""
    address = address.validated()
    db = connect(address, password)
    try:
        role = login_role(db)
    except SQLAlchemyError:
        db.close()
        raise
    if remember:
        remembered = store_password(address, password)
    else:
        forget_password(address)
        remembered = False
    return Connected(db, address, role, remembered, remember)


# -- the keyring ----------------------------------------------------------------------------


def keyring_available() -> bool:
    """Is there a keyring that keeps secrets (not keyring's "fail" stand-in)?"""
    try:
        import keyring
        from keyring.backends import fail

        return not isinstance(keyring.get_keyring(), fail.Keyring)
    except Exception:  # a broken backend (no D-Bus, a locked store): treat as none
        log.warning("The system keyring cannot be used", exc_info=True)
        return False


def store_password(address: ServerAddress, password: str) -> bool:
    """Keep the password in the operating system's keyring; False when there is none (or it
    failed): then the password is not remembered on this computer, never written elsewhere."""
    if not password or not keyring_available():
        return False
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, address.keyring_username, password)
    except Exception:  # any backend failure means "not remembered", never a crash
        log.warning("The system keyring did not store the server password", exc_info=False)
        return False
    return True


def load_password(address: ServerAddress) -> str | None:
    if not keyring_available():
        return None
    try:
        import keyring

        return keyring.get_password(KEYRING_SERVICE, address.keyring_username)
    except Exception:
        log.warning("The system keyring could not be read", exc_info=False)
        return None


def forget_password(address: ServerAddress) -> bool:
    """Remove a remembered password; True when one was removed."""
    if not keyring_available():
        return False
    try:
        import keyring
        from keyring.errors import PasswordDeleteError

        try:
            keyring.delete_password(KEYRING_SERVICE, address.keyring_username)
        except PasswordDeleteError:
            return False
    except Exception:
        log.warning("The system keyring could not forget the server password", exc_info=False)
        return False
    return True
