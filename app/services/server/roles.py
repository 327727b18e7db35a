"""Roles and least privilege on a shared PostgreSQL server: `ringkvall server setup` and
`ringkvall server add-volunteer`.

Two group roles per database, named after it because roles are cluster-wide (one hosted
server may hold several associations, and the tests create many databases on one server):

- `<db>_organiser`: everything the app does (import, export, scripts, settings, calling);
- `<db>_volunteer`: calling only. It reads what the calling screen shows and writes what a
  call writes, nothing else: no import (no INSERT on contacts, lists or campaigns), no script
  editing (no writes to scripts or campaigns), no export (an export first locks its campaign
  against deletion, `hold_campaign_for_export`, which needs a right only organisers have).

Row-level security keeps a volunteer to the people of campaigns open for calling
(`OPEN_CAMPAIGNS`, decided by the server's date), and to the answers, new members and
follow-ups of the last `RECENT` hours (what undo and tonight's figures need), so even a login
used by hand outside Ringkväll cannot read other campaigns' people or a campaign's opinions
in bulk. Organisers see every row; the owner (who runs `server setup`) bypasses it all.

Everything is re-applied by every `server setup`, so running it after an upgrade (which
migrates first) also grants the new tables and columns.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import secrets
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import Connection, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError

from app.db.database import Database
from app.errors import QT_TRANSLATE_NOOP, UserError

Kind = Literal["organiser", "volunteer"]

LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})
MAX_IDENTIFIER = 63  # PostgreSQL's NAMEDATALEN - 1, in bytes
_PREFIX_MAX = 30  # leaves room for "_organiser" and "_v_" plus a person's name
_SLUG_MAX = 24
_SAFE = re.compile(r"[a-z0-9_]+")
# Hours after its save that a call's answers, new member and follow-ups stay readable by a
# volunteer: an evening, a late undo, and laptops whose clocks are a few hours off.
RECENT_HOURS = 36

# Campaigns whose people a volunteer may see: the practice campaign, and every campaign whose
# dates (when set) hold today by the server's date, with a day's slack either way for time
# zones and evenings past midnight; never one whose personal data is due for deletion.
OPEN_CAMPAIGNS = (
    "SELECT c.id FROM campaign c WHERE c.is_practice OR ("
    "(c.starts_on IS NULL OR c.starts_on <= current_date + 1) AND "
    "(c.ends_on IS NULL OR c.ends_on >= current_date - 1) AND "
    "(c.delete_after IS NULL OR c.delete_after >= current_date))"
)
# The app stores UTC without a time zone: the server's clock, in UTC, to compare with.
_RECENT = f"(now() AT TIME ZONE 'UTC') - interval '{RECENT_HOURS} hours'"
_RECENT_CALLS = f"SELECT k.id FROM call k WHERE k.saved_at >= {_RECENT}"

# What a volunteer may do, table by table: privileges, each optionally on some columns only.
# Everything not listed is refused by the server (SQLSTATE 42501).
VOLUNTEER_GRANTS: dict[str, tuple[str, ...]] = {
    "alembic_version": ("SELECT",),  # opening checks the schema's version
    "campaign": ("SELECT",),
    "target_group": ("SELECT",),
    "script": ("SELECT",),
    # Opening looks for imports a crashed Ringkväll left; nothing of the file or its rows.
    "import_run": ("SELECT (id, state, owner, heartbeat_at)",),
    "volunteer": ("SELECT", "INSERT"),
    "contact": ("SELECT", "UPDATE (status, queue_rank, next_call_at, attempts, last_outcome, "
                          "last_called_at, claimed_by_id, claim_token, claim_expires_at, "
                          "notes_for_next, state_version)"),
    "phone_number": ("SELECT", "UPDATE (failed)"),
    "call": ("SELECT", "INSERT", "DELETE"),  # DELETE: undo
    "answer": ("SELECT", "INSERT", "DELETE"),
    "recruit": ("SELECT", "INSERT", "DELETE"),
    "follow_up": ("SELECT", "INSERT", "DELETE"),
    "call_tally": ("SELECT", "INSERT", "UPDATE"),
    "do_not_call": ("SELECT", "INSERT", "DELETE"),  # DELETE: undo, see the policy
    "audit_event": ("INSERT", "SELECT (id)"),  # the id comes back from the insert
    # Tonight's evening (goals, who signed up) and signing up for one.
    "calling_evening": ("SELECT",),
    "calling_evening_group": ("SELECT",),
    "evening_signup": ("SELECT", "INSERT"),
    # A campaign's answers without a name: counted up (and down, by undo) on saving.
    "anonymous_answer_count": ("SELECT", "INSERT", "UPDATE", "DELETE"),
}
# The tables above whose rows get ids from a sequence the volunteer inserts into.
VOLUNTEER_SEQUENCES = ("volunteer", "call", "answer", "recruit", "follow_up", "do_not_call",
                       "audit_event", "evening_signup", "anonymous_answer_count")

# Row-level security: (table, command, USING, WITH CHECK) for the volunteer. A table listed
# here gets RLS enabled and a see-everything policy for the organiser.
_IN_OPEN = f"campaign_id IN ({OPEN_CAMPAIGNS})"
VOLUNTEER_POLICIES: tuple[tuple[str, str, str | None, str | None], ...] = (
    ("contact", "ALL", _IN_OPEN, _IN_OPEN),
    ("phone_number", "ALL", _IN_OPEN, _IN_OPEN),
    ("call", "ALL", _IN_OPEN, _IN_OPEN),
    ("anonymous_answer_count", "ALL", _IN_OPEN, _IN_OPEN),
    # The call's own policy applies inside these subqueries too.
    ("answer", "SELECT", f"call_id IN ({_RECENT_CALLS})", None),
    ("answer", "DELETE", f"call_id IN ({_RECENT_CALLS})", None),
    ("answer", "INSERT", None, "call_id IN (SELECT id FROM call)"),
    ("recruit", "SELECT", f"call_id IN ({_RECENT_CALLS})", None),
    ("recruit", "DELETE", f"call_id IN ({_RECENT_CALLS})", None),
    ("recruit", "INSERT", None, "call_id IN (SELECT id FROM call)"),
    ("follow_up", "SELECT", f"call_id IN ({_RECENT_CALLS})", None),
    ("follow_up", "DELETE", f"call_id IN ({_RECENT_CALLS})", None),
    ("follow_up", "INSERT", None, "call_id IN (SELECT id FROM call)"),
    # The list itself is everyone's; a volunteer takes back only what a call of tonight put
    # there (undo), never an organiser's entries or older ones.
    ("do_not_call", "SELECT", "true", None),
    ("do_not_call", "INSERT", None, "true"),
    ("do_not_call", "DELETE",
     f"source = 'calling' AND added_at >= {_RECENT}", None),
)
_POLICY_PREFIX = "ringkvall_"

# A number a volunteer puts on the do-not-call list must leave every campaign's queue, also
# those whose people the volunteer cannot see (their UPDATE does not reach them): this
# trigger, run with the owner's rights, does that part. For everyone else it only repeats
# what the app does anyway.
_DNC_FUNCTION = f"""
CREATE OR REPLACE FUNCTION ringkvall_dnc_everywhere() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
BEGIN
    UPDATE contact SET status = 'dnc', claimed_by_id = NULL, claim_token = NULL,
           claim_expires_at = NULL, state_version = state_version + 1
    WHERE status <> 'dnc'
      AND campaign_id NOT IN ({OPEN_CAMPAIGNS})
      AND id IN (SELECT p.contact_id FROM phone_number p
                 WHERE p.e164 IN (SELECT a.e164 FROM added a));
    RETURN NULL;
END
$fn$
"""
_DNC_TRIGGER = (
    "CREATE TRIGGER ringkvall_dnc_everywhere AFTER INSERT ON do_not_call "
    "REFERENCING NEW TABLE AS added FOR EACH STATEMENT "
    "EXECUTE FUNCTION ringkvall_dnc_everywhere()"
)

NEEDS_SERVER = QT_TRANSLATE_NOOP(
    "app", "{db} is not a PostgreSQL server; roles exist only on a server")


@dataclass(frozen=True)
class RoleNames:
    organiser: str
    volunteer: str
    prefix: str

    def login(self, kind: Kind, person: str) -> str:
        letter = "o" if kind == "organiser" else "v"
        return f"{self.prefix}_{letter}_{login_slug(person)}"


@dataclass(frozen=True)
class SetupResult:
    database: str
    organiser: str
    volunteer: str
    created: tuple[str, ...]  # the group roles created now (empty on a re-run)
    tables: int  # tables granted to the organiser


@dataclass(frozen=True)
class NewLogin:
    user: str
    password: str  # shown once, stored nowhere
    group: str
    url: str  # postgresql://USER:PASSWORD@HOST:PORT/DB[?sslmode=require]
    reset: bool  # an existing login got a new password


def role_names(database: str) -> RoleNames:
    """The group roles of one database. A name that is not plain lower-case ASCII, or is long,
    is folded and given a short hash of the real name, so two databases never share roles."""
    base = _fold(database)
    if base != database or len(base) > _PREFIX_MAX or not base:
        digest = hashlib.sha256(database.encode()).hexdigest()[:8]
        base = f"{base[:_PREFIX_MAX - 9]}_{digest}".lstrip("_")
    if base[0].isdigit():
        base = f"db_{base}"[:_PREFIX_MAX]
    return RoleNames(f"{base}_organiser", f"{base}_volunteer", base)


def login_slug(person: str) -> str:
    """A person's name as part of a role name: "Åsa Öberg" -> "asa_oberg"."""
    slug = _fold(" ".join(person.split()))[:_SLUG_MAX].strip("_")
    if not slug:
        raise UserError(QT_TRANSLATE_NOOP(
            "app", "'{name}' cannot name a login: use letters or digits"), name=person)
    return slug


def _fold(value: str) -> str:
    ascii_only = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    return re.sub(r"_+", "_", re.sub(r"[^a-z0-9_]", "_", ascii_only.lower()))


def quote(name: str) -> str:
    """An identifier for SQL text; only names this module made (checked) come here."""
    if not _SAFE.fullmatch(name) or len(name.encode()) > MAX_IDENTIFIER:
        raise ValueError(f"not a safe role or table name: {name!r}")
    return f'"{name}"'


def _require_server(db: Database) -> str:
    if db.dialect != "postgresql" or not db.location.url.database:
        raise UserError(NEEDS_SERVER, db=db.location.display())
    return db.location.url.database


def setup_server(db: Database) -> SetupResult:
    """Create (or bring up to date) the two group roles, their rights and the row-level
    security. `db` is already migrated (open_database) and opened with the owner's login."""
    database = _require_server(db)
    names = role_names(database)
    with _owner_needed(db), db.engine.begin() as conn:
        created = tuple(role for role in (names.organiser, names.volunteer)
                        if _create_group(conn, role))
        tables = _tables(conn)
        _grant_database(conn, database, names)
        _grant_organiser(conn, names.organiser, tables)
        _grant_volunteer(conn, names.volunteer, tables)
        _row_security(conn, names)
        conn.exec_driver_sql(_DNC_FUNCTION)
        conn.exec_driver_sql("REVOKE ALL ON FUNCTION ringkvall_dnc_everywhere() FROM PUBLIC")
        conn.exec_driver_sql("DROP TRIGGER IF EXISTS ringkvall_dnc_everywhere ON do_not_call")
        conn.exec_driver_sql(_DNC_TRIGGER)
    return SetupResult(database, names.organiser, names.volunteer, created, len(tables))


@contextlib.contextmanager
def _owner_needed(db: Database) -> Iterator[None]:
    """A login without the owner's rights (or without CREATEROLE) is told whose job it is."""
    try:
        yield
    except DBAPIError as exc:
        if getattr(exc.orig, "sqlstate", None) != "42501":
            raise
        diag = getattr(exc.orig, "diag", None)
        raise UserError(
            QT_TRANSLATE_NOOP("app", "Login {user} cannot manage the roles of {db} ({what}): "
                              "use the database owner's login, which may create roles"),
            user=db.location.url.username or "", db=db.location.url.database or "",
            what=getattr(diag, "message_primary", None) or str(exc.orig)) from None


def _role_exists(conn: Connection, role: str) -> bool:
    return conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}).first() \
        is not None


def _create_group(conn: Connection, role: str) -> bool:
    if _role_exists(conn, role):
        return False
    conn.exec_driver_sql(f"CREATE ROLE {quote(role)} NOLOGIN")
    return True


def _tables(conn: Connection) -> list[str]:
    return [str(name) for name in conn.scalars(text(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"))
        if _SAFE.fullmatch(str(name))]


def _grant_database(conn: Connection, database: str, names: RoleNames) -> None:
    db = conn.dialect.identifier_preparer.quote_identifier(database)
    # Roles are the whole server's: another association's logins must not even connect.
    conn.exec_driver_sql(f"REVOKE CONNECT, TEMPORARY ON DATABASE {db} FROM PUBLIC")
    for role in (names.organiser, names.volunteer):
        conn.exec_driver_sql(f"GRANT CONNECT ON DATABASE {db} TO {quote(role)}")
        conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA public TO {quote(role)}")


def _grant_organiser(conn: Connection, role: str, tables: list[str]) -> None:
    for table in tables:
        conn.exec_driver_sql(
            f"GRANT SELECT, INSERT, UPDATE, DELETE ON {quote(table)} TO {quote(role)}")
    conn.exec_driver_sql(
        f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {quote(role)}")
    # Tables a later migration adds (run by this owner) are the organiser's at once.
    conn.exec_driver_sql(
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA public "
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {quote(role)}")
    conn.exec_driver_sql(
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA public "
        f"GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO {quote(role)}")


def _grant_volunteer(conn: Connection, role: str, tables: list[str]) -> None:
    # Start from nothing, so a right dropped from the list is gone after the next setup.
    conn.exec_driver_sql(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {quote(role)}")
    conn.exec_driver_sql(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {quote(role)}")
    for table, privileges in VOLUNTEER_GRANTS.items():
        if table not in tables:
            continue
        for privilege in privileges:
            conn.exec_driver_sql(f"GRANT {privilege} ON {quote(table)} TO {quote(role)}")
    for table in VOLUNTEER_SEQUENCES:
        sequence = conn.scalar(text("SELECT pg_get_serial_sequence(:t, 'id')"),
                               {"t": f"public.{table}"})
        if sequence:
            conn.exec_driver_sql(
                f"GRANT USAGE ON SEQUENCE {sequence} TO {quote(role)}")


def _row_security(conn: Connection, names: RoleNames) -> None:
    tables = sorted({table for table, *_ in VOLUNTEER_POLICIES})
    for table in tables:
        for (name,) in conn.execute(text(
                "SELECT policyname FROM pg_policies WHERE schemaname = 'public' "
                "AND tablename = :t AND policyname LIKE :p"),
                {"t": table, "p": _POLICY_PREFIX + "%"}):
            conn.exec_driver_sql(f'DROP POLICY "{name}" ON {quote(table)}')
        conn.exec_driver_sql(f"ALTER TABLE {quote(table)} ENABLE ROW LEVEL SECURITY")
        conn.exec_driver_sql(
            f"CREATE POLICY {_POLICY_PREFIX}organiser ON {quote(table)} FOR ALL "
            f"TO {quote(names.organiser)} USING (true) WITH CHECK (true)")
    for number, (table, command, using, check) in enumerate(VOLUNTEER_POLICIES):
        clauses = (f" USING ({using})" if using else "") + \
            (f" WITH CHECK ({check})" if check else "")
        conn.exec_driver_sql(
            f"CREATE POLICY {_POLICY_PREFIX}volunteer_{number} ON {quote(table)} "
            f"FOR {command} TO {quote(names.volunteer)}{clauses}")


def add_login(db: Database, person: str, kind: Kind = "volunteer", *,
              host: str | None = None, reset: bool = False) -> NewLogin:
    """Create a login for `person` in the volunteer (or organiser) group, with a new random
    password; with `reset`, give an existing one a new password instead.

    The password reaches the server only as a SCRAM hash (no server log can hold it) and is
    returned once, in the connection string to hand over; Ringkväll stores it nowhere.
    """
    database = _require_server(db)
    names = role_names(database)
    group = names.volunteer if kind == "volunteer" else names.organiser
    user = names.login(kind, person)
    password = secrets.token_urlsafe(18)
    with _owner_needed(db), db.engine.begin() as conn:
        if not _role_exists(conn, group):
            raise UserError(QT_TRANSLATE_NOOP(
                "app", "The server has no role {role} yet; run 'ringkvall server setup' "
                "first"), role=group)
        exists = _role_exists(conn, user)
        if exists and not reset:
            raise UserError(QT_TRANSLATE_NOOP(
                "app", "There is already a login {user}; add --reset to give it a new "
                "password"), user=user)
        if exists and not _member_of(conn, user, group):
            # Never take over a role that is not this database's login of that kind.
            raise UserError(QT_TRANSLATE_NOOP(
                "app", "The role {user} exists but is not in {group}; choose another name"),
                user=user, group=group)
        secret = _scram(conn, user, password)
        verb = "ALTER" if exists else "CREATE"
        conn.exec_driver_sql(
            f"{verb} ROLE {quote(user)} LOGIN PASSWORD '{secret}'")
        if not exists:
            conn.exec_driver_sql(f"GRANT {quote(group)} TO {quote(user)}")
    return NewLogin(user, password, group, connection_url(db.location.url, user, password,
                                                          host), exists)


def _member_of(conn: Connection, user: str, group: str) -> bool:
    return bool(conn.scalar(text("SELECT pg_has_role(:u, :g, 'MEMBER')"),
                            {"u": user, "g": group}))


def _scram(conn: Connection, user: str, password: str) -> str:
    """The password as the server stores it: hashed here, by libpq."""
    raw = conn.connection.dbapi_connection
    pgconn = getattr(raw, "pgconn", None)
    hashed = pgconn.encrypt_password(password.encode(), user.encode(), b"scram-sha-256") \
        if pgconn is not None else None
    if not isinstance(hashed, bytes):  # pragma: no cover - only psycopg is shipped
        raise UserError(QT_TRANSLATE_NOOP("app", "This database driver cannot hash passwords"))
    secret = hashed.decode("ascii")
    if "'" in secret or "\\" in secret:  # pragma: no cover - SCRAM text is base64 and '$:'
        raise ValueError("unexpected characters in a SCRAM secret")
    return secret


def connection_url(url: URL, user: str, password: str, host: str | None = None) -> str:
    """What a volunteer types or pastes: TLS required unless the server is this computer."""
    server = host or url.host or "localhost"
    port = url.port or 5432
    shown = f"[{server}]" if ":" in server else server
    tls = "" if server in LOCAL_HOSTS else "?sslmode=require"
    return f"postgresql://{user}:{password}@{shown}:{port}/{url.database}{tls}"


@dataclass(frozen=True)
class LoginRole:
    user: str
    kind: Literal["owner", "organiser", "volunteer", "other"]


def login_role(db: Database) -> LoginRole | None:
    """Who the open database's login is on the server (for the status bar); None on SQLite.

    "owner": it owns the schema (or is a superuser) and may run `server setup`.
    """
    if db.dialect != "postgresql" or not db.location.url.database:
        return None
    names = role_names(db.location.url.database)
    with db.engine.connect() as conn:
        row = conn.execute(text(
            "SELECT current_user, "
            "coalesce((SELECT pg_has_role(current_user, t.tableowner, 'USAGE') "
            "          FROM pg_tables t WHERE t.schemaname = 'public' "
            "          AND t.tablename = 'alembic_version'), false), "
            "EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :o) "
            "  AND pg_has_role(current_user, :o, 'MEMBER'), "
            "EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :v) "
            "  AND pg_has_role(current_user, :v, 'MEMBER')"),
            {"o": names.organiser, "v": names.volunteer}).one()
    user, owner, organiser, volunteer = str(row[0]), *(bool(v) for v in row[1:])
    if owner:
        return LoginRole(user, "owner")
    if organiser:
        return LoginRole(user, "organiser")
    return LoginRole(user, "volunteer" if volunteer else "other")


def drop_roles(conn: Connection, database: str) -> list[str]:
    """Drop a database's group roles and every login in them (for tests and for clearing up
    after dropping the database: roles outlive it). Run on another database of the server."""
    names = role_names(database)
    logins = [str(name) for name in conn.scalars(text(
        "SELECT m.rolname FROM pg_roles m JOIN pg_auth_members a ON a.member = m.oid "
        "JOIN pg_roles g ON g.oid = a.roleid WHERE g.rolname IN (:o, :v)"),
        {"o": names.organiser, "v": names.volunteer})]
    dropped = []
    for role in [*sorted(set(logins)), names.organiser, names.volunteer]:
        if _role_exists(conn, role):
            conn.exec_driver_sql(f"DROP ROLE {quote(role)}")
            dropped.append(role)
    return dropped
