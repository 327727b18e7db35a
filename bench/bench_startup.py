"""Start-up: from process start to the main window shown, beside a bare PySide6 QMainWindow.

Both run as fresh processes on the offscreen platform and quit as soon as their window has
been shown; the figure is the median wall time of several runs of each, interleaved so that
machine noise hits both alike. A second figure runs until the database is open and the start
page lists the campaigns (the window is usable), beside the same baseline. A third compares
the bundled app (dist/ringkvall/ringkvall, built by `python3 dev.py bundle`) with the same
start from the virtual environment, in the same run; it is left out, with a line saying so,
when no bundle has been built.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import Figure

ROOT = Path(__file__).resolve().parent.parent
RUNS = 7
BUNDLE = ROOT / "dist" / "ringkvall" / ("ringkvall.exe" if os.name == "nt" else "ringkvall")

BARE = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""


def _time(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def run() -> list[Figure]:
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "RINGKVALL_HOME": tmp}
        shown = {**env, "RINGKVALL_EXIT_WHEN": "shown"}
        ready = {**env, "RINGKVALL_EXIT_WHEN": "ready"}
        db = str(Path(tmp) / "bench.sqlite")
        ours = [sys.executable, "-m", "ui", "--db", db]
        bare = [sys.executable, "-c", BARE]
        subprocess.run([sys.executable, "-m", "ui", "--db", db, "demo"], cwd=ROOT, env=env,
                       check=True, stdout=subprocess.DEVNULL)  # an existing, migrated file
        bundled = [str(BUNDLE), "--db", db] if BUNDLE.is_file() else None
        if bundled is None:
            print(f"bundle: skipped, {BUNDLE.relative_to(ROOT)} is missing "
                  "(build it with `python3 dev.py bundle`)", flush=True)
        _time(ours, ready), _time(bare, env)  # warm the file cache for both
        if bundled is not None:
            _time(bundled, ready)
        shown_times, ready_times, bare_times, bundle_times = [], [], [], []
        for _ in range(RUNS):
            shown_times.append(_time(ours, shown))
            bare_times.append(_time(bare, env))
            ready_times.append(_time(ours, ready))
            if bundled is not None:
                bundle_times.append(_time(bundled, shown))
    baseline = statistics.median(bare_times) * 1000
    venv_shown = statistics.median(shown_times) * 1000
    figures = [
        Figure("startup_to_window", venv_shown, baseline, "ms"),
        Figure("startup_to_campaigns_listed", statistics.median(ready_times) * 1000, baseline,
               "ms"),
    ]
    if bundle_times:
        # The baseline here is the same window started from the virtual environment.
        figures.append(Figure("bundle_startup_to_window",
                              statistics.median(bundle_times) * 1000, venv_shown, "ms"))
    return figures
