"""Merging a returned calling pack of 10,000 calls into the organiser's database.

`python -m bench pack-merge [--size N]`

An organiser's SQLite file gets a campaign of N people (10,000); `create_pack` hands all of
them to one volunteer, and `open_pack` opens the pack in a "laptop" data folder of its own.
There N calls are written straight into the laptop's file (one per person, a mix of outcomes,
two answers each, a new member or a follow-up on some, the people's state updated as saving
would), fast, in one transaction; `return_pack` then writes the genuine encrypted results
file. The figure is the time of `merge_results` on it: decrypting, reading the laptop's file,
inserting the calls and what hangs on them, settling each person's state, the totals.

Baseline, in the same run: plain sqlite3 inserting the same rows the merge inserts (the N
calls, each naming its pack as the merge's do, their answers, new members and follow-ups),
with executemany in one transaction, into a copy of the organiser's file. Aim: at most 3
times the baseline. The merge is measured in three copies of the organiser's file, each
beside its own baseline, and the medians count.

The merge does much the baseline does not: scrypt derives the key from the code (about 70 ms,
on purpose, while the organiser's side is read), the file is decrypted and read, each of the
N people's state is settled by the precedence rules (an UPDATE each, a third of the
baseline's time alone) and the do-not-call list is updated. A second figure sets the merge
beside plain sqlite3 doing all of that writing, state updates included. The CPU times are
printed too (the merge's include scrypt's thread).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import sqlite3
import statistics
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.common import Figure

SIZE = 10_000
ROUNDS = 3
CODE = "tall-hage-ankare-bad-vete"
CAMPAIGN = "Bench"
VOLUNTEER = "Bench Ringare"
_FMT = "%Y-%m-%d %H:%M:%S.%f"  # how SQLAlchemy stores a DateTime in SQLite
# Outcomes in turn; a do-not-call now and then (the bench's numbers are shared by many
# people, so each one takes a few dozen people out of the queue).
OUTCOMES = ("no_answer", "conversation", "refused", "no_answer", "conversation", "callback",
            "busy", "recruited", "conversation", "voicemail")
DNC_EVERY = 250
ANSWERS = (("reached", '"yes"'), ("issue_agreement", "4"))


@dataclass(frozen=True)
class PackMergeResult:
    people: int
    calls: int  # calls the merge stored
    answers: int  # answers in the organiser's database after the merge
    recruits: int
    follow_ups: int
    do_not_calls: int  # numbers the merge added to the do-not-call list
    packed_after: int  # people still in the pack (callbacks and retries)
    baseline_rows: dict[str, int]  # rows of each table in the baseline's copy afterwards
    merge_seconds: float
    baseline_seconds: float
    writes_seconds: float  # the baseline with the people's state written too
    merge_cpu: float  # this process's CPU seconds: steadier than the clock on a busy machine
    baseline_cpu: float
    repeated: bool  # merging the same file again changed nothing


def outcome_of(index: int) -> str:
    """The outcome of the laptop's call to its `index`th person (0-based)."""
    if index % DNC_EVERY == DNC_EVERY - 1:
        return "do_not_call"
    return OUTCOMES[index % len(OUTCOMES)]


def _numbers() -> list[str]:
    """E.164 forms of the numbers PTS reserves for fiction (reused across people)."""
    numbers = [f"+4670174060{n}" if n < 10 else f"+467017406{n}" for n in range(5, 100)]
    numbers += [f"+46846500{n:02d}" for n in range(100)]
    numbers += [f"+46313906{n:02d}" for n in range(100)]
    return numbers


def _stamp(at: datetime) -> str:
    return at.astimezone(UTC).replace(tzinfo=None).strftime(_FMT)


@contextlib.contextmanager
def _data_folder(folder: Path) -> Iterator[None]:
    """Run the block as on the volunteer's laptop: packs open in its own data folder."""
    before = os.environ.get("RINGKVALL_HOME")
    folder.mkdir(parents=True, exist_ok=True)
    os.environ["RINGKVALL_HOME"] = str(folder)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("RINGKVALL_HOME", None)
        else:
            os.environ["RINGKVALL_HOME"] = before


def _organiser(path: Path, size: int, now: datetime) -> None:
    """The schema and the campaign through the app, the people through sqlite3 for speed."""
    from app.db.database import open_database
    from app.db.models import Campaign, TargetGroup

    db = open_database(str(path))
    with db.transaction() as s:
        campaign = Campaign(name=CAMPAIGN, weekday_hours="00:00-24:00",
                            weekend_hours="00:00-24:00")
        s.add(campaign)
        s.flush()
        group = TargetGroup(campaign_id=campaign.id, name="Alla")
        s.add(group)
        s.flush()
        campaign_id, group_id = campaign.id, group.id
    db.close()
    start = now - timedelta(days=1)
    numbers = _numbers()
    conn = sqlite3.connect(path)
    try:
        with conn:
            conn.executemany(
                "INSERT INTO contact (id, campaign_id, target_group_id, first_name, last_name, "
                "street, postcode, city, gender, extra, status, queue_rank, next_call_at, "
                "attempts, notes_for_next, state_version, created_at) VALUES (?, ?, ?, ?, "
                "'Exempel', '', '', 'Spånga', '', '{}', 'open', 1, ?, 0, '', 0, ?)",
                ((i, campaign_id, group_id, f"Person{i}",
                  _stamp(start + timedelta(milliseconds=i)), _stamp(start))
                 for i in range(1, size + 1)))
            conn.executemany(
                "INSERT INTO phone_number (contact_id, campaign_id, position, e164, raw, kind, "
                "failed) VALUES (?, ?, 0, ?, '', 'mobile', 0)",
                ((i, campaign_id, numbers[i % len(numbers)]) for i in range(1, size + 1)))
        conn.execute("ANALYZE")
    finally:
        conn.close()


def _call_on_laptop(path: Path, now: datetime) -> None:
    """One call per person on the laptop's file, as the calling screen would save them."""
    conn = sqlite3.connect(path)
    try:
        with conn:
            cur = conn.execute("INSERT INTO volunteer (name, created_at) VALUES (?, ?)",
                               (VOLUNTEER, _stamp(now)))
            volunteer_id = cur.lastrowid
            people = conn.execute(
                "SELECT c.id, c.campaign_id, c.target_group_id, p.id, p.e164 FROM contact c "
                "JOIN phone_number p ON p.contact_id = c.id AND p.position = 0 ORDER BY c.id"
            ).fetchall()
            calls, states, dnc = [], [], set()
            for i, (contact_id, campaign_id, group_id, phone_id, e164) in enumerate(people):
                outcome = outcome_of(i)
                started = now + timedelta(seconds=20 * i)
                ended = started + timedelta(seconds=90)
                calls.append((str(uuid.uuid4()), campaign_id, group_id, contact_id,
                              volunteer_id, phone_id, e164, _stamp(started), _stamp(ended),
                              outcome, f"anteckning {i}", int(outcome == "conversation"),
                              _stamp(ended)))
                if outcome in ("no_answer", "busy", "voicemail"):
                    states.append(("open", 2, _stamp(ended + timedelta(hours=2)), outcome,
                                   _stamp(ended), contact_id))
                elif outcome == "callback":
                    states.append(("open", 0, _stamp(ended + timedelta(days=1)), outcome,
                                   _stamp(ended), contact_id))
                else:
                    status = "dnc" if outcome == "do_not_call" else "done"
                    states.append((status, 1, _stamp(started), outcome, _stamp(ended),
                                   contact_id))
                    if outcome == "do_not_call":
                        dnc.add(e164)
            conn.executemany(
                "INSERT INTO call (uuid, campaign_id, target_group_id, contact_id, "
                "volunteer_id, phone_number_id, number_dialled, started_at, ended_at, outcome, "
                "notes, meeting_signup, contact_before, saved_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{}', ?)", calls)
            ids = conn.execute("SELECT id, outcome, contact_id, saved_at FROM call").fetchall()
            conn.executemany(
                "INSERT INTO answer (call_id, question_key, value) VALUES (?, ?, ?)",
                ((call_id, key, value) for call_id, outcome, *_ in ids
                 if outcome in ("conversation", "recruited") for key, value in ANSWERS))
            conn.executemany(
                "INSERT INTO recruit (call_id, first_name, last_name, email, phone, street, "
                "postcode, city, consent_membership, consent_contact, consent_text, "
                "consented_at) VALUES (?, 'Ny', 'Medlem', '', '', '', '', '', 1, 1, "
                "'Jag vill bli medlem.', ?)",
                ((call_id, saved) for call_id, outcome, _, saved in ids
                 if outcome == "recruited"))
            conn.executemany(
                "INSERT INTO follow_up (contact_id, call_id, promised, assigned_to, "
                "created_at) VALUES (?, ?, 'Skicka material', '', ?)",
                ((contact_id, call_id, saved) for call_id, outcome, contact_id, saved in ids
                 if outcome == "conversation"))
            conn.executemany(
                "UPDATE contact SET status = ?, queue_rank = ?, next_call_at = ?, "
                "attempts = attempts + 1, last_outcome = ?, last_called_at = ?, "
                "state_version = state_version + 1 WHERE id = ?", states)
            conn.executemany(
                "INSERT OR IGNORE INTO do_not_call (e164, reason, source, added_at) "
                "VALUES (?, 'call', 'call', ?)", ((n, _stamp(now)) for n in sorted(dnc)))
    finally:
        conn.close()


def _baseline(organiser: Path, laptop: Path, copy: Path,
              state: bool = False) -> tuple[float, float, dict[str, int]]:
    """Plain sqlite3: the rows the merge inserts (the laptop's calls, their answers, new
    members and follow-ups) into a copy of the organiser's file, in one transaction.
    With `state`, also what the merge writes besides: each called person's new state (an
    UPDATE each, the laptop's values) and the release of those the pack no longer holds.
    Returns the seconds (clock, CPU) and the rows of each table there after."""
    shutil.copyfile(organiser, copy)
    source = sqlite3.connect(laptop)
    try:
        calls = source.execute(
            "SELECT id, uuid, campaign_id, target_group_id, contact_id, volunteer_id, "
            "phone_number_id, number_dialled, started_at, ended_at, outcome, notes, "
            "meeting_signup, contact_before, saved_at FROM call ORDER BY id").fetchall()
        answers = source.execute("SELECT call_id, question_key, value FROM answer").fetchall()
        recruits = source.execute(f"SELECT {_RECRUIT} FROM recruit").fetchall()
        follow_ups = source.execute(f"SELECT {_FOLLOW_UP} FROM follow_up").fetchall()
        people = source.execute(
            "SELECT status, queue_rank, next_call_at, last_outcome, last_called_at, "
            "notes_for_next, id FROM contact WHERE id IN (SELECT contact_id FROM call)"
        ).fetchall()
    finally:
        source.close()
    conn = sqlite3.connect(copy, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        volunteer = conn.execute("INSERT INTO volunteer (name, created_at) VALUES (?, ?) "
                                 "RETURNING id", (VOLUNTEER, calls[0][14])).fetchone()[0]
        pack = conn.execute("SELECT id FROM pack").fetchone()[0]  # the merge's rows name it
        begin, cpu = time.perf_counter(), time.process_time()
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(
            "INSERT INTO call (uuid, campaign_id, target_group_id, contact_id, volunteer_id, "
            "phone_number_id, number_dialled, started_at, ended_at, outcome, notes, "
            "meeting_signup, contact_before, saved_at, pack_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            ((*row[1:5], volunteer, *row[6:], pack) for row in calls))
        ids = dict(conn.execute("SELECT uuid, id FROM call"))
        here = {row[0]: ids[row[1]] for row in calls}  # the laptop's call id: this one's
        conn.executemany(
            "INSERT INTO answer (call_id, question_key, value) VALUES (?, ?, ?)",
            ((here[call_id], key, value) for call_id, key, value in answers))
        conn.executemany(
            f"INSERT INTO recruit ({_RECRUIT}) VALUES ({', '.join('?' * _columns(_RECRUIT))})",
            ((here[row[0]], *row[1:]) for row in recruits))
        conn.executemany(
            f"INSERT INTO follow_up ({_FOLLOW_UP}) "
            f"VALUES ({', '.join('?' * _columns(_FOLLOW_UP))})",
            ((row[0], here[row[1]], *row[2:]) for row in follow_ups))
        if state:
            conn.executemany(
                "UPDATE contact SET status = ?, queue_rank = ?, next_call_at = ?, "
                "attempts = attempts + 1, last_outcome = ?, last_called_at = ?, "
                "notes_for_next = ?, state_version = state_version + 1 WHERE id = ?", people)
            conn.executemany(
                "UPDATE pack_assignment SET released_at = ? WHERE contact_id = ? "
                "AND released_at IS NULL",
                ((calls[0][14], row[-1]) for row in people if row[0] != "open"))
        conn.execute("COMMIT")
        seconds, cpu = time.perf_counter() - begin, time.process_time() - cpu
        rows = {table: int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
                for table in ("call", "answer", "recruit", "follow_up")}
        rows["call_in_pack"] = int(conn.execute(
            "SELECT count(*) FROM call WHERE pack_id IS NOT NULL").fetchone()[0])
    finally:
        conn.close()
    return seconds, cpu, rows


# The columns of the rows hanging on a call that the baseline copies (call_id first, or
# second after the person, so it can be swapped for the new call's id).
_RECRUIT = ("call_id, first_name, last_name, email, phone, street, postcode, city, "
            "birth_year, consent_membership, consent_contact, consent_text, consented_at")
_FOLLOW_UP = "contact_id, call_id, promised, assigned_to, due_at, done_at, created_at"


def _columns(names: str) -> int:
    return names.count(",") + 1


def pack_merge(folder: Path, size: int = SIZE, *, rounds: int = ROUNDS,
               profile: bool = False) -> PackMergeResult:
    """The whole run in `folder`: the pack made, called and returned once, then merged into
    `rounds` copies of the organiser's file, each beside the baselines on copies of their
    own; the medians. `profile` prints cProfile's top functions of the first merge."""
    from sqlalchemy import func, select

    from app.db.database import open_database
    from app.db.models import Answer, Contact
    from app.services.packs import PACKED
    from app.services.packs.create import create_pack
    from app.services.packs.laptop import open_pack, return_pack
    from app.services.packs.merge import merge_results

    now = datetime.now(UTC).replace(microsecond=0)
    organiser = folder / "organiser.sqlite"
    _organiser(organiser, size, now)
    pack_file = folder / "bench.ringkvall"
    db = open_database(str(organiser))
    try:
        made = create_pack(db, campaign=CAMPAIGN, volunteer=VOLUNTEER, size=size,
                           out=pack_file, code=CODE, now=now)
    finally:
        db.close()
    results = folder / "results.ringkvall"
    with _data_folder(folder / "laptop"):
        opened = open_pack(pack_file, CODE)
        _call_on_laptop(opened.path, now)
        return_pack(pack_file, CODE, results)
        laptop_file = opened.path
    merges: list[tuple[float, float]] = []
    inserts: list[tuple[float, float]] = []
    writes: list[float] = []
    for n in range(rounds):
        seconds, cpu, baseline_rows = _baseline(organiser, laptop_file, folder / f"b{n}.sqlite")
        inserts.append((seconds, cpu))
        writes.append(_baseline(organiser, laptop_file, folder / f"w{n}.sqlite",
                                state=True)[0])
        copy = folder / f"organiser{n}.sqlite"
        shutil.copyfile(organiser, copy)
        db = open_database(str(copy))
        try:
            begin, cpu = time.perf_counter(), time.process_time()
            if profile and n == 0:
                import cProfile
                import pstats

                profiler = cProfile.Profile()
                report = profiler.runcall(merge_results, db, results, CODE)
                pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
            else:
                report = merge_results(db, results, CODE)
            merges.append((time.perf_counter() - begin, time.process_time() - cpu))
            repeated = merge_results(db, results, CODE).repeated
            with db.session() as s:
                answers = int(s.scalar(select(func.count()).select_from(Answer)) or 0)
                packed = int(s.scalar(select(func.count()).select_from(Contact)
                                      .where(Contact.status == PACKED)) or 0)
        finally:
            db.close()
    return PackMergeResult(
        people=made.people, calls=report.calls, answers=answers,
        recruits=report.new_members, follow_ups=report.follow_ups,
        do_not_calls=report.do_not_calls, packed_after=packed, baseline_rows=baseline_rows,
        merge_seconds=statistics.median(m[0] for m in merges),
        baseline_seconds=statistics.median(i[0] for i in inserts),
        writes_seconds=statistics.median(writes),
        merge_cpu=statistics.median(m[1] for m in merges),
        baseline_cpu=statistics.median(i[1] for i in inserts), repeated=repeated)


def run(*argv: str) -> list[Figure]:
    parser = argparse.ArgumentParser(prog="python -m bench pack-merge")
    parser.add_argument("--size", type=int, default=SIZE, help="people in the pack (10000)")
    parser.add_argument("--rounds", type=int, default=ROUNDS,
                        help="merges (and baselines) measured; the medians count (3)")
    parser.add_argument("--profile", action="store_true", help="print the merge's profile")
    args = parser.parse_args(list(argv))
    with tempfile.TemporaryDirectory() as tmp:
        result = pack_merge(Path(tmp), args.size, rounds=args.rounds, profile=args.profile)
    print(f"   {result.calls:,} calls, {result.answers:,} answers, {result.recruits} new "
          f"members, {result.follow_ups} follow-ups, {result.do_not_calls} do-not-calls "
          f"merged; {result.packed_after} people left in the pack", flush=True)
    print(f"   CPU time: merge {result.merge_cpu * 1000:.0f} ms, baseline "
          f"{result.baseline_cpu * 1000:.0f} ms, ratio "
          f"{result.merge_cpu / max(result.baseline_cpu, 1e-9):.2f}", flush=True)
    # The figure: against plain inserts of the same rows. The second sets the merge
    # beside plain sqlite3 doing all of the merge's writing, state updates included.
    return [Figure("pack_merge", result.merge_seconds * 1000,
                   result.baseline_seconds * 1000, "ms"),
            Figure("pack_merge_vs_all_writes", result.merge_seconds * 1000,
                   result.writes_seconds * 1000, "ms")]

