#!/usr/bin/env python3
"""Set up a virtual environment and run Ringkväll or its checks.

    python3 dev.py run     set up, then open the app on the practice campaign
    python3 dev.py test    set up, then run ruff, mypy and pytest
    python3 dev.py bench   set up, then run the benchmarks
    python3 dev.py bundle  set up, then build the one-folder app dist/ringkvall/ (PyInstaller);
                           --tar also packs the Linux download dist/ringkvall-*.tar.gz

Only the standard library is used here, so this works on a fresh machine.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".ringkvall-installed"


def _requirements_digest() -> str:
    digest = hashlib.sha256()
    for name in ("pyproject.toml", "constraints.txt"):
        digest.update((ROOT / name).read_bytes())
    return digest.hexdigest()


def setup() -> None:
    if not PY.exists():
        print("Creating the virtual environment in .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = _requirements_digest()
    if STAMP.exists() and STAMP.read_text() == wanted:
        return
    print("Installing dependencies (pinned in constraints.txt) ...", flush=True)
    subprocess.run([str(PY), "-m", "pip", "install", "-q", "--upgrade", "pip"], check=True)
    subprocess.run(
        [str(PY), "-m", "pip", "install", "-q", "-c", "constraints.txt", "-r",
         "requirements-dev.txt"],
        check=True, cwd=ROOT,
    )
    STAMP.write_text(wanted)


def missing_system_libraries() -> str | None:
    """The one line to print when the window cannot open for lack of a system library.

    ui/system_libs.py is the single list of what Qt needs; it uses only the standard library,
    so it is loaded by its path (not through the `ui` package, whose siblings need the venv).
    """
    path = ROOT / "ui" / "system_libs.py"
    spec = importlib.util.spec_from_file_location("ringkvall_system_libs", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    line: str | None = module.problem()
    return line


def _run(*args: str, env: dict[str, str] | None = None) -> int:
    return subprocess.run(list(args), cwd=ROOT, env=env).returncode


def test(extra: list[str]) -> int:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    for step in (
        [str(PY), "-m", "ruff", "check", "."],
        [str(PY), "-m", "mypy"],
        [str(PY), "-m", "pytest", *extra],
    ):
        print("==>", " ".join(Path(step[0]).name if i == 0 else a for i, a in enumerate(step)),
              flush=True)
        code = _run(*step, env=env)
        if code != 0:
            return code
    return 0


def _load(name: str) -> object:
    """A module of packaging/ by its path (they use only the standard library)."""
    spec = importlib.util.spec_from_file_location(f"ringkvall_{name}",
                                                  ROOT / "packaging" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def bundle(extra: list[str]) -> int:
    unknown = [a for a in extra if a != "--tar"]
    if unknown:
        print(f"dev.py bundle: unknown argument {unknown[0]} (only --tar)", file=sys.stderr)
        return 2
    print("==> PyInstaller (packaging/ringkvall.spec) into dist/ringkvall/", flush=True)
    code = _run(str(PY), "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                "--distpath", str(ROOT / "dist"), "--workpath", str(ROOT / "build" / "pyinstaller"),
                str(ROOT / "packaging" / "ringkvall.spec"))
    if code != 0:
        return code
    program = ROOT / "dist" / "ringkvall" / ("ringkvall.exe" if os.name == "nt" else "ringkvall")
    print(f"Built {program}", flush=True)
    if "--tar" in extra:
        tarball = _load("make_tarball").make_tarball(  # type: ignore[attr-defined]
            ROOT / "dist" / "ringkvall", ROOT / "dist")
        print(f"Packed {tarball}", flush=True)
    return 0


def main() -> int:
    command = sys.argv[1] if len(sys.argv) > 1 else "run"
    extra = sys.argv[2:]
    if command not in ("run", "test", "bench", "bundle"):
        print(__doc__)
        return 2
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py runs before the venv exists
        sys.exit(f"Ringkväll needs Python 3.11 or newer, this is {sys.version.split()[0]}")
    if command == "run":
        # Said before setting up, so nobody waits for the Qt download to learn it was in vain.
        problem = missing_system_libraries()
        if problem is not None:
            print(problem, file=sys.stderr)
            return 2
    setup()
    if command == "test":
        return test(extra)
    if command == "bench":
        return _run(str(PY), "-m", "bench", *extra)
    if command == "bundle":
        return bundle(extra)
    return _run(str(PY), "-m", "ui", "--practice", *extra)


if __name__ == "__main__":
    sys.exit(main())
