"""How a merge settles the pack's people (issue 13): the latest call by the laptop's clock
decides, whatever order the file lists the calls in; and the pack lets go of whoever is no
longer its to call."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from app.db.database import Database
from app.db.models import Call, Contact, PackAssignment
from app.services import dnc
from app.services.packs import PACKED
from app.services.packs.create import create_pack
from app.services.packs.laptop import open_pack, return_pack
from app.services.packs.merge import merge_results
from tests.calling_helpers import make_campaign
from tests.packs_helpers import CODE, NOW, call_on_laptop, laptop
from tests.test_packs import _rewritten

CAMPAIGN = "Höstkampanj"
_STORED = "%Y-%m-%d %H:%M:%S.%f"  # how the laptop's SQLite file holds a time


def _pack(db: Database, tmp_path: Path, contacts: int, size: int) -> tuple[int, Path]:
    with db.transaction() as s:
        campaign_id = make_campaign(s, CAMPAIGN, contacts=contacts).id
    out = tmp_path / "ann.ringkvall"
    create_pack(db, campaign=CAMPAIGN, volunteer="Ann", size=size, out=out, code=CODE,
                expires_at=NOW + timedelta(days=7), now=NOW)
    return campaign_id, out


def _earlier_call_listed_last(plain: Path) -> None:
    """A second call to the same person, saved an hour before the first but stored after it
    (a laptop whose clock was put back, say): the file lists it last."""
    with closing(sqlite3.connect(plain)) as conn, conn:
        conn.row_factory = sqlite3.Row
        first = dict(conn.execute("SELECT * FROM call").fetchone())
        saved = datetime.strptime(first["saved_at"], _STORED) - timedelta(hours=1)
        second = {**first, "uuid": "00000000-0000-4000-8000-000000000001",
                  "outcome": "no_answer", "saved_at": saved.strftime(_STORED)}
        del second["id"]
        conn.execute(f"INSERT INTO call ({', '.join(second)}) "
                     f"VALUES ({', '.join('?' * len(second))})", list(second.values()))


def test_the_latest_call_by_time_decides_not_the_last_listed(db: Database,
                                                             tmp_path: Path) -> None:
    campaign_id, pack = _pack(db, tmp_path, contacts=2, size=1)
    with laptop(tmp_path / "ann"):
        opened = open_pack(pack, CODE)
        made = call_on_laptop(opened.path, campaign_id, "Ann", ["refused"])
        back = return_pack(pack, CODE, tmp_path / "back.ringkvall").path
    changed = _rewritten(back, tmp_path / "changed.ringkvall", CODE, _earlier_call_listed_last)
    report = merge_results(db, changed, CODE, now=NOW)
    assert report.calls == 2
    with db.session() as s:
        person = s.get(Contact, made[0].contact_id)
        assert person is not None
        # The refusal was saved last: it stands, and both calls count as attempts.
        assert (person.last_outcome, person.attempts) == ("refused", 2)
        assert person.status == "done"
        outcomes = sorted(s.scalars(select(Call.outcome)))
    assert outcomes == ["no_answer", "refused"]


def test_someone_taken_off_the_list_meanwhile_leaves_the_pack(db: Database,
                                                              tmp_path: Path) -> None:
    campaign_id, pack = _pack(db, tmp_path, contacts=3, size=3)
    with db.session() as s:
        ids = list(s.scalars(select(PackAssignment.contact_id)
                             .order_by(PackAssignment.contact_id)))
    with laptop(tmp_path / "ann"):
        opened = open_pack(pack, CODE)
        made = call_on_laptop(opened.path, campaign_id, "Ann", ["no_answer"])
        back = return_pack(pack, CODE, tmp_path / "back.ringkvall").path
    # While the pack is out, someone the laptop has not called yet asks (on another
    # channel) never to be called: the organiser adds the number.
    waiting = [i for i in ids if i != made[0].contact_id]
    with db.session() as s:
        number = s.get(Contact, waiting[0])
        assert number is not None and number.status == PACKED
        e164 = number.phones[0].e164
    with db.transaction() as s:
        dnc.add_numbers(s, [e164], reason=dnc.REASON_WINDOW)
    merge_results(db, back, CODE, now=NOW)
    with db.session() as s:
        released = {contact_id: at for contact_id, at in s.execute(
            select(PackAssignment.contact_id, PackAssignment.released_at))}
        statuses = {contact_id: status for contact_id, status in s.execute(
            select(Contact.id, Contact.status))}
    assert statuses[waiting[0]] == "dnc" and released[waiting[0]] is not None
    # Still the pack's to call: the one not reached (a retry) and the one not called yet.
    assert statuses[made[0].contact_id] == PACKED and released[made[0].contact_id] is None
    assert statuses[waiting[1]] == PACKED and released[waiting[1]] is None
