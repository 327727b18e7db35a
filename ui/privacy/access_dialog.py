"""Visa allt om en person: everything stored about one person (GDPR Art. 15) written to an
Excel file, found by one of their numbers or their id."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.progress import Progress
from app.services.privacy.access import AccessResult, export_person
from app.settings import LANGUAGE, PHONE_REGION, VOLUNTEER_NAME
from ui.context import UiContext
from ui.errors import show_error
from ui.results.export_dialog import output_allowed
from ui.sizing import fit_to_screen, scrolling
from ui.tasks import TaskHandle, run_with_progress

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class AccessDialog(QDialog):
    written = Signal(object)  # AccessResult

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.handle: TaskHandle | None = None
        self.confirmed: Path | None = None  # a file the file dialog asked to replace
        self.setObjectName("accessDialog")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.person = QLineEdit()
        self.person.setObjectName("accessPerson")
        self.person_label = QLabel()
        self.person_label.setBuddy(self.person)
        self.language = QComboBox()
        self.language.setObjectName("accessLanguage")
        # Each language in its own name, as in the Settings menu.
        self.language.addItem("Svenska", "sv")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(self.language.findData(
            ctx.settings.get(LANGUAGE)), 0))
        self.language_label = QLabel()
        self.language_label.setBuddy(self.language)
        self.path = QLineEdit()
        self.path.setObjectName("accessPath")
        self.path.setText(str(Path.home() / "utdrag.xlsx"))
        self.path_label = QLabel()
        self.path_label.setBuddy(self.path)
        self.choose = QPushButton()
        self.choose.clicked.connect(self._choose_file)
        self.note = QLabel()
        self.note.setWordWrap(True)
        for edit in (self.person, self.path):
            edit.textChanged.connect(self._update_ok)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(self.choose)
        grid = QGridLayout()
        grid.addWidget(self.person_label, 0, 0)
        grid.addWidget(self.person, 0, 1)
        grid.addWidget(self.language_label, 1, 0)
        grid.addWidget(self.language, 1, 1)
        grid.addWidget(self.path_label, 2, 0)
        grid.addLayout(path_row, 2, 1)
        grid.setColumnStretch(1, 1)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(self.intro)
        body_layout.addLayout(grid)
        body_layout.addWidget(self.note)
        body_layout.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setObjectName("accessOk")
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(body), 1)
        layout.addWidget(self.buttons)
        self.retranslate()
        self._update_ok()
        fit_to_screen(self, 34, 16)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Everything about a person"))
        self.intro.setText(self.tr(
            "Someone has asked what we store about them. Type one of their phone numbers "
            "(or their id) and Ringkväll writes everything it has about them, in every "
            "campaign, to an Excel file you can send them."))
        self.person_label.setText(self.tr("&Number or id:"))
        self.language_label.setText(self.tr("&Language of the file:"))
        self.path_label.setText(self.tr("&Save as:"))
        self.choose.setText(self.tr("C&hoose…"))
        self.note.setText(self.tr(
            "The file holds personal data: send it only to the person themselves. Writing "
            "it is noted in the log."))
        self.ok.setText(self.tr("&Write the file"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _update_ok(self, *_: object) -> None:
        self.ok.setEnabled(bool(self.person.text().strip()) and bool(self.path.text().strip())
                           and self.handle is None)

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.windowTitle(), self.path.text(), self.tr("Excel workbooks (*.xlsx)"))
        if path:
            if path.lower().endswith(".xlsx"):
                self.confirmed = Path(path)
            else:
                path += ".xlsx"
            self.path.setText(path)

    def start(self) -> None:
        if not self.ok.isEnabled():
            return
        target = Path(self.path.text().strip()).expanduser()
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        db = self.ctx.db
        force = output_allowed(self, target, self.confirmed, database=db)
        if force is None:
            return
        query = self.person.text().strip()
        language = str(self.language.currentData())
        region = str(self.ctx.settings.get(PHONE_REGION))
        actor = str(self.ctx.settings.get(VOLUNTEER_NAME))

        def work(_progress: Progress) -> AccessResult:
            return export_person(db, query, target, language=language, region=region,
                                 force=force, actor=actor)

        self.handle = run_with_progress(
            self, self.ctx.runner, self.tr("Writing the file…"), work, writes=True,
            on_success=self._done, on_failure=self._failed)
        self._update_ok()

    def _done(self, result: AccessResult) -> None:
        self.handle = None
        self.written.emit(result)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.handle = None
        self._update_ok()
        show_error(self, exc, retry=self.start)


def open_access(window: MainWindow) -> AccessDialog:
    """Kampanj › Visa allt om en person…"""
    dialog = AccessDialog(window.ctx, window)
    dialog.written.connect(lambda result: window.statusBar().showMessage(
        QCoreApplication.translate("AccessDialog", "Wrote %1").replace("%1", str(result.path)),
        10_000))
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
