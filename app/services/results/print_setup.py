"""Print setup for every sheet of a workbook, applied once at the end, whoever wrote the sheet.

Each sheet prints one page wide (as many pages down as it needs), in landscape when its
columns are wider than a portrait page, with its header row repeated on every page, a
header naming the campaign and the privacy level, and a footer with the page number and the
export's time (the export's own clock, so a file made again is the same file). The print
area covers the tables and the charts below them.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from app.services.results.labels import Labels
from app.services.results.safe_text import clean_xml
from app.services.results.sheet_writer import ROW_POINTS, writer_of

DEFAULT_WIDTH = 8.43  # Excel's column width when none is set
PORTRAIT_CM = 17.4  # A4 less Excel's default side margins (0.7 inch each)
LANDSCAPE_CM = (26.1, 17.0)  # A4 landscape's printable width and height (less header/footer)
PAPER_A4 = "9"  # the paper size code of A4 in SpreadsheetML
HEADER_TEXT = 80  # characters of a campaign's name in the page header (Excel allows 255 in all)


def column_cm(width: float) -> float:
    """A column's width on paper: Excel's pixels for a width in digits (Calibri 11)."""
    return int(width * 7 + 5) / 96 * 2.54


def apply_print_setup(wb: Any, *, campaign: str, privacy: str, exported_at: datetime,
                      labels: Labels) -> None:
    """Finish every sheet (writers still holding rows write them) and set it up to print.

    `privacy`: the level's label in the export's language; `exported_at`: aware.
    """
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties

    local = exported_at.astimezone().replace(tzinfo=None)
    left_head = _header_text(campaign)
    right_head = _header_text(labels["print.privacy"].format(level=privacy))
    left_foot = _header_text(labels["print.exported"].format(
        time=local.strftime("%Y-%m-%d %H:%M")))
    right_foot = _header_text(labels["print.page"]).replace(
        "{page}", "&P").replace("{pages}", "&N")
    for ws in wb.worksheets:
        writer = writer_of(ws)
        if writer is not None:
            writer.flush()
            rows = max(1, writer.rows + writer.extra_rows)
            columns = max([writer.max_cols, 1, *(c for _r, c in writer.table_ends)])
        else:
            # Not written through a SheetWriter (every export sheet is): a streamed sheet does
            # not know its size, so it prints whole instead of within a print area.
            rows = getattr(ws, "max_row", 0) or 0
            columns = max(1, getattr(ws, "max_column", 1) or 1)
        widths = _widths(ws, columns)
        wide = sum(column_cm(x) for x in widths) > PORTRAIT_CM
        if rows:
            ws.print_area = f"A1:{get_column_letter(columns)}{rows}"
        ws.print_title_rows = "1:1"
        setup = ws.page_setup
        setup.paperSize = PAPER_A4
        setup.orientation = "landscape" if wide else "portrait"
        setup.fitToWidth = 1
        setup.fitToHeight = 0  # as many pages down as it takes
        if ws.sheet_properties.pageSetUpPr is None:
            ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        else:
            ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.oddHeader.left.text = left_head
        ws.oddHeader.right.text = right_head
        ws.oddFooter.left.text = left_foot
        ws.oddFooter.right.text = right_foot
        if writer is not None and writer.charts_start is not None:
            _break_before_charts(ws, writer, widths, wide)


def _widths(ws: Any, columns: int) -> list[float]:
    from openpyxl.utils import get_column_letter

    widths = []
    for index in range(1, columns + 1):
        dim = ws.column_dimensions.get(get_column_letter(index))
        widths.append(dim.width if dim is not None and dim.width else DEFAULT_WIDTH)
    return widths


def _header_text(text: str) -> str:
    """Text from a campaign in a page header: no control codes, `&` as itself."""
    text = clean_xml(" ".join(text.split()))[:HEADER_TEXT]
    return text.replace("&", "&&")


def _break_before_charts(ws: Any, writer: Any, widths: Iterable[float], wide: bool) -> None:
    """The charts start a page of their own when the tables and charts together would not
    fit on one: a chart is never cut by a page break."""
    from openpyxl.worksheet.pagebreak import Break

    table_cm = sum(column_cm(x) for x in widths)
    page_w, page_h = LANDSCAPE_CM if wide else (PORTRAIT_CM, 25.0)
    scale = min(1.0, page_w / table_cm) if table_cm else 1.0
    row_cm = ROW_POINTS / 72 * 2.54
    tables_cm = (writer.charts_start - 1) * row_cm + 1.5  # and the wrapped header rows
    charts_cm = (writer.rows + writer.extra_rows - writer.charts_start + 1) * row_cm
    if (tables_cm + charts_cm) * scale > page_h:
        ws.row_breaks.append(Break(id=writer.charts_start - 1))
