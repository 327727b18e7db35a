"""Privacy levels, cell by cell: search the whole workbook for every name, number and note."""

from __future__ import annotations

from pathlib import Path

from app.db.database import Database
from app.services.results import Privacy, export_xlsx
from tests.results_helpers import (
    FREE_TEXT,
    NOTE,
    NOW,
    Known,
    build_campaign,
    number_forms,
    sheets_containing,
    workbook_texts,
)


def export(db: Database, tmp_path: Path, privacy: Privacy) -> tuple[Known, dict[str, list[str]]]:
    known = build_campaign(db)
    target = tmp_path / f"{privacy.value}.xlsx"
    with db.session() as session:
        export_xlsx(session, known.campaign_id, target, privacy=privacy, now=NOW)
    return known, workbook_texts(target)


def where(texts: dict[str, list[str]], known: Known, key: str) -> set[str]:
    """Sheets where this contact's full name or any form of its number occurs."""
    found = sheets_containing(texts, known.names[key])
    for form in number_forms(*known.numbers[key]):
        found |= sheets_containing(texts, form)
    return found


def test_district_level_personal_data_only_for_recruits_and_follow_ups(
        db: Database, tmp_path: Path) -> None:
    known, texts = export(db, tmp_path, Privacy.DISTRICT)
    for key in known.names:
        if key in known.recruit_keys:
            assert where(texts, known, key) == {"Nya medlemmar"}, key
        elif key in known.follow_up_keys:
            assert where(texts, known, key) == {"Uppföljning"}, key
        else:
            assert where(texts, known, key) == set(), key
    assert sheets_containing(texts, NOTE) == set()
    assert sheets_containing(texts, FREE_TEXT) == set()
    # Callers are pseudonyms; a name shows only where a follow-up is assigned to them.
    assert sheets_containing(texts, "Cai Telefon") == set()
    assert sheets_containing(texts, "Alva Ringsson") == {"Uppföljning"}
    assert sheets_containing(texts, "Kontakt 1") == {"Samtal"}


def test_aggregate_level_has_no_personal_data_at_all(db: Database, tmp_path: Path) -> None:
    known, texts = export(db, tmp_path, Privacy.AGGREGATE)
    for key in known.names:
        assert where(texts, known, key) == set(), key
    for text in (NOTE, FREE_TEXT, "Kontakt 1", "Ringare 1", "exempel.invalid",
                 *known.volunteers, "Jag vill bli medlem"):
        assert sheets_containing(texts, text) == set(), text
    # The figures are all still there.
    assert "11" in texts["Sammanfattning"]


def test_full_level_holds_everything(db: Database, tmp_path: Path) -> None:
    known, texts = export(db, tmp_path, Privacy.FULL)
    for key in known.names:
        if key != "a5":  # never called, so in no call row
            assert "Samtal" in where(texts, known, key), key
    assert sheets_containing(texts, NOTE) == {"Samtal"}
    assert sheets_containing(texts, FREE_TEXT) == {"Samtal"}
    assert "Ringare" in sheets_containing(texts, "Cai Telefon")
