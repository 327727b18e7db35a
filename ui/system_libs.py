"""Before Qt is imported: are the system libraries Qt's X11 platform (xcb) needs installed?

PySide6's wheels bring Qt but not the X11 libraries its xcb platform plugin links against.
When one is missing (on a fresh Debian or Ubuntu desktop typically libxcb-cursor0), Qt prints
a screenful about platform plugins and aborts with exit code 250. Checking first lets us say in
one line which package to install.

Standard library only, and nothing from the rest of the app: dev.py loads this file by its
path before the virtual environment (and Qt) exists. A test holds it to that.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import sys
from collections.abc import Callable, Iterable, Mapping

# Shared libraries outside the PySide6 wheel and glibc that Qt needs to open a window on X11,
# with the Debian/Ubuntu package that installs each. The list is the NEEDED entries of
# PySide6's plugins/platforms/libqxcb.so, lib/libQt6XcbQpa.so.6, libQt6Gui.so.6 and
# libQt6DBus.so.6 (`objdump -p`), minus what a system without them could not boot anyway
# (libc, libm, libstdc++, libgcc_s, libz).
QT_XCB_LIBRARIES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
}

Lookup = Callable[[str], bool]
"""Whether a shared library (by its soname) can be loaded."""


def can_load(soname: str) -> bool:
    """Whether the dynamic loader finds `soname`.

    dlopen is asked rather than `ldconfig -p` parsed or folders scanned: it searches exactly
    where Qt's own loading will (LD_LIBRARY_PATH, the ld.so cache, the default folders) and
    rejects a library of the wrong architecture. Qt loads these same libraries a moment later,
    so loading them now costs nothing extra.
    """
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def qt_will_use_xcb(environ: Mapping[str, str], platform: str = sys.platform) -> bool:
    """Whether Qt will open its window through the xcb (X11) platform plugin.

    Mirrors how Qt picks: QT_QPA_PLATFORM when set (its first entry, before any ':options');
    otherwise Wayland in a Wayland session that has a Wayland display, else xcb. Without any
    display there is no window to open, and the library check would only mislead.
    """
    if not platform.startswith("linux"):
        return False
    requested = environ.get("QT_QPA_PLATFORM", "").strip()
    if requested:
        return requested.split(";")[0].split(":")[0].strip() == "xcb"
    if environ.get("XDG_SESSION_TYPE") == "wayland" and environ.get("WAYLAND_DISPLAY"):
        return False
    return bool(environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"))


def missing_libraries(find: Lookup = can_load) -> dict[str, str]:
    """The libraries of QT_XCB_LIBRARIES that `find` does not find, with their packages."""
    return {soname: package for soname, package in QT_XCB_LIBRARIES.items() if not find(soname)}


def _joined(words: Iterable[str]) -> str:
    items = list(words)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def message(missing: Mapping[str, str], *, apt: bool, root: bool) -> str:
    """The one line for the person installing: which packages, and the command to run.

    Where apt is not the package manager the Debian names would mislead, so the line names
    the library files and gives the Debian names only as a hint.
    """
    packages = list(dict.fromkeys(missing.values()))
    noun = "library" if len(packages) == 1 else "libraries"
    if apt:
        sudo = "" if root else "sudo "
        return (f"Ringkväll needs the system {noun} {_joined(packages)}: "
                f"{sudo}apt install {' '.join(packages)}")
    return (f"Ringkväll needs the system {noun} {_joined(missing)} (on Debian and Ubuntu: "
            f"{' '.join(packages)}); install {'it' if len(packages) == 1 else 'them'} with "
            "your package manager")


def problem(
    environ: Mapping[str, str] | None = None, platform: str = sys.platform,
    find: Lookup = can_load, *, apt: bool | None = None, root: bool | None = None,
) -> str | None:
    """The line to print instead of opening the window, or None when nothing is missing.

    Each argument left out is this machine's: its environment, platform and loader, whether
    it has apt, whether we run as root.
    """
    if not qt_will_use_xcb(os.environ if environ is None else environ, platform):
        return None
    missing = missing_libraries(find)
    if not missing:
        return None
    if apt is None:
        apt = shutil.which("apt-get") is not None or os.path.exists("/etc/debian_version")
    if root is None:
        root = hasattr(os, "geteuid") and os.geteuid() == 0
    return message(missing, apt=apt, root=root)
