"""Purging from the window: early from the campaign settings, and the offer at start-up
for campaigns whose date has come. The organiser always confirms; the work runs on the task
runner (it writes, then rebuilds the file)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app.services.privacy.purge import PurgeResult, purge_campaign
from app.services.privacy.retention import Retention, due
from app.settings import VOLUNTEER_NAME
from ui.context import UiContext
from ui.errors import show_error

# Each text in a translate call of its own, context and all as literals: Qt's lupdate reads
# the source and finds only those (a helper taking the text as a variable hid them).

def _confirm(parent: QWidget, text: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate(
        "purge", "Delete personal data"), text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setInformativeText(QCoreApplication.translate(
        "purge", "Names, numbers, notes, free-text answers and member details are deleted for "
                 "good. The figures and the do-not-call list stay."))
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def purge_early(parent: QWidget, ctx: UiContext, retention: Retention,
                done: Callable[[PurgeResult], None] | None = None) -> None:
    """Ask, then delete one campaign's personal data now (before its date, or on it)."""
    text = QCoreApplication.translate(
        "purge", "Delete the personal data in “%1” now?").replace("%1", retention.name)
    if not _confirm(parent, text):
        return
    db, campaign_id, actor = ctx.db, retention.campaign_id, ctx.settings.get(VOLUNTEER_NAME)

    def purged(result: PurgeResult) -> None:
        ctx.events.changed.emit("campaigns")
        if done is not None:
            done(result)

    ctx.runner.run(
        lambda _progress: purge_campaign(db, campaign_id, confirmed_early=True, actor=actor),
        context=parent, writes=True, on_success=purged,
        on_failure=lambda exc: show_error(parent, exc))


def offer_due_purges(parent: QWidget, ctx: UiContext, *, now: datetime | None = None,
                     done: Callable[[list[PurgeResult]], None] | None = None) -> bool:
    """At start-up: when campaigns are past their date, ask the organiser to delete their
    personal data now. "No" asks again at the next start (the start page keeps saying so).
    Whether the deletion was started."""
    found = due(ctx.db, now=now)
    if not found or _volunteer_login(ctx):
        return False
    lines = "\n".join(f"• {r.name} ({r.delete_after.isoformat() if r.delete_after else ''})"
                      for r in found)
    text = QCoreApplication.translate(
        "purge", "The date for deleting the personal data has come for:\n%1\n\nDelete it "
                 "now?").replace("%1", lines)
    if not _confirm(parent, text):
        return False
    db, ids, actor = ctx.db, [r.campaign_id for r in found], ctx.settings.get(VOLUNTEER_NAME)

    def purged(results: list[PurgeResult]) -> None:
        ctx.events.changed.emit("campaigns")
        if done is not None:
            done(results)

    ctx.runner.run(
        lambda _progress: [purge_campaign(db, campaign_id, actor=actor, now=now)
                           for campaign_id in ids],
        context=parent, writes=True, on_success=purged,
        on_failure=lambda exc: show_error(parent, exc))
    return True


def _volunteer_login(ctx: UiContext) -> bool:
    """A volunteer's login on a server may not delete (the server would refuse): it is not
    asked. The organiser's next start asks."""
    if ctx.db.dialect != "postgresql":
        return False
    from app.services.server.connection import login_role

    return login_role(ctx.db) == "volunteer"
