"""The packs a volunteer's laptop keeps (opened copies in the data folder), and their end.

A copy holds the people's names and numbers and what was said on the calls: it must not
outlive its use. It is due for deletion two weeks after the pack expired (time enough for a
late return), or when the campaign's own date for deleting personal data has come. Nothing
is deleted without the volunteer's word; the start-up offer says what was never returned.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from app.clock import utcnow
from app.errors import QT_TRANSLATE_NOOP, UserError
from app.services.packs.files import SOURCE_SUFFIX, packs_folder, write_private
from app.services.privacy.retention import effective_delete_after, today

# After the expiry date: a week or two for the calls made late to go back to the organiser.
GRACE = timedelta(days=14)
_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LaptopPack:
    pack_id: str
    path: Path
    campaign: str
    volunteer: str
    expires_at: datetime | None
    delete_after: date | None  # the campaign's date for deleting personal data, if any
    calls: int
    returned_calls: int | None  # calls in the last results written here; None: never

    @property
    def unreturned(self) -> int:
        """Calls made since the last return (all of them when never returned)."""
        return max(0, self.calls - (self.returned_calls or 0))

    def due(self, now: datetime) -> bool:
        if self.expires_at is not None and self.expires_at + GRACE <= now:
            return True
        return self.delete_after is not None and self.delete_after <= today(now)


def _returned_note(path: Path) -> Path:
    return path.with_suffix(".returned")


def note_returned(path: Path, calls: int, now: datetime | None = None) -> None:
    """Remember that the results written now hold `calls` calls (for the end-of-pack offer)."""
    at = (now or utcnow()).isoformat()
    write_private(_returned_note(path), json.dumps({"calls": calls, "at": at}).encode())


def _returned_calls(path: Path) -> int | None:
    try:
        return int(json.loads(_returned_note(path).read_text(encoding="utf-8"))["calls"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _stored_time(value: str | None) -> datetime | None:
    # SQLite holds a UTC time as text without a zone (app/db/types.py).
    return None if value is None else datetime.fromisoformat(value).replace(tzinfo=UTC)


def _stored_date(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def _read(path: Path) -> LaptopPack | None:
    try:
        conn = sqlite3.connect(path)
    except sqlite3.Error:
        return None
    try:
        pack = conn.execute("SELECT id, volunteer, expires_at, campaign_id FROM pack").fetchone()
        if pack is None:
            return None
        campaign = conn.execute("SELECT name, delete_after, ends_on FROM campaign WHERE id = ?",
                                (pack[3],)).fetchone()
        calls = int(conn.execute("SELECT count(*) FROM call").fetchone()[0])
    except (sqlite3.Error, ValueError):
        return None
    finally:
        conn.close()
    name, delete_after, ends_on = campaign if campaign is not None else ("", None, None)
    return LaptopPack(str(pack[0]), path, str(name), str(pack[1]), _stored_time(pack[2]),
                      effective_delete_after(_stored_date(delete_after), _stored_date(ends_on)),
                      calls, _returned_calls(path))


def laptop_packs() -> list[LaptopPack]:
    """The packs opened on this computer, by expiry (none last)."""
    folder = packs_folder()
    found: list[LaptopPack] = []
    for path in sorted(folder.glob("*.sqlite")) if folder.is_dir() else []:
        pack = _read(path)
        if pack is None:
            # Not ours to judge (half written, damaged): left as it is, and said in the log.
            _log.warning("Unreadable pack copy left as it is: %s", path)
            continue
        found.append(pack)
    far = datetime.max.replace(tzinfo=UTC)
    return sorted(found, key=lambda p: (p.expires_at or far, p.campaign, p.pack_id))


def laptop_pack(pack_id: str) -> LaptopPack | None:
    """This computer's copy of one pack, or None when it has none (or cannot read it)."""
    path = packs_folder() / f"{pack_id}.sqlite"
    return _read(path) if path.is_file() else None


def due_laptop_packs(now: datetime | None = None,
                     open_database: Path | None = None) -> list[LaptopPack]:
    """Copies due for deletion; not the one the window has open (`open_database`)."""
    now = now or utcnow()
    skip = open_database.resolve() if open_database is not None else None
    return [p for p in laptop_packs() if p.due(now) and p.path.resolve() != skip]


def delete_laptop_pack(pack_id: str) -> None:
    """Delete this computer's copy of a pack, with its write-ahead log and notes."""
    path = packs_folder() / f"{pack_id}.sqlite"
    if not path.exists():
        raise UserError(QT_TRANSLATE_NOOP("app", "Pack {id} is not on this computer"),
                        id=pack_id)
    # The database first (the rest is of no use without it), then what belongs to it.
    for target in (path, *(Path(f"{path}{s}") for s in ("-wal", "-shm", "-journal")),
                   path.with_suffix(SOURCE_SUFFIX), _returned_note(path)):
        with contextlib.suppress(FileNotFoundError):
            os.remove(target)
