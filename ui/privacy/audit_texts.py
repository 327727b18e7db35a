"""An audit entry's details in the UI's language ("Samtal: 12 · Nya medlemmar: 1"), not the
`key=value` the command line and the JSON keep."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.errors import QT_TRANSLATE_NOOP
from ui.calling.texts import outcome_text
from ui.dnc_texts import reason_text

# Marked for lupdate, which reads the source: the context and texts as literals.
_LABELS = {
    "count": QT_TRANSLATE_NOOP("AuditDetails", "Number"),
    "source": QT_TRANSLATE_NOOP("AuditDetails", "Source"),
    "version": QT_TRANSLATE_NOOP("AuditDetails", "Version"),
    "outcome_before": QT_TRANSLATE_NOOP("AuditDetails", "Outcome before"),
    "outcome": QT_TRANSLATE_NOOP("AuditDetails", "Outcome"),
    "key": QT_TRANSLATE_NOOP("AuditDetails", "Script"),
    "file": QT_TRANSLATE_NOOP("AuditDetails", "File"),
    "files": QT_TRANSLATE_NOOP("AuditDetails", "Files"),
    "base_id": QT_TRANSLATE_NOOP("AuditDetails", "Based on version"),
    "pack": QT_TRANSLATE_NOOP("AuditDetails", "Pack"),
    "returned": QT_TRANSLATE_NOOP("AuditDetails", "Back in the queue"),
    "calls": QT_TRANSLATE_NOOP("AuditDetails", "Calls"),
    "new_members": QT_TRANSLATE_NOOP("AuditDetails", "New members"),
    "follow_ups": QT_TRANSLATE_NOOP("AuditDetails", "Follow-ups"),
    "do_not_calls": QT_TRANSLATE_NOOP("AuditDetails", "Do-not-call numbers"),
    "flagged": QT_TRANSLATE_NOOP("AuditDetails", "Flagged for review"),
    "volunteer": QT_TRANSLATE_NOOP("AuditDetails", "Volunteer"),
    "target_group_id": QT_TRANSLATE_NOOP("AuditDetails", "Target group"),
    "rows": QT_TRANSLATE_NOOP("AuditDetails", "Rows"),
    "imported": QT_TRANSLATE_NOOP("AuditDetails", "Imported"),
    "rejected": QT_TRANSLATE_NOOP("AuditDetails", "Rejected"),
    "suppressed": QT_TRANSLATE_NOOP("AuditDetails", "On the do-not-call list"),
    "duplicate": QT_TRANSLATE_NOOP("AuditDetails", "Duplicates"),
    "contacts": QT_TRANSLATE_NOOP("AuditDetails", "People"),
    "campaigns": QT_TRANSLATE_NOOP("AuditDetails", "Campaigns"),
    "do_not_call": QT_TRANSLATE_NOOP("AuditDetails", "Also on the do-not-call list"),
    "dnc_added": QT_TRANSLATE_NOOP("AuditDetails", "Numbers blocked"),
    "early": QT_TRANSLATE_NOOP("AuditDetails", "Before the date"),
    "answers": QT_TRANSLATE_NOOP("AuditDetails", "Answers"),
    "format": QT_TRANSLATE_NOOP("AuditDetails", "Format"),
    "privacy": QT_TRANSLATE_NOOP("AuditDetails", "Level"),
}
_YES_NO = (QT_TRANSLATE_NOOP("AuditDetails", "no"), QT_TRANSLATE_NOOP("AuditDetails", "yes"))
_LEVELS = {"district": QT_TRANSLATE_NOOP("AuditDetails", "district"),
           "aggregate": QT_TRANSLATE_NOOP("AuditDetails", "figures only"),
           "full": QT_TRANSLATE_NOOP("AuditDetails", "everything")}
# Where do-not-call numbers came from (dnc.add_numbers' source); the list's own reasons are
# in dnc_texts.
_SOURCES = {"calling": QT_TRANSLATE_NOOP("AuditDetails", "a call"),
            "pack": QT_TRANSLATE_NOOP("AuditDetails", "a calling pack"),
            "correction": QT_TRANSLATE_NOOP("AuditDetails", "a corrected call")}


def _tr(text: str) -> str:
    return QCoreApplication.translate("AuditDetails", text)


def _value(key: str, value: Any) -> str:
    if isinstance(value, bool):
        return _tr(_YES_NO[value])
    if key in ("outcome", "outcome_before") and isinstance(value, str):
        return outcome_text(value)
    if key == "pack" and isinstance(value, str):
        return value[:8]  # a uuid: its start tells packs apart on screen
    if key == "source" and isinstance(value, str):
        return _tr(_SOURCES[value]) if value in _SOURCES else reason_text(value)
    if key == "privacy" and isinstance(value, str):
        return _tr(_LEVELS[value]) if value in _LEVELS else value
    return str(value)


def detail_text(detail: Mapping[str, Any]) -> str:
    """The details on one line, in the order they were recorded; a detail this version has
    no words for is shown as it was recorded."""
    parts = []
    for key, value in detail.items():
        label = _LABELS.get(key)
        parts.append(f"{_tr(label)}: {_value(key, value)}" if label else f"{key}={value}")
    return " · ".join(parts)
