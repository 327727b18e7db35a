"""The fast row writer produces what openpyxl itself would: same values, same types."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook, load_workbook

from app.services.results.fast_rows import install
from app.services.results.sheet_writer import SheetWriter

ROWS: list[list[object]] = [
    ["plain", "  padded  ", "a & b < c > d", "åäö ÅÄÖ – “quotes”", "line\nbreak", ""],
    [0, -7, 3.25, 1e-9, True, False],
    [datetime(2026, 11, 10, 18, 30, 5), date(2026, 11, 10), None, "=SUM(A1:A2)", "+46701740605",
     "@cmd"],
    ['=HYPERLINK("http://x","y")', "-1", "\tTab", None, None, 12345678901234],
]


def write(path: Path, fast: bool) -> None:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Blad")
    if fast:
        assert install(ws)
        for row in ROWS:
            ws.append(row)
    else:
        writer = SheetWriter(ws)
        writer._fast_checked = True  # the ordinary openpyxl path, formula protection on
        for row in ROWS:
            writer.append(row)
    wb.save(path)


def test_fast_rows_read_back_like_openpyxl_rows(tmp_path: Path) -> None:
    fast, slow = tmp_path / "fast.xlsx", tmp_path / "slow.xlsx"
    write(fast, True)
    write(slow, False)
    a = load_workbook(fast)["Blad"]
    b = load_workbook(slow)["Blad"]
    for row_a, row_b in zip(a.iter_rows(), b.iter_rows(), strict=True):
        for cell_a, cell_b in zip(row_a, row_b, strict=True):
            assert cell_a.value == cell_b.value, cell_a.coordinate
            if cell_a.value is not None:  # an empty cell's type means nothing
                assert cell_a.data_type == cell_b.data_type, cell_a.coordinate
            assert cell_a.is_date == cell_b.is_date, cell_a.coordinate
    assert a["A1"].value == "plain" and a["B1"].value == "  padded  "
    assert a["A3"].value == datetime(2026, 11, 10, 18, 30, 5) and a["A3"].is_date
    formulas = [c for row in a.iter_rows() for c in row if c.data_type == "f"]
    assert formulas == []
    assert a["D3"].value == "=SUM(A1:A2)" and a["D3"].data_type == "s"


def test_styled_rows_still_go_through_openpyxl(tmp_path: Path) -> None:
    wb = Workbook(write_only=True)
    writer = SheetWriter(wb.create_sheet("Blad"))
    writer.table_header(["Rubrik", "Andel"])
    writer.append(["rad", writer.styled(0.25, fmt="0.0%")])
    writer.finish_table(2)
    assert writer.fast
    path = tmp_path / "styled.xlsx"
    wb.save(path)
    ws = load_workbook(path)["Blad"]
    assert ws["A1"].font.bold and ws["B2"].number_format == "0.0%"
    assert ws["B2"].value == 0.25 and ws.freeze_panes == "A2"
