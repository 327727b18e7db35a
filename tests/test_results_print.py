"""The workbook as the district reads and prints it: widths, formats, panes, filters, print
setup and charts, checked by reading every export level back with openpyxl."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter

from app.db.database import Database
from app.services.results import Privacy, ReportFilter, export_xlsx
from app.services.results.meta import SHEET
from app.services.results.print_setup import column_cm
from app.services.results.sheet_writer import SAMPLE_ROWS, SheetWriter
from tests.results_helpers import D1, NOW, build_campaign

HEADER_FILL = "DDE7F0"
LIST_SHEETS = {"sv": ["Samtal", "Nya medlemmar", "Uppföljning", "Svar", "Ringare"],
               "en": ["Calls", "New members", "Follow-ups", "Answers", "Volunteers"]}
SUMMARY = {"sv": "Sammanfattning", "en": "Summary"}
LEVELS = [(Privacy.DISTRICT, "sv"), (Privacy.AGGREGATE, "sv"), (Privacy.FULL, "sv"),
          (Privacy.DISTRICT, "en")]


@pytest.fixture
def campaign(db: Database) -> int:
    return build_campaign(db).campaign_id


def export(db: Database, campaign_id: int, folder: Path, privacy: Privacy, language: str,
           flt: ReportFilter | None = None) -> Path:
    target = folder / f"{privacy.value}-{language}.xlsx"
    with db.session() as session:
        export_xlsx(session, campaign_id, target, privacy=privacy, language=language,
                    now=NOW, flt=flt)
    return target


def width(ws: Any, column: int) -> float:
    dim = ws.column_dimensions.get(get_column_letter(column))
    return float(dim.width) if dim is not None and dim.width else 8.43


def is_header(cell: Any) -> bool:
    return cell.fill is not None and str(cell.fill.fgColor.rgb).endswith(HEADER_FILL)


def table_columns(ws: Any) -> int:
    """The widest table of the sheet: its header cells are the shaded ones."""
    return max((c.column for row in ws.iter_rows() for c in row
                if c.value is not None and is_header(c)), default=ws.max_column)


@pytest.mark.parametrize(("privacy", "language"), LEVELS)
def test_every_header_fits_or_wraps(db: Database, campaign: int, tmp_path: Path,
                                    privacy: Privacy, language: str) -> None:
    wb = load_workbook(export(db, campaign, tmp_path, privacy, language))
    headers = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if not (isinstance(cell.value, str) and is_header(cell)):
                    continue
                headers += 1
                fits = width(ws, cell.column) >= len(cell.value)
                assert fits or cell.alignment.wrap_text, (ws.title, cell.coordinate, cell.value)
                if cell.alignment.wrap_text:
                    # No word of a wrapped header is cut in two.
                    longest = max(len(word) for word in cell.value.split())
                    assert width(ws, cell.column) >= longest, (ws.title, cell.coordinate)
    assert headers >= 20


@pytest.mark.parametrize(("privacy", "language"), LEVELS)
def test_dates_and_numbers_are_formatted_and_shown(db: Database, campaign: int,
                                                   tmp_path: Path, privacy: Privacy,
                                                   language: str) -> None:
    wb = load_workbook(export(db, campaign, tmp_path, privacy, language))
    dates = 0
    for ws in wb.worksheets:
        if ws.title == SHEET:
            continue
        for row in ws.iter_rows():
            for cell in row:
                value = cell.value
                if isinstance(value, datetime | date):
                    dates += 1
                    assert cell.is_date, (ws.title, cell.coordinate)
                    fmt = cell.number_format
                    # Swedish: year-month-day, hours and minutes on the 24-hour clock.
                    assert fmt in ("yyyy-mm-dd", "yyyy-mm-dd hh:mm"), (ws.title, fmt)
                    shown = len("2026-11-13 12:00") if "hh" in fmt else len("2026-11-13")
                    # Wide enough not to show ### (digits are one width unit each).
                    assert width(ws, cell.column) >= shown + 1, (ws.title, cell.coordinate)
                elif isinstance(value, int | float) and not isinstance(value, bool):
                    # Numbers keep Excel's right alignment: never left or centred.
                    assert cell.alignment.horizontal in (None, "general", "right"), (
                        ws.title, cell.coordinate)
    assert dates >= 3  # the period and the time of export, at least
    answers = wb[LIST_SHEETS[language][3]]
    # Headers over numbers stand right, over their figures; text headers stay left.
    assert [answers.cell(1, c).alignment.horizontal for c in range(1, 6)] == [
        None, None, "right", "right", "right"]


@pytest.mark.parametrize(("privacy", "language"), LEVELS)
def test_list_sheets_have_frozen_header_and_filter(db: Database, campaign: int,
                                                   tmp_path: Path, privacy: Privacy,
                                                   language: str) -> None:
    wb = load_workbook(export(db, campaign, tmp_path, privacy, language))
    lists = [ws for ws in wb.worksheets if ws.sheet_state == "visible" and is_header(ws["A1"])]
    names = {ws.title for ws in lists}
    if privacy is Privacy.AGGREGATE:
        assert names == {LIST_SHEETS[language][3]}  # the others hold one line: left out
    else:
        assert names == set(LIST_SHEETS[language])
    for ws in lists:
        assert ws.freeze_panes == "A2", ws.title
        columns = table_columns(ws)
        assert ws.auto_filter.ref == f"A1:{get_column_letter(columns)}{max(ws.max_row, 1)}"
    share = [c for row in wb[LIST_SHEETS[language][3]].iter_rows(min_row=2, min_col=4,
                                                                   max_col=4)
             for c in row if c.value is not None]
    assert share and all(c.number_format.endswith("%") for c in share)


@pytest.mark.parametrize(("privacy", "language"), LEVELS)
def test_every_sheet_prints_one_page_wide_with_header_rows(
        db: Database, campaign: int, tmp_path: Path, privacy: Privacy, language: str) -> None:
    wb = load_workbook(export(db, campaign, tmp_path, privacy, language))
    level = {"sv": {"district": "distrikt", "aggregate": "bara siffror",
                    "full": "fullständig"},
             "en": {"district": "district", "aggregate": "aggregate", "full": "full"}}
    exported = NOW.astimezone().strftime("%Y-%m-%d %H:%M")
    for ws in wb.worksheets:
        assert ws.print_area, ws.title
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0, ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert ws.print_title_rows == "$1:$1", ws.title
        assert ws.page_setup.paperSize == 9, ws.title  # A4
        assert ws.oddHeader.left.text == "Höstkampanj"
        assert level[language][privacy.value] in ws.oddHeader.right.text
        assert exported in ws.oddFooter.left.text  # the export's clock, not today
        assert "&P" in ws.oddFooter.right.text and "&N" in ws.oddFooter.right.text
        # The print area takes in every column the sheet's tables use.
        last = ws.print_area.split(":")[-1].replace("$", "")
        last_column = "".join(ch for ch in last if ch.isalpha())
        assert last_column >= get_column_letter(table_columns(ws)) or len(last_column) > 1
    summary = wb[SUMMARY[language]]
    assert summary.page_setup.orientation == "landscape"  # 17 columns of figures


@pytest.mark.parametrize(("privacy", "language"), LEVELS)
def test_charts_below_the_tables_within_their_columns(db: Database, campaign: int,
                                                      tmp_path: Path, privacy: Privacy,
                                                      language: str) -> None:
    wb = load_workbook(export(db, campaign, tmp_path, privacy, language))
    charts = 0
    for ws in wb.worksheets:
        columns = table_columns(ws)
        right_edge = sum(column_cm(width(ws, c)) for c in range(1, columns + 1))
        last_row = max((c.row for row in ws.iter_rows() for c in row if c.value is not None),
                       default=1)
        area = ws.print_area.split(":")[-1].replace("$", "")
        area_rows = int("".join(ch for ch in area if ch.isdigit()))
        for chart in ws._charts:
            charts += 1
            start = chart.anchor._from
            chart_w = chart.anchor.ext.width / 360_000  # EMU to cm, as the file holds it
            chart_h = chart.anchor.ext.height / 360_000
            assert chart_w >= 8 and chart_h >= 6, (ws.title, chart_w, chart_h)
            assert start.col + 1 <= columns, (ws.title, start.col)
            left = sum(column_cm(width(ws, c)) for c in range(1, start.col + 1))
            assert left + chart_w <= right_edge + 0.01, (ws.title, left, chart_w)
            assert start.row + 1 > last_row, (ws.title, start.row)  # below every table
            rows_tall = chart_h / (15 / 72 * 2.54)
            assert start.row + rows_tall <= area_rows, (ws.title, "chart outside print area")
    assert charts == 2


def chart_text(title: Any) -> str:
    return "".join(run.t for p in title.tx.rich.p for run in (p.r or []))


@pytest.mark.parametrize("language", ["sv", "en"])
def test_charts_have_titles_axes_and_legends_in_the_language(
        db: Database, campaign: int, tmp_path: Path, language: str) -> None:
    wb = load_workbook(export(db, campaign, tmp_path, Privacy.AGGREGATE, language))
    bar, line = wb[SUMMARY[language]]._charts
    expected = {"sv": ("Nådda, samtal och nya medlemmar per målgrupp", "Målgrupp",
                       "Antal personer", "Samtal per dag", "Dag", "Antal"),
                "en": ("Reached, conversations and new members per target group",
                       "Target group", "People", "Calls per day", "Day", "Number")}[language]
    assert (chart_text(bar.title), chart_text(bar.x_axis.title),
            chart_text(bar.y_axis.title)) == expected[:3]
    assert (chart_text(line.title), chart_text(line.x_axis.title),
            chart_text(line.y_axis.title)) == expected[3:]
    for chart in (bar, line):
        assert chart.legend is not None and chart.legend.position == "b"
        assert chart.x_axis.delete is False and chart.y_axis.delete is False


def test_one_day_of_calls_still_draws_its_points(db: Database, campaign: int,
                                                 tmp_path: Path) -> None:
    """A line needs two points; a campaign of one evening gets markers on its one point."""
    path = export(db, campaign, tmp_path, Privacy.AGGREGATE, "sv",
                  ReportFilter(first_day=D1, last_day=D1))
    ws = load_workbook(path)["Sammanfattning"]
    days = [r for r in ws.iter_rows(values_only=True) if isinstance(r[0], datetime)]
    assert [d[0].date() for d in days] == [D1]
    line = ws._charts[1]
    assert len(line.series) == 3
    for series in line.series:
        assert series.marker is not None and series.marker.symbol == "circle"
        assert ":" not in series.val.numRef.f.split("!")[1]  # one cell: one day's figure


def test_fitted_sheet_sizes_columns_for_rows_after_the_sample(tmp_path: Path) -> None:
    """A long sheet streams after its first rows; values announced with `expect` (the
    largest pseudonym, every outcome) size its columns although they come later."""
    wb = Workbook(write_only=True)
    writer = SheetWriter(wb.create_sheet("Blad"), fit=True)
    writer.expect(1, ["Kontakt 123456789"])
    writer.table_header(["Tid", "Kontakt", "Anmäld till möte"], numeric=())
    for n in range(SAMPLE_ROWS * 2 + 7):
        writer.append([datetime(2026, 11, 10, 18, n % 60), f"Kontakt {n}", "Ja"])
    writer.finish_table(3)
    assert writer.fast  # the fast path still writes the streamed rows
    path = tmp_path / "blad.xlsx"
    wb.save(path)
    ws = load_workbook(path)["Blad"]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(rows) == SAMPLE_ROWS * 2 + 7
    assert rows[-1][1] == f"Kontakt {SAMPLE_ROWS * 2 + 6}"
    assert width(ws, 2) >= len("Kontakt 123456789")
    assert width(ws, 1) >= len("2026-11-10 18:00") + 1
    assert ws["A900"].number_format == "yyyy-mm-dd hh:mm"
    assert ws["C1"].alignment.wrap_text
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == f"A1:C{SAMPLE_ROWS * 2 + 8}"


def test_district_rollup_prints_like_the_exports(db: Database, tmp_path: Path) -> None:
    from app.services.results import write_rollup

    first = build_campaign(db).campaign_id
    second = build_campaign(db, "Vårkampanj", "S-föreningen Grannby").campaign_id
    files = [export(db, cid, tmp_path / str(cid), Privacy.DISTRICT, "sv")
             for cid in (first, second) if (tmp_path / str(cid)).mkdir() is None]
    target = tmp_path / "distrikt.xlsx"
    write_rollup(files, target, now=NOW)
    wb = load_workbook(target)
    for ws in wb.worksheets:
        assert ws.print_area and ws.print_title_rows == "$1:$1", ws.title
        assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.oddHeader.left.text == "Distrikt"
    assert wb["Distrikt"].page_setup.orientation == "landscape"
