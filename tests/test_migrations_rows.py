"""Migrations keep every row: down step by step and back up, through the app's own engine.

SQLite's batch mode rebuilds a table (copy, DROP, rename); with the app's foreign keys on, the
DROP cascaded and a downgrade deleted every contact, call and answer. The migrations run with
foreign keys off and checked at the end (app.db.migrate.migration_transaction). The same walk
runs on PostgreSQL, whose migrations keep their constraints on.
"""

from __future__ import annotations

import sqlite3
import tempfile
from datetime import date, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Connection, inspect, select, text

from app.clock import utcnow
from app.db import migrate
from app.db.database import WRITE_OPTION, Database, open_database
from app.db.migrations import HEAD
from app.db.models import AnonymousAnswerCount, TargetGroup
from app.errors import UserError
from app.services import dnc
from app.services.calling import CallInput, FollowUpInput, RecruitInput, next_contact, save_call
from app.services.demo import PRACTICE_GROUP, create_practice_campaign
from app.services.importing.pipeline import import_file
from app.services.organising.evenings import EveningInput, add_evening, sign_up
from app.services.organising.inbox import NEW_MEMBER, InboxFilter, inbox, mark_done
from app.services.privacy.record import RecordFields, save_record
from tests.calling_helpers import volunteer_id
from tests.review_helpers import fill_review_tables

DATA = Path(__file__).resolve().parent / "data"
OUTCOMES = ("recruited", "conversation", "no_answer", "refused", "callback", "conversation")


def _fill(db: Database) -> None:
    """Rows in every table: the practice campaign, an imported list (with rejected rows),
    calls with answers, a recruit and follow-ups, do-not-call numbers."""
    with db.transaction() as session:
        campaign, _ = create_practice_campaign(session)
        campaign_id = campaign.id
    import_file(db, DATA / "lista_tensta_cp1252.csv", campaign="Höstkampanj", group="Tensta")
    kim = volunteer_id(db, "Kim")
    with db.transaction() as session:
        card = next_contact(session, campaign_id=campaign_id, volunteer_id=kim,
                            claim_minutes=20).card
    for i, outcome in enumerate(OUTCOMES):
        assert card is not None
        call = CallInput(
            contact_id=card.contact_id, claim_token=card.claim_token, outcome=outcome,
            volunteer_id=kim, phone_number_id=card.phones[0].id, started_at=utcnow(),
            notes=f"anteckning {i}", answers={"reached": "yes", "issue_agreement": "4"},
            callback_at=utcnow() + timedelta(days=1) if outcome == "callback" else None,
            follow_up=FollowUpInput(f"löfte {i}") if outcome == "conversation" else None,
            recruit=RecruitInput("Ny", f"Medlem{i}", True, "Jag vill bli medlem.")
            if outcome == "recruited" else None,
        )
        with db.transaction() as session:
            card = save_call(session, call).next.card  # type: ignore[union-attr]
    with db.transaction() as session:
        dnc.add_numbers(session, ["+46701740699", "+46313900699"], reason="file", source="test")
    with db.transaction() as session:
        group_id = session.scalars(select(TargetGroup.id).where(
            TargetGroup.campaign_id == campaign_id)).first()
        assert group_id is not None
        session.add(AnonymousAnswerCount(
            campaign_id=campaign_id, target_group_id=group_id,
            day=date(2026, 11, 30), question_key="reached", value='"yes"', count=1))
    _fill_packs(db, campaign_id)
    _fill_organising(db, campaign_id)
    with tempfile.TemporaryDirectory() as folder:
        fill_review_tables(db, Path(folder))
    save_record(db, campaign_id, RecordFields(purpose="x"))


def _fill_organising(db: Database, campaign_id: int) -> None:
    """An evening with a sign-up, and a new member handed over (inbox_item)."""
    evening = add_evening(db, campaign_id, EveningInput(
        day=date(2026, 12, 3), starts=time(18), ends=time(20), groups=(PRACTICE_GROUP,)))
    sign_up(db, evening.id, "Kim")
    members = inbox(db, InboxFilter(campaign=campaign_id, kind=NEW_MEMBER))
    assert members, "the filled campaign has a new member in the inbox"
    mark_done(db, members[0].id, by="Organisatören")


def _fill_packs(db: Database, campaign_id: int) -> None:
    """A calling pack made, called on a laptop, returned and merged (pack tables, call.pack_id)."""
    from app.services.demo import PRACTICE_NAME
    from app.services.packs.create import create_pack
    from app.services.packs.laptop import open_pack, return_pack
    from app.services.packs.merge import merge_results
    from tests.packs_helpers import CODE, call_on_laptop, laptop

    with tempfile.TemporaryDirectory() as folder:
        pack = Path(folder) / "pack.ringkvall"
        create_pack(db, campaign=PRACTICE_NAME, volunteer="Ann", size=2, out=pack, code=CODE)
        with laptop(Path(folder) / "ann"):
            opened = open_pack(pack, CODE)
            call_on_laptop(opened.path, campaign_id, "Ann", ["refused"])
            back = return_pack(pack, CODE, Path(folder) / "back.ringkvall").path
        merge_results(db, back, CODE)


def _counts(conn: Connection) -> dict[str, int]:
    return {
        table: int(conn.execute(text(f'SELECT count(*) FROM "{table}"')).scalar_one())
        for table in inspect(conn).get_table_names() if table != "alembic_version"
    }


def _broken_references(db: Database) -> list[tuple[object, ...]]:
    """Rows referring to rows that do not exist. SQLite's migrations run with foreign keys
    off, so they are looked for; PostgreSQL keeps its constraints on during a migration."""
    path = db.location.sqlite_path
    if path is None:
        return []
    con = sqlite3.connect(path)
    try:
        return con.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        con.close()


def _sqlite_foreign_keys(conn: Connection) -> int | None:
    """SQLite's foreign-key switch on this connection (None on PostgreSQL, which has none)."""
    if conn.dialect.name != "sqlite":
        return None
    return int(conn.exec_driver_sql("PRAGMA foreign_keys").scalar_one())


def _revisions() -> list[str]:
    from alembic.script import ScriptDirectory

    walk = ScriptDirectory.from_config(migrate.alembic_config()).walk_revisions()
    return [script.revision for script in reversed(list(walk))]  # oldest first


def _migrate(db: Database, revision: str, *, down: bool) -> dict[str, int]:
    """Migrate on a connection of the app's engine (foreign keys on, as the app runs)."""
    sqlite = db.location.sqlite_path is not None
    with db.engine.execution_options(**{WRITE_OPTION: True}).connect() as conn:
        assert _sqlite_foreign_keys(conn) == (1 if sqlite else None)
        conn.rollback()
        if down:
            migrate.downgrade(conn, revision)
        else:
            migrate.upgrade(conn, revision)
        # The connection goes back to the pool with its foreign keys on again.
        assert _sqlite_foreign_keys(conn) == (1 if sqlite else None)
        assert migrate.current_revision(conn) == revision
        counts = _counts(conn)
        conn.rollback()
    return counts


def test_down_to_the_first_revision_and_back_up_keeps_every_row(db_url: str) -> None:
    db = open_database(db_url)
    try:
        _fill(db)
        with db.engine.connect() as conn:
            start = _counts(conn)
        empty = sorted(table for table, n in start.items() if n == 0)
        assert empty == [], f"the test data leaves tables empty: {empty}"
        assert start["contact"] > 300 and start["answer"] >= 2 * len(OUTCOMES)

        revisions = _revisions()
        assert revisions[-1] == HEAD
        steps = [(rev, True) for rev in reversed(revisions[:-1])]  # HEAD-1 ... 0001
        steps += [(rev, False) for rev in revisions[1:]]  # 0002 ... HEAD
        before = start
        for revision, down in steps:
            after = _migrate(db, revision, down=down)
            both = set(before) & set(after)
            assert {t: after[t] for t in both} == {t: before[t] for t in both}, revision
            assert _broken_references(db) == [], revision
            before = after
        assert set(before) == set(start)
        # The totals are counted again by 0003; a downgrade past 0004 and later drops the
        # tables those revisions add (packs, privacy, organising, record, review).
        recreated = {"call_tally", "pack", "pack_assignment", "pack_merge",
                     "anonymous_answer_count", "calling_evening", "calling_evening_group",
                     "evening_signup", "inbox_item", "call_version", "local_plan",
                     "district_plan", "processing_record"}
        assert {t: n for t, n in before.items() if t not in recreated} == {
            t: n for t, n in start.items() if t not in recreated}
    finally:
        db.close()


@pytest.mark.sqlite_only("SQLite's foreign keys off during migrations and foreign_key_check")
def test_a_migration_that_would_break_references_is_rolled_back(db_path: Path) -> None:
    db = open_database(str(db_path))
    try:
        _fill(db)
        with db.engine.connect() as conn:
            start = _counts(conn)
        # A migration step that loses the parent rows: the check after it finds the children
        # pointing at nothing, and the whole transaction is rolled back.
        with (db.engine.execution_options(**{WRITE_OPTION: True}).connect() as conn,
              pytest.raises(migrate.MigrationError, match="call"),
              migrate.migration_transaction(conn)):
            conn.exec_driver_sql('DELETE FROM "call"')
        with db.engine.connect() as conn:
            assert _counts(conn) == start
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        db.close()


def test_two_schema_versions_are_refused_with_a_clear_message(db_url: str) -> None:
    db = open_database(db_url)
    try:
        with db.engine.begin() as conn:
            conn.execute(text("INSERT INTO alembic_version (version_num) VALUES ('0002')"))
    finally:
        db.close()
    with pytest.raises(UserError) as raised:
        open_database(db_url)
    message = str(raised.value)
    # The database named as the user gave it: the file's path, or the server's URL.
    assert db_url in message and f"0002, {HEAD}" in message and "\n" not in message
