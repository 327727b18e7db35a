"""Large generated lists and a child process that imports one (tests/test_importing_concurrency).

The lists are written at test time into the test's temporary folder, never committed: made-up
names and random, distinct Swedish mobile numbers (070-xxx xx xx, every other one written
+4670xxxxxxx), with every thousandth row's number unusable so that rejected rows are written
too.
"""

from __future__ import annotations

import csv
import json
import os
import random
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIRST = ("Agnes", "Bertil", "Cecilia", "Dragan", "Elsa", "Fredrik", "Greta", "Hamid", "Ines",
         "Jonas", "Karin", "Leo", "Märta", "Nils", "Olivia", "Pål", "Rut", "Sami", "Tove", "Ulf")
LAST = ("Provsson", "Exempelberg", "Testlund", "Påhittad", "Fiktivsdotter", "Låtsasson",
        "Övningsqvist", "Modellström")
REJECT_EVERY = 1000  # row i with i % REJECT_EVERY == REJECT_EVERY - 1 has no usable number


@dataclass(frozen=True)
class BigList:
    path: Path
    rows: int
    numbers: list[str]  # E.164 of row i's number (rejected rows: "")

    @property
    def rejected(self) -> int:
        return self.rows // REJECT_EVERY

    @property
    def imported(self) -> int:
        return self.rows - self.rejected


def write_big_list(path: Path, rows: int, seed: int = 7) -> BigList:
    rnd = random.Random(seed)
    subscribers = rnd.sample(range(10_000_000), rows)  # distinct: no row is a duplicate
    numbers: list[str] = []
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter=";")
        writer.writerow(["Förnamn", "Efternamn", "Postort", "Mobil"])
        for i, n in enumerate(subscribers):
            if i % REJECT_EVERY == REJECT_EVERY - 1:
                phone, e164 = "12", ""
            else:
                e164 = f"+4670{n:07d}"
                national = f"070-{n // 10000:03d} {n // 100 % 100:02d} {n % 100:02d}"
                phone = e164 if i % 2 else national
            numbers.append(e164)
            writer.writerow([rnd.choice(FIRST), f"{rnd.choice(LAST)}{i}", "Spånga", phone])
    return BigList(path, rows, numbers)


def child_import(db_url: str, list_path: str, campaign: str, group: str) -> None:
    """Run in a child process: import the list into `db_url` (a SQLite file's path or a
    PostgreSQL URL), print the report as JSON."""
    from app.db.database import open_database
    from app.services.importing.pipeline import import_file

    db = open_database(db_url)
    report = import_file(db, list_path, campaign=campaign, group=group)
    print(json.dumps(report.as_dict()), flush=True)
    db.close()


def start_import(db_url: str, big: BigList, campaign: str, group: str) -> subprocess.Popen[str]:
    code = ("import sys; from tests.importing_concurrency_helpers import child_import; "
            "child_import(*sys.argv[1:])")
    return subprocess.Popen(
        [sys.executable, "-c", code, db_url, str(big.path), campaign, group],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
