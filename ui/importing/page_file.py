"""Wizard page 1: choose the file (and the sheet of a workbook)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWizardPage,
)

from app.errors import UserError
from app.progress import Progress
from app.services.importing.readers import Table, open_table
from ui.errors import user_message

if TYPE_CHECKING:
    from ui.importing.wizard import ImportWizard

PREVIEW_ROWS = 20


def _load(path: str, sheet: str | None) -> tuple[Table, list[list[str]]]:
    table = open_table(path, sheet)
    return table, table.preview(PREVIEW_ROWS)


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self._generation = 0  # a newer choice makes older loads stale
        self._loading = False
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("importPath")
        self.path_edit.editingFinished.connect(self._path_edited)
        # A typed or pasted path is opened once the typing pauses, without needing Enter.
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(500)
        self._typing.timeout.connect(self._typed)
        self.path_edit.textEdited.connect(lambda _text: self._typing.start())
        self.browse_button = QPushButton()
        self.browse_button.setObjectName("importBrowse")
        self.browse_button.clicked.connect(self.browse)
        self.sheet_combo = QComboBox()
        self.sheet_combo.setObjectName("importSheet")
        self.sheet_combo.activated.connect(self._sheet_chosen)
        self.status = QLabel()
        self.status.setObjectName("importFileStatus")
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        form = QFormLayout()
        self.file_label = QLabel()
        self.file_label.setBuddy(self.path_edit)
        self.sheet_label = QLabel()
        self.sheet_label.setBuddy(self.sheet_combo)
        form.addRow(self.file_label, row)
        form.addRow(self.sheet_label, self.sheet_combo)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addSpacing(self.fontMetrics().height())
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.retranslate()
        self._show_sheets()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Choose the list"))
        self.setSubTitle(self.tr("An Excel workbook (.xlsx) or a CSV/text file from the "
                                 "district."))
        self.intro.setText(self.tr(
            "Ringkväll recognises the columns by their names, works out the file's encoding "
            "and separator, and checks every number before anything is saved."))
        self.file_label.setText(self.tr("&File:"))
        self.sheet_label.setText(self.tr("&Sheet:"))
        self.browse_button.setText(self.tr("B&rowse…"))
        self.path_edit.setAccessibleName(self.tr("File to import"))
        self.sheet_combo.setAccessibleName(self.tr("Sheet in the workbook"))
        self.browse_button.setAccessibleName(self.tr("Choose the file to import"))
        self._show_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the phone list"), self.path_edit.text(),
            self.tr("Phone lists (*.xlsx *.xlsm *.csv *.txt *.tsv);;All files (*)"))
        if path:
            self.load(path)

    def _typed(self) -> None:
        if Path(self.path_edit.text().strip()).expanduser().is_file():
            self._path_edited()

    def _path_edited(self) -> None:
        text = self.path_edit.text().strip()
        table = self._wizard.table
        if text and (table is None or str(table.path) != text):
            self.load(text)

    def _sheet_chosen(self, _index: int) -> None:
        table = self._wizard.table
        sheet = self.sheet_combo.currentText()
        if table is not None and sheet and sheet != table.sheet:
            self.load(str(table.path), sheet)

    def load(self, path: str, sheet: str | None = None) -> None:
        """Open the file on a worker thread (a big workbook takes a moment)."""
        self.path_edit.setText(path)
        self._generation += 1
        generation = self._generation
        self._wizard.table = None
        self._wizard.preview = []
        self._error = ""
        self._loading = True
        self._show_status()
        self.completeChanged.emit()

        def work(_progress: Progress) -> tuple[Table, list[list[str]]]:
            return _load(path, sheet)

        # Tied to this page: closing the wizard while the file is read drops the result.
        self._wizard.ctx.runner.run(
            work,
            context=self,
            on_success=lambda result: self._loaded(generation, result),
            on_failure=lambda exc: self._failed(generation, exc),
        )

    def _loaded(self, generation: int, result: tuple[Table, list[list[str]]]) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self._wizard.table, self._wizard.preview = result
        self._wizard.mapping = None  # a new file needs a new mapping
        self._show_sheets()
        self._show_status()
        self.completeChanged.emit()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._loading = False
        if not isinstance(exc, UserError):
            from ui.errors import show_error

            show_error(self, exc)
            self._error = str(exc)
        else:
            self._error = user_message(exc)
        self._show_sheets()
        self._show_status()
        self.completeChanged.emit()

    def _show_sheets(self) -> None:
        table = self._wizard.table
        names = table.sheet_names if table is not None else []
        self.sheet_combo.clear()
        self.sheet_combo.addItems(names)
        if table is not None and table.sheet:
            self.sheet_combo.setCurrentText(table.sheet)
        self.sheet_combo.setEnabled(len(names) > 1)
        self.sheet_combo.setVisible(bool(names))
        self.sheet_label.setVisible(bool(names))

    _error = ""

    def _show_status(self) -> None:
        table = self._wizard.table
        if self._loading:
            text = self.tr("Reading the file…")
        elif self._error:
            text = self._error
        elif table is None:
            text = ""
        elif table.kind == "csv":
            separator = {"\t": self.tr("tab"), ";": ";", ",": ",", "|": "|"}.get(
                table.delimiter or "", table.delimiter or "")
            text = (self.tr("Text file: encoding %1, separator “%2”, header on line %3, "
                            "about %Ln row(s).", "", table.estimated_rows)
                    .replace("%1", table.encoding or "").replace("%2", separator)
                    .replace("%3", str(table.header_row)))
        else:
            text = (self.tr("Excel workbook, sheet “%1”: header on row %2, about %Ln row(s).",
                            "", table.estimated_rows)
                    .replace("%1", table.sheet or "").replace("%2", str(table.header_row)))
        self.status.setText(text)
        self.status.setStyleSheet("font-weight: bold;" if self._error else "")

    def isComplete(self) -> bool:
        return not self._loading and self._wizard.table is not None

    @property
    def loading(self) -> bool:
        return self._loading

    def file_name(self) -> str:
        table = self._wizard.table
        return Path(table.path).name if table is not None else ""
