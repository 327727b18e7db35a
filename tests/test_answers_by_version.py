"""Answers are checked and exported by the script version they were given under.

Version 1 of the built-in script asks `issue_opinion` as free text; version 2 (imported here)
asks it as a single choice. The free text of the version-1 calls must never appear below the
full level: not in any cell of any sheet, not in the CSV, not in `stats` (service, text and
JSON). The version-2 choice is counted everywhere.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.db.database import Database
from app.db.models import Answer, Call, Campaign, Contact
from app.errors import UserError
from app.services.calling import CallInput, next_contact, save_call
from app.services.results import Privacy, build_report, export_csv, export_xlsx
from app.services.scripts import import_script, install_builtin_scripts
from app.services.scripts.storage import export_source
from tests.calling_helpers import make_campaign, volunteer_id
from tests.conftest import ROOT
from tests.results_helpers import sheets_containing, workbook_texts
from ui.context import UiContext

CAMPAIGN = "Busskampanj"
OPINION = "Anna Andersson på Storgatan 3 tycker att bussen ska gå oftare"
OPINION_2 = "Bertil Berg på Kyrkvägen 7 vill ha en nattbuss till Tensta"
# Fragments that would betray either text even when cut or joined with others.
SECRETS = (OPINION, OPINION_2, "Storgatan 3", "Kyrkvägen 7", "Anna Andersson", "nattbuss")
T0 = datetime(2026, 11, 10, 18, 0, tzinfo=UTC)
NOW = datetime(2026, 11, 13, 12, 0, tzinfo=UTC)
QUESTION = "Fråga vad personen tycker"  # the step title: the question's label
OPTION = "Fler bussar"  # the label of version 2's option "more_buses"

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
PARK_SCRIPT = """key: park_sv
name: Samtal om parken
language: sv
steps:
  - id: topics
    title: Vilka frågor är viktiga?
    text: Vilka frågor är viktigast för dig?
    question:
      kind: multiple
      key: topics
      options:
        - value: buss
          label: Bussarna
        - value: skola
          label: Skolan
        - value: park
          label: Parken
    next: bye
  - id: bye
    title: Tacka
    text: Tack för att du tog dig tid!
"""


class Setup:
    def __init__(self, campaign_id: int, volunteer: int, v1: int) -> None:
        self.campaign_id = campaign_id
        self.volunteer = volunteer
        self.v1 = v1
        self.v2 = 0
        self.minute = 0


def campaign(db: Database) -> Setup:
    """A campaign on the built-in script (version 1), open for calls at T0."""
    with db.transaction() as s:
        row = make_campaign(s, CAMPAIGN, contacts=6, created=T0 - timedelta(days=1))
        install_builtin_scripts(s, row)
        assert row.script_id is not None
        setup = Setup(row.id, 0, row.script_id)
    setup.volunteer = volunteer_id(db, "Kim Exempel")
    return setup


def call(db: Database, setup: Setup, script_id: int | None, answers: Mapping[str, object],
         outcome: str = "conversation") -> int:
    """Claim the next person and save one call through `save_call`, as the screen does."""
    setup.minute += 5
    now = T0 + timedelta(minutes=setup.minute)
    with db.transaction() as s:
        card = next_contact(s, campaign_id=setup.campaign_id, volunteer_id=setup.volunteer,
                            claim_minutes=20, now=now).card
        assert card is not None
        result = save_call(s, CallInput(
            contact_id=card.contact_id, claim_token=card.claim_token, outcome=outcome,
            volunteer_id=setup.volunteer, phone_number_id=card.phones[0].id,
            started_at=now - timedelta(minutes=3), ended_at=now, answers=answers,
            script_id=script_id), show_next=False, now=now)
    return result.call_id


def import_version_2(db: Database, setup: Setup) -> None:
    with db.transaction() as s:
        source = export_source(s, setup.v1)
        assert TEXT_QUESTION in source
        row = s.get(Campaign, setup.campaign_id)
        assert row is not None
        stored = import_script(s, row, source.replace(TEXT_QUESTION, CHOICE_QUESTION),
                               "local_issue_v2.yaml", activate=True)
        assert stored.valid and stored.version == 2
        setup.v2 = stored.id


def two_versions(db: Database) -> Setup:
    setup = campaign(db)
    call(db, setup, setup.v1, {"reached": "yes", "has_time": "yes", "issue_opinion": OPINION,
                               "issue_agreement": "4"})
    call(db, setup, setup.v1, {"reached": "yes", "has_time": "yes",
                               "issue_opinion": OPINION_2})
    import_version_2(db, setup)
    call(db, setup, setup.v2, {"reached": "yes", "has_time": "yes",
                               "issue_opinion": "more_buses", "issue_agreement": "5"})
    return setup


def assert_no_secrets(where: str, texts: dict[str, list[str]]) -> None:
    for secret in SECRETS:
        assert sheets_containing(texts, secret) == set(), (where, secret)


def run_cli(db: Database, tmp_path: Path, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if k != "RINGKVALL_DB"}
    env["RINGKVALL_HOME"] = str(tmp_path / "cli-home")
    result = subprocess.run(
        [sys.executable, "-m", "ui", "--db", db.location.url.render_as_string(hide_password=False),
         *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_free_text_of_an_earlier_version_appears_nowhere_below_full(
        db: Database, tmp_path: Path) -> None:
    setup = two_versions(db)
    paths = {level: tmp_path / f"{level.value}.xlsx" for level in Privacy}
    csv_path = tmp_path / "samtal.csv"
    with db.session() as s:
        for level, path in paths.items():
            export_xlsx(s, setup.campaign_id, path, privacy=level, now=NOW)
        export_csv(s, setup.campaign_id, csv_path, privacy=Privacy.DISTRICT)

    for level in (Privacy.DISTRICT, Privacy.AGGREGATE):
        texts = workbook_texts(paths[level])
        assert_no_secrets(level.value, texts)
        answers = list(load_workbook(paths[level])["Svar"].iter_rows(min_row=2,
                                                                      values_only=True))
        counted = {(r[0], r[1]): r[2] for r in answers}
        assert counted[(QUESTION, OPTION)] == 1, level
        assert counted[(QUESTION, "Bra som det är")] == 0, level
        # The two version-1 answers were free text: counted in a row of their own, so the
        # shares add up to the whole (1 option of 3 answers, 2 free texts of 3).
        assert counted[(QUESTION, "(fritext)")] == 2, level
        shares = {r[1]: r[3] for r in answers if r[0] == QUESTION}
        assert shares[OPTION] == pytest.approx(1 / 3)
        assert shares["(fritext)"] == pytest.approx(2 / 3)
        # The question's rows: its options (and at most a row counting the free texts).
        assert {r[1] for r in answers if r[0] == QUESTION} - {"(fritext)"} == {
            OPTION, "Bra som det är"}

    # District: the question has a column (it is a choice now); the earlier calls' cells
    # stay empty, the version-2 call shows its option.
    ws = load_workbook(paths[Privacy.DISTRICT])["Samtal"]
    header = [c.value for c in ws[1]]
    column = header.index(QUESTION)
    cells = [row[column] for row in ws.iter_rows(min_row=2, values_only=True)]
    assert cells == [None, None, OPTION]
    scripts = [row[header.index("Manus")] for row in ws.iter_rows(min_row=2, values_only=True)]
    assert scripts == ["local_issue_sv v1", "local_issue_sv v1", "local_issue_sv v2"]

    csv_text = csv_path.read_text(encoding="utf-8-sig")
    for secret in SECRETS:
        assert secret not in csv_text, secret
    assert OPTION in csv_text and QUESTION in csv_text

    # The full level still holds what was said: the search above would have found it.
    full = workbook_texts(paths[Privacy.FULL])
    assert sheets_containing(full, OPINION) == {"Samtal"}
    assert sheets_containing(full, OPINION_2) == {"Samtal"}


def test_stats_count_the_choice_and_only_the_number_of_free_texts(
        db: Database, tmp_path: Path) -> None:
    setup = two_versions(db)
    with db.session() as s:
        report = build_report(s, setup.campaign_id, now=NOW)
    service = json.dumps(report.as_dict(), ensure_ascii=False, default=str)
    cli_json = run_cli(db, tmp_path, "stats", "--campaign", CAMPAIGN, "--json")
    cli_text = run_cli(db, tmp_path, "stats", "--campaign", CAMPAIGN)
    for output in (service, cli_json, cli_text):
        for secret in SECRETS:
            assert secret not in output, secret
    for data in (json.loads(service), json.loads(cli_json)):
        questions = {q["key"]: q for q in data["questions"]}
        opinion = questions["issue_opinion"]
        assert opinion["kind"] == "single"
        assert opinion["options"] == {"more_buses": 1, "fine_as_is": 0}
        assert opinion["answers"] == 3 and opinion["free_text"] == 2
        agreement = questions["issue_agreement"]
        assert agreement["answers"] == 2 and agreement["mean"] == pytest.approx(4.5)
        assert agreement["free_text"] == 0
    assert "issue_opinion: more_buses 1, fine_as_is 0, free text 2" in cli_text


def test_answers_that_fit_no_version_count_as_free_text(db: Database, tmp_path: Path) -> None:
    """Answers saved before they were checked: a key the version does not ask, a value that
    is not an option, a call without a script. Counted, never shown below full."""
    setup = two_versions(db)
    cid = call(db, setup, None, {"issue_opinion": OPINION})  # no script: shape only
    with db.transaction() as s:
        v1_call, v2_call = s.scalars(select(Call.id).where(Call.script_id.is_not(None))
                                     .order_by(Call.id)).all()[1:3]
        s.add_all([
            Answer(call_id=v1_call, question_key="kommentar", value=OPINION_2),
            Answer(call_id=v2_call, question_key="best_time", value=["Storgatan 3"]),
        ])
        # A value that is not one of version 2's options, under version 2.
        other = s.get(Call, v2_call)
        assert other is not None
        s.add(Call(campaign_id=other.campaign_id, target_group_id=other.target_group_id,
                   contact_id=other.contact_id, started_at=T0 + timedelta(hours=1),
                   ended_at=T0 + timedelta(hours=1, minutes=2), outcome="conversation",
                   script_id=setup.v2, answers=[Answer(question_key="issue_opinion",
                                                       value="Anna Andersson ringer själv")]))
    paths = {level: tmp_path / f"{level.value}.xlsx" for level in
             (Privacy.DISTRICT, Privacy.AGGREGATE)}
    csv_path = tmp_path / "samtal.csv"
    with db.session() as s:
        for level, path in paths.items():
            export_xlsx(s, setup.campaign_id, path, privacy=level, now=NOW)
        export_csv(s, setup.campaign_id, csv_path, privacy=Privacy.DISTRICT)
        report = build_report(s, setup.campaign_id, now=NOW)
    for level, path in paths.items():
        assert_no_secrets(level.value, workbook_texts(path))
    csv_text = csv_path.read_text(encoding="utf-8-sig")
    stats = json.dumps(report.as_dict(), ensure_ascii=False, default=str)
    for secret in SECRETS:
        assert secret not in csv_text and secret not in stats, secret
    questions = {q.key: q for q in report.questions}
    opinion = questions["issue_opinion"]
    assert opinion.answers == 5 and opinion.free_text == 4
    assert {o.value: o.count for o in opinion.options} == {"more_buses": 1, "fine_as_is": 0}
    assert questions["kommentar"].kind == "unknown" and questions["kommentar"].options == []
    assert questions["best_time"].free_text == 1 and questions["best_time"].options == []
    assert cid


# --- checked when saved -----------------------------------------------------------------------

def counts(db: Database) -> tuple[int, int, int]:
    with db.session() as s:
        return (s.scalar(select(func.count(Call.id))) or 0,
                s.scalar(select(func.count(Answer.id))) or 0,
                s.scalar(select(func.sum(Contact.attempts))) or 0)


@pytest.mark.parametrize(("answers", "needle"), [
    ({"reached": "yes", "kommentar": "Hej"}, "kommentar"),  # a key version 1 does not ask
    ({"has_time": "kanske"}, "has_time"),  # not one of the options
    ({"has_time": ["yes"]}, "not a list"),  # a list for a single choice
    ({"issue_agreement": "6"}, "issue_agreement"),  # off the 1-5 scale
    ({"meeting": True}, "meeting"),  # yes/no are the strings "yes" and "no"
    ({"issue_opinion": ["Storgatan 3"]}, "must be text"),  # free text is one string
    ({"issue_opinion": "x" * 2001}, "2001"),  # too long
])
def test_answers_that_do_not_fit_the_version_are_refused(
        db: Database, answers: dict[str, object], needle: str) -> None:
    setup = campaign(db)
    before = counts(db)
    with pytest.raises(UserError, match=needle):
        call(db, setup, setup.v1, answers)
    assert counts(db) == before  # nothing saved: no call, no answer, no attempt


def test_version_2_refuses_free_text_where_version_1_took_it(db: Database) -> None:
    setup = campaign(db)
    call(db, setup, setup.v1, {"issue_opinion": OPINION, "issue_agreement": "3"})
    import_version_2(db, setup)
    before = counts(db)
    with pytest.raises(UserError, match="issue_opinion") as raised:
        call(db, setup, setup.v2, {"issue_opinion": OPINION})
    assert "Storgatan" not in str(raised.value)  # what was said is not echoed to the log
    assert "more_buses" in str(raised.value)  # the options are named
    assert counts(db) == before
    call(db, setup, setup.v2, {"issue_opinion": "fine_as_is"})
    call(db, setup, setup.v1, {"issue_opinion": "x" * 2000})  # the old version, at the limit
    assert counts(db)[0] == before[0] + 2


def test_multiple_choice_takes_a_list_of_distinct_options(db: Database) -> None:
    setup = campaign(db)
    with db.transaction() as s:
        row = s.get(Campaign, setup.campaign_id)
        assert row is not None
        park = import_script(s, row, PARK_SCRIPT, "park.yaml").id
    before = counts(db)
    for bad, needle in ((["buss", "buss"], "more than once"), (["buss", "bio"], "options"),
                        ("buss", "list")):
        with pytest.raises(UserError, match=needle):
            call(db, setup, park, {"topics": bad})
    assert counts(db) == before
    call(db, setup, park, {"topics": ["buss", "park"]})
    call(db, setup, park, {"topics": []})  # nothing chosen
    with db.session() as s:
        stored = s.scalars(select(Answer.value).order_by(Answer.id)).all()
    assert stored == [["buss", "park"], []]


def test_calls_without_a_script_or_with_a_missing_one(db: Database) -> None:
    setup = campaign(db)
    before = counts(db)
    with pytest.raises(UserError, match="no script with id 999"):
        call(db, setup, 999, {"reached": "yes"})
    with pytest.raises(UserError, match="reached"):
        call(db, setup, None, {"reached": {"a": 1}})
    with pytest.raises(UserError, match="2001"):
        call(db, setup, None, {"reached": "x" * 2001})
    with pytest.raises(UserError, match="empty"):
        call(db, setup, None, {"": "yes"})
    assert counts(db) == before
    call(db, setup, None, {"reached": "yes", "topics": ["a", "b"]})
    call(db, setup, setup.v1, {})  # a call with a script need not answer anything
    assert counts(db)[:2] == (before[0] + 2, before[1] + 2)


def test_dashboard_counts_the_free_texts_beside_the_options(qtbot: QtBot,
                                                            ui_ctx: UiContext) -> None:
    from ui.main_window import MainWindow
    from ui.results import entry

    setup = two_versions(ui_ctx.db)
    window = MainWindow(ui_ctx)
    qtbot.addWidget(window)
    window.show()
    ui_ctx.campaign_id = setup.campaign_id
    page = entry.open_dashboard(window)
    assert page is not None
    qtbot.waitUntil(lambda: page.report is not None, timeout=10_000)
    model = page.answers_table.figures
    rows = [[model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())]
    opinion = {r[1]: str(r[2]) for r in rows if r[0] == QUESTION}
    assert opinion == {OPTION: "1", "Bra som det är": "0", "(fritext)": "2"}
    shown = " ".join(str(cell) for row in rows for cell in row)
    for secret in SECRETS:
        assert secret not in shown, secret
