"""The side panel: this volunteer's and the team's evening so far, and the campaign's goals.

On a shared database the team's figures change without this volunteer doing anything:
`LiveFigures` reads them again every few seconds while the calling screen is on view.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.services.calling import Counts, EveningStats

if TYPE_CHECKING:
    from app.progress import Progress
    from app.services.calling.evening import Evening
    from app.services.organising.evenings import EveningGoals
    from ui.context import UiContext

log = logging.getLogger(__name__)

CELEBRATION_MS = 5000
# How often the team's figures are read again: "within a few seconds" of another volunteer's
# save. Each read is the side panel's own query (app/services/calling/team.py): tonight's calls
# by index and the campaign's running totals, whatever the campaign's size.
LIVE_MS = 5000


class CountsBox(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values = [QLabel("0") for _ in range(4)]
        self.labels = [QLabel() for _ in range(4)]
        form = QFormLayout(self)
        for label, value in zip(self.labels, self.values, strict=True):
            value.setAlignment(Qt.AlignmentFlag.AlignRight)
            form.addRow(label, value)
        self.retranslate()

    def retranslate(self) -> None:
        for label, text in zip(self.labels, (self.tr("Calls"), self.tr("Conversations"),
                                             self.tr("New members"), self.tr("Follow-ups")),
                               strict=True):
            label.setText(text)

    def show_counts(self, counts: Counts) -> None:
        for value, number in zip(self.values, (counts.calls, counts.conversations,
                                               counts.recruits, counts.follow_ups), strict=True):
            value.setText(str(number))
        self.setAccessibleDescription(", ".join(
            f"{label.text()}: {value.text()}"
            for label, value in zip(self.labels, self.values, strict=True)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class EveningPanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("eveningPanel")
        self.stats: EveningStats | None = None
        self.shown = 0  # how many times figures were shown (LiveFigures drops stale ones)
        # Tonight's planned evening's goals, measured against the team's evening; without
        # them the bars show the campaign's goals against its totals.
        self.planned: EveningGoals | None = None
        self.celebration = QLabel()
        self.celebration.setObjectName("celebration")
        self.celebration.setWordWrap(True)
        self.celebration.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.celebration.setAutoFillBackground(True)
        # Highlight colours come from the palette, so it reads well in light and dark themes.
        palette = self.celebration.palette()
        palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.Highlight))
        palette.setColor(QPalette.ColorRole.WindowText,
                         palette.color(QPalette.ColorRole.HighlightedText))
        self.celebration.setPalette(palette)
        font = self.celebration.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.celebration.setFont(font)
        self.celebration.hide()
        self._hide_timer = QTimer(self)
        self._hide_timer.setSingleShot(True)
        self._hide_timer.timeout.connect(self.celebration.hide)
        self.mine = CountsBox()
        self.mine.setObjectName("myCounts")
        self.team = CountsBox()
        self.team.setObjectName("teamCounts")
        self.goals = QGroupBox()
        self.goal_calls_label = QLabel()
        self.goal_calls = QProgressBar()
        self.goal_calls.setObjectName("goalCalls")
        self.goal_conv_label = QLabel()
        self.goal_conv = QProgressBar()
        self.goal_conv.setObjectName("goalConversations")
        self.goal_rec_label = QLabel()
        self.goal_rec = QProgressBar()
        self.goal_rec.setObjectName("goalRecruits")
        goals = QVBoxLayout(self.goals)
        for widget in (self.goal_calls_label, self.goal_calls, self.goal_conv_label,
                       self.goal_conv, self.goal_rec_label, self.goal_rec):
            goals.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.celebration)
        layout.addWidget(self.mine)
        layout.addWidget(self.team)
        layout.addWidget(self.goals)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.mine.setTitle(self.tr("You tonight"))
        self.team.setTitle(self.tr("The team tonight"))
        self.goals.setTitle(self.tr("Tonight's goals") if self.planned
                            else self.tr("Campaign goals"))
        self.goal_calls_label.setText(self.tr("Calls"))
        self.goal_calls.setAccessibleName(self.tr("Calls towards tonight's goal"))
        self.goal_conv_label.setText(self.tr("Conversations"))
        self.goal_rec_label.setText(self.tr("New members"))
        self.goal_conv.setAccessibleName(self.tr("Conversations towards the goal"))
        self.goal_rec.setAccessibleName(self.tr("New members towards the goal"))
        if self.stats is not None:
            self.show_stats(self.stats)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_stats(self, stats: EveningStats) -> None:
        self.stats = stats
        self.shown += 1
        self.mine.show_counts(stats.mine)
        self.team.show_counts(stats.team)
        planned = self.planned
        if planned:
            self._goal(self.goal_calls, self.goal_calls_label, stats.team.calls, planned.calls)
            self._goal(self.goal_conv, self.goal_conv_label, stats.team.conversations,
                       planned.conversations)
            self._goal(self.goal_rec, self.goal_rec_label, stats.team.recruits,
                       planned.recruits)
            self.goals.setVisible(True)
            return
        self._goal(self.goal_calls, self.goal_calls_label, 0, None)
        self._goal(self.goal_conv, self.goal_conv_label, stats.campaign.conversations,
                   stats.goal_conversations)
        self._goal(self.goal_rec, self.goal_rec_label, stats.campaign.recruits,
                   stats.goal_recruits)
        self.goals.setVisible(bool(stats.goal_conversations or stats.goal_recruits))

    def use_planned_goals(self, goals: EveningGoals | None) -> None:
        """Measure the team's evening against tonight's planned goals (None: the campaign's)."""
        self.planned = goals
        self.retranslate()

    def _goal(self, bar: QProgressBar, label: QLabel, value: int, goal: int | None) -> None:
        visible = bool(goal)
        bar.setVisible(visible)
        label.setVisible(visible)
        if goal:
            bar.setRange(0, goal)
            bar.setValue(min(value, goal))
            bar.setFormat(self.tr("%1 of %2").replace("%1", str(value)).replace("%2", str(goal)))

    def celebrate(self, name: str) -> None:
        text = self.tr("Hooray! %1 is a new member! Well done!")
        self.celebration.setText(text.replace("%1", name))
        self.celebration.show()
        self._hide_timer.start(CELEBRATION_MS)


class LiveFigures(QObject):
    """Reads the evening's figures again every `interval_ms` while `screen` is visible, on the
    task runner, never more than one read at a time, and shows them on `panels`.

    A read that finishes after the screen showed newer figures (its own save) is dropped: the
    panel never steps back to what it showed before the save.
    """

    def __init__(self, screen: QWidget, ctx: UiContext, evening: Evening,
                 panels: Sequence[EveningPanel], interval_ms: int = LIVE_MS) -> None:
        super().__init__(screen)
        self._screen = screen
        self._ctx = ctx
        self._evening = evening
        self._panels = tuple(panels)
        for panel in self._panels:
            panel.use_planned_goals(evening.planned_goals)
        self.in_flight = False
        self.reads = 0  # finished reads (for tests)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.refresh)
        screen.installEventFilter(self)
        if screen.isVisible():
            self.timer.start()

    def set_interval(self, interval_ms: int) -> None:
        self.timer.setInterval(interval_ms)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._screen:
            if event.type() == QEvent.Type.Show:
                self.timer.start()
            elif event.type() == QEvent.Type.Hide:
                self.timer.stop()
        return False

    def refresh(self) -> None:
        if self.in_flight or not self._screen.isVisible():
            return
        from app.services.calling.team import team_figures

        self.in_flight = True
        db, evening = self._ctx.db, self._evening
        shown = tuple(panel.shown for panel in self._panels)

        def read(_progress: Progress) -> EveningStats:
            return team_figures(db, evening)

        self._ctx.runner.run(read, context=self,
                             on_success=lambda stats: self._arrived(stats, shown),
                             on_failure=self._failed)

    def _arrived(self, stats: EveningStats, shown: tuple[int, ...]) -> None:
        self.in_flight = False
        self.reads += 1
        for panel, before in zip(self._panels, shown, strict=True):
            if panel.shown == before:
                panel.show_stats(stats)

    def _failed(self, exc: BaseException) -> None:
        # The figures are a courtesy: a busy or unreachable database must not interrupt the
        # call with a message every few seconds. The next tick tries again; the screen's own
        # steps report what the volunteer has to know. A bug still reaches the log.
        self.in_flight = False
        if not isinstance(exc, UserError):
            log.warning("Could not read the evening's figures", exc_info=exc)
