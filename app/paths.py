"""Where things live: bundled resources, the per-user data folder, the log file."""

from __future__ import annotations

import os
import time
from pathlib import Path

APP_DIR_NAME = "Ringkvall"


def resources_dir() -> Path:
    """The `resources` package, from a checkout or an installed wheel alike."""
    import resources

    return Path(resources.__file__).resolve().parent


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def user_data_dir() -> Path:
    """Per-user data folder; RINGKVALL_HOME overrides it (tests, portable installs)."""
    override = os.environ.get("RINGKVALL_HOME")
    if override:
        return Path(override)
    from platformdirs import user_data_dir as platform_data_dir

    return Path(platform_data_dir(APP_DIR_NAME, appauthor=False))


def user_config_dir() -> Path:
    override = os.environ.get("RINGKVALL_HOME")
    if override:
        return Path(override)
    from platformdirs import user_config_dir as platform_config_dir

    return Path(platform_config_dir(APP_DIR_NAME, appauthor=False))


def default_database_path() -> Path:
    return user_data_dir() / "ringkvall.sqlite"


def log_file_path() -> Path:
    return user_data_dir() / "ringkvall.log"


# --- the private temporary folder -------------------------------------------------------------
# Exports spool personal data to disk while they run (openpyxl's write-only sheets keep each
# sheet's XML in a temporary file until the workbook is saved). Those files go here, into a
# folder only the user can read, never into the shared system temporary folder. Each file's
# name starts with the id of the process that made it, so a later start can tell the files of
# a killed process (removed) from those of another Ringkväll still running (kept).

PRIVATE_TEMP_NAME = "tmp"


def private_temp_dir() -> Path:
    """`<data>/tmp/`, created readable by its owner only (mode 0700)."""
    folder = user_data_dir() / PRIVATE_TEMP_NAME
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if os.name == "posix" and folder.stat().st_mode & 0o077:
        folder.chmod(0o700)  # made earlier, or by hand, with wider rights
    return folder


def private_temp_prefix() -> str:
    """The start of this process's temporary file names in the private folder."""
    return f"{os.getpid()}."


def process_alive(pid: int) -> bool | None:
    """Is process `pid` running? None when it cannot be told (Windows)."""
    if pid == os.getpid():
        return True
    if pid <= 0:
        return False
    if os.name != "posix":
        return None  # os.kill(pid, 0) is no probe on Windows (it would stop the process)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    except OSError:
        return None
    return True


UNKNOWN_OWNER_AGE = 12 * 3600  # seconds: no export takes this long


def left_by_dead_process(pid: int, path: str) -> bool:
    """Was the temporary file `path`, named by process `pid`, left by a process now gone?

    Where it cannot be told whether the process runs (Windows), a file is taken for left
    over once it is older than any export takes.
    """
    alive = process_alive(pid)
    if alive is None:
        try:
            return time.time() - os.stat(path).st_mtime > UNKNOWN_OWNER_AGE
        except OSError:
            return False
    return not alive


def cleanup_private_temp() -> int:
    """Remove what killed processes left in the private temporary folder; how many files.

    Called once at start-up (the command line before a command, the window once its database
    is open). Never raises: a folder that cannot be read is left for the next start.
    """
    folder = user_data_dir() / PRIVATE_TEMP_NAME
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        pid_text = entry.name.split(".", 1)[0]
        if not pid_text.isdigit():
            continue  # not ours to judge
        try:
            if entry.is_dir(follow_symlinks=False):
                continue
            if not left_by_dead_process(int(pid_text), entry.path):
                continue  # another Ringkväll still exporting (or this process)
            os.remove(entry.path)
            removed += 1
        except OSError:
            continue
    return removed
