"""`ringkvall server upload`: a Ringkväll SQLite file's campaigns onto a PostgreSQL server, all
or nothing, with every row's ids remapped, the figures unchanged and the file untouched.

The source files are built with the app's own services; the server is a fresh database on the
RINGKVALL_TEST_PG server (these tests are skipped without one: there is nothing to upload to).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Table, create_engine, select, text

from app.cli.main import main
from app.db.base import Base
from app.db.database import Database, open_database
from app.db.models import AuditEvent, Call, Campaign, Contact, DoNotCall, PhoneNumber, Volunteer
from app.errors import Cancelled, UserError
from app.progress import CancelAfter
from app.services import dnc
from app.services.calling import (
    CallInput,
    FollowUpInput,
    RecruitInput,
    evening_stats,
    next_contact,
    save_call,
    skip_contact,
)
from app.services.demo import create_practice_campaign
from app.services.importing.pipeline import import_file
from app.services.results import build_report
from app.services.scripts.actions import install_builtins
from app.services.server import upload as upload_module
from app.services.server.upload import upload_database
from tests.calling_helpers import add_group, e164, make_campaign, volunteer_id
from tests.importing_helpers import HEADER, person, stockholm, write_csv

PG_ENV = "RINGKVALL_TEST_PG"
NOW = datetime(2026, 11, 2, 18, 0, tzinfo=UTC)
CONSENT = "Jag vill bli medlem och godkänner att föreningen sparar mina uppgifter."
CLAIM_COLUMNS = ("claimed_by_id", "claim_token", "claim_expires_at")


# --- the server ------------------------------------------------------------------------------

@pytest.fixture
def server_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """A fresh, migrated and empty database on the test server; dropped afterwards."""
    if not os.environ.get(PG_ENV):
        pytest.skip(f"uploading needs a PostgreSQL server: set {PG_ENV} (CI always does)")
    template = request.getfixturevalue("_pg_template")
    base = os.environ[PG_ENV].rstrip("/")
    name = f"rk_upload_{uuid.uuid4().hex[:12]}"
    admin = create_engine(f"{base}/postgres", isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
        yield f"{base}/{name}"
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


@pytest.fixture
def server(server_url: str) -> Iterator[Database]:
    db = open_database(server_url)
    try:
        yield db
    finally:
        db.close()


# --- the source file -------------------------------------------------------------------------

def _claim(db: Database, cid: int, vid: int) -> tuple[int, str, int]:
    with db.transaction() as s:
        card = next_contact(s, campaign_id=cid, volunteer_id=vid, claim_minutes=20,
                            now=NOW).card
    assert card is not None
    return card.contact_id, card.claim_token, card.phones[0].id


def _call(db: Database, cid: int, vid: int, minute: int, outcome: str, **extra: Any) -> int:
    contact, token, phone = _claim(db, cid, vid)
    started = NOW + timedelta(minutes=minute)
    with db.transaction() as s:
        return save_call(s, CallInput(
            contact_id=contact, claim_token=token, outcome=outcome, volunteer_id=vid,
            phone_number_id=phone, started_at=started, ended_at=started + timedelta(seconds=95),
            **extra), show_next=False, now=started + timedelta(seconds=100)).call_id


def build_source(path: Path, *, practice: bool = False) -> None:
    """A campaign file as an association's laptop leaves it after an evening: two campaigns,
    scripts, an imported list with a rejected row, calls with answers, a new member, a
    follow-up, a do-not-call, a skip, a claim still held, and the do-not-call list."""
    db = open_database(str(path))
    try:
        with db.transaction() as s:
            autumn = make_campaign(s, "Höstkampanj", contacts=8, created=NOW - timedelta(hours=2),
                                   goal_recruits=3, goal_conversations=10)
            add_group(s, autumn, "Söder", contacts=3, first_number=10,
                      created=NOW - timedelta(hours=2))
            spring = make_campaign(s, "Vårkampanj", contacts=3, group="Öster", first_number=20,
                                   created=NOW - timedelta(hours=2))
            autumn_id, spring_id = autumn.id, spring.id
            if practice:
                create_practice_campaign(s)
        install_builtins(db, autumn_id)  # the campaign's script_id refers to one of them
        listing = write_csv(path.parent / "lista.csv", [
            HEADER, person(1, stockholm(50)), person(2, stockholm(51)),
            person(3, "12"),  # not a number: a rejected row
        ])
        import_file(db, listing, campaign="Höstkampanj", group="Inköpt lista")
        kim, alex = volunteer_id(db, "Kim"), volunteer_id(db, "Alex")
        _call(db, autumn_id, kim, 1, "conversation", notes="Vill ha info om mötet",
              answers={"issue_matters": "yes", "topics": ["buss", "skola"]},
              follow_up=FollowUpInput("Skicka inbjudan till mötet", "Kim"),
              meeting_signup=True)
        _call(db, autumn_id, alex, 3, "recruited", answers={"issue_matters": "yes"},
              recruit=RecruitInput("Åsa", "Exempel", True, CONSENT,
                                   email="asa@exempel.invalid", birth_year=1970))
        _call(db, autumn_id, kim, 5, "do_not_call")
        _call(db, autumn_id, alex, 7, "no_answer")
        _call(db, autumn_id, kim, 9, "refused", notes="Inte intresserad")
        _call(db, spring_id, alex, 11, "conversation", answers={"issue_matters": "no"})
        contact, token, _ = _claim(db, autumn_id, kim)
        with db.transaction() as s:
            # Offers the next person, whose claim is still held when the laptop is closed.
            held = skip_contact(s, campaign_id=autumn_id, contact_id=contact, claim_token=token,
                                reason="Fel person", volunteer_id=kim, volunteer_name="Kim",
                                now=NOW + timedelta(minutes=12)).card
        assert held is not None
        with db.transaction() as s:
            dnc.add_numbers(s, [e164(30)], reason="file", source="file")
    finally:
        db.close()


@pytest.fixture(scope="module")
def source_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built once; no test may change it (the upload never does, and a test checks that)."""
    path = tmp_path_factory.mktemp("laptop") / "kampanj.sqlite"
    build_source(path)
    return path


@pytest.fixture
def source_copy(source_file: Path, tmp_path: Path) -> Path:
    """A copy a test may change or open."""
    copy = tmp_path / "kopia.sqlite"
    shutil.copyfile(source_file, copy)
    return copy


# --- comparing ---------------------------------------------------------------------------------

def _ordered_tables() -> list[Table]:
    tables = [t for t in Base.metadata.sorted_tables if t.name != "audit_event"]
    return [*tables, Base.metadata.tables["audit_event"]]


def _rows(db: Database, table: Table) -> list[dict[str, Any]]:
    with db.engine.connect() as conn:
        return [dict(r._mapping) for r in
                conn.execute(select(table).order_by(*table.primary_key.columns))]


def snapshot(db: Database) -> dict[str, list[dict[str, Any]]]:
    return {t.name: _rows(db, t) for t in Base.metadata.sorted_tables}


def _has_own_id(table: Table) -> bool:
    return [c.name for c in table.primary_key.columns] == ["id"]


def compare_all(file_db: Database, server: Database) -> dict[str, dict[int, int]]:
    """Every row of every table of the file is on the (before empty) server, in the same order,
    with the same content once ids are translated; the server has one audit event more (the
    upload). Returns the id translation (table -> file id -> server id)."""
    src = {t.name: _rows(file_db, t) for t in _ordered_tables()}
    dst = {t.name: _rows(server, t) for t in _ordered_tables()}
    last = dst["audit_event"].pop()
    assert last["action"] == "database_uploaded"
    ids: dict[str, dict[int, int]] = {}
    for table in _ordered_tables():
        assert len(dst[table.name]) == len(src[table.name]), table.name
        if _has_own_id(table):
            ids[table.name] = {a["id"]: b["id"] for a, b in
                               zip(src[table.name], dst[table.name], strict=True)}
    for table in _ordered_tables():
        for before, after in zip(src[table.name], dst[table.name], strict=True):
            expected = dict(before)
            for col in table.columns:
                value = before[col.name]
                if value is None:
                    continue
                if col.name == "id" and _has_own_id(table):
                    expected["id"] = ids[table.name][value]
                for fk in col.foreign_keys:
                    expected[col.name] = ids[fk.column.table.name][value]
            if table.name == "contact":
                expected.update(dict.fromkeys(CLAIM_COLUMNS))  # nobody holds them on the server
            if table.name == "audit_event" and before["entity_id"] is not None:
                expected["entity_id"] = ids[before["entity"]][before["entity_id"]]
            assert after == expected, table.name
    return ids


def _figures(db: Database, campaign: str) -> dict[str, object]:
    with db.session() as s:
        cid = s.scalars(select(Campaign.id).where(Campaign.name == campaign)).one()
        return build_report(s, cid, now=NOW).as_dict()


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _folder(path: Path) -> dict[str, str]:
    return {p.name: _sha(p) for p in sorted(path.parent.iterdir()) if p.is_file()}


# --- the tests ---------------------------------------------------------------------------------

def test_every_table_has_an_upload_rule() -> None:
    # A table added to the models without a way to its campaign fails here, not on a server.
    upload_module._check_rules()


def test_upload_copies_every_row_and_leaves_the_file_alone(
        source_file: Path, source_copy: Path, server: Database) -> None:
    folder_before = _folder(source_file)
    result = upload_database(source_file, server)
    assert _folder(source_file) == folder_before  # same bytes, no -wal, -shm or backup beside
    assert result.campaigns == ("Höstkampanj", "Vårkampanj")
    file_db = open_database(str(source_copy))
    try:
        ids = compare_all(file_db, server)
        assert result.rows["call"] == len(ids["call"]) == 6
        assert result.rows["contact"] == 8 + 3 + 2 + 3
        assert result.rows["rejected_row"] == 1 and result.rows["recruit"] == 1
        assert result.rows["do_not_call"] == 2 and result.dnc_already == 0
        assert result.rows["volunteer"] == 2 and result.volunteers_matched == 0
        assert result.left_queue == 0
        for name in ("Höstkampanj", "Vårkampanj"):
            assert _figures(server, name) == _figures(file_db, name)
        with file_db.session() as s, server.session() as t:
            for name in ("Kim", "Alex"):
                vid = s.scalars(select(Volunteer.id).where(Volunteer.name == name)).one()
                cid = s.scalars(select(Campaign.id).where(Campaign.name == "Höstkampanj")).one()
                mine = evening_stats(s, cid, vid, NOW)
                theirs = evening_stats(t, ids["campaign"][cid], ids["volunteer"][vid], NOW)
                assert theirs == mine
            # The campaign's script for calling is the copy of the file's.
            script = s.scalars(select(Campaign.script_id)
                               .where(Campaign.name == "Höstkampanj")).one()
            assert script is not None
            assert t.scalars(select(Campaign.script_id)
                             .where(Campaign.name == "Höstkampanj")).one() == ids["script"][script]
            # The claim held on the laptop is gone on the server.
            assert s.scalars(select(Contact.id).where(Contact.claim_token.is_not(None))).all()
            assert t.scalars(select(Contact.id).where(Contact.claim_token.is_not(None))).all() == []
    finally:
        file_db.close()


def test_the_queue_works_on_the_server_after_upload(
        source_file: Path, source_copy: Path, server: Database) -> None:
    upload_database(source_file, server)
    file_db = open_database(str(source_copy))
    try:
        later = NOW + timedelta(hours=1)  # the laptop's claim has run out by then
        picked = []
        for db in (file_db, server):
            with db.transaction() as s:
                cid = s.scalars(select(Campaign.id).where(Campaign.name == "Höstkampanj")).one()
                vid = s.scalars(select(Volunteer.id).where(Volunteer.name == "Alex")).one()
                card = next_contact(s, campaign_id=cid, volunteer_id=vid, claim_minutes=20,
                                    now=later).card
            assert card is not None
            picked.append((card.first_name, card.last_name))
            # And the call is saved on the server like on the laptop.
            with db.transaction() as s:
                save_call(s, CallInput(contact_id=card.contact_id, claim_token=card.claim_token,
                                       outcome="conversation", volunteer_id=vid,
                                       phone_number_id=card.phones[0].id,
                                       started_at=later),
                          show_next=False, now=later + timedelta(minutes=2))
            with db.session() as s:
                assert s.scalars(select(Contact.status)
                                 .where(Contact.id == card.contact_id)).one() == "done"
        assert picked[0] == picked[1]
        assert _figures(server, "Höstkampanj") == _figures(file_db, "Höstkampanj")
    finally:
        file_db.close()


def test_uploading_twice_is_refused_and_changes_nothing(
        source_file: Path, server: Database) -> None:
    upload_database(source_file, server)
    before = snapshot(server)
    with pytest.raises(UserError, match="Höstkampanj is already on the server"):
        upload_database(source_file, server)
    assert snapshot(server) == before


def test_a_refused_row_half_way_uploads_nothing(
        source_file: Path, source_copy: Path, server: Database) -> None:
    upload_database(source_file, server, campaign="Vårkampanj")
    before = snapshot(server)
    # A number too long for the server's column: SQLite stores it, PostgreSQL refuses it,
    # after the campaigns, groups and people of the file went in.
    con = sqlite3.connect(source_copy)
    con.execute("UPDATE phone_number SET e164 = '+46' || printf('%040d', id) "
                "WHERE id = (SELECT max(id) FROM phone_number)")
    con.commit()
    con.close()
    with pytest.raises(UserError, match="Nothing was uploaded: the server refused a row of "
                                        "phone_number"):
        upload_database(source_copy, server, campaign="Höstkampanj")
    assert snapshot(server) == before


def test_cancel_half_way_uploads_nothing(source_file: Path, server: Database) -> None:
    progress = CancelAfter(4)  # the start, then the first three tables' batches
    with pytest.raises(Cancelled):
        upload_database(source_file, server, progress=progress)
    assert progress.calls == 5
    assert all(rows == [] for rows in snapshot(server).values())


class _DropConnection:
    """Progress that, at its `at`-th report, ends every session on the upload's database (as
    a server restart or a lost Wi-Fi would), once."""

    def __init__(self, database: str, at: int) -> None:
        self.database = database
        self.at = at
        self.calls = 0
        self.dropped = 0
        self.seen: list[int] = []

    def report(self, done: int, total: int | None = None, label: str = "") -> None:
        self.calls += 1
        self.seen.append(done)
        if self.calls != self.at:
            return
        admin = create_engine(f"{os.environ[PG_ENV].rstrip('/')}/postgres",
                              isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as conn:
                self.dropped = len(conn.execute(text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = :d AND pid <> pg_backend_pid()"),
                    {"d": self.database}).all())
        finally:
            admin.dispose()


def test_a_dropped_connection_starts_the_upload_again(
        source_file: Path, source_copy: Path, server: Database) -> None:
    assert server.location.url.database is not None
    progress = _DropConnection(server.location.url.database, at=6)
    result = upload_database(source_file, server, progress=progress)
    assert progress.dropped >= 1  # the upload's own session was among them
    assert 0 in progress.seen[progress.at:]  # started again from the beginning
    assert result.rows["call"] == 6
    file_db = open_database(str(source_copy))
    try:
        compare_all(file_db, server)  # everything once, nothing of the broken attempt
    finally:
        file_db.close()


def test_a_retry_after_a_lost_answer_returns_the_stored_result(
        source_file: Path, server: Database) -> None:
    result = upload_database(source_file, server)
    with server.session() as s:
        detail = s.scalars(select(AuditEvent.detail)
                           .where(AuditEvent.action == "database_uploaded")).one()
        conn = s.connection()
        assert upload_module._earlier_result(conn, detail["upload"]) == result
        assert upload_module._earlier_result(conn, uuid.uuid4().hex) is None


def test_one_campaign_merges_volunteers_and_the_do_not_call_list(
        source_file: Path, server: Database) -> None:
    # The server already holds another campaign, a volunteer of the same name, and a
    # do-not-call number that a person of the file holds.
    with server.transaction() as s:
        other = make_campaign(s, "Annan kampanj", contacts=2, group="Väst", first_number=30,
                              created=NOW - timedelta(hours=3))
        other_id = other.id
        s.add(Volunteer(name="Alex"))
        s.add(DoNotCall(e164=e164(21), reason="file", source="file"))
    with server.session() as s:
        alex = s.scalars(select(Volunteer.id).where(Volunteer.name == "Alex")).one()
    result = upload_database(source_file, server, campaign="Vårkampanj")
    assert result.campaigns == ("Vårkampanj",)
    assert result.rows["campaign"] == 1 and result.rows["contact"] == 3
    assert result.volunteers_matched == 1 and result.rows["volunteer"] == 0  # only Alex called
    assert result.rows["do_not_call"] == 2 and result.dnc_already == 0
    # Höstkampanj's do-not-call (e164(…) of the call) and the file's list are the server's now;
    # e164(30), from the file's list, takes the other campaign's person out of the queue, and
    # e164(21), on the server's list, the uploaded person holding it.
    assert result.left_queue == 2
    with server.session() as s:
        spring = s.scalars(select(Campaign.id).where(Campaign.name == "Vårkampanj")).one()
        assert s.scalars(select(Call.volunteer_id).where(Call.campaign_id == spring)).all() \
            == [alex]
        blocked = s.execute(select(Contact.campaign_id, PhoneNumber.e164)
                            .join(PhoneNumber, PhoneNumber.contact_id == Contact.id)
                            .where(Contact.status == "dnc")).all()
        assert sorted(blocked) == sorted([(other_id, e164(30)), (spring, e164(21))])
        assert s.scalars(select(Campaign.name).order_by(Campaign.name)).all() == [
            "Annan kampanj", "Vårkampanj"]
        assert len(s.scalars(select(DoNotCall.e164)).all()) == 3


def test_the_practice_campaign_goes_only_when_named(tmp_path: Path, server: Database) -> None:
    path = tmp_path / "med_ovning.sqlite"
    build_source(path, practice=True)
    result = upload_database(path, server)
    assert result.campaigns == ("Höstkampanj", "Vårkampanj")
    result = upload_database(path, server, campaign="Övningskampanj")
    assert result.campaigns == ("Övningskampanj",) and result.rows["call"] == 0
    with server.session() as s:
        assert s.scalars(select(Campaign.name).where(Campaign.is_practice)).all() == [
            "Övningskampanj"]
    with pytest.raises(UserError, match="Campaign Finns inte is not in"):
        upload_database(path, server, campaign="Finns inte")


def test_an_older_file_is_migrated_in_a_private_copy(tmp_path: Path, server: Database) -> None:
    from app.db import migrate

    path = tmp_path / "gammal.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        migrate.upgrade(conn, "0001")
    engine.dispose()
    con = sqlite3.connect(path)
    con.executescript("""
        INSERT INTO campaign (id, name, association, local_issue, local_message, meeting_title,
            meeting_link, meeting_guest, is_practice, retry_wait_minutes, max_attempts,
            weekday_hours, weekend_hours, notes_enabled, created_at)
        VALUES (1, 'Höstkampanj', 'S-föreningen Åby', 'Skolan', 'Behåll skolan', '', '', '', 0,
            120, 3, '09:00-20:00', '10:00-18:00', 1, '2026-10-01 10:00:00');
        INSERT INTO target_group (id, campaign_id, name, description)
            VALUES (1, 1, 'Unga väljare', '');
        INSERT INTO contact (id, campaign_id, target_group_id, first_name, last_name, street,
            postcode, city, gender, extra, status, queue_rank, next_call_at, attempts,
            notes_for_next, created_at)
        VALUES (1, 1, 1, 'Märta', 'Öberg', '', '', 'Åby', '', '{}', 'done', 1,
            '2026-10-01 10:00:00', 1, '', '2026-10-01 10:00:00');
        INSERT INTO phone_number (id, contact_id, campaign_id, position, e164, raw, kind, failed)
            VALUES (1, 1, 1, 0, '+46701740605', '070-174 06 05', 'mobile', 0);
        INSERT INTO call (id, uuid, campaign_id, target_group_id, contact_id, number_dialled,
            started_at, outcome, notes, meeting_signup, contact_before, saved_at)
        VALUES (1, 'b2c3', 1, 1, 1, '+46701740605', '2026-10-02 18:00:00', 'conversation', '',
            1, '{}', '2026-10-02 18:05:00');
    """)
    con.commit()
    con.close()
    folder_before = _folder(path)
    result = upload_database(path, server)
    assert _folder(path) == folder_before  # not migrated, no backup beside it
    assert result.rows["call"] == 1 and result.rows["contact"] == 1
    with server.session() as s:
        assert s.scalars(select(Contact.first_name)).all() == ["Märta"]
        assert s.scalars(select(Call.uuid)).all() == ["b2c3"]


def test_a_file_in_use_is_read_through_its_log(
        tmp_path: Path, source_file: Path, server: Database) -> None:
    # Another Ringkväll has the file open with calls only in its write-ahead log.
    path = tmp_path / "oppen.sqlite"
    shutil.copyfile(source_file, path)
    other = open_database(str(path))
    try:
        with other.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_autocheckpoint = 0")
            with other.transaction() as s:
                dnc.add_numbers(s, [e164(40)], reason="file", source="file")
            assert Path(f"{path}-wal").stat().st_size > 0
            main_file = _sha(path)
            upload_database(path, server)
            assert _sha(path) == main_file
    finally:
        other.close()
    with server.session() as s:
        assert e164(40) in s.scalars(select(DoNotCall.e164)).all()
        assert len(s.scalars(select(Call.id)).all()) == 6


def test_a_volunteer_login_cannot_upload(source_file: Path) -> None:
    if not os.environ.get(PG_ENV):
        pytest.skip(f"roles need a PostgreSQL server: set {PG_ENV}")
    from app.services.server.roles import add_login, setup_server
    from tests.server_helpers import server_database

    with server_database() as url:
        owner = open_database(url)
        try:
            setup_server(owner)
            organiser = add_login(owner, "Olle Ordförande", "organiser")
            volunteer = add_login(owner, "Vera Volontär", "volunteer")
        finally:
            owner.close()
        db = open_database(volunteer.url)
        try:
            with pytest.raises(UserError, match="does not allow"):
                upload_database(source_file, db)
        finally:
            db.close()
        db = open_database(organiser.url)
        try:
            result = upload_database(source_file, db)
            assert result.rows["call"] == 6
        finally:
            db.close()


# --- the command line --------------------------------------------------------------------------

def test_cli_uploads_and_prints_json(
        source_file: Path, server_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["server", "upload", str(source_file), "--campaign", "Höstkampanj",
                 "--db", server_url, "--json"])
    out = capsys.readouterr().out
    assert code == 0, out
    data = json.loads(out)
    assert data["campaigns"] == ["Höstkampanj"] and data["rows"]["call"] == 5
    code = main(["server", "upload", str(source_file), "--db", server_url])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.err.strip() == (
        f"ringkvall: Campaign Höstkampanj is already on the server {server_url}: "
        "nothing was uploaded")
    code = main(["--db", server_url, "server", "upload", str(source_file),
                 "--campaign", "Vårkampanj"])
    out = capsys.readouterr().out
    assert code == 0
    assert out.splitlines()[0] == f"Uploaded to {server_url}: Vårkampanj"
    assert "  calls:           1" in out.splitlines()


def test_cli_refuses_what_is_not_a_file_or_a_server(
        tmp_path: Path, source_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # No server needed: each is refused before any database is opened.
    target = tmp_path / "mål.sqlite"
    assert main(["server", "upload", str(source_file), "--db", str(target)]) == 2
    assert "--db must name the association's PostgreSQL server" in capsys.readouterr().err
    assert not target.exists()  # not created
    url = "postgresql://nobody@localhost:1/none"
    missing = tmp_path / "saknas.sqlite"
    assert main(["server", "upload", str(missing), "--db", url]) == 2
    assert capsys.readouterr().err.strip() == f"ringkvall: File {missing} does not exist"
    assert not missing.exists()
    text_file = tmp_path / "lista.csv"
    text_file.write_text("Förnamn;Telefon\n", encoding="utf-8")
    assert main(["server", "upload", str(text_file), "--db", url]) == 2
    assert "is not a Ringkväll database (not SQLite)" in capsys.readouterr().err


def test_a_sqlite_file_not_ringkvalls_is_refused(tmp_path: Path, server: Database) -> None:
    path = tmp_path / "annan.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    with pytest.raises(UserError, match="is a SQLite file but not a Ringkväll database"):
        upload_database(path, server)
    empty = tmp_path / "tom.sqlite"
    empty.touch()
    with pytest.raises(UserError, match="is a SQLite file but not a Ringkväll database"):
        upload_database(empty, server)
