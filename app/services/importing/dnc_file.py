"""Numbers for the do-not-call list from a file: a list with a phone column, or bare numbers."""

from __future__ import annotations

from pathlib import Path

from app.domain.phone import parse_phone
from app.errors import QT_TRANSLATE_NOOP, UserError
from app.services.importing.mapping import PHONE, guess_field
from app.services.importing.readers import HEADER_SEARCH_ROWS, all_rows, shown


def read_dnc_numbers(path: Path | str, region: str = "SE", sheet: str | None = None) -> list[str]:
    """E.164 of every number in the file, normalised as imports do; any valid number counts.

    With a header naming phone columns only those columns are read; without one every cell
    that is a phone number is taken (a plain list of numbers, one a line).
    """
    phone_columns: list[int] | None = None
    numbers: list[str] = []
    for count, (_line, cells) in enumerate(all_rows(path, sheet)):
        if phone_columns is None and count < HEADER_SEARCH_ROWS:
            columns = [i for i, c in enumerate(cells) if guess_field(c) == PHONE]
            if columns:
                phone_columns = columns
                numbers.clear()  # rows above the header were titles
                continue
        wanted = cells if phone_columns is None else [
            cells[i] for i in phone_columns if i < len(cells)]
        for cell in wanted:
            parsed = parse_phone(cell, region)
            if parsed.e164 is not None:
                numbers.append(parsed.e164)
    if not numbers:
        raise UserError(QT_TRANSLATE_NOOP("app", "{file} holds no phone numbers"), file=shown(path))
    return numbers
