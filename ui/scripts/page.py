"""The scripts screen: the campaign's scripts and versions, import/export, and the editor."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.services.output_paths import check_output
from app.services.scripts import StoredScript
from app.services.scripts.actions import (
    ScriptsOverview,
    export_script_file,
    import_script_file,
    install_builtins,
    preview_context,
    save_script_version,
    scripts_overview,
    stored_script,
    use_for_calling,
)
from ui.context import UiContext
from ui.errors import show_error
from ui.scripts.editor import ScriptEditor
from ui.scripts.preview import PREVIEW_CONTACT, PREVIEW_VOLUNTEER, PreviewDialog
from ui.scripts.texts import origin_name
from ui.sizing import LARGE_TEXT_PT, keep_scaled


class ScriptsPage(QWidget):
    back = Signal()

    def __init__(self, ctx: UiContext, campaign_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scriptsPage")
        self.ctx = ctx
        self.campaign_id = campaign_id
        self.campaign_name = ""
        self.active_id: int | None = None
        self.stored: dict[int, StoredScript] = {}
        self.last_dir = str(Path.home())

        self.back_button = QPushButton()
        self.back_button.setObjectName("scriptsBack")
        self.back_button.clicked.connect(self.back)
        self.heading = QLabel()
        keep_scaled(self, self.heading, 1.4, bold=True)
        self.heading.setWordWrap(True)

        self.list_label = QLabel()
        self.list = QListWidget()
        self.list.setObjectName("scriptList")
        self.list.setWordWrap(True)
        self.list_label.setBuddy(self.list)
        self.list.currentItemChanged.connect(self._chosen)
        self.use_button = QPushButton()
        self.use_button.setObjectName("useScriptButton")
        self.use_button.clicked.connect(self.use_selected)
        self.import_button = QPushButton()
        self.import_button.setObjectName("importScriptButton")
        self.import_button.clicked.connect(self.choose_import)
        self.export_button = QPushButton()
        self.export_button.setObjectName("exportScriptButton")
        self.export_button.clicked.connect(self.choose_export)

        self.editor = ScriptEditor()
        self.editor.changed.connect(self._editor_changed)
        self.status = QLabel()
        self.status.setObjectName("editorStatus")
        self.status.setWordWrap(True)
        self.preview_button = QPushButton()
        self.preview_button.setObjectName("previewButton")
        self.preview_button.clicked.connect(self.preview)
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveVersionButton")
        self.save_button.clicked.connect(self.save)

        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.heading, 1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list_label)
        left_layout.addWidget(self.list, 1)
        for button in (self.use_button, self.import_button, self.export_button):
            left_layout.addWidget(button)
        self.left = left
        self._fit_left()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.editor, 1)
        # The status on its own line: beside the buttons it would make the page wider than
        # a small screen at large text.
        right_layout.addWidget(self.status)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.preview_button)
        bottom.addWidget(self.save_button)
        right_layout.addLayout(bottom)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.retranslate()
        overview = scripts_overview(ctx.db, campaign_id)
        self._show_overview(overview)
        if not overview.scripts:
            self._install_builtins()

    def _install_builtins(self) -> None:
        """A campaign made without scripts gets the built-in ones the first time it is opened
        here, so the organiser always has a script to start from."""
        db, campaign_id = self.ctx.db, self.campaign_id
        self.ctx.runner.run(lambda _progress: install_builtins(db, campaign_id), context=self,
                            on_success=self._builtins_installed,
                            on_failure=lambda exc: show_error(self, exc,
                                                              retry=self._install_builtins),
                            writes=True)

    def _builtins_installed(self, _result: None) -> None:
        self.refresh()
        self.ctx.events.changed.emit("scripts")

    def retranslate(self) -> None:
        self.back_button.setText(self.tr("← H&ome"))
        self.back_button.setAccessibleName(self.tr("Back to the start page"))
        self.heading.setText(self.tr("Conversation scripts: %1").replace("%1",
                                                                         self.campaign_name))
        self.list_label.setText(self.tr("Scripts and &versions"))
        self.list.setAccessibleName(self.tr("Scripts and versions"))
        self.use_button.setText(self.tr("&Use for calling"))
        self.import_button.setText(self.tr("&Import…"))
        self.export_button.setText(self.tr("E&xport…"))
        self.preview_button.setText(self.tr("&Preview…"))
        self.save_button.setText(self.tr("Save as ne&w version"))
        self._fill_list()
        self._editor_changed()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.FontChange:
            self._fit_left()
        super().changeEvent(event)

    def _fit_left(self) -> None:
        """The list of scripts 30 letters wide; at large text only as wide as its texts and
        buttons need, so the editor beside it keeps room on a small screen."""
        chars = 30 if self.font().pointSizeF() < LARGE_TEXT_PT else 0
        self.left.setMinimumWidth(self.fontMetrics().averageCharWidth() * chars)

    # --- the list --------------------------------------------------------------------------
    def refresh(self, select_id: int | None = None) -> None:
        self._show_overview(scripts_overview(self.ctx.db, self.campaign_id), select_id)

    def _show_overview(self, overview: ScriptsOverview, select_id: int | None = None) -> None:
        self.campaign_name = overview.campaign_name
        self.active_id = overview.active_id
        self.stored = {s.id: s for s in overview.scripts}
        self.heading.setText(self.tr("Conversation scripts: %1").replace("%1",
                                                                         self.campaign_name))
        current = select_id or self.selected_id() or self.active_id
        self._fill_list(current)

    def _item_text(self, stored: StoredScript) -> str:
        line = self.tr("version %1, %2").replace("%1", str(stored.version)) \
            .replace("%2", origin_name(stored.origin))
        if stored.id == self.active_id:
            line += " · " + self.tr("used for calling")
        if not stored.valid:
            line += " · " + self.tr("has problems")
        return f"{stored.name}\n{line}"

    def _fill_list(self, select_id: int | None = None) -> None:
        if not hasattr(self, "stored"):
            return
        select_id = select_id or self.selected_id()
        self.list.blockSignals(True)
        self.list.clear()
        for stored in self.stored.values():
            item = QListWidgetItem(self._item_text(stored))
            item.setData(Qt.ItemDataRole.UserRole, stored.id)
            if stored.id == self.active_id:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.list.addItem(item)
            if stored.id == select_id:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        elif self.list.currentItem() is not None:
            self._chosen(self.list.currentItem(), None, ask=False)

    def selected_id(self) -> int | None:
        item = self.list.currentItem() if hasattr(self, "list") else None
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def _chosen(self, item: QListWidgetItem | None, previous: QListWidgetItem | None,
                ask: bool = True) -> None:
        if item is None:
            return
        script_id = int(item.data(Qt.ItemDataRole.UserRole))
        base = self.editor.base
        if base is not None and base.id == script_id and not ask:
            return
        if ask and self.editor.dirty and not self._discard_ok():
            if previous is not None:
                self.list.blockSignals(True)
                self.list.setCurrentItem(previous)
                self.list.blockSignals(False)
            return
        stored = self.stored.get(script_id)
        if stored is not None:
            self.editor.load(stored)
        self.use_button.setEnabled(script_id != self.active_id)
        self._editor_changed()

    def _discard_ok(self) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"),
            self.tr("You have changed this script without saving. Throw the changes away?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def can_leave(self) -> bool:
        """Asked by the main window before it closes this page."""
        return not self.editor.dirty or self._discard_ok()

    # --- editing ---------------------------------------------------------------------------
    def _editor_changed(self) -> None:
        if not hasattr(self, "status"):
            return
        base = self.editor.base
        self.save_button.setEnabled(base is not None and self.editor.dirty)
        # A script with problems may lead to steps that do not exist: fix first, then preview.
        self.preview_button.setEnabled(base is not None and self.editor.valid)
        self.preview_button.setToolTip(
            "" if self.editor.valid else self.tr("Fix the problems first, then preview."))
        if base is None:
            self.status.setText(self.tr("Choose a script on the left."))
            return
        count = len(self.editor.problems)
        if self.editor.dirty:
            text = self.tr("Changed. Saving makes a new version; calls already made keep "
                           "the version they used.")
        else:
            text = self.tr("Version %1. Calls made with it keep it exactly as it is.") \
                .replace("%1", str(base.version))
        if count:
            text += " " + self.tr("%n problem(s): the script cannot be used for calling "
                                  "until they are fixed.", "", count)
        self.status.setText(text)

    def save(self) -> None:
        """Save on the task runner's write thread; the editor waits meanwhile, so nothing
        typed during the save is lost."""
        base = self.editor.base
        if base is None:
            return
        db, base_id, script = self.ctx.db, base.id, self.editor.script()
        self._set_saving(True)
        self.ctx.runner.run(lambda _progress: save_script_version(db, base_id, script),
                            context=self, on_success=self._saved,
                            on_failure=self._save_failed, writes=True)

    def _set_saving(self, saving: bool) -> None:
        self.editor.setEnabled(not saving)
        self.list.setEnabled(not saving)
        self.use_button.setEnabled(not saving and self.selected_id() != self.active_id)
        if saving:
            self.save_button.setEnabled(False)
        else:
            self._editor_changed()

    def _saved(self, stored: StoredScript) -> None:
        self._set_saving(False)
        self.editor.dirty = False
        self.refresh(select_id=stored.id)
        self.editor.load(stored)
        self._editor_changed()
        self.ctx.events.changed.emit("scripts")
        if stored.valid:
            message = self.tr("Saved as version %1. Callers use it from now on.")
        else:
            message = self.tr("Saved as version %1. It has problems, so callers keep the "
                              "script they had until you fix them.")
        self.status.setText(message.replace("%1", str(stored.version)))

    def _save_failed(self, exc: BaseException) -> None:
        self._set_saving(False)
        show_error(self, exc, retry=self.save)

    def preview(self) -> None:
        context = preview_context(self.ctx.db, self.campaign_id, PREVIEW_CONTACT,
                                  PREVIEW_VOLUNTEER, self.editor.meta.language)
        self.preview_dialog = PreviewDialog(self.editor.script(), context, self)
        self.preview_dialog.open()

    def use_selected(self) -> None:
        script_id = self.selected_id()
        if script_id is None:
            return
        db, campaign_id = self.ctx.db, self.campaign_id
        self.use_button.setEnabled(False)
        self.ctx.runner.run(
            lambda _progress: use_for_calling(db, campaign_id, script_id), context=self,
            on_success=self._used, on_failure=self._use_failed, writes=True)

    def _used(self, stored: StoredScript) -> None:
        self.refresh(select_id=stored.id)
        self.ctx.events.changed.emit("scripts")

    def _use_failed(self, exc: BaseException) -> None:
        self.use_button.setEnabled(self.selected_id() != self.active_id)
        show_error(self, exc, retry=self.use_selected)

    # --- files -----------------------------------------------------------------------------
    def choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a script"), self.last_dir,
            self.tr("Scripts (*.yaml *.yml);;All files (*)"),
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        self.last_dir = str(path.parent)
        db, campaign_id = self.ctx.db, self.campaign_id
        self.import_button.setEnabled(False)
        self.ctx.runner.run(lambda _progress: import_script_file(db, campaign_id, path),
                            context=self, on_success=self._imported,
                            on_failure=lambda exc: self._task_failed(
                                exc, lambda: self.import_file(path)),
                            writes=True)

    def _imported(self, stored: StoredScript) -> None:
        self.import_button.setEnabled(True)
        self.refresh(select_id=stored.id)
        self.ctx.events.changed.emit("scripts")
        if stored.valid:
            self.status.setText(self.tr("Imported as version %1. Callers use it from now on.")
                                .replace("%1", str(stored.version)))
        else:
            self.status.setText(self.tr("Imported as version %1, but it has problems. Fix "
                                        "them and save a new version before calling with it.")
                                .replace("%1", str(stored.version)))

    def _task_failed(self, exc: BaseException, retry: Callable[[], None]) -> None:
        self.import_button.setEnabled(True)
        self.export_button.setEnabled(True)
        show_error(self, exc, retry=retry)

    def choose_export(self) -> None:
        script_id = self.selected_id()
        if script_id is None:
            return
        stored = self.stored[script_id]
        suggested = str(Path(self.last_dir) / f"{stored.key}-v{stored.version}.yaml")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the script"), suggested,
            self.tr("Scripts (*.yaml *.yml)"),
        )
        if path:
            self.export_file(script_id, Path(path))

    def export_file(self, script_id: int, path: Path) -> None:
        self.last_dir = str(path.parent)
        db = self.ctx.db
        self.export_button.setEnabled(False)

        def work(_progress: object) -> Path:
            # Never over the database or its backups. The file dialog has asked before
            # replacing an existing file (its default), hence force.
            check_output(path, database=db, force=True)
            return export_script_file(db, script_id, path)

        self.ctx.runner.run(work, context=self, on_success=self._exported,
                            on_failure=lambda exc: self._task_failed(
                                exc, lambda: self.export_file(script_id, path)))

    def _exported(self, path: Path) -> None:
        self.export_button.setEnabled(True)
        self.status.setText(self.tr("Exported to %1").replace("%1", str(path)))

    def stored_script(self, script_id: int) -> StoredScript:
        return stored_script(self.ctx.db, script_id)
