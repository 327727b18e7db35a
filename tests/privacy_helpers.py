"""Shared by the privacy tests: the figures as the command line prints them, the aggregate
export's cells, and a search of a SQLite file's bytes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli.main import main
from app.db.database import Database
from tests.qt_helpers import on_next_modal
from tests.results_helpers import workbook_texts


def stats_json(db_url: str, campaign: str, capsys: pytest.CaptureFixture[str]) -> object:
    capsys.readouterr()
    assert main(["--db", db_url, "stats", "--campaign", campaign, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def aggregate_cells(db_url: str, campaign: str, path: Path,
                    capsys: pytest.CaptureFixture[str]) -> dict[str, list[str]]:
    """Every cell of the aggregate export, by sheet, without the line saying when it was
    made (it names the export's own time)."""
    assert main(["--db", db_url, "export", "--campaign", campaign, "-o", str(path),
                 "--privacy", "aggregate", "--force"]) == 0
    capsys.readouterr()
    return {sheet: [cell for cell in cells if not _a_time(cell)]
            for sheet, cells in workbook_texts(path).items()}


def _a_time(cell: str) -> bool:
    import re

    return re.search(r"\d{4}-\d\d-\d\d[ T]\d\d:\d\d", cell) is not None


def file_bytes(db: Database) -> bytes:
    """The database file and its write-ahead log, as stored on disk."""
    path = db.location.sqlite_path
    assert path is not None
    data = path.read_bytes()
    wal = Path(f"{path}-wal")
    if wal.exists():
        data += wal.read_bytes()
    return data


def found_in(data: bytes, *texts: str) -> list[str]:
    return [t for t in texts if t.encode("utf-8") in data]


def when_modal(answer: str) -> list[str]:
    """Answer the next modal message box with the button named `answer` ("yes" or "no");
    the texts asked are collected in the list returned."""
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []

    def act(box: QMessageBox) -> None:
        asked.append(box.text())
        button = (QMessageBox.StandardButton.Yes if answer == "yes"
                  else QMessageBox.StandardButton.No)
        box.button(button).click()

    on_next_modal(QMessageBox, act)
    return asked


def dispose(*widgets: object) -> None:
    """Delete the widgets now: a widget left for later still answers the next test's
    language change, after this test's database is gone."""
    import shiboken6

    for widget in widgets:
        widget.close()  # type: ignore[attr-defined]
        shiboken6.delete(widget)
