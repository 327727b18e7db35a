"""Settings: declared once, typed, defaults for anything missing or malformed."""

from __future__ import annotations

import json
from pathlib import Path

from app.settings import FONT_SIZE, LANGUAGE, VOLUNTEER_NAME, Settings


def test_defaults_when_there_is_no_file(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "s.json")
    assert settings.get(LANGUAGE) == "sv"
    assert settings.get(FONT_SIZE) == FONT_SIZE.default


def test_values_survive_a_restart(tmp_path: Path) -> None:
    Settings(tmp_path / "s.json").set(VOLUNTEER_NAME, "Åsa Öberg")
    assert Settings(tmp_path / "s.json").get(VOLUNTEER_NAME) == "Åsa Öberg"


def test_wrong_types_and_out_of_range_values_fall_back(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"language": "klingon", "font_size": 500}), encoding="utf-8")
    settings = Settings(path)
    assert settings.get(LANGUAGE) == "sv"
    assert settings.get(FONT_SIZE) == FONT_SIZE.default


def test_a_broken_file_does_not_stop_the_app(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_text("{not json", encoding="utf-8")
    assert Settings(path).get(LANGUAGE) == "sv"
