"""Combine district files: several associations' exports in, one district workbook out.

The district file is never one of the exports nor the database; an existing file is
replaced only after the user said so (the file dialog asks, or `confirm_replace`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.progress import Progress
from app.services.results import RollupResult, write_rollup
from app.settings import LANGUAGE
from ui.context import UiContext
from ui.errors import show_error
from ui.results.export_dialog import output_allowed
from ui.tasks import TaskHandle, run_with_progress


class RollupDialog(QDialog):
    combined = Signal(object)  # RollupResult

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.handle: TaskHandle | None = None
        self.confirmed: Path | None = None  # a file the file dialog asked to replace
        self.setObjectName("rollupDialog")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.files_label = QLabel()
        self.files = QListWidget()
        self.files.setObjectName("rollupFiles")
        self.files_label.setBuddy(self.files)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self._add_files)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self._remove_selected)
        side = QVBoxLayout()
        side.addWidget(self.add_button)
        side.addWidget(self.remove_button)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.files, 1)
        row.addLayout(side)
        self.output_label = QLabel()
        self.output = QLineEdit()
        self.output.setObjectName("rollupOutput")
        self.output.setText(str(Path.home() / "distrikt.xlsx"))
        self.output_label.setBuddy(self.output)
        self.choose = QPushButton()
        self.choose.clicked.connect(self._choose_output)
        out_row = QHBoxLayout()
        out_row.addWidget(self.output, 1)
        out_row.addWidget(self.choose)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setObjectName("rollupOk")
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.files_label)
        layout.addLayout(row, 1)
        layout.addWidget(self.output_label)
        layout.addLayout(out_row)
        layout.addWidget(self.buttons)
        self.files.model().rowsInserted.connect(self._update_ok)
        self.files.model().rowsRemoved.connect(self._update_ok)
        self.output.textChanged.connect(self._update_ok)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 40)
        self.retranslate()
        self._update_ok()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Combine district files"))
        self.intro.setText(self.tr(
            "Add the Excel files the associations exported at the district or figures-only "
            "level. Ringkväll adds up their figures per association and target group."))
        self.files_label.setText(self.tr("&Files to combine:"))
        self.add_button.setText(self.tr("&Add files…"))
        self.remove_button.setText(self.tr("&Remove"))
        self.output_label.setText(self.tr("&Save the district file as:"))
        self.choose.setText(self.tr("C&hoose…"))
        self.output.setAccessibleName(self.tr("District file to save"))
        self.ok.setText(self.tr("C&ombine"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def add_paths(self, paths: list[str]) -> None:
        present = set(self.paths())
        for path in paths:
            if path not in present:
                self.files.addItem(path)

    def paths(self) -> list[str]:
        return [self.files.item(i).text() for i in range(self.files.count())]

    def _add_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add exports"), str(Path.home()), self.tr("Excel workbooks (*.xlsx)"))
        self.add_paths(paths)

    def _remove_selected(self) -> None:
        for item in self.files.selectedItems():
            self.files.takeItem(self.files.row(item))

    def _choose_output(self) -> None:
        # Default options: the dialog itself asks before an existing file is chosen.
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the district file"), self.output.text(),
            self.tr("Excel workbooks (*.xlsx)"))
        if path:
            if path.lower().endswith(".xlsx"):
                self.confirmed = Path(path)
            else:
                path += ".xlsx"  # a name the dialog did not ask about
            self.output.setText(path)

    def _update_ok(self, *_: object) -> None:
        self.ok.setEnabled(self.files.count() > 0 and bool(self.output.text().strip())
                           and self.handle is None)

    def start(self) -> None:
        sources = [Path(p) for p in self.paths()]
        target = Path(self.output.text().strip()).expanduser()
        database = self.ctx.db if self.ctx.db_is_open else None
        force = output_allowed(self, target, self.confirmed, database=database,
                               inputs=sources)
        if force is None:
            return
        language = self.ctx.settings.get(LANGUAGE)

        def work(progress: Progress) -> RollupResult:
            return write_rollup(sources, target, language=language, progress=progress,
                                database=database, force=force)

        self.handle = run_with_progress(
            self, self.ctx.runner, self.tr("Combining district files…"), work,
            on_success=self._done, on_failure=self._failed, on_cancel=self._cancelled)
        self._update_ok()

    def _done(self, result: RollupResult) -> None:
        self.handle = None
        self.combined.emit(result)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.handle = None
        self._update_ok()
        show_error(self, exc)

    def _cancelled(self) -> None:
        self.handle = None
        self._update_ok()
