"""Appending rows to a write-only openpyxl sheet: safe text, header styling, widths, filters.

Write-only sheets stream rows to disk, which keeps large exports fast and small in memory;
widths and frozen panes must therefore be set before the first row. A writer made with
`fit=True` holds back its first rows (`SAMPLE_ROWS`) and sizes every column to the longest of
its header and those values (plus any `expect`ed values, for what comes later), with a cap;
then it streams. Header cells wrap, so a long header never widens a column past the cap.

Every cell of every sheet an export or a roll-up writes (the hidden one too) goes through
`SheetWriter.cell_value`, directly (`append`) or as a styled cell (`styled`): text loses the
characters an .xlsx file cannot hold and is cut to Excel's limit, and text a spreadsheet
could read as a formula or an error value becomes a text cell with Excel's quote prefix.

Every writer registers itself on its sheet (`writer_of`), so the print setup applied at the
end (`print_setup.py`) knows each sheet's extent, whoever wrote it.
"""

from __future__ import annotations

import math
import weakref
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from app.services.results.safe_text import xlsx_text
from app.services.results.spool import discard

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

__all__ = ["DATE_FORMAT", "ONE_DECIMAL", "PERCENT_FORMAT", "TIME_FORMAT", "SheetWriter",
           "discard", "writer_of"]

# Swedish (ISO 8601) dates and times, what Swedish Excel and LibreOffice show by default.
DATE_FORMAT = "yyyy-mm-dd"
TIME_FORMAT = "yyyy-mm-dd hh:mm"
PERCENT_FORMAT = "0.0%"
ONE_DECIMAL = "0.0"

SAMPLE_ROWS = 500  # rows measured before a fitted sheet starts streaming
MAX_WIDTH = 50.0  # characters; longer text overflows or is cut on screen, never the column
MIN_WIDTH = 6.0
HEADER_LINE = 10  # a header up to this long keeps to one line when its values are narrower
ROW_POINTS = 15.0  # Excel's default row height (Calibri 11)
# Display widths of the formats, in characters (Excel's width unit is one digit).
_FORMAT_CHARS = {DATE_FORMAT: 10, TIME_FORMAT: 16}

_writers: weakref.WeakKeyDictionary[Any, SheetWriter] = weakref.WeakKeyDictionary()


def writer_of(ws: Any) -> SheetWriter | None:
    """The writer that filled this sheet, if it was one of ours."""
    return _writers.get(ws)


class SheetWriter:
    def __init__(self, ws: WriteOnlyWorksheet, *, fit: bool = False) -> None:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Alignment, Font, PatternFill
        from openpyxl.worksheet.properties import PageSetupProperties

        # Any: the openpyxl stubs lack column_dimensions, auto_filter and add_chart on
        # write-only sheets, which openpyxl copies over from Worksheet at runtime.
        self.ws: Any = ws
        self._cell = WriteOnlyCell
        self._bold = Font(bold=True)
        self._big = Font(bold=True, size=14)
        self._fill = PatternFill("solid", fgColor="DDE7F0")
        self._wrap = Alignment(wrap_text=True, vertical="bottom")
        self._wrap_right = Alignment(wrap_text=True, vertical="bottom", horizontal="right")
        self.rows = 0
        self.max_cols = 0
        self.fast = False
        self._fast_checked = False
        self._cells_made = 0  # styled or marked cells made for this sheet so far
        self._cells_seen = 0  # ... of which the rows appended so far held
        # Fit to the page's width: a sheet property, written with the sheet's first row.
        sheet: Any = ws
        sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        self.fit = fit
        self._pending: list[list[Any]] | None = [] if fit else None
        self._measure: list[bool] = []
        self._fixed: dict[int, float] = {}  # 1-based column -> width set by the caller
        self._expected: dict[int, list[Any]] = {}
        self.header_rows: list[int] = []  # 1-based rows holding a table's header
        self.table_ends: list[tuple[int, int]] = []  # (last row, columns) of each table
        self.extra_rows = 0  # rows below the last written one that charts cover
        self.charts_start: int | None = None  # the first row of the charts, if any
        self.column_widths: dict[int, float] = {}
        _writers[ws] = self

    def widths(self, widths: Sequence[float]) -> None:
        """Fixed widths (a fitted sheet sizes the other columns itself)."""
        for index, width in enumerate(widths, 1):
            self._fixed[index] = width
        if not self.fit:
            self._set_widths(self._fixed)

    def expect(self, column: int, values: Iterable[Any]) -> None:
        """Values that may come in column `column` (0-based) after the measured rows."""
        self._expected.setdefault(column, []).extend(values)

    def table_header(self, headers: Sequence[str], *, freeze: bool = True,
                     numeric: Iterable[int] = ()) -> None:
        """The header row of a table: bold, shaded, wrapping, frozen (at row 1).

        `numeric`: 0-based columns holding numbers, whose header is right-aligned over them.
        """
        if freeze and self.rows == 0:
            self.ws.freeze_panes = "A2"
        right = set(numeric)
        self.header_rows.append(self.rows + 1)
        self.append([self.styled(h, bold=True, fill=True, wrap=True, right=i in right)
                     for i, h in enumerate(headers)])

    def finish_table(self, columns: int) -> None:
        """Put an AutoFilter on the header row over every written row."""
        from openpyxl.utils import get_column_letter

        self.table_ends.append((self.rows, columns))
        if columns:
            self.ws.auto_filter.ref = f"A1:{get_column_letter(columns)}{max(self.rows, 1)}"
        self.flush()

    def styled(self, value: Any, *, bold: bool = False, big: bool = False, fill: bool = False,
               fmt: str | None = None, wrap: bool = False, right: bool = False) -> Any:
        if isinstance(value, str):
            cell = self._text_cell(*xlsx_text(value))
        else:
            self._cells_made += 1
            cell = self._cell(self.ws, value=value)
        if big:
            cell.font = self._big
        elif bold:
            cell.font = self._bold
        if fill:
            cell.fill = self._fill
        if wrap:
            cell.alignment = self._wrap_right if right else self._wrap
        if fmt is not None:
            cell.number_format = fmt
        elif isinstance(value, datetime):
            cell.number_format = TIME_FORMAT
        elif isinstance(value, date):
            cell.number_format = DATE_FORMAT
        return cell

    def cell_value(self, value: Any) -> Any:
        """The one gate for every value written: text made safe, anything else as it is."""
        if not isinstance(value, str):
            return value
        text, mark = xlsx_text(value)
        return self._text_cell(text, True) if mark else text

    def _text_cell(self, text: str, mark: bool) -> Any:
        self._cells_made += 1
        cell = self._cell(self.ws)
        cell.value = text  # sets data_type: "f" for "=...", "e" for "#N/A", else "s"
        cell.data_type = "s"  # text, never a formula or an error, whatever it starts with
        if mark:
            cell.quotePrefix = True  # Excel keeps it text even when the cell is edited
        return cell

    def append(self, values: Iterable[Any], *, measure: bool = True) -> None:
        """Add a row. `measure=False`: its text may run over into empty neighbours (titles,
        a campaign's facts) and does not widen columns; its dates and numbers still do."""
        row = [self.cell_value(v) for v in values]
        if self._cells_made != self._cells_seen:
            # A row with styled cells goes through openpyxl: give its plain dates our format.
            # (Cells made since the last row are in this one: counting them is cheaper than
            # looking at every value of every row.)
            row = [self.styled(v) if isinstance(v, date) else v for v in row]
            self._cells_seen = self._cells_made
        self.rows += 1
        self.max_cols = max(self.max_cols, len(row))
        if self._pending is not None:
            self._pending.append(row)
            self._measure.append(measure)
            if len(self._pending) >= SAMPLE_ROWS:
                self.flush()
            return
        self._write(row)

    def _write(self, row: list[Any]) -> None:
        if not self._fast_checked:
            # After widths and panes are set: the first row starts the sheet's stream.
            self._fast_checked = True
            from app.services.results.fast_rows import install

            self.fast = install(self.ws)
        self.ws.append(row)

    def blank(self) -> None:
        self.append([])

    def flush(self) -> None:
        """Size the columns from the rows held back, then stream them (fitted sheets)."""
        pending = self._pending
        if pending is None:
            return
        self._pending = None
        widths = self._fitted_widths(pending)
        self._set_widths(widths)
        self._header_heights(pending, widths)
        for row in pending:
            self._write(row)
        self._measure = []

    def _fitted_widths(self, rows: list[list[Any]]) -> dict[int, float]:
        widths: dict[int, float] = {}
        header_rows = {r - 1 for r in self.header_rows}
        for index, row in enumerate(rows):
            measured = self._measure[index]
            for column, value in enumerate(row, 1):
                if index in header_rows:
                    width = _header_width(_plain(value))
                else:
                    width = _value_width(value, text=measured)
                if width > widths.get(column, 0.0):
                    widths[column] = width
        for column0, values in self._expected.items():
            for value in values:
                width = _value_width(value, text=True)
                if width > widths.get(column0 + 1, 0.0):
                    widths[column0 + 1] = width
        fitted = {c: min(MAX_WIDTH, max(MIN_WIDTH, w)) for c, w in widths.items() if w}
        fitted.update(self._fixed)
        return fitted

    def _set_widths(self, widths: dict[int, float]) -> None:
        from openpyxl.utils import get_column_letter

        for column, width in sorted(widths.items()):
            self.ws.column_dimensions[get_column_letter(column)].width = round(width, 1)
            self.column_widths[column] = width

    def _header_heights(self, rows: list[list[Any]], widths: dict[int, float]) -> None:
        """A wrapping header row is as tall as its most wrapped cell (Excel does not grow
        rows by itself when it opens a file)."""
        for header_row in self.header_rows:
            if header_row > len(rows):
                continue
            lines = 1
            for column, value in enumerate(rows[header_row - 1], 1):
                text = _plain(value)
                if isinstance(text, str) and text:
                    lines = max(lines, wrapped_lines(text, widths.get(column, 8.43)))
            if lines > 1:
                self.ws.row_dimensions[header_row].height = ROW_POINTS * lines + 2


def _plain(value: Any) -> Any:
    return value.value if hasattr(value, "data_type") else value


def _text_chars(text: str) -> float:
    # Bold letters run a little wider than the digits Excel's width unit is measured in.
    return max((len(line) for line in text.split("\n")), default=0) * 1.05


def _header_width(value: Any) -> float:
    """Room for a header's longest word, and for all of it when it is short."""
    if not isinstance(value, str) or not value:
        return 0.0
    longest_word = max((len(word) for word in value.split()), default=0)
    whole = len(value) if len(value) <= HEADER_LINE else 0
    return max(longest_word, whole) * 1.05 + 1.5


def _value_width(value: Any, *, text: bool) -> float:
    fmt = getattr(value, "number_format", None)
    value = _plain(value)
    if value is None or isinstance(value, bool):
        return 0.0 if value is None else 5.0
    if isinstance(value, str):
        return _text_chars(value) + 1.5 if text else 0.0
    if isinstance(value, datetime):
        return _FORMAT_CHARS.get(fmt or TIME_FORMAT, 19) + 2.5
    if isinstance(value, date):
        return _FORMAT_CHARS.get(fmt or DATE_FORMAT, 10) + 2.5
    if isinstance(value, int):
        return len(str(value)) + 2.5
    if isinstance(value, float):
        if fmt and "%" in fmt:
            return len(f"{value * 100:.1f}%") + 2.5
        return len(f"{value:.2f}") + 2.5
    return len(str(value)) + 2


def wrapped_lines(text: str, width: float) -> int:
    """How many lines a wrapping cell of this width shows the text on (word by word)."""
    room = max(1.0, (width - 1.5) / 1.05)
    lines = 0
    for paragraph in text.split("\n"):
        used = 0
        lines += 1
        for word in paragraph.split():
            if used and used + 1 + len(word) > room:
                lines += 1
                used = len(word)
            else:
                used += (1 if used else 0) + len(word)
        lines += max(0, math.ceil(used / room) - 1) if used > room else 0
    return lines
