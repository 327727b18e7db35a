"""How long-running services report progress and notice Cancel, without knowing about Qt."""

from __future__ import annotations

from typing import Protocol

from app.errors import Cancelled


class Progress(Protocol):
    def report(self, done: int, total: int | None = None, text: str = "") -> None:
        """Record progress; raises `Cancelled` when the user asked to stop."""


class NoProgress:
    """For the command line and tests: never cancelled, reports nowhere."""

    def report(self, done: int, total: int | None = None, text: str = "") -> None:
        return None


class CancelAfter:
    """Cancels after `limit` reports; lets tests stop long work at a known point."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.calls = 0

    def report(self, done: int, total: int | None = None, text: str = "") -> None:
        self.calls += 1
        if self.calls > self.limit:
            raise Cancelled()
