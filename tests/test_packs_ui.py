"""Calling packs through the window (issue 13): the organiser's wizard makes a pack and its
code slip, a volunteer on another laptop (its own data folder and database) opens it with
the code, calls two people with the keyboard on the calling screen and hands the results
back, and the organiser receives them. Keys go to QApplication.focusWidget(), as typed."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.clock import utcnow
from app.db.database import open_database
from app.db.models import Call, Contact, DoNotCall, FollowUp
from app.domain.status import ContactStatus
from app.services.packs.create import create_pack
from app.services.packs.files import laptop_path
from app.services.packs.manage import list_packs
from app.services.scripts import install_builtin_scripts
from app.settings import Settings
from tests.calling_helpers import make_campaign
from tests.packs_helpers import CODE, laptop
from tests.test_calling_real_keyboard import alt_letter, press, type_text
from tests.test_calling_screen import _activate, _forget_unsaved
from tests.test_text_sizes import CASES as TEXT_CASES
from tests.test_text_sizes import IDS as TEXT_IDS
from tests.test_text_sizes import problems as text_problems
from tests.test_text_sizes import text_size  # noqa: F401  (the fixture)
from ui.calling.screen import CallingScreen
from ui.context import UiContext
from ui.main_window import MainWindow
from ui.packs import entry
from ui.packs.code_dialog import CODE_ENV, CodeDialog
from ui.packs.page import PacksPage
from ui.packs.wizard import MakePacksDialog
from ui.tasks import TaskRunner

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
CAMPAIGN = "Höstkampanj"


@pytest.fixture(autouse=True)
def _no_code_in_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(CODE_ENV, raising=False)


_WINDOWS: list[MainWindow] = []
_LAPTOPS: list[UiContext] = []  # their databases are the test's to close


@pytest.fixture(autouse=True)
def _windows_deleted(qtbot: QtBot) -> Iterator[None]:
    """Each test's windows are deleted when it ends, before its database goes: a window
    left behind would answer the next test's language change by reading a dropped one."""
    yield
    while _WINDOWS:
        window = _WINDOWS.pop()
        _forget_unsaved(window)
        window.close()
        window.ctx.runner.wait()
        window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    while _LAPTOPS:
        ctx = _LAPTOPS.pop()
        if ctx.db_is_open:
            ctx.db.close()


def _window(qtbot: QtBot, ctx: UiContext) -> MainWindow:
    window = MainWindow(ctx)
    _WINDOWS.append(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    _activate(window)
    return window


def _organiser(ctx: UiContext, contacts: int = 8) -> int:
    with ctx.db.transaction() as s:
        campaign = make_campaign(s, CAMPAIGN, contacts=contacts)
        install_builtin_scripts(s, campaign)
        return campaign.id


def _label_of(dialog: QWidget, field: QWidget) -> str:
    for label in dialog.findChildren(QLabel):
        if label.buddy() is field:
            return label.text()
    raise AssertionError("the field has no label")


def _when_modal(qtbot: QtBot, kind: type[QWidget], action: Callable[[QWidget], None],
                done: list[str]) -> None:
    """Act on the next modal dialog of `kind` once it is up (the one before it may still be
    closing); `done` gets a mark when the action ran (or its failure)."""

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind) or not dialog.isVisible():
            QTimer.singleShot(20, act)
            return
        _activate(dialog)
        try:
            action(dialog)
            done.append(type(dialog).__name__)
        except BaseException as exc:
            done.append(f"failed: {exc!r}")
            dialog.close()
            raise

    QTimer.singleShot(0, act)


def _make_pack_with_the_wizard(qtbot: QtBot, window: MainWindow, folder: Path,
                               volunteer: str, size: int) -> MakePacksDialog:
    entry.open_packs_page(window)
    page = window.pages.currentWidget()
    assert isinstance(page, PacksPage)
    qtbot.waitUntil(lambda: page.loads >= 1, timeout=10_000)
    assert page.empty.isVisible()  # no packs yet
    _activate(window)
    press(qtbot, alt_letter(page.make_button.text()), ALT)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), MakePacksDialog),
                    timeout=5_000)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, MakePacksDialog)
    _activate(dialog)
    # The name field has the focus: a volunteer not yet in the database, typed and added.
    assert QApplication.focusWidget() is dialog.name
    type_text(qtbot, volunteer)
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.chosen() == [volunteer] and dialog.stack.currentIndex() == 0
    press(qtbot, alt_letter(_label_of(dialog, dialog.pack_size)), ALT)
    assert QApplication.focusWidget() is dialog.pack_size
    press(qtbot, Qt.Key.Key_A, CTRL)
    type_text(qtbot, str(size))
    press(qtbot, alt_letter(_label_of(dialog, dialog.folder)), ALT)
    assert QApplication.focusWidget() is dialog.folder
    press(qtbot, Qt.Key.Key_A, CTRL)
    type_text(qtbot, str(folder))
    press(qtbot, Qt.Key.Key_Return)  # the default button: make the packs
    qtbot.waitUntil(lambda: dialog.stack.currentIndex() == 1, timeout=20_000)
    return dialog


def _pdf_text(path: Path) -> str:
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    text = "\n".join(document.getAllText(page).text() for page in range(document.pageCount()))
    document.close()
    return text


def _laptop_window(qtbot: QtBot, home: Path) -> MainWindow:
    """A volunteer's own Ringkväll: its database and settings in its own data folder."""
    ctx = UiContext(db=open_database(str(home / "ringkvall.sqlite")), settings=Settings(),
                    runner=TaskRunner())
    _LAPTOPS.append(ctx)
    return _window(qtbot, ctx)


def test_wizard_pack_called_on_a_laptop_returned_and_received(
    qtbot: QtBot, ui_ctx: UiContext, tmp_path: Path
) -> None:
    campaign_id = _organiser(ui_ctx)
    ui_ctx.campaign_id = campaign_id
    organiser = _window(qtbot, ui_ctx)
    folder = tmp_path / "paket"

    # 1. The organiser makes a pack of three with the wizard, and saves the code slip.
    wizard = _make_pack_with_the_wizard(qtbot, organiser, folder, "Ann Exempel", 3)
    assert wizard.outcome is not None and wizard.outcome.stopped is None
    (volunteer, made), = wizard.outcome.made
    assert volunteer == "Ann Exempel" and made.people == 3
    pack_file = folder / "ann-exempel.ringkvall"
    assert made.path == pack_file and pack_file.is_file()
    code = wizard.codes.item(0, 2).text()
    assert code == made.code and len(code.split("-")) == 5
    slips = wizard.save_pdf(tmp_path / "lappar.pdf")
    assert slips is not None
    shown = _pdf_text(slips)
    assert "Ann Exempel" in shown and code in shown and "ann-exempel.ringkvall" in shown
    _activate(wizard)
    assert QApplication.focusWidget() is wizard.print_button
    with qtbot.waitSignal(wizard.finished, timeout=5_000):
        press(qtbot, alt_letter(wizard.close_button.text()), ALT)
    page = organiser.pages.currentWidget()
    assert isinstance(page, PacksPage)
    qtbot.waitUntil(lambda: len(page.packs) == 1, timeout=10_000)
    assert page.table.item(0, 0).text() == "Ann Exempel"
    assert (page.packs[0].people, page.packs[0].called) == (3, 0)

    # 2. On the volunteer's laptop: open the pack, the code typed once, the name asked.
    with laptop(tmp_path / "laptop-home") as home:
        volunteer_window = _laptop_window(qtbot, home)
        steps: list[str] = []

        def type_code_and_name(dialog: QWidget) -> None:
            assert isinstance(dialog, CodeDialog)
            assert QApplication.focusWidget() is dialog.code
            type_text(qtbot, code.replace("-", " ").upper())  # however it is typed
            assert dialog.name is not None and not dialog.name.text()
            press(qtbot, alt_letter(dialog.name_label.text()), ALT)
            assert QApplication.focusWidget() is dialog.name
            type_text(qtbot, "Ann Exempel")
            press(qtbot, Qt.Key.Key_Return)

        _when_modal(qtbot, CodeDialog, type_code_and_name, steps)
        opened = entry.open_pack_path(volunteer_window, pack_file)
        assert steps == ["CodeDialog"]
        assert opened is not None and opened.people == 3
        assert laptop_path(opened.pack_id).is_file()
        qtbot.waitUntil(lambda: isinstance(volunteer_window.pages.currentWidget(),
                                           CallingScreen), timeout=10_000)
        screen = volunteer_window.pages.currentWidget()
        assert isinstance(screen, CallingScreen)
        qtbot.waitUntil(lambda: screen.card is not None, timeout=10_000)
        assert volunteer_window.ctx.db.location.sqlite_path == laptop_path(opened.pack_id)
        _activate(volunteer_window)

        # 3. Two people called with the keyboard: a conversation with a follow-up, then
        # one who asks never to be called again.
        assert screen.card is not None
        talked = screen.card.contact_id
        press(qtbot, Qt.Key.Key_8, CTRL)
        press(qtbot, alt_letter(screen.promised_label.text()), ALT)
        assert QApplication.focusWidget() is screen.promised
        type_text(qtbot, "Skicka tidtabellen")
        with qtbot.waitSignal(screen.shown_contact, timeout=10_000):
            press(qtbot, Qt.Key.Key_Return, CTRL)
        assert screen.card is not None and screen.card.contact_id != talked
        blocked = screen.card.contact_id
        blocked_number = screen.card.phones[0].e164
        press(qtbot, Qt.Key.Key_7, CTRL)
        assert screen.outcomes.selected() == "do_not_call"
        with qtbot.waitSignal(screen.shown_contact, timeout=10_000):
            press(qtbot, Qt.Key.Key_Return, CTRL)

        # 4. Handed back beside the pack, with the same code (not asked again).
        results = folder / "ann-exempel-results.ringkvall"
        told: list[str] = []

        def save_results(dialog: QWidget) -> None:
            assert isinstance(dialog, CodeDialog)
            assert not dialog.code.isVisible()  # the code typed when opening is used
            assert dialog.output is not None
            assert Path(dialog.output.text()).parent == folder
            dialog.output.setText(str(results))
            press(qtbot, Qt.Key.Key_Return)

        def read_where(box: QWidget) -> None:
            assert isinstance(box, QMessageBox)
            told.append(box.text())
            press(qtbot, Qt.Key.Key_Return)

        _when_modal(qtbot, CodeDialog, save_results, steps)
        QTimer.singleShot(0, lambda: _when_modal(qtbot, QMessageBox, read_where, steps))
        returned = entry.return_open_pack(volunteer_window)
        assert returned is not None and returned.calls == 2 and results.is_file()
        assert told and str(results) in told[0]
        screen.outcomes.select(None)

    # 5. The organiser receives the results: a report of what came in.
    report: list[str] = []

    def type_code(dialog: QWidget) -> None:
        assert isinstance(dialog, CodeDialog)
        type_text(qtbot, code)
        press(qtbot, Qt.Key.Key_Return)

    def read_report(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        report.append(box.informativeText())
        press(qtbot, Qt.Key.Key_Return)

    _activate(organiser)
    _when_modal(qtbot, CodeDialog, type_code, steps)
    QTimer.singleShot(0, lambda: _when_modal(qtbot, QMessageBox, read_report, steps))
    received = entry.receive_files(organiser, [results])
    (item,) = received
    assert item.report is not None
    assert (item.report.calls, item.report.follow_ups, item.report.do_not_calls,
            item.report.flagged) == (2, 1, 1, 0)
    assert report and "2" in report[0] and "Ann Exempel" in report[0]
    with ui_ctx.db.session() as s:
        calls = {c.contact_id: (c.outcome, c.pack_id) for c in s.scalars(select(Call))}
        assert calls == {talked: ("conversation", made.pack_id),
                         blocked: ("do_not_call", made.pack_id)}
        assert s.scalars(select(FollowUp.promised)).one() == "Skicka tidtabellen"
        assert s.scalar(select(DoNotCall.e164).where(DoNotCall.e164 == blocked_number))
        states = dict(s.execute(select(Contact.id, Contact.status)
                                .where(Contact.id.in_([talked, blocked]))).all())
        assert states == {talked: ContactStatus.DONE.value,
                          blocked: ContactStatus.DNC.value}
    packs = list_packs(ui_ctx.db, CAMPAIGN)
    assert (packs[0].called, packs[0].calls) == (2, 2) and packs[0].returned_at is not None
    qtbot.waitUntil(lambda: bool(page.packs) and page.packs[0].called == 2, timeout=10_000)

    # The same file again changes nothing, and says so.
    report.clear()
    _when_modal(qtbot, CodeDialog, type_code, steps)
    QTimer.singleShot(0, lambda: _when_modal(qtbot, QMessageBox, read_report, steps))
    (again,) = entry.receive_files(organiser, [results])
    assert again.report is not None and again.report.repeated
    with ui_ctx.db.session() as s:
        assert len(list(s.scalars(select(Call.id)))) == 2


def _organiser_pack(ui_ctx: UiContext, tmp_path: Path) -> Path:
    ui_ctx.campaign_id = _organiser(ui_ctx, contacts=4)
    out = tmp_path / "bo.ringkvall"
    create_pack(ui_ctx.db, campaign=CAMPAIGN, volunteer="Bo", size=2, out=out, code=CODE,
                expires_at=utcnow() + timedelta(days=7))
    return out


def _refused_in_the_dialog(qtbot: QtBot, typed: str) -> Callable[[QWidget], None]:
    """Type `typed` as the code, expect one line in the dialog, then give up (Escape)."""

    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, CodeDialog)
        type_text(qtbot, typed)
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not dialog.running and dialog.message.isVisible()
                        and "…" not in dialog.message.text(), timeout=20_000)
        dialog.setProperty("said", dialog.message.text())
        assert dialog.isVisible()  # still there, to type the code again
        assert QApplication.focusWidget() is dialog.code
        press(qtbot, Qt.Key.Key_Escape)

    return act


def test_a_wrong_code_is_said_in_the_dialog_and_opens_nothing(
    qtbot: QtBot, ui_ctx: UiContext, tmp_path: Path
) -> None:
    pack_file = _organiser_pack(ui_ctx, tmp_path)
    with laptop(tmp_path / "laptop-home") as home:
        window = _laptop_window(qtbot, home)
        before = window.ctx.db
        said: list[str] = []

        def act(dialog: QWidget) -> None:
            _refused_in_the_dialog(qtbot, "fel kod helt och hållet")(dialog)
            said.append(str(dialog.property("said")))

        steps: list[str] = []
        _when_modal(qtbot, CodeDialog, act, steps)
        assert entry.open_pack_path(window, pack_file, volunteer="Bo") is None
        assert steps == ["CodeDialog"]
        assert said and "bo.ringkvall" in said[0]
        assert said[0].count("\n") == 0 and ("kod" in said[0] or "code" in said[0])
        # Nothing opened, nothing unpacked, the window still on its own database.
        assert window.ctx.db is before
        assert not (home / "packs").exists() or not list((home / "packs").glob("*.sqlite"))
        assert not isinstance(window.pages.currentWidget(), CallingScreen)


def test_another_databases_results_are_refused_in_the_dialog(
    qtbot: QtBot, ui_ctx: UiContext, tmp_path: Path
) -> None:
    """A results file whose pack this database did not make: refused before the code is
    even checked, one line, nothing merged."""
    other = open_database(str(tmp_path / "other.sqlite"))
    try:
        with other.transaction() as s:
            make_campaign(s, CAMPAIGN, contacts=3)
        foreign = tmp_path / "annan.ringkvall"
        create_pack(other, campaign=CAMPAIGN, volunteer="Cia", size=2, out=foreign, code=CODE)
    finally:
        other.close()
    _organiser(ui_ctx, contacts=3)
    window = _window(qtbot, ui_ctx)
    said: list[str] = []
    steps: list[str] = []

    def act(dialog: QWidget) -> None:
        _refused_in_the_dialog(qtbot, CODE)(dialog)
        said.append(str(dialog.property("said")))

    def dismiss(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        said.append(box.informativeText())
        press(qtbot, Qt.Key.Key_Return)

    _when_modal(qtbot, CodeDialog, act, steps)
    QTimer.singleShot(0, lambda: _when_modal(qtbot, QMessageBox, dismiss, steps))
    (item,) = entry.receive_files(window, [foreign])
    assert item.report is None
    assert "annan.ringkvall" in said[0] and said[0].count("\n") == 0
    assert "annan.ringkvall" in said[1]  # the report names the file not received
    with ui_ctx.db.session() as s:
        assert s.scalar(select(Call.id)) is None
    assert os.path.exists(foreign)


def test_pack_open_without_a_code_asks_in_the_window_and_hands_back_from_the_cli_window(
    qtbot: QtBot, ui_ctx: UiContext, tmp_path: Path
) -> None:
    """`ringkvall pack open FILE` with no code: the window asks for it. A window opened on the
    laptop's copy (`pack open --code`) finds the pack's file to hand the results back."""
    from app.cli.main import main

    pack_file = _organiser_pack(ui_ctx, tmp_path)
    seen: list[argparse.Namespace] = []

    def gui(args: argparse.Namespace) -> int:
        seen.append(args)
        return 0

    with laptop(tmp_path / "laptop-home") as home:
        assert main(["--db", str(home / "ringkvall.sqlite"), "pack", "open", str(pack_file)],
                    gui_runner=gui) == 0
        (args,) = seen
        assert (args.gui_screen, args.pack_file) == ("open_pack", str(pack_file))
        assert not (home / "packs").exists() or not list((home / "packs").glob("*.sqlite"))
        window = _laptop_window(qtbot, home)
        steps: list[str] = []

        def type_code(dialog: QWidget) -> None:
            assert isinstance(dialog, CodeDialog)
            type_text(qtbot, CODE)
            assert dialog.name is not None  # no name known on this laptop yet
            press(qtbot, Qt.Key.Key_Tab)
            assert QApplication.focusWidget() is dialog.name
            type_text(qtbot, "Bo")
            press(qtbot, Qt.Key.Key_Return)

        _when_modal(qtbot, CodeDialog, type_code, steps)
        entry.open_pack_from_args(window, args)
        assert steps == ["CodeDialog"]
        qtbot.waitUntil(lambda: isinstance(window.pages.currentWidget(), CallingScreen),
                        timeout=10_000)
        path = next((home / "packs").glob("*.sqlite"))

        # As `ringkvall pack open FILE --code CODE` opens it: a window on the laptop's copy.
        copy = _laptop_window(qtbot, home)
        copy.switch_database(open_database(str(path)))
        where: list[str] = []

        def code_again(dialog: QWidget) -> None:
            assert isinstance(dialog, CodeDialog)
            assert dialog.code.isVisible() and dialog.output is not None
            where.append(dialog.output.text())
            type_text(qtbot, CODE)
            press(qtbot, Qt.Key.Key_Return)

        def told(box: QWidget) -> None:
            assert isinstance(box, QMessageBox)
            press(qtbot, Qt.Key.Key_Return)

        _when_modal(qtbot, CodeDialog, code_again, steps)
        QTimer.singleShot(0, lambda: _when_modal(qtbot, QMessageBox, told, steps))
        returned = entry.return_open_pack(copy)
        assert returned is not None and returned.calls == 0
        assert Path(where[0]).parent == pack_file.parent and returned.path.is_file()
        assert returned.path != pack_file and pack_file.is_file()


@pytest.mark.parametrize("language", ["sv", "en"])
def test_no_alt_letter_is_used_twice(qtbot: QtBot, ui_ctx: UiContext, tmp_path: Path,
                                     language: str) -> None:
    from tests.test_mnemonics_everywhere import clashes
    from ui import i18n

    i18n.set_language(language)
    pack_file = _organiser_pack(ui_ctx, tmp_path)
    window = _window(qtbot, ui_ctx)
    page = entry.open_packs_page(window)
    assert page is not None
    qtbot.waitUntil(lambda: page.loads >= 1, timeout=10_000)
    page.table.selectRow(0)
    found = {"page": clashes(window)}
    wizard = entry.make_packs(window, page)
    qtbot.waitExposed(wizard)
    found["wizard"] = clashes(wizard)
    wizard.stack.setCurrentIndex(1)
    found["wizard, codes"] = clashes(wizard)
    wizard.reject()
    for name, output in ((None, None), ("", None), (None, tmp_path / "r.ringkvall")):
        dialog = CodeDialog(ui_ctx, "t", "i", lambda _answers: None, window, name=name,
                            output=output)
        dialog.show()
        qtbot.waitExposed(dialog)
        found[f"code dialog {name!r} {output}"] = clashes(dialog)
        dialog.close()
    assert pack_file.is_file()
    assert not {where: found for where, found in found.items() if found}


@pytest.mark.parametrize("text_size", TEXT_CASES, ids=TEXT_IDS, indirect=True)
@pytest.mark.usefixtures("text_size")
def test_the_pages_fit_at_every_text_size(qtbot: QtBot, ui_ctx: UiContext,
                                          tmp_path: Path) -> None:
    """The page, the wizard (both steps) and the code dialog on a 1366×768 screen, at the
    normal and the largest text size: every button inside its window, no label cut off."""
    _organiser_pack(ui_ctx, tmp_path)
    window = _window(qtbot, ui_ctx)
    page = entry.open_packs_page(window)
    assert page is not None
    qtbot.waitUntil(lambda: page.loads >= 1, timeout=10_000)
    window.resize(1366, 768)
    QApplication.processEvents()
    found = text_problems(window, "packs page")
    wizard = entry.make_packs(window, page)
    qtbot.waitExposed(wizard)
    QApplication.processEvents()
    found += text_problems(wizard, "wizard")
    wizard.stack.setCurrentIndex(1)
    QApplication.processEvents()
    found += text_problems(wizard, "wizard, codes")
    wizard.reject()
    dialog = CodeDialog(ui_ctx, "Öppna ringpaket", "Skriv koden du fick till paketet.",
                        lambda _answers: None, window, name="",
                        output=tmp_path / "resultat.ringkvall")
    dialog.show_message("Kan inte öppna bo.ringkvall: koden är fel eller filen är skadad")
    dialog.show()
    qtbot.waitExposed(dialog)
    QApplication.processEvents()
    found += text_problems(dialog, "code dialog")
    dialog.close()
    assert not found


def test_taking_a_pack_back_from_the_page(qtbot: QtBot, ui_ctx: UiContext,
                                          tmp_path: Path) -> None:
    pack_file = _organiser_pack(ui_ctx, tmp_path)
    window = _window(qtbot, ui_ctx)
    page = entry.open_packs_page(window)
    assert page is not None
    qtbot.waitUntil(lambda: page.loads >= 1, timeout=10_000)
    assert not page.revoke_button.isEnabled()  # nothing chosen yet
    page.table.setFocus()
    _activate(window)
    press(qtbot, Qt.Key.Key_Space)  # the first row, where the focus went
    assert page.selected() is not None and page.revoke_button.isEnabled()
    asked: list[str] = []
    steps: list[str] = []

    def yes(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        button = box.button(QMessageBox.StandardButton.Yes)
        assert button is not None
        button.click()

    _when_modal(qtbot, QMessageBox, yes, steps)
    loads = page.loads
    press(qtbot, alt_letter(page.revoke_button.text()), ALT)
    qtbot.waitUntil(lambda: page.loads > loads and page.packs[0].state == "revoked",
                    timeout=10_000)
    assert asked and "Bo" in asked[0] and "2" in asked[0]
    assert page.table.item(0, 8).text() != "" and not page.revoke_button.isEnabled()
    with ui_ctx.db.session() as s:
        statuses = set(s.scalars(select(Contact.status)))
    assert statuses == {ContactStatus.OPEN.value}  # all four back in the queue
    assert pack_file.is_file()


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_wizard_ticks_the_volunteers_signed_up_for_the_next_evening(
        qtbot: QtBot, ui_ctx: UiContext, language: str) -> None:
    from datetime import time as clock

    from app.clock import local
    from app.services.organising.evenings import EveningInput, add_evening, sign_up
    from tests.test_mnemonics_everywhere import clashes
    from ui import i18n

    i18n.set_language(language)
    campaign_id = _organiser(ui_ctx)
    ui_ctx.campaign_id = campaign_id
    # Relative to the real clock: the wizard offers the evenings from today on.
    soon = local(utcnow()).date() + timedelta(days=2)
    evening = add_evening(ui_ctx.db, campaign_id, EveningInput(
        day=soon, starts=clock(18), ends=clock(20)))
    for name in ("Ann Exempel", "Bo Exempel"):
        sign_up(ui_ctx.db, evening.id, name)
    with ui_ctx.db.transaction() as s:
        from app.services.volunteers import get_or_create_volunteer

        get_or_create_volunteer(s, "Cecilia Exempel")  # known, not signed up
    window = _window(qtbot, ui_ctx)
    page = entry.open_packs_page(window)
    assert page is not None
    wizard = entry.make_packs(window, page)
    qtbot.waitExposed(wizard)
    assert wizard.evening.isVisible() and wizard.evening.currentData() == evening.id
    assert sorted(wizard.chosen()) == ["Ann Exempel", "Bo Exempel"]
    assert clashes(wizard) == {}
    # No evening: nobody is ticked by it (the two stay as they were, ticked by hand).
    wizard.evening.setCurrentIndex(0)
    assert sorted(wizard.chosen()) == ["Ann Exempel", "Bo Exempel"]
    wizard.reject()
