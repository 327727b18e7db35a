"""What the start page and the campaign settings say about a campaign's retention date."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.services.privacy.retention import Retention

# Each text in a translate call of its own, context and all as literals: Qt's lupdate reads
# the source and finds only those (a helper taking the text as a variable hid them).


def notice(r: Retention) -> str:
    """One sentence for a campaign that is due or within two weeks of its date; "" else."""
    if r.delete_after is None or r.days_left is None:
        return ""
    day = r.delete_after.isoformat()
    if r.due:
        return QCoreApplication.translate(
            "retention", "The personal data in “%1” was to be deleted on %2. Ringkväll offers "
                         "to delete it when it starts; the figures stay.").replace(
            "%1", r.name).replace("%2", day)
    if r.soon:
        # %n by hand: lupdate marks no plural forms for a translate() call, and a look-up
        # with a count then finds no translation (the Swedish is worded for any count).
        return QCoreApplication.translate(
            "retention", "The personal data in “%1” will be deleted on %2, in %n day(s). The "
                         "figures stay; export what the district needs before then."
        ).replace("%n", str(r.days_left)).replace("%1", r.name).replace("%2", day)
    return ""


def purged(r: Retention) -> str:
    if r.purged_at is None:
        return ""
    from app.clock import local

    return QCoreApplication.translate(
        "retention", "The personal data in this campaign was deleted on %1; its figures "
                     "stay.").replace("%1", local(r.purged_at).date().isoformat())
