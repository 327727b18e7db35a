"""The campaign's record of processing (GDPR Art. 30): the organiser fills in what Ringkväll
cannot know, saves it, and prints the whole record to a PDF."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.progress import Progress
from app.services.privacy.record import (
    LEGAL_BASES,
    RecordFields,
    RecordView,
    processing_record,
    save_record,
)
from app.settings import LANGUAGE, VOLUNTEER_NAME
from ui.context import UiContext
from ui.errors import show_error
from ui.printing.record_pdf import write_record_pdf
from ui.results.export_dialog import output_allowed
from ui.sizing import fit_to_screen, scrolling
from ui.tasks import TaskHandle


def _text_box(text: str, lines: int = 4) -> QPlainTextEdit:
    box = QPlainTextEdit(text)
    box.setTabChangesFocus(True)  # keyboard-first: Tab leaves the box
    spacing = box.fontMetrics().lineSpacing()
    box.setMinimumHeight(spacing * lines)
    # Qt's own wish (about twelve lines) would push the dialog past a laptop's screen.
    box.setMaximumHeight(spacing * (lines + 1) + 2 * box.frameWidth() + 8)
    return box


class RecordDialog(QDialog):
    written = Signal(object)  # the PDF's Path

    def __init__(self, ctx: UiContext, campaign_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.campaign_id = campaign_id
        self.handle: TaskHandle | None = None
        self.pdf_after_save = False
        self.setObjectName("recordDialog")
        self.view = processing_record(ctx.db, campaign_id,
                                      language=str(ctx.settings.get(LANGUAGE)))
        f = self.view.fields
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.controller = QLineEdit(f.controller)
        self.contact = QLineEdit(f.contact)
        self.purpose = _text_box(f.purpose)
        self.legal_basis = QComboBox()
        self.legal_basis.setObjectName("recordLegalBasis")
        self.recipients = _text_box(f.recipients, 3)
        self.security = _text_box(f.security, 6)
        self.notes = _text_box(f.notes, 2)
        self.language = QComboBox()
        self.language.addItem("Svenska", "sv")  # each language in its own name
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(self.language.findData(
            ctx.settings.get(LANGUAGE)), 0))
        self.form = QFormLayout()
        self.labels = [QLabel() for _ in range(8)]
        for label, field in zip(self.labels, (
                self.controller, self.contact, self.purpose, self.legal_basis,
                self.recipients, self.security, self.notes, self.language), strict=True):
            label.setBuddy(field)
            label.setWordWrap(True)
            self.form.addRow(label, field)
        self.automatic = QLabel()
        self.automatic.setWordWrap(True)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(self.intro)
        body_layout.addLayout(self.form)
        body_layout.addWidget(self.automatic)
        body_layout.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = QPushButton()
        self.save_button.setObjectName("recordSave")
        self.pdf_button = QPushButton()
        self.pdf_button.setObjectName("recordPdf")
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.clicked.connect(lambda: self.save(then_pdf=False))
        self.pdf_button.clicked.connect(lambda: self.save(then_pdf=True))
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(body), 1)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.legal_basis.setCurrentIndex(max(self.legal_basis.findData(f.legal_basis), 0))
        fit_to_screen(self, 52)  # as tall as its fields need, within the screen

    def basis_text(self, code: str) -> str:
        return {
            "": self.tr("(not chosen yet)"),
            "consent": self.tr("Consent (art. 6.1 a and 9.2 a)"),
            "legitimate_interest": self.tr("Legitimate interest (art. 6.1 f)"),
            "members": self.tr("A political association's members and regular contacts "
                               "(art. 6.1 f and 9.2 d)"),
        }[code]

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Record of processing: %1").replace("%1", self.view.campaign))
        self.intro.setText(self.tr(
            "The GDPR asks the association to keep a record of how it uses personal data. "
            "Fill in what Ringkväll cannot know; the rest comes from the campaign."))
        texts = (self.tr("&Controller (the association):"),
                 self.tr("Co&ntact for data protection:"), self.tr("Pur&pose:"),
                 self.tr("&Legal basis:"), self.tr("&Recipients:"),
                 self.tr("Security &measures:"), self.tr("Other n&otes:"),
                 self.tr("Lan&guage of the PDF:"))
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        chosen = self.legal_basis.currentData()
        self.legal_basis.clear()
        for code in LEGAL_BASES:
            self.legal_basis.addItem(self.basis_text(code), code)
        self.legal_basis.setCurrentIndex(max(self.legal_basis.findData(chosen), 0))
        self.automatic.setText(self.tr(
            "Filled in from the campaign: the target groups, the kinds of data (the lists' "
            "columns and the script's questions) and the date the personal data is deleted."))
        self.save_button.setText(self.tr("Sa&ve"))
        self.pdf_button.setText(self.tr("Save and &write a PDF…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def values(self) -> RecordFields:
        return RecordFields(
            controller=self.controller.text(), contact=self.contact.text(),
            purpose=self.purpose.toPlainText(), legal_basis=str(self.legal_basis.currentData()),
            recipients=self.recipients.toPlainText(), security=self.security.toPlainText(),
            notes=self.notes.toPlainText())

    def save(self, then_pdf: bool = False) -> None:
        if self.handle is not None:
            return
        db, campaign_id, values = self.ctx.db, self.campaign_id, self.values()
        actor = str(self.ctx.settings.get(VOLUNTEER_NAME))
        language = str(self.language.currentData())
        self.pdf_after_save = then_pdf

        def work(_progress: Progress) -> RecordView:
            return save_record(db, campaign_id, values, actor=actor, language=language)

        for button in (self.save_button, self.pdf_button):
            button.setEnabled(False)
        self.handle = self.ctx.runner.run(work, context=self, writes=True,
                                          on_success=self._saved, on_failure=self._failed)

    def _saved(self, view: RecordView) -> None:
        self.handle = None
        self.view = view
        for button in (self.save_button, self.pdf_button):
            button.setEnabled(True)
        if self.pdf_after_save:
            self._choose_pdf()

    def _failed(self, exc: BaseException) -> None:
        self.handle = None
        for button in (self.save_button, self.pdf_button):
            button.setEnabled(True)
        show_error(self, exc)

    def _choose_pdf(self) -> None:
        safe = "".join(c if c.isalnum() or c in " -_" else "_" for c in self.view.campaign)
        suggested = str(Path.home() / f"{safe.strip() or 'ringkvall'}.pdf")
        path, _ = QFileDialog.getSaveFileName(self, self.pdf_button.text().replace("&", ""),
                                              suggested, self.tr("PDF files (*.pdf)"))
        if path:
            target = Path(path if path.lower().endswith(".pdf") else path + ".pdf")
            self.write_pdf(target, confirmed=target if path.lower().endswith(".pdf") else None)

    def write_pdf(self, target: Path, confirmed: Path | None = None) -> bool:
        """Draw the saved record into `target` (asking before replacing a file)."""
        force = output_allowed(self, target, confirmed, database=self.ctx.db)
        if force is None:
            return False
        language = str(self.language.currentData())
        # Read again in the PDF's language: a field left empty shows its suggestion in it.
        view = processing_record(self.ctx.db, self.campaign_id, language=language)
        try:
            write_record_pdf(view, target, language=language, force=force)
        except UserError as exc:  # the disk: full, read-only
            show_error(self, exc)
            return False
        self.written.emit(target)
        return True
