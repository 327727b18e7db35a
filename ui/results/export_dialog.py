"""Export to Excel: choose the privacy level (safest by default) and the file, then export.

The export runs on a worker with a progress dialog whose Cancel leaves no file behind.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.progress import Progress
from app.services.reporting import export_campaign
from app.services.results import DEFAULT_PRIVACY, ExportResult, Privacy, ReportFilter
from app.settings import LANGUAGE
from ui.context import UiContext
from ui.errors import show_error
from ui.tasks import TaskHandle, run_with_progress


def suggested_name(campaign: str) -> str:
    safe = "".join(ch if ch.isalnum() or ch in " -_" else "_" for ch in campaign).strip()
    return f"{safe or 'ringkvall'}.xlsx"


class ExportDialog(QDialog):
    exported = Signal(object)  # ExportResult

    def __init__(self, ctx: UiContext, campaign_id: int, campaign_name: str,
                 flt: ReportFilter | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.campaign_id = campaign_id
        self.campaign_name = campaign_name
        self.filter = flt
        self.handle: TaskHandle | None = None
        self.setObjectName("exportDialog")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.levels = QGroupBox()
        self.radio = {p: QRadioButton() for p in (Privacy.DISTRICT, Privacy.AGGREGATE,
                                                  Privacy.FULL)}
        self.explain = {p: QLabel() for p in self.radio}
        self.group = QButtonGroup(self)
        box = QVBoxLayout(self.levels)
        for privacy, button in self.radio.items():
            button.setObjectName(f"privacy_{privacy.value}")
            self.group.addButton(button)
            explain = self.explain[privacy]
            explain.setWordWrap(True)
            explain.setIndent(self.fontMetrics().horizontalAdvance("M") * 2)
            box.addWidget(button)
            box.addWidget(explain)
            button.toggled.connect(self._level_changed)
        self.warning = QLabel()
        self.warning.setObjectName("fullWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("QLabel { border: 2px solid #b3261e; padding: 6px; }")
        self.understood = QCheckBox()
        self.understood.setObjectName("fullUnderstood")
        self.understood.toggled.connect(self._update_ok)
        self.file_label = QLabel()
        self.path = QLineEdit()
        self.path.setObjectName("exportPath")
        self.file_label.setBuddy(self.path)
        self.path.textChanged.connect(self._update_ok)
        self.choose = QPushButton()
        self.choose.clicked.connect(self._choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.choose)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setObjectName("exportOk")
        self.buttons.accepted.connect(self.start_export)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.levels)
        layout.addWidget(self.warning)
        layout.addWidget(self.understood)
        layout.addWidget(self.file_label)
        layout.addLayout(file_row)
        layout.addWidget(self.buttons)
        self.radio[DEFAULT_PRIVACY].setChecked(True)
        self.path.setText(str(Path.home() / suggested_name(campaign_name)))
        self.retranslate()
        self._level_changed()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Export to Excel"))
        self.intro.setText(self.tr("Export the results of “%1” to an Excel file. Choose how "
                                   "much personal data the file may hold.")
                           .replace("%1", self.campaign_name))
        self.levels.setTitle(self.tr("Privacy level"))
        self.radio[Privacy.DISTRICT].setText(self.tr("&District (recommended)"))
        self.explain[Privacy.DISTRICT].setText(self.tr(
            "For the district: names and numbers only of new members and of people we "
            "promised something. Every other person is a pseudonym, without notes."))
        self.radio[Privacy.AGGREGATE].setText(self.tr("&Figures only"))
        self.explain[Privacy.AGGREGATE].setText(self.tr(
            "No personal data at all: the figures per target group, day and question."))
        self.radio[Privacy.FULL].setText(self.tr("&Everything"))
        self.explain[Privacy.FULL].setText(self.tr(
            "For the association's own use: every name, number, note and answer."))
        self.warning.setText(self.tr(
            "Warning: this file will hold special-category personal data – what people said "
            "about political questions – with their names and numbers. Keep it within the "
            "association, store it safely, and delete it when it is no longer needed. Send "
            "the district the district level instead."))
        self.understood.setText(self.tr("I &understand, and will keep the file safe"))
        self.file_label.setText(self.tr("&Save as:"))
        self.choose.setText(self.tr("C&hoose…"))
        self.path.setAccessibleName(self.tr("File to save"))
        self.ok.setText(self.tr("E&xport"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def privacy(self) -> Privacy:
        for privacy, button in self.radio.items():
            if button.isChecked():
                return privacy
        return DEFAULT_PRIVACY

    def _level_changed(self, *_: object) -> None:
        full = self.privacy() is Privacy.FULL
        self.warning.setVisible(full)
        self.understood.setVisible(full)
        if not full:
            self.understood.setChecked(False)
        self._update_ok()

    def _update_ok(self, *_: object) -> None:
        ready = bool(self.path.text().strip()) and self.handle is None
        if self.privacy() is Privacy.FULL:
            ready = ready and self.understood.isChecked()
        self.ok.setEnabled(ready)

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export to Excel"), self.path.text(),
            self.tr("Excel workbooks (*.xlsx)"))
        if path:
            if not path.lower().endswith(".xlsx"):
                path += ".xlsx"
            self.path.setText(path)

    def start_export(self) -> None:
        target = Path(self.path.text().strip()).expanduser()
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        privacy = self.privacy()
        db = self.ctx.db
        language = self.ctx.settings.get(LANGUAGE)
        campaign_id = self.campaign_id
        flt = self.filter

        def work(progress: Progress) -> ExportResult:
            return export_campaign(db, campaign_id, target, privacy=privacy,
                                   language=language, flt=flt, progress=progress)

        self.handle = run_with_progress(
            self, self.ctx.runner, self.tr("Exporting to Excel…"), work,
            on_success=self._done, on_failure=self._failed, on_cancel=self._cancelled)
        self._update_ok()

    def _done(self, result: ExportResult) -> None:
        self.handle = None
        self.exported.emit(result)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.handle = None
        self._update_ok()
        show_error(self, exc, retry=self.start_export)

    def _cancelled(self) -> None:
        self.handle = None
        self._update_ok()

