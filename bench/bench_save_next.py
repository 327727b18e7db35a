"""Save the call and show the next contact, on a campaign of 1,000,000 contacts.

Figure: the median time of one `save_call(...)` (call, answers, contact state, claim of the
next contact, the next contact's card) in its own `Database.transaction()`, as the calling
screen runs it. Baseline, in the same run and on the same file: plain sqlite3 doing the same
database work in one transaction (insert the call, update the contact, claim the next contact
with one indexed UPDATE ... RETURNING).
"""

from __future__ import annotations

import sqlite3
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.common import Figure

CONTACTS = 1_000_000
ROUNDS = 400
WARMUP = 20
_FMT = "%Y-%m-%d %H:%M:%S.%f"


def _numbers() -> list[str]:
    """E.164 forms of the numbers PTS reserves for fiction (reused across contacts)."""
    numbers = [f"+4670174060{n}" if n < 10 else f"+467017406{n}" for n in range(5, 100)]
    numbers += [f"+46846500{n:02d}" for n in range(100)]
    numbers += [f"+46313906{n:02d}" for n in range(100)]
    return numbers


def _populate(path: Path) -> tuple[int, int]:
    """The schema through the app (migrations), the rows through sqlite3 for speed."""
    from app.db.database import open_database
    from app.db.models import Campaign, TargetGroup, Volunteer

    db = open_database(str(path))
    with db.transaction() as s:
        campaign = Campaign(name="Bench", weekday_hours="00:00-24:00",
                            weekend_hours="00:00-24:00", max_attempts=3, retry_wait_minutes=120)
        s.add(campaign)
        s.flush()
        group = TargetGroup(campaign_id=campaign.id, name="Alla")
        volunteer = Volunteer(name="Bench")
        s.add_all([group, volunteer])
        s.flush()
        ids = (campaign.id, group.id, volunteer.id)
    db.close()
    campaign_id, group_id, _volunteer_id = ids
    start = datetime.now(UTC) - timedelta(days=1)
    created = start.replace(tzinfo=None).strftime(_FMT)
    numbers = _numbers()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = OFF")
    with conn:
        conn.executemany(
            "INSERT INTO contact (id, campaign_id, target_group_id, first_name, last_name, "
            "street, postcode, city, gender, extra, status, queue_rank, next_call_at, attempts, "
            "notes_for_next, created_at) VALUES (?, ?, ?, ?, ?, '', '', 'Spånga', '', '{}', "
            "'open', 1, ?, 0, '', ?)",
            ((i, campaign_id, group_id, f"Person{i}", "Exempel",
              (start + timedelta(microseconds=i)).replace(tzinfo=None).strftime(_FMT), created)
             for i in range(1, CONTACTS + 1)),
        )
        conn.executemany(
            "INSERT INTO phone_number (contact_id, campaign_id, position, e164, raw, kind, "
            "failed) VALUES (?, ?, 0, ?, '', 'mobile', 0)",
            ((i, campaign_id, numbers[i % len(numbers)]) for i in range(1, CONTACTS + 1)),
        )
    conn.execute("ANALYZE")
    conn.close()
    return campaign_id, _volunteer_id


def _service_times(path: Path, campaign_id: int, volunteer_id: int) -> list[float]:
    from app.clock import utcnow
    from app.db.database import open_database
    from app.services.calling import CallInput, next_contact, save_call

    db = open_database(str(path))
    times: list[float] = []
    try:
        with db.transaction() as s:
            card = next_contact(s, campaign_id=campaign_id, volunteer_id=volunteer_id,
                                claim_minutes=20).card
        for i in range(WARMUP + ROUNDS):
            assert card is not None
            call = CallInput(contact_id=card.contact_id, claim_token=card.claim_token,
                             outcome="no_answer", volunteer_id=volunteer_id,
                             phone_number_id=card.phones[0].id, started_at=utcnow(),
                             answers={"reached": "no"})
            begin = time.perf_counter()
            with db.transaction() as s:
                result = save_call(s, call, claim_minutes=20)
            elapsed = time.perf_counter() - begin
            if i >= WARMUP:
                times.append(elapsed)
            assert result.next is not None
            card = result.next.card
    finally:
        db.close()
    return times


def _baseline_times(path: Path, campaign_id: int, volunteer_id: int) -> list[float]:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    times: list[float] = []

    def claim(now: str) -> int:
        row = conn.execute(
            "UPDATE contact SET claimed_by_id = ?, claim_token = ?, claim_expires_at = ? "
            "WHERE id = (SELECT id FROM contact WHERE campaign_id = ? AND status = 'open' "
            "AND next_call_at <= ? AND (claim_expires_at IS NULL OR claim_expires_at <= ?) "
            "ORDER BY queue_rank, next_call_at, id LIMIT 1) RETURNING id",
            (volunteer_id, "token", now, campaign_id, now, now),
        ).fetchone()
        return int(row[0])

    try:
        now = datetime.now(UTC).replace(tzinfo=None).strftime(_FMT)
        conn.execute("BEGIN IMMEDIATE")
        contact = claim(now)
        conn.execute("COMMIT")
        for i in range(WARMUP + ROUNDS):
            begin = time.perf_counter()
            now = datetime.now(UTC).replace(tzinfo=None).strftime(_FMT)
            later = (datetime.now(UTC) + timedelta(hours=2)).replace(tzinfo=None).strftime(_FMT)
            conn.execute("BEGIN IMMEDIATE")
            conn.execute(
                "INSERT INTO call (uuid, campaign_id, target_group_id, contact_id, volunteer_id, "
                "number_dialled, started_at, outcome, notes, meeting_signup, contact_before, "
                "saved_at) SELECT ?, campaign_id, target_group_id, id, ?, '', ?, 'no_answer', "
                "'', 0, '{}', ? FROM contact WHERE id = ?",
                (f"baseline-{i}", volunteer_id, now, now, contact),
            )
            conn.execute(
                "UPDATE contact SET attempts = attempts + 1, last_outcome = 'no_answer', "
                "last_called_at = ?, queue_rank = 2, next_call_at = ?, claimed_by_id = NULL, "
                "claim_token = NULL, claim_expires_at = NULL WHERE id = ?",
                (now, later, contact),
            )
            contact = claim(now)
            conn.execute("COMMIT")
            elapsed = time.perf_counter() - begin
            if i >= WARMUP:
                times.append(elapsed)
    finally:
        conn.close()
    return times


def run() -> list[Figure]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite"
        begin = time.perf_counter()
        campaign_id, volunteer_id = _populate(path)
        print(f"   {CONTACTS:,} contacts generated in {time.perf_counter() - begin:.1f} s",
              flush=True)
        baseline = _baseline_times(path, campaign_id, volunteer_id)
        service = _service_times(path, campaign_id, volunteer_id)
    median = statistics.median(service) * 1000
    base = statistics.median(baseline) * 1000
    p95 = statistics.quantiles(service, n=20)[-1] * 1000
    base95 = statistics.quantiles(baseline, n=20)[-1] * 1000
    return [
        Figure("save_next_median", median, base, "ms"),
        Figure("save_next_p95", p95, base95, "ms"),
    ]
