"""Callback times as volunteers type them in the script, read against a fixed clock."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from app.services.calling.when import parse_callback_time

CET = timezone(timedelta(hours=1))
# Tuesday 2030-12-03, 17:30 local time.
NOW = datetime(2030, 12, 3, 17, 30, tzinfo=CET)


@pytest.mark.parametrize(("text", "expected"), [
    ("i morgon kl 18", datetime(2030, 12, 4, 18, 0, tzinfo=CET)),
    ("Imorgon 19.30", datetime(2030, 12, 4, 19, 30, tzinfo=CET)),
    ("ikväll 20:15", datetime(2030, 12, 3, 20, 15, tzinfo=CET)),
    ("torsdag", datetime(2030, 12, 5, 18, 0, tzinfo=CET)),
    ("på tisdag kl. 9", datetime(2030, 12, 10, 9, 0, tzinfo=CET)),
    ("2030-12-20 18:00", datetime(2030, 12, 20, 18, 0, tzinfo=CET)),
    ("12/1", datetime(2031, 1, 12, 18, 0, tzinfo=CET)),
    ("19:00", datetime(2030, 12, 3, 19, 0, tzinfo=CET)),
    ("kl 16", datetime(2030, 12, 4, 16, 0, tzinfo=CET)),  # passed today: tomorrow
    ("tomorrow at 7", datetime(2030, 12, 4, 7, 0, tzinfo=CET)),
])
def test_spoken_times(text: str, expected: datetime) -> None:
    assert parse_callback_time(text, NOW) == expected


@pytest.mark.parametrize("text", ["", "någon gång", "efter jul kanske", "2030-02-30 18:00",
                                  "2029-01-01 10:00"])
def test_no_time_or_the_past_gives_none(text: str) -> None:
    assert parse_callback_time(text, NOW) is None
