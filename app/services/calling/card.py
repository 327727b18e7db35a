"""What the calling screen shows about one contact: the contact card."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from app.clock import utcnow
from app.db.models import Call, Contact, PhoneNumber, TargetGroup, Volunteer
from app.domain.phone import format_national
from app.domain.status import ContactStatus

# Keys an imported list may use for the neighbourhood; shown as the contact's area.
AREA_KEYS = ("Område", "område", "Omrade", "Area", "area", "Stadsdel", "stadsdel")


@dataclass(frozen=True)
class PhoneInfo:
    id: int
    e164: str
    national: str
    kind: str  # mobile, fixed, fixed_or_mobile, voip, personal
    failed: bool

    @property
    def tel_uri(self) -> str:
        return f"tel:{self.e164}"


@dataclass(frozen=True)
class AttemptInfo:
    at: datetime
    outcome: str
    volunteer: str


@dataclass(frozen=True)
class ContactCard:
    contact_id: int
    claim_token: str
    campaign_id: int
    group_id: int
    group_name: str
    first_name: str
    last_name: str
    area: str
    city: str
    age: int | None
    notes_for_next: str
    attempts: tuple[AttemptInfo, ...]
    phones: tuple[PhoneInfo, ...]
    queue_rank: int
    next_call_at: datetime
    # The person's state_version when shown: a save compares it to see whether anyone
    # touched the person since.
    state_version: int = 0
    shown_at: datetime | None = None  # when it was claimed and loaded

    @property
    def name(self) -> str:
        return " ".join(p for p in (self.first_name, self.last_name) if p)

    @property
    def callable_phones(self) -> tuple[PhoneInfo, ...]:
        return tuple(p for p in self.phones if not p.failed)


def _area(extra: dict[str, object]) -> str:
    for key in AREA_KEYS:
        value = extra.get(key) if isinstance(extra, dict) else None
        if value:
            return str(value)
    return ""


# Formatting parses the number; the same few numbers come back all evening.
_national = functools.lru_cache(maxsize=4096)(format_national)

# Built once: the card is loaded after every save, and building statements costs more than
# running them.
CARD_COLUMNS = (Contact.id, Contact.campaign_id, Contact.target_group_id, TargetGroup.name,
                Contact.first_name, Contact.last_name, Contact.extra, Contact.city,
                Contact.birth_year, Contact.notes_for_next, Contact.queue_rank,
                Contact.next_call_at, Contact.state_version)
_CONTACT = (
    select(*CARD_COLUMNS)
    .join(TargetGroup, TargetGroup.id == Contact.target_group_id)
    # Never a person of a running import (the queue does not offer them either).
    .where(Contact.id == bindparam("contact_id"),
           Contact.status != ContactStatus.IMPORTING.value)
)
_PHONES = (
    select(PhoneNumber.id, PhoneNumber.e164, PhoneNumber.kind, PhoneNumber.failed)
    .where(PhoneNumber.contact_id == bindparam("contact_id"))
    .order_by(PhoneNumber.position, PhoneNumber.id)
)
_ATTEMPTS = (
    select(Call.started_at, Call.outcome, Volunteer.name)
    .outerjoin(Volunteer, Volunteer.id == Call.volunteer_id)
    .where(Call.contact_id == bindparam("contact_id"))
    .order_by(Call.started_at, Call.id)
)


def load_card(
    session: Session, contact_id: int, claim_token: str, now: datetime | None = None
) -> ContactCard:
    connection = session.connection()
    params = {"contact_id": contact_id}
    row = connection.execute(_CONTACT, params).first()
    if row is None:
        raise LookupError(contact_id)
    phones = [tuple(p) for p in connection.execute(_PHONES, params)]
    attempts = [tuple(a) for a in connection.execute(_ATTEMPTS, params)]
    return card_from(tuple(row), phones, attempts, claim_token, now or utcnow())


def card_from(row: tuple[Any, ...], phones: Sequence[Sequence[Any]],
              attempts: Sequence[Sequence[Any]], claim_token: str,
              now: datetime) -> ContactCard:
    """The card from the contact's row (the columns of CARD_COLUMNS), its numbers (id, e164,
    kind, failed) and its earlier calls (started_at, outcome, volunteer name)."""
    (cid, campaign_id, group_id, group_name, first_name, last_name, extra, city, birth_year,
     notes, rank, next_call_at, version) = row
    age = now.astimezone().year - birth_year if birth_year else None
    return ContactCard(
        contact_id=cid,
        claim_token=claim_token,
        campaign_id=campaign_id,
        group_id=group_id,
        group_name=group_name or "",
        first_name=first_name,
        last_name=last_name,
        area=_area(extra or {}),
        city=city,
        age=age,
        notes_for_next=notes,
        attempts=tuple(AttemptInfo(at, outcome, name or "") for at, outcome, name in attempts),
        phones=tuple(PhoneInfo(pid, e164, _national(e164), kind, bool(failed))
                     for pid, e164, kind, failed in phones),
        queue_rank=rank,
        next_call_at=next_call_at,
        state_version=version,
        shown_at=now,
    )
