"""Calling evenings as a calendar file (iCalendar, RFC 5545): one VEVENT per evening, its
times in Europe/Stockholm with the zone's rules written in, so any calendar shows the time
the organiser typed. Written by hand: a few lines of text need no library at run time."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, time
from pathlib import Path

from app import __version__
from app.clock import utcnow
from app.services.organising.evenings import EveningInfo
from app.services.organising.invitation import invitation_text, title
from app.services.output_paths import atomic_write

TZID = "Europe/Stockholm"
# Central European Time and its summer time (last Sunday of March and of October), as the
# zone has had since 1996.
_VTIMEZONE = (
    "BEGIN:VTIMEZONE", f"TZID:{TZID}",
    "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST",
    "DTSTART:19700329T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
    "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET",
    "DTSTART:19701025T030000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
    "END:VTIMEZONE",
)


def escape(text: str) -> str:
    """A TEXT value: backslash, semicolon, comma and line breaks escaped."""
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n"))


def fold(line: str) -> str:
    """Lines longer than 75 octets go on as continuation lines (CRLF and a space), never
    splitting a UTF-8 character."""
    out: list[str] = []
    current, size = "", 0
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > 75:
            out.append(current)
            current, size = " ", 1
        current += ch
        size += n
    out.append(current)
    return "\r\n".join(out)


def _local(evening: EveningInfo, clock: time) -> str:
    return datetime.combine(evening.day, clock).strftime("%Y%m%dT%H%M%S")


def _event(evening: EveningInfo, language: str, stamp: str) -> list[str]:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{evening.uid}@ringkvall",
        f"DTSTAMP:{stamp}",
        f"DTSTART;TZID={TZID}:{_local(evening, evening.starts)}",
        f"DTEND;TZID={TZID}:{_local(evening, evening.ends)}",
        f"SUMMARY:{escape(title(evening, language))}",
        f"DESCRIPTION:{escape(invitation_text(evening, language))}",
    ]
    where = ", ".join(p for p in (evening.place, evening.link) if p)
    if where:
        lines.append(f"LOCATION:{escape(where)}")
    if evening.link:
        lines.append(f"URL:{evening.link}")  # a URI value: not escaped as text
    lines.append("END:VEVENT")
    return lines


def calendar_text(evenings: Iterable[EveningInfo], language: str = "sv",
                  now: datetime | None = None) -> str:
    stamp = (now or utcnow()).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0",
             f"PRODID:-//Ringkvall//Ringkvall {__version__}//{language.upper()}",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH", *_VTIMEZONE]
    for evening in evenings:
        lines += _event(evening, language, stamp)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def write_calendar(path: Path | str, evenings: Iterable[EveningInfo], *, language: str = "sv",
                   force: bool = False, now: datetime | None = None) -> Path:
    """Write the calendar file atomically (an existing file only with `force`)."""
    text = calendar_text(evenings, language, now)
    target = Path(path)
    with atomic_write(target, force=force) as tmp:
        # Bytes, so the CRLF line ends stay as the standard wants them on every system.
        tmp.write_bytes(text.encode("utf-8"))
    return target.absolute()

