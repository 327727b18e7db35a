"""Entry points for calling packs: the organiser's Ringpaket page, and the File menu's
"Öppna ringpaket…", "Lämna tillbaka ringpaket…" and "Ta emot ringpaket…" (ui/features.py)."""

from __future__ import annotations

import argparse
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.db.database import Database, open_database
from app.services.lookups import campaign_name
from app.services.packs.laptop import (
    OpenedPack,
    ReturnedPack,
    open_pack,
    opened_pack_id,
    pack_source,
    return_pack,
)
from app.services.packs.merge import MergeReport, merge_results
from app.services.packs.on_laptop import laptop_pack
from app.settings import VOLUNTEER_NAME
from ui.packs.code_dialog import Answers, CodeDialog, code_from_environment
from ui.packs.page import PacksPage
from ui.packs.wizard import MakePacksDialog

if TYPE_CHECKING:
    from ui.main_window import MainWindow

# lupdate reads translate("context", "text") calls by this name too.
translate = QCoreApplication.translate

FILTER = "*.ringkvall"


@dataclass(frozen=True)
class _OpenPack:
    """The pack this window opened: its file and the code typed, for handing it back."""

    pack_id: str
    file: Path
    code: str


_opened: weakref.WeakKeyDictionary[MainWindow, _OpenPack] = weakref.WeakKeyDictionary()


def _files_filter() -> str:
    return translate("packs", "Calling packs (%1);;All files (*)").replace("%1", FILTER)


# -- the organiser's page ------------------------------------------------------------------

def open_packs_page(window: MainWindow) -> PacksPage | None:
    campaign_id = window.ctx.campaign_id
    name = campaign_name(window.ctx.db, campaign_id) if campaign_id is not None else None
    if campaign_id is None or name is None:
        QMessageBox.information(window, translate("packs", "Calling packs"),
                                translate("packs", "Choose a campaign first."))
        return None
    page = PacksPage(window.ctx, campaign_id, name)
    page.back_requested.connect(window.show_home)
    page.make_requested.connect(lambda: make_packs(window, page))
    page.receive_requested.connect(lambda: receive_packs(window))
    window.show_page(page)
    return page


def make_packs(window: MainWindow, page: PacksPage) -> MakePacksDialog:
    dialog = MakePacksDialog(window.ctx, page.campaign_id, page.campaign, window)
    dialog.made.connect(lambda _outcome: window.ctx.events.changed.emit("packs"))
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog


# -- the volunteer: open a pack ------------------------------------------------------------

def open_pack_file(window: MainWindow) -> None:
    """Arkiv › Öppna ringpaket…: choose the file, then the code."""
    path, _ = QFileDialog.getOpenFileName(window, translate("packs", "Open a calling pack"),
                                          str(Path.home()), _files_filter())
    if path:
        open_pack_path(window, Path(path))


def open_pack_from_args(window: MainWindow, args: argparse.Namespace) -> None:
    """`ringkvall pack open FILE` without a code: the window asks for it."""
    open_pack_path(window, Path(args.pack_file), code=getattr(args, "code", None),
                   volunteer=getattr(args, "volunteer", None))


def open_pack_path(window: MainWindow, file: Path, code: str | None = None,
                   volunteer: str | None = None) -> OpenedPack | None:
    """Ask the code once (and the name when none is known), open the pack into this laptop's
    data folder, switch the window to it and show the calling screen on its first person."""
    ctx = window.ctx
    known = (volunteer or ctx.settings.get(VOLUNTEER_NAME) or "").strip()

    def work(answers: Answers) -> tuple[OpenedPack, Database]:
        opened = open_pack(file, answers.code, answers.name or known or None)
        return opened, open_database(str(opened.path))

    dialog = CodeDialog(
        ctx, translate("packs", "Open a calling pack"),
        translate("packs", "Type the code you got with the pack %1.").replace("%1", file.name),
        work,
        window, code=code or code_from_environment(), name=None if known else "",
        ok_text=translate("packs", "&Open the pack"))
    if not dialog.run():
        return None
    opened: OpenedPack = dialog.result[0]
    db: Database = dialog.result[1]
    if not window.switch_database(db):
        return None
    _opened[window] = _OpenPack(opened.pack_id, file, dialog.answers().code)
    window.statusBar().showMessage(
        translate("packs", "Calling pack for %1: %2 people, %3 calls so far")
        .replace("%1", opened.volunteer).replace("%2", str(opened.people))
        .replace("%3", str(opened.calls)), 15_000)
    from ui.calling.entry import open_calling_from_args

    open_calling_from_args(window, argparse.Namespace(
        campaign=opened.campaign, group=None, volunteer=opened.volunteer))
    return opened


# -- the volunteer: hand the results back ----------------------------------------------------

def open_pack_in(window: MainWindow) -> str | None:
    """The id of the pack the window's database is (a pack opened on this laptop), or None."""
    if not window.ctx.db_is_open:
        return None
    return opened_pack_id(window.ctx.db.location.sqlite_path)


def results_file_for(pack_file: Path) -> Path:
    return pack_file.with_name(
        translate("packs", "%1-results").replace("%1", pack_file.stem) + pack_file.suffix)


def return_open_pack(window: MainWindow) -> ReturnedPack | None:
    """Arkiv › Lämna tillbaka ringpaket…: write everything called so far as a results file,
    beside the pack unless the volunteer chooses another place; tell where it went."""
    pack_id = open_pack_in(window)
    if pack_id is None:
        QMessageBox.information(window, translate("packs", "Return the calling pack"), translate(
            "packs", "No calling pack is open. Open one first with File › Open a calling pack…"))
        return None
    remembered = _opened.get(window)
    known = remembered if remembered is not None and remembered.pack_id == pack_id else None
    file = known.file if known is not None and known.file.is_file() else pack_source(pack_id)
    if file is None:
        path, _ = QFileDialog.getOpenFileName(
            window, translate("packs", "Choose the calling pack you got"), str(Path.home()),
            _files_filter())
        if not path:
            return None
        file = Path(path)
    pack_file = file

    def work(answers: Answers) -> ReturnedPack:
        assert answers.output is not None
        return return_pack(pack_file, answers.code, answers.output)

    dialog = CodeDialog(
        window.ctx, translate("packs", "Return the calling pack"),
        translate("packs", "Your calls so far are saved in a new file, locked with the same "
                  "code. Give that file to the organiser. You can do this again later: each "
                  "file holds all your calls."), work, window,
        code=known.code if known is not None else code_from_environment(),
        ask_code=known is None, output=results_file_for(file),
        ok_text=translate("packs", "&Save the results"))
    if not dialog.run():
        return None
    returned: ReturnedPack = dialog.result
    # Two texts, not a plural form: lupdate does not mark translate()'s plurals.
    saved = (translate("packs", "Your call is saved in:\n%2\n\nGive this file to the "
                       "organiser, on a USB stick or by e-mail.") if returned.calls == 1
             else translate("packs", "Your %1 calls are saved in:\n%2\n\nGive this file to "
                            "the organiser, on a USB stick or by e-mail."))
    QMessageBox.information(window, translate("packs", "Return the calling pack"), saved
                            .replace("%1", str(returned.calls)).replace("%2", str(returned.path)))
    return returned


def offer_return_after_evening(window: MainWindow) -> ReturnedPack | None:
    """The evening on a pack is over: when it holds calls the organiser has not got yet,
    ask to return the pack now (a volunteer at home may not think of it)."""
    pack_id = open_pack_in(window)
    pack = laptop_pack(pack_id) if pack_id is not None else None
    if pack is None or not pack.unreturned:
        return None
    box = QMessageBox(QMessageBox.Icon.Question, translate("packs", "Return the calling pack"),
                      translate("packs", "%1 of your calls have not reached the organiser yet. "
                                "Return the calling pack now?")
                      .replace("%1", str(pack.unreturned)),
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, window)
    box.setDefaultButton(QMessageBox.StandardButton.Yes)
    if box.exec() != QMessageBox.StandardButton.Yes:
        return None
    return return_open_pack(window)


# -- the organiser: receive results ----------------------------------------------------------

@dataclass(frozen=True)
class Received:
    file: Path
    report: MergeReport | None  # None: skipped (the dialog was cancelled)


def receive_packs(window: MainWindow) -> list[Received]:
    """Arkiv › Ta emot ringpaket…: choose one or more results files."""
    paths, _ = QFileDialog.getOpenFileNames(window, translate("packs", "Receive calling packs"),
                                            str(Path.home()), _files_filter())
    return receive_files(window, [Path(p) for p in paths]) if paths else []


def receive_files(window: MainWindow, files: list[Path]) -> list[Received]:
    """Merge each file in the background after its code is typed (the last code typed is
    offered again), then report what came in."""
    ctx = window.ctx
    db = ctx.db
    received: list[Received] = []
    code = code_from_environment()
    for number, file in enumerate(files, start=1):
        def work(answers: Answers, target: Path = file) -> MergeReport:
            return merge_results(db, target, answers.code)

        dialog = CodeDialog(
            ctx, translate("packs", "Receive calling packs"),
            translate("packs", "File %1 of %2: %3\nType the code of this volunteer's pack.")
            .replace("%1", str(number)).replace("%2", str(len(files)))
            .replace("%3", file.name), work, window, code=code,
            ok_text=translate("packs", "&Receive"))
        if dialog.run():
            received.append(Received(file, dialog.result))
            code = dialog.answers().code
        else:
            received.append(Received(file, None))
    if any(r.report is not None for r in received):
        ctx.events.changed.emit("calls")
    if received:
        show_report(window, received)
    return received


def report_text(received: list[Received]) -> str:
    lines: list[str] = []
    for item in received:
        report = item.report
        if report is None:
            lines.append(translate("packs", "%1: not received").replace("%1", item.file.name))
            continue
        head = f"{item.file.name} ({report.volunteer})"
        if report.repeated:
            lines.append(translate("packs", "%1: received before; nothing changed")
                         .replace("%1", head))
            continue
        lines.append(translate("packs", "%1: %2 calls, %3 new members, %4 follow-ups, "
                               "%5 do-not-calls")
                     .replace("%1", head).replace("%2", str(report.calls))
                     .replace("%3", str(report.new_members))
                     .replace("%4", str(report.follow_ups))
                     .replace("%5", str(report.do_not_calls)))
        if report.flagged:
            why = (translate("packs", "the pack had been taken back") if report.flag == "revoked"
                   else translate("packs", "the pack's last day had passed"))
            lines.append(translate("packs", "  %1 calls are marked for you to check: %2")
                         .replace("%1", str(report.flagged)).replace("%2", why))
    return "\n".join(lines)


def show_report(window: MainWindow, received: list[Received]) -> None:
    box = QMessageBox(window)
    box.setObjectName("packsReport")
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(translate("packs", "Receive calling packs"))
    box.setText(translate("packs", "What came in:"))
    box.setInformativeText(report_text(received))
    box.exec()
