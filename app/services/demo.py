"""The practice campaign: fictional contacts on the number ranges PTS reserves for fiction."""

from __future__ import annotations

import csv
from datetime import timedelta

from sqlalchemy.orm import Session

from app.clock import utcnow
from app.db.models import Campaign, Contact, PhoneNumber
from app.domain.phone import parse_phone
from app.paths import resource
from app.services import audit
from app.services.campaigns import find_campaign, get_or_create_group
from app.services.scripts import install_builtin_scripts

PRACTICE_NAME = "Övningskampanj"
PRACTICE_GROUP = "Övningslista"


def practice_rows() -> list[dict[str, str]]:
    with resource("demo", "practice_contacts.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter=";"))


def create_practice_campaign(session: Session) -> tuple[Campaign, bool]:
    """Create the practice campaign if missing. Returns it and whether it was created."""
    existing = find_campaign(session, PRACTICE_NAME)
    if existing is not None:
        return existing, False
    now = utcnow()
    campaign = Campaign(
        name=PRACTICE_NAME,
        association="Föreningen Exempel",
        is_practice=True,
        local_issue="kvällsbussarna som dras in i vår stadsdel",
        local_message="Vi vill att bussen går var femtonde minut fram till midnatt, "
        "så att alla kan ta sig hem tryggt.",
        meeting_title="Digitalt möte om kollektivtrafiken",
        # 18:00 local time, two weeks ahead.
        meeting_at=(now.astimezone() + timedelta(days=14)).replace(
            hour=18, minute=0, second=0, microsecond=0),
        meeting_link="https://exempel.invalid/mote",
        meeting_guest="regionrådet Kim Exempelsson",
        goal_conversations=20,
        goal_recruits=2,
        # Practice works at any hour.
        weekday_hours="00:00-24:00",
        weekend_hours="00:00-24:00",
    )
    session.add(campaign)
    session.flush()
    group = get_or_create_group(session, campaign, PRACTICE_GROUP)
    group.description = "Påhittade personer att öva på"
    group.imported_at = now
    for row in practice_rows():
        contact = Contact(
            campaign_id=campaign.id,
            target_group_id=group.id,
            first_name=row["Förnamn"],
            last_name=row["Efternamn"],
            street=row["Gatuadress"],
            postcode=row["Postnummer"],
            city=row["Postort"],
            birth_year=int(row["Födelseår"]),
            extra={"Område": row["Område"]},
            next_call_at=now,
        )
        for position, raw in enumerate(r for r in (row["Telefon"], row["Mobil"]) if r):
            parsed = parse_phone(raw)
            assert parsed.callable and parsed.e164 and parsed.kind, raw
            contact.phones.append(
                PhoneNumber(
                    campaign_id=campaign.id, position=position, e164=parsed.e164, raw=raw,
                    kind=parsed.kind.value,
                )
            )
        session.add(contact)
    install_builtin_scripts(session, campaign)
    audit.record(session, "practice_campaign_created", entity="campaign", entity_id=campaign.id)
    session.flush()
    return campaign, True
