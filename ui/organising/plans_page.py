"""The district's overview of local plans (read plans, set status, comment and deadline,
write the answer), and the association's pair of menu actions: export the local plan, read
the district's answer."""

from __future__ import annotations

from datetime import date
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.clock import local, utcnow
from app.errors import QT_TRANSLATE_NOOP, UserError
from app.progress import Progress
from app.services.organising.plan_workbook import STATUSES, PlanContent
from app.services.organising.plans import (
    DistrictPlanInfo,
    LocalPlanInfo,
    PlanExport,
    district_plans,
    export_plan,
    import_verdict,
    receive_plans,
    review_plan,
    verdict_file_name,
    write_verdicts,
)
from ui.context import UiContext
from ui.date_field import DateField
from ui.errors import show_error
from ui.list_table import list_table
from ui.sizing import (
    keep_scaled,
    labels_above_at_large_text,
    scroll_contents,
)

if TYPE_CHECKING:
    from ui.main_window import MainWindow

COLUMNS = 5


def status_text(status: str | None) -> str:
    texts = {
        "received": QCoreApplication.translate("PlansPage", "Received"),
        "approved": QCoreApplication.translate("PlansPage", "Approved"),
        "needs_changes": QCoreApplication.translate("PlansPage", "Needs changes"),
    }
    return texts.get(status or "", status or "–")


def _plan_html(plan: PlanContent) -> str:
    """The plan as the district reads it beside the list."""
    def line(label: str, value: object) -> str:
        shown = str(value) if value not in (None, "") else "–"
        return f"<b>{escape(label)}</b> {escape(shown)}"

    when = f"{local(plan.meeting_at):%Y-%m-%d %H:%M}" if plan.meeting_at else ""
    meeting = " ".join(p for p in (plan.meeting_title, when, plan.meeting_guest,
                                   plan.meeting_link) if p)
    period = f"{plan.starts_on or '?'} – {plan.ends_on or '?'}"
    goals = QCoreApplication.translate("PlansPage", "%1 conversations, %2 new members") \
        .replace("%1", str(plan.goal_conversations or "–")) \
        .replace("%2", str(plan.goal_recruits or "–"))
    people = QCoreApplication.translate("PlansPage", "people")
    groups_title = QCoreApplication.translate("PlansPage", "Target groups:")
    evenings_title = QCoreApplication.translate("PlansPage", "Calling evenings:")
    signed_up = QCoreApplication.translate("PlansPage", "%1 signed up")
    lines = [
        line(QCoreApplication.translate("PlansPage", "Campaign period:"), period),
        line(QCoreApplication.translate("PlansPage", "Local issue:"), plan.local_issue),
        line(QCoreApplication.translate("PlansPage", "Message:"), plan.local_message),
        line(QCoreApplication.translate("PlansPage", "Digital meeting:"), meeting),
        line(QCoreApplication.translate("PlansPage", "Goals:"), goals),
    ]
    groups = [f"<li>{escape(g.name)}: {g.size} {escape(people)}</li>" for g in plan.groups]
    evenings = [
        f"<li>{escape(e.day)} {escape(e.starts)}–{escape(e.ends)} {escape(e.place or e.link)}"
        f" ({escape(', '.join(e.groups))}); "
        f"{escape(signed_up.replace('%1', str(e.signups)))}</li>" for e in plan.evenings]
    if not evenings:
        none = QCoreApplication.translate("PlansPage", "none planned yet")
        evenings = [f"<li>{escape(none)}</li>"]
    return (f"<h3>{escape(plan.association)}: {escape(plan.campaign)}</h3>"
            + "<br>".join(lines)
            + f"<p><b>{escape(groups_title)}</b></p><ul>{''.join(groups)}</ul>"
            + f"<p><b>{escape(evenings_title)}</b></p><ul>{''.join(evenings)}</ul>")


class PlansPage(QWidget):
    """Distriktets granskning: every plan received, the nearest deadline first."""

    back_requested = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.plans: list[DistrictPlanInfo] = []
        self.loads = 0  # finished loads, for tests
        self.setObjectName("plansPage")
        self.title = QLabel()
        keep_scaled(self, self.title, 1.4, bold=True)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.read_button = QPushButton()
        self.read_button.setObjectName("plansRead")
        self.read_button.clicked.connect(self.choose_files)
        self.table = list_table("plansTable", COLUMNS)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.details = QTextBrowser()
        self.details.setObjectName("plansDetails")
        self.details.setOpenLinks(False)
        self.status = QComboBox()
        self.status.setObjectName("plansStatus")
        for value in STATUSES:
            self.status.addItem("", value)
        self.comment = QLineEdit()
        self.comment.setObjectName("plansComment")
        self.comment.returnPressed.connect(self.save_review)
        self.deadline = DateField(None, lambda: local(utcnow()).date())
        self.deadline.setObjectName("plansDeadline")
        self.form = QFormLayout()
        self.status_label, self.comment_label, self.deadline_label = QLabel(), QLabel(), QLabel()
        self.status_label.setBuddy(self.status)
        self.comment_label.setBuddy(self.comment)
        self.deadline_label.setBuddy(self.deadline)
        self.form.addRow(self.status_label, self.status)
        self.form.addRow(self.comment_label, self.comment)
        self.form.addRow(self.deadline_label, self.deadline)
        labels_above_at_large_text(self, self.form)
        self.save_button = QPushButton()
        self.save_button.setObjectName("plansSave")
        self.save_button.clicked.connect(self.save_review)
        self.answer_button = QPushButton()
        self.answer_button.setObjectName("plansAnswer")
        self.answer_button.clicked.connect(self.choose_answer_file)
        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.back_requested)
        self.message = QLabel()
        self.message.setObjectName("plansMessage")
        self.message.setWordWrap(True)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.details, 1)
        right_layout.addLayout(self.form)
        review_buttons = QHBoxLayout()
        review_buttons.addWidget(self.save_button)
        review_buttons.addWidget(self.answer_button)
        review_buttons.addStretch(1)
        right_layout.addLayout(review_buttons)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.empty)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        top = QHBoxLayout()
        top.addWidget(self.read_button)
        top.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.back_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)
        # At the largest text the page is taller than a laptop's screen: it scrolls then.
        scroll_contents(self)
        self.retranslate()
        self._selection_changed()
        self.refresh()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Local plans from the associations"))
        self.intro.setText(self.tr(
            "Read the plans the associations sent, nearest deadline first. Choose a plan, "
            "set its status and a comment, save, and write the answer to send back."))
        self.read_button.setText(self.tr("Read &plans…"))
        self.status_label.setText(self.tr("S&tatus:"))
        self.comment_label.setText(self.tr("&Comment:"))
        self.deadline_label.setText(self.tr("&Deadline:"))
        for index in range(self.status.count()):
            self.status.setItemText(index, status_text(str(self.status.itemData(index))))
        self.save_button.setText(self.tr("Sa&ve the review"))
        self.answer_button.setText(self.tr("&Write the answer…"))
        self.back_button.setText(self.tr("Bac&k"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Deadline"), self.tr("Association"), self.tr("Campaign"),
            self.tr("Status"), self.tr("Comment")])
        self.empty.setText(self.tr("No plans yet. Press Read plans to add the files the "
                                   "associations sent."))
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- data -------------------------------------------------------------------------------

    def refresh(self) -> None:
        db = self.ctx.db
        self.ctx.runner.run(lambda _progress: district_plans(db), context=self,
                            on_success=self._loaded)

    def _loaded(self, plans: list[DistrictPlanInfo]) -> None:
        self.plans = plans
        self._fill()
        self.loads += 1

    def _fill(self) -> None:
        chosen = self.selected()
        self.table.setRowCount(len(self.plans))
        for row, p in enumerate(self.plans):
            texts = (p.deadline.isoformat() if p.deadline else "–", p.association, p.campaign,
                     status_text(p.status), p.comment)
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, p.id)
                self.table.setItem(row, column, item)
        self.empty.setVisible(not self.plans)
        if self.plans:
            ids = [p.id for p in self.plans]
            self.table.selectRow(ids.index(chosen.id) if chosen and chosen.id in ids else 0)
        self._selection_changed()

    def selected(self) -> DistrictPlanInfo | None:
        model = self.table.selectionModel()
        rows = model.selectedRows() if model is not None else []
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        plan_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return next((p for p in self.plans if p.id == plan_id), None)

    def _selection_changed(self) -> None:
        plan = self.selected()
        for widget in (self.status, self.comment, self.deadline, self.save_button,
                       self.answer_button):
            widget.setEnabled(plan is not None)
        if plan is None:
            self.details.clear()
            return
        self.details.setHtml(_plan_html(plan.content))
        self.status.setCurrentIndex(max(self.status.findData(plan.status), 0))
        self.comment.setText(plan.comment)
        self.deadline.set_value(plan.deadline)

    # -- actions ----------------------------------------------------------------------------

    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Read local plans"), "", self.tr("Excel workbooks (*.xlsx)"))
        if files:
            self.read_files([Path(f) for f in files])

    def read_files(self, files: list[Path]) -> None:
        db = self.ctx.db
        self.ctx.runner.run(lambda _progress: receive_plans(db, files), context=self,
                            on_success=self._received, writes=True)

    def _received(self, plans: list[DistrictPlanInfo]) -> None:
        self.message.setText(self.tr("%n plan(s) read.", "", len(plans)))
        self.refresh()
        self.table.setFocus()

    def save_review(self) -> None:
        plan = self.selected()
        if plan is None:
            return
        if self.deadline.text() and not self.deadline.is_valid():
            template = QT_TRANSLATE_NOOP("app", "'{text}' is not a date (YYYY-MM-DD)")
            show_error(self, UserError(template, text=self.deadline.text()))
            return
        db, plan_id = self.ctx.db, plan.id
        status, comment = str(self.status.currentData()), self.comment.text()
        deadline: date | None = self.deadline.value()

        def work(_progress: Progress) -> DistrictPlanInfo:
            return review_plan(db, plan_id, status=status, comment=comment, deadline=deadline,
                               clear_deadline=deadline is None)

        self.ctx.runner.run(work, context=self, on_success=self._reviewed, writes=True)

    def _reviewed(self, plan: DistrictPlanInfo) -> None:
        self.message.setText(self.tr("The review of %1 is saved. Write the answer to send it "
                                     "back.").replace("%1", plan.association))
        self.refresh()

    def choose_answer_file(self) -> None:
        plan = self.selected()
        if plan is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Write the answer"), verdict_file_name(plan),
            self.tr("Excel workbooks (*.xlsx)"))
        if name:
            # The file dialog has asked before replacing a file.
            self.write_answer(plan.id, Path(name), force=True)

    def write_answer(self, plan_id: int, path: Path, *, force: bool = False) -> None:
        db = self.ctx.db
        self.ctx.runner.run(
            lambda _progress: write_verdicts(db, {plan_id: path}, force=force), context=self,
            on_success=lambda paths: self.message.setText(
                self.tr("The answer is written to %1.").replace("%1", str(paths[0]))))


def open_plans(window: MainWindow) -> PlansPage:
    """Resultat › Lokala planer (distriktet)."""
    page = PlansPage(window.ctx)
    page.back_requested.connect(window.show_home)
    window.show_page(page)
    page.read_button.setFocus()
    return page


# --- the association's side ------------------------------------------------------------------

def _campaign(window: MainWindow) -> tuple[int, str] | None:
    from app.services.lookups import campaign_name

    campaign_id = window.ctx.campaign_id
    name = campaign_name(window.ctx.db, campaign_id) if campaign_id is not None else None
    if campaign_id is None or name is None:
        QMessageBox.information(
            window, QCoreApplication.translate("PlansPage", "Local plan"),
            QCoreApplication.translate("PlansPage", "Choose a campaign on the start page first."))
        return None
    return campaign_id, name


def export_local_plan(window: MainWindow) -> None:
    """Kampanj › Exportera lokal plan…"""
    chosen = _campaign(window)
    if chosen is None:
        return
    name, _ = QFileDialog.getSaveFileName(
        window, QCoreApplication.translate("PlansPage", "Export the local plan"),
        f"lokal plan {chosen[1]}.xlsx",
        QCoreApplication.translate("PlansPage", "Excel workbooks (*.xlsx)"))
    if name:
        export_local_plan_to(window, chosen[1], Path(name), force=True)


def export_local_plan_to(window: MainWindow, campaign: str, path: Path, *,
                         force: bool = False) -> None:
    db = window.ctx.db

    def done(result: PlanExport) -> None:
        window.statusBar().showMessage(QCoreApplication.translate(
            "PlansPage", "The local plan is written to %1. Send it to the district.")
            .replace("%1", str(result.path)), 10000)

    window.ctx.runner.run(lambda _progress: export_plan(db, campaign, path, force=force),
                          context=window, on_success=done, writes=True)


def import_district_answer(window: MainWindow) -> None:
    """Kampanj › Läs in distriktets svar…"""
    name, _ = QFileDialog.getOpenFileName(
        window, QCoreApplication.translate("PlansPage", "Read the district's answer"), "",
        QCoreApplication.translate("PlansPage", "Excel workbooks (*.xlsx)"))
    if name:
        import_district_answer_from(window, Path(name))


def answer_text(info: LocalPlanInfo) -> str:
    reviewed = f"{local(info.reviewed_at):%Y-%m-%d %H:%M}" if info.reviewed_at else "–"
    text = QCoreApplication.translate(
        "PlansPage", "The district's answer on the local plan: %1 (reviewed %2).") \
        .replace("%1", status_text(info.status)).replace("%2", reviewed)
    if info.comment:
        comment = QCoreApplication.translate("PlansPage", "Comment: %1")
        text += "\n\n" + comment.replace("%1", info.comment)
    return text


def import_district_answer_from(window: MainWindow, path: Path) -> None:
    db = window.ctx.db

    def done(info: LocalPlanInfo) -> None:
        window.ctx.events.changed.emit("campaigns")
        box = QMessageBox(QMessageBox.Icon.Information,
                          QCoreApplication.translate("PlansPage", "The district's answer"),
                          answer_text(info), QMessageBox.StandardButton.Ok, window)
        box.setObjectName("districtAnswerBox")
        box.open()

    window.ctx.runner.run(lambda _progress: import_verdict(db, path), context=window,
                          on_success=done, on_failure=lambda exc: show_error(window, exc),
                          writes=True)
