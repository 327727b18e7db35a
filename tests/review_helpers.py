"""Test data for call corrections and local plans (issue 16)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from app.db.database import Database, open_database
from app.db.models import CallTally
from app.services.calling import CallInput, RecruitInput, next_contact, save_call
from tests.calling_helpers import make_campaign, volunteer_id

NOW = datetime(2026, 10, 6, 18, 0, tzinfo=UTC)


def campaign_with_calls(db: Database, outcomes: Sequence[str], *, name: str = "Höstkampanj",
                        first_number: int = 0, volunteer: str = "Kim") -> tuple[int, list[int]]:
    """A campaign whose first people were called once each with `outcomes`, at NOW + i
    minutes; (campaign id, call ids)."""
    with db.transaction() as session:
        campaign_id = make_campaign(session, name, contacts=len(outcomes) + 2,
                                    first_number=first_number,
                                    created=NOW - timedelta(days=1)).id
    kim = volunteer_id(db, volunteer)
    calls: list[int] = []
    for i, outcome in enumerate(outcomes):
        at = NOW + timedelta(minutes=i)
        with db.transaction() as session:
            card = next_contact(session, campaign_id=campaign_id, volunteer_id=kim,
                                claim_minutes=20, now=at).card
            assert card is not None
            result = save_call(session, CallInput(
                contact_id=card.contact_id, claim_token=card.claim_token, outcome=outcome,
                volunteer_id=kim, phone_number_id=card.phones[0].id, started_at=at,
                notes=f"anteckning {i}", answers={"issue": "skolan"},
                callback_at=at + timedelta(days=1) if outcome == "callback" else None,
                recruit=RecruitInput("Ny", f"Medlem{i}", True, "Jag vill bli medlem.")
                if outcome == "recruited" else None,
            ), show_next=False, now=at)
            calls.append(result.call_id)
    return campaign_id, calls


def tally(db: Database, campaign_id: int) -> tuple[int, int, int, int]:
    with db.session() as session:
        row = session.scalars(select(CallTally).where(CallTally.campaign_id == campaign_id)).one()
        return row.calls, row.conversations, row.recruits, row.follow_ups


PLAN_NOW = datetime(2026, 9, 1, 10, 0, tzinfo=UTC)
ASSOCIATIONS = (
    # association, campaign, start (the plan's deadline), people in the group
    ("S-föreningen Åby", "Höst i Åby", date(2026, 10, 20), 4),
    ("S-föreningen Berga", "Berga ringer", date(2026, 10, 5), 6),
    ("S-föreningen Centrum", "=Centrum 2026", date(2026, 10, 12), 3),
)


def association_db(tmp_path: Path, i: int) -> Database:
    association, campaign, starts, size = ASSOCIATIONS[i]
    db = open_database(str(tmp_path / f"forening{i}.sqlite"))
    with db.transaction() as session:
        row = make_campaign(session, campaign, contacts=size, group="Unga väljare",
                            first_number=10 * i, created=PLAN_NOW)
        row.association = association
        row.starts_on = starts
        row.ends_on = starts + timedelta(days=30)
        row.local_issue = "Skolan i centrum ska vara kvar"
        row.local_message = "Vi vill behålla skolan"
        row.meeting_title = "Digitalt möte om skolan"
        row.meeting_at = datetime(2026, 10, 28, 17, 0, tzinfo=UTC)
        row.meeting_link = "https://meet.example.org/skolan"
        row.goal_conversations = 40
        row.goal_recruits = 3
    return db


def fill_review_tables(db: Database, folder: Path) -> None:
    """Rows in call_version, local_plan and district_plan (for the migration walk in
    tests/test_migrations_rows.py): a call corrected, the practice campaign's plan
    exported and read back in as the district would."""
    from app.db.models import Call
    from app.services.demo import PRACTICE_NAME
    from app.services.organising.corrections import Correction, correct_call
    from app.services.organising.plans import export_plan, receive_plans

    with db.session() as session:
        # The second call: the first one recruited, and its member must stay for the walk.
        second = session.scalars(select(Call.id).order_by(Call.id).offset(1)).first()
    assert second is not None
    correct_call(db, Correction(second, "conversation", "rättat i efterhand",
                                answers={"reached": "yes", "issue_agreement": "5"},
                                changed_by="Eva"))
    plan = export_plan(db, PRACTICE_NAME, folder / "lokal-plan.xlsx").path
    receive_plans(db, [plan])
