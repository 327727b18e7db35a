#!/usr/bin/env python3
"""Smoke test of the built bundle: python3 packaging/smoke_test.py [dist/ringkvall]

Runs the bundled program as a volunteer's laptop would, in a clean environment (only PATH,
HOME and QT_QPA_PLATFORM=offscreen; nothing from the checkout or its virtual environment):
  --version prints the package version;
  `demo` on a new SQLite file succeeds (the Alembic migrations are inside the bundle);
  the window opens and reaches "ready" (RINGKVALL_EXIT_WHEN=ready, see ui/app.py), with Qt's
  own standard buttons in Swedish ("Avbryt");
  `export` writes a workbook;
  the folder is under 250 MB.
Standard library only: it runs with the system's python3, before or without the venv.
Exit code 0 when every check passed; each failure is one line on stderr.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIMIT_BYTES = 250 * 1024 * 1024
PRACTICE = "Övningskampanj"
TIMEOUT = 180  # seconds; a first start on a cold disk is slow, a hang must still end


def package_version() -> str:
    text = (ROOT / "app" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE)
    if match is None:
        raise SystemExit("smoke test: no __version__ in app/__init__.py")
    return match.group(1)


def folder_size(folder: Path) -> int:
    """Bytes of the files in `folder` (links counted as links, as an archive holds them)."""
    total = 0
    for dirpath, _dirs, files in os.walk(folder):
        for name in files:
            total += os.lstat(os.path.join(dirpath, name)).st_size
    return total


class Smoke:
    def __init__(self, bundle: Path, home: Path) -> None:
        self.program = bundle / ("ringkvall.exe" if os.name == "nt" else "ringkvall")
        self.home = home
        self.failures: list[str] = []

    def run(self, *args: str, **extra_env: str) -> subprocess.CompletedProcess[str]:
        # `env -i` in spirit: whatever this shell has (PYTHONPATH, the venv, LD_LIBRARY_PATH,
        # DISPLAY) must not help the bundle.
        env = {"PATH": "/usr/bin:/bin", "HOME": str(self.home),
               "QT_QPA_PLATFORM": "offscreen", **extra_env}
        if os.name == "nt":  # Windows needs its own folder to start any program
            system_root = os.environ.get("SYSTEMROOT", r"C:\Windows")
            env.update(SYSTEMROOT=system_root, PATH=rf"{system_root}\System32;{system_root}",
                       LOCALAPPDATA=str(self.home), APPDATA=str(self.home),
                       USERPROFILE=str(self.home))
        start = time.perf_counter()
        result = subprocess.run([str(self.program), *args], cwd=self.home, env=env,
                                capture_output=True, text=True, encoding="utf-8",
                                errors="replace", timeout=TIMEOUT)
        print(f"    {' '.join(args)}: exit {result.returncode}, "
              f"{time.perf_counter() - start:.2f} s", flush=True)
        return result

    def check(self, name: str, ok: bool, detail: str = "") -> None:
        print(f"{'ok  ' if ok else 'FAIL'} {name}", flush=True)
        if not ok:
            self.failures.append(f"{name}: {detail.strip()[-2000:]}")


def smoke(bundle: Path) -> list[str]:
    with tempfile.TemporaryDirectory(prefix="ringkvall-smoke-") as tmp:
        home = Path(tmp)
        s = Smoke(bundle, home)
        if not s.program.is_file():
            return [f"no program at {s.program}: build it with `python3 dev.py bundle`"]
        db = home / "x.sqlite"
        workbook = home / "x.xlsx"

        version = s.run("--version")
        wanted = f"ringkvall {package_version()}"
        s.check(f"--version prints '{wanted}'", version.returncode == 0
                and version.stdout.strip() == wanted, version.stdout + version.stderr)

        demo = s.run("demo", "--db", str(db))
        s.check("demo on a new database (migrations inside the bundle)",
                demo.returncode == 0 and db.is_file() and PRACTICE in demo.stdout,
                demo.stdout + demo.stderr)

        ready = s.run("--db", str(db), RINGKVALL_EXIT_WHEN="ready")
        s.check("the window opens and reaches ready", ready.returncode == 0
                and "ready:" in ready.stdout, ready.stdout + ready.stderr)
        s.check("Qt's own Swedish texts: Cancel is 'Avbryt'",
                "ready: Avbryt" in ready.stdout, ready.stdout + ready.stderr)

        export = s.run("export", "--campaign", PRACTICE, "-o", str(workbook), "--db", str(db))
        sheets = ""
        if export.returncode == 0 and zipfile.is_zipfile(workbook):
            with zipfile.ZipFile(workbook) as archive:
                sheets = archive.read("xl/workbook.xml").decode("utf-8")
        s.check("export writes a workbook", 'name="Sammanfattning"' in sheets,
                export.stdout + export.stderr)

        size = folder_size(bundle)
        print(f"    folder: {size / 1024 / 1024:.1f} MB", flush=True)
        s.check("the folder is under 250 MB", size < LIMIT_BYTES, f"{size} bytes")
        return s.failures


def main(argv: list[str]) -> int:
    bundle = Path(argv[0]) if argv else ROOT / "dist" / "ringkvall"
    print(f"==> smoke test of {bundle}", flush=True)
    failures = smoke(bundle.resolve())
    for line in failures:
        print(f"smoke test: {line}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
