"""Entry points the main window and `ringkvall call` use to open the calling screen."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from app.errors import UserError
from app.services.calling.evening import Evening, begin_evening
from app.services.demo import create_practice_campaign
from app.settings import VOLUNTEER_NAME
from ui.calling.screen import CallingScreen
from ui.calling.start_dialog import PRACTICE_NEW, StartDialog
from ui.errors import show_error

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def open_calling(window: MainWindow) -> CallingScreen | None:
    """Ask who calls for what, then show the calling screen with the first contact."""
    ctx = window.ctx
    name = ctx.settings.get(VOLUNTEER_NAME)
    dialog = StartDialog(ctx, name, ctx.campaign_id, window)
    if dialog.exec() != StartDialog.DialogCode.Accepted:
        return None
    campaign_id = dialog.campaign_id()
    if campaign_id == PRACTICE_NEW:
        with ctx.db.transaction() as session:
            campaign_id = create_practice_campaign(session)[0].id
    return _start(window, campaign_id, dialog.group_id(), dialog.volunteer())


def open_calling_from_args(window: MainWindow, args: argparse.Namespace) -> CallingScreen | None:
    """`ringkvall call [--campaign] [--group] [--volunteer]`: straight to the first contact.
    Without a name (none given, none remembered) the start dialog asks for it."""
    ctx = window.ctx
    name = (getattr(args, "volunteer", None) or ctx.settings.get(VOLUNTEER_NAME) or "").strip()
    campaign = getattr(args, "campaign", None)
    group = getattr(args, "group", None)
    if not name:
        try:
            with ctx.db.session() as session:
                from app.services.calling.evening import resolve_target

                row, _group = resolve_target(session, campaign, group)
                ctx.campaign_id = row.id
        except UserError as exc:
            show_error(window, exc)
        return open_calling(window)
    return _start(window, campaign, group, name)


def _start(window: MainWindow, campaign: str | int | None, group: str | int | None,
           name: str) -> CallingScreen | None:
    ctx = window.ctx
    try:
        with ctx.db.transaction() as session:
            evening: Evening = begin_evening(session, campaign, group, name)
    except UserError as exc:
        show_error(window, exc)
        return None
    ctx.settings.set(VOLUNTEER_NAME, evening.volunteer_name)
    ctx.campaign_id = evening.campaign_id
    current = window.pages.currentWidget()
    if isinstance(current, CallingScreen):
        if not current.can_leave():
            return None
        window.show_home()
    _make_room(window)
    screen = CallingScreen(ctx, evening, window)
    window.show_page(screen)
    screen.start()
    return screen


def _make_room(window: MainWindow) -> None:
    """The calling screen shows a lot at once: grow the window up to the screen's size."""
    if window.isMaximized() or window.isFullScreen():
        return
    screen = window.screen()
    if screen is None:
        return
    room = screen.availableGeometry()
    width = max(window.width(), min(room.width(), 1400))
    height = max(window.height(), min(room.height(), 900))
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)


__all__ = ["open_calling", "open_calling_from_args"]
