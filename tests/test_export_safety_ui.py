"""The export and roll-up dialogs ask before replacing a file and never write over the
database or an input (real widgets, offscreen)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from app.db.database import open_database
from app.services.results import export_xlsx
from tests.results_helpers import NOW, build_campaign
from ui.context import UiContext
from ui.results.export_dialog import ExportDialog
from ui.results.rollup_dialog import RollupDialog

OLD = b"the previous, complete file"


def on_modal(action: Callable[[QMessageBox], None]) -> None:
    """Act on the message box once it is open (exec() blocks until it closes)."""

    def act() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, act)
            return
        try:
            action(box)
        except BaseException:
            box.reject()  # never leave the test hanging on a modal dialog
            raise

    QTimer.singleShot(0, act)


def press(name: str, seen: list[str]) -> Callable[[QMessageBox], None]:
    def action(box: QMessageBox) -> None:
        seen.append(box.text())
        button = box.findChild(QPushButton, name)
        assert button is not None, name
        button.click()

    return action


def close_box(seen: list[str]) -> Callable[[QMessageBox], None]:
    def action(box: QMessageBox) -> None:
        seen.append(box.text())
        box.accept()

    return action


def test_export_dialog_asks_before_replacing_a_typed_name(qtbot: QtBot, ui_ctx: UiContext,
                                                          tmp_path: Path) -> None:
    known = build_campaign(ui_ctx.db)
    dialog = ExportDialog(ui_ctx, known.campaign_id, known.campaign_name)
    qtbot.addWidget(dialog)
    target = tmp_path / "resultat.xlsx"
    target.write_bytes(OLD)
    dialog.path.setText(str(target))
    seen: list[str] = []
    on_modal(press("keepButton", seen))  # the safe default: keep the file
    dialog.start_export()
    assert len(seen) == 1 and "resultat.xlsx" in seen[0]
    assert dialog.handle is None and target.read_bytes() == OLD
    on_modal(press("replaceButton", seen))
    with qtbot.waitSignal(dialog.exported, timeout=20_000):
        dialog.start_export()
    assert len(seen) == 2
    assert load_workbook(target).sheetnames[0] == "Sammanfattning"


def test_export_dialog_refuses_a_database_named_like_a_workbook(
        qtbot: QtBot, ui_ctx: UiContext, tmp_path: Path) -> None:
    # The dialog adds ".xlsx" to any other name, so only a database named like a workbook
    # (odd, but `--db kampanj.xlsx` is possible) could be chosen as the output.
    database = open_database(str(tmp_path / "kampanj.xlsx"))
    try:
        ui_ctx.db = database
        known = build_campaign(database)
        dialog = ExportDialog(ui_ctx, known.campaign_id, known.campaign_name)
        qtbot.addWidget(dialog)
        dialog.path.setText(str(tmp_path / "kampanj.xlsx"))
        seen: list[str] = []
        on_modal(close_box(seen))
        dialog.start_export()
        # "{path} is part of the database {db}", in whichever language: both are the file.
        assert len(seen) == 1 and seen[0].count(str(tmp_path / "kampanj.xlsx")) == 2, seen
        assert dialog.handle is None
        with database.session() as session:
            assert session.execute(
                text("SELECT count(*) FROM contact")).scalar() == 10
    finally:
        ui_ctx.runner.wait()
        database.close()


def test_rollup_dialog_never_writes_over_an_input(qtbot: QtBot, ui_ctx: UiContext,
                                                  tmp_path: Path) -> None:
    known = build_campaign(ui_ctx.db)
    source = tmp_path / "norrby.xlsx"
    with ui_ctx.db.session() as session:
        export_xlsx(session, known.campaign_id, source, now=NOW)
    before = source.read_bytes()
    dialog = RollupDialog(ui_ctx)
    qtbot.addWidget(dialog)
    dialog.add_paths([str(source)])
    dialog.output.setText(str(source))
    seen: list[str] = []
    on_modal(close_box(seen))
    dialog.start()
    assert len(seen) == 1 and "norrby.xlsx" in seen[0]
    assert dialog.handle is None and source.read_bytes() == before
    # Another name that exists: asked, and replaced only on Yes.
    target = tmp_path / "distrikt.xlsx"
    target.write_bytes(OLD)
    dialog.output.setText(str(target))
    on_modal(press("replaceButton", seen))
    with qtbot.waitSignal(dialog.combined, timeout=20_000):
        dialog.start()
    assert load_workbook(target).sheetnames[0] == "Distrikt"
