"""Wizard page 2: the target group the list goes into, existing or new."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWizardPage,
)

from app.services.import_support import targets_of

if TYPE_CHECKING:
    from ui.importing.wizard import ImportWizard


class GroupPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.campaign_label = QLabel()
        self.campaign_label.setWordWrap(True)
        self.existing_radio = QRadioButton()
        self.existing_radio.setObjectName("groupExisting")
        self.new_radio = QRadioButton()
        self.new_radio.setObjectName("groupNew")
        self.choice = QButtonGroup(self)
        self.choice.addButton(self.existing_radio)
        self.choice.addButton(self.new_radio)
        self.group_combo = QComboBox()
        self.group_combo.setObjectName("groupCombo")
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("groupName")
        self.existing_radio.toggled.connect(self._toggled)
        self.name_edit.textChanged.connect(self.completeChanged)
        self.name_edit.textEdited.connect(lambda _t: self.new_radio.setChecked(True))
        layout = QVBoxLayout(self)
        layout.addWidget(self.campaign_label)
        layout.addSpacing(self.fontMetrics().height())
        layout.addWidget(self.new_radio)
        layout.addWidget(self.name_edit)
        layout.addSpacing(self.fontMetrics().height() // 2)
        layout.addWidget(self.existing_radio)
        layout.addWidget(self.group_combo)
        layout.addStretch(1)
        self._campaign_name = ""
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Target group"))
        self.setSubTitle(self.tr("Each purchased list is usually a target group of its own."))
        self.campaign_label.setText(self.tr("Campaign: %1").replace("%1", self._campaign_name))
        self.new_radio.setText(self.tr("A new &target group named:"))
        self.existing_radio.setText(self.tr("Add to an &existing target group:"))
        self.name_edit.setAccessibleName(self.tr("Name of the new target group"))
        self.group_combo.setAccessibleName(self.tr("Existing target group"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def initializePage(self) -> None:
        targets = targets_of(self._wizard.ctx.db, self._wizard.campaign_id)
        self._campaign_name = targets.campaign_name
        names = targets.group_names
        self.group_combo.clear()
        self.group_combo.addItems(names)
        self.existing_radio.setEnabled(bool(names))
        if not self.name_edit.text():
            table = self._wizard.table
            self.name_edit.setText(table.path.stem if table is not None else "")
        self.new_radio.setChecked(True)
        self._toggled()
        self.retranslate()

    def _toggled(self, *_: object) -> None:
        existing = self.existing_radio.isChecked()
        self.group_combo.setEnabled(existing)
        self.name_edit.setEnabled(not existing)
        self.completeChanged.emit()

    def chosen_name(self) -> str:
        if self.existing_radio.isChecked():
            return self.group_combo.currentText()
        return self.name_edit.text().strip()

    def isComplete(self) -> bool:
        return bool(self.chosen_name())

    def validatePage(self) -> bool:
        self._wizard.group_name = self.chosen_name()
        return bool(self._wizard.group_name)
