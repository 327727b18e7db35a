"""Answers of a campaign with "answers without a name" when a calling pack comes back.

A laptop whose pack was made with the switch on only counts its answers (as any laptop of
such a campaign does), so a results file carries counts, not answers per call. Each return
holds everything so far, so a merge adds only what the laptop counted beyond what earlier
merges of the same pack brought in; the total merged so far is kept with each merge.

A pack made before the switch was turned on brings answers per call: they become counts as
they are merged, so none is ever stored against a call here.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Call, Campaign, PackMerge
from app.services.privacy.anonymous_answers import add_counts, move_to_counts

# (campaign, target group, script version, day, question, value) as the counts are kept.
Key = tuple[int, int, int | None, date, str, str]
MERGED = "answer_counts"  # where a merge's record keeps the counts merged so far


def read_laptop_counts(conn: sqlite3.Connection, campaign_id: int) -> dict[Key, int]:
    """The laptop's counts for the pack's campaign, summed per key."""
    counts: dict[Key, int] = {}
    for group_id, script_id, day, question, value, n in conn.execute(
            "SELECT target_group_id, script_id, day, question_key, value, count "
            "FROM anonymous_answer_count WHERE campaign_id = ?", (campaign_id,)):
        key: Key = (campaign_id, int(group_id), None if script_id is None else int(script_id),
                    date.fromisoformat(str(day)), str(question), str(value))
        counts[key] = counts.get(key, 0) + int(n)
    return counts


def merge_counts(session: Session, pack_id: str, laptop: dict[Key, int]) -> list[list[Any]]:
    """Add what this return counted beyond the pack's earlier merges; returns the new total
    merged so far, to keep with this merge (as JSON). A return older than one merged before
    (a laptop's undo, or files merged out of order) takes nothing away."""
    merged: dict[Key, int] = {}
    for (record,) in session.execute(select(PackMerge.counts).where(PackMerge.pack_id == pack_id)):
        for *raw, n in (record or {}).get(MERGED, []):
            key: Key = (int(raw[0]), int(raw[1]), raw[2], date.fromisoformat(raw[3]),
                        str(raw[4]), str(raw[5]))
            merged[key] = max(merged.get(key, 0), int(n))
    add_counts(session, {key: n - merged.get(key, 0) for key, n in laptop.items()
                         if n > merged.get(key, 0)})
    total = {key: max(n, laptop.get(key, 0)) for key, n in merged.items()}
    total.update({key: n for key, n in laptop.items() if n > total.get(key, 0)})
    return [[k[0], k[1], k[2], k[3].isoformat(), k[4], k[5], n]
            for k, n in sorted(total.items(), key=lambda item: repr(item[0]))]


def anonymise_merged_calls(session: Session, campaign_id: int, uuids: Iterable[str]) -> int:
    """In a campaign with the switch on, the merged calls' answers become counts."""
    if not session.scalar(select(Campaign.anonymous_answers)
                          .where(Campaign.id == campaign_id)):
        return 0
    wanted = list(uuids)
    ids: list[int] = []
    for i in range(0, len(wanted), 500):
        ids.extend(session.scalars(select(Call.id).where(Call.uuid.in_(wanted[i:i + 500]))))
    return move_to_counts(session, call_ids=ids)
