"""Two callers put the same number on the do-not-call list at the same moment (a household's
shared phone, two laptops on one server): both saves go through, and the number is listed
once, as the first one wrote it. Two real processes: this test's and the command line's."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import select

from app.db.database import Database
from app.db.models import DoNotCall
from app.services import dnc
from tests.conftest import ROOT
from tests.server_helpers import wait_until_a_lock_is_waited_for

NUMBER, E164 = "070-174 06 05", "+46701740605"


def _wait_until_waiting(db: Database, proc: subprocess.Popen[str]) -> None:
    """On PostgreSQL, until the other process waits for this one's row; SQLite queues a
    second writer at BEGIN IMMEDIATE in any case, with nothing to see from outside."""
    if db.dialect != "postgresql":
        return

    def pause() -> None:
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(0.05)

    wait_until_a_lock_is_waited_for(db.engine, lambda: proc.poll() is None, pause)


def test_two_writers_adding_one_number_both_succeed(db: Database, db_url: str,
                                                    tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "RINGKVALL_HOME": str(tmp_path / "home")}
    with db.transaction() as session:
        assert dnc.add_numbers(session, [E164], reason=dnc.REASON_WINDOW) == 1
        # Not committed yet: the other process reads the list without the number and
        # writes it too, meeting this row.
        other = subprocess.Popen(
            [sys.executable, "-c",
             "import sys; from app.cli.main import main; sys.exit(main(sys.argv[1:]))",
             "dnc", "add", NUMBER, "--reason", "bad", "--json", "--db", db_url],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        _wait_until_waiting(db, other)
    out, err = other.communicate(timeout=120)
    assert other.returncode == 0, err
    assert json.loads(out) == {"numbers": 1, "added": 0}
    with db.session() as session:
        rows = session.execute(select(DoNotCall.e164, DoNotCall.reason)).all()
    assert [tuple(r) for r in rows] == [(E164, dnc.REASON_WINDOW)]
