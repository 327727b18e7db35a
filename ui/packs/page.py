"""Ringpaket: the campaign's calling packs (who holds what, made, last day, returned, how many
called, state), with the wizard that makes them, receiving results, and taking one back."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.clock import local
from app.progress import Progress
from app.services.packs.manage import PackInfo, list_packs, revoke_pack
from ui.context import UiContext
from ui.errors import show_error
from ui.list_table import list_table
from ui.sizing import keep_scaled

COLUMNS = 9


def _when(value: datetime | None) -> str:
    return f"{local(value):%Y-%m-%d %H:%M}" if value is not None else "–"


def _day(value: datetime | None) -> str:
    # A last day is stored as the end of that day: show the day itself.
    if value is None:
        return "–"
    return (local(value) - timedelta(seconds=1)).date().isoformat()


class PacksPage(QWidget):
    back_requested = Signal()
    make_requested = Signal()
    receive_requested = Signal()

    def __init__(self, ctx: UiContext, campaign_id: int, campaign: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.campaign_id = campaign_id
        self.campaign = campaign
        self.packs: list[PackInfo] = []
        self.loads = 0  # finished loads, for tests
        self.setObjectName("packsPage")
        self.title = QLabel()
        keep_scaled(self, self.title, 1.4, bold=True)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = list_table("packsTable", COLUMNS)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.make_button = QPushButton()
        self.make_button.setObjectName("packsMake")
        self.make_button.clicked.connect(self.make_requested)
        self.receive_button = QPushButton()
        self.receive_button.setObjectName("packsReceive")
        self.receive_button.clicked.connect(self.receive_requested)
        self.revoke_button = QPushButton()
        self.revoke_button.setObjectName("packsRevoke")
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.back_requested)
        buttons = QHBoxLayout()
        for button in (self.make_button, self.receive_button, self.revoke_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.back_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        ctx.events.changed.connect(self._data_changed)
        self.retranslate()
        self._update_buttons()
        self.refresh()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Calling packs: %1").replace("%1", self.campaign))
        self.intro.setText(self.tr(
            "Packs let volunteers call from their own computers without a server. Take a "
            "pack back when its volunteer cannot call: the people not yet called return to "
            "the queue, and results that come in later are still received."))
        self.table.setHorizontalHeaderLabels([
            self.tr("Volunteer"), self.tr("Target group"), self.tr("People"),
            self.tr("Called"), self.tr("Calls"), self.tr("Made"), self.tr("Last day"),
            self.tr("Returned"), self.tr("State")])
        self.empty.setText(self.tr("No calling packs yet. Make some with “Make calling "
                                   "packs…”."))
        self.make_button.setText(self.tr("&Make calling packs…"))
        self.receive_button.setText(self.tr("Recei&ve results…"))
        self.revoke_button.setText(self.tr("&Take back the pack"))
        self.back_button.setText(self.tr("&Back"))
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _data_changed(self, what: str) -> None:
        if what in ("calls", "contacts", "packs", "campaigns"):
            self.refresh()

    def refresh(self) -> None:
        db, campaign = self.ctx.db, self.campaign
        self.ctx.runner.run(lambda _progress: list_packs(db, campaign), context=self,
                            on_success=self._loaded)

    def _loaded(self, packs: list[PackInfo]) -> None:
        self.packs = packs
        self._fill()
        self.loads += 1

    def _state(self, pack: PackInfo) -> str:
        return {"out": self.tr("Out"), "expired": self.tr("Last day passed"),
                "revoked": self.tr("Taken back")}.get(pack.state, pack.state)

    def _fill(self) -> None:
        chosen = self.selected()
        self.table.setRowCount(len(self.packs))
        for row, pack in enumerate(self.packs):
            texts = (pack.volunteer, pack.group or self.tr("All"), str(pack.people),
                     str(pack.called), str(pack.calls), _when(pack.created_at),
                     _day(pack.expires_at), _when(pack.returned_at), self._state(pack))
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, pack.pack_id)
                if 2 <= column <= 4:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
            if chosen is not None and pack.pack_id == chosen.pack_id:
                self.table.selectRow(row)
        self.empty.setVisible(not self.packs)
        self._update_buttons()

    def selected(self) -> PackInfo | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        if len(rows) != 1:
            return None
        row = rows.pop()
        return self.packs[row] if row < len(self.packs) else None

    def _update_buttons(self) -> None:
        pack = self.selected()
        self.revoke_button.setEnabled(pack is not None and pack.state != "revoked")

    def revoke_selected(self) -> None:
        pack = self.selected()
        if pack is None or pack.state == "revoked":
            return
        answer = QMessageBox.question(
            self, self.tr("Take back the pack"),
            self.tr("Take back %1's pack? The %2 people in it who have not been called go "
                    "back to the queue here. If %1 calls from it anyway, those calls are "
                    "still received, marked for you to check.")
            .replace("%1", pack.volunteer).replace("%2", str(pack.people - pack.called)))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.revoke(pack.pack_id)

    def revoke(self, pack_id: str) -> None:
        db = self.ctx.db

        def work(_progress: Progress) -> int:
            return revoke_pack(db, pack_id)

        self.revoke_button.setEnabled(False)
        self.ctx.runner.run(work, context=self, on_success=self._revoked,
                            on_failure=self._revoke_failed, writes=True)

    def _revoked(self, back: int) -> None:
        window = self.window()
        status = getattr(window, "statusBar", None)
        if callable(status):
            status().showMessage(self.tr("The pack is taken back: %1 people are in the "
                                         "queue again.").replace("%1", str(back)), 10_000)
        self.ctx.events.changed.emit("packs")

    def _revoke_failed(self, exc: BaseException) -> None:
        self._update_buttons()
        show_error(self, exc)
