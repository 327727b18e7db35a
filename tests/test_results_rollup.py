"""The district roll-up: sums of several associations' exports; foreign files refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from app.db.database import open_database
from app.errors import UserError
from app.services.results import Privacy, export_xlsx, write_rollup
from app.services.results.meta import SHEET, parse_meta
from tests.results_helpers import EXPECTED, NOW, build_campaign

KEYS = ("contacts", "tried", "calls", "reached", "conversations", "recruited", "follow_ups",
        "meeting_signups", "do_not_call", "wrong_numbers", "still_to_call")


def make_export(folder: Path, association: str, scale: int,
                privacy: Privacy = Privacy.DISTRICT) -> Path:
    db = open_database(str(folder / f"{association}.sqlite"))
    try:
        known = build_campaign(db, name=f"Kampanj {association}", association=association,
                               scale=scale)
        target = folder / f"{association}.xlsx"
        with db.session() as session:
            export_xlsx(session, known.campaign_id, target, privacy=privacy, now=NOW)
    finally:
        db.close()
    return target


@pytest.fixture
def three(tmp_path: Path) -> list[Path]:
    return [make_export(tmp_path, "Norrby", 1),
            make_export(tmp_path, "Söderås", 2, Privacy.AGGREGATE),
            make_export(tmp_path, "Västvik", 3)]


def test_rollup_of_three_is_their_sum(three: list[Path], tmp_path: Path) -> None:
    target = tmp_path / "distrikt.xlsx"
    result = write_rollup(three, target, now=NOW)
    assert [f.meta.association for f in result.files] == ["Norrby", "Söderås", "Västvik"]
    assert {k: getattr(result.total, k) for k in KEYS} == {k: v * 6 for k, v in EXPECTED.items()}
    wb = load_workbook(target)
    assert wb.sheetnames == ["Distrikt", "Föreningar", "Filer", SHEET]
    district = list(wb["Distrikt"].iter_rows(values_only=True))
    assert district[0][:4] == ("Förening", "Kampanj", "Målgrupp", "Kontakter")
    assert len(district) == 1 + 3 * 2 + 1  # header, association x group, total
    assert district[1][:3] == ("Norrby", "Kampanj Norrby", "Centrum")
    assert district[6][:5] == ("Västvik", "Kampanj Västvik", "Norr", 12, 12)
    total = district[-1]
    assert total[0] == "Totalt"
    assert list(total[3:3 + len(KEYS)]) == [EXPECTED[k] * 6 for k in KEYS]
    associations = list(wb["Föreningar"].iter_rows(values_only=True))
    assert [r[0] for r in associations[1:]] == ["Norrby", "Söderås", "Västvik", "Totalt"]
    assert [r[4] for r in associations[1:]] == [11, 22, 33, 66]  # calls
    files = list(wb["Filer"].iter_rows(values_only=True))
    assert [r[0] for r in files[1:]] == ["Norrby.xlsx", "Söderås.xlsx", "Västvik.xlsx"]
    meta = parse_meta(wb[SHEET].iter_rows(values_only=True))
    assert meta.kind == "rollup" and len(meta.groups) == 6


def assert_refused(sources: list[Path], target: Path, bad: Path) -> None:
    with pytest.raises(UserError) as info:
        write_rollup(sources, target, now=NOW)
    assert str(bad) in str(info.value)
    assert not target.exists()
    assert not [p for p in target.parent.iterdir() if p.name.endswith(".tmp")]


def test_foreign_workbook_is_refused_by_name(three: list[Path], tmp_path: Path) -> None:
    foreign = tmp_path / "kassabok.xlsx"
    wb = Workbook()
    wb.active.append(["format", "something else"])  # type: ignore[union-attr]
    wb.save(foreign)
    assert_refused([three[0], foreign, three[1]], tmp_path / "out.xlsx", foreign)


def test_not_a_workbook_is_refused_by_name(three: list[Path], tmp_path: Path) -> None:
    text = tmp_path / "anteckningar.xlsx"
    text.write_text("hej", encoding="utf-8")
    assert_refused([three[0], text], tmp_path / "out.xlsx", text)


def test_newer_format_is_refused_by_name(three: list[Path], tmp_path: Path) -> None:
    newer = tmp_path / "framtid.xlsx"
    wb = load_workbook(three[2])
    ws = wb[SHEET]
    assert ws["A2"].value == "format_version"
    ws["B2"] = 99
    wb.save(newer)
    with pytest.raises(UserError, match="newer Ringkväll"):
        write_rollup([newer], tmp_path / "x.xlsx")
    assert_refused([three[0], three[1], newer], tmp_path / "out.xlsx", newer)


def test_full_export_is_refused(tmp_path: Path) -> None:
    full = make_export(tmp_path, "Österby", 1, Privacy.FULL)
    with pytest.raises(UserError, match="full export"):
        write_rollup([full], tmp_path / "out.xlsx")
    assert not (tmp_path / "out.xlsx").exists()
