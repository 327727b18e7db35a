"""The calling screen's team panel is live: another volunteer's save on the same database shows
up on this volunteer's screen without them doing anything, and reading it costs the same
however big the campaign is (the queries use the indexes).

Two volunteers on one database, on SQLite and on PostgreSQL: A's calling screen is open; B,
on another connection (another laptop), saves calls through the calling service.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from datetime import timedelta

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import event, text

from app.clock import utcnow
from app.db.database import Database, open_database
from app.services.calling import CallInput, Counts, Evening, FollowUpInput, begin_evening
from app.services.calling.steps import save_and_next, show_next
from app.services.calling.team import team_figures
from app.services.scripts import install_builtin_scripts
from tests.calling_helpers import make_campaign
from ui.calling.entry import _start
from ui.calling.screen import CallingScreen
from ui.context import UiContext
from ui.main_window import MainWindow

FAST_MS = 50  # the refresh interval in these tests (5 s in the app)


def _campaign(db: Database, contacts: int = 6) -> int:
    with db.transaction() as session:
        campaign = make_campaign(session, contacts=contacts, goal_conversations=10,
                                 goal_recruits=3)
        install_builtin_scripts(session, campaign)
        return campaign.id


@pytest.fixture
def other_laptop(db: Database) -> Iterator[Database]:
    """A second connection to the same database, as volunteer B's laptop has."""
    other = open_database(db.location)
    yield other
    other.close()


def _b_saves(db: Database, campaign_id: int, outcome: str) -> None:
    """Volunteer B takes the next person and saves a call, through the calling service."""
    with db.transaction() as session:
        evening: Evening = begin_evening(session, campaign_id, None, "Berit")
    step = show_next(db, evening, 20)
    assert step.next is not None and step.next.card is not None
    card = step.next.card
    call = CallInput(contact_id=card.contact_id, claim_token=card.claim_token, outcome=outcome,
                     volunteer_id=evening.volunteer_id, phone_number_id=card.phones[0].id,
                     started_at=utcnow() - timedelta(minutes=2),
                     follow_up=FollowUpInput("Skicka broschyren")
                     if outcome == "conversation" else None)
    save_and_next(db, evening, call, 20)


def _screen(qtbot: QtBot, ctx: UiContext, campaign_id: int) -> CallingScreen:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    _start(window, campaign_id, None, "Anna")
    qtbot.waitUntil(lambda: isinstance(window.pages.currentWidget(), CallingScreen),
                    timeout=10_000)
    screen = window.pages.currentWidget()
    assert isinstance(screen, CallingScreen)
    qtbot.waitUntil(lambda: screen.card is not None, timeout=10_000)
    return screen


def _team_calls(screen: CallingScreen) -> int:
    return int(screen.evening_panel.team.values[0].text())


def test_another_volunteers_save_shows_up_without_any_action(
        qtbot: QtBot, ui_ctx: UiContext, other_laptop: Database) -> None:
    campaign_id = _campaign(ui_ctx.db)
    screen = _screen(qtbot, ui_ctx, campaign_id)
    screen.live.set_interval(FAST_MS)
    assert screen.live.timer.isActive()
    assert _team_calls(screen) == 0
    before = screen.evening_panel.goal_conv.value()

    _b_saves(other_laptop, campaign_id, "conversation")

    qtbot.waitUntil(lambda: _team_calls(screen) == 1, timeout=10_000)
    panel = screen.evening_panel
    assert int(panel.team.values[1].text()) == 1  # a conversation
    assert int(panel.mine.values[0].text()) == 0  # A has not called anyone yet
    assert panel.goal_conv.value() == before + 1  # the campaign's goal moved too
    assert int(screen.empty_panel.team.values[0].text()) == 1
    screen.outcomes.select(None)
    screen.release()


def test_it_reads_only_while_on_view_and_one_read_at_a_time(
        qtbot: QtBot, ui_ctx: UiContext, other_laptop: Database) -> None:
    campaign_id = _campaign(ui_ctx.db)
    screen = _screen(qtbot, ui_ctx, campaign_id)
    live = screen.live
    live.set_interval(FAST_MS)
    qtbot.waitUntil(lambda: live.reads >= 2, timeout=10_000)

    # A read already on its way: the timer's next ticks do not start another.
    live.timer.stop()
    ui_ctx.runner.wait()
    qtbot.waitUntil(lambda: not live.in_flight, timeout=10_000)
    live.refresh()
    assert live.in_flight
    live.refresh()
    live.refresh()
    qtbot.waitUntil(lambda: not live.in_flight, timeout=10_000)
    reads = live.reads
    ui_ctx.runner.wait()
    qtbot.waitUntil(lambda: not ui_ctx.runner.busy, timeout=10_000)
    assert live.reads == reads  # the two extra calls started nothing

    # Off view (another page in the window): no timer, and a tick does nothing.
    screen.hide()
    assert not live.timer.isActive()
    live.refresh()
    assert not live.in_flight
    _b_saves(other_laptop, campaign_id, "no_answer")
    screen.show()
    assert live.timer.isActive()
    qtbot.waitUntil(lambda: _team_calls(screen) == 1, timeout=10_000)
    screen.outcomes.select(None)
    screen.release()


def test_a_late_read_does_not_overwrite_the_screens_own_newer_figures(
        qtbot: QtBot, ui_ctx: UiContext) -> None:
    campaign_id = _campaign(ui_ctx.db)
    screen = _screen(qtbot, ui_ctx, campaign_id)
    live = screen.live
    live.timer.stop()
    ui_ctx.runner.wait()
    qtbot.waitUntil(lambda: not live.in_flight, timeout=10_000)
    stale = team_figures(ui_ctx.db, screen.evening)
    newer = dataclasses.replace(stale, team=Counts(calls=7))
    shown = tuple(panel.shown for panel in (screen.evening_panel, screen.empty_panel))
    screen.evening_panel.show_stats(newer)  # the screen's own save, while the read ran
    live._arrived(stale, shown)
    assert _team_calls(screen) == 7
    screen.outcomes.select(None)
    screen.release()


def _statements(db: Database, evening: Evening) -> list[tuple[str, object]]:
    found: list[tuple[str, object]] = []

    def record(_conn: object, _cursor: object, statement: str, parameters: object,
               _context: object, _many: bool) -> None:
        found.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        team_figures(db, evening)
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
    return found


TABLES = "call|follow_up|campaign|call_tally|contact"


def test_the_reads_use_the_indexes(db: Database) -> None:
    """No statement of the live read scans the call table (or any other) from end to end."""
    campaign_id = _campaign(db, contacts=30)
    for outcome in ("conversation", "no_answer", "refused"):
        _b_saves(db, campaign_id, outcome)
    with db.transaction() as session:
        evening = begin_evening(session, campaign_id, None, "Anna")
    statements = [(statement, parameters) for statement, parameters in _statements(db, evening)
                  if statement.lstrip().upper().startswith("SELECT")]
    assert 1 <= len(statements) <= 6
    with db.engine.connect() as conn:
        if db.dialect == "postgresql":
            # A planner on tiny tables prefers scanning them; forbid that, then look whether
            # a plan without a sequential scan of call exists at all.
            conn.execute(text("SET enable_seqscan = off"))
        for statement, parameters in statements:
            if db.dialect == "sqlite":
                rows = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}",
                                            parameters).all()  # type: ignore[arg-type]
                plan = "\n".join(str(row[-1]) for row in rows)
                full_scans = [line for line in plan.splitlines()
                              if re.match(rf"SCAN ({TABLES})\b", line) and "USING" not in line]
            else:
                rows = conn.exec_driver_sql(f"EXPLAIN {statement}",
                                            parameters).all()  # type: ignore[arg-type]
                plan = "\n".join(str(row[0]) for row in rows)
                full_scans = [line for line in plan.splitlines()
                              if re.search(rf"Seq Scan on ({TABLES})\b", line)]
            assert not full_scans, f"{statement}\n{plan}"
            lowered = statement.lower()
            if "from call " in lowered or "join call " in lowered:
                # Tonight's calls: a range of (campaign or volunteer, saved_at).
                assert re.search(r"ix_call_(campaign|volunteer)_saved", plan), \
                    f"{statement}\n{plan}"
            elif "from call_tally" in lowered:
                assert re.search(r"PRIMARY KEY|pk_call_tally", plan), f"{statement}\n{plan}"
