"""Appending rows to a write-only openpyxl sheet: safe text, header styling, widths, filters.

Write-only sheets stream rows to disk, which keeps large exports fast and small in memory;
widths and frozen panes must therefore be set before the first row.

Every cell of every sheet an export or a roll-up writes (the hidden one too) goes through
`SheetWriter.cell_value`, directly (`append`) or as a styled cell (`styled`): text loses the
characters an .xlsx file cannot hold and is cut to Excel's limit, and text a spreadsheet
could read as a formula or an error value becomes a text cell with Excel's quote prefix.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from app.services.results.safe_text import xlsx_text
from app.services.results.spool import discard

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

__all__ = ["DATE_FORMAT", "ONE_DECIMAL", "PERCENT_FORMAT", "TIME_FORMAT", "SheetWriter",
           "discard"]

DATE_FORMAT = "yyyy-mm-dd"
TIME_FORMAT = "yyyy-mm-dd hh:mm"
PERCENT_FORMAT = "0.0%"
ONE_DECIMAL = "0.0"


class SheetWriter:
    def __init__(self, ws: WriteOnlyWorksheet) -> None:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font, PatternFill

        # Any: the openpyxl stubs lack column_dimensions, auto_filter and add_chart on
        # write-only sheets, which openpyxl copies over from Worksheet at runtime.
        self.ws: Any = ws
        self._cell = WriteOnlyCell
        self._bold = Font(bold=True)
        self._big = Font(bold=True, size=14)
        self._fill = PatternFill("solid", fgColor="DDE7F0")
        self.rows = 0
        self.max_cols = 0
        self.fast = False
        self._fast_checked = False

    def widths(self, widths: Sequence[float]) -> None:
        from openpyxl.utils import get_column_letter

        for index, width in enumerate(widths, 1):
            self.ws.column_dimensions[get_column_letter(index)].width = width

    def table_header(self, headers: Sequence[str], *, freeze: bool = True) -> None:
        """The header row of a table sheet: bold, shaded, frozen, filter added by finish()."""
        if freeze:
            self.ws.freeze_panes = "A2"
        self.append([self.styled(h, bold=True, fill=True) for h in headers])

    def finish_table(self, columns: int) -> None:
        """Put an AutoFilter on the header row over every written row."""
        from openpyxl.utils import get_column_letter

        if columns:
            self.ws.auto_filter.ref = f"A1:{get_column_letter(columns)}{max(self.rows, 1)}"

    def styled(self, value: Any, *, bold: bool = False, big: bool = False, fill: bool = False,
               fmt: str | None = None) -> Any:
        if isinstance(value, str):
            cell = self._text_cell(*xlsx_text(value))
        else:
            cell = self._cell(self.ws, value=value)
        if big:
            cell.font = self._big
        elif bold:
            cell.font = self._bold
        if fill:
            cell.fill = self._fill
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
        cell = self._cell(self.ws)
        cell.value = text  # sets data_type: "f" for "=...", "e" for "#N/A", else "s"
        cell.data_type = "s"  # text, never a formula or an error, whatever it starts with
        if mark:
            cell.quotePrefix = True  # Excel keeps it text even when the cell is edited
        return cell

    def append(self, values: Iterable[Any]) -> None:
        if not self._fast_checked:
            # After widths and panes are set: the first row starts the sheet's stream.
            self._fast_checked = True
            from app.services.results.fast_rows import install

            self.fast = install(self.ws)
        row = [self.cell_value(v) for v in values]
        self.ws.append(row)
        self.rows += 1
        self.max_cols = max(self.max_cols, len(row))

    def blank(self) -> None:
        self.append([])
