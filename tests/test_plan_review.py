"""The district's review of local plans: three associations export their plans from their
own databases, the district reads them into its database, reviews them and writes answers,
and each association reads its answer back in. Bad files change nothing."""

from __future__ import annotations

import json
import zipfile
from datetime import date, time
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from app.cli.main import main
from app.db.database import Database
from app.services.organising.evenings import EveningGoals, EveningInput, add_evening, sign_up
from app.services.organising.plan_workbook import read_plan
from app.services.organising.plans import district_plans, local_plan
from app.services.volunteers import get_or_create_volunteer
from tests.review_helpers import ASSOCIATIONS
from tests.review_helpers import association_db as _association_db


def test_a_district_review_round_trip_of_three_plans(
        db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    associations = [_association_db(tmp_path, i) for i in range(3)]
    try:
        # The first association has planned an evening with a sign-up.
        first = associations[0]
        evening = add_evening(first, "Höst i Åby", EveningInput(
            day=date(2026, 10, 22), starts=time(18), ends=time(20, 30),
            link="https://meet.example.org/ring", groups=("Unga väljare",),
            goals=EveningGoals(calls=60, conversations=15, recruits=2)))
        with first.transaction() as session:
            get_or_create_volunteer(session, "Kim")
        sign_up(first, evening.id, "Kim")
        files = []
        for i, adb in enumerate(associations):
            out = tmp_path / f"plan{i}.xlsx"
            url = adb.location.url.render_as_string(hide_password=False)
            assert main(["--db", url, "plan", "export", "--campaign", ASSOCIATIONS[i][1],
                         "-o", str(out)]) == 0
            files.append(out)
        capsys.readouterr()
        plan = read_plan(files[0])
        assert (plan.association, plan.deadline) == ("S-föreningen Åby", date(2026, 10, 20))
        assert [(g.name, g.size) for g in plan.groups] == [("Unga väljare", 4)]
        assert [(e.day, e.starts, e.ends, e.signups, e.goal_calls) for e in plan.evenings] == [
            ("2026-10-22", "18:00", "20:30", 1, 60)]
        # The workbook: visible sheets for people, the hidden meta sheet for the app; a
        # campaign name that looks like a formula stays text.
        wb = load_workbook(files[2])
        assert wb["meta"].sheet_state == "hidden"
        assert {r[0]: r[1] for r in wb["meta"].iter_rows(values_only=True)}[
            "format_version"] == 1
        assert wb["Lokal plan"]["B3"].value == "=Centrum 2026"
        assert wb["Lokal plan"]["B3"].data_type == "s"

        district = db.location.url.render_as_string(hide_password=False)
        assert main(["--db", district, "plan", "review", *map(str, files), "--json"]) == 0
        received = json.loads(capsys.readouterr().out)
        assert received["answers"] == []
        # Sorted by deadline: Berga (5 Oct), Centrum (12 Oct), Åby (20 Oct).
        assert [p.association for p in district_plans(db)] == [
            "S-föreningen Berga", "S-föreningen Centrum", "S-föreningen Åby"]
        assert {p.status for p in district_plans(db)} == {"received"}

        answers = tmp_path / "svar"
        answers.mkdir()
        assert main(["--db", district, "plan", "review", str(files[0]), str(files[2]),
                     "--status", "approved", "--comment", "Bra plan!", "--out-dir",
                     str(answers), "--json"]) == 0
        approved = json.loads(capsys.readouterr().out)
        assert main(["--db", district, "plan", "review", str(files[1]),
                     "--status", "needs-changes", "--comment", "Fler målgrupper, tack",
                     "--deadline", "2026-10-30", "--out-dir", str(answers), "--json"]) == 0
        changes = json.loads(capsys.readouterr().out)
        overview = {p.association: p for p in district_plans(db)}
        assert overview["S-föreningen Åby"].status == "approved"
        assert overview["S-föreningen Berga"].status == "needs_changes"
        assert overview["S-föreningen Berga"].comment == "Fler målgrupper, tack"
        # Berga was given more time: now the last.
        assert [p.association for p in district_plans(db)][-1] == "S-föreningen Berga"

        for i, answer in ((0, approved["answers"][0]), (2, approved["answers"][1]),
                          (1, changes["answers"][0])):
            url = associations[i].location.url.render_as_string(hide_password=False)
            assert main(["--db", url, "plan", "import", answer]) == 0
        out = capsys.readouterr().out
        assert "needs-changes" in out and "Fler målgrupper, tack" in out
        with associations[1].session() as session:
            from app.services.campaigns import get_campaign
            berga_id = get_campaign(session, "Berga ringer").id
        berga = local_plan(associations[1], berga_id)
        assert (berga.status, berga.comment) == ("needs_changes", "Fler målgrupper, tack")
        assert berga.reviewed_at is not None

        # An answer meant for another association is refused there and changes nothing.
        assert main(["--db", associations[1].location.url.render_as_string(
            hide_password=False), "plan", "import", approved["answers"][0]]) == 2
        assert "did not export" in capsys.readouterr().err
        assert local_plan(associations[1], berga_id).status == "needs_changes"

        # Berga sends a new plan: it is received again, the comment stays for reference.
        out = tmp_path / "plan1-ny.xlsx"
        with associations[1].transaction() as session:
            campaign = get_campaign(session, "Berga ringer")
            campaign.local_message = "Skolan och biblioteket"
        assert main(["--db", associations[1].location.url.render_as_string(
            hide_password=False), "plan", "export", "--campaign", "Berga ringer",
            "-o", str(out)]) == 0
        assert main(["--db", district, "plan", "review", str(out)]) == 0
        berga_district = {p.association: p for p in district_plans(db)}["S-föreningen Berga"]
        assert berga_district.status == "received"
        assert berga_district.content.local_message == "Skolan och biblioteket"
        assert len(district_plans(db)) == 3
    finally:
        for adb in associations:
            adb.close()


def test_bad_files_give_one_line_and_change_nothing(
        db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    association = _association_db(tmp_path, 0)
    good = tmp_path / "plan.xlsx"
    url = association.location.url.render_as_string(hide_password=False)
    assert main(["--db", url, "plan", "export", "--campaign", "Höst i Åby", "-o",
                 str(good)]) == 0
    association.close()
    not_xlsx = tmp_path / "anteckning.xlsx"
    not_xlsx.write_text("inte en arbetsbok", encoding="utf-8")
    other = tmp_path / "annan.xlsx"
    Workbook().save(other)
    newer = tmp_path / "nyare.xlsx"
    wb = load_workbook(good)
    for row in wb["meta"].iter_rows():
        if row[0].value == "format_version":
            row[1].value = 2
    wb.save(newer)
    damaged = tmp_path / "trasig.xlsx"
    wb = load_workbook(good)
    for row in wb["meta"].iter_rows():
        if str(row[0].value).startswith("plan:"):
            row[1].value = "{inte json"
    wb.save(damaged)
    truncated = tmp_path / "avklippt.xlsx"
    truncated.write_bytes(good.read_bytes()[:2000])
    district = db.location.url.render_as_string(hide_password=False)
    capsys.readouterr()
    for bad, message in (
        (not_xlsx, "is not an Excel workbook"), (other, "is not a local plan from Ringkväll"),
        (newer, "has format version 2; this Ringkväll reads version 1"),
        (damaged, "is damaged and cannot be read"), (truncated, "is not an Excel workbook"),
        (tmp_path / "saknas.xlsx", "no such file"),
    ):
        # With a good file first: all or nothing, the good one is not stored either.
        assert main(["--db", district, "plan", "review", str(good), str(bad)]) == 2
        err = capsys.readouterr().err
        assert message in err and len(err.strip().splitlines()) == 1, err
        assert district_plans(db) == []
    assert zipfile.is_zipfile(good)
    # A plan is not an answer, and an answer is not a plan.
    assert main(["--db", url, "plan", "import", str(good)]) == 2
    assert "is a local plan, not the district's answer" in capsys.readouterr().err
