"""Inkorg: what was promised or must be passed on after the calls (follow-ups, callbacks that
need a person, wrong numbers for the district, new members for the register, flagged calls),
with filters, an owner, a due date and "klar" on one key (Space)."""

from __future__ import annotations

from datetime import UTC, datetime, time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.clock import local, utcnow
from app.errors import UserError
from app.progress import Progress
from app.services.organising.evenings import parse_day
from app.services.organising.inbox import (
    ALL,
    CALLBACK,
    DONE,
    FLAGGED,
    FOLLOW_UP,
    KINDS,
    NEW_MEMBER,
    OPEN,
    WRONG_NUMBER,
    InboxEntry,
    InboxFilter,
    inbox,
    mark_done,
    set_details,
)
from app.settings import VOLUNTEER_NAME
from ui.context import UiContext
from ui.date_field import DateField
from ui.errors import show_error
from ui.list_table import list_table
from ui.sizing import keep_scaled, scroll_contents

if TYPE_CHECKING:
    from ui.main_window import MainWindow

COLUMNS = 8


class InboxPage(QWidget):
    back_requested = Signal()

    def __init__(self, ctx: UiContext, campaign_id: int | None, campaign: str,
                 parent: QWidget | None = None, now: datetime | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.campaign_id = campaign_id
        self.campaign = campaign
        self.now = now  # fixed in tests; else the clock at each load
        self.entries: list[InboxEntry] = []
        self.loads = 0  # finished loads, for tests
        self.setObjectName("inboxPage")
        self.title = QLabel()
        keep_scaled(self, self.title, 1.4, bold=True)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.kind = QComboBox()
        self.kind.setObjectName("inboxKind")
        self.state = QComboBox()
        self.state.setObjectName("inboxState")
        self.owner_filter = QLineEdit()
        self.owner_filter.setObjectName("inboxOwnerFilter")
        self.overdue = QCheckBox()
        self.overdue.setObjectName("inboxOverdue")
        self.kind_label, self.state_label, self.owner_filter_label = QLabel(), QLabel(), QLabel()
        self.kind_label.setBuddy(self.kind)
        self.state_label.setBuddy(self.state)
        self.owner_filter_label.setBuddy(self.owner_filter)
        self.kind.currentIndexChanged.connect(self.refresh)
        self.state.currentIndexChanged.connect(self.refresh)
        self.owner_filter.editingFinished.connect(self.refresh)
        self.overdue.toggled.connect(self.refresh)
        self.table = list_table("inboxTable", COLUMNS, wrap=True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.installEventFilter(self)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.owner = QLineEdit()
        self.owner.setObjectName("inboxOwner")
        self.owner_label = QLabel()
        self.owner_label.setBuddy(self.owner)
        self.due = DateField(None, lambda: local(self._now()).date())
        self.due.setObjectName("inboxDue")
        self.due_label = QLabel()
        self.due_label.setBuddy(self.due)
        self.save_button = QPushButton()
        self.save_button.setObjectName("inboxSave")
        self.save_button.clicked.connect(self.save_details)
        for edit in (self.owner, self.due.line):
            edit.returnPressed.connect(self.save_details)
        self.done_button = QPushButton()
        self.done_button.setObjectName("inboxDone")
        self.done_button.clicked.connect(self.toggle_done)
        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.back_requested)
        self.status = QLabel()
        self.status.setObjectName("inboxStatus")
        self.status.setWordWrap(True)
        # Ctrl+Return marks the chosen item done from anywhere on the page.
        done_key = QShortcut(QKeySequence("Ctrl+Return"), self)
        done_key.activated.connect(self.toggle_done)
        filters = QGridLayout()
        filters.addWidget(self.kind_label, 0, 0)
        filters.addWidget(self.kind, 0, 1)
        filters.addWidget(self.state_label, 0, 2)
        filters.addWidget(self.state, 0, 3)
        filters.addWidget(self.owner_filter_label, 1, 0)
        filters.addWidget(self.owner_filter, 1, 1)
        filters.addWidget(self.overdue, 1, 2, 1, 2)
        filters.setColumnStretch(1, 1)
        filters.setColumnStretch(3, 1)
        details = QGridLayout()
        details.addWidget(self.owner_label, 0, 0)
        details.addWidget(self.owner, 0, 1)
        details.addWidget(self.due_label, 1, 0)
        details.addWidget(self.due, 1, 1)
        details.addWidget(self.save_button, 1, 2)
        details.setColumnStretch(1, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.done_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(details)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        # At large text on a small screen the page scrolls rather than grow past the screen.
        scroll_contents(self)
        ctx.events.changed.connect(self._data_changed)
        self.retranslate()
        self._selection_changed()
        self.refresh()

    # -- texts ------------------------------------------------------------------------------

    def kind_text(self, kind: str) -> str:
        return {FOLLOW_UP: self.tr("Follow-up"), CALLBACK: self.tr("Callback"),
                WRONG_NUMBER: self.tr("Wrong number"), NEW_MEMBER: self.tr("New member"),
                FLAGGED: self.tr("Flagged")}.get(kind, kind)

    def _what(self, entry: InboxEntry) -> str:
        if entry.kind == FLAGGED:
            return {"revoked": self.tr("From a calling pack that was taken back"),
                    "expired": self.tr("From a calling pack after its last day"),
                    # A caller's flag carries the call's note; without one, only the flag.
                    "": self.tr("Flagged by the caller")}.get(entry.what, entry.what)
        if entry.kind == WRONG_NUMBER:
            return self.tr("Report to the district")
        if entry.kind == NEW_MEMBER:
            return self.tr("Hand over to the membership register: %1").replace(
                "%1", entry.what)
        if entry.kind == CALLBACK and not entry.what:
            return self.tr("Asked to be called back when the queue cannot")
        return entry.what

    def retranslate(self) -> None:
        scope = self.campaign or self.tr("all campaigns")
        self.title.setText(self.tr("Inbox: %1").replace("%1", scope))
        self.intro.setText(self.tr(
            "What was promised on the phone or must be passed on. Give each item an owner "
            "and a day; press Space (or Ctrl+Enter) when it is done."))
        kind, state = self.kind.currentIndex(), self.state.currentIndex()
        self.kind.blockSignals(True)
        self.kind.clear()
        self.kind.addItem(self.tr("All kinds"), None)
        for k in KINDS:
            self.kind.addItem(self.kind_text(k), k)
        self.kind.setCurrentIndex(max(kind, 0))
        self.kind.blockSignals(False)
        self.state.blockSignals(True)
        self.state.clear()
        for text, value in ((self.tr("To do"), OPEN), (self.tr("Done"), DONE),
                            (self.tr("All"), ALL)):
            self.state.addItem(text, value)
        self.state.setCurrentIndex(max(state, 0))
        self.state.blockSignals(False)
        self.kind_label.setText(self.tr("Ki&nd:"))
        self.state_label.setText(self.tr("Sho&w:"))
        self.owner_filter_label.setText(self.tr("&Belongs to:"))
        self.owner_filter.setPlaceholderText(self.tr("anyone"))
        self.overdue.setText(self.tr("Only o&verdue"))
        self.owner_label.setText(self.tr("&Owner:"))
        self.due_label.setText(self.tr("D&ue:"))
        self.save_button.setText(self.tr("Save owner and da&y"))
        self.done_button.setText(self.tr("&Done"))
        self.back_button.setText(self.tr("Bac&k"))
        self.table.setHorizontalHeaderLabels([
            self.tr("State"), self.tr("Kind"), self.tr("Person"), self.tr("Number"),
            self.tr("What"), self.tr("Caller"), self.tr("Owner"), self.tr("Due")])
        self.empty.setText(self.tr("Nothing here. Everything promised has been done."))
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Space:
            self.toggle_done()
            return True
        return super().eventFilter(watched, event)

    # -- data -------------------------------------------------------------------------------

    def _now(self) -> datetime:
        return self.now or utcnow()

    def filters(self) -> InboxFilter:
        owner = self.owner_filter.text().strip()
        return InboxFilter(campaign=self.campaign_id, kind=self.kind.currentData(),
                           state=str(self.state.currentData() or OPEN),
                           owner=owner or None, overdue_only=self.overdue.isChecked())

    def _data_changed(self, what: str) -> None:
        if what in ("calls", "inbox", "campaigns", "packs"):
            self.refresh()

    def refresh(self) -> None:
        db, filters, now = self.ctx.db, self.filters(), self._now()
        self.ctx.runner.run(lambda _progress: inbox(db, filters, now), context=self,
                            on_success=self._loaded)

    def _loaded(self, entries: list[InboxEntry]) -> None:
        self.entries = entries
        self._fill()
        self.loads += 1

    def _state_text(self, entry: InboxEntry) -> str:
        if entry.done:
            return self.tr("Done")
        return self.tr("Overdue") if entry.overdue else self.tr("To do")

    def _fill(self) -> None:
        chosen = self.selected()
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            due = f"{local(entry.due_at):%Y-%m-%d}" if entry.due_at else "–"
            texts = (self._state_text(entry), self.kind_text(entry.kind), entry.person,
                     entry.number, self._what(entry), entry.caller, entry.owner or "–", due)
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, entry.id)
                if entry.overdue and column in (0, 7):
                    font = QFont(self.table.font())
                    font.setBold(True)
                    item.setFont(font)
                    item.setForeground(self.palette().color(self.palette().ColorRole.Highlight))
                self.table.setItem(row, column, item)
            first = self.table.item(row, 0)
            if first is not None:
                first.setData(Qt.ItemDataRole.AccessibleTextRole,
                              f"{self._state_text(entry)}, {self.kind_text(entry.kind)}")
        self.table.resizeRowsToContents()
        self.empty.setVisible(not self.entries)
        if self.entries:
            ids = [e.id for e in self.entries]
            self.table.selectRow(ids.index(chosen.id) if chosen and chosen.id in ids else 0)
        self._selection_changed()

    def selected(self) -> InboxEntry | None:
        model = self.table.selectionModel()
        rows = model.selectedRows() if model is not None else []
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        item_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return next((e for e in self.entries if e.id == item_id), None)

    def _selection_changed(self) -> None:
        entry = self.selected()
        for widget in (self.owner, self.due, self.save_button, self.done_button):
            widget.setEnabled(entry is not None)
        self.owner.setText(entry.owner if entry else "")
        self.due.set_value(local(entry.due_at).date() if entry and entry.due_at else None)
        if entry is not None:
            self.done_button.setText(self.tr("Not &done after all") if entry.done
                                     else self.tr("&Done"))

    # -- actions ----------------------------------------------------------------------------

    def toggle_done(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        db, item_id, done = self.ctx.db, entry.id, not entry.done
        by = str(self.ctx.settings.get(VOLUNTEER_NAME)).strip()
        now = self._now()

        def work(_progress: Progress) -> InboxEntry:
            return mark_done(db, item_id, done=done, by=by, now=now)

        self.ctx.runner.run(work, context=self, on_success=self._changed, writes=True)

    def save_details(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        try:
            day = parse_day(self.due.text()) if self.due.text() else None
        except UserError as exc:
            show_error(self, exc)
            return
        # A day is due at its end, local time: "by Thursday" means Thursday is still fine.
        due_at = (datetime.combine(day, time(23, 59)).astimezone().astimezone(UTC)
                  if day else None)
        db, item_id, owner, now = self.ctx.db, entry.id, self.owner.text(), self._now()

        def work(_progress: Progress) -> InboxEntry:
            return set_details(db, item_id, owner=owner, due_at=due_at, now=now)

        self.ctx.runner.run(work, context=self, on_success=self._changed, writes=True)

    def _changed(self, entry: InboxEntry) -> None:
        if entry.done:
            self.status.setText(self.tr("%1 is done.").replace("%1", entry.person or entry.id))
        else:
            self.status.setText(self.tr("%1 is saved.").replace("%1", entry.person or entry.id))
        self.ctx.events.changed.emit("inbox")
        self.table.setFocus()


def open_inbox(window: MainWindow) -> InboxPage:
    """Kampanj › Inkorg: the chosen campaign's items, or every campaign's without one."""
    from app.services.lookups import campaign_name

    campaign_id = window.ctx.campaign_id
    name = campaign_name(window.ctx.db, campaign_id) if campaign_id is not None else None
    page = InboxPage(window.ctx, campaign_id if name is not None else None, name or "")
    page.back_requested.connect(window.show_home)
    window.show_page(page)
    page.table.setFocus()
    return page
