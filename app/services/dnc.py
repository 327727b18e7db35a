"""The do-not-call list: numbers never to call again, across every campaign.

Adding a number takes effect at once: every contact holding it leaves the queue.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.db.dialect_insert import dialect_insert
from app.db.models import Contact, DoNotCall, PhoneNumber
from app.domain.phone import parse_phone
from app.domain.status import ContactStatus
from app.errors import QT_TRANSLATE_NOOP, UserError
from app.services import audit
from app.services.lengths import check_fits

# Why a number is on the list, stored as a code so every screen can say it in its language
# (ui/dnc_texts.py). An organiser's own words (`ringkvall dnc add --reason TEXT`) are kept as
# they are.
REASON_CALL = "call"  # the person asked during a call
REASON_WINDOW = "window"  # an organiser added it in the do-not-call window
REASON_FILE = "file"  # from a do-not-call file
REASON_CODES = frozenset({REASON_CALL, REASON_WINDOW, REASON_FILE})


@dataclass(frozen=True)
class DncEntry:
    e164: str
    reason: str
    source: str
    added_at: datetime


def normalise_for_dnc(raw: str, region: str = "SE") -> str:
    """E.164 of a number for the list; any valid number counts, callable or not."""
    parsed = parse_phone(raw, region)
    if parsed.e164 is None:
        raise UserError(
            QT_TRANSLATE_NOOP("app", "'{number}' is not a phone number ({reason})"),
            number=raw, reason=parsed.reason,
        )
    return parsed.e164


def add_numbers(
    session: Session, e164s: Iterable[str], *, reason: str = "", source: str = "", actor: str = "",
    audited: bool = True,
) -> int:
    """Add numbers (already E.164) to the list; returns how many were new.

    Contacts in any campaign that hold one of the numbers are taken out of the queue. An
    action of which this is a part (a pack's merge, an erasure) passes `audited=False` and
    counts the numbers in its own audit entry: one action, one entry.
    """
    wanted = sorted(set(e164s))
    if not wanted:
        return 0
    check_fits(reason, DoNotCall.reason)
    check_fits(source, DoNotCall.source)
    # What the session holds goes first: a contact changed in it (a call being saved) must
    # not be written over this after the statements below have taken them off the queue.
    session.flush()
    connection = session.connection()
    # A number already listed stays as it is, also one that another caller adds at this
    # very moment (a household's shared phone): theirs stands, and this save goes through.
    # The statement says which numbers were new.
    new = connection.scalars(
        dialect_insert(connection.dialect.name, DoNotCall)
        .on_conflict_do_nothing(index_elements=[DoNotCall.e164])
        .returning(DoNotCall.e164),
        [{"e164": n, "reason": reason, "source": source} for n in wanted]).all()
    for chunk in _chunks(wanted):
        holders = select(PhoneNumber.contact_id).where(PhoneNumber.e164.in_(chunk))
        connection.execute(
            update(Contact)
            .where(Contact.id.in_(holders))
            .values(status=ContactStatus.DNC.value, claimed_by_id=None, claim_token=None,
                    claim_expires_at=None, state_version=Contact.state_version + 1))
    if new and audited:
        audit.record(session, "dnc_added", actor=actor, entity="do_not_call", count=len(new),
                     source=source)
        session.flush()
    return len(new)


def blocked(session: Session, e164s: Iterable[str]) -> set[str]:
    """Which of these numbers are on the list."""
    found: set[str] = set()
    for chunk in _chunks(sorted(set(e164s))):
        found.update(session.scalars(select(DoNotCall.e164).where(DoNotCall.e164.in_(chunk))))
    return found


def all_blocked(session: Session) -> set[str]:
    return set(session.scalars(select(DoNotCall.e164)))


def list_entries(session: Session) -> list[DncEntry]:
    return [
        DncEntry(r.e164, r.reason, r.source, r.added_at)
        for r in session.scalars(select(DoNotCall).order_by(DoNotCall.added_at, DoNotCall.e164))
    ]


def _chunks(items: list[str], size: int = 500) -> Iterable[list[str]]:
    # Stay well under the bound-parameter limits of SQLite and PostgreSQL.
    for start in range(0, len(items), size):
        yield items[start:start + size]
