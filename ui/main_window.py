"""The main window: menus, a page area, and a status bar naming the open database (the file,
or the association's server and the login's role)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QStackedWidget,
    QWidget,
)

from app import __version__
from app.settings import FONT_SIZE, LANGUAGE
from ui import i18n
from ui.context import UiContext
from ui.errors import show_error
from ui.features import open_feature
from ui.home import HomePage
from ui.return_key import press_focused_button

if TYPE_CHECKING:
    from app.db.database import Database
    from app.services.server.connection import Connected
    from ui.server_dialog import ServerDialog


class _ElidedLabel(QLabel):
    """A one-line label that shortens its text in the middle rather than widen the window
    (a long database path at large text); the whole text is its tooltip."""

    def __init__(self) -> None:
        super().__init__()
        # Its whole text when there is room, less (down to nothing) when there is not.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setProperty("elides", True)  # for tests that look for cut-off labels

    def set_full_text(self, text: str) -> None:
        self.setText(text)
        self.setToolTip(text)

    def minimumSizeHint(self) -> QSize:
        return QSize(0, super().minimumSizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = self.contentsRect()
        shown = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideMiddle,
                                              rect.width())
        painter.drawText(rect, int(self.alignment()), shown)


class MainWindow(QMainWindow):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("mainWindow")
        self.resize(1100, 760)
        self.pages = QStackedWidget()
        self.home = HomePage(ctx)
        self.pages.addWidget(self.home)
        self.setCentralWidget(self.pages)
        self.home.setFocus()  # the campaign list, where the keys go when the window opens
        self.db_label = _ElidedLabel()
        self.db_label.setObjectName("databaseLabel")
        # The login's role on a server, for the status bar; looked up once per database.
        self.server_role: str | None = None
        self._role_of: Database | None = None
        self._named: Database | None = None  # the database the status bar names
        self.server_dialog: ServerDialog | None = None
        self.statusBar().addPermanentWidget(self.db_label)
        self._build_actions()
        self._build_menus()
        self.home.start_calling.connect(self.open_calling)
        self.home.import_list.connect(self.open_import)
        self.home.edit_scripts.connect(self.open_scripts)
        self.home.show_results.connect(self.open_dashboard)
        self.home.edit_campaign.connect(self.open_campaign_settings)
        self.home.new_campaign.connect(self.new_campaign)
        # The start page is refreshed whenever the database changes (ui/app.py opens the
        # first one after the window is shown): then the status bar names it.
        self.home.campaign_selected.connect(self._start_page_refreshed)
        ctx.events.changed.connect(self._data_changed)
        self.retranslate()

    # -- building -----------------------------------------------------------------------

    def _action(self, slot: object,
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None
                ) -> QAction:
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.act_open_db = self._action(self.choose_database, QKeySequence.StandardKey.Open)
        self.act_practice = self._action(self.open_practice_campaign)
        self.act_server = self._action(self.connect_to_server)
        self.act_open_pack = self._action(self.open_pack)
        self.act_return_pack = self._action(self.return_pack)
        self.act_receive_packs = self._action(self.receive_packs)
        self.act_packs = self._action(self.open_packs)
        self.act_evenings = self._action(self.open_evenings)
        self.act_inbox = self._action(self.open_inbox)
        self.act_export_plan = self._action(self.export_local_plan)
        self.act_plan_answer = self._action(self.import_plan_answer)
        self.act_calls = self._action(self.open_calls)
        self.act_plans = self._action(self.open_plans)
        self.act_erase_person = self._action(self.open_erase_person)
        self.act_access_person = self._action(self.open_access_person)
        self.act_audit = self._action(self.open_audit)
        self.act_quit = self._action(self.close, QKeySequence.StandardKey.Quit)
        self.act_new_campaign = self._action(self.new_campaign, "Ctrl+N")
        self.act_campaign_settings = self._action(self.open_campaign_settings)
        self.act_import = self._action(self.open_import, "Ctrl+I")
        self.act_dnc = self._action(self.open_dnc)
        self.act_scripts = self._action(self.open_scripts)
        self.act_call = self._action(self.open_calling, "Ctrl+R")
        self.act_dashboard = self._action(self.open_dashboard, "Ctrl+D")
        self.act_export = self._action(self.open_export, "Ctrl+E")
        self.act_rollup = self._action(self.open_rollup)
        self.act_report = self._action(self.open_report)
        self.act_home = self._action(self.show_home, "Alt+Home")
        zoom = QKeySequence.StandardKey
        self.act_bigger = self._action(lambda: self.change_font_size(+1), zoom.ZoomIn)
        self.act_smaller = self._action(lambda: self.change_font_size(-1), zoom.ZoomOut)
        self.act_normal = self._action(lambda: self.change_font_size(0), "Ctrl+0")
        self.act_about = self._action(self.show_about)
        self.language_group = QActionGroup(self)
        self.act_swedish = QAction("Svenska", self, checkable=True)  # each language in its own
        self.act_english = QAction("English", self, checkable=True)  # name, never translated
        for action, code in ((self.act_swedish, "sv"), (self.act_english, "en")):
            action.setData(code)
            self.language_group.addAction(action)
            action.setChecked(self.ctx.settings.get(LANGUAGE) == code)
        self.language_group.triggered.connect(lambda a: self.set_language(str(a.data())))

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.menu_file = bar.addMenu("")
        self.menu_file.addActions([self.act_open_db, self.act_server, self.act_practice])
        self.menu_file.addSeparator()
        self.menu_file.addActions([self.act_open_pack, self.act_return_pack,
                                   self.act_receive_packs])
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_quit)
        self.menu_campaign = bar.addMenu("")
        self.menu_campaign.addActions([self.act_new_campaign, self.act_campaign_settings])
        self.menu_campaign.addSeparator()
        self.menu_campaign.addActions([self.act_import, self.act_dnc, self.act_scripts])
        self.menu_campaign.addAction(self.act_packs)
        self.menu_campaign.addSeparator()
        self.menu_campaign.addActions([self.act_evenings, self.act_inbox])
        self.menu_campaign.addSeparator()
        self.menu_campaign.addActions([self.act_export_plan, self.act_plan_answer])
        self.menu_campaign.addSeparator()
        self.menu_campaign.addActions([self.act_access_person, self.act_erase_person,
                                       self.act_audit])
        self.menu_calling = bar.addMenu("")
        self.menu_calling.addActions([self.act_call, self.act_home])
        self.menu_results = bar.addMenu("")
        self.menu_results.addActions([self.act_dashboard, self.act_export, self.act_rollup,
                                      self.act_report])
        self.menu_results.addSeparator()
        self.menu_results.addActions([self.act_calls, self.act_plans])
        self.menu_settings = bar.addMenu("")
        self.menu_language = self.menu_settings.addMenu("")
        self.menu_language.addActions([self.act_swedish, self.act_english])
        self.menu_text = self.menu_settings.addMenu("")
        self.menu_text.addActions([self.act_bigger, self.act_smaller, self.act_normal])
        self.menu_help = bar.addMenu("")
        self.menu_help.addAction(self.act_about)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Ringkväll"))
        self.menu_file.setTitle(self.tr("&File"))
        self.act_open_db.setText(self.tr("&Open database…"))
        self.act_practice.setText(self.tr("&Practice campaign"))
        self.act_server.setText(self.tr("Connect to the association's &server…"))
        self.act_quit.setText(self.tr("&Quit"))
        self.act_open_pack.setText(self.tr("Open a calling pac&k…"))
        self.act_return_pack.setText(self.tr("&Return the calling pack…"))
        self.act_receive_packs.setText(self.tr("Rec&eive calling packs…"))
        self.act_packs.setText(self.tr("Calling &packs…"))
        self.act_evenings.setText(self.tr("Calling &evenings…"))
        self.act_inbox.setText(self.tr("In&box"))
        self.act_export_plan.setText(self.tr("Expor&t the local plan…"))
        self.act_plan_answer.setText(self.tr("Read the district's ans&wer…"))
        self.act_calls.setText(self.tr("C&alls…"))
        self.act_plans.setText(self.tr("Local plans (&district)…"))
        self.act_erase_person.setText(self.tr("E&rase a person…"))
        self.act_access_person.setText(self.tr("Show e&verything about a person…"))
        self.act_audit.setText(self.tr("&Log"))
        self.menu_campaign.setTitle(self.tr("C&ampaign"))
        self.act_new_campaign.setText(self.tr("&New campaign…"))
        self.act_campaign_settings.setText(self.tr("Campai&gn settings…"))
        self.act_import.setText(self.tr("&Import a phone list…"))
        self.act_dnc.setText(self.tr("&Do-not-call list…"))
        self.act_scripts.setText(self.tr("Conversation &scripts…"))
        self.menu_calling.setTitle(self.tr("Ca&lling"))
        self.act_call.setText(self.tr("&Start calling"))
        self.act_home.setText(self.tr("&Back to the start page"))
        self.menu_results.setTitle(self.tr("&Results"))
        self.act_dashboard.setText(self.tr("&Overview"))
        self.act_export.setText(self.tr("&Export to Excel…"))
        self.act_rollup.setText(self.tr("&Combine district files…"))
        self.act_report.setText(self.tr("&Print report…"))
        self.menu_settings.setTitle(self.tr("&Settings"))
        self.menu_language.setTitle(self.tr("&Language"))
        self.menu_text.setTitle(self.tr("&Text size"))
        self.act_bigger.setText(self.tr("&Larger text"))
        self.act_smaller.setText(self.tr("&Smaller text"))
        self.act_normal.setText(self.tr("&Normal text size"))
        self.menu_help.setTitle(self.tr("&Help"))
        self.act_about.setText(self.tr("&About Ringkväll"))
        self._show_database()

    def _show_database(self) -> None:
        """The status bar: the SQLite file, or the server and the login's role."""
        address = None
        if self.ctx.db_is_open:
            from app.services.server.connection import address_from_url

            address = address_from_url(self.ctx.db.location.url)
        if address is None:
            self.db_label.set_full_text(
                self.tr("Database: %1").replace("%1", self.ctx.location))
            return
        roles = {"owner": self.tr("owner"), "organiser": self.tr("organiser"),
                 "volunteer": self.tr("volunteer"), "other": self.tr("no Ringkväll role")}
        role = roles.get(self.server_role or "")
        if role is None:
            text = self.tr("Server: %1").replace("%1", address.display())
        else:
            text = self.tr("Server: %1 · %2").replace("%1", address.display()).replace(
                "%2", role)
        self.db_label.set_full_text(text)

    def _start_page_refreshed(self, _campaign_id: object) -> None:
        if self.ctx.db_is_open and self.ctx.db is not self._named:
            self.database_changed()

    def database_changed(self) -> None:
        """Name the database now open in the status bar; on a server, look up the login's
        role off the GUI thread (once per database)."""
        self._show_database()
        if not self.ctx.db_is_open:
            return
        db = self.ctx.db
        self._named = db
        if db.dialect != "postgresql":
            self._calling_only(False)
        if db.dialect != "postgresql" or self._role_of is db:
            return
        from app.services.server.connection import login_role

        self._role_of = db
        self.server_role = None
        self.ctx.runner.run(lambda _progress: login_role(db), context=self,
                            on_success=lambda role: self._role_found(db, role),
                            on_failure=lambda _exc: None)

    def _role_found(self, db: Database, role: str | None) -> None:
        if self.ctx.db_is_open and self.ctx.db is db:
            self.server_role = role
            self._show_database()
            self._calling_only(role == "volunteer")

    def _calling_only(self, calling_only: bool) -> None:
        """Only what a volunteer's login may do is offered to it (the server enforces it)."""
        self.home.set_calling_only(calling_only)
        for action in (self.act_new_campaign, self.act_campaign_settings, self.act_import,
                       self.act_dnc, self.act_scripts, self.act_dashboard, self.act_export,
                       self.act_rollup, self.act_report, self.act_packs, self.act_receive_packs,
                       self.act_inbox, self.act_export_plan, self.act_plan_answer,
                       self.act_calls, self.act_plans, self.act_erase_person,
                       self.act_access_person, self.act_audit):
            action.setVisible(not calling_only)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- pages ----------------------------------------------------------------------------

    def show_page(self, page: QWidget) -> None:
        """Show a screen in the window (the calling screen, the dashboard, ...)."""
        if self.pages.indexOf(page) < 0:
            self.pages.addWidget(page)
        self.pages.setCurrentWidget(page)
        # Keyboard-first: after a dialog closed, the window must take the keys again.
        self.activateWindow()

    def show_home(self) -> None:
        current = self.pages.currentWidget()
        if current is not self.home and current is not None:
            can_leave = getattr(current, "can_leave", None)
            if callable(can_leave) and not can_leave():
                return
            self.pages.removeWidget(current)
            current.deleteLater()
        self.pages.setCurrentWidget(self.home)
        self.home.refresh()
        self.home.setFocus()  # the campaign list: Enter starts calling

    def evening_over(self) -> None:
        """The calling evening ended: the start page; on a pack's copy, the offer to return
        what the organiser has not got yet."""
        self.show_home()
        open_feature(self, "ui.packs.entry", "offer_return_after_evening")

    def _data_changed(self, _what: str) -> None:
        if self.pages.currentWidget() is self.home:
            self.home.refresh()

    # -- actions --------------------------------------------------------------------------

    def database_is_empty(self) -> bool:
        from app.services.lookups import database_is_empty

        return database_is_empty(self.ctx.db)

    def open_practice_campaign(self) -> None:
        """Create (when missing) and show the practice campaign; the writing happens on the
        task runner, the window stays responsive."""
        from app.services.campaign_edit import open_practice_campaign

        db = self.ctx.db
        self.act_practice.setEnabled(False)
        self.ctx.runner.run(lambda _progress: open_practice_campaign(db), context=self,
                            on_success=self._practice_ready, on_failure=self._practice_failed,
                            writes=True)

    def _practice_ready(self, campaign_id: int) -> None:
        self.act_practice.setEnabled(True)
        self.ctx.campaign_id = campaign_id
        self.show_home()
        self.home.select_campaign(campaign_id)
        self.statusBar().showMessage(self.tr("Practice campaign ready"), 5000)

    def _practice_failed(self, exc: BaseException) -> None:
        self.act_practice.setEnabled(True)
        show_error(self, exc, retry=self.open_practice_campaign)

    def new_campaign(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New campaign"), self.tr("Name:"))
        if ok and name.strip():
            self.create_campaign(name.strip())

    def create_campaign(self, name: str) -> None:
        """Create the campaign on the task runner, then open its settings."""
        from app.services.campaign_edit import create_campaign

        db = self.ctx.db
        self._set_creating(True)
        self.ctx.runner.run(
            lambda _progress: create_campaign(db, name), context=self,
            on_success=self._campaign_created,
            on_failure=lambda exc: self._campaign_failed(exc, name), writes=True)

    def _set_creating(self, creating: bool) -> None:
        self.act_new_campaign.setEnabled(not creating)
        self.home.new_button.setEnabled(not creating)

    def _campaign_created(self, campaign_id: int) -> None:
        self._set_creating(False)
        self.ctx.campaign_id = campaign_id
        self.home.refresh()
        self.home.select_campaign(campaign_id)
        self.open_campaign_settings()

    def _campaign_failed(self, exc: BaseException, name: str) -> None:
        self._set_creating(False)
        show_error(self, exc, retry=lambda: self.create_campaign(name))

    def choose_database(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open database"), self.ctx.location,
            self.tr("Ringkväll databases (*.sqlite *.db);;All files (*)"),
        )
        if path:
            self.open_database(path)

    def open_database(self, path: str) -> None:
        """Open (and migrate, which writes) the file on the task runner, then switch to it."""
        from app.db.database import open_database

        self.act_open_db.setEnabled(False)
        self.ctx.runner.run(lambda _progress: open_database(path), context=self,
                            on_success=self._database_opened,
                            on_failure=self._database_failed, writes=True)

    def _database_opened(self, db: Database) -> None:
        self.act_open_db.setEnabled(True)
        self.switch_database(db)

    def switch_database(self, db: Database, role: str | None = None) -> bool:
        """Use `db` from now on (the start page shows its campaigns); False, with `db`
        closed, when the user chose to stay on the screen they were on."""
        if self.pages.currentWidget() is not self.home:
            self.show_home()
        if self.pages.currentWidget() is not self.home:  # the user stayed on the screen
            db.close()
            return False
        old = self.ctx.db if self.ctx.db_is_open else None
        self.ctx.db = db
        self.ctx.campaign_id = None
        if old is not None:
            old.close()
        if role is not None:
            self._role_of, self.server_role = db, role
            self._calling_only(role == "volunteer")
        self.retranslate()
        self.database_changed()
        self.home.refresh()
        return True

    def _database_failed(self, exc: BaseException) -> None:
        self.act_open_db.setEnabled(True)
        show_error(self, exc)

    def connect_to_server(self) -> None:
        """Arkiv › Anslut till föreningens server: the dialog; on success, the server's
        database replaces the one open now."""
        from ui.server_dialog import ServerDialog

        if self.server_dialog is not None:
            self.server_dialog.raise_()
            self.server_dialog.activateWindow()
            return
        dialog = ServerDialog(self.ctx, self)
        dialog.connected.connect(self._server_connected)
        dialog.finished.connect(self._server_dialog_closed)
        self.server_dialog = dialog
        dialog.open()

    def _server_dialog_closed(self) -> None:
        if self.server_dialog is not None:
            self.server_dialog.dispose()
        self.server_dialog = None

    def _server_connected(self, connected: Connected) -> None:
        from app.settings import SERVER_DATABASE, SERVER_HOST, SERVER_PORT, SERVER_USER

        address, settings = connected.address, self.ctx.settings
        settings.set(SERVER_HOST, address.host)
        settings.set(SERVER_PORT, address.port)
        settings.set(SERVER_DATABASE, address.database)
        settings.set(SERVER_USER, address.user)
        if not self.switch_database(connected.db, connected.role):
            return
        if connected.remembered or not connected.asked_to_remember:
            message = self.tr("Connected to %1").replace("%1", address.display())
        else:
            message = self.tr("Connected to %1. The password is not remembered on this "
                              "computer.").replace("%1", address.display())
        self.statusBar().showMessage(message, 10_000)

    def open_campaign_settings(self) -> None:
        open_feature(self, "ui.campaign_dialog", "edit_campaign")

    def open_import(self) -> None:
        open_feature(self, "ui.importing.entry", "open_import_wizard")

    def open_dnc(self) -> None:
        open_feature(self, "ui.importing.entry", "open_dnc_list")

    def open_scripts(self) -> None:
        open_feature(self, "ui.scripts.entry", "open_scripts")

    def open_calling(self) -> None:
        open_feature(self, "ui.calling.entry", "open_calling")

    def open_packs(self) -> None:
        open_feature(self, "ui.packs.entry", "open_packs_page")

    def open_evenings(self) -> None:
        open_feature(self, "ui.organising.evenings_page", "open_evenings")

    def open_inbox(self) -> None:
        open_feature(self, "ui.organising.inbox_page", "open_inbox")

    def open_calls(self) -> None:
        open_feature(self, "ui.organising.calls_page", "open_calls")

    def open_plans(self) -> None:
        open_feature(self, "ui.organising.plans_page", "open_plans")

    def export_local_plan(self) -> None:
        open_feature(self, "ui.organising.plans_page", "export_local_plan")

    def import_plan_answer(self) -> None:
        open_feature(self, "ui.organising.plans_page", "import_district_answer")

    def open_pack(self) -> None:
        open_feature(self, "ui.packs.entry", "open_pack_file")

    def return_pack(self) -> None:
        open_feature(self, "ui.packs.entry", "return_open_pack")

    def receive_packs(self) -> None:
        open_feature(self, "ui.packs.entry", "receive_packs")

    def open_erase_person(self) -> None:
        open_feature(self, "ui.privacy.erase_dialog", "open_erase")

    def open_access_person(self) -> None:
        open_feature(self, "ui.privacy.access_dialog", "open_access")

    def open_audit(self) -> None:
        open_feature(self, "ui.privacy.audit_page", "open_audit")

    def open_dashboard(self) -> None:
        open_feature(self, "ui.results.entry", "open_dashboard")

    def open_export(self) -> None:
        open_feature(self, "ui.results.entry", "open_export")

    def open_rollup(self) -> None:
        open_feature(self, "ui.results.entry", "open_rollup")

    def open_report(self) -> None:
        open_feature(self, "ui.printing.report_dialog", "open_report")

    def set_language(self, language: str) -> None:
        self.ctx.settings.set(LANGUAGE, language)
        i18n.set_language(language)

    def change_font_size(self, step: int) -> None:
        from ui.app import apply_font_size

        size = FONT_SIZE.default if step == 0 else self.ctx.settings.get(FONT_SIZE) + step
        size = max(FONT_SIZE.minimum or size, min(FONT_SIZE.maximum or size, size))
        self.ctx.settings.set(FONT_SIZE, size)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        apply_font_size(app, size)

    def show_about(self) -> None:
        from html import escape

        from app.settings import UPDATE_CHECK, UPDATE_URL

        url = escape(self.ctx.settings.get(UPDATE_URL), quote=True)
        # No network access unless the organiser switches it on (the check is not built yet).
        offline = "" if self.ctx.settings.get(UPDATE_CHECK) else self.tr(
            " Ringkväll never goes on the internet by itself to look for them.")
        QMessageBox.about(
            self, self.tr("About Ringkväll"),
            self.tr("<h3>Ringkväll %1</h3><p>Calling evenings for party associations: phone "
                    "lists, conversation scripts, results for the district.</p>"
                    "<p>Database: %2</p><p>Your data stays on this computer unless you "
                    "export it.</p>")
            .replace("%1", __version__).replace("%2", escape(self.ctx.location))
            + self.tr("<p>You have version %1. Newer versions are found at "
                      "<a href=\"%2\">%2</a>.%3</p>")
            .replace("%1", __version__).replace("%2", url).replace("%3", escape(offline)),
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # A key no widget used reaches the window: Enter presses the focused button.
        if press_focused_button(event):
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        current = self.pages.currentWidget()
        can_leave = getattr(current, "can_leave", None)
        if current is not self.home and callable(can_leave) and not can_leave():
            event.ignore()
            return
        event.accept()

