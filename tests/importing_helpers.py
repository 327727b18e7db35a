"""Builders for the importing tests: fictional numbers and list files written at test time.

Numbers come only from the ranges PTS reserves for fiction. The toll-free and shared-cost
numbers used to show "not personal" are all-zero subscriber numbers, no one's line.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from app.db.database import Database
from app.db.models import (
    AuditEvent,
    Campaign,
    Contact,
    DoNotCall,
    ImportRun,
    PhoneNumber,
    RejectedRow,
    TargetGroup,
)

TOLL_FREE = "020-000 000"  # valid, toll-free: not callable
SHARED_COST = "0771-000 000"  # valid, shared cost: not callable
HEADER = ["Förnamn", "Efternamn", "Gatuadress", "Postnr", "Postort", "Telefon", "Mobil",
          "Födelseår", "Kön"]


def mobile(i: int) -> str:
    """070-174 06 05 .. 070-174 06 99 (i from 5 to 99)."""
    assert 5 <= i <= 99
    return f"070-174 06 {i:02d}"


def mobile_e164(i: int) -> str:
    return f"+467017406{i:02d}"


def stockholm(i: int) -> str:
    """08-465 004 00 .. 99."""
    assert 0 <= i <= 99
    return f"08-465 004 {i:02d}"


def stockholm_e164(i: int) -> str:
    return f"+468465004{i:02d}"


def fictional_numbers() -> Iterator[str]:
    """Every distinct fictional number (495 of them), in national format."""
    for i in range(5, 100):
        yield mobile(i)
    for i in range(100):
        yield stockholm(i)
    for i in range(100):
        yield f"031-390 06 {i:02d}"
    for i in range(100):
        yield f"040-628 04 {i:02d}"
    for i in range(200, 300):
        yield f"0980-319 {i}"


def person(n: int, phone: str = "", mobile_no: str = "") -> list[str]:
    first = ("Anna", "Erik", "Märta", "Örjan", "Zeynep", "Ali")[n % 6]
    return [first, f"Testsson{n}", f"Provgatan {n}", "163 04", "Spånga", phone, mobile_no,
            str(1940 + n % 60), "K" if n % 2 else "M"]


def write_csv(
    path: Path, rows: Sequence[Sequence[Any]], *, encoding: str = "utf-8",
    delimiter: str = ";", bom: bool = False, newline: str = "\r\n",
) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=newline)
    for row in rows:
        writer.writerow(row)
    data = buffer.getvalue().encode(encoding)
    if bom and encoding == "utf-8":
        data = b"\xef\xbb\xbf" + data
    path.write_bytes(data)
    return path


def write_xlsx(
    path: Path, rows: Sequence[Sequence[Any]], *, sheet: str = "Blad1",
    other_sheets: dict[str, Sequence[Sequence[Any]]] | None = None,
) -> Path:
    from openpyxl import Workbook

    workbook = Workbook()
    first = workbook.active
    assert first is not None
    first.title = sheet
    for row in rows:
        first.append(list(row))
    for name, other in (other_sheets or {}).items():
        ws = workbook.create_sheet(name)
        for row in other:
            ws.append(list(row))
    workbook.save(path)
    return path


def counts(report: Any) -> dict[str, int]:
    return {k: getattr(report, k) for k in ("rows", "imported", "rejected", "suppressed",
                                             "duplicate")}


TABLES = (Campaign, TargetGroup, ImportRun, RejectedRow, Contact, PhoneNumber, DoNotCall,
          AuditEvent)


def snapshot(db: Database) -> dict[str, int]:
    """Row counts of every table an import touches: equal snapshots mean nothing written."""
    with db.session() as session:
        return {t.__tablename__: session.scalar(select(func.count()).select_from(t)) or 0
                for t in TABLES}


def phones_of_campaign(db: Database, campaign_id: int) -> list[tuple[str, str]]:
    with db.session() as session:
        return sorted((e164, kind) for e164, kind in session.execute(
            select(PhoneNumber.e164, PhoneNumber.kind)
            .where(PhoneNumber.campaign_id == campaign_id)))
