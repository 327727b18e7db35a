"""The import wizard and the do-not-call dialog, as real widgets on a real database."""

from __future__ import annotations

import json
import threading
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.db.models import Contact
from app.progress import Progress
from app.services.campaigns import get_or_create_campaign
from tests.conftest import DATA
from tests.importing_helpers import mobile, snapshot, write_csv
from ui import i18n
from ui.context import UiContext
from ui.importing.dnc_dialog import DncDialog
from ui.importing.wizard import ImportWizard


def make_wizard(qtbot: QtBot, ctx: UiContext) -> ImportWizard:
    with ctx.db.transaction() as session:
        ctx.campaign_id = get_or_create_campaign(session, "Höstkampanj").id
    wizard = ImportWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def choose_file(qtbot: QtBot, wizard: ImportWizard, path: Path) -> None:
    wizard.file_page.load(str(path))
    qtbot.waitUntil(lambda: not wizard.file_page.loading)


def test_wizard_imports_the_sample_list_and_saves_rejected_rows(
    qtbot: QtBot, ui_ctx: UiContext, tmp_path: Path
) -> None:
    wizard = make_wizard(qtbot, ui_ctx)
    choose_file(qtbot, wizard, DATA / "lista_tensta_cp1252.csv")
    assert wizard.file_page.isComplete()
    assert "cp1252" in wizard.file_page.status.text()
    wizard.next()
    assert wizard.currentPage() is wizard.group_page
    assert wizard.group_page.name_edit.text() == "lista_tensta_cp1252"
    wizard.group_page.name_edit.setText("Tensta")
    wizard.next()
    page = wizard.mapping_page
    assert wizard.currentPage() is page
    assert page.columns.rowCount() == 9 and page.preview.rowCount() == 20
    assert page.current_mapping().phone_columns == [5, 6]
    page.set_field(8, "")  # the organiser chooses not to keep Kön
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.report_page, timeout=20000)
    expected = json.loads((DATA / "expected_counts.json").read_text(encoding="utf-8"))
    shown = {key: int(label.text().replace("\u00a0", "").replace(" ", ""))
             for key, label in wizard.report_page.values.items()}
    assert shown == expected["lista_tensta_cp1252.csv"]
    with ui_ctx.db.session() as session:
        assert session.scalar(select(func.count()).select_from(Contact)) == 271
        assert set(session.scalars(select(Contact.gender))) == {""}  # not imported
    target = tmp_path / "avvisade.xlsx"
    assert wizard.report_page.save_button.isEnabled()
    wizard.report_page.save(str(target))
    qtbot.waitUntil(lambda: wizard.report_page.saved_label.text() != "")
    rows = list(load_workbook(target, read_only=True).active.iter_rows(values_only=True))
    assert len(rows) == 1 + 19
    assert rows[0][:3] == ("Rad", "Orsak", "Förnamn")  # Swedish, the UI language


def test_cancelled_import_in_the_wizard_saves_nothing(
    qtbot: QtBot, ui_ctx: UiContext, tmp_path: Path
) -> None:
    wizard = make_wizard(qtbot, ui_ctx)
    choose_file(qtbot, wizard, DATA / "lista_vallingby.xlsx")
    wizard.next()
    wizard.next()
    before = snapshot(ui_ctx.db)
    # Hold the write thread so that Cancel is certainly pressed before the import begins.
    gate = threading.Event()

    def hold(_progress: Progress) -> None:
        gate.wait(10)

    ui_ctx.runner.run(hold, context=wizard, writes=True)
    wizard.next()  # the mapping page commits: the run page starts the import
    assert wizard.currentPage() is wizard.run_page and wizard.run_page.running
    wizard.run_page.cancel_button.click()
    gate.set()
    qtbot.waitUntil(lambda: wizard.run_page.state == "cancelled")
    assert snapshot(ui_ctx.db) == before
    assert wizard.run_page.retry_button.isVisible()
    assert not wizard.run_page.isComplete()
    wizard.run_page.retry_button.click()  # and a second try goes through
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.report_page, timeout=20000)
    assert wizard.report_page.values["imported"].text() == "184"


def test_mapping_without_a_phone_column_cannot_go_on(
    qtbot: QtBot, ui_ctx: UiContext, tmp_path: Path
) -> None:
    wizard = make_wizard(qtbot, ui_ctx)
    path = write_csv(tmp_path / "l.csv", [["Namn", "Nr"], ["A B", mobile(5)]])
    choose_file(qtbot, wizard, path)
    wizard.next()
    wizard.next()
    page = wizard.mapping_page
    assert not page.isComplete()
    assert "telefonnummer" in page.hint.text()
    page.set_field(1, "phone")
    assert page.isComplete()


def test_unreadable_file_is_explained_on_the_first_page(
    qtbot: QtBot, ui_ctx: UiContext, tmp_path: Path
) -> None:
    wizard = make_wizard(qtbot, ui_ctx)
    empty = tmp_path / "tom.csv"
    empty.write_bytes(b"")
    choose_file(qtbot, wizard, empty)
    assert not wizard.file_page.isComplete()
    assert "tom.csv" in wizard.file_page.status.text()
    assert "tom" in wizard.file_page.status.text().lower()


def test_wizard_follows_the_language(qtbot: QtBot, ui_ctx: UiContext) -> None:
    wizard = make_wizard(qtbot, ui_ctx)
    assert wizard.windowTitle() == "Importera en telefonlista"
    i18n.set_language("en")  # LanguageChange arrives through the event loop
    qtbot.waitUntil(lambda: wizard.windowTitle() == "Import a phone list")
    assert wizard.file_page.title() == "Choose the list"
    assert wizard.mapping_page.columns_label.text() == "&Columns in the file"


def test_dnc_dialog_adds_typed_numbers_and_files(
    qtbot: QtBot, ui_ctx: UiContext, tmp_path: Path
) -> None:
    dialog = DncDialog(ui_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == 0
    dialog.number_edit.setText("+46 (0)70-174 06 05")
    qtbot.keyClick(dialog.number_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
    assert dialog.table.item(0, 0).text() == "070-174 06 05"
    assert dialog.table.item(0, 2).text() not in ("", "window")  # a text, not the code
    assert dialog.number_edit.text() == "" and dialog.add_button.isEnabled()
    path = write_csv(tmp_path / "spärr.csv", [["Telefon"], [mobile(6)], [mobile(5)]])
    dialog.add_file(str(path))
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2)
    assert "2" in dialog.count_label.text()


def test_menu_entry_opens_the_wizard_and_announces_the_import(
    qtbot: QtBot, ui_ctx: UiContext, tmp_path: Path
) -> None:
    from ui.importing.entry import open_import_wizard
    from ui.main_window import MainWindow

    with ui_ctx.db.transaction() as session:
        get_or_create_campaign(session, "Höstkampanj")
    window = MainWindow(ui_ctx)
    qtbot.addWidget(window)
    window.show()
    changes: list[str] = []
    ui_ctx.events.changed.connect(changes.append)
    open_import_wizard(window)
    wizard = window.findChild(ImportWizard)
    assert wizard is not None and wizard.isVisible()
    choose_file(qtbot, wizard, write_csv(tmp_path / "l.csv", [["Namn", "Mobil"],
                                                               ["A B", mobile(5)]]))
    for _page in range(3):
        wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.report_page)
    assert changes == ["contacts"]
    assert "1 contact" in window.home.details.text() or "1 kontakt" in window.home.details.text()


def test_closing_the_wizard_during_the_import_cancels_it(
    qtbot: QtBot, ui_ctx: UiContext
) -> None:
    wizard = make_wizard(qtbot, ui_ctx)
    choose_file(qtbot, wizard, DATA / "lista_tensta_cp1252.csv")
    wizard.next()
    wizard.next()
    before = snapshot(ui_ctx.db)
    gate = threading.Event()
    ui_ctx.runner.run(lambda _progress: gate.wait(10), context=wizard, writes=True)
    wizard.next()
    assert wizard.run_page.running
    wizard.reject()  # the window's close button or Escape
    assert wizard.isVisible()  # stays until the import has stopped
    gate.set()
    qtbot.waitUntil(lambda: not wizard.isVisible())
    assert wizard.run_page.state == "cancelled"
    assert snapshot(ui_ctx.db) == before


def test_list_can_go_into_an_existing_group(
    qtbot: QtBot, ui_ctx: UiContext, tmp_path: Path
) -> None:
    from app.services.campaigns import get_or_create_group, list_groups

    wizard = make_wizard(qtbot, ui_ctx)
    campaign_id = wizard.campaign_id
    with ui_ctx.db.transaction() as session:
        campaign = get_or_create_campaign(session, "Höstkampanj")
        get_or_create_group(session, campaign, "Rinkeby")
    choose_file(qtbot, wizard, write_csv(tmp_path / "l.csv", [["Namn", "Mobil"],
                                                               ["A B", mobile(5)]]))
    wizard.next()
    page = wizard.group_page
    assert page.existing_radio.isEnabled()
    assert [page.group_combo.itemText(i) for i in range(page.group_combo.count())] == ["Rinkeby"]
    page.existing_radio.setChecked(True)
    assert page.chosen_name() == "Rinkeby"
    wizard.next()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.report_page)
    with ui_ctx.db.session() as session:
        assert [g.name for g in list_groups(session, campaign_id)] == ["Rinkeby"]


def test_a_typed_path_opens_without_pressing_enter(qtbot: QtBot, ui_ctx: UiContext) -> None:
    wizard = make_wizard(qtbot, ui_ctx)
    page = wizard.file_page
    assert not page.isComplete()
    qtbot.keyClicks(page.path_edit, str(DATA / "lista_tensta_cp1252.csv"))
    qtbot.waitUntil(page.isComplete)
    assert "cp1252" in page.status.text()
