"""Privacy levels of an export: how much personal data leaves the association."""

from __future__ import annotations

from enum import StrEnum

from app.errors import QT_TRANSLATE_NOOP, UserError


class Privacy(StrEnum):
    # Personal data only where the district must act: new members and follow-ups.
    DISTRICT = "district"
    # Figures only: no personal data at all.
    AGGREGATE = "aggregate"
    # Everything, for the association's own use; holds special-category data (opinions).
    FULL = "full"

    @property
    def personal_rows(self) -> bool:
        """Nya medlemmar and Uppföljning hold names and numbers."""
        return self is not Privacy.AGGREGATE

    @property
    def call_rows(self) -> bool:
        """Samtal and Ringare have a row per call / volunteer (pseudonyms below full)."""
        return self is not Privacy.AGGREGATE

    @property
    def identities(self) -> bool:
        """Real names, numbers and free text in Samtal and Ringare."""
        return self is Privacy.FULL

    @property
    def free_text(self) -> bool:
        """Free-text answers (what people said, by the question's kind in the script version
        of each answer's own call). Below full they appear nowhere: not in a sheet, the CSV
        or `stats`; only how many there were is counted."""
        return self is Privacy.FULL


DEFAULT_PRIVACY = Privacy.DISTRICT

FULL_WARNING = QT_TRANSLATE_NOOP(
    "app", "This file holds special-category personal data (what people said about politics), "
    "with names and numbers. Keep it within the association, store it safely and delete it "
    "when it is no longer needed. Send the district the 'district' level instead."
)


def parse_privacy(value: str) -> Privacy:
    try:
        return Privacy(value)
    except ValueError:
        raise UserError(
            QT_TRANSLATE_NOOP("app", "Unknown privacy level '{value}' (use district, aggregate "
                                     "or full)"), value=value) from None
