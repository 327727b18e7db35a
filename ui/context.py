"""What every screen is handed: the open database, the settings and the task runner."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from app.db.database import Database
from app.settings import Settings
from ui.tasks import TaskRunner


class DataEvents(QObject):
    """Broadcast that data changed, so open screens (dashboard, lists) can refresh."""

    changed = Signal(str)  # what changed: "calls", "contacts", "scripts", "campaigns"


@dataclass
class UiContext:
    db: Database
    settings: Settings
    runner: TaskRunner
    events: DataEvents = field(default_factory=DataEvents)
    campaign_id: int | None = None  # the campaign the organiser is looking at
