"""Helpers for the calling-pack tests: laptops as SQLite files in their own data folders,
calls made through the calling screen's steps, and a merge that stops midway (kill test)."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from app.clock import utcnow
from app.db.database import Database, open_database
from app.db.models import (
    Call,
    CallTally,
    Campaign,
    Contact,
    DoNotCall,
    FollowUp,
    Pack,
    PackAssignment,
    PackMerge,
    Recruit,
)
from app.services.calling.evening import Evening
from app.services.calling.save import CallInput, FollowUpInput, RecruitInput
from app.services.calling.steps import calling_setup, save_and_next, show_next
from app.services.volunteers import get_or_create_volunteer

NOW = datetime(2026, 11, 30, 17, 0, tzinfo=UTC)  # the organiser's fixed "now"
CODE = "tall-hage-ankare-bad-vete"


@contextlib.contextmanager
def laptop(home: Path) -> Iterator[Path]:
    """Run the block as on another computer: its own data folder (where packs open)."""
    before = os.environ.get("RINGKVALL_HOME")
    home.mkdir(parents=True, exist_ok=True)
    os.environ["RINGKVALL_HOME"] = str(home)
    try:
        yield home
    finally:
        if before is None:
            del os.environ["RINGKVALL_HOME"]
        else:
            os.environ["RINGKVALL_HOME"] = before


@dataclass(frozen=True)
class Made:
    contact_id: int
    outcome: str
    e164: str
    call_uuid: str


def call_on_laptop(path: Path, campaign_id: int, volunteer: str,
                   outcomes: list[str], answers: dict[str, object] | None = None) -> list[Made]:
    """Call the laptop's people one by one through the calling screen's steps."""
    db = open_database(str(path))
    try:
        assert calling_setup(db, campaign_id).problem is None
        with db.transaction() as s:
            vid = get_or_create_volunteer(s, volunteer).id
            script_id = s.scalar(select(Campaign.script_id).where(Campaign.id == campaign_id))
        evening = Evening(campaign_id, "", None, "", vid, volunteer, utcnow(), True, False)
        card = show_next(db, evening, 20).next
        made: list[Made] = []
        for outcome in outcomes:
            assert card is not None and card.card is not None
            person = card.card
            call = CallInput(
                contact_id=person.contact_id, claim_token=person.claim_token, outcome=outcome,
                volunteer_id=vid, phone_number_id=person.phones[0].id,
                started_at=utcnow(), notes=f"anteckning {outcome}",
                answers=dict(answers or {}), script_id=script_id,
                callback_at=utcnow() + timedelta(days=1) if outcome == "callback" else None,
                follow_up=FollowUpInput("Skicka material") if outcome == "conversation"
                else None,
                recruit=RecruitInput("Ny", "Medlem", True, "Jag vill bli medlem.")
                if outcome == "recruited" else None)
            card = save_and_next(db, evening, call, 20).next
            made.append(Made(person.contact_id, outcome, person.phones[0].e164,
                             call.call_uuid))
        return made
    finally:
        db.close()


def figures(db: Database) -> dict[str, Any]:
    """Everything a merge may change, to compare before and after."""
    with db.session() as s:
        def count(model: Any) -> int:
            return int(s.scalar(select(func.count()).select_from(model)) or 0)

        tallies = [tuple(r) for r in s.execute(select(
            CallTally.campaign_id, CallTally.calls, CallTally.conversations,
            CallTally.recruits, CallTally.follow_ups).order_by(CallTally.campaign_id))]
        states = [tuple(r) for r in s.execute(select(
            Contact.id, Contact.status, Contact.queue_rank, Contact.attempts)
            .order_by(Contact.id))]
        open_assignments = int(s.scalar(select(func.count()).select_from(PackAssignment)
                                        .where(PackAssignment.released_at.is_(None))) or 0)
        return {"calls": count(Call), "recruits": count(Recruit), "follow_ups": count(FollowUp),
                "dnc": count(DoNotCall), "merges": count(PackMerge), "packs": count(Pack),
                "tally": tallies, "states": states, "open_assignments": open_assignments}


def merge_until_killed(db_url: str, file: str, code: str) -> None:
    """Merge `file`, but once the pack's calls are written (not yet committed: the people's
    state, the totals and the merge's record still to come) print MIDWAY and wait to be
    killed (the kill test)."""
    import sys
    import threading

    from sqlalchemy import event

    from app.services.packs.merge import merge_results

    db = open_database(db_url)

    def watch(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        head = statement.lstrip().upper()
        if head.startswith('INSERT INTO "CALL"') or head.startswith("INSERT INTO CALL "):
            print("MIDWAY", flush=True)
            sys.stdout.flush()
            threading.Event().wait()  # until SIGKILL

    event.listen(db.engine, "after_cursor_execute", watch)
    merge_results(db, Path(file), code, now=NOW)
