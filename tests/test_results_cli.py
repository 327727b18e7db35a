"""`ringkvall stats`, `export`, `csv` and `rollup` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.cli.main import main
from app.db.database import Database
from tests.results_helpers import EXPECTED, EXPECTED_OUTCOMES, build_campaign


def test_stats_json_has_the_figures(db: Database, db_url: str,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    build_campaign(db)
    assert main(["--db", db_url, "stats", "--campaign", "Höstkampanj", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    for key in ("contacts", "calls", "reached", "conversations", "recruited", "follow_ups",
                "meeting_signups", "do_not_call", "wrong_numbers"):
        assert data[key] == EXPECTED[key], key
    assert data["outcomes"] == EXPECTED_OUTCOMES
    assert data["groups"]["Norr"]["calls"] == 4
    assert sum(data["queue"].values()) == EXPECTED["contacts"]


def test_stats_table_and_unknown_campaign(db: Database, db_url: str,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    build_campaign(db)
    assert main(["--db", db_url, "stats", "--campaign", "Höstkampanj"]) == 0
    out = capsys.readouterr().out
    assert "Höstkampanj" in out and "conversations" in out
    assert main(["--db", db_url, "stats", "--campaign", "Saknas"]) == 2
    err = capsys.readouterr().err
    assert "Saknas" in err and len(err.strip().splitlines()) == 1


def test_export_csv_and_rollup_commands(db: Database, db_url: str, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    build_campaign(db)
    xlsx = tmp_path / "resultat.xlsx"
    assert main(["--db", db_url, "export", "--campaign", "Höstkampanj", "-o",
                 str(xlsx)]) == 0
    assert load_workbook(xlsx).sheetnames[0] == "Sammanfattning"
    assert "warning" not in capsys.readouterr().err
    full = tmp_path / "allt.xlsx"
    assert main(["--db", db_url, "export", "--campaign", "Höstkampanj", "-o", str(full),
                 "--privacy", "full", "--language", "en"]) == 0
    assert "special-category" in capsys.readouterr().err
    assert load_workbook(full).sheetnames[0] == "Summary"
    csv_path = tmp_path / "samtal.csv"
    assert main(["--db", db_url, "csv", "--campaign", "Höstkampanj", "-o",
                 str(csv_path)]) == 0
    assert csv_path.read_bytes().startswith(b"\xef\xbb\xbf")
    district = tmp_path / "distrikt.xlsx"
    assert main(["rollup", str(xlsx), "-o", str(district)]) == 0
    assert "11 calls" in capsys.readouterr().out
    assert main(["rollup", str(xlsx), str(xlsx), "-o", str(tmp_path / "twice.xlsx")]) == 2
    assert "keep only the newest" in capsys.readouterr().err
    assert not (tmp_path / "twice.xlsx").exists()
    assert main(["rollup", str(full), "-o", str(tmp_path / "no.xlsx")]) == 2
    assert str(full) in capsys.readouterr().err
    assert not (tmp_path / "no.xlsx").exists()
    assert main(["--db", db_url, "export", "--campaign", "Höstkampanj", "-o",
                 str(xlsx), "--privacy", "everything"]) == 2
