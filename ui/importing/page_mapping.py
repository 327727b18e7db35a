"""Wizard page 3: what each column is, beside a preview of the first rows."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from app.errors import UserError
from app.services.importing.mapping import (
    FIELD_TITLES,
    FIELDS,
    IGNORE,
    REPEATABLE,
    Mapping,
    auto_mapping,
    check_mapping,
)
from ui.errors import user_message
from ui.importing.common import tr_app
from ui.sizing import rows_follow_font

if TYPE_CHECKING:
    from ui.importing.wizard import ImportWizard


class MappingPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setCommitPage(True)  # the next page imports: there is no going back from it
        self.columns = QTableWidget(0, 2)
        self.columns.setObjectName("mappingTable")
        self.columns.verticalHeader().hide()
        self.columns.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.columns.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents)
        self.columns.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        rows_follow_font(self.columns, with_widgets=True)
        self.preview = QTableWidget()
        self.preview.setObjectName("previewTable")
        rows_follow_font(self.preview)
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_label = QLabel()
        self.preview_label.setBuddy(self.preview)
        self.columns_label = QLabel()
        self.columns_label.setBuddy(self.columns)
        self.hint = QLabel()
        self.hint.setObjectName("mappingHint")
        self.hint.setWordWrap(True)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.columns_label)
        left_layout.addWidget(self.columns)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.preview_label)
        right_layout.addWidget(self.preview)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        # Half each: at large text the column choices need the room to be read.
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.hint)
        self._combos: list[QComboBox] = []
        self._headers: tuple[str, ...] = ()
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Columns"))
        self.setSubTitle(self.tr("Check what each column holds. Columns set to “not imported” "
                                 "are not saved anywhere."))
        self.columns_label.setText(self.tr("&Columns in the file"))
        self.preview_label.setText(self.tr("&First rows of the list"))
        self.columns.setHorizontalHeaderLabels([self.tr("Column"), self.tr("Imported as")])
        self.columns.setAccessibleName(self.tr("Columns and what they are imported as"))
        self.preview.setAccessibleName(self.tr("Preview of the first rows"))
        for combo in self._combos:
            for index in range(combo.count()):
                combo.setItemText(index, tr_app(FIELD_TITLES[str(combo.itemData(index))]))
            combo.setAccessibleName(self.tr("Imported as"))
        self._update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def initializePage(self) -> None:
        table = self._wizard.table
        assert table is not None
        mapping = self._wizard.mapping
        if mapping is None or mapping.headers != tuple(table.headers):
            mapping = auto_mapping(table.headers)
        self._headers = mapping.headers
        self.columns.setRowCount(len(mapping.headers))
        self._combos = []
        for row, (header, field) in enumerate(zip(mapping.headers, mapping.fields, strict=True)):
            item = QTableWidgetItem(header)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.columns.setItem(row, 0, item)
            combo = QComboBox()
            combo.setObjectName(f"mappingCombo{row}")
            for value in (IGNORE, *FIELDS):
                combo.addItem(tr_app(FIELD_TITLES[value]), value)
            combo.setCurrentIndex(combo.findData(field))
            combo.currentIndexChanged.connect(lambda _i, r=row: self._changed(r))
            self.columns.setCellWidget(row, 1, combo)
            self._combos.append(combo)
        rows = self._wizard.preview
        self.preview.clear()
        self.preview.setColumnCount(len(mapping.headers))
        self.preview.setRowCount(len(rows))
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                self.preview.setItem(r, c, QTableWidgetItem(text))
        self.retranslate()
        self.preview.resizeColumnsToContents()

    def _changed(self, row: int) -> None:
        field = str(self._combos[row].currentData())
        if field not in REPEATABLE and field != IGNORE:
            # A single-valued field moves: the column that had it before loses it.
            for other, combo in enumerate(self._combos):
                if other != row and combo.currentData() == field:
                    combo.blockSignals(True)
                    combo.setCurrentIndex(combo.findData(IGNORE))
                    combo.blockSignals(False)
        self._update()

    def current_mapping(self) -> Mapping:
        return Mapping(self._headers, tuple(str(c.currentData()) for c in self._combos))

    def set_field(self, column: int, field: str) -> None:
        """Choose what a column is (the same as picking it in the column's list)."""
        self._combos[column].setCurrentIndex(self._combos[column].findData(field))

    def _problem(self) -> str:
        if not self._combos:
            return ""
        try:
            check_mapping(self.current_mapping(), self._wizard.file_page.file_name())
        except UserError as exc:
            return user_message(exc)
        return ""

    def _update(self) -> None:
        if not self._combos:
            return
        mapping = self.current_mapping()
        labels = [
            f"{header}\n({tr_app(FIELD_TITLES[field])})" if field != IGNORE else header
            for header, field in zip(mapping.headers, mapping.fields, strict=True)
        ]
        self.preview.setHorizontalHeaderLabels(labels)
        for column, field in enumerate(mapping.fields):
            for row in range(self.preview.rowCount()):
                item = self.preview.item(row, column)
                if item is not None:
                    # Columns that will not be saved are greyed out in the preview.
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled if field != IGNORE
                                  else Qt.ItemFlag.NoItemFlags)
        problem = self._problem()
        phones = len(mapping.phone_columns)
        self.hint.setText(problem or self.tr(
            "%n column(s) will be read as phone numbers. Every number is checked; a row is "
            "imported if at least one of its numbers can be called.", "", phones))
        self.hint.setStyleSheet("font-weight: bold;" if problem else "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self._combos) and not self._problem()

    def validatePage(self) -> bool:
        self._wizard.mapping = self.current_mapping()
        return True
