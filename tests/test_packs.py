"""Calling packs (issue 13): an organiser's database and two or three laptops, each its own
SQLite file; packs made, called through the calling screen's steps, returned and merged."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from contextlib import closing
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select, update
from sqlalchemy.exc import IntegrityError

from app.cli.main import main
from app.db.database import Database, open_database
from app.db.models import Call, Contact, DoNotCall, PackAssignment
from app.domain.status import QueueRank
from app.errors import UserError
from app.services.calling.queue import next_contact
from app.services.importing.pipeline import import_file
from app.services.packs import PACKED
from app.services.packs.create import create_pack
from app.services.packs.crypto import KIND_PACK, KIND_RESULTS, decrypt, encrypt
from app.services.packs.laptop import open_pack, return_pack
from app.services.packs.manage import list_packs, revoke_pack
from app.services.packs.merge import merge_results
from tests.calling_helpers import make_campaign, number, volunteer_id
from tests.conftest import ROOT
from tests.importing_helpers import HEADER, counts, person, write_csv
from tests.packs_helpers import CODE, NOW, call_on_laptop, figures, laptop

CAMPAIGN = "Höstkampanj"


def _organiser(db: Database, contacts: int = 9) -> int:
    with db.transaction() as s:
        return make_campaign(s, CAMPAIGN, contacts=contacts).id


def _make(db: Database, tmp_path: Path, volunteer: str, size: int, **kw: object) -> Path:
    out = tmp_path / f"{volunteer}.ringkvall"
    create_pack(db, campaign=CAMPAIGN, volunteer=volunteer, size=size, out=out, code=CODE,
                expires_at=NOW + timedelta(days=7), now=NOW, **kw)  # type: ignore[arg-type]
    return out


def _statuses(db: Database) -> dict[int, tuple[str, int]]:
    with db.session() as s:
        return {r.id: (r.status, r.queue_rank)
                for r in s.execute(select(Contact.id, Contact.status, Contact.queue_rank))}


def test_two_packs_called_returned_and_merged(db: Database, tmp_path: Path) -> None:
    campaign_id = _organiser(db)
    pack_a = _make(db, tmp_path, "Ann", 3)
    pack_b = _make(db, tmp_path, "Bo", 3)
    statuses = _statuses(db)
    assert sorted(s for s, _ in statuses.values()).count(PACKED) == 6
    # The organiser's own queue offers only the three people in no pack.
    offered = []
    with db.transaction() as s:
        vid = volunteer_id(db, "Org")
        for _ in range(4):
            card = next_contact(s, campaign_id=campaign_id, volunteer_id=vid,
                                claim_minutes=20).card
            if card is None:
                break
            offered.append(card.contact_id)
            s.execute(update(Contact).where(Contact.id == card.contact_id)
                      .values(status="done"))
        s.rollback()
    assert len(offered) == 3 and all(statuses[c][0] == "open" for c in offered)
    # The database itself keeps a person out of two open packs.
    packed = next(c for c, (status, _) in statuses.items() if status == PACKED)
    with pytest.raises(IntegrityError), db.transaction() as s:
        pack_id = s.scalar(select(PackAssignment.pack_id).limit(1))
        s.execute(insert(PackAssignment).values(pack_id=pack_id, contact_id=packed))

    with laptop(tmp_path / "ann"):
        opened = open_pack(pack_a, CODE.upper().replace("-", " "))
        assert opened.people == 3 and oct(opened.path.stat().st_mode & 0o777) == "0o600"
        made_a = call_on_laptop(opened.path, campaign_id, "Ann",
                                ["conversation", "recruited", "do_not_call"])
        back_a = return_pack(pack_a, CODE, tmp_path / "ann-results.ringkvall").path
    with laptop(tmp_path / "bo"):
        opened = open_pack(pack_b, CODE)
        made_b = call_on_laptop(opened.path, campaign_id, "Bo",
                                ["no_answer", "callback", "refused"])
        back_b = return_pack(pack_b, CODE, tmp_path / "bo-results.ringkvall").path
    assert oct(back_a.stat().st_mode & 0o777) == "0o600"

    report_a = merge_results(db, back_a, CODE, now=NOW)
    assert (report_a.calls, report_a.new_members, report_a.follow_ups,
            report_a.do_not_calls, report_a.flagged) == (3, 1, 1, 1, 0)
    report_b = merge_results(db, back_b, CODE, now=NOW)
    assert (report_b.calls, report_b.new_members, report_b.do_not_calls) == (3, 0, 0)
    after = figures(db)
    assert after["calls"] == 6 and after["recruits"] == 1 and after["follow_ups"] == 1
    assert after["tally"] == [(campaign_id, 6, 2, 1, 1)]
    statuses = _statuses(db)
    outcome_state = {m.outcome: statuses[m.contact_id] for m in made_a + made_b}
    assert outcome_state["conversation"][0] == "done"
    assert outcome_state["recruited"][0] == "done"
    assert outcome_state["do_not_call"][0] == "dnc"
    assert outcome_state["refused"][0] == "done"
    # Still to call on Bo's laptop: they stay in the pack, where the laptop put them.
    assert outcome_state["no_answer"] == (PACKED, int(QueueRank.RETRY))
    assert outcome_state["callback"] == (PACKED, int(QueueRank.CALLBACK))
    with db.session() as s:
        stored = set(s.scalars(select(Call.uuid).where(Call.pack_id.is_not(None))))
        vols = set(s.scalars(select(Call.volunteer_id).where(Call.pack_id.is_not(None))))
    assert stored == {m.call_uuid for m in made_a + made_b} and len(vols) == 2

    # The same file again, and a new return holding the same calls: nothing changes.
    assert merge_results(db, back_a, CODE, now=NOW).repeated
    assert figures(db) == {**after}
    with laptop(tmp_path / "ann"):
        again = return_pack(pack_a, CODE, tmp_path / "ann-again.ringkvall").path
    report = merge_results(db, again, CODE, now=NOW)
    assert not report.repeated and report.calls == 0
    assert {k: v for k, v in figures(db).items() if k != "merges"} == \
        {k: v for k, v in after.items() if k != "merges"}

    listed = {p.volunteer: p for p in list_packs(db, CAMPAIGN, now=NOW)}
    assert (listed["Ann"].people, listed["Ann"].called, listed["Ann"].state) == (3, 3, "out")
    assert listed["Bo"].returned_at is not None

    # The do-not-call made on Ann's laptop blocks that number in the next import.
    blocked = next(m.e164 for m in made_a if m.outcome == "do_not_call")
    with db.session() as s:
        assert s.scalar(select(DoNotCall.e164).where(DoNotCall.e164 == blocked))
    national = "0" + blocked.removeprefix("+46")
    csv = write_csv(tmp_path / "ny.csv", [HEADER, person(1, national), person(2, number(60))])
    assert counts(import_file(db, csv, campaign=CAMPAIGN, group="Ny"))["suppressed"] == 1


def test_a_revoked_packs_late_return_is_stored_and_flagged(db: Database,
                                                          tmp_path: Path) -> None:
    campaign_id = _organiser(db, contacts=4)
    pack_c = _make(db, tmp_path, "Cid", 2)
    with laptop(tmp_path / "cid"):
        opened = open_pack(pack_c, CODE)
        made = call_on_laptop(opened.path, campaign_id, "Cid", ["refused"])
    pack_id = list_packs(db, CAMPAIGN, now=NOW)[0].pack_id
    assert revoke_pack(db, pack_id, now=NOW) == 2
    statuses = _statuses(db)
    assert all(status == "open" for status, _ in statuses.values())
    with laptop(tmp_path / "cid"):
        late = return_pack(pack_c, CODE, tmp_path / "late.ringkvall").path
    report = merge_results(db, late, CODE, now=NOW)
    assert (report.calls, report.flagged, report.flag) == (1, 1, "revoked")
    with db.session() as s:
        assert s.scalars(select(Call.flag)).all() == ["revoked"]
    statuses = _statuses(db)
    assert statuses[made[0].contact_id][0] == "done"  # a late call still strengthens
    assert [s for s, _ in statuses.values()].count("open") == 3
    assert list_packs(db, CAMPAIGN, now=NOW)[0].state == "revoked"


def _cli(db_url: str, *args: str) -> int:
    return main([*args, "--db", db_url])


def _rewritten(file: Path, out: Path, code: str, change: Callable[[Path], None]) -> Path:
    """`file` decrypted, its SQLite file changed by `change`, encrypted again as `out`."""
    header, data = decrypt(file.read_bytes(), code, str(file))
    plain = out.with_suffix(".sqlite")
    plain.write_bytes(data)
    change(plain)
    out.write_bytes(encrypt(plain.read_bytes(), code, header.kind, header.pack_id))
    return out


def _newer(file: Path, out: Path, code: str) -> Path:
    """`file` as a newer Ringkväll would make it: a schema revision this app does not know."""
    def newer(plain: Path) -> None:
        with closing(sqlite3.connect(plain)) as conn, conn:
            conn.execute("UPDATE alembic_version SET version_num = '9999'")

    return _rewritten(file, out, code, newer)


def _cut(file: Path, out: Path) -> Path:
    """`file` cut short inside its header (a copy that stopped half-way)."""
    out.write_bytes(file.read_bytes()[:40])
    return out


def test_bad_files_are_refused_with_one_line_and_change_nothing(
    db: Database, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    campaign_id = _organiser(db, contacts=4)
    assert _cli(db_url, "pack", "create", "--campaign", CAMPAIGN, "--volunteer", "Ann",
                "--size", "2", "-o", str(tmp_path / "ann.ringkvall"), "--json") == 0
    made = capsys.readouterr().out
    code = made.split('"code": "')[1].split('"')[0]
    pack = tmp_path / "ann.ringkvall"
    with laptop(tmp_path / "ann"):
        assert _cli(db_url, "pack", "open", str(pack), "--code", code) == 0
        path = next((tmp_path / "ann" / "packs").glob("*.sqlite"))
        call_on_laptop(path, campaign_id, "Ann", ["refused"])
        assert _cli(db_url, "pack", "return", str(pack), "--code", code,
                    "-o", str(tmp_path / "back.ringkvall")) == 0
    back = tmp_path / "back.ringkvall"
    # Another organiser's database, another campaign: its results.
    other = open_database(str(tmp_path / "other.sqlite"))
    with other.transaction() as s:
        other_id = make_campaign(s, "Vårkampanj", contacts=2).id
    foreign = tmp_path / "foreign.ringkvall"
    create_pack(other, campaign="Vårkampanj", volunteer="Eva", size=1, out=foreign, code=code)
    with laptop(tmp_path / "eva"):
        opened = open_pack(foreign, code)
        call_on_laptop(opened.path, other_id, "Eva", ["refused"])
        foreign_back = return_pack(foreign, code, tmp_path / "foreign-back.ringkvall").path
    other.close()
    damaged = tmp_path / "damaged.ringkvall"
    blob = bytearray(back.read_bytes())
    blob[len(blob) // 2] ^= 0x55
    damaged.write_bytes(bytes(blob))
    capsys.readouterr()
    before = figures(db)

    cases = [
        (("pack", "merge", str(back), "--code", "fel-kod-helt-och-hallet"), "code is wrong"),
        (("pack", "merge", str(damaged), "--code", code), "damaged"),
        (("pack", "merge", str(foreign_back), "--code", code), "did not make"),
        (("pack", "merge", str(_newer(back, tmp_path / "newer.ringkvall", code)), "--code", code),
         "newer Ringkväll"),
        (("pack", "merge", str(tmp_path), "--code", code), "a folder, not a file"),
        (("pack", "merge", str(_cut(back, tmp_path / "cut.ringkvall")), "--code", code),
         "not a Ringkväll calling pack"),
    ]
    for args, words in cases:
        assert _cli(db_url, *args) == 2, args
        err = capsys.readouterr().err
        assert words in err and err.strip().count("\n") == 0, err
        assert figures(db) == before
    with laptop(tmp_path / "new-laptop"):
        newer_pack = _newer(pack, tmp_path / "newer-pack.ringkvall", code)
        for args, words in [
            (("pack", "open", str(pack), "--code", "fel"), "code is wrong"),
            (("pack", "open", str(newer_pack), "--code", code), "newer Ringkväll"),
        ]:
            assert _cli(db_url, *args) == 2
            err = capsys.readouterr().err
            assert words in err and err.strip().count("\n") == 0, err
        assert not list((tmp_path / "new-laptop").glob("packs/*.sqlite"))

    # And the good file merges, through the command line too.
    os.environ["RINGKVALL_PACK_CODE"] = code
    try:
        assert _cli(db_url, "pack", "merge", str(back), "--json") == 0
    finally:
        del os.environ["RINGKVALL_PACK_CODE"]
    assert '"calls": 1' in capsys.readouterr().out
    assert _cli(db_url, "pack", "list", "--campaign", CAMPAIGN) == 0
    assert "1/2 called" in capsys.readouterr().out
    pack_id = list_packs(db, CAMPAIGN)[0].pack_id
    assert _cli(db_url, "pack", "revoke", pack_id) == 0
    assert "1 people back" in capsys.readouterr().out


def test_a_pack_file_is_not_merged_and_results_are_not_opened(db: Database,
                                                              tmp_path: Path) -> None:
    _organiser(db, contacts=2)
    pack = _make(db, tmp_path, "Ann", 2)
    with pytest.raises(UserError, match="not a volunteer's results"):
        merge_results(db, pack, CODE, now=NOW)
    header, data = decrypt(pack.read_bytes(), CODE, "x")
    assert header.kind == KIND_PACK
    results = tmp_path / "r.ringkvall"
    results.write_bytes(encrypt(data, CODE, KIND_RESULTS, header.pack_id))
    with laptop(tmp_path / "l"), pytest.raises(UserError, match="results"):
        open_pack(results, CODE)
    with pytest.raises(UserError, match="nobody left"):
        _make(db, tmp_path, "Bo", 1)


def test_a_merge_killed_midway_leaves_none_or_all_of_the_calls(
    db: Database, db_url: str, tmp_path: Path,
) -> None:
    campaign_id = _organiser(db, contacts=5)
    pack = _make(db, tmp_path, "Ann", 5)
    with laptop(tmp_path / "ann"):
        opened = open_pack(pack, CODE)
        call_on_laptop(opened.path, campaign_id, "Ann", ["refused"] * 5)
        back = return_pack(pack, CODE, tmp_path / "back.ringkvall").path
    before = figures(db)
    db.close()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-c",
         "import sys; from tests.packs_helpers import merge_until_killed; "
         "merge_until_killed(sys.argv[1], sys.argv[2], sys.argv[3])",
         db_url, str(back), CODE],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "MIDWAY"
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait()
    organiser = open_database(db_url)
    try:
        assert figures(organiser) == before  # none of them
        merge_results(organiser, back, CODE, now=NOW)
        with organiser.session() as s:
            assert s.scalar(select(func.count()).select_from(Call)) == 5  # then all
    finally:
        organiser.close()


def test_an_expired_packs_calls_are_flagged_and_its_people_come_back(
    db: Database, tmp_path: Path,
) -> None:
    campaign_id = _organiser(db, contacts=2)
    pack = tmp_path / "old.ringkvall"
    create_pack(db, campaign=CAMPAIGN, volunteer="Ann", size=2, out=pack, code=CODE,
                expires_at=NOW - timedelta(days=1), now=NOW - timedelta(days=3))
    assert list_packs(db, CAMPAIGN, now=NOW)[0].state == "expired"
    with laptop(tmp_path / "ann"):
        opened = open_pack(pack, CODE)
        made = call_on_laptop(opened.path, campaign_id, "Ann", ["no_answer"])
        back = return_pack(pack, CODE, tmp_path / "back.ringkvall").path
    report = merge_results(db, back, CODE, now=NOW)
    assert (report.calls, report.flagged, report.flag) == (1, 1, "expired")
    statuses = _statuses(db)
    # Called but still to reach: back in the organiser's queue, as a retry.
    assert statuses[made[0].contact_id] == ("open", int(QueueRank.RETRY))


def test_pack_open_opens_the_calling_screen_on_the_laptops_copy(
    db: Database, db_url: str, tmp_path: Path,
) -> None:
    _organiser(db, contacts=2)
    pack = _make(db, tmp_path, "Ann", 2)
    seen: list[dict[str, object]] = []

    def window(args: object) -> int:
        seen.append(dict(vars(args)))
        return 0

    with laptop(tmp_path / "ann"):
        assert main(["pack", "open", str(pack), "--code", CODE, "--volunteer", "Ann B"],
                    gui_runner=window) == 0
        path = next((tmp_path / "ann" / "packs").glob("*.sqlite"))
    assert len(seen) == 1
    assert (seen[0]["db"], seen[0]["gui_screen"], seen[0]["campaign"], seen[0]["volunteer"]) \
        == (str(path), "call", CAMPAIGN, "Ann B")


def test_a_pack_holds_only_what_calling_needs(db: Database, tmp_path: Path) -> None:
    _organiser(db, contacts=3)
    with db.transaction() as s:
        s.execute(update(Contact).values(street="Provgatan 1", postcode="163 04", gender="K",
                                         extra={"Område": "Tensta", "Medlemsnr": "123"}))
    pack = _make(db, tmp_path, "Ann", 2)
    with laptop(tmp_path / "ann"):
        opened = open_pack(pack, CODE)
    con = sqlite3.connect(opened.path)
    try:
        assert con.execute("SELECT count(*) FROM contact").fetchone() == (2,)
        rows = con.execute("SELECT DISTINCT street, postcode, gender, extra FROM contact"
                           ).fetchall()
        assert [(*r[:3], json.loads(r[3])) for r in rows] == [("", "", "", {"Område": "Tensta"})]
    finally:
        con.close()


def test_results_carry_the_calls_back_not_the_names(db: Database, tmp_path: Path) -> None:
    campaign_id = _organiser(db, contacts=3)
    with db.transaction() as s:  # names of their own (the test's last names are the group's)
        for n, person in enumerate(s.scalars(select(Contact).order_by(Contact.id))):
            person.first_name, person.last_name = f"Förnamn{n}", f"Efternamn{n}"
    with db.session() as s:
        names = [f"{c.first_name} {c.last_name}" for c in s.scalars(select(Contact))]
    pack = _make(db, tmp_path, "Ann", 2)
    with laptop(tmp_path / "ann"):
        opened = open_pack(pack, CODE)
        call_on_laptop(opened.path, campaign_id, "Ann", ["conversation"])
        back = return_pack(pack, CODE, tmp_path / "back.ringkvall").path
    _header, data = decrypt(back.read_bytes(), CODE, str(back))
    # Not in any row, nor in a free page: the file was rebuilt without them.
    assert all(part.encode() not in data for name in names for part in name.split()), names
    assert b"anteckning conversation" in data  # what was said on the call comes back
    report = merge_results(db, back, CODE, now=NOW)
    assert (report.calls, report.follow_ups) == (1, 1)
    with db.session() as s:  # the organiser's own people keep their names
        assert sorted(f"{c.first_name} {c.last_name}" for c in s.scalars(select(Contact))) \
            == sorted(names)


def _older(file: Path, out: Path, code: str, revision: str) -> Path:
    """`file` as an older Ringkväll would make it: its database migrated down to `revision`."""
    from app.db import migrate
    from app.db.database import WRITE_OPTION

    def older(plain: Path) -> None:
        old = open_database(str(plain), migrate_schema=False)
        with old.engine.execution_options(**{WRITE_OPTION: True}).connect() as conn:
            migrate.downgrade(conn, revision)
            conn.commit()
        old.close()
        with closing(sqlite3.connect(plain)) as conn:  # self-contained, as a return writes it
            conn.execute("PRAGMA journal_mode = DELETE")

    return _rewritten(file, out, code, older)


def test_results_from_an_older_app_are_migrated_and_merged(db: Database,
                                                          tmp_path: Path) -> None:
    campaign_id = _organiser(db, contacts=4)
    pack = _make(db, tmp_path, "Ann", 3)
    with laptop(tmp_path / "ann"):
        opened = open_pack(pack, CODE)
        call_on_laptop(opened.path, campaign_id, "Ann", ["conversation", "refused"])
        back = return_pack(pack, CODE, tmp_path / "back.ringkvall").path
    # 0004: the first with packs, before the counts of answers without a name (0005).
    older = _older(back, tmp_path / "older.ringkvall", CODE, "0004")
    report = merge_results(db, older, CODE, now=NOW)
    assert (report.calls, report.follow_ups) == (2, 1)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Call)) == 2
    # The same calls in today's form: already there, nothing more.
    assert merge_results(db, back, CODE, now=NOW).calls == 0
