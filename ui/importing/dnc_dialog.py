"""The do-not-call list: see it, add a number, add every number of a file."""

from __future__ import annotations

from PySide6.QtCore import QDate, QEvent, QLocale
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.phone import format_national
from app.services.dnc_edit import add_numbers_from_file, add_typed_number, dnc_entries
from app.settings import PHONE_REGION
from ui.context import UiContext
from ui.dnc_texts import reason_text
from ui.errors import show_error
from ui.sizing import fit_to_screen, rows_follow_font


class DncDialog(QDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("dncDialog")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("dncTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        rows_follow_font(self.table)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.number_edit = QLineEdit()
        self.number_edit.setObjectName("dncNumber")
        self.number_edit.returnPressed.connect(self.add_typed)
        self.number_label = QLabel()
        self.number_label.setBuddy(self.number_edit)
        self.add_button = QPushButton()
        self.add_button.setObjectName("dncAdd")
        self.add_button.clicked.connect(self.add_typed)
        self.file_button = QPushButton()
        self.file_button.setObjectName("dncFile")
        self.file_button.clicked.connect(self.choose_file)
        self.count_label = QLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        add_row = QHBoxLayout()
        add_row.addWidget(self.number_label)
        add_row.addWidget(self.number_edit, 1)
        add_row.addWidget(self.add_button)
        add_row.addWidget(self.file_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(add_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(buttons)
        fit_to_screen(self, 48, 32)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Do-not-call list"))
        self.intro.setText(self.tr(
            "Numbers on this list are never called, in any campaign. People who ask not to be "
            "called again are added here, and imports leave their numbers out."))
        self.number_label.setText(self.tr("&Number:"))
        self.number_edit.setAccessibleName(self.tr("Number to add to the do-not-call list"))
        self.add_button.setText(self.tr("&Add"))
        self.file_button.setText(self.tr("Add from a &file…"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Number"), self.tr("Added"), self.tr("Reason")])
        self.table.setAccessibleName(self.tr("Numbers on the do-not-call list"))
        self.count_label.setText(self.tr("%n number(s) on the list", "", self.table.rowCount()))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        entries = dnc_entries(self.ctx.db)
        locale = QLocale()
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            added = entry.added_at.astimezone()
            self.table.setItem(row, 0, QTableWidgetItem(format_national(entry.e164)))
            self.table.setItem(row, 1, QTableWidgetItem(
                locale.toString(QDate(added.year, added.month, added.day),
                                QLocale.FormatType.ShortFormat)))
            self.table.setItem(row, 2, QTableWidgetItem(reason_text(entry.reason, entry.source)))
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)
        self.retranslate()

    def add_typed(self) -> None:
        """Check and add the typed number on the task runner's write thread."""
        text = self.number_edit.text().strip()
        if not text or not self.add_button.isEnabled():
            return
        db, region = self.ctx.db, self.ctx.settings.get(PHONE_REGION)
        self._set_adding(True)
        self.ctx.runner.run(
            lambda _progress: add_typed_number(db, text, region), context=self,
            on_success=self._typed_added, on_failure=self._typed_failed, writes=True)

    def _set_adding(self, adding: bool) -> None:
        self.add_button.setEnabled(not adding)
        self.number_edit.setReadOnly(adding)

    def _typed_added(self, _e164: str) -> None:
        self._set_adding(False)
        self.number_edit.clear()
        self._added()

    def _typed_failed(self, exc: BaseException) -> None:
        self._set_adding(False)
        show_error(self, exc, retry=self.add_typed)

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Numbers not to call"), "",
            self.tr("Lists (*.xlsx *.csv *.txt);;All files (*)"))
        if path:
            self.add_file(path)

    def add_file(self, path: str) -> None:
        """Read and add on the write thread: a file can hold many numbers."""
        db, region = self.ctx.db, self.ctx.settings.get(PHONE_REGION)
        self.file_button.setEnabled(False)
        self.ctx.runner.run(
            lambda _progress: add_numbers_from_file(db, path, region), context=self,
            on_success=self._file_added,
            on_failure=lambda exc: self._file_failed(exc, path), writes=True)

    def _file_added(self, _added: int) -> None:
        self.file_button.setEnabled(True)
        self._added()

    def _file_failed(self, exc: BaseException, path: str) -> None:
        self.file_button.setEnabled(True)
        show_error(self, exc, retry=lambda: self.add_file(path))

    def _added(self) -> None:
        self.refresh()
        self.ctx.events.changed.emit("contacts")
