"""Export to Excel: choose the privacy level (safest by default) and the file, then export.

The export runs on a worker with a progress dialog whose Cancel leaves no file behind. An
existing file is replaced only after the user said so: the file dialog asks when a file is
chosen there (Qt's default, kept), and `confirm_replace` asks for a name typed in the field.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QTimer, Signal
from PySide6.QtGui import QShowEvent
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
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.progress import Progress
from app.services.output_paths import check_output, display_path
from app.services.results import (
    DEFAULT_PRIVACY,
    ExportResult,
    Privacy,
    ReportFilter,
    export_campaign_file,
)
from app.settings import LANGUAGE
from ui.context import UiContext
from ui.errors import show_error
from ui.sizing import fit_to_screen, grow_to_fit, scrolling
from ui.tasks import TaskHandle, run_with_progress


def suggested_name(campaign: str) -> str:
    safe = "".join(ch if ch.isalnum() or ch in " -_" else "_" for ch in campaign).strip()
    return f"{safe or 'ringkvall'}.xlsx"


def confirm_replace(parent: QWidget, path: Path) -> bool:
    """Ask before an existing file is replaced; the safe answer (keep it) is the default."""
    box = QMessageBox(parent)
    box.setObjectName("replaceBox")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("ExportDialog", "Replace the file?"))
    box.setText(QCoreApplication.translate(
        "ExportDialog", "%1 already exists. Do you want to replace it?")
        .replace("%1", display_path(path)))
    replace = box.addButton(QCoreApplication.translate("ExportDialog", "&Replace"),
                            QMessageBox.ButtonRole.AcceptRole)
    replace.setObjectName("replaceButton")
    keep = box.addButton(QCoreApplication.translate("ExportDialog", "Cancel"),
                         QMessageBox.ButtonRole.RejectRole)
    keep.setObjectName("keepButton")
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is replace


def output_allowed(parent: QWidget, target: Path, confirmed: Path | None, *,
                   database: object, inputs: list[Path] | None = None) -> bool | None:
    """May the file be written? Refusals (the database, an input, a read-only file) shown
    here; an existing file asked about unless the file dialog already asked. None: no;
    else whether it is to be replaced (the service's `force`)."""
    try:
        check_output(target, database=database, inputs=inputs or (), force=True)
    except UserError as exc:
        show_error(parent, exc)
        return None
    if not os.path.lexists(target):
        return False
    if target != confirmed and not confirm_replace(parent, target):
        return None
    return True


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
        self.confirmed: Path | None = None  # a file the file dialog asked to replace
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
        # The body scrolls (large text, small screen); the buttons stay in view. A scroll
        # area also gives the wrapped texts the height they need when the warning appears,
        # where the dialog's own layout let them overlap.
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(self.intro)
        body_layout.addWidget(self.levels)
        body_layout.addWidget(self.warning)
        body_layout.addWidget(self.understood)
        body_layout.addWidget(self.file_label)
        body_layout.addLayout(file_row)
        body_layout.addStretch(1)
        self.body = scrolling(body)
        layout = QVBoxLayout(self)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.buttons)
        self.radio[DEFAULT_PRIVACY].setChecked(True)
        self.path.setText(str(Path.home() / suggested_name(campaign_name)))
        self.retranslate()
        self._level_changed()
        fit_to_screen(self, 36, 24)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self._grow)

    def _grow(self) -> None:
        grow_to_fit(self, self.body)
        if self.understood.isVisible():  # the warning and its box in sight when it scrolls
            self.body.ensureWidgetVisible(self.warning)
            self.body.ensureWidgetVisible(self.understood)

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
            "the district the district level instead. The export is written in the log "
            "(Campaign › Log), with your name on this computer."))
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
        if self.isVisible():
            QTimer.singleShot(0, self._grow)  # the warning may need more room

    def _update_ok(self, *_: object) -> None:
        ready = bool(self.path.text().strip()) and self.handle is None
        if self.privacy() is Privacy.FULL:
            ready = ready and self.understood.isChecked()
        self.ok.setEnabled(ready)

    def _choose_file(self) -> None:
        # Default options: the dialog itself asks before an existing file is chosen.
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export to Excel"), self.path.text(),
            self.tr("Excel workbooks (*.xlsx)"))
        if path:
            if path.lower().endswith(".xlsx"):
                self.confirmed = Path(path)
            else:
                path += ".xlsx"  # a name the dialog did not ask about
            self.path.setText(path)

    def start_export(self) -> None:
        target = Path(self.path.text().strip()).expanduser()
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        privacy = self.privacy()
        db = self.ctx.db
        force = output_allowed(self, target, self.confirmed, database=db)
        if force is None:
            return
        language = self.ctx.settings.get(LANGUAGE)
        campaign_id = self.campaign_id
        flt = self.filter

        def work(progress: Progress) -> ExportResult:
            return export_campaign_file(db, campaign_id, target, privacy=privacy,
                                        language=language, flt=flt, progress=progress,
                                        force=force)

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

