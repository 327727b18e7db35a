"""Text that came from lists or callers must never become a formula in a spreadsheet."""

from __future__ import annotations

import re

# Excel evaluates cells starting with these; tab and CR are how CSV injection hides them.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
# Characters XML 1.0 (and so .xlsx) cannot hold at all.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def is_risky(value: str) -> bool:
    """Would a spreadsheet read this text as a formula (or is it hiding one)?"""
    return bool(value) and (value.startswith(FORMULA_STARTS) or ord(value[0]) < 32)


def clean_xml(value: str) -> str:
    """Drop the control characters an .xlsx file cannot store (they carry no meaning)."""
    return _ILLEGAL.sub("", value)


def csv_text(value: str) -> str:
    """CSV has no cell types: a leading apostrophe makes Excel show risky text as text."""
    return "'" + value if is_risky(value) else value
