"""What every screen is handed: the open database, the settings and the task runner."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from app.settings import Settings
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from app.db.database import Database


class DataEvents(QObject):
    """Broadcast that data changed, so open screens (dashboard, lists) can refresh."""

    changed = Signal(str)  # what changed: "calls", "contacts", "scripts", "campaigns"


class UiContext:
    """Handed to every screen. The database may be opened on first use (`opener`), so the
    window can be shown before SQLAlchemy is even imported."""

    def __init__(
        self,
        db: Database | None = None,
        settings: Settings | None = None,
        runner: TaskRunner | None = None,
        events: DataEvents | None = None,
        campaign_id: int | None = None,
        opener: Callable[[], Database] | None = None,
        location: str | None = None,
    ) -> None:
        if db is None and opener is None:
            raise ValueError("UiContext needs a database or a way to open one")
        self._db = db
        self._opener = opener
        self.settings = settings or Settings()
        self.runner = runner or TaskRunner()
        self.events = events or DataEvents()
        self.campaign_id = campaign_id  # the campaign the organiser is looking at
        self._location = location

    @property
    def db(self) -> Database:
        if self._db is None:
            assert self._opener is not None
            self._db = self._opener()
        return self._db

    @db.setter
    def db(self, value: Database) -> None:
        self._db = value
        self._location = None

    @property
    def db_is_open(self) -> bool:
        return self._db is not None

    @property
    def location(self) -> str:
        """How to name the database to the user, without opening it."""
        if self._location is None:
            self._location = self.db.location.display()
        return self._location
