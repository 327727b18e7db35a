"""Logging to a file in the user's data folder, so a bug report can include it.

Users are asked to send this file with a bug report, so it holds error details and technical
information only, never the personal data of the people called (names, numbers, answers):

- the file and its rotated copies are readable by their owner only (0600), like the database;
- SQL parameters never reach it: the engine hides them (`hide_parameters=True` in
  app/db/database.py), and `_PrivateFormatter` removes a "[parameters: ...]" line that
  another engine's error might still carry;
- phone numbers that an exception message might quote are masked by the same formatter;
- log calls name rows by their ids and counts, never by their contents.
"""

from __future__ import annotations

import contextlib
import io
import logging
import logging.handlers
import os
import re
from typing import Any, cast

from app.paths import log_file_path

_configured = False
LOG_MODE = 0o600
MAX_BYTES = 1_000_000
BACKUP_COUNT = 2

# SQLAlchemy's StatementError text: "[parameters: (...)]" on one line (reprs escape newlines).
_PARAMETERS = re.compile(r"\[parameters: [^\n]*")
# Something that looks like a phone number: "+46701740605", "070-174 06 05", "0046 8 ...".
_PHONE_LIKE = re.compile(r"(?<![\w+.])(?:\+|0)\d[\d \-]{5,}\d")
_MIN_PHONE_DIGITS = 8


def _mask_phone(match: re.Match[str]) -> str:
    digits = sum(ch.isdigit() for ch in match.group())
    return "[number]" if digits >= _MIN_PHONE_DIGITS else match.group()


def scrub(text: str) -> str:
    """`text` without SQL parameters and without anything that looks like a phone number."""
    text = _PARAMETERS.sub("[parameters hidden]", text)
    return _PHONE_LIKE.sub(_mask_phone, text)


class _PrivateFormatter(logging.Formatter):
    """Scrubs the message and the traceback; the time stamp is left as it is."""

    def formatMessage(self, record: logging.LogRecord) -> str:
        scrubbed = logging.makeLogRecord(record.__dict__)  # other handlers see the original
        scrubbed.message = scrub(record.message)
        return super().formatMessage(scrubbed)

    def formatException(self, ei: Any) -> str:
        return scrub(super().formatException(ei))

    def formatStack(self, stack_info: str) -> str:
        return scrub(super().formatStack(stack_info))


def _private_opener(path: str, flags: int) -> int:
    """Open (creating) with mode 0600, and tighten a file an older version left readable."""
    fd = os.open(path, flags, LOG_MODE)
    if hasattr(os, "fchmod"):
        with contextlib.suppress(OSError):  # a file system without modes (FAT on a USB stick)
            os.fchmod(fd, LOG_MODE)
    return fd


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose file and rotated copies are created readable by their owner only;
    a log that cannot be written (a full disk) is skipped without noise on the console."""

    def _open(self) -> io.TextIOWrapper:
        # logging keeps its own reference to open() for use during interpreter shutdown.
        open_func = getattr(self, "_builtin_open", open)
        stream = open_func(self.baseFilename, self.mode, encoding=self.encoding,
                           errors=self.errors, opener=_private_opener)
        return cast(io.TextIOWrapper, stream)

    def doRollover(self) -> None:
        super().doRollover()
        self.tighten_backups()

    def tighten_backups(self) -> None:
        for i in range(1, self.backupCount + 1):
            with contextlib.suppress(OSError):  # not there (yet)
                os.chmod(self.rotation_filename(f"{self.baseFilename}.{i}"), LOG_MODE)

    def handleError(self, record: logging.LogRecord) -> None:
        # logging's default prints a traceback to stderr: on a full disk every command would
        # then print pages instead of its one line.
        pass


def setup_logging(level: int = logging.INFO) -> None:
    global _configured
    if _configured:
        return
    _configured = True
    root = logging.getLogger()
    root.setLevel(level)
    try:
        path = log_file_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        rotating = PrivateRotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
        rotating.tighten_backups()  # copies an older version left readable to all
        handler: logging.Handler = rotating
    except OSError:
        handler = logging.NullHandler()  # a read-only home must not stop the app
    handler.setFormatter(_PrivateFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
