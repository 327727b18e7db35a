"""The one error path: mistakes a user can fix versus bugs.

`UserError` is raised for anything the user caused (bad file, bad number, bad argument). Its
message names the thing and the problem. The command line prints it on one line and exits 2;
the GUI shows it in a plain message box. Anything else is a bug and gets a traceback in the log.

Messages are English templates; the GUI translates the template (context "app") before filling
in the parameters, so `QT_TRANSLATE_NOOP` marks them for lupdate without importing Qt.
"""

from __future__ import annotations

import errno
import os
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


class PermissionRefused(UserError):
    """The server refused the login's rights (SQLSTATE 42501): a volunteer's login trying what
    only an organiser may do (export, import, script editing). Nothing was changed."""

    def __init__(self, user: str, what: str) -> None:
        if user:
            super().__init__(QT_TRANSLATE_NOOP(
                "app", "The server does not allow your login {user} to do this ({what}); "
                       "ask an organiser"), user=user, what=what)
        else:
            super().__init__(QT_TRANSLATE_NOOP(
                "app", "The server does not allow your login to do this ({what}); "
                       "ask an organiser"), what=what)


_READ_ONLY = QT_TRANSLATE_NOOP("app", "the file or its folder is read-only")
_DISK_FULL = QT_TRANSLATE_NOOP("app", "the disk is full")
# File system errors the user can fix (free space, pick another folder or a shorter name).
# EFBIG is a file grown past what the file system or the process may write: a full disk as
# far as the user is concerned.
_OS_PROBLEMS: dict[int, str] = {
    errno.ENOSPC: _DISK_FULL,
    errno.EFBIG: _DISK_FULL,
    errno.EROFS: _READ_ONLY,
    errno.EACCES: QT_TRANSLATE_NOOP("app", "permission denied"),
    errno.EPERM: QT_TRANSLATE_NOOP("app", "permission denied"),
    errno.ENAMETOOLONG: QT_TRANSLATE_NOOP("app", "the name is too long"),
    errno.ENOTDIR: QT_TRANSLATE_NOOP("app", "a part of the path is a file, not a folder"),
    errno.EISDIR: QT_TRANSLATE_NOOP("app", "it is a folder, not a file"),
    errno.EIO: QT_TRANSLATE_NOOP("app", "the disk cannot be read or written (disk I/O error)"),
}
if hasattr(errno, "EDQUOT"):  # not on Windows
    _OS_PROBLEMS[errno.EDQUOT] = _DISK_FULL


def os_problem(exc: OSError) -> str | None:
    """What is wrong, for an error the user can fix ("the disk is full"); None for a bug."""
    return _OS_PROBLEMS.get(exc.errno) if exc.errno is not None else None


def os_fault(exc: OSError, path: str | None = None) -> UserError | None:
    """The user's side of a failed file operation (full disk, read-only, a name too long...),
    as one line naming the file; None for anything else, which is a bug.

    `path` names the file when the error does not (a write to an open file has no name).
    """
    problem = os_problem(exc)
    if problem is None:
        return None
    name = exc.filename
    if isinstance(name, (str, bytes, os.PathLike)):
        path = os.fsdecode(name)
    if path is None:
        return UserError(
            QT_TRANSLATE_NOOP("app", "Ringkväll cannot read or write a file: {problem}"),
            problem=problem)
    return UserError(QT_TRANSLATE_NOOP("app", "Ringkväll cannot read or write {path}: {problem}"),
                     path=path, problem=problem)
