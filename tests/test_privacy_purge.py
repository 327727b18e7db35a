"""Purging a campaign's personal data: the figures, the aggregate export and the do-not-call
list stay exactly as they were, and no name is left in the database file's bytes."""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from app.cli.main import main
from app.db.database import Database
from app.db.models import (
    Answer,
    AuditEvent,
    Call,
    Campaign,
    Contact,
    FollowUp,
    PhoneNumber,
    Recruit,
)
from app.services import dnc
from app.services.privacy.purge import purge_campaign
from tests.privacy_helpers import aggregate_cells, file_bytes, found_in, stats_json
from tests.results_helpers import CONTACTS, D3, FREE_TEXT, NOTE, NOW, build_campaign

NAMES = ["Bertil", "Cecilia", "Injektionsson", "Ivarsson", "Andersson"]


def _due(db: Database, campaign_id: int) -> None:
    """The campaign's date has passed (whatever today is: it ended in 2026)."""
    with db.transaction() as session:
        session.execute(update(Campaign).where(Campaign.id == campaign_id)
                        .values(delete_after=D3))


def _dnc(db: Database) -> list[tuple[str, str]]:
    with db.session() as session:
        return [(e.e164, e.reason) for e in dnc.list_entries(session)]


def test_purge_keeps_every_figure_and_the_do_not_call_list(
        db: Database, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    known = build_campaign(db)
    with db.transaction() as session:
        dnc.add_numbers(session, ["+46701740690", "+46313900699"], reason="file",
                        source="test")
    before = stats_json(db_url, known.campaign_name, capsys)
    cells_before = aggregate_cells(db_url, known.campaign_name, tmp_path / "a.xlsx", capsys)
    listed = _dnc(db)
    _due(db, known.campaign_id)

    assert main(["--db", db_url, "purge", "--json"]) == 0
    out = capsys.readouterr().out
    assert '"campaign": "Höstkampanj"' in out and '"contacts": 10' in out

    assert stats_json(db_url, known.campaign_name, capsys) == before
    assert aggregate_cells(db_url, known.campaign_name, tmp_path / "b.xlsx",
                           capsys) == cells_before
    assert _dnc(db) == listed
    with db.session() as session:
        people = session.execute(select(Contact.first_name, Contact.last_name, Contact.city,
                                        Contact.extra, Contact.erased_at)).all()
        assert len(people) == len(CONTACTS)
        assert all(p.first_name == p.last_name == p.city == "" and p.extra == {}
                   and p.erased_at is not None for p in people)
        assert session.scalar(select(func.count()).select_from(PhoneNumber)) == 0
        assert session.scalar(select(func.count()).select_from(Answer)) == 0
        assert set(session.scalars(select(Call.notes))) == {""}
        assert set(session.scalars(select(Call.number_dialled))) == {""}
        assert {(r.first_name, r.email, r.phone) for r in session.scalars(select(Recruit))} \
            == {("", "", "")}
        assert set(session.scalars(select(FollowUp.promised))) == {""}
        assert session.scalar(select(Campaign.purged_at)) is not None
        purges = session.scalars(select(AuditEvent).where(AuditEvent.action == "purge")).all()
        assert len(purges) == 1 and purges[0].entity_id == known.campaign_id
    # Done: nothing more is due.
    assert main(["--db", db_url, "purge"]) == 0
    assert "No campaign" in capsys.readouterr().out


@pytest.mark.sqlite_only("secure_delete, VACUUM and the write-ahead log are SQLite's own")
def test_purge_leaves_no_name_in_the_file(db: Database, db_url: str) -> None:
    known = build_campaign(db)
    with db.session() as session:  # a reader on another connection, as the window has
        session.execute(select(Contact.id)).all()
    assert found_in(file_bytes(db), *NAMES), "the test must see the names before"
    purge_campaign(db, known.campaign_id, confirmed_early=True, now=NOW)
    data = file_bytes(db)
    assert found_in(data, *NAMES, NOTE, FREE_TEXT, "exempel.invalid", "Påhittegatan") == []
    assert found_in(data, "Höstkampanj") == ["Höstkampanj"]  # the campaign itself stays


def test_early_purge_needs_yes_and_dry_run_changes_nothing(
        db: Database, db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    known = build_campaign(db)
    with db.transaction() as session:
        session.execute(update(Campaign).values(delete_after=NOW.date() + timedelta(days=4000)))
    argv = ["--db", db_url, "purge", "--campaign", known.campaign_name]
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "--yes" in err and "Höstkampanj" in err
    assert main([*argv, "--dry-run", "--json"]) == 0
    assert '"contacts": 10' in capsys.readouterr().out
    with db.session() as session:
        assert session.scalar(select(func.count()).where(Contact.first_name == "Bertil")) == 1
        assert session.scalar(select(Campaign.purged_at)) is None
    assert main([*argv, "--yes"]) == 0
    with db.session() as session:
        assert session.scalar(select(func.count()).where(Contact.first_name == "Bertil")) == 0
        early = session.scalars(select(AuditEvent.detail)
                                .where(AuditEvent.action == "purge")).one()
        assert early["early"] is True


@pytest.mark.sqlite_only("the backups before a migration are copies of the SQLite file")
def test_purge_deletes_the_backups_made_before_it(db: Database) -> None:
    known = build_campaign(db)
    path = db.location.sqlite_path
    assert path is not None
    old = path.with_name(f"{path.stem}.backup-20260101-120000{path.suffix}")
    later = path.with_name(f"{path.stem}.backup-29990101-120000{path.suffix}")
    shutil.copy(path, old)
    shutil.copy(path, later)
    result = purge_campaign(db, known.campaign_id, confirmed_early=True, now=NOW)
    assert result.file is not None and result.file.backups_removed == 1
    assert not old.exists() and later.exists()
