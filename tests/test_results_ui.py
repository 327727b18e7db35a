"""The dashboard and the export/roll-up dialogs, as real widgets (pytest-qt, offscreen)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.services.results import Privacy
from app.services.results.meta import SHEET, parse_meta
from tests.results_helpers import build_campaign
from ui.context import UiContext
from ui.main_window import MainWindow
from ui.results import entry
from ui.results.dashboard import DashboardPage
from ui.results.export_dialog import ExportDialog
from ui.results.rollup_dialog import RollupDialog


def open_window(qtbot: QtBot, ui_ctx: UiContext) -> tuple[MainWindow, DashboardPage]:
    known = build_campaign(ui_ctx.db)
    window = MainWindow(ui_ctx)
    qtbot.addWidget(window)
    window.show()
    ui_ctx.campaign_id = known.campaign_id
    page = entry.open_dashboard(window)
    assert page is not None
    qtbot.waitUntil(lambda: page.report is not None, timeout=10_000)
    return window, page


def test_dashboard_shows_figures_and_filters(qtbot: QtBot, ui_ctx: UiContext) -> None:
    window, page = open_window(qtbot, ui_ctx)
    assert window.pages.currentWidget() is page
    assert page.heading.text() == "Höstkampanj"
    assert page.cards["calls"].value.text() == "11"
    assert page.cards["recruited"].value.text() == "2"
    assert page.cards["calls"].caption.text() == "Samtal"  # Swedish by default
    model = page.groups_table.figures
    assert model.columnCount() == 4  # figure, Centrum, Norr, Totalt
    assert model.headerData(3, Qt.Orientation.Horizontal) == "Totalt"
    assert model.item(2, 0).text() == "Samtal" and model.item(2, 3).text() == "11"
    assert page.funnel.chart().series()[0].count() == 2  # a bar set per target group
    shares = page.outcomes.chart().series()[0].barSets()[0]
    assert shares.count() == 9  # every outcome occurred
    assert sum(shares.at(i) for i in range(9)) == pytest.approx(100, abs=0.5)

    norr = page.group_filter.findText("Norr")
    with qtbot.waitSignal(page.report_shown, timeout=10_000):
        page.group_filter.setCurrentIndex(norr)
    assert page.report is not None and page.report.filter.group_id is not None
    assert page.cards["calls"].value.text() == "4"
    assert page.groups_table.figures.columnCount() == 3  # figure, Norr, Totalt

    with qtbot.waitSignal(page.report_shown, timeout=10_000):
        page.group_filter.setCurrentIndex(0)
    with qtbot.waitSignal(page.report_shown, timeout=10_000):
        page.date_filter.setChecked(True)  # from the first call day to today: everything
    assert page.cards["calls"].value.text() == "11"
    with qtbot.waitSignal(page.report_shown, timeout=10_000):
        page.to_date.setDate(page.from_date.date())  # only the first evening
    assert page.cards["calls"].value.text() == "4"

    with qtbot.waitSignal(page.report_shown, timeout=10_000):
        ui_ctx.events.changed.emit("calls")  # another screen saved a call
    page.back_button.click()
    assert window.pages.currentWidget() is window.home


def test_export_through_the_dialog(qtbot: QtBot, ui_ctx: UiContext, tmp_path: Path) -> None:
    window, page = open_window(qtbot, ui_ctx)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    dialogs = window.findChildren(ExportDialog)
    assert len(dialogs) == 1
    dialog = dialogs[0]
    assert dialog.privacy() is Privacy.DISTRICT  # the safest useful level by default
    assert not dialog.warning.isVisible()
    dialog.radio[Privacy.FULL].setChecked(True)
    assert dialog.warning.isVisible() and not dialog.ok.isEnabled()
    dialog.understood.setChecked(True)
    assert dialog.ok.isEnabled()
    dialog.radio[Privacy.DISTRICT].setChecked(True)
    target = tmp_path / "resultat.xlsx"
    dialog.path.setText(str(target))
    with qtbot.waitSignal(dialog.exported, timeout=20_000):
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    wb = load_workbook(target)
    assert wb.sheetnames[:2] == ["Sammanfattning", "Samtal"]
    assert parse_meta(wb[SHEET].iter_rows(values_only=True)).privacy == "district"
    assert "resultat.xlsx" in window.statusBar().currentMessage()


def test_rollup_dialog_combines_exports(qtbot: QtBot, ui_ctx: UiContext, tmp_path: Path) -> None:
    from app.services.results import export_xlsx

    files = []
    for name in ("Norrby", "Västvik"):
        known = build_campaign(ui_ctx.db, name=name, association=name)
        with ui_ctx.db.session() as session:
            export_xlsx(session, known.campaign_id, tmp_path / f"{name}.xlsx")
        files.append(str(tmp_path / f"{name}.xlsx"))
    window = MainWindow(ui_ctx)
    qtbot.addWidget(window)
    dialog = entry.open_rollup(window)
    assert isinstance(dialog, RollupDialog) and not dialog.ok.isEnabled()
    dialog.add_paths(files)
    target = tmp_path / "distrikt.xlsx"
    dialog.output.setText(str(target))
    with qtbot.waitSignal(dialog.combined, timeout=20_000) as blocker:
        dialog.ok.click()
    assert blocker.args[0].total.calls == 22
    assert load_workbook(target).sheetnames[0] == "Distrikt"


def test_refreshes_on_its_own_while_an_evening_runs(qtbot: QtBot, ui_ctx: UiContext) -> None:
    from app.clock import utcnow
    from app.db.models import Call, Contact

    _window, page = open_window(qtbot, ui_ctx)
    assert not page.evening_running()  # the known calls were weeks ago
    with ui_ctx.db.transaction() as session:
        contact = session.query(Contact).filter_by(first_name="David").one()
        session.add(Call(campaign_id=contact.campaign_id, target_group_id=contact.target_group_id,
                         contact_id=contact.id, started_at=utcnow(), outcome="no_answer"))
    with qtbot.waitSignal(page.report_shown, timeout=10_000):
        page.refresh()
    assert page.cards["calls"].value.text() == "12"
    assert page.evening_running()
    with qtbot.waitSignal(page.report_shown, timeout=10_000):
        page.timer.timeout.emit()  # the half-minute tick refreshes during an evening


def test_leaving_while_counting_is_harmless(qtbot: QtBot, ui_ctx: UiContext) -> None:
    window, page = open_window(qtbot, ui_ctx)
    page.refresh()
    page.back_button.click()  # the page is deleted; the report may still arrive
    ui_ctx.runner.wait()
    qtbot.wait(50)
    assert window.pages.currentWidget() is window.home
    assert window.pages.count() == 1
