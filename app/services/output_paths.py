"""Where a command may write its output, and writing it so that nothing is ever half-written.

One check for every command and dialog that writes a file (`export`, `csv`, `rollup`,
`script export`): the output may not be the open database, its `-wal`/`-shm`/`-journal`
files or its backups, nor one of the command's own inputs; an existing file is replaced only
when the user said so (`--force`, or Yes in the window's question), and never when it is
read-only or open in an office program. Paths in messages are shown on one line, whatever
characters their names hold.

`atomic_write` then writes under a temporary name beside the target and renames it when
complete. The temporary name is recognisable (`.<name>.ringkvall-tmp-<pid>-<random>`): if the
process is killed in the short moment the complete file is being written, the next write
into that folder removes the leftover. Storage failures (disk full, read-only, no
permission, a name too long, a file too large) become one clear `OutputError`.
"""

from __future__ import annotations

import contextlib
import errno
import fnmatch
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from app.errors import QT_TRANSLATE_NOOP, UserError, os_problem
from app.paths import left_by_dead_process

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")
TEMP_MARK = ".ringkvall-tmp-"
_NAME_IN_TEMP = 80  # characters of the target's name kept in its temporary name

PathLike = str | os.PathLike[str]

# What went wrong, by errno, beyond what `app.errors.os_problem` words (shared with every
# other file operation): a missing folder, a file in use.
_PROBLEMS = {
    errno.ENOENT: QT_TRANSLATE_NOOP("app", "the folder does not exist"),
    errno.ENOTDIR: QT_TRANSLATE_NOOP("app", "a part of the path is a file, not a folder"),
    errno.EBUSY: QT_TRANSLATE_NOOP("app", "the file is in use by another program"),
    errno.ETXTBSY: QT_TRANSLATE_NOOP("app", "the file is in use by another program"),
}
# Windows: ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION (the file is open in Excel).
_WINDOWS_IN_USE = {32, 33}


def display_path(path: PathLike | None) -> str:
    """The path on one line: control characters (a newline in a name) shown escaped."""
    text = os.fspath(path) if path is not None else ""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii")
                   for ch in text)


class OutputError(UserError):
    """The output file cannot be written: the disk, the folder or the name is the problem."""

    def __init__(self, path: PathLike, problem: str) -> None:
        super().__init__(QT_TRANSLATE_NOOP("app", "Cannot write {path}: {problem}"),
                         path=display_path(path), problem=problem)
        self.path = Path(path)


class OutputExists(UserError):
    """The output exists and the user did not say to replace it (the window asks first)."""

    def __init__(self, path: PathLike) -> None:
        super().__init__(QT_TRANSLATE_NOOP("app", "{path} already exists; add --force to "
                                                  "replace it"),
                         path=display_path(path))
        self.path = Path(path)


def storage_problem(exc: OSError) -> str:
    """The user's words for an OSError met while writing a file."""
    if getattr(exc, "winerror", None) in _WINDOWS_IN_USE:
        return _PROBLEMS[errno.EBUSY]
    problem = os_problem(exc)
    if problem is not None:
        return problem
    if exc.errno in _PROBLEMS:
        return _PROBLEMS[exc.errno]
    return exc.strerror or str(exc)


def output_error(path: PathLike, exc: OSError) -> OutputError:
    return OutputError(path, storage_problem(exc))


# --- the check ---------------------------------------------------------------------------------

def check_output(path: PathLike, *, database: object = None, inputs: Iterable[PathLike] = (),
                 force: bool = False) -> Path:
    """Refuse an output path that would destroy something; the absolute path to write.

    `database` is the database in use (a `DatabaseLocation`, a `Database`, or the SQLite
    file's path; anything else, such as a PostgreSQL location, has no file to protect).
    `inputs` are the files the command reads. Relative paths, `~` and symbolic links are
    resolved, and files that exist are compared as files (hard links, case-insensitive
    disks). Without `force` an existing file is refused; with it, a read-only file or one
    open in an office program still is.
    """
    target = Path(os.path.abspath(os.path.expanduser(os.fspath(path))))
    db_file = database_file(database)
    if db_file is not None:
        _refuse_database(target, db_file)
    for source in inputs:
        if _same_file(target, Path(os.path.abspath(os.path.expanduser(os.fspath(source))))):
            raise UserError(QT_TRANSLATE_NOOP("app", "{path} is both read and written; choose "
                                                     "another name for the output file"),
                            path=display_path(target))
    if os.path.isdir(target):
        raise UserError(QT_TRANSLATE_NOOP("app", "{path} is a folder, not a file"),
                        path=display_path(target))
    check_folder(target)
    check_replaceable(target, force=force)
    return target


def check_replaceable(target: Path, *, force: bool) -> None:
    """An existing `target` may be replaced only with `force`, and never when it is read-only
    or open in another program."""
    try:
        st = target.stat()
    except FileNotFoundError:
        return  # nothing there yet
    except OSError as exc:  # a name too long, a file on the way, no permission
        raise output_error(target, exc) from None
    if not stat.S_ISREG(st.st_mode):
        if stat.S_ISDIR(st.st_mode):
            raise UserError(QT_TRANSLATE_NOOP("app", "{path} is a folder, not a file"),
                            path=display_path(target))
        raise UserError(QT_TRANSLATE_NOOP("app", "{path} is not an ordinary file; choose "
                                                 "another name"), path=display_path(target))
    if not force:
        raise OutputExists(target)
    # Mode bits, not only os.access: an administrator may write anything, yet a file marked
    # read-only was marked so by someone, and is not to be silently replaced.
    if not st.st_mode & 0o222 or not os.access(target, os.W_OK):
        raise UserError(QT_TRANSLATE_NOOP("app", "{path} is read-only; Ringkväll will not "
                                                 "replace it"), path=display_path(target))
    if _open_elsewhere(target):
        raise UserError(QT_TRANSLATE_NOOP("app", "{path} is open in another program; close it "
                                                 "there first"), path=display_path(target))


def database_file(database: object) -> Path | None:
    """The SQLite file of a `Database`, `DatabaseLocation`, path, or None."""
    if database is None:
        return None
    location = getattr(database, "location", database)
    if hasattr(location, "sqlite_path"):
        sqlite_path = location.sqlite_path
        return Path(sqlite_path) if sqlite_path is not None else None
    if isinstance(database, str | os.PathLike):
        return Path(os.path.abspath(os.path.expanduser(os.fspath(database))))
    return None


def session_database(session: Session) -> Path | None:
    """The SQLite file a session reads, to protect it from being written over."""
    url = session.get_bind().engine.url
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(os.path.abspath(url.database))


def _refuse_database(target: Path, db_file: Path) -> None:
    db_forms = {db_file, Path(os.path.realpath(db_file))}
    for db in db_forms:
        for name in ("", *SQLITE_COMPANIONS):
            if _same_file(target, db.with_name(db.name + name)):
                raise UserError(
                    QT_TRANSLATE_NOOP("app", "{path} is part of the database {db}; choose "
                                             "another name for the output file"),
                    path=display_path(target), db=display_path(db_file))
        backups = f"{db.stem}.backup-*{db.suffix or '.sqlite'}"
        real_target = Path(os.path.realpath(target))
        for candidate in {target, real_target}:
            if (_same_file(candidate.parent, db.parent)
                    and fnmatch.fnmatchcase(os.path.normcase(candidate.name),
                                            os.path.normcase(backups))):
                raise UserError(
                    QT_TRANSLATE_NOOP("app", "{path} is a backup of the database {db}; choose "
                                             "another name for the output file"),
                    path=display_path(target), db=display_path(db_file))


def _same_file(a: Path, b: Path) -> bool:
    with contextlib.suppress(OSError, ValueError):
        if os.path.exists(a) and os.path.exists(b):
            return os.path.samefile(a, b)
    return (os.path.normcase(os.path.realpath(a)) == os.path.normcase(os.path.realpath(b)))


def _open_elsewhere(target: Path) -> bool:
    """Office programs mark a file they have open with a lock file beside it."""
    folder, name = target.parent, target.name
    markers = (f".~lock.{name}#",  # LibreOffice
               f"~${name}")  # Microsoft Office (its owner file)
    if any(os.path.lexists(folder / marker) for marker in markers):
        return True
    if os.name == "nt":  # Excel holds the file itself open without sharing it
        try:
            with open(target, "ab"):
                pass
        except PermissionError:
            return True
        except OSError:
            return False
    return False


# --- writing -----------------------------------------------------------------------------------

@contextlib.contextmanager
def atomic_write(target: PathLike, *, force: bool = False) -> Iterator[Path]:
    """Yield a temporary path beside `target`; on success it becomes `target`, else vanishes.

    Cancel (an exception) or an error in the writer leaves nothing under the target's name
    and keeps an older file there untouched. Any OSError inside, the caller's own writes
    included, becomes an `OutputError` naming the target. The existing-file rule of
    `check_replaceable` is applied again just before the rename.
    """
    target = Path(os.path.abspath(os.path.expanduser(os.fspath(target))))
    folder = target.parent
    if os.path.isdir(target):
        raise UserError(QT_TRANSLATE_NOOP("app", "{path} is a folder, not a file"),
                        path=display_path(target))
    check_folder(target)
    check_replaceable(target, force=force)
    prefix = f".{target.name[:_NAME_IN_TEMP]}{TEMP_MARK}"
    remove_leftovers(folder, prefix)
    try:
        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f"{prefix}{os.getpid()}-")
        os.close(fd)
    except OSError as exc:
        raise output_error(target, exc) from None
    tmp = Path(tmp_name)
    try:
        yield tmp
        _flush_to_disk(tmp)
        check_replaceable(target, force=force)  # someone may have made it meanwhile
        os.replace(tmp, target)
    except OSError as exc:
        _unlink(tmp)
        raise output_error(target, exc) from None
    except BaseException:
        _unlink(tmp)
        raise


def write_text_output(target: PathLike, text: str, *, force: bool = False) -> Path:
    """Write a UTF-8 text file atomically (see `atomic_write`); its absolute path."""
    with atomic_write(target, force=force) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return Path(os.path.abspath(os.path.expanduser(os.fspath(target))))


def check_folder(target: Path) -> None:
    """The folder to write into exists (and is a folder)."""
    folder = target.parent
    if not os.path.isdir(folder):
        above = os.path.exists(folder) or _file_above(folder)
        raise OutputError(target, _PROBLEMS[errno.ENOTDIR if above else errno.ENOENT])


def remove_leftovers(folder: Path, prefix: str) -> None:
    """Temporary files of a killed process for this target, left beside it: removed."""
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if not entry.name.startswith(prefix):
                continue
            pid_text = entry.name[len(prefix):].split("-", 1)[0]
            if pid_text.isdigit() and left_by_dead_process(int(pid_text), entry.path):
                _unlink(Path(entry.path))


def _file_above(folder: Path) -> bool:
    return any(os.path.exists(p) and not os.path.isdir(p) for p in folder.parents)


def _flush_to_disk(path: Path) -> None:
    """The data on disk before the rename: a power cut must not leave an empty file."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in (errno.EINVAL, errno.EBADF):  # not every file system syncs
            raise
    finally:
        os.close(fd)


def _unlink(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()

