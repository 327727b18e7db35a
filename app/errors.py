"""The one error path: mistakes a user can fix versus bugs.

`UserError` is raised for anything the user caused (bad file, bad number, bad argument). Its
message names the thing and the problem. The command line prints it on one line and exits 2;
the GUI shows it in a plain message box. Anything else is a bug and gets a traceback in the log.

Messages are English templates; the GUI translates the template (context "app") before filling
in the parameters, so `QT_TRANSLATE_NOOP` marks them for lupdate without importing Qt.
"""

from __future__ import annotations

from typing import Any


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for translation in `context`; returns it unchanged."""
    return text


class UserError(Exception):
    """An error the user caused and can fix. `str()` gives the English message."""

    exit_code = 2

    def __init__(self, template: str, **params: Any) -> None:
        self.template = template
        self.params = params
        super().__init__(template.format(**params) if params else template)

    @property
    def message(self) -> str:
        return str(self)


class Cancelled(Exception):
    """Raised inside long work when the user pressed Cancel."""


class DatabaseBusy(UserError):
    """Another Ringkväll (or another caller on a shared server) holds the write lock longer than
    the busy timeout. Nothing was saved; trying again a moment later normally works."""

    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "app", "The database is busy: another Ringkväll is saving. Try again in a moment."))


class StorageError(UserError):
    """The database's storage fails: the disk is full, the file read-only, damaged or failing."""

    def __init__(self, db: str, problem: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("app", "Ringkväll cannot read or save the database {db}: {problem}"),
            db=db, problem=problem)
