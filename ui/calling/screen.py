"""The calling screen: contact card, script, outcomes, notes, the evening beside it.

Every database step (save and show next, skip, undo) is one service call run through the task
runner's write queue; the screen only shows what comes back.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.clock import local, utcnow
from app.domain.outcomes import Outcome
from app.progress import Progress
from app.services.calling import (
    CallInput,
    ContactCard,
    EveningStats,
    FollowUpInput,
    NextContact,
    RecruitInput,
    Renewal,
    SaveConflict,
    UndoResult,
    steps,
)
from app.services.calling.evening import Evening
from app.services.calling.stats import Summary
from app.services.calling.steps import CallingSetup
from app.services.calling.when import parse_callback_time
from app.settings import CLAIM_MINUTES, LANGUAGE
from ui.calling.contact_card import ContactCardView
from ui.calling.dialogs import CallbackDialog, MembershipDialog, SkipDialog, SummaryDialog
from ui.calling.evening_panel import EveningPanel, LiveFigures
from ui.calling.outcome_bar import OutcomeBar
from ui.calling.script_panel import ScriptPanel
from ui.calling.texts import outcome_text, queue_reasons, setting_text, when_text
from ui.context import UiContext
from ui.errors import show_error, user_message
from ui.sizing import height_in_lines, labels_above_at_large_text

if TYPE_CHECKING:
    from app.services.scripts import StoredScript

LARGE_TEXT_PT = 18
OnRetry = steps.OnRetry  # told on the worker thread while a step waits for the server
RENEW_MS = 5 * 60 * 1000  # a long conversation keeps its contact reserved



@dataclass(frozen=True)
class Update:
    """What a database step hands back to the screen."""

    next: NextContact | None
    stats: EveningStats
    saved_outcome: str | None = None
    recruit_name: str = ""
    undone: UndoResult | None = None
    conflict: SaveConflict | None = None
    saved_name: str = ""  # whom the saved call was with


class CallingScreen(QWidget):
    shown_contact = Signal(object)  # ContactCard or None, after each step (for tests, too)

    def __init__(self, ctx: UiContext, evening: Evening, setup: CallingSetup,
                 window: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.evening = evening
        self.window_ = window
        self.setObjectName("callingScreen")
        self._large: bool | None = None  # text large enough for one column (_arrange)
        self.card: ContactCard | None = None
        self.busy = False
        self.started_at = utcnow()
        self.callback_at: datetime | None = None
        self.recruit: RecruitInput | None = None
        self.outcome_by_hand = False
        self.call_uuid = str(uuid.uuid4())  # the call on screen's (see _reset_call)
        self.setup = setup
        self.stored_script: StoredScript | None = setup.script
        self.script_problem = user_message(setup.problem) if setup.problem else ""
        self._build()
        self._shortcuts()
        self.retranslate()
        self._renew = QTimer(self)
        # Renew well before the claim runs out, however short the organiser set it.
        self._renew.setInterval(min(RENEW_MS, self.claim_minutes * 60 * 1000 // 2))
        self._renew.timeout.connect(self._renew_claim)
        self._renew.start()
        # The team's figures on a shared database, every few seconds while on view.
        self.live = LiveFigures(self, ctx, evening, (self.evening_panel, self.empty_panel))

    # -- building -------------------------------------------------------------------------

    def _build(self) -> None:
        self.header = QLabel()
        self.header.setObjectName("eveningHeader")
        self.header.setWordWrap(True)
        self.skip_button = QPushButton()
        self.skip_button.setObjectName("skipButton")
        self.skip_button.clicked.connect(self.skip)
        self.undo_button = QPushButton()
        self.undo_button.setObjectName("undoButton")
        self.undo_button.clicked.connect(self.undo)
        self.end_button = QPushButton()
        self.end_button.setObjectName("endEvening")
        self.end_button.clicked.connect(self.end_evening)
        for button in (self.skip_button, self.undo_button, self.end_button):
            button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)

        # Campaign settings the script needs but the organiser left empty.
        self.missing_note = QLabel()
        self.missing_note.setObjectName("missingSettings")
        self.missing_note.setWordWrap(True)
        self.missing_note.setVisible(False)
        # Said once when a save found that someone else got to the person first.
        self.conflict_notice = QLabel()
        self.conflict_notice.setObjectName("conflictNotice")
        self.conflict_notice.setWordWrap(True)
        self.conflict_notice.setVisible(False)
        # Shown when the reservation of the person on screen ran out or was lost.
        self.claim_banner = QFrame()
        self.claim_banner.setObjectName("claimBanner")
        self.claim_banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.claim_text = QLabel()
        self.claim_text.setObjectName("claimText")
        self.claim_text.setWordWrap(True)
        self.claim_go_on = QPushButton()
        self.claim_go_on.setObjectName("claimGoOn")
        self.claim_go_on.clicked.connect(self._claim_go_on)
        self.claim_next = QPushButton()
        self.claim_next.setObjectName("claimNext")
        self.claim_next.clicked.connect(self._claim_take_next)
        banner = QHBoxLayout(self.claim_banner)
        banner.addWidget(self.claim_text, 1)
        banner.addWidget(self.claim_go_on)
        banner.addWidget(self.claim_next)
        self.claim_banner.setVisible(False)
        self.claim_state: Renewal | None = None
        # Said while a save waits for a shared server that dropped the connection; it goes
        # when the step ends either way. Not a dialog: the volunteer may keep talking.
        self.reconnect_banner = QLabel()
        self.reconnect_banner.setObjectName("reconnectBanner")
        self.reconnect_banner.setWordWrap(True)
        self.reconnect_banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.reconnect_banner.setVisible(False)

        self.card_view = ContactCardView()
        self.card_view.collapsed_changed.connect(self._card_collapsed)
        self.script_panel = ScriptPanel()
        self.script_panel.set_script(self.stored_script.script if self.stored_script else None,
                                     self.script_problem)
        self.script_panel.changed.connect(self._script_changed)
        self.script_panel.answered.connect(self._script_answered)
        self.script_panel.ended.connect(self._script_ended)
        self.outcomes = OutcomeBar()
        self.outcomes.chosen.connect(self.choose_outcome)
        self.outcome_status = QLabel()
        self.outcome_status.setObjectName("outcomeStatus")
        self.outcome_status.setWordWrap(True)
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveNext")
        bold = self.save_button.font()
        bold.setBold(True)
        self.save_button.setFont(bold)
        self.save_button.clicked.connect(self.save)

        self.extras = QGroupBox()
        self.extras.setObjectName("conversationExtras")
        self.promised = QLineEdit()
        self.promised.setObjectName("followUpPromised")
        self.promised_label = QLabel()
        self.promised_label.setBuddy(self.promised)
        self.assigned = QLineEdit()
        self.assigned.setObjectName("followUpAssigned")
        self.assigned_label = QLabel()
        self.assigned_label.setBuddy(self.assigned)
        self.meeting = QCheckBox()
        self.meeting.setObjectName("meetingSignup")
        # Something the organiser should see (the inbox shows it, with the note).
        self.flag = QCheckBox()
        self.flag.setObjectName("flagForOrganiser")
        extras = QFormLayout(self.extras)
        # Labels beside their fields, above them at large text: a form that wraps "long" rows
        # asks for its height at a width, which the column around it does not give, and the
        # card above it was squeezed instead.
        labels_above_at_large_text(self, extras)
        extras.addRow(self.promised_label, self.promised)
        extras.addRow(self.assigned_label, self.assigned)
        # Side by side: a row more would push the notes out of sight on a laptop's screen.
        ticks = self.ticks = QHBoxLayout()
        ticks.setContentsMargins(0, 0, 0, 0)
        ticks.addWidget(self.meeting)
        ticks.addWidget(self.flag)
        ticks.addStretch(1)
        extras.addRow(ticks)
        self.notes_label = QLabel()
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notesForNext")
        self.notes.setTabChangesFocus(True)
        # Two lines at least (Qt's default would take three and a half, pushing the script's
        # buttons out of a 768-pixel screen), four at most; in lines of the current text size.
        height_in_lines(self.notes, minimum=2.5, maximum=4)
        self.notes_label.setBuddy(self.notes)
        notes_on = self.evening.notes_enabled
        self.notes.setVisible(notes_on)
        self.notes_label.setVisible(notes_on)

        # The parts below the card: follow-up, meeting, notes (and, with large text, the
        # evening panel). _arrange() places the pieces for the text size.
        self.rest = QWidget()
        rest = QVBoxLayout(self.rest)
        rest.setContentsMargins(0, 0, 0, 0)
        rest.addWidget(self.extras)
        rest.addWidget(self.notes_label)
        rest.addWidget(self.notes)
        rest.addStretch(1)
        self.rest_layout = rest
        self.left = QWidget()
        self.left_layout = QVBoxLayout(self.left)
        self.left_layout.setContentsMargins(0, 0, 0, 0)
        self.evening_panel = EveningPanel()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter

        call_page = QWidget()
        self.call_layout = QVBoxLayout(call_page)
        self.call_layout.setContentsMargins(0, 0, 0, 0)
        # Outcomes and Save stay in view whatever the text size; only the rest scrolls.
        self.controls = QWidget()
        self.controls.setObjectName("callControls")
        self.controls_layout = QVBoxLayout(self.controls)
        self.controls_layout.setContentsMargins(0, 0, 0, 0)
        self.controls_layout.addWidget(self.outcomes)
        # With large text the outcome column beside the call may be taller than the screen:
        # it scrolls on its own, so the window still fits a 1366×768 screen.
        self.controls_scroll = QScrollArea()
        self.controls_scroll.setObjectName("controlsScroll")
        self.controls_scroll.setWidgetResizable(True)
        self.controls_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.controls_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.controls_scroll.hide()

        self.empty_title = QLabel()
        self.empty_title.setObjectName("emptyTitle")
        font = self.empty_title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.empty_title.setFont(font)
        self.empty_reasons = QLabel()
        self.empty_reasons.setObjectName("emptyReasons")
        self.empty_reasons.setWordWrap(True)
        self.empty_reasons.setTextFormat(Qt.TextFormat.PlainText)
        self.again_button = QPushButton()
        self.again_button.setObjectName("lookAgain")
        self.again_button.clicked.connect(self.start)
        self.empty_panel = EveningPanel()
        empty_page = QWidget()
        empty_layout = QHBoxLayout(empty_page)
        empty_text = QVBoxLayout()
        empty_text.addWidget(self.empty_title)
        empty_text.addWidget(self.empty_reasons)
        row = QHBoxLayout()
        row.addWidget(self.again_button)
        row.addStretch(1)
        empty_text.addLayout(row)
        empty_text.addStretch(1)
        empty_layout.addLayout(empty_text, 3)
        empty_layout.addWidget(self.empty_panel, 1)

        self.loading = QLabel()
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.loading)
        self.pages.addWidget(call_page)
        self.pages.addWidget(empty_page)
        self.pages.currentChanged.connect(
            lambda _i: self._page_changed())
        self.call_page, self.empty_page = call_page, empty_page
        self.page_scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.pages)
        self.action_grid = QGridLayout()
        self.side = QVBoxLayout()
        body = QHBoxLayout()
        body.addWidget(scroll, 1)
        body.addLayout(self.side)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.missing_note)
        layout.addWidget(self.claim_banner)
        layout.addWidget(self.reconnect_banner)
        layout.addWidget(self.conflict_notice)
        layout.addLayout(body, 1)
        layout.addLayout(self.action_grid)
        self._arrange()

    def _arrange(self) -> None:
        """Place the parts for the text size. Normal text: three columns (card, script,
        evening) with the outcomes below. Large text (older eyes): one scrolling column (card,
        script, the rest) with the outcomes in a column beside it, so nothing is wider than
        the window and the outcome buttons stay in view."""
        large = self.font().pointSizeF() >= LARGE_TEXT_PT
        # With large text the two ticks side by side are wider than the column: one above
        # the other.
        self.ticks.setDirection(QBoxLayout.Direction.TopToBottom if large
                                else QBoxLayout.Direction.LeftToRight)
        if large == self._large:
            return
        self._large = large
        splitter = self.splitter
        for widget in (self.skip_button, self.undo_button, self.end_button, self.save_button,
                       self.outcome_status, self.controls):
            self.action_grid.removeWidget(widget)
        self.controls_layout.removeWidget(self.save_button)
        if large:
            self.call_layout.addWidget(self.outcome_status)
            for widget in (self.card_view, self.script_panel, self.rest):
                self.call_layout.addWidget(widget)
            self.rest_layout.insertWidget(self.rest_layout.count() - 1, self.evening_panel)
            splitter.hide()
            self.controls_layout.addWidget(self.save_button)
            self.controls_scroll.setWidget(self.controls)
            self.controls.show()
            self.side.addWidget(self.controls_scroll)
            self.controls_scroll.show()
            self.outcomes.set_columns(1)
            self.card_view.set_narrow(True)
            for column, button in enumerate((self.skip_button, self.undo_button,
                                             self.end_button)):
                self.action_grid.addWidget(button, 0, column)
            self.action_grid.setColumnStretch(3, 1)
        else:
            self.left_layout.addWidget(self.card_view)
            self.left_layout.addWidget(self.rest, 1)
            splitter.insertWidget(0, self.left)
            splitter.insertWidget(1, self.script_panel)
            splitter.insertWidget(2, self.evening_panel)
            for index, stretch in enumerate((4, 5, 2)):
                splitter.setStretchFactor(index, stretch)
            self.call_layout.addWidget(splitter)
            splitter.show()
            self.outcomes.set_columns(3)
            self.card_view.set_narrow(False)
            if self.controls_scroll.widget() is self.controls:
                self.controls_scroll.takeWidget()
                self.side.removeWidget(self.controls_scroll)
                self.controls_scroll.hide()
            self.action_grid.addWidget(self.controls, 0, 0, 1, 5)
            self.controls.show()
            self.call_layout.removeWidget(self.outcome_status)
            self.action_grid.addWidget(self.outcome_status, 1, 0, 1, 5)
            for column, button in enumerate((self.skip_button, self.undo_button,
                                             self.end_button)):
                self.action_grid.addWidget(button, 2, column)
            self.action_grid.setColumnStretch(3, 1)
            self.action_grid.addWidget(self.save_button, 2, 4)
        self.retranslate()
        self._fit_controls()

    def _page_changed(self) -> None:
        current = self.pages.currentWidget()
        # A stack is as tall as its tallest page; only the page shown should count, or the
        # "nobody left" page would push the script's buttons out of a laptop's screen.
        for index in range(self.pages.count()):
            page = self.pages.widget(index)
            policy = (QSizePolicy.Policy.Preferred if page is current
                      else QSizePolicy.Policy.Ignored)
            if page is not None:
                page.setSizePolicy(policy, policy)
        self.pages.updateGeometry()
        calling = current is self.call_page
        for widget in (self.controls, self.save_button, self.skip_button,
                       self.outcome_status):
            widget.setVisible(calling)
        self.controls_scroll.setVisible(calling and bool(self._large))

    def _card_collapsed(self, collapsed: bool) -> None:
        """The card folded (the call started): the script fills the view below it; or
        unfolded: the column from its top. The keys go to the script, where the call goes
        on (the button that had them is hidden). A new person's card takes them back."""
        self.script_panel.step_scroll.setMinimumHeight(0)
        if collapsed:
            # Once the card's new height is laid out.
            QTimer.singleShot(0, self._fill_with_script)
        else:
            self.page_scroll.verticalScrollBar().setValue(0)
        forward = self.script_panel.forward
        target = forward if forward.isVisibleTo(self) and forward.isEnabled() else self.notes
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fill_with_script(self) -> None:
        """The folded card's column from the card's top, past the line on choosing an
        outcome, and the script's step as tall as what the card leaves of the view (by its
        own measure it fits a few lines: the column is taller than the view anyway)."""
        if not self.card_view.collapsed:
            return
        step, panel = self.script_panel.step_scroll, self.script_panel

        def y(widget: QWidget) -> int:  # from the column's top
            return widget.mapTo(self.pages, QPoint(0, 0)).y()

        top, step_top = y(self.card_view), y(step)
        below = y(panel) + panel.height() - (step_top + step.height())
        room = self.page_scroll.viewport().height() - (step_top - top) - below
        step.setMinimumHeight(max(step.height(), room))
        self.page_scroll.verticalScrollBar().setValue(top)

    def _fit_controls(self) -> None:
        """The outcome column is as wide as its buttons, with room for its scroll bar."""
        if self._large:
            bar = self.controls_scroll.verticalScrollBar().sizeHint().width()
            # From the buttons themselves: the column's own size hint lags a re-layout.
            widest = max(b.sizeHint().width() for b in
                         (*self.outcomes.buttons.values(), self.save_button))
            margins = self.controls_layout.contentsMargins()
            self.controls_scroll.setFixedWidth(widest + margins.left() + margins.right() + bar)

    def _shortcuts(self) -> None:
        def bind(keys: str, slot: Callable[[], object]) -> QShortcut:
            shortcut = QShortcut(QKeySequence(keys), self)
            # Wherever the focus is in the window (or nowhere, after a step's buttons were
            # rebuilt): a real keyboard sends keys to the focus, not to this screen.
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)
            return shortcut

        for index, outcome in enumerate(self.outcomes.buttons, start=1):
            bind(f"Ctrl+{index}", functools.partial(self.choose_outcome, outcome))
        bind("Ctrl+Return", self.save)
        bind("Ctrl+Enter", self.save)
        bind("Ctrl+Z", self.undo)
        bind("Ctrl+Shift+S", self.skip)
        bind("Ctrl+Shift+E", self.end_evening)
        bind("Ctrl+T", self.card_view.start_timer)
        bind("Ctrl+Shift+C", self.card_view.copy_number)
        bind("F5", self._look_again)

    def retranslate(self) -> None:
        parts = [self.evening.campaign_name,
                 self.evening.group_name or self.tr("all groups"),
                 self.tr("calling: %1").replace("%1", self.evening.volunteer_name)]
        if self.evening.is_practice and not self._large:
            # On the header's line: every line above the script is one the script's buttons
            # lose on a 768-pixel screen. With large text the campaign's name says it.
            parts.append(self.tr("Practice campaign: made-up people, nobody is really "
                                 "called. Try everything!"))
        self.header.setText(" · ".join(parts))
        sep = "\n" if self._large else " "
        self.skip_button.setText(self.tr("S&kip") + f"{sep}(Ctrl+Shift+S)")
        self.skip_button.setAccessibleName(self.tr("Skip this person"))
        self.undo_button.setText(self.tr("&Undo last call") + f"{sep}(Ctrl+Z)")
        self.undo_button.setAccessibleName(self.tr("Undo the last saved call"))
        self.end_button.setText(self.tr("&End the evening") + f"{sep}(Ctrl+Shift+E)")
        self.end_button.setAccessibleName(self.tr("End the evening"))
        self.save_button.setText(self.tr("Save an&d show next") + f"{sep}(Ctrl+Return)")
        self.save_button.setAccessibleName(self.tr("Save the call and show the next person"))
        self.extras.setTitle(self.tr("If you talked"))
        self.promised_label.setText(self.tr("Follow-up: what was prom&ised"))
        self.promised.setAccessibleName(self.tr("Follow-up: what was promised"))
        self.promised.setPlaceholderText(self.tr("e.g. send the invitation by email"))
        self.assigned_label.setText(self.tr("&Who follows up"))
        self.assigned.setAccessibleName(self.tr("Who follows up"))
        self.meeting.setText(self.tr("Signed up for the &meeting"))
        self.meeting.setAccessibleName(self.tr("Signed up for the meeting"))
        self.flag.setText(self.tr("Flag the call: a &query for the organiser"))
        self.flag.setAccessibleName(self.tr("Flag for the organiser"))
        self.notes_label.setText(self.tr("N&otes for the next caller"))
        self.notes.setAccessibleName(self.tr("Notes for the next caller"))
        self.again_button.setText(self.tr("Look a&gain") + " (F5)")
        self.loading.setText(self.tr("Finding the next person…"))
        self.claim_go_on.setText(self.tr("Go on with this call"))
        self.claim_next.setText(self.tr("Take the next person"))
        self.reconnect_banner.setText(self.tr("The connection to the server was lost. "
                                              "Trying again…"))
        self._show_claim_state()
        self._update_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.FontChange and getattr(self, "_large", None) is not None:
            self._arrange()
            self._fit_controls()
        super().changeEvent(event)

    # -- running database steps -----------------------------------------------------------

    def _run(self, work: Callable[[OnRetry], Update]) -> None:
        self.busy = True
        self._set_enabled(False)

        def task(progress: Progress) -> Update:
            # A retry is told on the worker thread: the task's progress signal brings it here.
            return work(lambda attempt, _wait: progress.report(attempt))

        handle = self.ctx.runner.run(task, context=self, on_success=self._done,
                                     on_failure=lambda exc: self._failed(exc, work),
                                     writes=True)
        handle.progressed.connect(self._reconnecting)

    def _reconnecting(self, _attempt: int, _total: int, _text: str) -> None:
        self.reconnect_banner.setVisible(True)

    def _set_enabled(self, on: bool) -> None:
        for widget in (self.save_button, self.skip_button, self.undo_button, self.outcomes):
            widget.setEnabled(on)

    def _failed(self, exc: BaseException, work: Callable[[OnRetry], Update]) -> None:
        self.busy = False
        self._set_enabled(True)
        self.reconnect_banner.setVisible(False)
        show_error(self, exc, retry=lambda: self._run(work))

    @property
    def claim_minutes(self) -> int:
        return self.ctx.settings.get(CLAIM_MINUTES)

    def start(self) -> None:
        """Show the first (or next) contact."""
        if self.busy:
            return
        if self.card is None:
            self.pages.setCurrentWidget(self.loading)
        ev, db = self.evening, self.ctx.db
        minutes = self.claim_minutes
        showing = (self.card.contact_id, self.card.claim_token) if self.card else None

        def work(on_retry: OnRetry) -> Update:
            step = steps.show_next(db, ev, minutes, showing, on_retry=on_retry)
            return Update(step.next, step.stats)

        self._run(work)

    def _look_again(self) -> None:
        if self.pages.currentWidget() is self.empty_page:
            self.start()

    def _done(self, update: Update) -> None:
        self.busy = False
        self._set_enabled(True)
        self.reconnect_banner.setVisible(False)
        self.evening_panel.show_stats(update.stats)
        self.empty_panel.show_stats(update.stats)
        if update.saved_outcome == Outcome.RECRUITED.value:
            self.evening_panel.celebrate(update.recruit_name)
        if update.saved_outcome is not None:
            self.ctx.events.changed.emit("calls")
            self._show_conflict(update.conflict, update.saved_name)
        if update.undone is not None:
            self._restore(update.undone)
            return
        following = update.next
        if following is not None and following.card is not None:
            self._show_card(following.card)
        else:
            self._show_empty(following)

    def _show_card(self, card: ContactCard) -> None:
        self.card = card
        self.claim_state = None
        self._show_claim_state()
        self.started_at = card.shown_at or utcnow()
        self.card_view.show_card(card)
        self.pages.setCurrentWidget(self.call_page)
        self._reset_call()
        context = self.setup.context_for(card.first_name, self.evening.volunteer_name,
                                         self.ctx.settings.get(LANGUAGE))
        self.script_panel.start(context)
        self._show_missing(context)
        self.card_view.timer_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.shown_contact.emit(card)

    def _restore(self, undone: UndoResult) -> None:
        """Undo: the whole call back as it was saved, ready to correct."""
        self._show_card(undone.card)
        self.script_panel.restore(undone.answers)
        self.notes.setPlainText(undone.notes)
        if undone.follow_up is not None:
            self.promised.setText(undone.follow_up.promised)
            self.assigned.setText(undone.follow_up.assigned_to)
        self.meeting.setChecked(undone.meeting_signup)
        self.flag.setChecked(undone.flagged)
        self.recruit = undone.recruit
        self.callback_at = undone.callback_at
        self._membership_asked = True  # the details are back: no form popping up again
        self._set_outcome(undone.outcome, by_hand=True)
        self.outcome_status.setText(
            self.tr("Undone: %1. Correct it and save again.")
            .replace("%1", outcome_text(undone.outcome)))

    def _show_missing(self, context: object) -> None:
        from app.services.scripts import CallContext, missing_settings

        script = self.script_panel.script
        missing = (missing_settings(script, context)
                   if script is not None and isinstance(context, CallContext) else [])
        if not missing:
            self.missing_note.setVisible(False)
            return
        names = ", ".join(setting_text(name) for name in missing)
        self.missing_note.setText(self.tr(
            "The campaign's settings lack: %1. The script shows … there. Ask the organiser to "
            "fill them in under Campaign › Campaign settings.").replace("%1", names))
        self.missing_note.setVisible(True)

    def _show_empty(self, following: NextContact | None) -> None:
        self.card = None
        self.claim_state = None
        self._show_claim_state()
        self._reset_call()
        state = following.state if following is not None else None
        if state is not None and state.outside_hours:
            self.empty_title.setText(self.tr("Outside calling hours"))
        elif state is not None and state.all_done:
            self.empty_title.setText(self.tr("Everyone has been called!"))
        else:
            self.empty_title.setText(self.tr("Nobody to call right now"))
        self.empty_reasons.setText("\n\n".join(queue_reasons(state)) if state else "")
        self.pages.setCurrentWidget(self.empty_page)
        self.again_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.shown_contact.emit(None)

    def _reset_call(self) -> None:
        # One call, one UUID, however often its save is tried again (after "connection lost",
        # Save pressed anew): the server stores it once even when a lost answer hid that an
        # earlier try was stored.
        self.call_uuid = str(uuid.uuid4())
        self.callback_at = None
        self.recruit = None
        self.outcome_by_hand = False
        self._membership_asked = False
        self._contradiction_ok = False
        self.outcomes.select(None)
        self.promised.clear()
        self.assigned.clear()
        self.meeting.setChecked(False)
        self.flag.setChecked(False)
        self.notes.clear()
        self._update_status()

    # -- outcomes -------------------------------------------------------------------------

    def choose_outcome(self, outcome: str) -> None:
        if self.card is None or self.busy:
            return
        if outcome == Outcome.CALLBACK.value and not self._ask_callback():
            self._set_outcome(None, by_hand=False)
            return
        if outcome == Outcome.RECRUITED.value and not self._ask_membership():
            self._set_outcome(None, by_hand=False)
            return
        self._set_outcome(outcome, by_hand=True)

    def _set_outcome(self, outcome: str | None, *, by_hand: bool) -> None:
        self.outcomes.select(outcome)
        self.outcome_by_hand = by_hand and outcome is not None
        self._update_status()

    def _ask_callback(self, said: str = "") -> bool:
        dialog = CallbackDialog(self, said=said)
        if dialog.exec() != CallbackDialog.DialogCode.Accepted:
            return False
        self.callback_at = dialog.when()
        return True

    def consent_text(self) -> str:
        text = self.stored_script.consent_text if self.stored_script else ""
        if not text.strip():
            text = self.tr(
                "I want to become a member of {association}. I agree that the association keeps "
                "my name and contact details in its member register while I am a member.")
        association = self.setup.context_for("", "", "sv").association
        return text.replace("{association}", association or self.tr("the association"))

    def _ask_membership(self) -> bool:
        assert self.card is not None
        phone = self.card_view.phone()
        dialog = MembershipDialog(self.card, self.consent_text(),
                                  phone.national if phone else "", self, filled=self.recruit)
        if dialog.exec() != MembershipDialog.DialogCode.Accepted:
            return False
        self.recruit = dialog.recruit()
        return True

    def _update_status(self) -> None:
        outcome = self.outcomes.selected()
        if self.card is None:
            self.outcome_status.clear()
            return
        if outcome is None:
            self.outcome_status.setText(self.tr("Choose what happened (Ctrl+1 … Ctrl+9), then "
                                                "save with Ctrl+Return."))
            return
        text = self.tr("Outcome: %1").replace("%1", outcome_text(outcome))
        if outcome == Outcome.CALLBACK.value and self.callback_at is not None:
            text += " – " + self.tr("call back %1").replace("%1", when_text(self.callback_at))
        if outcome == Outcome.RECRUITED.value and self.recruit is not None:
            text += " – " + self.tr("membership form filled in")
        if outcome == Outcome.DO_NOT_CALL.value:
            text += " – " + self.tr("all their numbers go on the do-not-call list when you save")
        self.outcome_status.setText(text)

    def _script_changed(self) -> None:
        run = self.script_panel.run
        if run is None or self.card is None:
            return
        achieved = run.achieved
        if achieved.follow_up and not self.promised.text().strip():
            self.promised.setText(achieved.follow_up)
        if achieved.meeting_signup:
            self.meeting.setChecked(True)
        if achieved.outcome and not self.outcome_by_hand:
            # The script's suggestion; the volunteer can still pick another outcome by hand.
            self._set_outcome(achieved.outcome, by_hand=False)
        if run.finished or self._membership_asked:
            return
        if run.current.effects.membership and self.recruit is None:
            # The script reached the membership form: open it now, not at save. After the
            # click that got here has finished, so the dialog takes the keyboard.
            self._membership_asked = True
            QTimer.singleShot(0, self._membership_from_script)

    def _membership_from_script(self) -> None:
        if self.card is None or self.busy or self.recruit is not None:
            return
        if self._ask_membership():
            # A filled-in form settles it, whatever was picked by hand before; the form was
            # the step's whole purpose, so the script goes on to the next one.
            self._set_outcome(Outcome.RECRUITED.value, by_hand=False)
            run = self.script_panel.run
            if run is not None and not run.finished and run.current.effects.membership:
                self.script_panel.go_on()
                return
        self._focus_after_dialog()

    def _script_answered(self, step: object, value: object) -> None:
        """A callback time typed in the script is the callback's time: not asked again."""
        from app.services.scripts import Step

        if not isinstance(step, Step) or step.effects.outcome != Outcome.CALLBACK.value:
            return
        if step.question is None or step.question.kind != "text" or not isinstance(value, str):
            return
        when = parse_callback_time(value, local(utcnow()))
        if when is not None:
            self.callback_at = when
            self._update_status()
            return
        QTimer.singleShot(0, lambda: self._callback_from_script(value))

    def _callback_from_script(self, said: str) -> None:
        if self.card is None or self.busy or self.callback_at is not None:
            return
        if self._ask_callback(said):
            if not self.outcome_by_hand:
                self._set_outcome(Outcome.CALLBACK.value, by_hand=False)
            self._update_status()
        self._focus_after_dialog()

    def _script_ended(self) -> None:
        """Nothing left to answer: Ctrl+Return (or Enter here) saves."""
        if self.card is not None:
            self.save_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _focus_after_dialog(self) -> None:
        run = self.script_panel.run
        widget = self.script_panel.first_answer_widget()
        if widget is None and run is not None and not run.finished:
            widget = self.script_panel.forward
        (widget or self.save_button).setFocus(Qt.FocusReason.OtherFocusReason)

    # -- saving, skipping, undo -----------------------------------------------------------

    def save(self) -> None:
        if self.card is None or self.busy:
            return
        outcome = self.outcomes.selected()
        if outcome is None:
            QMessageBox.information(self, self.tr("Save the call"),
                                    self.tr("First choose what happened: press Ctrl+1 … Ctrl+9 "
                                            "or click an outcome."))
            return
        if outcome == Outcome.CALLBACK.value and self.callback_at is None \
                and not self._ask_callback():
            return
        if outcome == Outcome.RECRUITED.value and self.recruit is None \
                and not self._ask_membership():
            return
        if not self._confirm_against_script(outcome):
            return
        card = self.card
        phone = self.card_view.phone()
        promised = self.promised.text().strip()
        started = self.started_at
        if self.card_view.timer_running():
            started = utcnow() - timedelta(seconds=self.card_view.elapsed_seconds())
        call = CallInput(
            contact_id=card.contact_id, claim_token=card.claim_token,
            seen_version=card.state_version, outcome=outcome,
            volunteer_id=self.evening.volunteer_id,
            phone_number_id=phone.id if phone else None, started_at=started,
            notes=self.notes.toPlainText() if self.evening.notes_enabled else "",
            answers=self.script_panel.answers(),
            script_id=self.stored_script.id if self.stored_script else None,
            callback_at=self.callback_at if outcome == Outcome.CALLBACK.value else None,
            follow_up=FollowUpInput(promised, self.assigned.text()) if promised else None,
            meeting_signup=self.meeting.isChecked(),
            recruit=self.recruit if outcome == Outcome.RECRUITED.value else None,
            flag_for_organiser=self.flag.isChecked(),
            call_uuid=self.call_uuid,
        )
        ev, db = self.evening, self.ctx.db
        minutes = self.claim_minutes
        name = (f"{self.recruit.first_name} {self.recruit.last_name}".strip()
                if self.recruit else card.name)

        def work(on_retry: OnRetry) -> Update:
            step = steps.save_and_next(db, ev, call, minutes, on_retry=on_retry)
            return Update(step.next, step.stats, outcome, name, conflict=step.conflict,
                          saved_name=card.name)

        self._run(work)

    def _confirm_against_script(self, outcome: str) -> bool:
        """A hand-picked outcome the script's answers contradict is asked about, once."""
        run = self.script_panel.run
        suggested = run.achieved.outcome if run is not None else None
        if not self.outcome_by_hand or suggested is None or suggested == outcome \
                or self._contradiction_ok:
            return True
        if (suggested, outcome) == (Outcome.CONVERSATION.value, Outcome.RECRUITED.value):
            return True  # a member is a conversation that went further than the script has
        answer = QMessageBox.question(
            self, self.tr("Save the call"),
            self.tr("The script's answers say “%1”, but you chose “%2”. Save the call as “%2”?")
            .replace("%1", outcome_text(suggested)).replace("%2", outcome_text(outcome)))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self._contradiction_ok = True
        return True

    def skip(self) -> None:
        if self.card is None or self.busy:
            return
        dialog = SkipDialog(self)
        if dialog.exec() != SkipDialog.DialogCode.Accepted:
            return
        card, reason, ev, minutes = self.card, dialog.text(), self.evening, self.claim_minutes
        db = self.ctx.db

        def work(on_retry: OnRetry) -> Update:
            step = steps.skip_and_next(db, ev, card.contact_id, card.claim_token, reason,
                                       minutes, on_retry=on_retry)
            return Update(step.next, step.stats)

        self._run(work)

    def undo(self) -> None:
        if self.busy:
            return
        ev, db, minutes = self.evening, self.ctx.db, self.claim_minutes
        showing = (self.card.contact_id, self.card.claim_token) if self.card else None

        def work(_on_retry: OnRetry) -> Update:
            step = steps.undo_last(db, ev, minutes, showing)
            return Update(None, step.stats, undone=step.undone)

        self._run(work)

    def _renew_claim(self) -> None:
        card = self.card
        if card is None or self.busy or self.claim_state is Renewal.LOST:
            return
        db, minutes = self.ctx.db, self.claim_minutes

        def task(_progress: Progress) -> Renewal:
            return steps.keep_claim(db, card.contact_id, card.claim_token, minutes)

        def renewed(result: Renewal) -> None:
            if self.card is not card or result is Renewal.KEPT:
                return
            self.claim_state = result
            self._show_claim_state()

        # A failed renewal is not worth a dialog: the next one tries again, and a save
        # stores the call whatever happened to the claim.
        self.ctx.runner.run(task, context=self, on_success=renewed,
                            on_failure=lambda _exc: None, writes=True)

    def _show_claim_state(self) -> None:
        state, card = self.claim_state, self.card
        if state is None or card is None:
            self.claim_banner.setVisible(False)
            return
        if state is Renewal.LOST:
            text = self.tr("Your reservation of %1 ran out and someone else may be calling "
                           "them now. Your call is still saved if you go on, but it will not "
                           "undo what the other caller saved.")
        else:
            text = self.tr("Your reservation of %1 ran out while the computer was idle. "
                           "Nobody else has taken them, so you can go on.")
        self.claim_text.setText(text.replace("%1", card.name))
        self.claim_banner.setVisible(True)

    def _claim_go_on(self) -> None:
        self.claim_banner.setVisible(False)

    def _claim_take_next(self) -> None:
        self.claim_state = None
        self.claim_banner.setVisible(False)
        self.start()

    def _show_conflict(self, conflict: SaveConflict | None, name: str) -> None:
        if conflict is None:
            self.conflict_notice.setVisible(False)
            return
        if conflict.other_saved_at is not None:
            text = self.tr("%1 was also called by %2 at %3. Your call is saved.") \
                .replace("%2", conflict.other_volunteer or self.tr("another caller")) \
                .replace("%3", when_text(conflict.other_saved_at))
        else:
            text = self.tr("%1 was changed by someone else while you called (for example put "
                           "on the do-not-call list). Your call is saved.")
        self.conflict_notice.setText(text.replace("%1", name))
        self.conflict_notice.setVisible(True)

    # -- leaving --------------------------------------------------------------------------

    def can_leave(self) -> bool:
        """Asked by the window before it leaves this screen: confirm, then give back the
        contact on screen so another caller can have it."""
        if self.busy:
            # Let a save in flight finish and show its next contact, so that one is released.
            self.ctx.runner.wait(10_000)
            QCoreApplication.processEvents()
        if self.card is not None and self.outcomes.selected() is not None:
            answer = QMessageBox.question(
                self, self.tr("Leave the calling screen"),
                self.tr("The call with %1 is not saved. Leave without saving?")
                .replace("%1", self.card.name))
            if answer != QMessageBox.StandardButton.Yes:
                return False
        self.release()
        return True

    def release(self) -> None:
        """Give the contact on screen back to the queue, through the write queue (the app
        waits for it before it exits). If it fails, the claim simply expires."""
        self._renew.stop()
        if self.card is None:
            return
        card, self.card, db = self.card, None, self.ctx.db

        def task(_progress: Progress) -> None:
            steps.release(db, card.contact_id, card.claim_token)

        self.ctx.runner.run(task, context=self.ctx.runner, on_failure=lambda _exc: None,
                            writes=True)

    def summary_dialog(self, summary: Summary) -> SummaryDialog:
        return SummaryDialog(summary, self.evening.volunteer_name, self)

    def end_evening(self) -> None:
        if self.busy:
            return
        if not self.can_leave():
            return
        db, evening = self.ctx.db, self.evening

        def task(_progress: Progress) -> Summary:
            return steps.evening_summary(db, evening)

        def home() -> None:
            if self.window_ is not None:
                self.window_.evening_over()

        def show(summary: Summary) -> None:
            self.summary_dialog(summary).exec()
            home()

        def failed(exc: BaseException) -> None:
            show_error(self, exc)  # the evening is over whatever the summary would say
            home()

        self.ctx.runner.run(task, context=self, on_success=show, on_failure=failed)
