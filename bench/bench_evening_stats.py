"""Tonight's figures beside the calling screen (`evening_stats`), which run after every save.

Figures: the median time of `evening_stats(...)` on a campaign with no calls and on one with
300,000 calls (saved over the campaign's earlier weeks, plus this evening's 500), each in its
own read session as the calling screen runs it. Baseline, in the same run and on the same
file: the same call on an empty campaign. The aim is a ratio of at most 2: the figures must
not grow with the campaign.
"""

from __future__ import annotations

import sqlite3
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.common import Figure

CALLS = 300_000
TONIGHT = 500
VOLUNTEERS = 20
ROUNDS = 300
WARMUP = 30
_FMT = "%Y-%m-%d %H:%M:%S.%f"
_OUTCOMES = ("no_answer", "busy", "conversation", "refused", "recruited", "voicemail")


def _populate(path: Path, now: datetime) -> tuple[int, int, int, list[int]]:
    """Three campaigns through the app (empty, no calls yet, 300,000 calls); the calls go in
    through sqlite3 for speed, and the running totals are filled in as migration 0003 does."""
    from app.db.database import open_database
    from app.db.models import Campaign, Contact, TargetGroup, Volunteer

    db = open_database(str(path))
    with db.transaction() as s:
        campaigns = [Campaign(name=name) for name in ("Baslinje", "Ny", "Stor")]
        s.add_all(campaigns)
        s.flush()
        groups = [TargetGroup(campaign_id=c.id, name="Alla") for c in campaigns]
        volunteers = [Volunteer(name=f"Ringare {i}") for i in range(VOLUNTEERS)]
        s.add_all([*groups, *volunteers])
        s.flush()
        big, big_group = campaigns[2].id, groups[2].id
        contacts = [Contact(campaign_id=big, target_group_id=big_group, first_name=f"P{i}",
                            next_call_at=now, created_at=now) for i in range(1000)]
        s.add_all(contacts)
        s.flush()
        ids = (campaigns[0].id, campaigns[1].id, big, big_group,
               [v.id for v in volunteers], [c.id for c in contacts])
    db.close()
    baseline_id, new_id, big_id, group_id, volunteer_ids, contact_ids = ids
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = OFF")
    earlier = now - timedelta(days=1)

    def row(i: int) -> tuple[object, ...]:
        at = (now - timedelta(seconds=i) if i < TONIGHT
              else earlier - timedelta(seconds=i * 10))
        stamp = at.replace(tzinfo=None).strftime(_FMT)
        return (f"bench-{i}", big_id, group_id, contact_ids[i % len(contact_ids)],
                volunteer_ids[i % VOLUNTEERS], stamp, _OUTCOMES[i % len(_OUTCOMES)], stamp)

    with conn:
        conn.executemany(
            'INSERT INTO "call" (uuid, campaign_id, target_group_id, contact_id, volunteer_id, '
            "number_dialled, started_at, outcome, notes, meeting_signup, contact_before, "
            "saved_at) VALUES (?, ?, ?, ?, ?, '', ?, ?, '', 0, '{}', ?)",
            (row(i) for i in range(CALLS)),
        )
        conn.execute("DELETE FROM call_tally")
        conn.execute(
            "INSERT INTO call_tally (campaign_id, calls, conversations, recruits, follow_ups) "
            'SELECT c.id, (SELECT count(*) FROM "call" WHERE campaign_id = c.id), '
            "(SELECT count(*) FROM \"call\" WHERE campaign_id = c.id "
            " AND outcome IN ('conversation', 'recruited')), "
            "(SELECT count(*) FROM \"call\" WHERE campaign_id = c.id AND outcome = 'recruited'),"
            " 0 FROM campaign c")
    conn.execute("ANALYZE")
    conn.close()
    return baseline_id, new_id, big_id, volunteer_ids


def _median_ms(path: Path, campaign_id: int, volunteer_id: int, since: datetime) -> float:
    from app.db.database import open_database
    from app.services.calling import evening_stats

    db = open_database(str(path))
    times: list[float] = []
    try:
        for i in range(WARMUP + ROUNDS):
            begin = time.perf_counter()
            with db.session() as s:
                stats = evening_stats(s, campaign_id, volunteer_id, since)
            elapsed = time.perf_counter() - begin
            if i >= WARMUP:
                times.append(elapsed)
        assert stats.campaign.calls in (0, CALLS)
    finally:
        db.close()
    return statistics.median(times) * 1000


def run() -> list[Figure]:
    now = datetime.now(UTC)
    tonight = now - timedelta(hours=3)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite"
        begin = time.perf_counter()
        baseline_id, new_id, big_id, volunteers = _populate(path, now)
        print(f"   {CALLS:,} calls generated in {time.perf_counter() - begin:.1f} s",
              flush=True)
        baseline = _median_ms(path, baseline_id, volunteers[0], tonight)
        empty = _median_ms(path, new_id, volunteers[0], tonight)
        big = _median_ms(path, big_id, volunteers[0], tonight)
    return [
        Figure("evening_stats_0_calls", empty, baseline, "ms"),
        Figure("evening_stats_300k_calls", big, baseline, "ms"),
    ]
