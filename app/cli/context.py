"""What a command handler gets: its parsed arguments and a lazily opened database."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TextIO

from app.db.database import Database, open_database

GuiRunner = Callable[[argparse.Namespace], int]


@dataclass
class CliContext:
    args: argparse.Namespace
    gui_runner: GuiRunner | None = None
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)
    _db: Database | None = None

    def db(self) -> Database:
        if self._db is None:
            self._db = open_database(self.args.db)
        return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
