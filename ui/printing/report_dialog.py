"""Resultat › Skriv ut rapport…: the campaign's one-page report, saved as a PDF or printed.

The figures are read and the page drawn on a worker (ui/tasks.py) with a progress dialog;
the PDF is written under a temporary name and renamed, so Cancel leaves no file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.progress import Progress
from app.services.lookups import campaign_name
from app.services.results.report_data import report_data
from app.settings import LANGUAGE
from ui.context import UiContext
from ui.errors import show_error
from ui.results.export_dialog import output_allowed
from ui.sizing import fit_to_screen, grow_to_fit, scrolling
from ui.tasks import TaskHandle, run_with_progress

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from ui.main_window import MainWindow


def suggested_pdf(campaign: str) -> str:
    safe = "".join(ch if ch.isalnum() or ch in " -_" else "_" for ch in campaign).strip()
    return f"{safe or 'ringkvall'}-rapport.pdf"


class ReportDialog(QDialog):
    written = Signal(object)  # the PDF's Path, or None when it went to a printer

    def __init__(self, ctx: UiContext, campaign_id: int, campaign: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.campaign_id = campaign_id
        self.campaign = campaign
        self.handle: TaskHandle | None = None
        self.confirmed: Path | None = None
        self.printer: QPrinter | None = None
        self.setObjectName("reportDialog")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.file_label = QLabel()
        self.path = QLineEdit()
        self.path.setObjectName("reportPath")
        self.file_label.setBuddy(self.path)
        self.path.textChanged.connect(self._update_buttons)
        self.choose = QPushButton()
        self.choose.setObjectName("reportChoose")
        self.choose.clicked.connect(self._choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.choose)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save.setObjectName("reportSave")
        self.print_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.setObjectName("reportPrint")
        self.print_button.clicked.connect(self.start_print)
        self.buttons.accepted.connect(self.start_save)
        self.buttons.rejected.connect(self.reject)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(self.intro)
        body_layout.addWidget(self.file_label)
        body_layout.addLayout(file_row)
        body_layout.addStretch(1)
        self.body = scrolling(body)
        layout = QVBoxLayout(self)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.buttons)
        self.path.setText(str(Path.home() / suggested_pdf(campaign)))
        self.retranslate()
        fit_to_screen(self, 34, 14)
        self.path.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, lambda: grow_to_fit(self, self.body))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Print the report"))
        self.intro.setText(self.tr(
            "The results of “%1” on one page: key figures, target groups, evening by evening "
            "and the answers. Figures only, with no names or numbers, so it can be handed "
            "out at a meeting.").replace("%1", self.campaign))
        self.file_label.setText(self.tr("&Save as:"))
        self.choose.setText(self.tr("C&hoose…"))
        self.path.setAccessibleName(self.tr("PDF file to save"))
        self.save.setText(self.tr("Save P&DF"))
        self.print_button.setText(self.tr("&Print…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _update_buttons(self, *_: object) -> None:
        idle = self.handle is None
        self.save.setEnabled(idle and bool(self.path.text().strip()))
        self.print_button.setEnabled(idle)

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the report"),
                                              self.path.text(), self.tr("PDF files (*.pdf)"))
        if path:
            if path.lower().endswith(".pdf"):
                self.confirmed = Path(path)  # the file dialog asked about replacing it
            else:
                path += ".pdf"
            self.path.setText(path)

    def target(self) -> Path:
        target = Path(self.path.text().strip()).expanduser()
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        return target

    def start_save(self) -> None:
        target = self.target()
        db = self.ctx.db
        force = output_allowed(self, target, self.confirmed, database=db)
        if force is None:
            return
        language = self.ctx.settings.get(LANGUAGE)
        campaign_id = self.campaign_id

        def work(progress: Progress) -> Path:
            from ui.printing.report_pdf import write_report_pdf

            progress.report(0, 2)
            data = report_data(db, campaign_id, language=language)
            progress.report(1, 2)
            return write_report_pdf(data, target, force=force)

        self._run(work)

    def start_print(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        chooser = QPrintDialog(printer, self)
        chooser.setWindowTitle(self.tr("Print the report"))
        if chooser.exec() != QDialog.DialogCode.Accepted:
            return
        self.printer = printer  # drawn on by the worker: kept alive until it is done
        db = self.ctx.db
        language = self.ctx.settings.get(LANGUAGE)
        campaign_id = self.campaign_id

        def work(progress: Progress) -> None:
            from ui.printing.report_pdf import paint_report

            progress.report(0, 2)
            data = report_data(db, campaign_id, language=language)
            progress.report(1, 2)
            paint_report(printer, data)

        self._run(work)

    def _run(self, work: Callable[[Progress], Path | None]) -> None:
        self.handle = run_with_progress(
            self, self.ctx.runner, self.tr("Drawing the report…"), work,
            on_success=self._done, on_failure=self._failed, on_cancel=self._cancelled)
        self._update_buttons()

    def _done(self, result: Path | None) -> None:
        self.handle = None
        self.written.emit(result)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.handle = None
        self._update_buttons()
        show_error(self, exc)

    def _cancelled(self) -> None:
        self.handle = None
        self._update_buttons()


def open_report(window: MainWindow) -> ReportDialog | None:
    """The Results menu's entry (see ui/features.py)."""
    campaign_id = window.ctx.campaign_id
    name = campaign_name(window.ctx.db, campaign_id) if campaign_id is not None else None
    if campaign_id is None or name is None:
        QMessageBox.information(window, QCoreApplication.translate("ReportDialog", "Results"),
                                QCoreApplication.translate("ReportDialog",
                                                           "Choose a campaign first."))
        return None
    dialog = ReportDialog(window.ctx, campaign_id, name, window)
    dialog.written.connect(lambda path: _written(window, path))
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog


def _written(window: MainWindow, path: Path | None) -> None:
    if path is None:
        text = QCoreApplication.translate("ReportDialog", "The report was sent to the printer")
    else:
        text = QCoreApplication.translate("ReportDialog", "Saved the report %1").replace(
            "%1", str(path))
    window.statusBar().showMessage(text, 15000)
