"""Entry points the main window and `ringkvall call` use to open the calling screen.

Beginning the evening writes (the volunteer, perhaps the practice campaign), so it runs on the
task runner's write thread; the calling screen appears when it is done, so the entry points
return nothing.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from PySide6.QtGui import QScreen

from app.errors import UserError
from app.progress import Progress
from app.services.calling.evening import Evening
from app.services.calling.start import start_evening, target_campaign_id
from app.services.calling.steps import CallingSetup, calling_setup
from app.settings import VOLUNTEER_NAME
from ui.calling.screen import CallingScreen
from ui.calling.start_dialog import PRACTICE_NEW, StartDialog
from ui.errors import show_error

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def open_calling(window: MainWindow) -> None:
    """Ask who calls for what, then show the calling screen with the first contact."""
    ctx = window.ctx
    name = ctx.settings.get(VOLUNTEER_NAME)
    dialog = StartDialog(ctx, name, ctx.campaign_id, window)
    if dialog.exec() != StartDialog.DialogCode.Accepted:
        return
    campaign_id = dialog.campaign_id()
    practice = campaign_id == PRACTICE_NEW
    _start(window, None if practice else campaign_id, dialog.group_id(), dialog.volunteer(),
           practice=practice)


def open_calling_from_args(window: MainWindow, args: argparse.Namespace) -> None:
    """`ringkvall call [--campaign] [--group] [--volunteer]`: straight to the first contact.
    Without a name (none given, none remembered) the start dialog asks for it."""
    ctx = window.ctx
    name = (getattr(args, "volunteer", None) or ctx.settings.get(VOLUNTEER_NAME) or "").strip()
    campaign = getattr(args, "campaign", None)
    group = getattr(args, "group", None)
    if not name:
        try:
            ctx.campaign_id = target_campaign_id(ctx.db, campaign, group)
        except UserError as exc:
            show_error(window, exc)
        open_calling(window)
        return
    _start(window, campaign, group, name)


def _start(window: MainWindow, campaign: str | int | None, group: str | int | None,
           name: str, *, practice: bool = False) -> None:
    if not window.act_call.isEnabled():
        return  # an evening is being begun already
    db = window.ctx.db
    _set_starting(window, True)

    def failed(exc: BaseException) -> None:
        _set_starting(window, False)
        show_error(window, exc,
                   retry=lambda: _start(window, campaign, group, name, practice=practice))

    def begin(_progress: Progress) -> tuple[Evening, CallingSetup]:
        evening = start_evening(db, campaign, group, name, practice=practice)
        return evening, calling_setup(db, evening.campaign_id)

    window.ctx.runner.run(begin, context=window,
                          on_success=lambda begun: _show(window, *begun),
                          on_failure=failed, writes=True)


def _set_starting(window: MainWindow, starting: bool) -> None:
    # Pressing "Start calling" again meanwhile would begin a second evening.
    window.act_call.setEnabled(not starting)
    window.home.call_button.setEnabled(not starting and window.ctx.campaign_id is not None)


def _show(window: MainWindow, evening: Evening, setup: CallingSetup) -> CallingScreen | None:
    _set_starting(window, False)
    ctx = window.ctx
    ctx.settings.set(VOLUNTEER_NAME, evening.volunteer_name)
    ctx.campaign_id = evening.campaign_id
    current = window.pages.currentWidget()
    if isinstance(current, CallingScreen):
        if not current.can_leave():
            return None
        window.show_home()
    _make_room(window)
    screen = CallingScreen(ctx, evening, setup, window)
    window.show_page(screen)
    screen.start()
    return screen


def _make_room(window: MainWindow) -> None:
    """The calling screen shows a lot at once: grow the window up to the screen's size."""
    if window.isMaximized() or window.isFullScreen():
        return
    # Qt hands back no screen while a window is being moved between displays.
    screen: QScreen | None = window.screen()
    if screen is None:
        return
    room = screen.availableGeometry()
    width = max(window.width(), min(room.width(), 1400))
    height = max(window.height(), min(room.height(), 900))
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)


__all__ = ["open_calling", "open_calling_from_args"]
