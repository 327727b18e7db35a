"""The retention date on screen: the start page and the campaign settings warn two weeks
before, and at start-up after the date Ringkväll offers to delete the data (the organiser
confirms). Dates are taken from the app's own clock (app.clock), so the tests hold on any
day and with the clock a year ahead."""

from __future__ import annotations

import argparse
from datetime import timedelta

from pytestqt.qtbot import QtBot
from sqlalchemy import func, select, update

from app.clock import local, utcnow
from app.db.models import Campaign, Contact
from tests.calling_helpers import make_campaign
from tests.privacy_helpers import dispose, when_modal
from tests.results_helpers import D3, build_campaign
from ui.context import UiContext


def _today() -> object:
    return local(utcnow()).date()


def test_start_page_warns_ten_days_before(qtbot: QtBot, ui_ctx: UiContext) -> None:
    from ui.home import HomePage

    soon = _today() + timedelta(days=10)  # type: ignore[operator]
    with ui_ctx.db.transaction() as s:
        make_campaign(s, "Vårkampanj", delete_after=soon)
        make_campaign(s, "Långt bort", first_number=20,
                      delete_after=_today() + timedelta(days=15))  # type: ignore[operator]
    home = HomePage(ui_ctx)
    notice = home.retention_notice
    assert notice.isVisibleTo(home)
    assert "Vårkampanj" in notice.text() and soon.isoformat() in notice.text()
    assert "10" in notice.text()
    assert "raderas" in notice.text()  # in Swedish, as the rest of the screen
    assert "Långt bort" not in notice.text()  # 15 days: not yet
    dispose(home)


def test_no_warning_without_a_date_near(qtbot: QtBot, ui_ctx: UiContext) -> None:
    from ui.home import HomePage

    with ui_ctx.db.transaction() as s:
        make_campaign(s, "Utan datum")
    home = HomePage(ui_ctx)
    assert not home.retention_notice.isVisibleTo(home)
    dispose(home)


def test_campaign_settings_say_so_and_delete_early_on_confirmation(
        qtbot: QtBot, ui_ctx: UiContext) -> None:
    from ui.campaign_dialog import CampaignDialog

    soon = _today() + timedelta(days=3)  # type: ignore[operator]
    with ui_ctx.db.transaction() as s:
        campaign_id = make_campaign(s, "Vårkampanj", delete_after=soon).id
    dialog = CampaignDialog(ui_ctx, campaign_id)
    label = dialog.privacy.retention_label
    assert soon.isoformat() in label.text() and "Vårkampanj" in label.text()
    asked = when_modal("no")
    dialog.privacy.purge_button.click()
    assert asked and "Vårkampanj" in asked[0]
    with ui_ctx.db.session() as s:
        assert s.scalar(select(func.count()).where(Contact.first_name != "")) == 5
    when_modal("yes")
    dialog.privacy.purge_button.click()
    qtbot.waitUntil(lambda: not dialog.privacy.purge_button.isEnabled(), timeout=10_000)
    with ui_ctx.db.session() as s:
        assert s.scalar(select(func.count()).where(Contact.first_name != "")) == 0
    assert "raderades" in label.text()  # in Swedish, as the rest of the dialog
    dispose(dialog)


def _start(ui_ctx: UiContext) -> object:
    """What ui/app.py does once the database is open, on a window already shown."""
    from ui.app import _after_show
    from ui.main_window import MainWindow

    window = MainWindow(ui_ctx)
    _after_show(window, argparse.Namespace(practice=False, gui_screen=None), ui_ctx.db)
    return window


def test_start_up_after_the_date_offers_the_purge(qtbot: QtBot, ui_ctx: UiContext) -> None:
    known = build_campaign(ui_ctx.db)  # ended 2026-11-12
    with ui_ctx.db.transaction() as s:
        s.execute(update(Campaign).values(delete_after=D3))
        make_campaign(s, "Pågår", first_number=40,
                      delete_after=_today() + timedelta(days=60))  # type: ignore[operator]
    # "No": nothing happens, the start page keeps saying so, and the next start asks again.
    asked = when_modal("no")
    window = _start(ui_ctx)
    assert len(asked) == 1 and known.campaign_name in asked[0] and "Pågår" not in asked[0]
    assert D3.isoformat() in window.home.retention_notice.text()  # type: ignore[attr-defined]
    with ui_ctx.db.session() as s:
        assert s.scalar(select(Campaign.purged_at).where(Campaign.name == "Pågår")) is None
        assert s.scalar(select(func.count()).where(Contact.first_name == "Bertil")) == 1
    dispose(window)
    # The next start, "Yes": the campaign past its date is purged, the other one is not.
    asked = when_modal("yes")
    window = _start(ui_ctx)

    def purged() -> bool:
        with ui_ctx.db.session() as s:
            return s.scalar(select(Campaign.purged_at).where(
                Campaign.id == known.campaign_id)) is not None

    qtbot.waitUntil(purged, timeout=10_000)
    ui_ctx.runner.wait()
    with ui_ctx.db.session() as s:
        assert s.scalar(select(func.count()).where(Contact.first_name == "Bertil")) == 0
        assert s.scalar(select(func.count()).where(
            Contact.campaign_id != known.campaign_id, Contact.first_name != "")) == 5
    home = window.home  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: known.campaign_name not in home.retention_notice.text(),
                    timeout=5_000)
    dispose(window)
