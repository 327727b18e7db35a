"""A contact's place in the calling queue."""

from __future__ import annotations

from enum import IntEnum, StrEnum


class ContactStatus(StrEnum):
    OPEN = "open"  # in the queue: new, to retry, or a callback
    DONE = "done"  # reached with a final outcome, or out of attempts
    DNC = "dnc"  # on the do-not-call list
    NO_NUMBER = "no_number"  # every number failed (wrong number)
    IMPORTING = "importing"  # part of an import still running: no screen or figure sees it
    PACKED = "packed"  # handed out in a calling pack: a laptop calls them (app/services/packs)


class QueueRank(IntEnum):
    """Order of the queue: due callbacks first, then never tried, then retries."""

    CALLBACK = 0
    NEW = 1
    RETRY = 2
