"""At start-up on a volunteer's laptop: pack copies past their time (two weeks after the
pack expired, or the campaign's date for deleting personal data) are offered for deletion.
The volunteer confirms; calls never returned are named, and then "No" is the default."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import os_fault
from app.services.packs.on_laptop import LaptopPack, delete_laptop_pack, due_laptop_packs
from ui.context import UiContext
from ui.errors import show_error


def _line(pack: LaptopPack) -> str:
    when = pack.expires_at.astimezone().date().isoformat() if pack.expires_at else ""
    text = QCoreApplication.translate("laptop_packs", "• %1 (%2), expired %3")
    return text.replace("%1", pack.campaign).replace("%2", pack.volunteer).replace("%3", when)


def offer_due_laptop_packs(parent: QWidget, ctx: UiContext, *,
                           now: datetime | None = None) -> bool:
    """Ask to delete this computer's pack copies that are past their time. "No" asks again
    at the next start. Whether any were deleted."""
    open_file = ctx.db.location.sqlite_path if ctx.db_is_open else None
    due = due_laptop_packs(now, open_database=open_file)
    if not due:
        return False
    text = QCoreApplication.translate(
        "laptop_packs", "These calling packs are over. They hold names, numbers and what was "
        "said on the calls, which should not stay on this computer:\n%1\n\nDelete them from "
        "this computer now?").replace("%1", "\n".join(_line(p) for p in due))
    box = QMessageBox(QMessageBox.Icon.Question, QCoreApplication.translate(
        "laptop_packs", "Delete old calling packs"), text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    unreturned = sum(p.unreturned for p in due)
    if unreturned:
        box.setIcon(QMessageBox.Icon.Warning)
        box.setInformativeText(QCoreApplication.translate(
            "laptop_packs", "%1 call(s) in them were never handed back to the organiser and "
            "would be lost. Choose No, return the pack (File › Return the calling pack), and "
            "delete it at the next start.").replace("%1", str(unreturned)))
        box.setDefaultButton(QMessageBox.StandardButton.No)
    else:
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
    if box.exec() != QMessageBox.StandardButton.Yes:
        return False
    try:
        for pack in due:
            delete_laptop_pack(pack.pack_id)  # a few files removed: no wait to show
    except OSError as exc:
        fault = os_fault(exc)  # no permission, a read-only disk: the user's to fix
        if fault is None:
            raise
        show_error(parent, fault)
        return False
    return True
