"""The audit trail: who did what to which data, for GDPR accountability.

An entry says when, who (the volunteer's or organiser's name when the action knows it, and
always the computer's user) and what: the action, counts, a level, a file's name. Never the
personal data itself: no names, numbers or free text about the people called
(tests/test_audit_trail.py searches every entry for them).

The campaign and the computer's user travel in `detail` ("campaign_id", "os_user") rather
than in columns of their own: the table and every database already holding it stay as they
are, and both databases filter on a JSON key with SQLAlchemy's portable JSON paths
(app/services/privacy/audit_log.py).
"""

from __future__ import annotations

import functools
import getpass
from pathlib import Path
from typing import Any

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from app.db.models import AuditEvent

CAMPAIGN_KEY = "campaign_id"
OS_USER_KEY = "os_user"


@functools.cache
def computer_user() -> str:
    """The operating system's user name, or "" where the system cannot say."""
    try:
        return getpass.getuser()[:100]
    except (OSError, KeyError, ImportError):  # no login name, no passwd entry (containers)
        return ""


def record(
    session: Session, action: str, *, actor: str = "", entity: str = "",
    entity_id: int | None = None, campaign_id: int | None = None, **detail: Any,
) -> None:
    """Add an entry to the session's transaction: it is kept exactly when the action is."""
    if campaign_id is not None:
        detail[CAMPAIGN_KEY] = campaign_id
    detail.setdefault(OS_USER_KEY, computer_user())
    session.add(AuditEvent(action=action, actor=actor[:200], entity=entity,
                           entity_id=entity_id, detail=detail))


def record_apart(session: Session, action: str, **fields: Any) -> None:
    """Record an action that only read (an export) in a short write transaction of its own,
    after the work is done: the export's own session is a reader, and holding the write lock
    for a whole export would stop every caller's saves."""
    from app.db.database import WRITE_OPTION, storage_fault

    engine = session.get_bind().engine.execution_options(**{WRITE_OPTION: True})
    try:
        with Session(engine) as writer, writer.begin():
            record(writer, action, **fields)
    except DBAPIError as exc:
        fault = storage_fault(exc, str(session.info.get("ringkvall_db", "")))
        if fault is None:
            raise
        raise fault from exc


def record_in(database: object, action: str, **fields: Any) -> None:
    """Record an action that needs no database of its own (the district roll-up) in the
    database in use, when one is open (`database` is a `Database`); else nothing."""
    from app.db.database import Database

    if isinstance(database, Database):
        with database.transaction() as session:
            record(session, action, **fields)


def file_name(path: str | Path) -> str:
    """A file as the trail names it: its name without the folders (which hold the user's
    own folder names)."""
    return Path(path).name[:300]
