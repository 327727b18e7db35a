"""Test data for the calling tests: campaigns with fictional people on PTS's fiction ranges."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from app.clock import utcnow
from app.db.database import Database
from app.db.models import Campaign, Contact, PhoneNumber, TargetGroup
from app.domain.phone import parse_phone
from app.services.volunteers import get_or_create_volunteer


def fiction_numbers() -> Iterator[str]:
    """Every number PTS reserves for fiction, mobile ones first."""
    for n in range(5, 100):
        yield f"070-174 06 {n:02d}"
    for n in range(100):
        yield f"08-465 004 {n:02d}"
    for n in range(100):
        yield f"031-390 06 {n:02d}"
    for n in range(100):
        yield f"040-628 04 {n:02d}"
    for n in range(200, 300):
        yield f"0980-319 {n}"


_NUMBERS = list(fiction_numbers())


def number(i: int) -> str:
    return _NUMBERS[i]


def e164(i: int) -> str:
    parsed = parse_phone(_NUMBERS[i])
    assert parsed.e164
    return parsed.e164


def make_campaign(
    session: Session, name: str = "Höstkampanj", *, contacts: int = 5, group: str = "Norr",
    first_number: int = 0, numbers_each: int = 1, created: datetime | None = None,
    **fields: object,
) -> Campaign:
    """A campaign open around the clock (tests must not depend on the hour they run)."""
    fields.setdefault("weekday_hours", "00:00-24:00")
    fields.setdefault("weekend_hours", "00:00-24:00")
    campaign = Campaign(name=name, association="Föreningen Exempel", **fields)
    session.add(campaign)
    session.flush()
    add_group(session, campaign, group, contacts=contacts, first_number=first_number,
              numbers_each=numbers_each, created=created)
    return campaign


def add_group(
    session: Session, campaign: Campaign, name: str, *, contacts: int, first_number: int = 0,
    numbers_each: int = 1, created: datetime | None = None,
) -> TargetGroup:
    group = TargetGroup(campaign_id=campaign.id, name=name)
    session.add(group)
    session.flush()
    start = created or utcnow() - timedelta(hours=1)
    for i in range(contacts):
        contact = Contact(
            campaign_id=campaign.id, target_group_id=group.id, first_name=f"Person{i}",
            last_name=name, city="Spånga", birth_year=1960 + i, extra={"Område": "Tensta"},
            # Distinct import times keep the queue order predictable.
            next_call_at=start + timedelta(seconds=i), created_at=start,
        )
        for p in range(numbers_each):
            raw = number(first_number + i * numbers_each + p)
            parsed = parse_phone(raw)
            assert parsed.e164 and parsed.kind
            contact.phones.append(PhoneNumber(campaign_id=campaign.id, position=p,
                                              e164=parsed.e164, raw=raw, kind=parsed.kind))
        session.add(contact)
    session.flush()
    return group


def volunteer_id(db: Database, name: str = "Kim") -> int:
    with db.transaction() as session:
        return get_or_create_volunteer(session, name).id


KILL_OUTCOMES = ("conversation", "recruited", "no_answer", "refused", "busy", "callback")


def save_loop(db_url: str, campaign_id: int, volunteer: int) -> None:
    """Save calls until killed, printing "SAVED <call id>" after each commit (kill test).
    `db_url` is a --db value: a SQLite file's path or a PostgreSQL URL."""
    import sys

    from app.db.database import open_database
    from app.services.calling import (
        CallInput,
        FollowUpInput,
        RecruitInput,
        next_contact,
        save_call,
    )

    db = open_database(db_url)
    with db.transaction() as s:
        card = next_contact(s, campaign_id=campaign_id, volunteer_id=volunteer,
                            claim_minutes=20).card
    i = 0
    while card is not None:
        outcome = KILL_OUTCOMES[i % len(KILL_OUTCOMES)]
        call = CallInput(
            contact_id=card.contact_id, claim_token=card.claim_token, outcome=outcome,
            volunteer_id=volunteer, phone_number_id=card.phones[0].id, started_at=utcnow(),
            notes=f"anteckning {i}", answers={"reached": "yes", "issue_agreement": str(i % 5 + 1)},
            callback_at=utcnow() + timedelta(days=1) if outcome == "callback" else None,
            follow_up=FollowUpInput(f"löfte {i}") if outcome == "conversation" else None,
            recruit=RecruitInput("Ny", f"Medlem{i}", True, "Jag vill bli medlem.")
            if outcome == "recruited" else None,
        )
        with db.transaction() as s:
            result = save_call(s, call)
        print(f"SAVED {result.call_id}", flush=True)
        sys.stdout.flush()
        card = result.next.card if result.next else None
        i += 1
