"""What the calling screen shows about one contact: the contact card."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import utcnow
from app.db.models import Call, Contact, PhoneNumber, TargetGroup, Volunteer
from app.domain.phone import format_national

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


def load_card(
    session: Session, contact_id: int, claim_token: str, now: datetime | None = None
) -> ContactCard:
    contact = session.get(Contact, contact_id)
    if contact is None:
        raise LookupError(contact_id)
    now = now or utcnow()
    group_name = session.scalar(
        select(TargetGroup.name).where(TargetGroup.id == contact.target_group_id)
    ) or ""
    phones = tuple(
        PhoneInfo(p.id, p.e164, format_national(p.e164), p.kind, p.failed)
        for p in session.scalars(
            select(PhoneNumber).where(PhoneNumber.contact_id == contact_id)
            .order_by(PhoneNumber.position, PhoneNumber.id)
        )
    )
    attempts = tuple(
        AttemptInfo(at, outcome, name or "")
        for at, outcome, name in session.execute(
            select(Call.started_at, Call.outcome, Volunteer.name)
            .outerjoin(Volunteer, Volunteer.id == Call.volunteer_id)
            .where(Call.contact_id == contact_id)
            .order_by(Call.started_at, Call.id)
        )
    )
    age = None
    if contact.birth_year:
        age = now.astimezone().year - contact.birth_year
    return ContactCard(
        contact_id=contact.id,
        claim_token=claim_token,
        campaign_id=contact.campaign_id,
        group_id=contact.target_group_id,
        group_name=group_name,
        first_name=contact.first_name,
        last_name=contact.last_name,
        area=_area(contact.extra or {}),
        city=contact.city,
        age=age,
        notes_for_next=contact.notes_for_next,
        attempts=attempts,
        phones=phones,
        queue_rank=contact.queue_rank,
        next_call_at=contact.next_call_at,
    )
