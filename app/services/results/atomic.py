"""Write a file under a temporary name and rename it: never a half-written export."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from app.errors import QT_TRANSLATE_NOOP, UserError


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside `target`; on success it becomes `target`, else vanishes.

    Cancel (an exception) or a crash in the writer leaves nothing under the target's name.
    """
    target = Path(target)
    if target.is_dir():
        raise UserError(QT_TRANSLATE_NOOP("app", "{path} is a folder, not a file"),
                        path=str(target))
    folder = target.parent
    if not folder.is_dir():
        raise UserError(QT_TRANSLATE_NOOP("app", "Cannot write {path}: the folder {folder} "
                                                 "does not exist"),
                        path=str(target), folder=str(folder))
    try:
        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise UserError(QT_TRANSLATE_NOOP("app", "Cannot write {path} ({reason})"),
                        path=str(target), reason=exc.strerror or str(exc)) from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
