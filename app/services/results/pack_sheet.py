"""The export's Ringpaket / Packs sheet: a row per calling pack, figures only.

It holds no contact data at any privacy level. The volunteer a pack was made for is shown as
in the Ringare sheet: the real name only at `full`, below it the same pseudonym ("Ringare 3")
that sheet gives the same volunteer, through the export's shared `Pseudonyms`.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.services.results.calls import Pseudonyms, excel_time
from app.services.results.labels import Labels
from app.services.results.pack_figures import PackFigures
from app.services.results.privacy import Privacy
from app.services.results.sheet_writer import SheetWriter

# This sheet's own words, beside the shared ones in labels.py (sv, en).
_TEXTS: dict[str, tuple[str, str]] = {
    "sheet": ("Ringpaket", "Packs"),
    "pack": ("Paket", "Pack"),
    "people": ("Personer i paketet", "People in the pack"),
    "called": ("Ringda personer", "People called"),
    "flagged": ("Att granska", "To review"),
    "returned": ("Senast lämnat tillbaka", "Last returned"),
}


def _text(key: str, language: str) -> str:
    sv, en = _TEXTS[key]
    return sv if language == "sv" else en


def pack_sheet_name(language: str) -> str:
    """The sheet's name in the export's language (Excel allows 31 characters)."""
    return _text("sheet", language)


def pack_headers(labels: Labels) -> list[str]:
    own = labels.language
    return [_text("pack", own), labels["volunteer"], _text("people", own),
            _text("called", own), labels["calls"], labels["conversations"],
            labels["recruited"], labels["follow_ups"], labels["do_not_call"],
            _text("flagged", own), _text("returned", own)]


def write_pack_sheet(w: SheetWriter, packs: Sequence[PackFigures], labels: Labels,
                     privacy: Privacy, volunteer_alias: Pseudonyms) -> int:
    """Write the sheet; returns the number of pack rows."""
    headers = pack_headers(labels)
    # Widths as on the other sheets: a fitted writer (fit=True) sizes them from the rows.
    w.table_header(headers, numeric=range(2, len(headers) - 1))
    for pack in packs:
        if privacy.identities:
            volunteer = pack.volunteer
        elif pack.volunteer_id is not None:
            volunteer = volunteer_alias(pack.volunteer_id)  # the Ringare sheet's number
        else:
            # Nobody of that name has called yet: a number of its own, never the name.
            volunteer = volunteer_alias(("pack", pack.volunteer))
        w.append([
            pack.short_id, volunteer, pack.people, pack.called, pack.calls,
            pack.conversations, pack.recruits, pack.follow_ups, pack.do_not_call,
            pack.flagged,
            w.styled(excel_time(pack.returned_at)) if pack.returned_at is not None else None,
        ])
    w.finish_table(len(headers))
    return len(packs)
