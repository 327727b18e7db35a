"""Import throughput on a generated 100,000-row list, beside the plain pipeline's.

Baseline: the same file read with the csv module, each number parsed and validated with
phonenumbers, the rows inserted with sqlite3 executemany: the least any import must do.
Peak memory of a 1,000,000-row import is measured in a subprocess (its own peak RSS).
Beside an import in another process, a caller saves a call every 50 ms: the longest a save
waited for the import is the third figure (aim: about a second at most; see
docs/importing.md, "Importing while others call").
"""

from __future__ import annotations

import csv
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import Figure

ROWS = int(os.environ.get("RINGKVALL_BENCH_IMPORT_ROWS", "100000"))
REPEAT = int(os.environ.get("RINGKVALL_BENCH_IMPORT_REPEAT", "2"))
BIG_ROWS = int(os.environ.get("RINGKVALL_BENCH_IMPORT_BIG_ROWS", "1000000"))
FIRST = ("Anna", "Erik", "Märta", "Johan", "Fatima", "Ali", "Karin", "Örjan", "Zeynep", "Per")
LAST = ("Andersson", "Nguyen", "Öberg", "Hussein", "Lindberg", "Jönsson", "Yilmaz", "Persson")


def write_list(path: Path, rows: int, seed: int = 1) -> None:
    """A cp1252 semicolon list like the district's, every number unique and valid."""
    rnd = random.Random(seed)
    with path.open("w", encoding="cp1252", newline="") as fh:
        writer = csv.writer(fh, delimiter=";")
        writer.writerow(["Förnamn", "Efternamn", "Gatuadress", "Postnr", "Postort", "Telefon",
                         "Mobil", "Födelseår", "Kön"])
        for i in range(rows):
            mobile = f"07{rnd.choice('0236')}-{i // 100000 % 10}{i % 100000:05d}{rnd.randrange(10)}"
            landline = f"08-{rnd.randrange(2, 9)}{i:07d}"[:12] if i % 3 == 0 else ""
            writer.writerow([rnd.choice(FIRST), rnd.choice(LAST), f"Storgatan {i % 200 + 1}",
                             "163 04", "Spånga", mobile, landline, 1930 + i % 80,
                             "K" if i % 2 else "M"])


def baseline(path: Path, db_path: Path) -> float:
    """Seconds for csv + phonenumbers parse/validate + sqlite3 executemany."""
    import phonenumbers

    E164 = phonenumbers.PhoneNumberFormat.E164
    start = time.perf_counter()
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE contact (id INTEGER PRIMARY KEY, first TEXT, last TEXT, "
                 "street TEXT, postcode TEXT, city TEXT, phone TEXT, year TEXT, gender TEXT)")
    batch: list[tuple[str, ...]] = []
    with path.open(encoding="cp1252", newline="") as fh:
        reader = csv.reader(fh, delimiter=";")
        next(reader)
        for row in reader:
            kept = []
            for cell in (row[5], row[6]):  # every number of the row, as the import does
                if not cell:
                    continue
                number = phonenumbers.parse(cell, "SE")
                if phonenumbers.is_valid_number(number):
                    kept.append(phonenumbers.format_number(number, E164))
            if not kept:
                continue
            batch.append((row[0], row[1], row[2], row[3], row[4], " ".join(kept), row[7], row[8]))
            if len(batch) >= 5000:
                conn.executemany("INSERT INTO contact (first, last, street, postcode, city, "
                                 "phone, year, gender) VALUES (?,?,?,?,?,?,?,?)", batch)
                batch.clear()
    conn.executemany("INSERT INTO contact (first, last, street, postcode, city, phone, year, "
                     "gender) VALUES (?,?,?,?,?,?,?,?)", batch)
    conn.commit()
    conn.close()
    return time.perf_counter() - start


def ringkvall_import(path: Path, db_path: Path) -> tuple[float, int]:
    from app.db.database import open_database
    from app.services.importing.pipeline import import_file

    db = open_database(str(db_path))
    try:
        start = time.perf_counter()
        report = import_file(db, path, campaign="Bench", group="Lista")
        elapsed = time.perf_counter() - start
    finally:
        db.close()
    return elapsed, report.rows


_CHILD = """
import resource, sys
from pathlib import Path
from bench.bench_import import write_list, ringkvall_import
list_path, db_path, rows = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
write_list(list_path, rows, seed=2)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
seconds, done = ringkvall_import(list_path, db_path)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(peak / 1024, seconds, done, before / 1024)
"""


def peak_memory_mb(rows: int, folder: Path) -> tuple[float, float]:
    """Peak RSS (MB) and seconds of importing `rows` rows, in a fresh interpreter."""
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(folder / "big.csv"), str(folder / "big.sqlite"),
         str(rows)],
        cwd=root, check=True, capture_output=True, text=True,
        env={**os.environ, "RINGKVALL_HOME": str(folder / "home")},
    ).stdout.split()
    return float(out[0]), float(out[1])


_IMPORTER = """
import sys
from pathlib import Path
from bench.bench_import import ringkvall_import
ringkvall_import(Path(sys.argv[1]), Path(sys.argv[2]))
"""


def longest_save_wait(list_path: Path, folder: Path) -> tuple[float, int]:
    """Seconds the slowest save waited while another process imported the list; saves made."""
    from app.clock import utcnow
    from app.db.database import open_database
    from app.db.models import Campaign, Contact, TargetGroup, Volunteer
    from app.errors import UserError
    from app.services.calling import CallInput, claim_next, save_call

    db_path = folder / "beside.sqlite"
    db = open_database(str(db_path))
    with db.transaction() as session:
        campaign = Campaign(name="Ikväll", weekday_hours="00:00-24:00",
                            weekend_hours="00:00-24:00")
        volunteer = Volunteer(name="Bänkringare")
        session.add_all([campaign, volunteer])
        session.flush()
        group = TargetGroup(campaign_id=campaign.id, name="Ringlista")
        session.add(group)
        session.flush()
        session.add_all(Contact(campaign_id=campaign.id, target_group_id=group.id,
                                first_name=f"Person{i}") for i in range(2000))
        campaign_id, volunteer_id = campaign.id, volunteer.id
    root = Path(__file__).resolve().parent.parent
    child = subprocess.Popen([sys.executable, "-c", _IMPORTER, str(list_path), str(db_path)],
                             cwd=root, stdout=subprocess.DEVNULL)
    longest, saves = 0.0, 0
    try:
        while child.poll() is None:
            start = time.perf_counter()
            try:
                with db.transaction() as session:
                    claim = claim_next(session, campaign_id=campaign_id,
                                       volunteer_id=volunteer_id, claim_minutes=20)
                    if claim is None:
                        break
                    save_call(session, CallInput(
                        contact_id=claim.contact_id, claim_token=claim.token,
                        outcome="no_answer", volunteer_id=volunteer_id, started_at=utcnow(),
                    ), show_next=False)
                saves += 1
            except UserError:  # busy: it waited the whole busy timeout and gave up
                pass
            longest = max(longest, time.perf_counter() - start)
            time.sleep(0.05)
    finally:
        child.wait()
        db.close()
    return longest, saves


def run() -> list[Figure]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ.setdefault("RINGKVALL_HOME", str(folder / "home"))
        path = folder / "lista.csv"
        write_list(path, ROWS)
        # Interleaved, best of REPEAT each: the machine is shared, the fastest run is the
        # least disturbed one.
        base_times, our_times = [], []
        rows = 0
        for attempt in range(REPEAT):
            base_times.append(baseline(path, folder / f"baseline{attempt}.sqlite"))
            seconds, rows = ringkvall_import(path, folder / f"ringkvall{attempt}.sqlite")
            our_times.append(seconds)
        base_seconds, ours_seconds = min(base_times), min(our_times)
        figures = [Figure("import rows per second (100k-row CSV)", rows / ours_seconds,
                          rows / base_seconds, "rows/s", higher_is_better=True)]
        longest, saves = longest_save_wait(path, folder)
        print(f"{saves} calls saved beside the import", flush=True)
        figures.append(Figure("longest wait to save a call beside a 100k-row import", longest,
                              1.0, "s"))
        if BIG_ROWS:
            peak, seconds = peak_memory_mb(BIG_ROWS, folder)
            print(f"1M-row import: {seconds:.1f} s, {BIG_ROWS / seconds:.0f} rows/s", flush=True)
            figures.append(Figure(f"peak RSS importing {BIG_ROWS:,} rows", peak, 300.0, "MB"))
    return figures
