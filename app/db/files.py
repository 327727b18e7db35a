"""Checks of a database location that need only the standard library.

They run before the window opens, so a bad `--db` gets its one-line error at once, without
first importing SQLAlchemy (which the window can load after it is shown).
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

from app.errors import QT_TRANSLATE_NOOP, StorageError, UserError, os_problem

ENV_VAR = "RINGKVALL_DB"
SQLITE_HEADER = b"SQLite format 3\x00"
SUPPORTED_BACKENDS = ("sqlite", "postgresql")
VERSIONS_DIR = Path(__file__).resolve().parent / "migrations" / "versions"


def unknown_scheme(value: str, scheme: str) -> UserError:
    return UserError(
        QT_TRANSLATE_NOOP(
            "app", "Database address {value}: unknown scheme '{scheme}' (use a file path, "
            "sqlite:/// or postgresql://)"
        ),
        value=value, scheme=scheme,
    )


def check_sqlite_file(path: Path) -> None:
    """Refuse anything that is not a readable SQLite file; create a missing one as mode 0600."""
    if path.is_dir():
        raise UserError(QT_TRANSLATE_NOOP("app", "Database {path} is a folder, not a file"),
                        path=str(path))
    if not path.exists():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except (FileExistsError, NotADirectoryError):  # a part of the folder path is a file
            problem = os_problem(NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR)))
            assert problem is not None
            raise StorageError(str(path), problem) from None
        except OSError as exc:
            raise _cannot_create(path, exc) from None
        try:
            # Created readable by its owner only: it will hold personal data.
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            os.close(fd)
        except FileExistsError:
            pass  # made meanwhile, by another window
        except OSError as exc:
            raise _cannot_create(path, exc) from None
        return
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise UserError(
            QT_TRANSLATE_NOOP("app", "Database {path} cannot be read ({reason})"),
            path=str(path), reason=exc.strerror or str(exc),
        ) from None
    if header and header != SQLITE_HEADER:
        raise UserError(
            QT_TRANSLATE_NOOP("app", "Database {path} is not a Ringkväll database (not SQLite)"),
            path=str(path),
        )


def _cannot_create(path: Path, exc: OSError) -> UserError:
    return UserError(
        QT_TRANSLATE_NOOP("app", "Database {path}: cannot create the file ({reason})"),
        path=str(path), reason=exc.strerror or str(exc))


def known_revisions() -> set[str]:
    """Revision ids of the shipped migrations, read from their file names (`<id>_<slug>.py`)."""
    return {p.name.split("_", 1)[0] for p in VERSIONS_DIR.glob("*_*.py")}


def newer_than_app(revision: str | None, display: str) -> UserError | None:
    if revision is None or revision in known_revisions():
        return None
    return UserError(
        QT_TRANSLATE_NOOP(
            "app", "Database {db} was made by a newer Ringkväll (schema {revision}); "
            "update Ringkväll to open it"
        ),
        db=display, revision=revision,
    )


def precheck(cli_value: str | None) -> str:
    """Check what can be checked cheaply; return how to name the database to the user."""
    from app.paths import default_database_path

    value = cli_value or os.environ.get(ENV_VAR) or str(default_database_path())
    if "://" in value:
        scheme = value.split("://", 1)[0]
        if scheme.split("+", 1)[0] not in SUPPORTED_BACKENDS:
            raise unknown_scheme(value, scheme)
        if not scheme.startswith("sqlite"):
            return value.split("@")[-1] if "@" in value else value  # never show a password
        value = value.split("://", 1)[1].removeprefix("/")
        if not value or value == ":memory:":
            return "sqlite (in memory)"
    path = Path(value).expanduser().resolve()
    check_sqlite_file(path)
    if path.stat().st_size:
        try:
            con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            try:
                has_version = con.execute(
                    "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
                ).fetchone()
                row = (con.execute("SELECT version_num FROM alembic_version").fetchone()
                       if has_version else None)
            finally:
                con.close()
        except sqlite3.Error as exc:
            raise UserError(QT_TRANSLATE_NOOP("app", "Database {db} cannot be opened: {reason}"),
                            db=str(path), reason=str(exc)) from None
        error = newer_than_app(str(row[0]) if row else None, str(path))
        if error is not None:
            raise error
    return str(path)


def copy_sqlite(source_uri: str, target: Path) -> None:
    """Copy a SQLite database (its WAL included, consistently, even while another connection
    writes) to `target` with SQLite's backup API. `source_uri` is a file: URI, read-only."""
    src = sqlite3.connect(source_uri, uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
