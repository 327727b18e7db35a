"""Campaign dates typed the Swedish way (issue 11): keys go to whatever has the focus, the
field is reached by its label's Alt+letter, and what was saved is read back through the
service. "Today" is a fixed, injected time, never the machine's date."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QCalendarWidget, QFormLayout, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from app.services.campaign_edit import create_campaign, load_campaign_settings
from app.services.campaigns import suggested_delete_after
from tests.test_calling_real_keyboard import ALT, alt_letter, press, type_text, when_modal
from tests.test_calling_screen import _activate
from ui.campaign_dialog import CampaignDialog
from ui.context import UiContext
from ui.date_field import DateField, parse_date

NOW = datetime(2031, 3, 14, 12, 0, tzinfo=UTC)  # "today" for these tests: 2031-03-14


def _dialog(qtbot: QtBot, ctx: UiContext) -> tuple[CampaignDialog, int]:
    campaign_id = create_campaign(ctx.db, "Vårkampanj")
    dialog = CampaignDialog(ctx, campaign_id, now=NOW)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    _activate(dialog)
    return dialog, campaign_id


def _go_to(qtbot: QtBot, field: DateField) -> None:
    """Alt+the letter its label shows, as the organiser would."""
    layout = field.parentWidget().layout()
    assert isinstance(layout, QFormLayout)
    label = layout.labelForField(field)
    assert isinstance(label, QLabel)
    press(qtbot, alt_letter(label.text()), ALT)
    assert QApplication.focusWidget() is field.line


def test_dates_are_typed_from_empty_and_saved(qtbot: QtBot, ui_ctx: UiContext) -> None:
    dialog, campaign_id = _dialog(qtbot, ui_ctx)
    assert (dialog.starts_on.text(), dialog.ends_on.text(), dialog.delete_after.text()) == (
        "", "", "")
    _go_to(qtbot, dialog.starts_on)
    type_text(qtbot, "2031-04-01")
    _go_to(qtbot, dialog.ends_on)
    type_text(qtbot, "20310531")  # the digits alone work too
    # the retention date follows the end: three months after it, with the reason beside it
    assert dialog.delete_after.text() == "2031-08-31"
    assert "GDPR" in dialog.delete_after_hint.text()
    with qtbot.waitSignal(ui_ctx.events.changed):
        press(qtbot, Qt.Key.Key_Return)  # Save is the default button
    saved = load_campaign_settings(ui_ctx.db, campaign_id)
    assert (saved.starts_on, saved.ends_on, saved.delete_after) == (
        date(2031, 4, 1), date(2031, 5, 31), date(2031, 8, 31))


def test_a_typed_retention_date_is_kept_when_the_end_changes(
    qtbot: QtBot, ui_ctx: UiContext
) -> None:
    dialog, campaign_id = _dialog(qtbot, ui_ctx)
    _go_to(qtbot, dialog.ends_on)
    type_text(qtbot, "2031-05-31")
    _go_to(qtbot, dialog.delete_after)
    type_text(qtbot, "2031-12-01")  # the shortcut selected the suggestion: typing replaces it
    _go_to(qtbot, dialog.ends_on)
    type_text(qtbot, "2031-06-30")
    assert dialog.delete_after.text() == "2031-12-01"
    with qtbot.waitSignal(ui_ctx.events.changed):
        dialog.save()
    saved = load_campaign_settings(ui_ctx.db, campaign_id)
    assert (saved.ends_on, saved.delete_after) == (date(2031, 6, 30), date(2031, 12, 1))


# a popup asks the platform to raise it and grab the keyboard, which offscreen cannot do
@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing", extend=True)
def test_an_empty_dates_calendar_opens_on_today(qtbot: QtBot, ui_ctx: UiContext) -> None:
    dialog, campaign_id = _dialog(qtbot, ui_ctx)
    _go_to(qtbot, dialog.starts_on)
    press(qtbot, Qt.Key.Key_Down, ALT)
    calendar = QApplication.activePopupWidget()
    assert isinstance(calendar, QCalendarWidget)
    assert calendar.selectedDate() == QDate(2031, 3, 14)
    assert (calendar.yearShown(), calendar.monthShown()) == (2031, 3)
    press(qtbot, Qt.Key.Key_Right)  # the next day
    press(qtbot, Qt.Key.Key_Return)
    assert QApplication.activePopupWidget() is None
    assert QApplication.focusWidget() is dialog.starts_on.line
    assert dialog.starts_on.text() == "2031-03-15"
    with qtbot.waitSignal(ui_ctx.events.changed):
        dialog.save()
    assert load_campaign_settings(ui_ctx.db, campaign_id).starts_on == date(2031, 3, 15)


def test_a_date_that_does_not_exist_is_refused(qtbot: QtBot, ui_ctx: UiContext) -> None:
    dialog, campaign_id = _dialog(qtbot, ui_ctx)
    _go_to(qtbot, dialog.starts_on)
    type_text(qtbot, "2031-02-30")
    seen: list[str] = []

    def close(box: object) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.close()

    when_modal(qtbot, close)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(seen))
    assert "2031-02-30" in seen[0] and "-MM-DD" in seen[0]  # names the text and the form
    assert dialog.isVisible() and dialog.focusWidget() is dialog.starts_on.line
    assert load_campaign_settings(ui_ctx.db, campaign_id).starts_on is None


@pytest.mark.parametrize(("text", "expected"), [
    ("2026-11-02", date(2026, 11, 2)), ("20261102", date(2026, 11, 2)),
    ("2026-1-2", date(2026, 1, 2)), (" ", None)])
def test_parse_date(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["2026-11", "202611", "2026-02-30", "2026-13-01"])
def test_parse_date_refuses(text: str) -> None:
    with pytest.raises(ValueError):
        parse_date(text)


@pytest.mark.parametrize(("ends", "delete"), [
    (date(2026, 11, 30), date(2027, 2, 28)), (date(2027, 11, 30), date(2028, 2, 29)),
    (date(2026, 12, 15), date(2027, 3, 15)), (date(2026, 10, 31), date(2027, 1, 31))])
def test_retention_is_three_months_after_the_end(ends: date, delete: date) -> None:
    assert suggested_delete_after(ends) == delete
