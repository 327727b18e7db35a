"""Reading the time a person asked to be called back, as the volunteer typed it in the script
("i morgon kl 18", "tisdag 19.30", "2026-12-03 18:00"), so it is not asked for twice."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

_WEEKDAYS = {
    **{name: i for i, name in enumerate(
        ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"))},
    **{name: i for i, name in enumerate(("mån", "tis", "ons", "tor", "fre", "lör", "sön"))},
    **{name: i for i, name in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))},
    **{name: i for i, name in enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))},
}
_RELATIVE = {"idag": 0, "i dag": 0, "today": 0, "ikväll": 0, "i kväll": 0, "tonight": 0,
             "imorgon": 1, "i morgon": 1, "tomorrow": 1, "i övermorgon": 2, "övermorgon": 2}
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_DAY_MONTH = re.compile(r"\b(\d{1,2})/(\d{1,2})\b")
_CLOCK = re.compile(r"\b([01]?\d|2[0-3])[:.]([0-5]\d)\b")
_HOUR = re.compile(r"\b(?:kl\.?|klockan|at)\s*([01]?\d|2[0-3])\b")
_DEFAULT_HOUR = 18  # an evening call, when only the day was said


def parse_callback_time(text: str, now: datetime) -> datetime | None:
    """The moment `text` names, in `now`'s time zone, or None when it names none (or one
    in the past). `now` must be aware and in the volunteer's local zone."""
    lowered = " ".join(text.lower().split())
    day = _day(lowered, now.date())
    clock = _clock(lowered)
    if day is None and (clock is None or _ISO_DATE.search(lowered)):
        return None  # nothing said, or a date that does not exist
    if clock is None:
        clock = time(_DEFAULT_HOUR)
    if day is None:
        day = now.date()
        if datetime.combine(day, clock, now.tzinfo) <= now:
            day += timedelta(days=1)
    when = datetime.combine(day, clock, now.tzinfo)
    return when if when > now else None


def _day(text: str, today: date) -> date | None:
    if match := _ISO_DATE.search(text):
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
    for word, offset in sorted(_RELATIVE.items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text):
            return today + timedelta(days=offset)
    for word in re.findall(r"[a-zåäö]+", text):
        if word in _WEEKDAYS:
            ahead = (_WEEKDAYS[word] - today.weekday()) % 7 or 7
            return today + timedelta(days=ahead)
    if match := _DAY_MONTH.search(text):
        try:
            candidate = date(today.year, int(match[2]), int(match[1]))
        except ValueError:
            return None
        return candidate if candidate >= today else candidate.replace(year=today.year + 1)
    return None


def _clock(text: str) -> time | None:
    if match := _CLOCK.search(_ISO_DATE.sub(" ", text)):
        return time(int(match[1]), int(match[2]))
    if match := _HOUR.search(text):
        return time(int(match[1]))
    return None
