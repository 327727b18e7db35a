"""Every setting declared once, with its type, default and title (after Picard's options).

Settings are per user and per computer (language, font size, the volunteer's name); what belongs
to a campaign (calling hours, retry wait, goals) lives on the campaign in the database.
Stored as JSON in the user's config folder, written to a temporary name and renamed.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from app.errors import QT_TRANSLATE_NOOP
from app.paths import user_config_dir

T = TypeVar("T")
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    type: type[T]
    default: T
    title: str
    choices: tuple[T, ...] | None = None
    minimum: int | None = None
    maximum: int | None = None

    def coerce(self, raw: Any) -> T:
        """The stored value if it fits the declaration, else the default."""
        if self.type is int and isinstance(raw, bool):
            return self.default
        if not isinstance(raw, self.type):
            return self.default
        value: T = raw
        if self.choices is not None and value not in self.choices:
            return self.default
        if isinstance(value, int) and not isinstance(value, bool):
            if self.minimum is not None and value < self.minimum:
                return self.default
            if self.maximum is not None and value > self.maximum:
                return self.default
        return value


LANGUAGE = Setting("language", str, "sv", QT_TRANSLATE_NOOP("app", "Language"), ("sv", "en"))
FONT_SIZE = Setting("font_size", int, 13, QT_TRANSLATE_NOOP("app", "Text size"), None, 9, 28)
PHONE_REGION = Setting("phone_region", str, "SE", QT_TRANSLATE_NOOP("app", "Default phone region"))
VOLUNTEER_NAME = Setting("volunteer_name", str, "", QT_TRANSLATE_NOOP("app", "Your name"))
ASSOCIATION = Setting("association", str, "", QT_TRANSLATE_NOOP("app", "Association"))
CLAIM_MINUTES = Setting(
    "claim_minutes", int, 20, QT_TRANSLATE_NOOP("app", "Minutes a contact stays reserved"), None,
    1, 240,
)
PRACTICE_OFFERED = Setting(
    "practice_offered", bool, False, QT_TRANSLATE_NOOP("app", "Practice campaign offered")
)
# The association's server last connected to from this computer (Arkiv › Anslut till
# föreningens server). Never the password: the system keyring keeps that, or nothing does.
SERVER_HOST = Setting("server_host", str, "", QT_TRANSLATE_NOOP("app", "Server host"))
SERVER_PORT = Setting("server_port", int, 5432, QT_TRANSLATE_NOOP("app", "Server port"), None,
                      1, 65535)
SERVER_DATABASE = Setting("server_database", str, "",
                          QT_TRANSLATE_NOOP("app", "Server database"))
SERVER_USER = Setting("server_user", str, "", QT_TRANSLATE_NOOP("app", "Server user name"))
# Where newer versions of Ringkväll are found (Hjälp › Om Ringkväll shows it); the
# organiser may point it at the association's own page. The app never goes on the internet
# to look for them unless UPDATE_CHECK is switched on (the check itself is not built yet).
UPDATE_URL = Setting("update_url", str, "https://github.com/ringkvall/ringkvall/releases",
                     QT_TRANSLATE_NOOP("app", "Where newer versions are found"))
UPDATE_CHECK = Setting("update_check", bool, False,
                       QT_TRANSLATE_NOOP("app", "Look for newer versions over the internet"))

ALL: tuple[Setting[Any], ...] = (
    LANGUAGE, FONT_SIZE, PHONE_REGION, VOLUNTEER_NAME, ASSOCIATION, CLAIM_MINUTES,
    PRACTICE_OFFERED, SERVER_HOST, SERVER_PORT, SERVER_DATABASE, SERVER_USER,
    UPDATE_URL, UPDATE_CHECK,
)
_BY_KEY = {s.key: s for s in ALL}


class Settings:
    """Typed access to the declared settings, backed by a JSON file."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or user_config_dir() / "settings.json"
        self._values: dict[str, Any] = {}
        try:
            loaded = json.loads(self.path.read_text(encoding="utf-8"))
            if isinstance(loaded, dict):
                self._values = loaded
        except FileNotFoundError:
            pass
        except (OSError, ValueError) as exc:
            # A broken settings file must not stop the app: fall back to defaults.
            log.warning("Ignoring unreadable settings file %s: %s", self.path, exc)

    def get(self, setting: Setting[T]) -> T:
        return setting.coerce(self._values.get(setting.key, setting.default))

    def set(self, setting: Setting[T], value: T) -> None:
        if setting.key not in _BY_KEY:
            raise KeyError(setting.key)
        self._values[setting.key] = setting.coerce(value)
        self._save()

    def _save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".settings-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(self._values, fh, ensure_ascii=False, indent=2)
        os.replace(tmp, self.path)
