"""The pack's files on disk: private (0600), written whole or not at all, and the SQLite
file inside a pack checked before it is used."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from app.db.files import copy_sqlite, known_revisions
from app.errors import QT_TRANSLATE_NOOP, UserError
from app.paths import private_temp_dir, private_temp_prefix, user_data_dir

PACKS_FOLDER = "packs"
# Beside a laptop's copy: where the pack file was opened from (for "Lämna tillbaka").
SOURCE_SUFFIX = ".source"


def packs_folder() -> Path:
    """Where a volunteer's laptop keeps the packs it opened (in the data folder)."""
    return user_data_dir() / PACKS_FOLDER


def laptop_path(pack_id: str) -> Path:
    """Where a volunteer's laptop keeps an opened pack: the data folder, by the pack's id."""
    folder = packs_folder()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder / f"{pack_id}.sqlite"


def write_private(path: Path, data: bytes) -> None:
    """Write a file readable by its owner only, atomically: a temporary name beside it, then
    a rename, so a reader (or a crash) never sees half a file."""
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.remove(temp)
        raise


@contextlib.contextmanager
def temp_sqlite(name: str) -> Iterator[Path]:
    """A private temporary SQLite file path, removed afterwards (with its -wal, -shm)."""
    path = private_temp_dir() / f"{private_temp_prefix()}{name}.sqlite"
    try:
        yield path
    finally:
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(OSError):
                os.remove(f"{path}{suffix}")


def snapshot(path: Path) -> bytes:
    """The bytes of a consistent copy of a SQLite file, its WAL included, even while the
    calling screen writes to it (SQLite's backup API)."""
    with temp_sqlite("snapshot") as copy:
        fd = os.open(copy, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
        copy_sqlite(f"file:{path}?mode=ro", copy)
        # One self-contained file: no WAL left for the bytes to miss.
        conn = sqlite3.connect(copy)
        try:
            conn.execute("PRAGMA journal_mode = DELETE")
        finally:
            conn.close()
        return copy.read_bytes()


def check_schema(path: Path, name: str) -> None:
    """Refuse a decrypted file that is not one of our databases or is newer than this app."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error:
        raise UserError(QT_TRANSLATE_NOOP("app", "{file} is damaged"), file=name) from None
    try:
        schema_revision(conn, name)
    finally:
        conn.close()


def schema_revision(conn: sqlite3.Connection, name: str) -> str:
    """The schema revision of an opened pack file; refused as `check_schema` says."""
    try:
        rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.Error:
        raise UserError(QT_TRANSLATE_NOOP("app", "{file} is damaged"), file=name) from None
    if len(rows) != 1:
        raise UserError(QT_TRANSLATE_NOOP("app", "{file} is damaged"), file=name)
    revision = str(rows[0][0])
    if revision not in known_revisions():
        raise UserError(QT_TRANSLATE_NOOP(
            "app", "{file} was made by a newer Ringkväll (schema {revision}); update "
            "Ringkväll to open it"), file=name, revision=revision)
    return revision
