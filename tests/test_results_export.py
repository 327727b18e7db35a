"""The Excel export: layout, values and types, hidden metadata, charts, Cancel."""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.db.database import Database
from app.errors import Cancelled
from app.progress import CancelAfter
from app.services.results import Privacy, export_xlsx
from app.services.results.meta import FORMAT_VERSION, SHEET, parse_meta
from tests.results_helpers import EXPECTED, INJECTION, NOW, build_campaign

SV_SHEETS = ["Sammanfattning", "Samtal", "Nya medlemmar", "Uppföljning", "Svar", "Ringare",
             SHEET]
EN_SHEETS = ["Summary", "Calls", "New members", "Follow-ups", "Answers", "Volunteers", SHEET]


def export(db: Database, tmp_path: Path, privacy: Privacy = Privacy.DISTRICT,
           language: str = "sv") -> Path:
    known = build_campaign(db)
    target = tmp_path / f"export-{privacy.value}-{language}.xlsx"
    with db.session() as session:
        result = export_xlsx(session, known.campaign_id, target, privacy=privacy,
                             language=language, now=NOW)
    assert result.path == target and target.is_file()
    return target


def header(ws: object) -> list[object]:
    return [c.value for c in next(ws.iter_rows(min_row=1, max_row=1))]  # type: ignore[attr-defined]


def test_sheets_in_order_with_hidden_metadata(db: Database, tmp_path: Path) -> None:
    wb = load_workbook(export(db, tmp_path))
    assert wb.sheetnames == SV_SHEETS
    assert wb[SHEET].sheet_state == "hidden"
    assert all(wb[name].sheet_state == "visible" for name in SV_SHEETS[:-1])
    meta = parse_meta(wb[SHEET].iter_rows(values_only=True))
    assert meta.format_version == FORMAT_VERSION
    assert (meta.kind, meta.campaign, meta.privacy, meta.language) == (
        "export", "Höstkampanj", "district", "sv")
    assert meta.association == "S-föreningen Exempelstad"
    assert meta.exported_at == NOW.isoformat(timespec="seconds")
    assert meta.app_version
    groups = dict(meta.groups)
    assert set(groups) == {"Centrum", "Norr"}
    assert groups["Centrum"].calls + groups["Norr"].calls == EXPECTED["calls"]
    assert groups["Norr"].outcomes["wrong_number"] == 1


def test_english_export_has_english_sheet_names(db: Database, tmp_path: Path) -> None:
    wb = load_workbook(export(db, tmp_path, language="en"))
    assert wb.sheetnames == EN_SHEETS
    assert header(wb["Calls"])[:4] == ["Time", "Volunteer", "Target group", "Contact"]


def test_summary_figures_and_charts(db: Database, tmp_path: Path) -> None:
    path = export(db, tmp_path)
    wb = load_workbook(path)
    ws = wb["Sammanfattning"]
    assert ws["A3"].value == "Kampanj" and ws["B3"].value == "Höstkampanj"
    assert ws["B5"].value == datetime(2026, 11, 10) and ws["B5"].is_date
    assert ws["B6"].value == "Kvällsbussarna i stadsdelen"
    head = [c.value for c in ws[11]]
    assert head[:8] == ["Målgrupp", "Kontakter", "Försökta", "Samtal", "Nådda",
                        "Genomförda samtal", "Nya medlemmar", "Uppföljningar"]
    rows = {ws.cell(r, 1).value: [ws.cell(r, c).value for c in range(2, 13)]
            for r in range(12, 15)}
    assert rows["Centrum"] == [6, 5, 7, 5, 2, 1, 1, 1, 1, 0, 2]
    assert rows["Norr"] == [4, 4, 4, 2, 2, 1, 1, 1, 0, 1, 1]
    assert rows["Totalt"] == [EXPECTED[k] for k in (
        "contacts", "tried", "calls", "reached", "conversations", "recruited", "follow_ups",
        "meeting_signups", "do_not_call", "wrong_numbers", "still_to_call")]
    reached_rate = ws.cell(14, 13)
    assert reached_rate.value == pytest.approx(7 / 9) and "%" in reached_rate.number_format
    assert isinstance(ws.cell(14, 2).value, int)
    # The charts are Excel's own: chart parts in the file, a bar and a line chart.
    with zipfile.ZipFile(path) as zf:
        charts = [n for n in zf.namelist() if n.startswith("xl/charts/chart")]
        kinds = "".join(zf.read(n).decode() for n in charts)
    assert len(charts) == 2
    assert "barChart" in kinds and "lineChart" in kinds


def test_calls_sheet_rows_types_and_filter(db: Database, tmp_path: Path) -> None:
    wb = load_workbook(export(db, tmp_path))
    ws = wb["Samtal"]
    assert header(ws) == ["Tid", "Ringare", "Målgrupp", "Kontakt", "Utfall", "Samtalstid (s)",
                          "Anmäld till möte", "Manus", "amnen", "betyg", "stod_fragan"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:K12"
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 11
    first = rows[0]
    assert isinstance(first[0], datetime) and ws["A2"].is_date
    assert first[4] == "Svarar inte" and first[5] is None
    recruited = rows[1]
    assert recruited[4] == "Blev medlem" and recruited[5] == 600
    assert recruited[7] == "lokal_fraga v2"
    assert recruited[9] == 5 and recruited[10] == "yes"
    conversation = rows[4]
    assert conversation[8] == "buss, skola" and conversation[6] == "Ja"
    # Contacts are pseudonyms, the same person keeps one: a1 first called in row 1 and 5.
    assert rows[0][3] == rows[4][3] == "Kontakt 1"
    assert {r[1] for r in rows} == {"Ringare 1", "Ringare 2", "Ringare 3"}


def test_recruits_follow_ups_answers_and_volunteers(db: Database, tmp_path: Path) -> None:
    wb = load_workbook(export(db, tmp_path))
    recruits = list(wb["Nya medlemmar"].iter_rows(min_row=2, values_only=True))
    assert [(r[2], r[3]) for r in recruits] == [("Bertil", "Berg"), ("Ida", "Ivarsson")]
    assert recruits[0][5] == "070-174 06 06" and recruits[0][10] == "Ja"
    assert recruits[0][12] == "Jag vill bli medlem." and isinstance(recruits[0][13], datetime)
    assert recruits[0][9] == 1980
    follow = list(wb["Uppföljning"].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[1], r[3], r[4]) for r in follow] == [
        ("Anna Andersson", "070-174 06 05", "Skicka inbjudan till mötet", "Bo Ringare"),
        ("Hugo Holm", "08-465 004 02", "Ring upp om skolan", "Alva Ringsson"),
    ]
    assert isinstance(follow[0][5], datetime) and follow[0][6] is None
    answers = list(wb["Svar"].iter_rows(min_row=2, values_only=True))
    counted = {(r[0], r[1]): r[2] for r in answers}
    assert counted[("stod_fragan", "yes")] == 3 and counted[("stod_fragan", "no")] == 1
    assert counted[("amnen", "skola")] == 2
    assert counted[("kommentar", "(fritext)")] == 1
    means = {r[0]: r[4] for r in answers if r[4] is not None}
    assert means == {"betyg": pytest.approx(3.75)}
    volunteers = list(wb["Ringare"].iter_rows(min_row=2, values_only=True))
    assert sorted(r[1] for r in volunteers) == [3, 3, 5]
    assert all(str(r[0]).startswith("Ringare ") for r in volunteers)
    for name in ("Nya medlemmar", "Uppföljning", "Svar", "Ringare"):
        assert wb[name].freeze_panes == "A2" and wb[name].auto_filter.ref


def test_full_level_writes_formula_like_names_as_text(db: Database, tmp_path: Path) -> None:
    path = export(db, tmp_path, Privacy.FULL)
    wb = load_workbook(path)
    ws = wb["Samtal"]
    cells = [c for row in ws.iter_rows(min_row=2) for c in row
             if isinstance(c.value, str) and c.value.startswith("=HYPERLINK")]
    assert len(cells) == 1
    assert cells[0].value == f"{INJECTION} Injektionsson"
    assert cells[0].data_type == "s"
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if name.startswith("xl/worksheets/"):
                assert "<f>" not in zf.read(name).decode(), name


def test_cancel_leaves_no_file_and_keeps_the_old_one(db: Database, tmp_path: Path) -> None:
    known = build_campaign(db)
    target = tmp_path / "export.xlsx"
    target.write_bytes(b"previous export")
    with db.session() as session, pytest.raises(Cancelled):
        export_xlsx(session, known.campaign_id, target, progress=CancelAfter(1), now=NOW)
    assert target.read_bytes() == b"previous export"
    database_files = (["ringkvall.sqlite", "ringkvall.sqlite-shm", "ringkvall.sqlite-wal"]
                      if db.location.sqlite_path is not None else [])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.xlsx", *database_files]
