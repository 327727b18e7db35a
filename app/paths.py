"""Where things live: bundled resources, the per-user data folder, the log file."""

from __future__ import annotations

import os
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
