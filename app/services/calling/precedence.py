"""A person's state under several writers: a fixed order of strength, so a late save (a claim
that expired while the laptop slept, a second caller) never weakens what another call decided.

Strongest first: do not call, no working number, done, a callback, open.
"""

from __future__ import annotations

from datetime import datetime
from enum import IntEnum
from typing import NamedTuple

from app.domain.status import ContactStatus, QueueRank


class Level(IntEnum):
    OPEN = 0
    CALLBACK = 1
    DONE = 2
    NO_NUMBER = 3
    DNC = 4


# Plain values: a merge of a returned pack asks for thousands of levels, and an enum
# member's `.value` is a descriptor call each time.
_STATUS_LEVEL = {ContactStatus.DNC.value: Level.DNC,
                 ContactStatus.NO_NUMBER.value: Level.NO_NUMBER,
                 ContactStatus.DONE.value: Level.DONE}
_CALLBACK_RANK = int(QueueRank.CALLBACK)


class QueueFields(NamedTuple):
    """The part of a contact row that says where the person stands in the queue. A tuple:
    a merge of a returned pack makes two for each of thousands of people."""

    status: str
    queue_rank: int
    next_call_at: datetime | None

    @property
    def level(self) -> Level:
        level = _STATUS_LEVEL.get(self.status)
        if level is not None:
            return level
        return Level.CALLBACK if self.queue_rank == _CALLBACK_RANK else Level.OPEN


def merge(current: QueueFields, proposed: QueueFields, *, fresh: bool) -> QueueFields:
    """The state to store after a call proposed `proposed`.

    A fresh save (the caller still held the person, or nobody touched them since) decides,
    except that do-not-call is for good. A stale save only ever strengthens the state; of two
    callbacks the one saved last wins.
    """
    if current.level is Level.DNC:
        return current
    if fresh:
        return proposed
    if proposed.level > current.level:
        return proposed
    if proposed.level is Level.CALLBACK and current.level is Level.CALLBACK:
        return proposed
    return current
