"""A PostgreSQL database of its own for the server-roles tests, and its roles dropped after
(roles belong to the whole server and outlive the database)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import Engine, create_engine, text

from app.services.server.roles import drop_roles

PG_ENV = "RINGKVALL_TEST_PG"

needs_server = pytest.mark.skipif(
    not os.environ.get(PG_ENV),
    reason=f"roles exist only on a PostgreSQL server: set {PG_ENV} (CI always does)")


def server_url() -> str:
    return os.environ[PG_ENV].rstrip("/")


@contextmanager
def server_database() -> Iterator[str]:
    """A new, empty database on the test server (the owner's URL); dropped afterwards with
    the roles `server setup` and `add-volunteer` made for it."""
    name = f"rk_roles_{uuid.uuid4().hex[:12]}"
    admin = create_engine(f"{server_url()}/postgres", isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            yield f"{server_url()}/{name}"
        finally:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
                drop_roles(conn, name)
    finally:
        admin.dispose()


@contextmanager
def owned_database() -> Iterator[str]:
    """A new database owned by a login that is no superuser but may create roles, as on a
    hosted server; its URL. The login, the database and its roles are dropped afterwards."""
    owner = f"rk_owner_{uuid.uuid4().hex[:12]}"
    admin = create_engine(f"{server_url()}/postgres", isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE ROLE "{owner}" LOGIN CREATEROLE'))
            conn.execute(text(f'CREATE DATABASE "{owner}" OWNER "{owner}"'))
        try:
            base = server_url()
            scheme, _, rest = base.partition("://")
            host = rest.rpartition("@")[2]
            yield f"{scheme}://{owner}@{host}/{owner}"
        finally:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE "{owner}" WITH (FORCE)'))
                drop_roles(conn, owner)
                conn.execute(text(f'DROP ROLE "{owner}"'))
    finally:
        admin.dispose()


def wait_until_a_lock_is_waited_for(url_engine: Engine, still_going: Callable[[], bool],
                                    pause: Callable[[], object]) -> None:
    """Until some connection to the test's database waits for another's lock (the second
    writer reached the first one's rows). `still_going`: the second writer has not given
    up (else the test fails: it did not wait); `pause`: a short wait between looks."""
    with url_engine.connect() as conn:
        while True:
            waiting = conn.execute(text(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND wait_event_type = 'Lock'")).scalar()
            conn.rollback()
            if waiting:
                return
            assert still_going(), "the second writer did not wait for the first"
            pause()
