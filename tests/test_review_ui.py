"""The call list and the correction dialog, driven by the keyboard (keys to the focused
widget), and the district's overview of local plans."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from app.services.campaigns import get_campaign
from app.services.organising.call_list import call_detail
from app.services.organising.plans import district_plans, export_plan, local_plan
from tests.review_helpers import ASSOCIATIONS, association_db, campaign_with_calls, tally
from tests.test_mnemonics import clashes
from tests.test_text_sizes import CASES, IDS, SCREEN, problems, text_size  # noqa: F401
from ui.context import UiContext
from ui.main_window import MainWindow
from ui.organising.calls_page import CallsPage
from ui.organising.correction_dialog import CorrectionDialog
from ui.organising.plans_page import PlansPage, import_district_answer_from
from ui.tasks import TaskRunner


def _focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def _key(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
         ) -> None:
    qtbot.keyClick(_focus(), key, modifier)


def _window(qtbot: QtBot, ui_ctx: UiContext) -> MainWindow:
    window = MainWindow(ui_ctx)
    qtbot.addWidget(window)
    window.resize(1280, 760)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    return window


def test_correcting_a_call_with_the_keyboard(ui_ctx: UiContext, qtbot: QtBot) -> None:
    campaign_id, calls = campaign_with_calls(ui_ctx.db, ["conversation", "no_answer"])
    ui_ctx.campaign_id = campaign_id
    window = _window(qtbot, ui_ctx)
    window.act_calls.trigger()
    page = window.pages.currentWidget()
    assert isinstance(page, CallsPage)
    qtbot.waitUntil(lambda: page.loads >= 1 and page.table.rowCount() == 2)
    assert clashes(page) == {}
    # Newest first: the no-answer call, then the conversation.
    qtbot.waitUntil(lambda: page.table.hasFocus())
    _key(qtbot, Qt.Key.Key_Down)
    assert page.selected() == calls[0]
    _key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible())
    dialog = page.dialog
    assert isinstance(dialog, CorrectionDialog)
    assert clashes(dialog) == {}
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QComboBox))
    assert "Never corrected" in dialog.versions.toPlainText() or "Aldrig" in \
        dialog.versions.toPlainText()
    # Outcome: from "conversation" two up is "refused".
    _key(qtbot, Qt.Key.Key_Up)
    _key(qtbot, Qt.Key.Key_Up)
    assert dialog.outcome.currentData() == "refused"
    # Alt+N jumps to the notes (the label's mnemonic), whatever the language's letter.
    notes_letter = dialog.labels["notes"].text().split("&")[1][0]
    _key(qtbot, Qt.Key(ord(notes_letter.upper())), Qt.KeyboardModifier.AltModifier)
    assert isinstance(_focus(), QPlainTextEdit)
    _focus().selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(_focus(), "Ville inte prata")
    by_letter = dialog.labels["by"].text().split("&")[1][0]
    _key(qtbot, Qt.Key(ord(by_letter.upper())), Qt.KeyboardModifier.AltModifier)
    assert _focus() is dialog.changed_by
    qtbot.keyClicks(_focus(), "Eva")
    _key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.result_ is not None and dialog.result_.version == 2
    detail = call_detail(ui_ctx.db, calls[0])
    assert (detail.outcome, detail.notes) == ("refused", "Ville inte prata")
    assert [(v.outcome, v.changed_by.endswith("Eva")) for v in detail.versions] == [
        ("conversation", False), ("refused", True)]
    assert tally(ui_ctx.db, campaign_id)[1] == 0  # no conversations left
    # The list follows: the call shows its two versions.
    qtbot.waitUntil(lambda: page.table.item(1, 6) is not None
                    and page.table.item(1, 6).text() == "2")
    assert "2" in page.status.text()

    # Back on the list, opened again: the earlier version is readable in the dialog.
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.table)
    assert page.selected() == calls[0]
    _key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.dialog is not dialog and page.dialog is not None
                    and page.dialog.isVisible())
    again = page.dialog
    assert again is not None
    assert "anteckning 0" in again.versions.toPlainText()
    _key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not again.isVisible())
    assert len(call_detail(ui_ctx.db, calls[0]).versions) == 2


def test_the_district_overview_of_plans(ui_ctx: UiContext, qtbot: QtBot,
                                        tmp_path: Path) -> None:
    files = []
    associations = [association_db(tmp_path, i) for i in range(3)]
    try:
        for i, adb in enumerate(associations):
            files.append(export_plan(adb, ASSOCIATIONS[i][1], tmp_path / f"plan{i}.xlsx").path)
        window = _window(qtbot, ui_ctx)
        window.act_plans.trigger()
        page = window.pages.currentWidget()
        assert isinstance(page, PlansPage)
        qtbot.waitUntil(lambda: page.loads >= 1)
        assert page.table.rowCount() == 0 and page.empty.isVisibleTo(page)
        page.read_files(files)
        qtbot.waitUntil(lambda: page.table.rowCount() == 3)
        assert clashes(page) == {}
        # The nearest deadline first.
        assert [page.table.item(r, 1).text() for r in range(3)] == [
            "S-föreningen Berga", "S-föreningen Centrum", "S-föreningen Åby"]
        assert "Skolan i centrum" in page.details.toPlainText()
        page.table.setFocus()
        _key(qtbot, Qt.Key.Key_Down)  # Centrum
        qtbot.waitUntil(lambda: "Centrum" in page.details.toPlainText())
        status_letter = page.status_label.text().split("&")[1][0]
        _key(qtbot, Qt.Key(ord(status_letter.upper())), Qt.KeyboardModifier.AltModifier)
        assert _focus() is page.status
        _key(qtbot, Qt.Key.Key_Down)  # received -> approved
        comment_letter = page.comment_label.text().split("&")[1][0]
        _key(qtbot, Qt.Key(ord(comment_letter.upper())), Qt.KeyboardModifier.AltModifier)
        qtbot.keyClicks(_focus(), "Bra plan")
        _key(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: any(p.status == "approved" for p in district_plans(ui_ctx.db)))
        centrum = next(p for p in district_plans(ui_ctx.db) if p.status == "approved")
        assert (centrum.association, centrum.comment) == ("S-föreningen Centrum", "Bra plan")
        qtbot.waitUntil(lambda: page.table.item(1, 4) is not None
                        and page.table.item(1, 4).text() == "Bra plan")

        answer = tmp_path / "svar.xlsx"
        page.write_answer(centrum.id, answer)
        qtbot.waitUntil(answer.exists)
        # The association (Centrum) reads the answer in, in its own window.
        association = UiContext(db=associations[2], settings=ui_ctx.settings,
                                runner=TaskRunner())
        their_window = _window(qtbot, association)
        import_district_answer_from(their_window, answer)
        qtbot.waitUntil(
            lambda: their_window.findChild(QMessageBox, "districtAnswerBox") is not None)
        box = their_window.findChild(QMessageBox, "districtAnswerBox")
        assert box is not None and "Bra plan" in box.text()
        box.close()
        association.runner.wait()
        with associations[2].session() as session:
            campaign_id = get_campaign(session, ASSOCIATIONS[2][1]).id
        verdict = local_plan(associations[2], campaign_id)
        assert (verdict.status, verdict.comment) == ("approved", "Bra plan")
    finally:
        for adb in associations:
            adb.close()


@pytest.mark.parametrize("text_size", CASES, ids=IDS, indirect=True)
def test_the_pages_and_the_dialog_fit_at_every_text_size(
        ui_ctx: UiContext, qtbot: QtBot, text_size: tuple[str, int],  # noqa: F811
        tmp_path: Path) -> None:
    campaign_id, calls = campaign_with_calls(ui_ctx.db, ["conversation", "no_answer"])
    ui_ctx.campaign_id = campaign_id
    association = association_db(tmp_path, 0)
    try:
        plan = export_plan(association, ASSOCIATIONS[0][1], tmp_path / "plan.xlsx").path
    finally:
        association.close()
    window = MainWindow(ui_ctx)
    qtbot.addWidget(window)
    window.resize(SCREEN.size())
    window.show()
    qtbot.waitExposed(window)
    window.act_calls.trigger()
    page = window.pages.currentWidget()
    assert isinstance(page, CallsPage)
    qtbot.waitUntil(lambda: page.table.rowCount() == 2)
    assert problems(window, "calls page") == []
    dialog = CorrectionDialog(ui_ctx, call_detail(ui_ctx.db, calls[0]), window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert problems(dialog, "correction dialog") == []
    dialog.reject()
    window.act_plans.trigger()
    plans = window.pages.currentWidget()
    assert isinstance(plans, PlansPage)
    plans.read_files([plan])
    qtbot.waitUntil(lambda: plans.table.rowCount() == 1)
    assert problems(window, "plans page") == []
