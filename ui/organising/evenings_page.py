"""Ringkvällar: the campaign's planned calling evenings, who signed up, and the invitation
to send: as text to copy into an e-mail or a chat, or as a calendar file (.ics)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QGridLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.progress import Progress
from app.services.lookups import campaign_name
from app.services.organising.evenings import (
    EveningInfo,
    Planner,
    delete_evening,
    planner,
    sign_up,
)
from app.services.organising.ics import write_calendar
from app.services.organising.invitation import invitation_text, when_text
from app.settings import LANGUAGE, VOLUNTEER_NAME
from ui.context import UiContext
from ui.errors import show_error
from ui.list_table import list_table
from ui.organising.evening_dialog import EveningDialog, SignupDialog
from ui.sizing import LARGE_TEXT_PT, height_in_lines, keep_scaled, scroll_contents

if TYPE_CHECKING:
    from ui.main_window import MainWindow

COLUMNS = 5


class EveningsPage(QWidget):
    back_requested = Signal()

    def __init__(self, ctx: UiContext, campaign_id: int, campaign: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.campaign_id = campaign_id
        self.campaign = campaign
        self.data = Planner(campaign, (), (), ())
        self.loads = 0  # finished loads, for tests
        self.dialog: EveningDialog | SignupDialog | None = None
        self.setObjectName("eveningsPage")
        self.title = QLabel()
        keep_scaled(self, self.title, 1.4, bold=True)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = list_table("eveningsTable", COLUMNS, wrap=True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.installEventFilter(self)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.invitation_label = QLabel()
        self.invitation = QPlainTextEdit()
        self.invitation.setObjectName("invitationText")
        self.invitation.setReadOnly(True)
        self.invitation.setTabChangesFocus(True)
        self.invitation_label.setBuddy(self.invitation)
        height_in_lines(self.invitation, 4)
        self.status = QLabel()
        self.status.setObjectName("eveningsStatus")
        self.status.setWordWrap(True)
        self.new_button = QPushButton()
        self.new_button.setObjectName("eveningNew")
        self.new_button.clicked.connect(self.new_evening)
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("eveningEdit")
        self.edit_button.clicked.connect(self.edit_evening)
        self.signup_button = QPushButton()
        self.signup_button.setObjectName("eveningSignup")
        self.signup_button.clicked.connect(self.record_signup)
        self.me_button = QPushButton()
        self.me_button.setObjectName("eveningSignMeUp")
        self.me_button.clicked.connect(self.sign_me_up)
        self.copy_button = QPushButton()
        self.copy_button.setObjectName("eveningCopy")
        self.copy_button.clicked.connect(self.copy_invitation)
        self.ics_button = QPushButton()
        self.ics_button.setObjectName("eveningIcs")
        self.ics_button.clicked.connect(lambda: self.export_calendar())
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("eveningDelete")
        self.delete_button.clicked.connect(self.delete_selected)
        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.back_requested)
        # The buttons in a grid: four a row, two at large text (wider than the screen else).
        self.buttons = QGridLayout()
        self._columns = 0
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.invitation_label)
        lower_layout.addWidget(self.invitation, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.status)
        layout.addLayout(self.buttons)
        self._arrange()
        # At large text on a small screen the page scrolls rather than grow past the screen.
        scroll_contents(self)
        ctx.events.changed.connect(self._data_changed)
        self.retranslate()
        self._selection_changed()
        self.refresh()

    # -- texts ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.tr("Calling evenings: %1").replace("%1", self.campaign))
        self.intro.setText(self.tr(
            "Plan the evenings, note who is coming, and send the invitation: copy the text "
            "into an e-mail or a chat, or save a calendar file that people open in their "
            "calendar."))
        self.table.setHorizontalHeaderLabels([
            self.tr("Day"), self.tr("Time"), self.tr("Where"), self.tr("Goals"),
            self.tr("Signed up")])
        self.empty.setText(self.tr("No evenings planned yet. Press “New evening…” to plan "
                                   "one."))
        self.invitation_label.setText(self.tr("Invi&tation:"))
        self.new_button.setText(self.tr("&New evening…"))
        self.edit_button.setText(self.tr("&Change…"))
        self.delete_button.setText(self.tr("&Delete"))
        self.signup_button.setText(self.tr("Sign some&one up…"))
        self.me_button.setText(self.tr("Sign &me up"))
        self.copy_button.setText(self.tr("Cop&y the invitation"))
        self.ics_button.setText(self.tr("Sa&ve as calendar file…"))
        self.back_button.setText(self.tr("Bac&k"))
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.FontChange:
            self._arrange()
        super().changeEvent(event)

    def _arrange(self) -> None:
        columns = 2 if self.font().pointSizeF() >= LARGE_TEXT_PT else 4
        if columns == self._columns:
            return
        self._columns = columns
        order = (self.new_button, self.edit_button, self.delete_button, self.signup_button,
                 self.me_button, self.copy_button, self.ics_button, self.back_button)
        for button in order:
            self.buttons.removeWidget(button)
        for index, button in enumerate(order):
            self.buttons.addWidget(button, index // columns, index % columns)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Return on an evening changes it, Delete removes it: no mouse needed.
        if watched is self.table and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selected():
                self.edit_evening()
                return True
            if event.key() == Qt.Key.Key_Delete and self.selected():
                self.delete_selected()
                return True
        return super().eventFilter(watched, event)

    def _language(self) -> str:
        return str(self.ctx.settings.get(LANGUAGE))

    def _goals(self, evening: EveningInfo) -> str:
        parts = []
        if evening.goals.calls:
            parts.append(self.tr("%1 calls").replace("%1", str(evening.goals.calls)))
        if evening.goals.conversations:
            parts.append(self.tr("%1 conversations").replace(
                "%1", str(evening.goals.conversations)))
        if evening.goals.recruits:
            parts.append(self.tr("%1 new members").replace("%1", str(evening.goals.recruits)))
        return ", ".join(parts) or "–"

    # -- data -------------------------------------------------------------------------------

    def _data_changed(self, what: str) -> None:
        if what in ("evenings", "campaigns", "groups", "volunteers"):
            self.refresh()

    def refresh(self) -> None:
        db, campaign_id = self.ctx.db, self.campaign_id
        self.ctx.runner.run(lambda _progress: planner(db, campaign_id), context=self,
                            on_success=self._loaded)

    def _loaded(self, data: Planner) -> None:
        self.data = data
        self.campaign = data.campaign
        self.title.setText(self.tr("Calling evenings: %1").replace("%1", self.campaign))
        self._fill()
        self.loads += 1

    def _fill(self) -> None:
        chosen = self.selected()
        evenings = self.data.evenings
        self.table.setRowCount(len(evenings))
        language = self._language()
        for row, evening in enumerate(evenings):
            where = "\n".join(p for p in (evening.place, evening.link) if p) or "–"
            texts = (f"{evening.day.isoformat()}\n{when_text(evening, language)}",
                     f"{evening.starts:%H:%M}–{evening.ends:%H:%M}", where,
                     self._goals(evening),
                     ", ".join(evening.volunteers) or self.tr("nobody yet"))
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, evening.id)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        self.empty.setVisible(not evenings)
        if evenings:
            ids = [e.id for e in evenings]
            self.table.selectRow(ids.index(chosen.id) if chosen and chosen.id in ids else 0)
        self._selection_changed()

    def selected(self) -> EveningInfo | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        evening_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return next((e for e in self.data.evenings if e.id == evening_id), None)

    def select_evening(self, evening_id: int) -> None:
        for row, evening in enumerate(self.data.evenings):
            if evening.id == evening_id:
                self.table.selectRow(row)

    def _selection_changed(self) -> None:
        evening = self.selected()
        for button in (self.edit_button, self.delete_button, self.signup_button,
                       self.me_button, self.copy_button):
            button.setEnabled(evening is not None)
        self.ics_button.setEnabled(bool(self.data.evenings))
        self.invitation.setPlainText(
            invitation_text(evening, self._language()) if evening else "")

    # -- actions ----------------------------------------------------------------------------

    def new_evening(self) -> EveningDialog:
        return self._open_dialog(None)

    def edit_evening(self) -> EveningDialog | None:
        evening = self.selected()
        return self._open_dialog(evening) if evening else None

    def _open_dialog(self, evening: EveningInfo | None) -> EveningDialog:
        dialog = EveningDialog(self.ctx, self.campaign_id, self.data.groups, evening, self)
        dialog.saved.connect(self._saved)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _saved(self, evening: EveningInfo) -> None:
        self.ctx.events.changed.emit("evenings")
        self._after_write(evening)

    def _after_write(self, evening: EveningInfo) -> None:
        # Show the result at once, then the page reads everything again.
        evenings = [e for e in self.data.evenings if e.id != evening.id] + [evening]
        evenings.sort(key=lambda e: (e.day, e.starts, e.id))
        self.data = Planner(self.data.campaign, tuple(evenings), self.data.groups,
                            self.data.volunteers)
        self._fill()
        self.select_evening(evening.id)
        self.table.setFocus()

    def record_signup(self) -> SignupDialog | None:
        evening = self.selected()
        if evening is None:
            return None
        about = (f"{when_text(evening, self._language())} "
                 f"{evening.starts:%H:%M}–{evening.ends:%H:%M}")
        dialog = SignupDialog(self.data.volunteers, about, self)
        dialog.accepted.connect(lambda: self._sign_up(evening.id, dialog.volunteer(),
                                                      recorded=True))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def sign_me_up(self) -> None:
        """The volunteer at this computer signs up (on a shared server, from their own)."""
        evening = self.selected()
        if evening is None:
            return
        name = str(self.ctx.settings.get(VOLUNTEER_NAME)).strip()
        if not name:
            QMessageBox.information(self, self.tr("Sign up"), self.tr(
                "Ringkväll does not know your name yet. Use “Sign someone up…” and type it."))
            return
        self._sign_up(evening.id, name, recorded=False)

    def _sign_up(self, evening_id: int, name: str, *, recorded: bool) -> None:
        db = self.ctx.db
        by = str(self.ctx.settings.get(VOLUNTEER_NAME)).strip() if recorded else ""

        def work(_progress: Progress) -> EveningInfo:
            return sign_up(db, evening_id, name, recorded_by=by)

        self.ctx.runner.run(work, context=self, on_success=self._signed_up, writes=True)

    def _signed_up(self, evening: EveningInfo) -> None:
        self.status.setText(self.tr("Signed up: %1").replace(
            "%1", ", ".join(evening.volunteers)))
        self.ctx.events.changed.emit("evenings")
        self._after_write(evening)

    def delete_selected(self) -> None:
        evening = self.selected()
        if evening is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete the evening"),
            self.tr("Delete the evening %1? Its sign-ups go with it.").replace(
                "%1", f"{evening.day.isoformat()} {evening.starts:%H:%M}"))
        if answer != QMessageBox.StandardButton.Yes:
            return
        db, evening_id = self.ctx.db, evening.id
        self.ctx.runner.run(lambda _progress: delete_evening(db, evening_id), context=self,
                            on_success=lambda _none: self._deleted(evening_id), writes=True)

    def _deleted(self, evening_id: int) -> None:
        self.data = Planner(self.data.campaign,
                            tuple(e for e in self.data.evenings if e.id != evening_id),
                            self.data.groups, self.data.volunteers)
        self._fill()
        self.ctx.events.changed.emit("evenings")

    def copy_invitation(self) -> None:
        text = self.invitation.toPlainText()
        if not text:
            return
        QApplication.clipboard().setText(text)
        self.status.setText(self.tr("The invitation is copied: paste it into an e-mail or a "
                                    "chat (Ctrl+V)."))

    def export_calendar(self, path: str | None = None) -> None:
        """Save every evening of the campaign as one calendar file."""
        if not self.data.evenings:
            return
        force = path is None  # the file dialog has asked before replacing a file
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save the evenings as a calendar file"),
                str(Path.home() / f"{self.campaign}.ics"),
                self.tr("Calendar files (*.ics);;All files (*)"))
            if not path:
                return
        evenings, language = self.data.evenings, self._language()

        def work(_progress: Progress) -> Path:
            return write_calendar(path, evenings, language=language, force=force)

        self.ctx.runner.run(work, context=self, on_success=self._exported,
                            on_failure=lambda exc: show_error(self, exc))

    def _exported(self, path: Path) -> None:
        self.status.setText(self.tr("Saved %1. Send it with the invitation: it opens in "
                                    "people's calendars.").replace("%1", str(path)))


def open_evenings(window: MainWindow) -> EveningsPage | None:
    """Kampanj › Ringkvällar…: the planner for the chosen campaign."""
    campaign_id = window.ctx.campaign_id
    name = campaign_name(window.ctx.db, campaign_id) if campaign_id is not None else None
    if campaign_id is None or name is None:
        QMessageBox.information(
            window, QCoreApplication.translate("EveningsPage", "Calling evenings"),
            QCoreApplication.translate("EveningsPage", "Choose a campaign first."))
        return None
    page = EveningsPage(window.ctx, campaign_id, name)
    page.back_requested.connect(window.show_home)
    window.show_page(page)
    page.table.setFocus()
    return page
