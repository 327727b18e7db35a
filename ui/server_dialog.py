"""Arkiv › Anslut till föreningens server: host, port, database, user and password.

The address is remembered per computer (settings); the password only by the operating
system's keyring, or not at all. Connecting (and, for an owner, migrating) runs on the task
runner: a server far away or not answering never freezes the window.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.progress import Progress
from app.services.server.connection import (
    DEFAULT_PORT,
    AddressError,
    Connected,
    ServerAddress,
    connect_and_remember,
    keyring_available,
    load_password,
    parse_port,
)
from app.settings import SERVER_DATABASE, SERVER_HOST, SERVER_PORT, SERVER_USER
from ui.context import UiContext
from ui.errors import show_error
from ui.sizing import fit_to_screen, grow_to_fit, labels_above_at_large_text, scrolling


class ServerDialog(QDialog):
    """Emits `connected` with the open database; the main window switches to it."""

    connected = Signal(object)  # Connected

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("serverDialog")
        self.busy = False
        self.abandoned = False
        self.from_keyring = False  # the password field holds the remembered password
        self.has_keyring: bool | None = None  # not known until the keyring was asked
        settings = ctx.settings
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.host = QLineEdit(settings.get(SERVER_HOST))
        self.host.setObjectName("serverHost")
        self.port = QLineEdit(str(settings.get(SERVER_PORT)))
        self.port.setObjectName("serverPort")
        self.port.setMaxLength(5)
        self.database = QLineEdit(settings.get(SERVER_DATABASE))
        self.database.setObjectName("serverDatabase")
        self.user = QLineEdit(settings.get(SERVER_USER))
        self.user.setObjectName("serverUser")
        self.password = QLineEdit()
        self.password.setObjectName("serverPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox()
        self.remember.setObjectName("rememberPassword")
        self.labels = [QLabel() for _ in range(5)]
        form = QFormLayout()
        for label, field in zip(self.labels, (self.host, self.port, self.database, self.user,
                                              self.password), strict=True):
            label.setBuddy(field)
            form.addRow(label, field)
        form.addRow(self.remember)
        labels_above_at_large_text(self, form)
        self.tls_note = QLabel()
        self.tls_note.setObjectName("tlsNote")
        self.tls_note.setWordWrap(True)
        self.keyring_note = QLabel()
        self.keyring_note.setObjectName("keyringNote")
        self.keyring_note.setWordWrap(True)
        self.keyring_note.hide()
        self.status = QLabel()
        self.status.setObjectName("connectStatus")
        self.status.setWordWrap(True)
        self.status.hide()
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.intro)
        inner.addLayout(form)
        inner.addWidget(self.tls_note)
        inner.addWidget(self.keyring_note)
        inner.addWidget(self.status)
        inner.addStretch(1)
        self.body = scrolling(body)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.connect_button: QPushButton = self.buttons.button(
            QDialogButtonBox.StandardButton.Ok)
        self.connect_button.setObjectName("connectButton")
        self.buttons.accepted.connect(self.connect_to_server)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.buttons)
        for field in self.fields().values():
            field.textEdited.connect(self._address_edited)
        self.password.textEdited.connect(self._password_edited)
        self.retranslate()
        fit_to_screen(self, 34)
        # Keyboard-first: the first empty field takes the keys (the password, once the
        # address is remembered).
        first_empty = next((f for f in (self.host, self.database, self.user, self.password)
                            if not f.text()), self.password)
        first_empty.setFocus(Qt.FocusReason.OtherFocusReason)
        self._ask_keyring()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Connect to the association's server"))
        self.intro.setText(self.tr(
            "Ask the organiser for these details. Your calls are then saved on the "
            "association's shared database, and the team sees them at once."))
        for label, text in zip(self.labels, (
                self.tr("&Host:"), self.tr("&Port:"), self.tr("&Database:"),
                self.tr("&User name:"), self.tr("Pass&word:")), strict=True):
            label.setText(text)
        self.host.setPlaceholderText(self.tr("e.g. server.example.org"))
        self.port.setPlaceholderText(str(DEFAULT_PORT))
        self.remember.setText(self.tr("&Remember the password on this computer"))
        self.tls_note.setText(self.tr(
            "Over the network the connection is always encrypted (TLS). Only a server on "
            "this computer (localhost) is reached without encryption."))
        self.keyring_note.setText(self.tr(
            "The password is not remembered on this computer: it has no keyring to keep it "
            "safe. Enter it each time you connect."))
        self.status.setText(self.tr("Connecting…"))
        self.connect_button.setText(self.tr("&Connect"))
        self.password.setAccessibleName(self.tr("Password"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def fields(self) -> dict[str, QLineEdit]:
        return {"host": self.host, "port": self.port, "database": self.database,
                "user": self.user}

    def address(self) -> ServerAddress:
        """The address typed in; AddressError naming the wrong field."""
        return ServerAddress(host=self.host.text(), port=parse_port(self.port.text()),
                             database=self.database.text(), user=self.user.text()).validated()

    # -- the keyring --------------------------------------------------------------------

    def _ask_keyring(self) -> None:
        """Is there a keyring, and does it hold the password for the remembered address?
        Asked off the GUI thread: a keyring may have to be unlocked first."""
        try:
            address: ServerAddress | None = self.address()
        except AddressError:
            address = None

        def ask(_progress: Progress) -> tuple[bool, str | None]:
            available = keyring_available()
            stored = load_password(address) if available and address is not None else None
            return available, stored

        self.ctx.runner.run(ask, context=self, on_success=self._keyring_answered,
                            on_failure=lambda _exc: self._keyring_answered((False, None)))

    def _keyring_answered(self, answer: tuple[bool, str | None]) -> None:
        available, stored = answer
        self.has_keyring = available
        self.keyring_note.setVisible(not available)
        self.remember.setEnabled(available)
        if not available:
            self.remember.setChecked(False)
        if stored and not self.password.text():
            self.password.setText(stored)
            self.remember.setChecked(True)
            self.from_keyring = True
        grow_to_fit(self, self.body)

    def _address_edited(self, _text: str) -> None:
        # The remembered password belongs to the remembered address, not to another one.
        if self.from_keyring:
            self.password.clear()
            self.from_keyring = False

    def _password_edited(self, _text: str) -> None:
        self.from_keyring = False

    # -- connecting -----------------------------------------------------------------------

    def connect_to_server(self) -> None:
        if self.busy:
            return
        try:
            address = self.address()
        except AddressError as exc:
            self._wrong_field(exc)
            return
        password = self.password.text()
        remember = self.remember.isChecked()

        def work(_progress: Progress) -> Connected:
            return connect_and_remember(address, password, remember)

        self._set_busy(True)
        self.ctx.runner.run(work, context=self, on_success=self._connected,
                            on_failure=self._failed, writes=True)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.status.setVisible(busy)
        for widget in (*self.fields().values(), self.password, self.remember,
                       self.connect_button):
            widget.setEnabled(not busy)
        if not busy:
            self.remember.setEnabled(self.has_keyring is not False)
        grow_to_fit(self, self.body)

    def _wrong_field(self, exc: AddressError) -> None:
        show_error(self, exc)
        field = self.fields()[exc.field]
        field.setFocus(Qt.FocusReason.OtherFocusReason)
        field.selectAll()

    def reject(self) -> None:
        # Closed while connecting: the connection that may still arrive is not wanted.
        self.abandoned = self.busy
        super().reject()

    def dispose(self) -> None:
        """Delete the dialog once closed; while a connection is on its way it stays (hidden)
        to close that connection when it arrives."""
        if not self.busy:
            self.deleteLater()

    def _connected(self, connected: Connected) -> None:
        self._set_busy(False)
        if self.abandoned:
            connected.db.close()
            self.deleteLater()
            return
        self.connected.emit(connected)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if self.abandoned:
            self.deleteLater()
            return
        if isinstance(exc, AddressError):
            self._wrong_field(exc)
            return
        show_error(self, exc)
        if isinstance(exc, UserError):
            self.password.setFocus(Qt.FocusReason.OtherFocusReason)
            self.password.selectAll()
