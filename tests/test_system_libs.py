"""Before the window opens on X11: a missing system library is one line naming the package,
not Qt's abort. The lookup is passed in, so each case is a real run of the check."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import ROOT
from ui.system_libs import (
    QT_XCB_LIBRARIES,
    can_load,
    message,
    missing_libraries,
    problem,
    qt_will_use_xcb,
)

X11_DESKTOP = {"DISPLAY": ":0", "XDG_SESSION_TYPE": "x11"}


def all_but(*absent: str) -> Callable[[str], bool]:
    return lambda soname: soname not in absent


def test_a_missing_xcb_cursor_is_one_line_naming_the_package_and_the_command() -> None:
    line = problem(X11_DESKTOP, "linux", all_but("libxcb-cursor.so.0"), apt=True, root=False)
    assert line == ("Ringkväll needs the system library libxcb-cursor0: "
                    "sudo apt install libxcb-cursor0")


def test_several_missing_libraries_are_named_once_per_package() -> None:
    find = all_but("libxcb-icccm.so.4", "libglib-2.0.so.0", "libgthread-2.0.so.0",
                   "libxcb-keysyms.so.1")
    line = problem(X11_DESKTOP, "linux", find, apt=True, root=True)
    assert line == ("Ringkväll needs the system libraries libxcb-icccm4, libxcb-keysyms1 and "
                    "libglib2.0-0: apt install libxcb-icccm4 libxcb-keysyms1 libglib2.0-0")


def test_without_apt_the_line_names_the_library_files() -> None:
    line = message({"libxcb-cursor.so.0": "libxcb-cursor0"}, apt=False, root=False)
    assert line == ("Ringkväll needs the system library libxcb-cursor.so.0 (on Debian and "
                    "Ubuntu: libxcb-cursor0); install it with your package manager")
    assert "\n" not in line


def test_nothing_missing_is_no_problem() -> None:
    assert problem(X11_DESKTOP, "linux", lambda soname: True) is None
    assert missing_libraries(lambda soname: True) == {}


@pytest.mark.parametrize(("environ", "platform", "xcb"), [
    ({"DISPLAY": ":0"}, "linux", True),
    (X11_DESKTOP, "linux", True),
    ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}, "linux", True),
    ({"QT_QPA_PLATFORM": "xcb:nograb"}, "linux", True),
    ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", True),  # no Wayland session: Qt picks xcb
    ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, "linux", False),
    ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "wayland;xcb"}, "linux", False),
    ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"},
     "linux", False),
    ({}, "linux", False),  # no display at all: no window to open
    ({"DISPLAY": ":0"}, "darwin", False),
    ({"DISPLAY": ":0"}, "win32", False),
])
def test_the_check_applies_only_where_qt_opens_the_window_through_xcb(
    environ: dict[str, str], platform: str, xcb: bool
) -> None:
    assert qt_will_use_xcb(environ, platform) is xcb
    nothing_found = problem(environ, platform, lambda soname: False, apt=True, root=False)
    assert (nothing_found is not None) is xcb


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the dynamic loader of Linux")
def test_the_real_lookup_asks_the_dynamic_loader() -> None:
    assert can_load("libc.so.6")
    assert not can_load("libringkvall-absent.so.0")


def test_the_module_needs_nothing_but_the_standard_library() -> None:
    """dev.py loads it before the venv exists: -I -S leaves out site-packages and the checkout."""
    code = (
        "import importlib.util, sys\n"
        f"spec = importlib.util.spec_from_file_location('m', {str(ROOT / 'ui/system_libs.py')!r})\n"
        "m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)\n"
        "print(m.problem({'DISPLAY': ':0'}, 'linux', lambda s: False, apt=True, root=True))\n"
        "assert not any(n.split('.')[0] in ('app', 'ui', 'PySide6') for n in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-I", "-S", "-c", code], capture_output=True,
                            text=True, cwd="/", timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Ringkväll needs the system libraries libxcb-cursor0, ")


def _needed(path: Path) -> list[str]:
    """The DT_NEEDED entries of a 64-bit little-endian ELF file (what `objdump -p` lists)."""
    data = path.read_bytes()
    assert data[:4] == b"\x7fELF" and data[4] == 2 and data[5] == 1
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize)
                for i in range(shnum)]
    (dynamic,) = [s for s in sections if s[1] == 6]  # SHT_DYNAMIC
    strtab = sections[dynamic[6]][4]  # sh_link: the string table's section, at its offset
    names = []
    for offset in range(dynamic[4], dynamic[4] + dynamic[5], 16):
        tag, value = struct.unpack_from("<qQ", data, offset)
        if tag == 0:  # DT_NULL
            break
        if tag == 1:  # DT_NEEDED
            end = data.index(b"\0", strtab + value)
            names.append(data[strtab + value:end].decode())
    return names


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PySide6's Linux build")
def test_the_list_covers_what_the_installed_qt_links_against() -> None:
    """A PySide6 upgrade that links a new system library (as 6.5 did with libxcb-cursor)
    fails here, not on a volunteer's laptop."""
    import importlib.util

    spec = importlib.util.find_spec("PySide6")
    assert spec is not None and spec.submodule_search_locations
    qt = Path(next(iter(spec.submodule_search_locations))) / "Qt"
    bundled = {p.name for p in (qt / "lib").iterdir()}
    glibc_and_compiler = {"libc.so.6", "libm.so.6", "libstdc++.so.6", "libgcc_s.so.1",
                          "libz.so.1", "libdl.so.2", "libpthread.so.0", "librt.so.1"}
    binaries = [qt / "plugins/platforms/libqxcb.so",
                *(qt / "lib" / name for name in ("libQt6XcbQpa.so.6", "libQt6Gui.so.6",
                                                 "libQt6DBus.so.6"))]
    needed = {name for binary in binaries for name in _needed(binary)}
    system = {n for n in needed if n not in bundled and n not in glibc_and_compiler
              and not n.startswith("ld-linux")}
    assert "libxcb-cursor.so.0" in system  # the parser found the plugin's real list
    assert system <= set(QT_XCB_LIBRARIES), sorted(system - set(QT_XCB_LIBRARIES))


# A library no machine has, as the only one required: the real loader really does not find
# it, so the launcher and dev.py are run for real, start to finish, on any machine.
ABSENT = "QT_XCB_LIBRARIES.clear(); QT_XCB_LIBRARIES['libringkvall-absent.so.0'] = 'rk-absent'"
ABSENT_LINE = "Ringkväll needs the system library rk-absent: "


def _x11_env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE", "RINGKVALL_DB")}
    # A display nobody serves: if the check let Qt start, Qt would abort, not exit 2.
    env.update({"DISPLAY": ":97", "RINGKVALL_HOME": str(home), **extra})
    return env


def _launch(db: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    code = ("import sys\nfrom ui.system_libs import QT_XCB_LIBRARIES\n" + ABSENT + "\n"
            "from ui.launcher import main\n"
            f"sys.exit(main(['--db', {str(db)!r}]))\n")
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 on Linux")
def test_the_launcher_says_what_is_missing_before_qt(tmp_path: Path) -> None:
    result = _launch(tmp_path / "x.sqlite", _x11_env(tmp_path))
    assert result.returncode == 2, result
    assert result.stderr.startswith(ABSENT_LINE) and result.stderr.count("\n") == 1, result
    assert not (tmp_path / "x.sqlite").exists()


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 on Linux")
def test_other_qt_platforms_are_not_held_back_by_the_x11_libraries(tmp_path: Path) -> None:
    env = _x11_env(tmp_path, QT_QPA_PLATFORM="offscreen", RINGKVALL_EXIT_WHEN="ready")
    result = _launch(tmp_path / "x.sqlite", env)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "x.sqlite").exists()


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 on Linux")
def test_dev_py_run_says_what_is_missing_before_setting_up(tmp_path: Path) -> None:
    """A copy of the checkout's dev.py and check, so the real .venv is never touched."""
    shutil.copy(ROOT / "dev.py", tmp_path / "dev.py")
    (tmp_path / "ui").mkdir()
    source = (ROOT / "ui" / "system_libs.py").read_text(encoding="utf-8")
    (tmp_path / "ui" / "system_libs.py").write_text(source + "\n" + ABSENT + "\n",
                                                    encoding="utf-8")
    result = subprocess.run([sys.executable, str(tmp_path / "dev.py"), "run"], cwd=tmp_path,
                            env=_x11_env(tmp_path), capture_output=True, text=True, timeout=120)
    assert result.returncode == 2, result
    assert result.stderr.startswith(ABSENT_LINE) and result.stderr.count("\n") == 1, result
    assert not (tmp_path / ".venv").exists()
