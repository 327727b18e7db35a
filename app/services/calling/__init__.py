"""The calling evening: the queue and its claims, saving a call, undo, skip, tonight's counts.

The calling screen (ui/calling/) uses only what this package exports.
"""

from __future__ import annotations

from app.services.calling.card import AttemptInfo, ContactCard, PhoneInfo, load_card
from app.services.calling.evening import Evening, begin_evening, resolve_target
from app.services.calling.hours import CallingHours, hours_for, parse_hours
from app.services.calling.queue import (
    Claim,
    NextContact,
    QueueState,
    Renewal,
    claim_next,
    next_contact,
    queue_state,
    release_claim,
    renew_claim,
)
from app.services.calling.save import (
    CallInput,
    FollowUpInput,
    RecruitInput,
    SaveConflict,
    SaveResult,
    save_call,
)
from app.services.calling.skip import skip_contact
from app.services.calling.stats import Counts, EveningStats, evening_stats, session_summary
from app.services.calling.undo import UndoResult, undo_last_call

__all__ = [
    "AttemptInfo",
    "CallInput",
    "CallingHours",
    "Claim",
    "ContactCard",
    "Counts",
    "Evening",
    "EveningStats",
    "FollowUpInput",
    "NextContact",
    "PhoneInfo",
    "QueueState",
    "RecruitInput",
    "Renewal",
    "SaveConflict",
    "SaveResult",
    "UndoResult",
    "begin_evening",
    "claim_next",
    "evening_stats",
    "hours_for",
    "load_card",
    "next_contact",
    "parse_hours",
    "queue_state",
    "release_claim",
    "renew_claim",
    "resolve_target",
    "save_call",
    "session_summary",
    "skip_contact",
    "undo_last_call",
]
