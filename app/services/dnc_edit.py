"""The do-not-call window's actions: one transaction each, plain values back."""

from __future__ import annotations

from pathlib import Path

from app.db.database import Database
from app.services import dnc
from app.services.importing.dnc_file import read_dnc_numbers


def add_typed_number(db: Database, text: str, region: str) -> str:
    """Put a typed number on the list; its E.164 form (a UserError when it is no number)."""
    e164 = dnc.normalise_for_dnc(text, region)
    with db.transaction() as session:
        dnc.add_numbers(session, [e164], source=dnc.REASON_WINDOW)
    return e164


def add_numbers_from_file(db: Database, path: str | Path, region: str) -> int:
    """Put every number of a file on the list; how many were new."""
    numbers = read_dnc_numbers(str(path), region)
    with db.transaction() as session:
        return dnc.add_numbers(session, numbers, source=dnc.REASON_FILE)


def dnc_entries(db: Database) -> list[dnc.DncEntry]:
    with db.session() as session:
        return dnc.list_entries(session)
