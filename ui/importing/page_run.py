"""Wizard page 4: the import itself, on the write thread, with progress and Cancel."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWizardPage,
)

from app.errors import UserError
from app.progress import Progress
from app.services.importing.pipeline import ImportReport, import_table
from app.settings import PHONE_REGION
from ui.errors import show_error, user_message
from ui.tasks import TaskHandle

if TYPE_CHECKING:
    from ui.importing.wizard import ImportWizard


class RunPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self._handle: TaskHandle | None = None
        self._close_after = False
        self._state = "idle"  # idle, running, cancelling, cancelled, failed, done
        self._failure = ""
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.status = QLabel()
        self.status.setObjectName("importRunStatus")
        self.status.setWordWrap(True)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("importCancel")
        self.cancel_button.clicked.connect(lambda: self.cancel())
        self.retry_button = QPushButton()
        self.retry_button.setObjectName("importRetry")
        self.retry_button.clicked.connect(self.start)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addSpacing(self.fontMetrics().height())
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Importing"))
        self.setSubTitle(self.tr("Nothing is saved until the whole list has been read."))
        table = self._wizard.table
        self.summary.setText(
            self.tr("“%1” into the target group “%2”.")
            .replace("%1", table.path.name if table is not None else "")
            .replace("%2", self._wizard.group_name))
        self.cancel_button.setText(self.tr("&Stop the import"))
        self.cancel_button.setAccessibleName(self.tr("Stop the import"))
        self.retry_button.setText(self.tr("&Try again"))
        self.progress.setAccessibleName(self.tr("Import progress"))
        self.status.setText({
            "running": self.tr("Reading and checking the rows…"),
            "cancelling": self.tr("Stopping…"),
            "cancelled": self.tr("The import was stopped. Nothing was saved."),
            "failed": self._failure,
            "done": self.tr("Done."),
        }.get(self._state, ""))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @property
    def running(self) -> bool:
        return self._state in ("running", "cancelling")

    def initializePage(self) -> None:
        self.start()

    def start(self) -> None:
        wizard = self._wizard
        table, mapping = wizard.table, wizard.mapping
        assert table is not None and mapping is not None
        campaign_id, group = wizard.campaign_id, wizard.group_name
        region = wizard.ctx.settings.get(PHONE_REGION)
        db = wizard.ctx.db

        def work(progress: Progress) -> ImportReport:
            return import_table(db, table, mapping, campaign=campaign_id, group=group,
                                region=region, progress=progress)

        self._set_state("running")
        self.progress.setRange(0, 0)
        # Not on the single write thread: the import commits in short steps of its own, and
        # holding that thread for minutes would make this laptop's own saves wait behind it.
        handle = wizard.ctx.runner.run(
            work, context=self, on_success=self._succeeded, on_failure=self._failed,
            on_cancel=self._cancelled, writes=False)
        handle.progressed.connect(self._progressed)
        handle.finished.connect(self._finished)
        self._handle = handle

    def cancel(self, close_after: bool = False) -> None:
        self._close_after = self._close_after or close_after
        if self._handle is not None and self.running:
            self._handle.cancel()
            self._set_state("cancelling")

    def _progressed(self, done: int, total: int, _text: str) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
        self.status.setText(self.tr("%Ln row(s) read…", "", done))

    def _succeeded(self, report: ImportReport) -> None:
        self._wizard.report = report
        self._set_state("done")
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self._wizard.imported.emit(report)

    def _failed(self, exc: BaseException) -> None:
        self._failure = (user_message(exc) if isinstance(exc, UserError)
                         else self.tr("The import failed. Nothing was saved."))
        self._set_state("failed")
        if not self._close_after:
            show_error(self, exc)

    def _cancelled(self) -> None:
        self._set_state("cancelled")

    def _finished(self) -> None:
        self._handle = None
        if self._close_after:
            QTimer.singleShot(0, self._wizard.reject)
        elif self._state == "done":
            QTimer.singleShot(0, self._wizard.next)

    def _set_state(self, state: str) -> None:
        self._state = state
        self.cancel_button.setEnabled(state == "running")
        self.cancel_button.setVisible(state in ("running", "cancelling"))
        self.retry_button.setVisible(state in ("cancelled", "failed"))
        if state in ("cancelled", "failed"):
            self.progress.setRange(0, 1)
            self.progress.setValue(0)
        self.retranslate()
        self.completeChanged.emit()

    @property
    def state(self) -> str:
        return self._state

    def isComplete(self) -> bool:
        return self._state == "done"
