"""Workbooks with personal data: spooled in the app's private folder, saved without a trace.

openpyxl's write-only sheets stream each sheet's XML into a temporary file until the workbook
is saved: for a large export over a hundred megabytes of names, numbers and answers. openpyxl
puts those files in the system's shared temporary folder (`/tmp/openpyxl.*`) and removes them
only at a normal exit, so a killed export would leave them there. `private_spool()` puts them
in `app.paths.private_temp_dir()` instead (mode 0700, cleaned at the next start).

openpyxl has no option for this folder. Its sheet writer calls the module function
`openpyxl.worksheet._writer.create_temporary_file` for each sheet, so while any export runs
that function is swapped for one that creates the file in the private folder (counted, so
exports on several threads share the swap; the original returns when the last one ends).
If a future openpyxl no longer has the function the swap is skipped, and a test fails.

`save_workbook` saves through openpyxl's writer into a file we close ourselves: when the disk
fills up half-way, openpyxl's own `Workbook.save` leaves its ZIP file open, which then prints
"Exception ignored in ZipFile.__del__" with a traceback when it is collected.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from app.paths import private_temp_dir, private_temp_prefix
from app.services.output_paths import atomic_write

_lock = threading.Lock()
_users = 0
_original: Callable[..., str] | None = None


def _private_temporary_file(suffix: str = "") -> str:
    """openpyxl's create_temporary_file, in the private folder and named by process id."""
    from openpyxl.worksheet import _writer

    fd, name = tempfile.mkstemp(suffix=suffix, prefix=f"{private_temp_prefix()}openpyxl.",
                                dir=private_temp_dir())
    os.close(fd)
    _writer.ALL_TEMP_FILES.append(name)  # openpyxl's own bookkeeping (cleanup, exit)
    return name


@contextlib.contextmanager
def private_spool() -> Iterator[None]:
    """While inside, openpyxl's write-only sheets spool to the private temporary folder."""
    global _users, _original
    from openpyxl.worksheet import _writer

    with _lock:
        if _users == 0 and hasattr(_writer, "create_temporary_file"):
            _original = _writer.create_temporary_file
            _writer.create_temporary_file = _private_temporary_file
        _users += 1
    try:
        yield
    finally:
        with _lock:
            _users -= 1
            if _users == 0 and _original is not None:
                _writer.create_temporary_file = _original
                _original = None


def save_workbook(wb: Any, target: Path, *, force: bool) -> None:
    """Save a write-only workbook atomically to `target` (see `atomic_write`)."""
    from zipfile import ZIP_DEFLATED, ZipFile

    from openpyxl.writer.excel import ExcelWriter

    if not wb.worksheets:
        wb.create_sheet()
    with atomic_write(target, force=force) as tmp:
        archive = ZipFile(tmp, "w", ZIP_DEFLATED, allowZip64=True)
        try:
            ExcelWriter(wb, archive).save()  # closes the archive when it succeeds
        except BaseException:
            with contextlib.suppress(Exception):
                archive.close()  # fails again on a full disk, but lets go of the file
            raise


def discard(wb: Any) -> None:
    """Close a write-only workbook's half-written sheets and delete their temporary files.

    Without this, Cancel or a full disk leaves open streams that fail noisily when
    garbage-collected, and the spooled personal data on disk until the next start.
    """
    from openpyxl.worksheet import _writer as openpyxl_writer

    for ws in wb.worksheets:
        writer = getattr(ws, "_writer", None)
        rows = getattr(ws, "_rows", None)
        with contextlib.suppress(Exception):
            if rows is not None:
                rows.close()
        with contextlib.suppress(Exception):
            if writer is not None:
                writer.close()  # the sheet's XML stream, and with it the file
        out = getattr(writer, "out", None)
        if isinstance(out, str):
            with contextlib.suppress(OSError):
                os.remove(out)
            with contextlib.suppress(ValueError):
                openpyxl_writer.ALL_TEMP_FILES.remove(out)
