"""Roles on a shared PostgreSQL server: a volunteer's login calls and does nothing else; the
server, not the app's buttons, refuses the rest (`ringkvall server setup`, `add-volunteer`).

Each test has a database of its own on the RINGKVALL_TEST_PG server and drops the roles it
made (tests/server_helpers.py). The campaign whose people a volunteer must not see ended on
2000-01-01, so the tests hold whatever the date.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.exc import ProgrammingError

from app.cli.main import main
from app.db.database import Database, open_database
from app.db.models import Answer, Call, Campaign, Contact, DoNotCall, Recruit
from app.errors import PermissionRefused, UserError
from app.services.calling import CallInput, FollowUpInput, RecruitInput
from app.services.calling.start import start_evening
from app.services.calling.steps import (
    evening_summary,
    keep_claim,
    release,
    save_and_next,
    show_next,
    skip_and_next,
    undo_last,
)
from app.services.demo import PRACTICE_NAME
from app.services.results import csv_export, xlsx_export
from app.services.scripts import install_builtin_scripts
from app.services.scripts.storage import builtin_dir
from app.services.server.roles import connection_url, login_role, login_slug, role_names
from tests.calling_helpers import e164, make_campaign, number
from tests.server_helpers import needs_server, owned_database, server_database

OPEN = "Vårkampanj"
ENDED = "Förra valet"


@dataclass(frozen=True)
class Server:
    owner: str  # the database owner's URL (runs setup)
    volunteer: str  # a volunteer's connection string, as add-volunteer printed it
    volunteer_user: str
    organiser: str
    organiser_user: str


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _login(capsys: pytest.CaptureFixture[str], owner: str, kind: str,
           name: str) -> dict[str, str]:
    code, out, err = cli(capsys, "--db", owner, "server", f"add-{kind}", name, "--json")
    assert code == 0, err
    data: dict[str, str] = json.loads(out)
    return data


def _fill(owner: str) -> None:
    """An open campaign (no dates) with scripts, six people and one old call; an ended one
    whose only person shares a number with the open campaign's third."""
    db = open_database(owner)
    try:
        with db.transaction() as s:
            current = make_campaign(s, OPEN, contacts=6)
            install_builtin_scripts(s, current)
            ended = make_campaign(s, ENDED, contacts=1, first_number=2, group="Gamla",
                                  starts_on=date(1999, 12, 1), ends_on=date(2000, 1, 1))
            old_person = s.scalars(select(Contact).where(Contact.campaign_id == current.id)
                                   .order_by(Contact.id.desc())).first()
            assert old_person is not None
            # A call saved long ago: its answer is past what a volunteer may read.
            old = Call(campaign_id=current.id, target_group_id=old_person.target_group_id,
                       contact_id=old_person.id, outcome="conversation",
                       started_at=datetime(2000, 1, 1, tzinfo=UTC),
                       saved_at=datetime(2000, 1, 1, tzinfo=UTC))
            s.add(old)
            s.flush()
            s.add(Answer(call_id=old.id, question_key="opinion", value="a political view"))
            old_ended = s.scalars(select(Contact).where(Contact.campaign_id == ended.id)).one()
            s.add(Call(campaign_id=ended.id, target_group_id=old_ended.target_group_id,
                       contact_id=old_ended.id, outcome="refused"))
    finally:
        db.close()


@pytest.fixture
def server(capsys: pytest.CaptureFixture[str]) -> Iterator[Server]:
    with server_database() as owner:
        code, _out, err = cli(capsys, "--db", owner, "server", "setup")
        assert code == 0, err
        _fill(owner)
        volunteer = _login(capsys, owner, "volunteer", "Kim Åberg")
        organiser = _login(capsys, owner, "organiser", "Org Anisatör")
        yield Server(owner, volunteer["url"], volunteer["user"], organiser["url"],
                     organiser["user"])


def _campaign_id(db: Database, name: str) -> int:
    with db.session() as s:
        found = s.scalar(select(Campaign.id).where(Campaign.name == name))
        assert found is not None
        return found


def _status_of_ended(owner: str) -> str:
    engine = create_engine(owner)
    try:
        with engine.connect() as conn:
            return str(conn.scalar(text(
                "SELECT c.status FROM contact c JOIN campaign k ON k.id = c.campaign_id "
                "WHERE k.name = :n"), {"n": ENDED}))
    finally:
        engine.dispose()


@needs_server
def test_a_volunteer_runs_the_whole_calling_evening(server: Server) -> None:
    db = open_database(server.volunteer)
    try:
        evening = start_evening(db, OPEN, None, "Kim")
        step = show_next(db, evening, 20)
        assert step.next is not None and step.next.card is not None
        card = step.next.card
        assert card.first_name == "Person0" and card.phones
        assert keep_claim(db, card.contact_id, card.claim_token, 20).value in ("kept",
                                                                               "regained")

        def call(outcome: str, **extra: object) -> CallInput:
            assert card is not None
            return CallInput(contact_id=card.contact_id, claim_token=card.claim_token,
                             outcome=outcome, volunteer_id=evening.volunteer_id,
                             phone_number_id=card.phones[0].id, started_at=card.shown_at
                             or evening.started_at, seen_version=card.state_version,
                             **extra)  # type: ignore[arg-type]

        step = save_and_next(db, evening, call(
            "conversation", answers={"reached": "yes"}, notes="ring efter sex",
            follow_up=FollowUpInput("skicka material")), 20)
        assert step.next is not None and step.next.card is not None
        card = step.next.card
        step = save_and_next(db, evening, call(
            "recruited", recruit=RecruitInput("Ny", "Medlem", True, "Jag vill bli medlem.")), 20)
        assert step.next is not None and step.next.card is not None
        card = step.next.card
        assert card.first_name == "Person2"  # shares a number with the ended campaign
        step = save_and_next(db, evening, call("do_not_call"), 20)
        # The ended campaign's person left the queue too, though the volunteer cannot see it.
        assert _status_of_ended(server.owner) == "dnc"
        assert step.stats.team.calls == 3 and step.stats.mine.recruits == 1
        assert step.stats.team.follow_ups == 1 and step.stats.campaign.calls == 3
        assert step.next is not None and step.next.card is not None
        showing = (step.next.card.contact_id, step.next.card.claim_token)
        undone = undo_last(db, evening, 20, showing)
        assert undone.undone is not None and undone.undone.outcome == "do_not_call"
        with db.session() as s:
            assert s.scalar(select(func.count()).select_from(DoNotCall)) == 0
        card = undone.undone.card
        step = save_and_next(db, evening, call("no_answer"), 20)
        assert step.next is not None and step.next.card is not None
        card = step.next.card
        following = skip_and_next(db, evening, card.contact_id, card.claim_token,
                                  "talar inte svenska", 20)
        assert following.next is not None and following.next.card is not None
        release(db, following.next.card.contact_id, following.next.card.claim_token)
        summary = evening_summary(db, evening)
        assert summary.counts.calls == 3
        assert summary.by_outcome == {"conversation": 1, "recruited": 1, "no_answer": 1}
    finally:
        db.close()
    owner = open_database(server.owner)
    try:
        with owner.session() as s:
            assert s.scalar(select(func.count()).select_from(Recruit)) == 1
            assert s.scalar(select(func.count()).select_from(Call)
                            .where(Call.volunteer_id.is_not(None))) == 3
    finally:
        owner.close()


def _import_file(tmp_path: Path) -> Path:
    source = tmp_path / "lista.csv"
    source.write_text("Förnamn;Efternamn;Telefon\n"
                      f"Ada;Exempel;{number(40)}\nBo;Exempel;{number(41)}\n", encoding="utf-8")
    return source


def _script_file(tmp_path: Path) -> Path:
    mine = tmp_path / "mine.yaml"
    text_ = (builtin_dir() / "members_sv.yaml").read_text("utf-8")
    mine.write_text(text_.replace("Ring våra medlemmar", "Ring medlemmarna"), encoding="utf-8")
    return mine


def _organiser_only(db: str, tmp_path: Path, tag: str,
                    *names: str) -> dict[str, list[str]]:
    every = {
        "export": ["--db", db, "export", "--campaign", OPEN, "-o",
                   str(tmp_path / f"{tag}.xlsx"), "--privacy", "aggregate"],
        "csv": ["--db", db, "csv", "--campaign", OPEN, "-o", str(tmp_path / f"{tag}.csv")],
        "import": ["--db", db, "import", str(_import_file(tmp_path)), "--campaign", OPEN,
                   "--group", f"Ny {tag}"],
        "script import": ["--db", db, "script", "import", str(_script_file(tmp_path)),
                          "--campaign", OPEN],
    }
    return {name: every[name] for name in names}


def _refused_to_volunteer_and_done_for_organiser(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str], *names: str,
) -> None:
    for what, argv in _organiser_only(server.volunteer, tmp_path, "v", *names).items():
        code, out, err = cli(capsys, *argv)
        assert code == 2, (what, out, err)
        lines = err.strip().splitlines()
        assert len(lines) == 1, (what, err)
        assert lines[0].startswith(
            f"ringkvall: The server does not allow your login {server.volunteer_user} to "
            "do this ("), (what, err)
        assert lines[0].endswith("); ask an organiser"), (what, err)
    for what, argv in _organiser_only(server.organiser, tmp_path, "o", *names).items():
        code, out, err = cli(capsys, *argv)
        assert code == 0, (what, err)


@needs_server
def test_the_server_refuses_a_volunteer_import_and_script_import(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    _refused_to_volunteer_and_done_for_organiser(server, tmp_path, capsys,
                                                 "import", "script import")
    owner = open_database(server.owner)
    try:
        with owner.session() as s:  # the organiser's import only
            assert s.scalar(select(func.count()).select_from(Contact)
                            .where(Contact.first_name == "Ada")) == 1
    finally:
        owner.close()


# An export reads only what calling reads too, so the server can refuse it only through
# something else: the export first locks its campaign (hold_campaign_for_export), which needs
# a right volunteers lack. Until the results services call it, this test is expected to fail.
_EXPORTS_HOLD = all(hasattr(module, "hold_campaign_for_export")
                    for module in (xlsx_export, csv_export))


@needs_server
@pytest.mark.xfail(not _EXPORTS_HOLD, strict=True, reason=(
    "export_xlsx and export_csv do not yet call "
    "app.services.server.rights.hold_campaign_for_export"))
def test_the_server_refuses_a_volunteer_export_and_csv(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    _refused_to_volunteer_and_done_for_organiser(server, tmp_path, capsys, "export", "csv")
    assert not (tmp_path / "v.xlsx").exists() and not (tmp_path / "v.csv").exists()
    assert (tmp_path / "o.xlsx").stat().st_size > 0 and (tmp_path / "o.csv").exists()


def _rows(url: str, sql: str) -> int:
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    try:
        with engine.connect() as conn:
            return int(conn.scalar(text(sql)) or 0)
    finally:
        engine.dispose()


@needs_server
def test_a_volunteer_cannot_read_other_campaigns_people(server: Server) -> None:
    ended = (f"(SELECT id FROM campaign WHERE name = '{ENDED}')")
    for table in ("contact", "phone_number", "call"):
        sql = f"SELECT count(*) FROM {table} WHERE campaign_id = {ended}"
        assert _rows(server.organiser, sql) == 1, table
        # Row-level security: the server answers as if the people were not there.
        assert _rows(server.volunteer, sql) == 0, table
    assert _rows(server.volunteer, f"SELECT count(*) FROM contact WHERE campaign_id <> "
                                   f"{ended}") == 6
    # Answers of calls long past: not the volunteer's business either.
    old_answers = "SELECT count(*) FROM answer"
    assert _rows(server.organiser, old_answers) == 1
    assert _rows(server.volunteer, old_answers) == 0
    engine = create_engine(server.volunteer.replace("postgresql://", "postgresql+psycopg://"))
    try:
        for sql in ("SELECT count(*) FROM rejected_row", "SELECT file_name FROM import_run",
                    "SELECT count(*) FROM audit_event WHERE action <> ''",
                    "UPDATE contact SET first_name = 'X'",
                    "DELETE FROM contact", "UPDATE campaign SET name = 'X'",
                    "UPDATE do_not_call SET reason = 'x'",
                    "INSERT INTO contact (campaign_id, target_group_id) SELECT campaign_id, "
                    "target_group_id FROM contact LIMIT 1"):
            with engine.connect() as conn, pytest.raises(ProgrammingError) as refused:
                conn.execute(text(sql))
            assert getattr(refused.value.orig, "sqlstate", None) == "42501", sql
        # An organiser's do-not-call entries are beyond a volunteer's undo.
        with create_engine(server.organiser.replace(
                "postgresql://", "postgresql+psycopg://")).begin() as conn:
            conn.execute(text("INSERT INTO do_not_call (e164, reason, source, added_at) "
                              "VALUES (:n, '', 'window', now())"), {"n": e164(50)})
        with engine.begin() as conn:
            assert conn.execute(text("DELETE FROM do_not_call")).rowcount == 0
    finally:
        engine.dispose()


@needs_server
def test_setup_twice_logins_and_their_messages(
    server: Server, capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = cli(capsys, "--db", server.owner, "server", "setup", "--json")
    assert code == 0, err
    data = json.loads(out)
    names = role_names(data["database"])
    assert data["created"] == [] and data["volunteer_role"] == names.volunteer
    assert server.volunteer_user == f"{names.prefix}_v_kim_aberg"
    # Setup again keeps the volunteer's rights working (grants re-applied).
    assert _rows(server.volunteer, "SELECT count(*) FROM contact") == 6
    code, out, err = cli(capsys, "--db", server.owner, "server", "add-volunteer", "Kim Åberg")
    assert code == 2 and err.strip() == (
        f"ringkvall: There is already a login {server.volunteer_user}; add --reset to give it "
        "a new password")
    code, out, err = cli(capsys, "--db", server.owner, "server", "add-volunteer", "Kim Åberg",
                         "--reset", "--host", "ring.exempel.invalid")
    assert code == 0, err
    assert f"New password for {server.volunteer_user}" in out
    assert "@ring.exempel.invalid:" in out and out.count("?sslmode=require") == 1
    code, out, err = cli(capsys, "--db", server.owner, "server", "add-volunteer", "!!!")
    assert code == 2 and "cannot name a login" in err
    # A volunteer cannot make logins.
    code, out, err = cli(capsys, "--db", server.volunteer, "server", "add-volunteer", "Bo")
    assert code == 2 and err.startswith(
        f"ringkvall: Login {server.volunteer_user} cannot manage the roles of "), err
    assert err.count("\n") == 1


@needs_server
def test_an_owner_without_superuser_rights_sets_up_the_server(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    with owned_database() as owner:
        for argv in (("server", "setup"), ("demo",)):
            code, _out, err = cli(capsys, "--db", owner, *argv)
            assert code == 0, err
        volunteer = _login(capsys, owner, "volunteer", "Kim")
        organiser = _login(capsys, owner, "organiser", "Alva")
        for url, kind in ((owner, "owner"), (volunteer["url"], "volunteer"),
                          (organiser["url"], "organiser")):
            db = open_database(url)
            try:
                found = login_role(db)
                assert found is not None and found.kind == kind, url
            finally:
                db.close()
        assert _rows(volunteer["url"], "SELECT count(*) FROM contact") > 0
        argv = ["script", "import", str(_script_file(tmp_path)), "--campaign", PRACTICE_NAME]
        code, _out, err = cli(capsys, "--db", volunteer["url"], *argv)
        assert code == 2 and "does not allow your login" in err, err
        code, _out, err = cli(capsys, "--db", organiser["url"], *argv)
        assert code == 0, err


def test_roles_need_a_server(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "r.sqlite")
    code, _out, err = cli(capsys, "--db", db, "server", "add-volunteer", "Kim")
    assert code == 2 and err.strip() == (
        f"ringkvall: {tmp_path / 'r.sqlite'} is not a PostgreSQL server; roles exist only on "
        "a server")
    assert not (tmp_path / "r.sqlite").exists()  # not created by a command that cannot work


def test_role_and_login_names() -> None:
    assert role_names("forening").organiser == "forening_organiser"
    odd = role_names("Förening-Norr")
    assert odd.prefix.startswith("forening_norr_") and odd.volunteer.endswith("_volunteer")
    assert role_names("Förening-Norr") != role_names("forening_norr")
    assert len(role_names("x" * 200).prefix) <= 30
    assert role_names("2026").prefix.startswith("db_")
    assert login_slug("  Åsa   Öberg ") == "asa_oberg"
    with pytest.raises(UserError):
        login_slug("   ")
    url = create_engine("postgresql+psycopg://o@localhost:5432/f").url
    assert connection_url(url, "u", "p") == "postgresql://u:p@localhost:5432/f"
    assert connection_url(url, "u", "p", "10.0.0.2") == \
        "postgresql://u:p@10.0.0.2:5432/f?sslmode=require"


def test_permission_refused_is_one_line() -> None:
    assert str(PermissionRefused("kim", "permission denied for table campaign")) == (
        "The server does not allow your login kim to do this (permission denied for table "
        "campaign); ask an organiser")
