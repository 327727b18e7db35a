"""Answers without a name: with the campaign's switch on, no answer row points at a call or a
person, and the figures, the dashboard's report and the aggregate export count exactly what
they count with the switch off. Undo takes back what the save counted."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, inspect, select

from app.db.database import Database
from app.db.models import AnonymousAnswerCount, Answer, Call, Campaign
from app.errors import UserError
from app.services.calling import CallInput, next_contact, save_call, undo_last_call
from app.services.privacy import anonymous_answers
from app.services.results import Privacy, ReportFilter, build_report, export_xlsx
from app.services.scripts import import_script, install_builtin_scripts
from app.services.scripts.storage import export_source
from tests.calling_helpers import make_campaign, volunteer_id

T0 = datetime(2026, 11, 10, 18, 0, tzinfo=UTC)
NOW = datetime(2026, 11, 13, 12, 0, tzinfo=UTC)
OPINION = "Anna Andersson på Storgatan 3 tycker att bussen ska gå oftare"
TEXT_QUESTION = """    question:
      kind: text
      key: issue_opinion
"""
CHOICE_QUESTION = """    question:
      kind: single
      key: issue_opinion
      options:
        - value: more_buses
          label: Fler bussar
        - value: fine_as_is
          label: Bra som det är
"""


class Setup:
    def __init__(self, db: Database, name: str, anonymous: bool, first_number: int) -> None:
        with db.transaction() as s:
            row = make_campaign(s, name, contacts=8, first_number=first_number,
                                created=T0 - timedelta(days=1))
            install_builtin_scripts(s, row)
            assert row.script_id is not None
            self.campaign_id, self.v1 = row.id, row.script_id
            anonymous_answers.set_anonymous_answers(s, row.id, anonymous)
        self.volunteer = volunteer_id(db, "Kim Exempel")
        self.minute = 0
        self.v2 = 0

    def call(self, db: Database, script_id: int, answers: Mapping[str, object],
             day: int = 0, outcome: str = "conversation") -> int:
        self.minute += 5
        now = T0 + timedelta(days=day, minutes=self.minute)
        with db.transaction() as s:
            card = next_contact(s, campaign_id=self.campaign_id, volunteer_id=self.volunteer,
                                claim_minutes=20, now=now).card
            assert card is not None
            return save_call(s, CallInput(
                contact_id=card.contact_id, claim_token=card.claim_token, outcome=outcome,
                volunteer_id=self.volunteer, phone_number_id=card.phones[0].id,
                started_at=now - timedelta(minutes=3), ended_at=now, answers=answers,
                script_id=script_id), show_next=False, now=now).call_id

    def version_2(self, db: Database) -> None:
        with db.transaction() as s:
            source = export_source(s, self.v1)
            row = s.get_one(Campaign, self.campaign_id)
            stored = import_script(s, row, source.replace(TEXT_QUESTION, CHOICE_QUESTION),
                                   "v2.yaml", activate=True)
            self.v2 = stored.id


def _evening(db: Database, name: str, anonymous: bool, first_number: int) -> Setup:
    """The same calls in either campaign: free text under version 1, a choice under 2, over
    two days."""
    setup = Setup(db, name, anonymous, first_number)
    setup.call(db, setup.v1, {"reached": "yes", "has_time": "yes", "issue_opinion": OPINION,
                              "issue_agreement": "4"})
    setup.call(db, setup.v1, {"reached": "yes", "has_time": "no"}, outcome="refused")
    setup.call(db, setup.v1, {"reached": "yes", "issue_agreement": "4"})
    setup.version_2(db)
    setup.call(db, setup.v2, {"reached": "yes", "has_time": "yes",
                              "issue_opinion": "more_buses", "issue_agreement": "5"}, day=1)
    setup.call(db, setup.v2, {"reached": "yes", "issue_opinion": "fine_as_is"}, day=1)
    setup.call(db, setup.v2, {}, day=1, outcome="no_answer")
    return setup


def _questions(db: Database, campaign_id: int, flt: ReportFilter | None = None) -> object:
    with db.session() as s:
        return [q.as_dict() for q in build_report(s, campaign_id, flt, now=NOW).questions]


def _answer_sheet(db: Database, campaign_id: int, path: Path) -> list[tuple[object, ...]]:
    with db.session() as s:
        export_xlsx(s, campaign_id, path, privacy=Privacy.AGGREGATE, now=NOW)
    return list(load_workbook(path)["Svar"].iter_rows(values_only=True))


def test_the_same_counts_with_the_switch_on_and_off(db: Database, tmp_path: Path) -> None:
    off = _evening(db, "Med namn", False, 0)
    on = _evening(db, "Utan namn", True, 20)
    with db.session() as s:
        # Nothing in the anonymous campaign points from an answer to a call or a person.
        on_calls = select(Call.id).where(Call.campaign_id == on.campaign_id)
        assert s.scalar(select(func.count()).select_from(Answer)
                        .where(Answer.call_id.in_(on_calls))) == 0
        assert s.scalar(select(func.count()).select_from(Answer)) > 0  # the other one has
        columns = {c["name"] for c in inspect(s.connection()).get_columns(
            "anonymous_answer_count")}
        assert not columns & {"call_id", "contact_id", "phone_number_id", "volunteer_id"}
        stored = list(s.scalars(select(AnonymousAnswerCount.value)))
        assert stored and not any("Storgatan" in v for v in stored)  # words never kept
    assert _questions(db, on.campaign_id) == _questions(db, off.campaign_id)
    agreement = {q["key"]: q for q in _questions(db, on.campaign_id)}["issue_agreement"]  # type: ignore[index, union-attr]
    assert agreement["options"]["4"] == 2 and agreement["options"]["5"] == 1
    day_2 = ReportFilter(first_day=(T0 + timedelta(days=1)).date(),
                         last_day=(T0 + timedelta(days=1)).date())
    assert _questions(db, on.campaign_id, day_2) == _questions(db, off.campaign_id, day_2)
    assert _answer_sheet(db, on.campaign_id, tmp_path / "on.xlsx") == _answer_sheet(
        db, off.campaign_id, tmp_path / "off.xlsx")


def test_undo_takes_back_what_the_save_counted(db: Database) -> None:
    on = Setup(db, "Utan namn", True, 0)
    on.call(db, on.v1, {"reached": "yes", "issue_agreement": "4"})
    before = _questions(db, on.campaign_id)
    on.call(db, on.v1, {"reached": "yes", "issue_agreement": "2", "issue_opinion": OPINION})
    assert _questions(db, on.campaign_id) != before
    with db.transaction() as s:
        undone = undo_last_call(s, volunteer_id=on.volunteer, since=T0, now=NOW)
    assert undone is not None
    assert undone.answers == {"reached": "yes", "issue_agreement": "2"}  # the words: never kept
    assert _questions(db, on.campaign_id) == before


def test_undo_in_another_process_is_refused(db: Database) -> None:
    on = Setup(db, "Utan namn", True, 0)
    call_id = on.call(db, on.v1, {"reached": "yes", "issue_agreement": "4"})
    anonymous_answers._SAVED.clear()  # as after a restart
    with pytest.raises(UserError, match="without a name"), db.transaction() as s:
        undo_last_call(s, volunteer_id=on.volunteer, since=T0, now=NOW)
    with db.session() as s:
        assert s.get(Call, call_id) is not None
    # A call that counted no answers can still be undone.
    on.call(db, on.v1, {}, outcome="no_answer")
    with db.transaction() as s:
        assert undo_last_call(s, volunteer_id=on.volunteer, since=T0, now=NOW) is not None


def _dashboard_answers(qtbot: object, ui_ctx: object, campaign_id: int) -> list[list[str]]:
    """The dashboard's answers table, as the organiser sees it."""
    from pytestqt.qtbot import QtBot

    from tests.privacy_helpers import dispose
    from ui.context import UiContext
    from ui.main_window import MainWindow
    from ui.results import entry

    assert isinstance(qtbot, QtBot) and isinstance(ui_ctx, UiContext)
    window = MainWindow(ui_ctx)
    window.show()
    ui_ctx.campaign_id = campaign_id
    page = entry.open_dashboard(window)
    assert page is not None
    qtbot.waitUntil(lambda: page.report is not None, timeout=10_000)
    model = page.answers_table.figures
    rows = [[model.item(r, c).text() if model.item(r, c) is not None else ""
             for c in range(model.columnCount())] for r in range(model.rowCount())]
    dispose(window)
    return rows


def test_the_dashboard_shows_the_same_answers(qtbot: object, ui_ctx: object) -> None:
    from ui.context import UiContext

    assert isinstance(ui_ctx, UiContext)
    off = _evening(ui_ctx.db, "Med namn", False, 0)
    on = _evening(ui_ctx.db, "Utan namn", True, 20)
    shown = _dashboard_answers(qtbot, ui_ctx, on.campaign_id)
    assert any(row[2] == "2" for row in shown)  # issue_agreement 4: twice
    assert shown == _dashboard_answers(qtbot, ui_ctx, off.campaign_id)
