"""A faster row writer for openpyxl's write-only sheets, for plain rows of plain values.

openpyxl builds an XML element tree for every cell it streams, which is most of the time an
export of 100,000 calls takes. Rows holding only None, text, numbers, booleans and dates are
written here straight as the same XML openpyxl would produce (inline strings, numbers, dates
as serial numbers with the Swedish date and time styles of `sheet_writer`); rows with styled
cells still go through openpyxl. Text is never written as a formula here: there is no <f>
element at all. Text that looks like a formula arrives already as a marked text cell
(`SheetWriter.cell_value`), so its row takes openpyxl's path, with the cell's explicit text
type and quote prefix.

It hooks two private openpyxl methods on one sheet instance. If a future openpyxl changes
them, `install` declines and everything goes through openpyxl as before.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any

_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def install(ws: Any) -> bool:
    """Route `ws.append` of plain rows through the fast writer. True if installed."""
    from openpyxl.cell import Cell, WriteOnlyCell
    from openpyxl.utils import get_column_letter
    from openpyxl.utils.datetime import to_excel

    if not (hasattr(ws, "_values_to_row") and hasattr(ws, "_get_writer")):
        return False
    ws._get_writer()
    writer = ws._writer
    original_write_row: Callable[..., None] | None = getattr(writer, "write_row", None)
    original_values = ws._values_to_row  # yields one reused cell: consume lazily
    if original_write_row is None:
        return False
    epoch = ws.parent.epoch
    excel_serial: Callable[[date, Any], float] = to_excel
    from app.services.results.sheet_writer import DATE_FORMAT, TIME_FORMAT

    # Swedish formats (openpyxl's own default shows seconds and is too wide for its column).
    stamp = WriteOnlyCell(ws, value=datetime(2000, 1, 1))
    stamp.number_format = TIME_FORMAT
    datetime_style = stamp.style_id
    day: Any = date(2000, 1, 1)  # the openpyxl stubs omit date, which it accepts
    day_cell = WriteOnlyCell(ws, value=day)
    day_cell.number_format = DATE_FORMAT
    date_style = day_cell.style_id
    letters: list[str] = [get_column_letter(i) for i in range(1, 200)]

    def write_row(xf: Any, values: Sequence[Any], row_idx: int) -> None:
        if any(isinstance(v, Cell) for v in values) or len(values) >= len(letters):
            original_write_row(xf, original_values(values, row_idx), row_idx)
            return
        parts = [f'<row r="{row_idx}">']
        add = parts.append
        for index, value in enumerate(values):
            if value is None:
                continue
            ref = f"{letters[index]}{row_idx}"
            if isinstance(value, str):
                if not value:
                    continue
                text = value.translate(_ESCAPES)
                space = ' xml:space="preserve"' if value != value.strip() else ""
                add(f'<c r="{ref}" t="inlineStr"><is><t{space}>{text}</t></is></c>')
            elif isinstance(value, bool):
                add(f'<c r="{ref}" t="b"><v>{int(value)}</v></c>')
            elif isinstance(value, int):
                add(f'<c r="{ref}" t="n"><v>{value}</v></c>')
            elif isinstance(value, float):
                if math.isfinite(value):
                    add(f'<c r="{ref}" t="n"><v>{value!r}</v></c>')
            elif isinstance(value, datetime):
                if value.tzinfo is not None:
                    raise TypeError("aware datetime in a spreadsheet row")
                add(f'<c r="{ref}" s="{datetime_style}" t="n">'
                    f'<v>{excel_serial(value, epoch)}</v></c>')
            elif isinstance(value, date):
                add(f'<c r="{ref}" s="{date_style}" t="n">'
                    f'<v>{excel_serial(value, epoch)}</v></c>')
            else:  # anything unusual: let openpyxl decide
                original_write_row(xf, original_values(values, row_idx), row_idx)
                return
        add("</row>")
        xf._file("".join(parts))

    ws._values_to_row = lambda values, _row_idx: values
    writer.write_row = write_row
    return True
