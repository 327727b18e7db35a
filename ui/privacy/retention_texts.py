"""What the start page and the campaign settings say about a campaign's retention date."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.services.privacy.retention import Retention

_CONTEXT = "retention"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def notice(r: Retention) -> str:
    """One sentence for a campaign that is due or within two weeks of its date; "" else."""
    if r.delete_after is None or r.days_left is None:
        return ""
    day = r.delete_after.isoformat()
    if r.due:
        return _tr("The personal data in “%1” was to be deleted on %2. Ringkväll offers to "
                   "delete it when it starts; the figures stay.").replace(
            "%1", r.name).replace("%2", day)
    if r.soon:
        return QCoreApplication.translate(
            _CONTEXT, "The personal data in “%1” will be deleted on %2, in %n day(s). The "
                      "figures stay; export what the district needs before then.", "",
            r.days_left).replace("%1", r.name).replace("%2", day)
    return ""


def purged(r: Retention) -> str:
    if r.purged_at is None:
        return ""
    from app.clock import local

    return _tr("The personal data in this campaign was deleted on %1; its figures "
               "stay.").replace("%1", local(r.purged_at).date().isoformat())
