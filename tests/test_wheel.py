"""The installed product: build the wheel, install it into a fresh virtual environment, run it.

The fresh environment gets only the wheel; the third-party dependencies are borrowed from the
test environment through a .pth file so the test needs no network and no 500 MB of Qt copies.
What this proves is the wheel itself: its packages, its resources and its `ringkvall` command.
"""

from __future__ import annotations

import configparser
import os
import site
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from app import __version__
from tests.conftest import ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(work / "dist"), str(ROOT)],
        check=True, capture_output=True, text=True,
    )
    (wheel,) = (work / "dist").glob("ringkvall-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "resources/demo/practice_contacts.csv" in names
    assert any(n.startswith("resources/translations/") and n.endswith(".qm") for n in names)
    assert "app/db/migrations/versions/0001_initial_schema.py" in names
    assert not any(n.startswith("tests/") for n in names)
    return wheel


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    env_dir = tmp_path_factory.mktemp("installed") / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index",
                    str(wheel)], check=True, capture_output=True, text=True)
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()
    (Path(purelib) / "borrowed_dependencies.pth").write_text(
        "\n".join(site.getsitepackages()) + "\n", encoding="utf-8"
    )
    return env_dir


def _run(env_dir: Path, *args: str, home: Path, command: str = "ringkvall",
         env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if k not in ("RINGKVALL_DB", "PYTHONPATH")}
    full_env.update({"RINGKVALL_HOME": str(home), **(env or {})})
    # Run from an unrelated folder so nothing can come from the checkout.
    return subprocess.run([str(env_dir / "bin" / command), *args], cwd=home, env=full_env,
                          capture_output=True, text=True, timeout=120)


# The window on Qt's offscreen platform, quitting by itself once the database is open and the
# start page lists the campaigns (ui/app.py): exit code 0 means the window really came up.
WINDOW_UNTIL_READY = {"QT_QPA_PLATFORM": "offscreen", "RINGKVALL_EXIT_WHEN": "ready"}


def test_installed_command_reports_its_version(installed: Path, tmp_path: Path) -> None:
    result = _run(installed, "--version", home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"ringkvall {__version__}"


def test_installed_demo_uses_the_wheels_own_resources(installed: Path, tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite"
    result = _run(installed, "demo", "--db", str(db), home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert db.exists() and "Övningskampanj" in result.stdout
    where = subprocess.run(
        [str(installed / "bin" / "python"), "-c", "import resources; print(resources.__file__)"],
        cwd=tmp_path, capture_output=True, text=True, check=True,
    ).stdout
    assert str(installed) in where and str(ROOT) not in where


def test_wheel_declares_the_window_as_the_command_and_as_a_gui_script(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        (name,) = [n for n in archive.namelist() if n.endswith(".dist-info/entry_points.txt")]
        entry_points = configparser.ConfigParser()
        entry_points.read_string(archive.read(name).decode("utf-8"))
    assert dict(entry_points["console_scripts"]) == {"ringkvall": "ui.launcher:main"}
    assert dict(entry_points["gui_scripts"]) == {"ringkvall-gui": "ui.launcher:main"}


@pytest.mark.parametrize("command", ["ringkvall", "ringkvall-gui"])
def test_installed_command_opens_the_window(installed: Path, tmp_path: Path,
                                            command: str) -> None:
    db = tmp_path / "x.sqlite"
    result = _run(installed, "--db", str(db), home=tmp_path, command=command,
                  env=WINDOW_UNTIL_READY)
    assert result.returncode == 0, result.stderr
    assert db.exists()


def test_installed_command_opens_the_practice_window(installed: Path, tmp_path: Path) -> None:
    db = tmp_path / "x.sqlite"
    result = _run(installed, "--practice", "--db", str(db), home=tmp_path,
                  env=WINDOW_UNTIL_READY)
    assert result.returncode == 0, result.stderr
    assert db.exists()


def test_installed_call_opens_the_calling_window(installed: Path, tmp_path: Path) -> None:
    db = tmp_path / "x.sqlite"
    assert _run(installed, "demo", "--db", str(db), home=tmp_path).returncode == 0
    result = _run(installed, "call", "--campaign", "Övningskampanj", "--volunteer", "Test",
                  "--db", str(db), home=tmp_path, env=WINDOW_UNTIL_READY)
    assert result.returncode == 0, result.stderr
    # The names are checked before the window opens: a typo is one line and exit 2.
    typo = _run(installed, "call", "--campaign", "Övningskampanjen", "--volunteer", "Test",
                "--db", str(db), home=tmp_path, env=WINDOW_UNTIL_READY)
    assert typo.returncode == 2 and "Övningskampanjen" in typo.stderr, typo.stderr


def test_a_double_clicked_pack_opens_in_the_installed_command(installed: Path,
                                                               tmp_path: Path) -> None:
    """The installers hand a pack file to `ringkvall FILE` (no command): it opens the pack
    into the laptop's data folder and the window on it."""
    code = "tall-hage-ankare-bad-vete"
    organiser = tmp_path / "organiser.sqlite"
    pack = tmp_path / "Ann.ringkvall"
    assert _run(installed, "demo", "--db", str(organiser), home=tmp_path).returncode == 0
    made = _run(installed, "pack", "create", "--campaign", "Övningskampanj", "--volunteer",
                "Ann", "--size", "3", "-o", str(pack), "--code", code, "--db", str(organiser),
                home=tmp_path)
    assert made.returncode == 0, made.stderr
    laptop = tmp_path / "laptop"
    laptop.mkdir()
    result = _run(installed, str(pack), home=laptop,
                  env={**WINDOW_UNTIL_READY, "RINGKVALL_PACK_CODE": code})
    assert result.returncode == 0, result.stderr
    assert "Ann: 3 people" in result.stdout and "ready" in result.stdout
    # Opened into the laptop's own data folder, not beside the organiser's file.
    assert len(list((laptop / "packs").glob("*.sqlite"))) == 1
