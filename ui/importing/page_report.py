"""Wizard page 5: the four counts, and the rejected rows to Excel."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWizardPage,
)

from app.progress import Progress
from app.services.import_support import save_rejected_rows
from ui.errors import show_error
from ui.importing.common import tr_app
from ui.sizing import keep_scaled

if TYPE_CHECKING:
    from ui.importing.wizard import ImportWizard


class ReportPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setFinalPage(True)
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.labels: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for key in ("rows", "imported", "rejected", "suppressed", "duplicate"):
            label, value = QLabel(), QLabel()
            value.setObjectName(f"count_{key}")
            keep_scaled(self, value, 1.3, bold=True)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.labels[key], self.values[key] = label, value
            self.form.addRow(label, value)
        self.note = QLabel()
        self.note.setObjectName("importNote")
        self.note.setWordWrap(True)
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveRejected")
        self.save_button.clicked.connect(self.choose_and_save)
        self.saved_label = QLabel()
        self.saved_label.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addSpacing(self.fontMetrics().height())
        layout.addWidget(self.note)
        layout.addLayout(row)
        layout.addWidget(self.saved_label)
        layout.addStretch(1)
        self._saved_to = ""
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("The list is imported"))
        self.setSubTitle(self.tr("Every row read is counted once."))
        self.labels["rows"].setText(self.tr("Rows read:"))
        self.labels["imported"].setText(self.tr("Imported, ready to call:"))
        self.labels["rejected"].setText(self.tr("Rejected, no number that can be called:"))
        self.labels["suppressed"].setText(self.tr("Left out, on the do-not-call list:"))
        self.labels["duplicate"].setText(self.tr("Left out, already in the campaign:"))
        self.save_button.setText(self.tr("&Save rejected rows to Excel…"))
        self.save_button.setAccessibleName(self.tr("Save rejected rows to Excel"))
        self.saved_label.setText(
            self.tr("Saved to %1").replace("%1", self._saved_to) if self._saved_to else "")
        self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def initializePage(self) -> None:
        self._saved_to = ""
        self.retranslate()

    def _show(self) -> None:
        report = self._wizard.report
        if report is None:
            return
        locale = QLocale()
        for key, label in self.values.items():
            label.setText(locale.toString(int(getattr(report, key))))
        notes = []
        if report.imported == 0 and report.imported_before_at is not None:
            when = report.imported_before_at.astimezone().strftime("%Y-%m-%d %H:%M")
            notes.append(self.tr("This file was imported into the campaign before (%1): it "
                                 "brought nothing new.").replace("%1", when))
        if report.rejected:
            notes.append(self.tr("You can send the rejected rows back to the district."))
        self.note.setText(" ".join(notes))
        self.note.setVisible(bool(notes))
        self.save_button.setEnabled(report.rejected > 0)

    def choose_and_save(self) -> None:
        report = self._wizard.report
        if report is None:
            return
        suggested = self.tr("%1 - rejected rows.xlsx").replace(
            "%1", Path(report.file_name).stem)
        start = self._wizard.table.path.parent if self._wizard.table is not None else Path()
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save rejected rows"), str(start / suggested),
            self.tr("Excel workbooks (*.xlsx)"))
        if path:
            if not path.lower().endswith(".xlsx"):
                path += ".xlsx"
            self.save(path)

    def save(self, path: str) -> None:
        """Write the rejected rows on a worker thread; the window stays responsive."""
        report = self._wizard.report
        assert report is not None
        db = self._wizard.ctx.db
        run_id = report.import_run_id

        def work(_progress: Progress) -> int:
            return save_rejected_rows(db, run_id, path, tr_app)

        def saved(_count: int) -> None:
            self.save_button.setEnabled(True)
            self._saved_to = path
            self.retranslate()

        def failed(exc: BaseException) -> None:
            self.save_button.setEnabled(True)
            show_error(self, exc, retry=lambda: self.save(path))

        self.save_button.setEnabled(False)
        self._wizard.ctx.runner.run(work, context=self, on_success=saved, on_failure=failed)
