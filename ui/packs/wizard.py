"""Gör ringpaket: packs for several volunteers at once (group, volunteers, size, last day,
folder), made on the task runner with progress; then each volunteer's code, with the code
slips to print or save as a PDF."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.clock import local, utcnow
from app.db.database import Database
from app.errors import Cancelled, UserError, os_fault
from app.progress import Progress
from app.services.lookups import group_choices, volunteer_names
from app.services.packs.create import CreatedPack, create_pack
from ui.context import UiContext
from ui.date_field import DateField
from ui.errors import show_error, user_message
from ui.packs.slips import Slip, print_slips, save_slips_pdf
from ui.sizing import fit_to_screen, keep_scaled, scrolling
from ui.tasks import TaskHandle, run_with_progress

DEFAULT_SIZE = 40
DEFAULT_DAYS = 7
EXTENSION = ".ringkvall"


def file_for(folder: Path, volunteer: str) -> Path:
    """A file name of the volunteer's name ("Ann Berg" → ann-berg.ringkvall) that is not
    taken yet: an earlier pack for the same volunteer is never written over."""
    # ASCII only (Åsa Öberg → asa-oberg): the file travels by USB stick and e-mail, where
    # other names can come out garbled.
    plain = unicodedata.normalize("NFKD", volunteer.lower()).encode("ascii", "ignore")
    stem = "-".join(re.findall(r"[a-z0-9]+", plain.decode("ascii"))) or "pack"
    path = folder / f"{stem}{EXTENSION}"
    number = 2
    while path.exists():
        path = folder / f"{stem}-{number}{EXTENSION}"
        number += 1
    return path


def end_of_day(day: date) -> datetime:
    """The end of that day where the organiser is (as `ringkvall pack create --expires`)."""
    return datetime.combine(day + timedelta(days=1), time()).astimezone()


@dataclass(frozen=True)
class Request:
    campaign: str
    group: str | None
    volunteers: list[str]
    size: int
    expires_at: datetime | None
    folder: Path


@dataclass
class Outcome:
    made: list[tuple[str, CreatedPack]] = field(default_factory=list)  # volunteer, pack
    stopped: BaseException | None = None  # why the rest were not made
    cancelled: bool = False


def make_packs(db: Database, request: Request, progress: Progress) -> Outcome:
    """One pack per volunteer, each its own transaction with its file: a pack is whole or
    not there. A refusal after some packs (nobody left to call) keeps those made."""
    outcome = Outcome()
    total = len(request.volunteers)
    try:
        request.folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise os_fault(exc, str(request.folder)) or exc from None
    for index, volunteer in enumerate(request.volunteers):
        try:
            progress.report(index, total, volunteer)
            out = file_for(request.folder, volunteer)
            try:
                made = create_pack(db, campaign=request.campaign, group=request.group,
                                   volunteer=volunteer, size=request.size, out=out,
                                   expires_at=request.expires_at)
            except OSError as exc:
                raise os_fault(exc, str(out)) or exc from None
        except Cancelled:
            if not outcome.made:
                raise
            outcome.cancelled = True
            return outcome
        except UserError as exc:
            if not outcome.made:
                raise
            outcome.stopped = exc
            return outcome
        outcome.made.append((volunteer, made))
    progress.report(total, total, "")
    return outcome


class MakePacksDialog(QDialog):
    made = Signal(object)  # Outcome

    def __init__(self, ctx: UiContext, campaign_id: int, campaign: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.campaign_id = campaign_id
        self.campaign = campaign
        self.handle: TaskHandle | None = None
        self.outcome: Outcome | None = None
        self.setObjectName("makePacksDialog")
        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_form())
        self.stack.addWidget(self._build_done())
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        self.retranslate()
        self._fill()
        fit_to_screen(self, width_lines=42, height_lines=30)
        self.name.setFocus()

    # -- the form ---------------------------------------------------------------------

    def _build_form(self) -> QWidget:
        page = QWidget()
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.group = QComboBox()
        self.group.setObjectName("packGroup")
        self.group_label = QLabel()
        self.group_label.setBuddy(self.group)
        # A planned evening's sign-ups, ticked in one go (shown when evenings are planned).
        self.evening = QComboBox()
        self.evening.setObjectName("packEvening")
        self.evening_label = QLabel()
        self.evening_label.setBuddy(self.evening)
        self.volunteers = QListWidget()
        self.volunteers.setObjectName("packVolunteers")
        self.volunteers_label = QLabel()
        self.volunteers_label.setBuddy(self.volunteers)
        self.volunteers_hint = QLabel()
        self.volunteers_hint.setWordWrap(True)
        self.name = QLineEdit()
        self.name.setObjectName("packNewVolunteer")
        self.name_label = QLabel()
        self.name_label.setBuddy(self.name)
        # Enter in the name field adds the name; it must not also make the packs.
        self.name.installEventFilter(self)
        self.add = QPushButton()
        self.add.setAutoDefault(False)
        self.add.clicked.connect(self.add_typed_name)
        name_row = QHBoxLayout()
        name_row.addWidget(self.name, 1)
        name_row.addWidget(self.add)
        self.pack_size = QSpinBox()
        self.pack_size.setObjectName("packSize")
        self.pack_size.setRange(1, 100_000)
        self.pack_size.setValue(DEFAULT_SIZE)
        self.pack_size_label = QLabel()
        self.pack_size_label.setBuddy(self.pack_size)
        today = local(utcnow()).date()
        self.expires = DateField(today + timedelta(days=DEFAULT_DAYS),
                                 lambda: local(utcnow()).date())
        self.expires.setObjectName("packExpires")
        self.expires_label = QLabel()
        self.expires_label.setBuddy(self.expires)
        self.folder = QLineEdit()
        self.folder.setObjectName("packFolder")
        self.folder_label = QLabel()
        self.folder_label.setBuddy(self.folder)
        self.choose = QPushButton()
        self.choose.setAutoDefault(False)
        self.choose.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.choose)
        self.message = QLabel()
        self.message.setObjectName("packFormMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #a00000; font-weight: bold;")
        self.message.hide()
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.group_label, self.group)
        form.addRow(self.evening_label, self.evening)
        form.addRow(self.volunteers_label, self.volunteers)
        form.addRow(self.volunteers_hint)
        form.addRow(self.name_label, name_row)
        form.addRow(self.pack_size_label, self.pack_size)
        form.addRow(self.expires_label, self.expires)
        form.addRow(self.folder_label, folder_row)
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.addWidget(self.intro)
        inner.addLayout(form)
        inner.addWidget(self.message)
        self.form_buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                             | QDialogButtonBox.StandardButton.Cancel)
        self.make = self.form_buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.make.setObjectName("packMake")
        self.form_buttons.accepted.connect(self.start)
        self.form_buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scrolling(body), 1)
        layout.addWidget(self.form_buttons)
        return page

    def _fill(self) -> None:
        self.group.addItem(self.tr("All target groups"), None)
        for choice in group_choices(self.ctx.db, self.campaign_id):
            self.group.addItem(choice.name, choice.name)
        for name in volunteer_names(self.ctx.db):
            self._add_volunteer(name, checked=False)
        self.folder.setText(str(Path.home() / self.tr("Calling packs")))
        self._fill_evenings()

    def _fill_evenings(self) -> None:
        """The evenings from today on; the first is chosen, so its sign-ups are ticked."""
        from app.services.organising.evenings import list_evenings

        today = local(utcnow()).date()
        self.evenings = [e for e in list_evenings(self.ctx.db, self.campaign_id)
                         if e.day >= today]
        self.evening.addItem(self.tr("(no evening: tick the volunteers)"), None)
        for evening in self.evenings:
            self.evening.addItem(
                f"{evening.day:%Y-%m-%d} {evening.starts:%H:%M}–{evening.ends:%H:%M}",
                evening.id)
        for widget in (self.evening, self.evening_label):
            widget.setVisible(bool(self.evenings))
        self.evening.currentIndexChanged.connect(self._evening_chosen)
        if self.evenings:
            self.evening.setCurrentIndex(1)

    def _evening_chosen(self, _index: int) -> None:
        chosen = next((e for e in self.evenings if e.id == self.evening.currentData()), None)
        if chosen is None:
            return
        for name in chosen.volunteers:
            self._add_volunteer(name, checked=True)
        if len(chosen.groups) == 1:
            found = self.group.findData(chosen.groups[0])
            if found >= 0:
                self.group.setCurrentIndex(found)

    def _add_volunteer(self, name: str, checked: bool) -> None:
        for row in range(self.volunteers.count()):
            item = self.volunteers.item(row)
            if item.text().casefold() == name.casefold():
                item.setCheckState(Qt.CheckState.Checked if checked else item.checkState())
                return
        item = QListWidgetItem(name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.volunteers.addItem(item)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.__dict__.get("name") and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and self.name.text().strip()):
            self.add_typed_name()
            return True
        return super().eventFilter(watched, event)

    def add_typed_name(self) -> None:
        name = " ".join(self.name.text().split())
        if name:
            self._add_volunteer(name, checked=True)
            self.name.clear()
        self.name.setFocus()

    def chosen(self) -> list[str]:
        return [self.volunteers.item(row).text() for row in range(self.volunteers.count())
                if self.volunteers.item(row).checkState() == Qt.CheckState.Checked]

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Save the packs in"),
                                                  self.folder.text())
        if folder:
            self.folder.setText(folder)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def start(self) -> None:
        if self.handle is not None:
            return
        self.add_typed_name()  # a name typed but not added yet counts too
        volunteers = self.chosen()
        if not volunteers:
            self._say(self.tr("Tick at least one volunteer, or type a name and press Add."))
            self.volunteers.setFocus()
            return
        try:
            day = self.expires.value()
        except ValueError:
            self._say(self.tr("The last day is not a date: write it as YYYY-MM-DD."))
            self.expires.setFocus()
            return
        if day is not None and day < local(utcnow()).date():
            self._say(self.tr("The last day has already passed."))
            self.expires.setFocus()
            return
        folder = self.folder.text().strip()
        if not folder:
            self._say(self.tr("Choose the folder to save the packs in."))
            self.folder.setFocus()
            return
        self._say("")
        request = Request(self.campaign, self.group.currentData(), volunteers,
                          self.pack_size.value(), end_of_day(day) if day is not None else None,
                          Path(folder).expanduser())
        db = self.ctx.db
        self.make.setEnabled(False)
        self.handle = run_with_progress(
            self, self.ctx.runner, self.tr("Making calling packs…"),
            lambda progress: make_packs(db, request, progress),
            on_success=self._done, on_failure=self._failed, on_cancel=self._cancelled,
            writes=True)

    def _failed(self, exc: BaseException) -> None:
        self.handle = None
        self.make.setEnabled(True)
        if isinstance(exc, UserError) and not getattr(exc, "retryable", False):
            self._say(user_message(exc))
            return
        show_error(self, exc, retry=self.start)

    def _cancelled(self) -> None:
        self.handle = None
        self.make.setEnabled(True)

    # -- the packs made: codes and slips ----------------------------------------------

    def _build_done(self) -> QWidget:
        page = QWidget()
        self.done_title = QLabel()
        keep_scaled(self, self.done_title, 1.3, bold=True)
        self.done_note = QLabel()
        self.done_note.setWordWrap(True)
        self.stopped = QLabel()
        self.stopped.setObjectName("packStopped")
        self.stopped.setWordWrap(True)
        self.stopped.setStyleSheet("color: #a00000; font-weight: bold;")
        self.codes = QTableWidget(0, 4)
        self.codes.setObjectName("packCodes")
        self.codes.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.codes.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.codes.verticalHeader().hide()
        self.codes.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.
                                                           ResizeToContents)
        self.codes.horizontalHeader().setStretchLastSection(True)
        self.print_button = QPushButton()
        self.print_button.setObjectName("packPrint")
        self.print_button.clicked.connect(self.print_slips)
        self.pdf_button = QPushButton()
        self.pdf_button.setObjectName("packPdf")
        self.pdf_button.clicked.connect(self.choose_pdf)
        self.close_button = QPushButton()
        self.close_button.setObjectName("packClose")
        self.close_button.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(self.print_button)
        row.addWidget(self.pdf_button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.done_title)
        layout.addWidget(self.done_note)
        layout.addWidget(self.stopped)
        layout.addWidget(self.codes, 1)
        layout.addLayout(row)
        return page

    def _done(self, outcome: Outcome) -> None:
        self.handle = None
        self.outcome = outcome
        self.codes.setRowCount(len(outcome.made))
        for row, (volunteer, pack) in enumerate(outcome.made):
            for column, text in enumerate((volunteer, pack.path.name, pack.code,
                                           str(pack.people))):
                self.codes.setItem(row, column, QTableWidgetItem(text))
        self.codes.resizeColumnsToContents()
        if outcome.stopped is not None:
            self.stopped.setText(self.tr("Not all packs were made: %1").replace(
                "%1", user_message(outcome.stopped) if isinstance(outcome.stopped, UserError)
                else str(outcome.stopped)))
        elif outcome.cancelled:
            self.stopped.setText(self.tr("Stopped: the packs in the list were made, the "
                                         "others not."))
        self.stopped.setVisible(bool(self.stopped.text()))
        self.stack.setCurrentIndex(1)
        self.close_button.setDefault(True)
        self.print_button.setFocus()
        self.made.emit(outcome)

    def slips(self) -> list[Slip]:
        if self.outcome is None:
            return []
        return [Slip(volunteer, pack.path.name, pack.code)
                for volunteer, pack in self.outcome.made]

    def print_slips(self) -> None:
        try:
            print_slips(self, self.slips())
        except OSError:
            QMessageBox.warning(self, self.windowTitle(),
                                self.tr("The slips could not be printed."))

    def choose_pdf(self) -> None:
        start = Path(self.folder.text().strip() or str(Path.home())) / self.tr(
            "code-slips.pdf")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the slips as a PDF"),
                                              str(start), self.tr("PDF files (*.pdf)"))
        if path:
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
            self.save_pdf(Path(path))

    def save_pdf(self, path: Path) -> Path | None:
        try:
            save_slips_pdf(path, self.slips())
        except OSError as exc:
            fault = os_fault(exc, str(path))
            if fault is None:
                raise
            show_error(self, fault)
            return None
        self.done_note.setText(self.tr("The slips are saved in %1.").replace("%1", str(path)))
        return path

    # -- texts ------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Make calling packs: %1").replace("%1", self.campaign))
        self.intro.setText(self.tr(
            "A calling pack is a file with people for one volunteer to call on their own "
            "computer, without a server. Each volunteer gets their own pack and code. Only "
            "people who have not been called yet go into packs, and they leave the queue "
            "here until the pack is returned or taken back."))
        self.group_label.setText(self.tr("Target &group:"))
        self.evening_label.setText(self.tr("&Evening:"))
        if self.evening.count():
            self.evening.setItemText(0, self.tr("(no evening: tick the volunteers)"))
        self.volunteers_label.setText(self.tr("&Volunteers:"))
        self.volunteers_hint.setText(self.tr(
            "Tick the volunteers who get a pack (Space ticks), or type a new name below."))
        self.name_label.setText(self.tr("&Name:"))
        self.add.setText(self.tr("&Add"))
        self.pack_size_label.setText(self.tr("&People per pack:"))
        self.expires_label.setText(self.tr("&Last day:"))
        self.folder_label.setText(self.tr("Save &in folder:"))
        self.choose.setText(self.tr("C&hoose…"))
        self.make.setText(self.tr("&Make the packs"))
        self.done_title.setText(self.tr("The packs are made"))
        self.done_note.setText(self.tr(
            "Give each volunteer their file (on a USB stick or by e-mail) and, separately, "
            "its code: in person, by phone or on the printed slip. Never send the code in "
            "the same e-mail as the file."))
        self.codes.setHorizontalHeaderLabels([self.tr("Volunteer"), self.tr("File"),
                                              self.tr("Code"), self.tr("People")])
        self.print_button.setText(self.tr("&Print the slips…"))
        self.pdf_button.setText(self.tr("Save the slips as P&DF…"))
        self.close_button.setText(self.tr("&Close"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def reject(self) -> None:
        if self.handle is not None:
            return  # the progress dialog's Cancel stops the work
        super().reject()
