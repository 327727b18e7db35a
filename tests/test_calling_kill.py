"""Kill a process in the middle of saving calls: every save it reported is there, and nothing
is half-saved."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from app.db.database import Database, open_database
from app.db.models import Answer, Call, Contact, FollowUp, Recruit
from tests.calling_helpers import make_campaign, volunteer_id

ROOT = Path(__file__).resolve().parent.parent
KILL_AFTER = 40


def test_sigkill_while_saving_leaves_every_reported_call_and_nothing_half_saved(
    db: Database, db_url: str
) -> None:
    with db.transaction() as s:
        cid = make_campaign(s, contacts=400, numbers_each=1, max_attempts=5).id
    vid = volunteer_id(db)
    db.close()
    code = ("import sys; from tests.calling_helpers import save_loop; "
            f"save_loop(sys.argv[1], {cid}, {vid})")
    child = subprocess.Popen(
        [sys.executable, "-c", code, db_url], cwd=ROOT, stdout=subprocess.PIPE,
        text=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    reported: list[int] = []
    assert child.stdout is not None
    try:
        for line in child.stdout:
            if line.startswith("SAVED "):
                reported.append(int(line.split()[1]))
            if len(reported) >= KILL_AFTER:
                # Mid-way: the child is already inside its next save.
                child.send_signal(signal.SIGKILL)
                break
    finally:
        child.kill()
        child.wait()
    assert child.returncode == -signal.SIGKILL
    assert len(reported) >= KILL_AFTER

    if db.location.sqlite_path is not None:  # SQLite's own checks of its file
        raw = sqlite3.connect(db.location.sqlite_path)
        try:
            assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
        finally:
            raw.close()
    reopened = open_database(db_url)
    try:
        with reopened.session() as s:
            calls = s.scalars(select(Call)).all()
            ids = {c.id for c in calls}
            assert set(reported) <= ids  # every reported save survived
            assert len(ids) - len(reported) <= 1  # at most the one committed before the kill
            per_contact: dict[int, int] = {}
            for call in calls:
                per_contact[call.contact_id] = per_contact.get(call.contact_id, 0) + 1
                # The call's answers and its extras came with it.
                assert s.scalar(select(func.count(Answer.id))
                                .where(Answer.call_id == call.id)) == 2
                if call.outcome == "conversation":
                    assert s.scalar(select(func.count(FollowUp.id))
                                    .where(FollowUp.call_id == call.id)) == 1
                if call.outcome == "recruited":
                    assert s.scalar(select(func.count(Recruit.id))
                                    .where(Recruit.call_id == call.id)) == 1
            # No Call without its contact update, and no contact update without its Call.
            for contact in s.scalars(select(Contact)):
                assert contact.attempts == per_contact.get(contact.id, 0), contact.id
            orphans = s.scalar(select(func.count(Answer.id))
                               .where(Answer.call_id.not_in(select(Call.id))))
            assert orphans == 0
    finally:
        reopened.close()
