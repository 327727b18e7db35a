"""Text that must fit its column.

PostgreSQL refuses a value longer than its VARCHAR column (SQLite stores it whole), so a long
name typed or imported would end as an internal error on a server and pass on a laptop. The
services check first, so both backends give the same clear message and store nothing.
"""

from __future__ import annotations

from typing import Any

from app.errors import QT_TRANSLATE_NOOP, UserError

_SHOWN = 30  # characters of the refused text quoted in the message


def check_fits(value: str | None, column: Any) -> str | None:
    """`value` if it fits the model column `column` (e.g. Campaign.name), else UserError."""
    length = getattr(getattr(column, "type", None), "length", None)
    if value is None or length is None or len(value) <= length:
        return value
    raise UserError(
        QT_TRANSLATE_NOOP("app", "The text '{start}…' is too long: at most {length} characters "
                                 "fit ({count} given)"),
        start=value[:_SHOWN], length=length, count=len(value))
