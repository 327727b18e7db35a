"""Calling on a shared PostgreSQL server: "save the call and show the next" costs at most four
statements (each one a round trip over the internet), and the server's clock, not a laptop's,
decides claims, due callbacks and calling hours."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import event, select, update

from app.db.database import Database
from app.db.models import Call, Contact
from app.services.calling import CallInput, FollowUpInput, RecruitInput
from app.services.calling.evening import Evening
from app.services.calling.server_clock import db_now
from app.services.calling.steps import calling_setup, save_and_next, show_next
from app.services.scripts import active_script, install_builtin_scripts
from tests.calling_helpers import make_campaign, volunteer_id

ROOT = Path(__file__).resolve().parent.parent
needs_server = pytest.mark.skipif(not os.environ.get("RINGKVALL_TEST_PG"),
                                  reason="needs a PostgreSQL server (RINGKVALL_TEST_PG)")


def _evening(db: Database, campaign_id: int) -> Evening:
    vid = volunteer_id(db)
    return Evening(campaign_id, "Höstkampanj", None, "", vid, "Kim", _server_now(db), True,
                   False)


def _server_now(db: Database) -> datetime:
    """The time that decides: the server's, or on SQLite the laptop's."""
    with db.session() as s:
        return db_now(s)


@contextmanager
def _statements(db: Database) -> Iterator[list[str]]:
    sent: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        sent.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield sent
    finally:
        event.remove(db.engine, "before_cursor_execute", count)


CALLS = {
    "no_answer": {},
    "conversation": {"answers": True, "follow_up": FollowUpInput("Skicka material om skolan")},
    "recruited": {"answers": True,
                  "recruit": RecruitInput("Ny", "Medlem", True, "Jag vill bli medlem.")},
    "callback": {"callback": True},
}


@pytest.mark.parametrize("outcome", list(CALLS))
def test_save_and_next_sends_at_most_four_statements(db: Database, outcome: str) -> None:
    with db.transaction() as s:
        campaign = make_campaign(s, contacts=6, notes_enabled=True)
        campaign_id = campaign.id
        install_builtin_scripts(s, campaign)
        script = active_script(s, campaign_id)
    evening = _evening(db, campaign_id)
    # As the calling screen does: the script is read when it opens, and kept (a stored
    # version never changes), so no save needs to read it again.
    assert calling_setup(db, campaign_id).script is not None
    first = show_next(db, evening, 20).next
    assert first is not None and first.card is not None
    card = first.card
    choices = [q for _step, q in script.script.questions() if q.options]
    answers = {choices[0].key: choices[0].options[0].value}
    extra = CALLS[outcome]
    now = _server_now(db)
    call = CallInput(
        contact_id=card.contact_id, claim_token=card.claim_token,
        seen_version=card.state_version, outcome=outcome, volunteer_id=evening.volunteer_id,
        phone_number_id=card.phones[0].id, started_at=now, notes="Trevligt samtal",
        script_id=script.id, answers=answers if extra.get("answers") else {},
        follow_up=extra.get("follow_up"), recruit=extra.get("recruit"),  # type: ignore[arg-type]
        callback_at=now + timedelta(days=1) if extra.get("callback") else None,
    )
    with _statements(db) as sent:
        step = save_and_next(db, evening, call, 20)
    assert step.next is not None and step.next.card is not None
    assert step.next.card.contact_id != card.contact_id
    assert step.stats.mine.calls == 1
    with db.session() as s:
        stored = s.scalars(select(Call).where(Call.uuid == call.call_uuid)).all()
    assert len(stored) == 1 and stored[0].outcome == outcome
    if db.dialect == "postgresql":
        assert len(sent) <= 4, "\n".join(sent)
    else:  # a local file: statements cost little; the count is only kept from growing
        assert len(sent) <= 14, "\n".join(sent)


def test_a_retried_save_is_stored_once(db: Database) -> None:
    """The save that reached the database but whose answer was lost comes again with the
    same uuid: nothing changes the second time, and the next person is still offered."""
    with db.transaction() as s:
        campaign_id = make_campaign(s, contacts=4).id
    evening = _evening(db, campaign_id)
    first = show_next(db, evening, 20).next
    assert first is not None and first.card is not None
    card = first.card
    call = CallInput(contact_id=card.contact_id, claim_token=card.claim_token,
                     seen_version=card.state_version, outcome="no_answer",
                     volunteer_id=evening.volunteer_id, phone_number_id=card.phones[0].id,
                     started_at=_server_now(db))
    save_and_next(db, evening, call, 20)
    with db.session() as s:
        attempts = s.scalar(select(Contact.attempts).where(Contact.id == card.contact_id))
    again = save_and_next(db, evening, call, 20)
    assert again.next is not None and again.next.card is not None
    with db.session() as s:
        assert s.scalar(select(Contact.attempts).where(Contact.id == card.contact_id)) == attempts
        assert len(s.scalars(select(Call.id).where(Call.uuid == call.call_uuid)).all()) == 1
        assert again.stats.mine.calls == 1


# A laptop whose clock is two hours fast asks for the next person. With the laptop's clock,
# the claim (30 minutes left on the server) would look expired and the callback (due in an
# hour) due: it would take both.
_FAST_LAPTOP = """
import sys
from app.db.database import open_database
from app.services.calling import next_contact
db = open_database(sys.argv[1])
with db.transaction() as s:
    got = next_contact(s, campaign_id=int(sys.argv[2]), volunteer_id=None, claim_minutes=20)
print("CARD", got.card.contact_id if got.card else None)
"""


@needs_server
@pytest.mark.postgresql_only
def test_a_laptop_with_a_fast_clock_cannot_take_claimed_or_early_people(
        db: Database, db_url: str) -> None:
    faketime = shutil.which("faketime")
    if faketime is None:
        pytest.skip("faketime is not installed (.ci/run installs it)")
    with db.transaction() as s:
        campaign_id = make_campaign(s, contacts=3).id
        ids = list(s.scalars(select(Contact.id).where(Contact.campaign_id == campaign_id)
                             .order_by(Contact.id)))
    server_now = _server_now(db)
    with db.transaction() as s:
        s.execute(update(Contact).where(Contact.id == ids[0]).values(
            claim_token="held", claim_expires_at=server_now + timedelta(minutes=30)))
        s.execute(update(Contact).where(Contact.id == ids[1]).values(
            queue_rank=0, next_call_at=server_now + timedelta(hours=1)))
        s.execute(update(Contact).where(Contact.id == ids[2]).values(status="done"))
    laptop = (server_now + timedelta(hours=2)).strftime("@%Y-%m-%d %H:%M:%S")
    env = {**os.environ, "TZ": "UTC", "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [faketime, "--exclude-monotonic", "-f", laptop, sys.executable, "-c", _FAST_LAPTOP,
         db_url, str(campaign_id)],
        capture_output=True, text=True, env=env, timeout=120, check=False)
    assert out.returncode == 0, out.stderr
    # The laptop's own clock really was fast (else this test proves nothing).
    probe = subprocess.run(
        [faketime, "--exclude-monotonic", "-f", laptop, sys.executable, "-c",
         "import time; print(int(time.time()))"],
        capture_output=True, text=True, env=env, timeout=60, check=True)
    assert int(probe.stdout) - server_now.timestamp() > 3600
    assert "CARD None" in out.stdout, out.stdout
    with db.session() as s:
        held = s.scalar(select(Contact.claim_token).where(Contact.id == ids[0]))
    assert held == "held"
