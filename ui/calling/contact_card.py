"""The contact card: who to call, their number as text, link and QR code, earlier attempts."""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.services.calling import ContactCard, PhoneInfo
from ui.calling.qr import qr_pixmap
from ui.calling.texts import kind_text, outcome_text, when_text


def scaled(widget: QWidget, factor: float, bold: bool = False) -> None:
    """A font relative to the app's text size (the user scales it for older eyes)."""
    font = widget.font()
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    widget.setFont(font)


class ContactCardView(QFrame):
    number_changed = Signal(object)  # PhoneInfo or None
    collapsed_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contactCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.card: ContactCard | None = None
        self.narrow = False
        self.collapsed = False  # large text, call started: only the name and number shown
        self.name = QLabel()
        self.name.setObjectName("contactName")
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QLabel()
        self.details.setObjectName("contactDetails")
        # Explicit lines, no word wrap: a wrapped label's height is misjudged in a splitter.
        self.details.setWordWrap(True)
        self.numbers = QComboBox()
        self.numbers.setObjectName("numberChoice")
        self.numbers_label = QLabel()
        self.numbers_label.setBuddy(self.numbers)
        self.numbers.currentIndexChanged.connect(self._number_chosen)
        self.number = QLabel()
        self.number.setObjectName("phoneNumber")
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.kind = QLabel()
        self.kind.setObjectName("phoneKind")
        self.copy = QPushButton()
        self.copy.setObjectName("copyNumber")
        self.copy.clicked.connect(self.copy_number)
        self.link = QLabel()
        self.link.setObjectName("telLink")
        self.link.setOpenExternalLinks(True)
        self.link.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                          | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.qr = QLabel()
        self.qr.setObjectName("telQr")
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_hint = QLabel()
        self.qr_hint.setWordWrap(True)
        self.qr_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.timer_button = QPushButton()
        self.timer_button.setObjectName("callStarted")
        self.timer_button.clicked.connect(self.start_timer)
        self.timer_label = QLabel()
        self.timer_label.setObjectName("callTimer")
        self.whole = QPushButton()
        self.whole.setObjectName("showWholeCard")
        self.whole.clicked.connect(self.unfold)
        self.whole.hide()
        self.notes_heading = QLabel()
        self.notes = QLabel()
        self.notes.setObjectName("notesFromEarlier")
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.PlainText)
        self.attempts = QLabel()
        self.attempts.setObjectName("earlierAttempts")
        self.attempts.setWordWrap(True)
        self._elapsed = QElapsedTimer()
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self._tick)

        number_row = QHBoxLayout()
        number_row.addWidget(self.number)
        number_row.addWidget(self.kind)
        number_row.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(self.copy)
        actions.addWidget(self.link)
        actions.addStretch(1)
        timer_row = QHBoxLayout()
        timer_row.addWidget(self.timer_button)
        timer_row.addWidget(self.timer_label)
        timer_row.addWidget(self.whole)
        timer_row.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(self.name)
        left.addWidget(self.details)
        choose = QHBoxLayout()
        choose.addWidget(self.numbers_label)
        choose.addWidget(self.numbers, 1)
        left.addLayout(choose)
        left.addLayout(number_row)
        left.addLayout(actions)
        left.addLayout(timer_row)
        left.addWidget(self.notes_heading)
        left.addWidget(self.notes)
        left.addWidget(self.attempts)
        left.addStretch(1)
        qr_box = QVBoxLayout()
        qr_box.addWidget(self.qr)
        qr_box.addWidget(self.qr_hint)
        qr_box.addStretch(1)
        self.grid = grid = QGridLayout(self)
        grid.addLayout(left, 0, 0)
        grid.addLayout(qr_box, 0, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 1)
        self.qr_box = qr_box
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self._apply_fonts()
        self.retranslate()

    def _apply_fonts(self) -> None:
        base = self.font().pointSizeF()
        for label, factor in ((self.name, 1.7), (self.number, 1.9)):
            font = label.font()
            font.setPointSizeF(base * factor)
            font.setBold(True)
            label.setFont(font)

    def set_narrow(self, narrow: bool) -> None:
        """With large text the card stays short, so the script is in sight below it on a
        1366×768 screen: the facts wrap on one line and the QR code (a convenience for
        dialling with a mobile) is left out; the number itself is large."""
        self.narrow = narrow
        self.grid.removeItem(self.qr_box)
        self.grid.addLayout(self.qr_box, 0, 1)
        for index in range(self.qr_box.count()):
            item = self.qr_box.itemAt(index)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setVisible(not narrow)
        if not narrow:
            self.set_collapsed(False)
        self.show_card(self.card)

    def unfold(self) -> None:
        self.set_collapsed(False)

    def set_collapsed(self, collapsed: bool) -> None:
        """With large text, once the call has started the card keeps only the name, the
        number, the earlier callers' notes and the call's time, so the script moves up into
        sight (at 18 pt and more the whole card leaves it hardly a line on a laptop).
        "Show the whole card" brings the rest back; the next person comes whole."""
        if collapsed == self.collapsed:
            return
        self.collapsed = collapsed
        self.whole.setVisible(collapsed)
        self.show_card(self.card)
        self.collapsed_changed.emit(collapsed)

    def retranslate(self) -> None:
        self.numbers_label.setText(self.tr("&Number:"))
        self.numbers.setAccessibleName(self.tr("Phone number to call"))
        self.copy.setText(self.tr("Co&py number"))
        self.copy.setAccessibleName(self.tr("Copy the number"))
        self.qr_hint.setText(self.tr("Scan with your mobile to dial"))
        self.qr.setAccessibleName(self.tr("QR code with the phone number"))
        self.timer_button.setText(self.tr("Call s&tarted") + " (Ctrl+T)")
        self.timer_button.setAccessibleName(self.tr("Start the call timer"))
        self.whole.setText(self.tr("Show the &whole card"))
        self.notes_heading.setText(self.tr("Notes from earlier callers:"))
        self.show_card(self.card)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.FontChange:
            self._apply_fonts()
            self._show_number()
        super().changeEvent(event)

    # -- content --------------------------------------------------------------------------

    def show_card(self, card: ContactCard | None) -> None:
        previous = self.card.contact_id if self.card else None
        self.card = card
        if card is None:
            return
        if card.contact_id != previous:
            self.stop_timer()
            if self.collapsed:
                self.set_collapsed(False)  # which shows this card
                return
        whole = not self.collapsed
        for widget in (self.details, self.copy, self.link, self.timer_button, self.attempts):
            widget.setVisible(whole)
        self.name.setText(card.name or self.tr("(no name)"))
        facts = []
        if card.area:
            facts.append(self.tr("Area: %1").replace("%1", card.area))
        if card.city and card.city != card.area:
            facts.append(card.city)
        if card.age is not None:
            facts.append(self.tr("%n year(s) old", "", card.age))
        lines = [" · ".join(facts)] if facts else []
        if card.group_name:
            lines.append(self.tr("List: %1").replace("%1", card.group_name))
        self.details.setText("\n".join(lines))
        self.numbers.blockSignals(True)
        current = self.numbers.currentData()
        self.numbers.clear()
        for phone in card.phones:
            label = f"{phone.national} ({kind_text(phone.kind)})"
            if phone.failed:
                label = self.tr("%1 – wrong number").replace("%1", label)
            self.numbers.addItem(label, phone.id)
        first = next((i for i, p in enumerate(card.phones) if not p.failed), 0)
        index = self.numbers.findData(current) if card.contact_id == previous else -1
        self.numbers.setCurrentIndex(index if index >= 0 else first)
        self.numbers.blockSignals(False)
        self.numbers.setVisible(whole and len(card.phones) > 1)
        self.numbers_label.setVisible(whole and len(card.phones) > 1)
        self.notes.setText(card.notes_for_next)
        self.notes.setVisible(bool(card.notes_for_next))
        self.notes_heading.setVisible(bool(card.notes_for_next))
        if card.attempts:
            lines = [self.tr("Earlier attempts:")]
            for attempt in card.attempts[-5:]:
                who = f" ({attempt.volunteer})" if attempt.volunteer else ""
                lines.append(f"{when_text(attempt.at)}: {outcome_text(attempt.outcome)}{who}")
            self.attempts.setText("\n".join(lines))
        else:
            self.attempts.setText(self.tr("Not called before."))
        self._show_number()

    def phone(self) -> PhoneInfo | None:
        if self.card is None or not self.card.phones:
            return None
        phone_id = self.numbers.currentData()
        for phone in self.card.phones:
            if phone.id == phone_id:
                return phone
        return self.card.phones[0]

    def _number_chosen(self, _index: int) -> None:
        self._show_number()
        self.number_changed.emit(self.phone())

    def _show_number(self) -> None:
        phone = self.phone()
        if phone is None:
            self.number.setText(self.tr("No number"))
            self.kind.clear()
            self.link.clear()
            self.qr.clear()
            self.copy.setEnabled(False)
            return
        self.copy.setEnabled(True)
        self.number.setText(phone.national)
        kind = kind_text(phone.kind)
        if phone.failed:
            kind = self.tr("%1, marked as wrong number").replace("%1", kind)
        self.kind.setText(f"({kind})")
        self.number.setAccessibleName(self.tr("Number %1").replace("%1", phone.national))
        label = self.tr("Call with this computer")
        self.link.setText(f'<a href="{phone.tel_uri}">{label}</a>')
        self.link.setAccessibleName(phone.tel_uri)
        # Big enough to scan from a phone; it need not grow with the text beyond that.
        size = min(int(self.fontMetrics().height() * 7), 200)
        self.qr.setPixmap(qr_pixmap(phone.tel_uri, size))
        self.qr.setToolTip(phone.tel_uri)

    def copy_number(self) -> None:
        phone = self.phone()
        if phone is not None:
            QGuiApplication.clipboard().setText(phone.national)

    # -- the call timer -------------------------------------------------------------------

    def start_timer(self) -> None:
        self._elapsed.start()
        self._ticker.start()
        self._tick()
        if self.narrow:
            self.set_collapsed(True)

    def stop_timer(self) -> None:
        self._ticker.stop()
        self._elapsed.invalidate()
        self.timer_label.clear()

    def timer_running(self) -> bool:
        return self._elapsed.isValid()

    def elapsed_seconds(self) -> int:
        return self._elapsed.elapsed() // 1000 if self._elapsed.isValid() else 0

    def _tick(self) -> None:
        seconds = self.elapsed_seconds()
        self.timer_label.setText(f"{seconds // 60:02d}:{seconds % 60:02d}")
        self.timer_label.setAccessibleName(self.tr("Call time"))
