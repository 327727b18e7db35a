"""A pack on the volunteer's laptop: opened once into a private SQLite file in the data
folder (found again by the pack's id), called with the normal calling screen, and returned
as a new encrypted file holding every call so far."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select

from app.db.database import open_database
from app.db.models import Call, Campaign, Contact, Pack
from app.errors import QT_TRANSLATE_NOOP, UserError
from app.services.packs.crypto import KIND_PACK, KIND_RESULTS, decrypt, encrypt, read_header
from app.services.packs.files import (
    PACKS_FOLDER,
    SOURCE_SUFFIX,
    check_schema,
    laptop_path,
    snapshot,
    write_private,
)
from app.services.packs.on_laptop import note_returned


@dataclass(frozen=True)
class OpenedPack:
    pack_id: str
    path: Path  # the laptop's database: open it with --db to call
    campaign_id: int
    campaign: str
    volunteer: str
    people: int
    calls: int
    expires_at: datetime | None
    reopened: bool  # opened before on this laptop: its calls are kept


@dataclass(frozen=True)
class ReturnedPack:
    pack_id: str
    path: Path
    calls: int


def _read(file: Path) -> bytes:
    try:
        return file.read_bytes()
    except FileNotFoundError:
        raise UserError(QT_TRANSLATE_NOOP("app", "There is no file {file}"),
                        file=str(file)) from None


def open_pack(file: Path, code: str, volunteer: str | None = None) -> OpenedPack:
    """Decrypt a pack into the laptop's data folder; a pack opened before is found again and
    kept as it is (its calls are there), after checking the code all the same."""
    blob = _read(file)
    header, data = decrypt(blob, code, str(file))
    if header.kind != KIND_PACK:
        raise UserError(QT_TRANSLATE_NOOP(
            "app", "{file} holds a volunteer's results; merge it on the organiser's computer"),
            file=str(file))
    path = laptop_path(header.pack_id)
    reopened = path.exists()
    if not reopened:
        staged = path.with_name(f".{path.name}.{os.getpid()}.new")
        write_private(staged, data)
        try:
            check_schema(staged, str(file))
            # An older pack is migrated here, on the laptop's own copy.
            open_database(str(staged)).close()
            os.replace(staged, path)
        finally:
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(f"{staged}{suffix}"):
                    os.remove(f"{staged}{suffix}")
    # Where the pack came from, so "Lämna tillbaka" in a window opened on the laptop's copy
    # (`ringkvall pack open`) finds the pack's file and puts the results beside it.
    write_private(_source_note(header.pack_id), str(file.resolve()).encode("utf-8"))
    db = open_database(str(path))
    try:
        with db.session() as session:
            pack = session.get(Pack, header.pack_id)
            if pack is None:
                raise UserError(QT_TRANSLATE_NOOP("app", "{file} is damaged"), file=str(file))
            campaign = session.get(Campaign, pack.campaign_id)
            assert campaign is not None
            people = session.scalar(select(func.count()).select_from(Contact)) or 0
            calls = session.scalar(select(func.count()).select_from(Call)) or 0
            return OpenedPack(pack.id, path, campaign.id, campaign.name,
                              " ".join((volunteer or pack.volunteer).split()), int(people),
                              int(calls), pack.expires_at, reopened)
    finally:
        db.close()


def return_pack(file: Path, code: str, out: Path) -> ReturnedPack:
    """Write the laptop's calls on `file`'s pack so far as a new encrypted results file."""
    if out.resolve() == file.resolve():
        raise UserError(QT_TRANSLATE_NOOP(
            "app", "The results cannot be written over the pack {file} itself; choose "
            "another file name"), file=str(file))
    blob = _read(file)
    header = read_header(blob, str(file))
    path = laptop_path(header.pack_id)
    if not path.exists():
        raise UserError(QT_TRANSLATE_NOOP(
            "app", "Pack {file} has not been opened on this computer"), file=str(file))
    # The same code as the pack's, checked: a results file nobody can open helps nobody.
    decrypt(blob, code, str(file))
    data = _results_data(path)
    db = open_database(str(path))
    try:
        with db.session() as session:
            calls = int(session.scalar(select(func.count()).select_from(Call)) or 0)
    finally:
        db.close()
    write_private(out, encrypt(data, code, KIND_RESULTS, header.pack_id))
    note_returned(path, calls)
    return ReturnedPack(header.pack_id, out, calls)


# The people's names, area and age: the organiser has them, and the results file travels by
# e-mail and USB stick. What comes back is the calls and each person's state.
_NAMELESS = ("UPDATE contact SET first_name = '', last_name = '', city = '', "
             "birth_year = NULL, extra = '{}'")


def _results_data(path: Path) -> bytes:
    """The laptop's file as the results hold it: without the people's names and the like,
    rebuilt (VACUUM) so nothing of them is left in its free pages. The file is SQLite
    whatever the organiser's database is: this is its format, not a query of a service."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.deserialize(snapshot(path))
        with conn:
            conn.execute(_NAMELESS)
        conn.execute("VACUUM")
        return conn.serialize()
    finally:
        conn.close()


def _source_note(pack_id: str) -> Path:
    return laptop_path(pack_id).with_suffix(SOURCE_SUFFIX)


def opened_pack_id(database_path: Path | None) -> str | None:
    """The pack id when `database_path` is a pack opened on this laptop, else None."""
    if database_path is None or database_path.parent.name != PACKS_FOLDER:
        return None
    if (database_path.suffix != ".sqlite"
            or database_path.resolve() != laptop_path(database_path.stem).resolve()):
        return None
    return database_path.stem


def pack_source(pack_id: str) -> Path | None:
    """The pack file this laptop last opened `pack_id` from, when it is still there."""
    try:
        text = _source_note(pack_id).read_text(encoding="utf-8").strip()
    except OSError:
        return None
    source = Path(text) if text else None
    return source if source is not None and source.is_file() else None
