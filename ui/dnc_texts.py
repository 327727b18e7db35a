"""Do-not-call reasons in the UI language: the list stores codes (app/services/dnc.py)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.services import dnc


def reason_text(code: str, source: str = "") -> str:
    """The reason for a known code in the current language; an organiser's own text as is.
    Entries added without a reason are explained by where they came from."""
    if not code and source in dnc.REASON_CODES:
        code = source
    if code == dnc.REASON_CALL:
        return QCoreApplication.translate("dnc", "Asked during a call not to be called again")
    if code == dnc.REASON_WINDOW:
        return QCoreApplication.translate("dnc", "Added by hand")
    if code == dnc.REASON_FILE:
        return QCoreApplication.translate("dnc", "From a do-not-call file")
    return code
