"""The calls as CSV for Swedish Excel."""

from __future__ import annotations

import csv
from pathlib import Path

from app.db.database import Database
from app.services.results import Privacy, export_csv
from tests.results_helpers import INJECTION, NOTE, build_campaign


def test_csv_is_utf8_bom_semicolons_one_row_per_call(db: Database, tmp_path: Path) -> None:
    known = build_campaign(db)
    target = tmp_path / "samtal.csv"
    with db.session() as session:
        count = export_csv(session, known.campaign_id, target)
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert count == 11 and len(rows) == 12
    assert rows[0][:5] == ["Tid", "Ringare", "Målgrupp", "Kontakt", "Utfall"]
    assert rows[1][0] == "2026-11-10 " + rows[1][0][-5:]
    assert rows[2][4] == "Blev medlem" and rows[2][5] == "600"
    assert "Anna" not in raw.decode("utf-8-sig")
    assert "070-174" not in raw.decode("utf-8-sig")


def test_full_csv_neutralises_formula_text(db: Database, tmp_path: Path) -> None:
    known = build_campaign(db)
    target = tmp_path / "full.csv"
    with db.session() as session:
        export_csv(session, known.campaign_id, target, privacy=Privacy.FULL, language="en")
    rows = list(csv.reader(target.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0][:5] == ["Time", "Volunteer", "Target group", "Contact", "Number"]
    contacts = [r[3] for r in rows[1:]]
    assert f"'{INJECTION} Injektionsson" in contacts
    assert not any(c.startswith("=") for r in rows for c in r)
    assert any(NOTE in c for r in rows for c in r)


def test_aggregate_level_refuses_a_row_per_call(db: Database, tmp_path: Path) -> None:
    import pytest

    from app.errors import UserError

    known = build_campaign(db)
    target = tmp_path / "agg.csv"
    with db.session() as session, pytest.raises(UserError, match="aggregate"):
        export_csv(session, known.campaign_id, target, privacy=Privacy.AGGREGATE)
    assert not target.exists()
