"""Samtalen: the campaign's calls, newest first, with filters; Enter on a call opens the
correction dialog (ui/organising/correction_dialog.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
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

from app.clock import local
from app.domain.outcomes import OUTCOMES
from app.progress import Progress
from app.services.lookups import GroupChoice, group_choices
from app.services.organising.call_list import (
    LIST_LIMIT,
    CallDetail,
    CallFilter,
    CallRow,
    call_detail,
    call_volunteers,
    list_calls,
)
from ui.calling.texts import outcome_text
from ui.context import UiContext
from ui.list_table import list_table
from ui.sizing import keep_scaled

if TYPE_CHECKING:
    from ui.main_window import MainWindow
    from ui.organising.correction_dialog import CorrectionDialog

COLUMNS = 7


class CallsPage(QWidget):
    back_requested = Signal()

    def __init__(self, ctx: UiContext, campaign_id: int, campaign: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.campaign_id = campaign_id
        self.campaign = campaign
        self.rows: list[CallRow] = []
        self.loads = 0  # finished loads, for tests
        self.dialog: CorrectionDialog | None = None
        self.setObjectName("callsPage")
        self.title = QLabel()
        keep_scaled(self, self.title, 1.4, bold=True)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.outcome = QComboBox()
        self.outcome.setObjectName("callsOutcome")
        self.group = QComboBox()
        self.group.setObjectName("callsGroup")
        self.volunteer = QComboBox()
        self.volunteer.setObjectName("callsVolunteer")
        self.search = QLineEdit()
        self.search.setObjectName("callsSearch")
        self.corrected = QCheckBox()
        self.corrected.setObjectName("callsCorrected")
        self.outcome_label, self.group_label = QLabel(), QLabel()
        self.volunteer_label, self.search_label = QLabel(), QLabel()
        for label, widget in ((self.outcome_label, self.outcome),
                              (self.group_label, self.group),
                              (self.volunteer_label, self.volunteer),
                              (self.search_label, self.search)):
            label.setBuddy(widget)
        self.table = list_table("callsTable", COLUMNS)
        self.table.installEventFilter(self)
        self.table.cellDoubleClicked.connect(lambda _r, _c: self.open_selected())
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("callsStatus")
        self.status.setWordWrap(True)
        self.correct_button = QPushButton()
        self.correct_button.setObjectName("callsCorrect")
        self.correct_button.clicked.connect(self.open_selected)
        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.back_requested)
        filters = QGridLayout()
        filters.addWidget(self.outcome_label, 0, 0)
        filters.addWidget(self.outcome, 0, 1)
        filters.addWidget(self.group_label, 0, 2)
        filters.addWidget(self.group, 0, 3)
        filters.addWidget(self.volunteer_label, 1, 0)
        filters.addWidget(self.volunteer, 1, 1)
        filters.addWidget(self.search_label, 1, 2)
        filters.addWidget(self.search, 1, 3)
        filters.addWidget(self.corrected, 2, 0, 1, 4)
        filters.setColumnStretch(1, 1)
        filters.setColumnStretch(3, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.correct_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.retranslate()
        for combo in (self.outcome, self.group, self.volunteer):
            combo.currentIndexChanged.connect(self.refresh)
        self.search.editingFinished.connect(self.refresh)
        self.corrected.toggled.connect(self.refresh)
        ctx.events.changed.connect(self._data_changed)
        self._load_choices()
        self.refresh()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Calls: %1").replace("%1", self.campaign))
        self.intro.setText(self.tr(
            "Every call of the campaign, newest first. Choose a call and press Enter to "
            "correct it; the call as it was stays readable."))
        self.outcome_label.setText(self.tr("&Outcome:"))
        self.group_label.setText(self.tr("Target &group:"))
        self.search_label.setText(self.tr("&Name:"))
        self.search.setPlaceholderText(self.tr("part of the person's name"))
        self.correct_button.setText(self.tr("Correc&t the call…"))
        self.corrected.setText(self.tr("Only &corrected calls"))
        self.volunteer_label.setText(self.tr("Call&er:"))
        self.back_button.setText(self.tr("Bac&k"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Saved"), self.tr("Person"), self.tr("Target group"), self.tr("Caller"),
            self.tr("Outcome"), self.tr("Meeting"), self.tr("Versions")])
        self.empty.setText(self.tr("No calls match the filters."))
        index = self.outcome.currentIndex()
        self.outcome.blockSignals(True)
        self.outcome.clear()
        self.outcome.addItem(self.tr("All outcomes"), None)
        for info in OUTCOMES:
            self.outcome.addItem(outcome_text(info.outcome.value), info.outcome.value)
        self.outcome.setCurrentIndex(max(index, 0))
        self.outcome.blockSignals(False)
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_selected()
            return True
        return super().eventFilter(watched, event)

    # -- data -------------------------------------------------------------------------------

    def _load_choices(self) -> None:
        db, campaign_id = self.ctx.db, self.campaign_id

        def work(_progress: Progress) -> tuple[list[GroupChoice], list[str]]:
            return group_choices(db, campaign_id), call_volunteers(db, campaign_id)

        self.ctx.runner.run(work, context=self, on_success=self._choices_loaded)

    def _choices_loaded(self, found: tuple[list[GroupChoice], list[str]]) -> None:
        groups, volunteers = found
        for combo in (self.group, self.volunteer):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("All"), None)
        for g in groups:
            self.group.addItem(g.name, g.id)
        for name in volunteers:
            self.volunteer.addItem(name, name)
        for combo in (self.group, self.volunteer):
            combo.blockSignals(False)

    def filters(self) -> CallFilter:
        return CallFilter(outcome=self.outcome.currentData(), group_id=self.group.currentData(),
                          volunteer=self.volunteer.currentData(), search=self.search.text(),
                          corrected_only=self.corrected.isChecked())

    def _data_changed(self, what: str) -> None:
        if what in ("calls", "contacts", "packs"):
            self.refresh()

    def refresh(self) -> None:
        db, campaign_id, filters = self.ctx.db, self.campaign_id, self.filters()
        self.ctx.runner.run(lambda _progress: list_calls(db, campaign_id, filters),
                            context=self, on_success=self._loaded)

    def _loaded(self, rows: list[CallRow]) -> None:
        self.rows = rows
        self._fill()
        self.loads += 1

    def _fill(self) -> None:
        chosen = self.selected()
        self.table.setRowCount(len(self.rows))
        for index, r in enumerate(self.rows):
            texts = (f"{local(r.saved_at):%Y-%m-%d %H:%M}", r.person, r.group,
                     r.volunteer or "–", outcome_text(r.outcome),
                     self.tr("yes") if r.meeting_signup else "",
                     str(r.versions) if r.versions > 1 else "")
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, r.call_id)
                self.table.setItem(index, column, item)
        self.empty.setVisible(not self.rows)
        if len(self.rows) >= LIST_LIMIT:
            self.status.setText(self.tr("Showing the newest %1 calls; narrow the filters to "
                                        "see older ones.").replace("%1", str(LIST_LIMIT)))
        if self.rows:
            ids = [r.call_id for r in self.rows]
            self.table.selectRow(ids.index(chosen) if chosen in ids else 0)
        self.correct_button.setEnabled(bool(self.rows))

    def selected(self) -> int | None:
        model = self.table.selectionModel()
        rows = model.selectedRows() if model is not None else []
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return int(value) if value is not None else None

    # -- correcting -------------------------------------------------------------------------

    def open_selected(self) -> None:
        call_id = self.selected()
        if call_id is None:
            return
        db = self.ctx.db
        self.ctx.runner.run(lambda _progress: call_detail(db, call_id), context=self,
                            on_success=self._show_dialog)

    def _show_dialog(self, detail: CallDetail) -> None:
        from ui.organising.correction_dialog import CorrectionDialog

        dialog = CorrectionDialog(self.ctx, detail, self)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._corrected(dialog))
        dialog.finished.connect(lambda _code: self._back_from_dialog())
        dialog.open()

    def _back_from_dialog(self) -> None:
        # Keyboard-first: the list takes the keys again, on the call just corrected.
        self.window().activateWindow()
        self.table.setFocus()

    def _corrected(self, dialog: CorrectionDialog) -> None:
        result = dialog.result_
        if result is None:
            return
        text = self.tr("The call is corrected (version %1).").replace("%1", str(result.version))
        if result.still_do_not_call:
            text += " " + self.tr("The person stays on the do-not-call list; remove the "
                                  "number there if that was a mistake too.")
        self.status.setText(text)


def open_calls(window: MainWindow) -> CallsPage | None:
    """Resultat › Samtalen: the chosen campaign's calls."""
    from PySide6.QtWidgets import QMessageBox

    from app.services.lookups import campaign_name

    campaign_id = window.ctx.campaign_id
    name = campaign_name(window.ctx.db, campaign_id) if campaign_id is not None else None
    if campaign_id is None or name is None:
        QMessageBox.information(
            window, QCoreApplication.translate("CallsPage", "Calls"),
            QCoreApplication.translate("CallsPage", "Choose a campaign on the start page first."))
        return None
    page = CallsPage(window.ctx, campaign_id, name)
    page.back_requested.connect(window.show_home)
    window.show_page(page)
    page.table.setFocus()
    return page
