"""The preview: the script run exactly as a caller sees it, with a made-up contact.

It hosts the calling screen's own script panel (ui.calling.script_panel), so what an
organiser previews is what a volunteer gets; below it, once the walk ends, a summary of what
the call would save.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from app.services.scripts import CallContext, Script, ScriptRun
from ui.calling.script_panel import ScriptPanel
from ui.scripts.texts import outcome_names

PREVIEW_CONTACT = "Anna"
PREVIEW_VOLUNTEER = "Robin"


class PreviewDialog(QDialog):
    def __init__(self, script: Script, context: CallContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scriptPreview")
        self.script = script
        self.context = context
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.panel = ScriptPanel()
        self.panel.set_script(script)
        self.summary = QLabel()
        self.summary.setObjectName("previewSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.hide()
        self.panel.changed.connect(self._show_summary)
        self.restart_button = QPushButton()
        self.restart_button.clicked.connect(self.restart)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.restart_button, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.panel, 1)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        char = self.fontMetrics().averageCharWidth()
        width, height = char * 100, self.fontMetrics().lineSpacing() * 40
        screen = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        self.resize(min(width, int(screen.width() * 0.9)), min(height, int(screen.height() * 0.9)))
        self.retranslate()
        self.panel.start(context)

    @property
    def run(self) -> ScriptRun:
        run = self.panel.run
        assert run is not None
        return run

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Preview: %1").replace("%1", self.script.name))
        self.intro.setText(self.tr(
            "This is how callers will see the script. The person called is made up: %1."
        ).replace("%1", self.context.first_name))
        self.restart_button.setText(self.tr("Start &over"))
        self._show_summary()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def restart(self) -> None:
        self.panel.start(self.context)

    def _show_summary(self) -> None:
        run = self.panel.run
        if run is None or not run.finished:
            self.summary.hide()
            return
        achieved = run.achieved
        outcomes = outcome_names()
        lines = [
            self.tr("This is what the call would save:"),
            self.tr("Outcome: %1").replace(
                "%1", outcomes.get(achieved.outcome or "", achieved.outcome or "")
                if achieved.outcome else self.tr("chosen by the caller")),
            self.tr("Follow-up: %1").replace("%1", achieved.follow_up or self.tr("none")),
            self.tr("Signed up for the meeting: %1").replace(
                "%1", self.tr("yes") if achieved.meeting_signup else self.tr("no")),
            self.tr("Membership details asked: %1").replace(
                "%1", self.tr("yes") if achieved.membership else self.tr("no")),
        ]
        questions = {q.key: q for _s, q in run.script.questions()}
        for key, value in run.answers.items():
            question = questions.get(key)
            shown = value
            if question is not None and question.kind != "text":
                labels = {o.value: run.render(o.label) for o in question.options}
                values = value if isinstance(value, list) else [value]
                shown = ", ".join(labels.get(str(v), str(v)) for v in values)
            lines.append(f"{key}: {shown}")
        self.summary.setText("\n".join(lines))
        self.summary.show()
