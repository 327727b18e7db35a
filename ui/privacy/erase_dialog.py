"""Erase a person on request: find them by a number or id in every campaign, confirm, and
delete them (their figures stay as anonymous counts)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.services.privacy.erase import EraseResult, Person, erase_person, look_up
from app.settings import PHONE_REGION, VOLUNTEER_NAME
from ui.context import UiContext
from ui.errors import show_error, user_message
from ui.sizing import fit_to_screen


class EraseDialog(QDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person: Person | None = None
        self._query = ""
        self.setWindowTitle(self.tr("Erase a person"))
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        intro = QLabel(self.tr(
            "When someone asks to be deleted: write one of their phone numbers (or their id). "
            "Ringkväll finds them in every campaign and deletes their name, numbers, notes "
            "and answers. The campaign's figures stay, without a name."))
        intro.setWordWrap(True)
        self.query = QLineEdit()
        self.query.setObjectName("eraseQuery")
        self.query.returnPressed.connect(self.find_person)
        self.find_button = QPushButton(self.tr("&Find"))
        self.find_button.clicked.connect(self.find_person)
        self.found = QLabel()
        self.found.setObjectName("eraseFound")
        self.found.setWordWrap(True)
        self.found.setTextFormat(Qt.TextFormat.PlainText)
        self.keep_dnc = QCheckBox(self.tr("&Keep the number on the do-not-call list"))
        self.keep_dnc.setChecked(True)
        keep_hint = QLabel(self.tr("Then no later phone list brings the person back. Untick "
                                   "it only when they ask that not even their number is kept."))
        keep_hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Phone &number or id:"), self.query)
        form.addRow("", self.find_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.erase_button = buttons.addButton(self.tr("&Erase…"),
                                              QDialogButtonBox.ButtonRole.ActionRole)
        self.erase_button.setObjectName("eraseButton")
        self.erase_button.setEnabled(False)
        self.erase_button.clicked.connect(self.erase)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.found)
        layout.addWidget(self.keep_dnc)
        layout.addWidget(keep_hint)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.query.textEdited.connect(lambda _text: self._forget())
        # Sized in lines of text: the wrapped texts need the room at every text size.
        fit_to_screen(self, width_lines=30, height_lines=17)

    def _forget(self) -> None:
        self.person = None
        self.erase_button.setEnabled(False)

    def find_person(self) -> None:
        self._query = self.query.text().strip()
        self._forget()
        if not self._query:
            self.found.setText("")
            return
        try:
            self.person = look_up(self.ctx.db, self._query, self.ctx.settings.get(PHONE_REGION))
        except UserError as exc:
            self.found.setText(user_message(exc))
            return
        p = self.person
        if p.contact_ids:
            text = self.tr("Found in %n campaign(s): %1.", "", len(p.campaigns)).replace(
                "%1", ", ".join(p.campaigns))
        else:
            text = self.tr("Only on the do-not-call list.")
        self.found.setText(text)
        self.erase_button.setEnabled(True)
        self.erase_button.setFocus()

    def erase(self) -> None:
        if self.person is None:
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Erase a person"), self.tr(
            "Delete this person in every campaign, for good?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        if box.exec() != QMessageBox.StandardButton.Yes:
            return
        db, query, keep = self.ctx.db, self._query, self.keep_dnc.isChecked()
        region, actor = self.ctx.settings.get(PHONE_REGION), self.ctx.settings.get(VOLUNTEER_NAME)
        self.erase_button.setEnabled(False)
        self.ctx.runner.run(
            lambda _progress: erase_person(db, query, keep_dnc=keep, region=region,
                                           actor=actor),
            context=self, writes=True, on_success=self._erased,
            on_failure=lambda exc: show_error(self, exc))

    def _erased(self, result: EraseResult) -> None:
        self.person = None
        self.query.clear()
        self.found.setText(self.tr("Erased. The figures stay, without a name."))
        self.ctx.events.changed.emit("campaigns")
        self.query.setFocus()


def open_erase(window: QWidget) -> None:
    """Kampanj › Radera en person… (the database must be open: the window opens it)."""
    from ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    EraseDialog(window.ctx, window).exec()
