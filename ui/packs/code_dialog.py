"""The pack code, asked once: typed in a dialog that runs the work (open, return, merge) off
the GUI thread and shows a refusal (a wrong code, a damaged file, another campaign's file, a
newer Ringkväll) as one line in the dialog, so the code can be typed again at once."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.progress import Progress
from ui.context import UiContext
from ui.errors import show_error, user_message
from ui.sizing import fit_to_screen, keep_scaled

CODE_ENV = "RINGKVALL_PACK_CODE"  # the same variable `ringkvall pack` reads


def code_from_environment() -> str:
    return os.environ.get(CODE_ENV, "").strip()


@dataclass(frozen=True)
class Answers:
    code: str
    name: str
    output: Path | None


class CodeDialog(QDialog):
    """Asks the code (and, when asked for, the caller's name or where to save), then runs
    `work(answers)` on the task runner's write thread; `result` holds what it returned."""

    def __init__(self, ctx: UiContext, title: str, intro: str,
                 work: Callable[[Answers], Any], parent: QWidget | None = None, *,
                 code: str = "", ask_code: bool = True, name: str | None = None,
                 output: Path | None = None, ok_text: str = "") -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._work = work
        self.result: Any = None
        self.running = False
        self.setObjectName("packCodeDialog")
        self.setWindowTitle(title)
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.code = QLineEdit(code)
        self.code.setObjectName("packCode")
        keep_scaled(self, self.code, 1.3)  # five words, read off a slip: big and clear
        self.code_label = QLabel()
        self.code_label.setBuddy(self.code)
        self.code_hint = QLabel()
        self.code_hint.setWordWrap(True)
        if ask_code:
            form.addRow(self.code_label, self.code)
        else:
            for widget in (self.code, self.code_label, self.code_hint):
                widget.hide()
        self.name: QLineEdit | None = None
        self.name_label = QLabel()
        if name is not None:
            self.name = QLineEdit(name)
            self.name.setObjectName("packVolunteerName")
            self.name_label.setBuddy(self.name)
            form.addRow(self.name_label, self.name)
        self.output: QLineEdit | None = None
        self.output_label = QLabel()
        self.choose = QPushButton()
        if output is not None:
            self.output = QLineEdit(str(output))
            self.output.setObjectName("packOutput")
            self.output_label.setBuddy(self.output)
            self.choose.clicked.connect(self._choose_output)
            row = QHBoxLayout()
            row.addWidget(self.output, 1)
            row.addWidget(self.choose)
            form.addRow(self.output_label, row)
        self.message = QLabel()
        self.message.setObjectName("packMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #a00000; font-weight: bold;")
        self.message.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setObjectName("packOk")
        self._ok_text = ok_text
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        # Above the form, not in it: a form layout gives a wrapped label too little height.
        layout.addWidget(self.code_hint)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.retranslate()
        fit_to_screen(self, width_lines=34)
        first: QWidget = self.code if ask_code and not code else self.name or self.code
        if not ask_code:
            first = self.name or self.output or self.ok
        first.setFocus()

    def run(self) -> bool:
        """Show it modally; whether the work was done. The dialog is then deleted by Qt (its
        result stays readable until the event loop runs): left to Python's garbage collector,
        a finished dialog was destroyed at a random moment later and crashed the app."""
        accepted = self.exec() == QDialog.DialogCode.Accepted
        self.deleteLater()
        return accepted

    def retranslate(self) -> None:
        self.code_label.setText(self.tr("&Code:"))
        self.code_hint.setText(self.tr("The five words on your slip, with spaces or dashes "
                                       "between them. Small or capital letters both work."))
        self.name_label.setText(self.tr("&Your name:"))
        self.output_label.setText(self.tr("&Save the results as:"))
        self.choose.setText(self.tr("C&hoose…"))
        if self._ok_text:
            self.ok.setText(self._ok_text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _choose_output(self) -> None:
        assert self.output is not None
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the results"), self.output.text(),
            self.tr("Calling packs (*.ringkvall)"))
        if path:
            if not path.lower().endswith(".ringkvall"):
                path += ".ringkvall"
            self.output.setText(path)

    def answers(self) -> Answers:
        output = None
        if self.output is not None and self.output.text().strip():
            output = Path(self.output.text().strip()).expanduser()
        name = " ".join(self.name.text().split()) if self.name is not None else ""
        return Answers(self.code.text().strip(), name, output)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def start(self) -> None:
        if self.running:
            return
        answers = self.answers()
        if self.code.isVisible() and not answers.code:
            self.show_message(self.tr("Please type the code."))
            self.code.setFocus()
            return
        if self.name is not None and not answers.name:
            self.show_message(self.tr("Please type your name."))
            self.name.setFocus()
            return
        if self.output is not None and answers.output is None:
            self.show_message(self.tr("Please choose where to save the results."))
            self.output.setFocus()
            return
        self.show_message(self.tr("Working… this takes a moment."))
        self.message.setStyleSheet("")
        self._set_running(True)
        work = self._work

        def task(_progress: Progress) -> Any:
            return work(answers)

        self.ctx.runner.run(task, context=self, on_success=self._done,
                            on_failure=self._failed, writes=True)

    def _set_running(self, running: bool) -> None:
        self.running = running
        self.buttons.setEnabled(not running)
        for field in (self.code, self.name, self.output):
            if field is not None:
                field.setReadOnly(running)

    def _done(self, result: Any) -> None:
        self._set_running(False)
        self.result = result
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_running(False)
        self.message.setStyleSheet("color: #a00000; font-weight: bold;")
        if isinstance(exc, UserError) and not getattr(exc, "retryable", False):
            # Nothing changed: say why here, and let the code be typed again.
            self.show_message(user_message(exc))
            if self.code.isVisible():
                self.code.setFocus()
                self.code.selectAll()
            return
        self.show_message("")
        show_error(self, exc, retry=self.start)

    def reject(self) -> None:
        if self.running:
            return  # the work finishes first; then the dialog closes or shows why not
        super().reject()
