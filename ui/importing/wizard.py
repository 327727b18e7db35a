"""The import wizard: file and sheet, target group, mapping with preview, run, report."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QWidget, QWizard

from app.services.importing.mapping import Mapping
from app.services.importing.pipeline import ImportReport
from app.services.importing.readers import Table
from ui.context import UiContext
from ui.importing.page_file import FilePage
from ui.importing.page_group import GroupPage
from ui.importing.page_mapping import MappingPage
from ui.importing.page_report import ReportPage
from ui.importing.page_run import RunPage
from ui.sizing import fit_to_screen, scroll_contents


class ImportWizard(QWizard):
    """Holds what the pages decide; the import itself runs on the task runner's write thread."""

    imported = Signal(object)  # the ImportReport, after a successful import

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("importWizard")
        assert ctx.campaign_id is not None
        self.campaign_id: int = ctx.campaign_id
        self.table: Table | None = None
        self.preview: list[list[str]] = []
        self.mapping: Mapping | None = None
        self.group_name = ""
        self.report: ImportReport | None = None
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.file_page = FilePage(self)
        self.group_page = GroupPage(self)
        self.mapping_page = MappingPage(self)
        self.run_page = RunPage(self)
        self.report_page = ReportPage(self)
        for page in (self.file_page, self.group_page, self.mapping_page, self.run_page,
                     self.report_page):
            self.addPage(page)
            scroll_contents(page)  # large text on a small screen: the page scrolls
        fit_to_screen(self, 60, 38)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import a phone list"))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Import"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def reject(self) -> None:
        # Closing while the import runs cancels it first; the window closes once it stopped.
        if self.run_page.running:
            self.run_page.cancel(close_after=True)
            return
        super().reject()
