"""Appending rows to a write-only openpyxl sheet: safe text, header styling, widths, filters.

Write-only sheets stream rows to disk, which keeps large exports fast and small in memory;
widths and frozen panes must therefore be set before the first row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from app.services.results.safe_text import clean_xml

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

_RISKY_FIRST = frozenset("=+-@")
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
        cell = self._cell(self.ws, value=self.safe_value(value))
        if isinstance(value, str) and _risky(cell.value):
            cell.data_type = "s"
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

    @staticmethod
    def safe_value(value: Any) -> Any:
        if isinstance(value, str):
            return clean_xml(value)
        return value

    def append(self, values: Iterable[Any]) -> None:
        if not self._fast_checked:
            # After widths and panes are set: the first row starts the sheet's stream.
            self._fast_checked = True
            from app.services.results.fast_rows import install

            self.fast = install(self.ws)
        if self.fast:
            row = [clean_xml(v) if isinstance(v, str) and v and min(v) < " " else v
                   for v in values]
        else:
            row = [self.protect(v) for v in values]
        self.ws.append(row)
        self.rows += 1
        self.max_cols = max(self.max_cols, len(row))

    def protect(self, value: Any) -> Any:
        """Strings that could be read as formulas become explicit text cells."""
        if not isinstance(value, str) or not value:
            return value
        first = value[0]
        if first in _RISKY_FIRST or first < " ":
            value = clean_xml(value)
            cell = self._cell(self.ws, value=value)
            cell.data_type = "s"  # text, never a formula, whatever it starts with
            return cell
        if "\x00" <= min(value) < " ":
            return clean_xml(value)
        return value

    def blank(self) -> None:
        self.append([])


def discard(wb: Any) -> None:
    """Close a write-only workbook's half-written sheets and delete their temporary files.

    Without this, Cancel leaves open streams that fail noisily when garbage-collected.
    """
    import contextlib
    import os

    for ws in wb.worksheets:
        writer = getattr(ws, "_writer", None)
        with contextlib.suppress(Exception):
            if not ws.closed:
                ws.close()
        out = getattr(writer, "out", None)
        if isinstance(out, str):
            with contextlib.suppress(OSError):
                os.remove(out)


def _risky(value: object) -> bool:
    return isinstance(value, str) and bool(value) and (value[0] in _RISKY_FIRST or
                                                       value[0] < " ")
