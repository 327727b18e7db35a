"""Text that came from lists or callers must never become a formula in a spreadsheet."""

from __future__ import annotations

import re

# Excel evaluates cells starting with these; tab and CR are how CSV injection hides them.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
# Characters XML 1.0 (and so .xlsx) cannot hold at all, and lone surrogates (no UTF-8).
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Excel's error values: typed into a cell, these become errors, not text.
ERROR_VALUES = frozenset(("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A",
                          "#GETTING_DATA"))
# The most characters an Excel cell holds; a longer text makes the file unreadable.
MAX_CELL_TEXT = 32767


def is_risky(value: str) -> bool:
    """Would a spreadsheet read this text as a formula (or is it hiding one)?"""
    return bool(value) and (value.startswith(FORMULA_STARTS) or ord(value[0]) < 32)


def clean_xml(value: str) -> str:
    """Drop the characters an .xlsx file cannot store (they carry no meaning)."""
    return _ILLEGAL.sub("", value)


def xlsx_text(value: str) -> tuple[str, bool]:
    """The text as an Excel cell can hold it, and whether it must be marked as plain text.

    Marked text is stored as a text cell with Excel's "quote prefix" (what a typed leading
    apostrophe does), so neither Excel nor openpyxl, nor a user editing the cell later, ever
    reads it as a formula or an error value.
    """
    if value and (value[0] < " " or not value.isprintable()):
        # XML reads a carriage return back as a line feed: store what will be read back.
        value = clean_xml(value).replace("\r\n", "\n").replace("\r", "\n")
    if len(value) > MAX_CELL_TEXT:
        value = value[:MAX_CELL_TEXT]
    return value, is_risky(value) or value in ERROR_VALUES


def csv_text(value: str) -> str:
    """CSV has no cell types: a leading apostrophe makes Excel show risky text as text."""
    return "'" + value if is_risky(value) else value
