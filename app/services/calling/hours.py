"""Calling hours of a campaign: "HH:MM-HH:MM" for weekdays and for weekends, in local time."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

from app.db.models import Campaign
from app.errors import QT_TRANSLATE_NOOP, UserError

DEFAULT_WEEKDAY = "09:00-20:00"
DEFAULT_WEEKEND = "10:00-18:00"


@dataclass(frozen=True)
class CallingHours:
    """Minutes after local midnight; `end` may be 24*60 (until midnight)."""

    weekday: tuple[int, int]
    weekend: tuple[int, int]

    def window(self, day: datetime) -> tuple[int, int]:
        return self.weekend if day.weekday() >= 5 else self.weekday

    def is_open(self, now: datetime, tz: tzinfo | None = None) -> bool:
        local = now.astimezone(tz)
        start, end = self.window(local)
        minute = local.hour * 60 + local.minute
        return start <= minute < end

    def next_opening(self, now: datetime, tz: tzinfo | None = None) -> datetime | None:
        """When calling may start next (aware, local), or None if the hours never open."""
        local = now.astimezone(tz)
        midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
        for offset in range(8):
            day = midnight + timedelta(days=offset)
            start, end = self.window(day)
            if start >= end:
                continue
            opening = day + timedelta(minutes=start)
            if opening > local:
                return opening
            if offset == 0 and local < day + timedelta(minutes=end):
                return local
        return None

    def text_for(self, now: datetime, tz: tzinfo | None = None) -> str:
        """Today's hours as "09:00-20:00"."""
        start, end = self.window(now.astimezone(tz))
        return f"{_fmt(start)}-{_fmt(end)}"


def _fmt(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _minutes(value: str) -> int:
    hours, _, minutes = value.strip().partition(":")
    total = int(hours) * 60 + int(minutes or "0")
    if not 0 <= int(minutes or "0") < 60 or not 0 <= total <= 24 * 60:
        raise ValueError(value)
    return total


def parse_hours(text: str) -> tuple[int, int]:
    """ "09:00-20:00" -> (540, 1200). UserError for anything else."""
    try:
        start_text, end_text = text.split("-")
        start, end = _minutes(start_text), _minutes(end_text)
    except ValueError:
        raise UserError(
            QT_TRANSLATE_NOOP("app", "Calling hours '{hours}' are not like 09:00-20:00"),
            hours=text,
        ) from None
    if end < start:
        raise UserError(
            QT_TRANSLATE_NOOP("app", "Calling hours '{hours}' end before they start"),
            hours=text,
        )
    return start, end


def hours_for(campaign: Campaign) -> CallingHours:
    return hours_from_text(campaign.weekday_hours, campaign.weekend_hours)


@functools.lru_cache(maxsize=64)
def hours_from_text(weekday: str | None, weekend: str | None) -> CallingHours:
    return CallingHours(parse_hours(weekday or DEFAULT_WEEKDAY),
                        parse_hours(weekend or DEFAULT_WEEKEND))
