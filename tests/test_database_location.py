"""Where the database is: --db beats RINGKVALL_DB beats the per-user default."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.db.database import open_database, resolve_location
from app.errors import UserError


def test_default_location_is_in_the_user_data_folder(isolated_home: Path) -> None:
    location = resolve_location(None)
    assert location.source == "default"
    assert location.sqlite_path == (isolated_home / "ringkvall.sqlite").resolve()
    open_database().close()
    assert (isolated_home / "ringkvall.sqlite").exists()


def test_environment_beats_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RINGKVALL_DB", str(tmp_path / "env.sqlite"))
    location = resolve_location(None)
    assert (location.source, location.sqlite_path) == ("RINGKVALL_DB", tmp_path / "env.sqlite")


def test_option_beats_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RINGKVALL_DB", str(tmp_path / "env.sqlite"))
    location = resolve_location(str(tmp_path / "cli.sqlite"))
    assert (location.source, location.sqlite_path) == ("--db", tmp_path / "cli.sqlite")


def test_sqlite_url_is_accepted(tmp_path: Path) -> None:
    location = resolve_location(f"sqlite:///{tmp_path}/u.sqlite")
    assert location.sqlite_path == tmp_path / "u.sqlite"


@pytest.mark.parametrize(("value", "driver"), [
    ("postgresql://caller:secret@db.example:5432/ringkvall", "postgresql+psycopg"),
    ("postgresql+psycopg://caller@db.example/ringkvall", "postgresql+psycopg"),
    ("postgresql+psycopg2://caller@db.example/ringkvall", "postgresql+psycopg2"),
])
def test_a_postgresql_url_without_a_driver_means_psycopg(value: str, driver: str) -> None:
    location = resolve_location(value)
    assert location.url.drivername == driver
    assert (location.url.host, location.url.database) == ("db.example", "ringkvall")
    assert location.sqlite_path is None
    assert "secret" not in location.display()


def test_psycopg_ships_with_ringkvall() -> None:
    from sqlalchemy import create_engine

    engine = create_engine(resolve_location("postgresql://caller@db.example/rk").url)
    assert engine.dialect.driver == "psycopg"  # importing the driver worked; nothing connects
    engine.dispose()


@pytest.mark.parametrize("value", ["mysql://x/y", "ftp://host/file", "oracle://a"])
def test_unknown_scheme_is_a_user_error(value: str) -> None:
    with pytest.raises(UserError, match="unknown scheme"):
        resolve_location(value)


def test_a_file_that_is_not_sqlite_is_refused_and_left_alone(tmp_path: Path) -> None:
    junk = tmp_path / "lista.xlsx"
    junk.write_bytes(b"PK\x03\x04 not a database at all")
    with pytest.raises(UserError, match="not a Ringkväll database"):
        open_database(str(junk))
    assert junk.read_bytes() == b"PK\x03\x04 not a database at all"


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="folder"):
        open_database(str(tmp_path))


def test_a_sqlite_file_of_another_program_is_refused(tmp_path: Path) -> None:
    import sqlite3

    other = tmp_path / "other.sqlite"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE recipes (name TEXT)")
    con.commit()
    con.close()
    with pytest.raises(UserError, match="not Ringkväll's"):
        open_database(str(other))
