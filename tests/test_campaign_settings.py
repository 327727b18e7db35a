"""Campaign settings: the service validates, the dialog edits and saves."""

from __future__ import annotations

from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.db.models import Campaign
from app.errors import UserError
from app.services.campaigns import (
    campaign_settings,
    get_or_create_campaign,
    update_campaign,
)
from ui.campaign_dialog import CampaignDialog
from ui.context import UiContext


def _campaign(db: Database, name: str = "Vårkampanj") -> int:
    with db.transaction() as session:
        return get_or_create_campaign(session, name).id


def test_update_round_trips(db: Database) -> None:
    campaign_id = _campaign(db)
    with db.transaction() as session:
        settings = campaign_settings(session, campaign_id)
        settings.local_issue = "Badhuset"
        settings.weekday_hours = "17:00-21:00"
        settings.goal_recruits = 5
        settings.delete_after = date(2027, 3, 1)
        update_campaign(session, campaign_id, settings)
    with db.session() as session:
        campaign = session.get_one(Campaign, campaign_id)
        assert (campaign.local_issue, campaign.weekday_hours, campaign.goal_recruits,
                campaign.delete_after) == ("Badhuset", "17:00-21:00", 5, date(2027, 3, 1))


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "  ", "needs a name"),
        ("weekday_hours", "kväll", "09:00-20:00"),
        ("weekend_hours", "18:00-10:00", "end before"),
        ("max_attempts", 0, "Attempts"),
        ("ends_on", date(2020, 1, 1), "ends before it starts"),
    ],
)
def test_bad_values_are_refused_and_change_nothing(
    db: Database, field: str, value: object, message: str
) -> None:
    campaign_id = _campaign(db)
    with db.transaction() as session:
        settings = campaign_settings(session, campaign_id)
        settings.starts_on = date(2026, 1, 1)
        update_campaign(session, campaign_id, settings)
    with pytest.raises(UserError, match=message), db.transaction() as session:
        settings = campaign_settings(session, campaign_id)
        settings.local_issue = "ändrat"
        setattr(settings, field, value)
        update_campaign(session, campaign_id, settings)
    with db.session() as session:
        assert session.get_one(Campaign, campaign_id).local_issue == ""


def test_name_must_be_unique(db: Database) -> None:
    _campaign(db, "A")
    b = _campaign(db, "B")
    with pytest.raises(UserError, match="already a campaign"), db.transaction() as session:
        settings = campaign_settings(session, b)
        settings.name = "A"
        update_campaign(session, b, settings)


def test_dialog_edits_and_saves(qtbot: QtBot, ui_ctx: UiContext) -> None:
    campaign_id = _campaign(ui_ctx.db)
    dialog = CampaignDialog(ui_ctx, campaign_id)
    qtbot.addWidget(dialog)
    assert dialog.tabs.tabText(0) == "Kampanj"
    dialog.local_issue.setText("Kvällsbussarna")
    dialog.goal_conversations.setValue(40)
    dialog.notes_enabled.setChecked(False)
    with qtbot.waitSignal(ui_ctx.events.changed):
        dialog.save()
    with ui_ctx.db.session() as session:
        campaign = session.get_one(Campaign, campaign_id)
        assert (campaign.local_issue, campaign.goal_conversations, campaign.notes_enabled) == (
            "Kvällsbussarna", 40, False)
        assert campaign.meeting_at is None  # untouched "no meeting time" stays empty
        assert campaign.weekday_hours == "09:00-20:00"
