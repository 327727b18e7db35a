"""The Linux download: dist/ringkvall-VERSION-linux-ARCH.tar.gz from the built dist/ringkvall/.

It holds the one-folder bundle, a menu entry (.desktop) with its icon, the shared-mime-info
file that makes .ringkvall calling packs open with Ringkväll, and install.sh, which puts them
in the user's own folders (no root). Standard library only (dev.py runs it).
"""

from __future__ import annotations

import io
import os
import platform
import re
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = """Ringkväll {version}

Install (once): open a terminal in this folder and run   ./install.sh
Ringkväll is then in the menu (Office), and .ringkvall calling packs open with it.
Or run it without installing:   ./ringkvall/ringkvall
Remove it:   ./install.sh --remove   (your database and settings are kept)

On a bare system Qt may need a few libraries that every desktop has (libGL, libEGL,
fontconfig, X11); docs/install.md in the source lists them.
"""


def version() -> str:
    text = (ROOT / "app" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE)
    assert match is not None, "no __version__ in app/__init__.py"
    return match.group(1)


def extras() -> dict[str, Path]:
    """Name inside the archive's top folder -> source file, besides the bundle."""
    return {
        "install.sh": ROOT / "packaging" / "install.sh",
        "ringkvall.desktop": ROOT / "resources" / "desktop" / "ringkvall.desktop",
        "ringkvall-pack.desktop": ROOT / "resources" / "desktop" / "ringkvall-pack.desktop",
        "ringkvall-mime.xml": ROOT / "resources" / "desktop" / "ringkvall-mime.xml",
        "ringkvall.png": ROOT / "resources" / "icons" / "ringkvall.png",
        "ringkvall.svg": ROOT / "resources" / "icons" / "ringkvall.svg",
    }


def make_tarball(bundle: Path, out_dir: Path) -> Path:
    top = f"ringkvall-{version()}"
    out = out_dir / f"{top}-linux-{platform.machine()}.tar.gz"
    fd, tmp = tempfile.mkstemp(dir=out_dir, prefix=".ringkvall-", suffix=".tar.gz.tmp")
    os.close(fd)
    try:
        with tarfile.open(tmp, "w:gz", compresslevel=6) as archive:
            archive.add(bundle, arcname=f"{top}/ringkvall")  # keeps the bundle's links
            for name, source in extras().items():
                info = archive.gettarinfo(str(source), arcname=f"{top}/{name}")
                info.mode = 0o755 if name.endswith(".sh") else 0o644
                with source.open("rb") as fh:
                    archive.addfile(info, fh)
            text = README.format(version=version()).encode("utf-8")
            info = tarfile.TarInfo(f"{top}/README.txt")
            info.size, info.mode = len(text), 0o644
            archive.addfile(info, io.BytesIO(text))
        os.chmod(tmp, 0o644)  # a download, not a private file (mkstemp made it 0600)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return out


if __name__ == "__main__":
    print(make_tarball(ROOT / "dist" / "ringkvall", ROOT / "dist"))
