"""The results dashboard: key figures, charts and tables, filtered by target group and dates.

The figures come from app.services.results.build_report on a worker thread; the page
refreshes when data changes (ctx.events.changed) and every half minute while an evening runs.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QDate, QDateTime, QEvent, QLocale, Qt, QTime, QTimer, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.clock import utcnow
from app.progress import Progress
from app.services.lookups import group_choices
from app.services.reporting import campaign_report
from app.services.results import COUNT_KEYS, Counts, Report, ReportFilter
from app.services.results.pack_figures import PackFigures, campaign_pack_figures
from app.settings import LANGUAGE
from ui.context import UiContext
from ui.results import charts
from ui.results.tables import Cell, FiguresTable
from ui.sizing import keep_scaled, scroll_contents

REFRESH_MS = 30_000
EVENING_WINDOW = timedelta(hours=3)  # a call this recent means an evening is running
# From this text size (points) the filters and key figures take two rows.
LARGE_TEXT_PT = 18
CARD_KEYS = ("calls", "reached", "conversations", "recruited", "follow_ups", "meeting_signups")
FUNNEL_KEYS = ("contacts", "tried", "reached", "conversations", "recruited")


class Card(QFrame):
    """One key figure: a big number over its caption."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"card_{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.value = QLabel("–")
        keep_scaled(self, self.value, 2.0, bold=True)
        self.value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption = QLabel()
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)

    def set(self, caption: str, value: int) -> None:
        self.caption.setText(caption)
        self.value.setText(QLocale().toString(value))
        self.setAccessibleName(f"{caption}: {value}")


class DashboardPage(QWidget):
    export_requested = Signal()
    back_requested = Signal()
    report_shown = Signal()  # after a new report is on screen (tests wait for it)

    def __init__(self, ctx: UiContext, campaign_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.campaign_id = campaign_id
        self.setObjectName("resultsDashboard")
        self.report: Report | None = None
        self.packs: list[PackFigures] = []
        self._generation = 0
        self._build()
        self._load_groups()
        self.retranslate()
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(800)
        self._debounce.timeout.connect(self.refresh)
        ctx.events.changed.connect(self._data_changed)
        self.refresh()

    # -- building -------------------------------------------------------------------------

    def _build(self) -> None:
        self.heading = QLabel()
        keep_scaled(self, self.heading, 1.6, bold=True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.updated = QLabel()
        self.export_button = QPushButton()
        self.export_button.setObjectName("exportButton")
        self.export_button.clicked.connect(self.export_requested)
        self.back_button = QPushButton()
        self.back_button.setObjectName("backButton")
        self.back_button.clicked.connect(self.back_requested)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.export_button)
        top.addWidget(self.back_button)

        self.group_label = QLabel()
        self.group_filter = QComboBox()
        self.group_filter.setObjectName("groupFilter")
        self.group_label.setBuddy(self.group_filter)
        self.group_filter.currentIndexChanged.connect(self.refresh)
        self.date_filter = QCheckBox()
        self.date_filter.setObjectName("dateFilter")
        self.date_filter.toggled.connect(self._date_toggled)
        self.from_date = QDateEdit()
        self.from_date.setObjectName("fromDate")
        self.to_date = QDateEdit()
        self.to_date.setObjectName("toDate")
        self.to_label = QLabel()
        self.to_label.setBuddy(self.to_date)
        today = QDate.currentDate()
        for edit in (self.from_date, self.to_date):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(today)
            edit.setEnabled(False)
            edit.dateChanged.connect(self._dates_changed)
        group_row = QHBoxLayout()
        group_row.addWidget(self.group_label)
        group_row.addWidget(self.group_filter, 1)
        date_row = QHBoxLayout()
        date_row.addWidget(self.date_filter)
        date_row.addWidget(self.from_date)
        date_row.addWidget(self.to_label)
        date_row.addWidget(self.to_date)
        date_row.addStretch(1)
        # Side by side, or (large text) one above the other: see _arrange.
        self.filters = filters = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        filters.addLayout(group_row, 1)
        filters.addSpacing(16)
        filters.addLayout(date_row, 1)

        self.cards = {key: Card(key) for key in CARD_KEYS}
        self.cards_grid = cards = QGridLayout()

        self.funnel = charts.ChartView("funnel")
        self.evenings = charts.ChartView("evenings")
        self.outcomes = charts.ChartView("outcomes")
        self.volunteers_chart = charts.ChartView("volunteers")
        self.chart_grid = grid = QGridLayout()
        chart_page = QWidget()
        chart_page.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(chart_page)

        self.groups_table = FiguresTable("groups")
        self.groups_table.setObjectName("groupsTable")
        self.queue_table = FiguresTable("queue")
        self.volunteers_table = FiguresTable("volunteers")
        self.volunteers_table.setObjectName("volunteersTable")
        self.days_table = FiguresTable("days")
        self.answers_table = FiguresTable("answers")
        # Calls made on laptops, per calling pack: only for a campaign that has packs.
        self.packs_table = FiguresTable("packs")
        self.packs_table.setObjectName("packsTable")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("resultsTabs")
        self.tabs.addTab(scroll, "")
        for table in (self.groups_table, self.queue_table, self.volunteers_table,
                      self.days_table, self.answers_table, self.packs_table):
            self.tabs.addTab(table, "")
        self.tabs.setTabVisible(self.tabs.indexOf(self.packs_table), False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addLayout(top)
        layout.addWidget(self.updated)
        layout.addLayout(filters)
        layout.addLayout(cards)
        layout.addWidget(self.tabs, 1)
        # Large text on a small screen: the page scrolls rather than squeeze the tables.
        scroll_contents(self)
        self._large: bool | None = None
        self._arrange()

    def _arrange(self) -> None:
        """Normal text: the filters on one line, the key figures in one row. Large text:
        the filters one above the other and the figures in two rows, so the page is never
        wider than a small laptop's screen."""
        large = self.font().pointSizeF() >= LARGE_TEXT_PT
        if large == self._large:
            return
        self._large = large
        self.filters.setDirection(QBoxLayout.Direction.TopToBottom if large
                                  else QBoxLayout.Direction.LeftToRight)
        columns = (len(self.cards) + 1) // 2 if large else len(self.cards)
        for card in self.cards.values():
            self.cards_grid.removeWidget(card)
        for column in range(len(self.cards)):
            self.cards_grid.setColumnStretch(column, 1 if column < columns else 0)
        for index, card in enumerate(self.cards.values()):
            self.cards_grid.addWidget(card, index // columns, index % columns)
        charts_per_row = 1 if large else 2
        views = (self.funnel, self.evenings, self.outcomes, self.volunteers_chart)
        for index, view in enumerate(views):
            self.chart_grid.removeWidget(view)
            self.chart_grid.addWidget(view, index // charts_per_row, index % charts_per_row)
        self.tabs.setMinimumHeight(self.fontMetrics().height() * 12)

    def _load_groups(self) -> None:
        groups = [(g.id, g.name) for g in group_choices(self.ctx.db, self.campaign_id)]
        self.group_filter.blockSignals(True)
        self.group_filter.clear()
        self.group_filter.addItem("", None)
        for gid, name in groups:
            self.group_filter.addItem(name, gid)
        self.group_filter.blockSignals(False)

    # -- texts ----------------------------------------------------------------------------

    def names(self) -> dict[str, str]:
        """The figures' names in the UI language."""
        return {
            "contacts": self.tr("Contacts"),
            "tried": self.tr("Tried"),
            "calls": self.tr("Calls"),
            "reached": self.tr("Reached"),
            "conversations": self.tr("Conversations"),
            "recruited": self.tr("New members"),
            "follow_ups": self.tr("Follow-ups"),
            "meeting_signups": self.tr("Meeting sign-ups"),
            "do_not_call": self.tr("Do not call"),
            "wrong_numbers": self.tr("Wrong numbers"),
            "still_to_call": self.tr("Still to call"),
            "reached_rate": self.tr("Reached/tried"),
            "conversation_rate": self.tr("Conversations/reached"),
            "recruited_per_100": self.tr("Members per 100 conversations"),
            "talk_minutes": self.tr("Talk time (min)"),
            "median_talk": self.tr("Median talk time (s)"),
            "callable_now": self.tr("Callable now"),
            "waiting_retry": self.tr("Waiting for retry"),
            "callbacks_later": self.tr("Callbacks due later"),
            "done": self.tr("Done"),
            "no_number": self.tr("No callable number"),
            "packed": self.tr("Out in calling packs"),
        }

    def retranslate(self) -> None:
        self.export_button.setText(self.tr("&Export to Excel…"))
        self.back_button.setText(self.tr("&Back"))
        self.group_label.setText(self.tr("&Target group:"))
        self.group_filter.setItemText(0, self.tr("All target groups"))
        self.group_filter.setAccessibleName(self.tr("Target group"))
        self.date_filter.setText(self.tr("Only &days from"))
        self.to_label.setText(self.tr("to"))
        self.from_date.setAccessibleName(self.tr("First day"))
        self.to_date.setAccessibleName(self.tr("Last day"))
        titles = (self.tr("Charts"), self.tr("Target groups"), self.tr("Queue"),
                  self.tr("Volunteers"), self.tr("Days"), self.tr("Answers"),
                  self.tr("Calling packs"))
        for index, title in enumerate(titles):
            self.tabs.setTabText(index, title)
        for table, title in zip((self.groups_table, self.queue_table, self.volunteers_table,
                                 self.days_table, self.answers_table, self.packs_table),
                                titles[1:], strict=True):
            table.setAccessibleName(title)
        if self.report is not None:
            self._show(self.report)
        else:
            self.heading.setText(self.tr("Results"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.FontChange:
            self._arrange()
            self.tabs.setMinimumHeight(self.fontMetrics().height() * 12)
        super().changeEvent(event)

    # -- refreshing -----------------------------------------------------------------------

    def current_filter(self) -> ReportFilter:
        gid = self.group_filter.currentData()
        if not self.date_filter.isChecked():
            return ReportFilter(group_id=gid)
        first: date = self.from_date.date().toPython()  # type: ignore[assignment]
        last: date = self.to_date.date().toPython()  # type: ignore[assignment]
        return ReportFilter(group_id=gid, first_day=min(first, last), last_day=max(first, last))

    def refresh(self) -> None:
        self._generation += 1
        generation = self._generation
        db = self.ctx.db
        campaign_id = self.campaign_id
        flt = self.current_filter()

        def work(progress: Progress) -> tuple[int, Report, list[PackFigures]]:
            return (generation, campaign_report(db, campaign_id, flt),
                    campaign_pack_figures(db, campaign_id))

        self.ctx.runner.run(work, context=self, on_success=self._arrived)

    def _arrived(self, result: tuple[int, Report, list[PackFigures]]) -> None:
        generation, report, packs = result
        if generation != self._generation:
            return  # a newer filter was chosen while this one was being counted
        self.report = report
        self.packs = packs
        self._show(report)
        self.report_shown.emit()

    def _tick(self) -> None:
        if self.isVisible() and self.evening_running():
            self.refresh()

    def evening_running(self) -> bool:
        last = self.report.last_call if self.report else None
        return last is not None and utcnow() - last < EVENING_WINDOW

    def _data_changed(self, what: str) -> None:
        if what == "contacts":
            self._load_groups()
        self._debounce.start()

    def _date_toggled(self, on: bool) -> None:
        self.from_date.setEnabled(on)
        self.to_date.setEnabled(on)
        if on and self.report is not None and self.report.first_call is not None:
            self.from_date.blockSignals(True)
            self.from_date.setDate(QDate(*self._ymd(self.report.first_call.astimezone().date())))
            self.from_date.blockSignals(False)
        self.refresh()

    @staticmethod
    def _hms(at: time) -> tuple[int, int, int]:
        return at.hour, at.minute, at.second

    @staticmethod
    def _ymd(day: date) -> tuple[int, int, int]:
        return day.year, day.month, day.day

    def _dates_changed(self) -> None:
        if self.date_filter.isChecked():
            self.refresh()

    # -- showing --------------------------------------------------------------------------

    def _show(self, report: Report) -> None:
        names = self.names()
        self.heading.setText(report.campaign.name)
        self.updated.setText(self.tr("Updated %1").replace(
            "%1", QLocale().toString(QTime(*self._hms(report.made_at.astimezone().time())),
                                     QLocale.FormatType.ShortFormat)))
        for key, card in self.cards.items():
            card.set(names[key], int(getattr(report.total, key)))
        self._show_charts(report, names)
        self._show_tables(report, names)

    def _show_charts(self, report: Report, names: dict[str, str]) -> None:
        language = self.ctx.settings.get(LANGUAGE)
        stages = [(key, names[key]) for key in FUNNEL_KEYS]
        self.funnel.show_chart(charts.funnel_chart(report, stages),
                               self.tr("From list to new members, per target group"))
        self.evenings.show_chart(
            charts.evenings_chart(report, names["calls"], names["conversations"]),
            self.tr("Calls and conversations per evening"))
        charts.fit_rows(self.outcomes, len(report.total.outcomes))
        self.outcomes.show_chart(charts.outcomes_chart(report, language,
                                                       self.tr("Share of calls (%)")),
                                 self.tr("Outcomes of all calls"))
        charts.fit_rows(self.volunteers_chart, len(report.volunteers))
        charts.fit_rows(self.funnel, len(FUNNEL_KEYS) * max(1, len(report.groups)) // 3)
        self.volunteers_chart.show_chart(
            charts.volunteers_chart(report, names["calls"], names["conversations"],
                                    self.tr("(unknown)")),
            self.tr("Calls and conversations per volunteer"))

    def _show_tables(self, report: Report, names: dict[str, str]) -> None:
        figure_keys = [*COUNT_KEYS, "reached_rate", "conversation_rate", "recruited_per_100",
                       "talk_minutes", "median_talk"]
        # Figures down, target groups across: 16 figures read better as rows than columns.
        columns = [*report.groups, None]
        header = [self.tr("Figure"), *(r.label for r in report.groups), self.tr("Total")]
        values = [_figures(r.counts) if r is not None else _figures(report.total)
                  for r in columns]
        self.groups_table.show_rows(
            header, [[names[key], *(v[i] for v in values)] for i, key in enumerate(figure_keys)])
        queues = [r.queue for r in report.groups if r.queue is not None] + [report.queue]
        # The keys of `stats --json`, people out in calling packs included.
        self.queue_table.show_rows(
            header, [[names[key], *(getattr(q, key) for q in queues)]
                     for key in report.queue.as_dict()])
        person_keys = ["calls", "reached", "conversations", "recruited", "follow_ups",
                       "meeting_signups"]
        self.volunteers_table.show_rows(
            [self.tr("Volunteer"), *(names[k] for k in person_keys), names["talk_minutes"]],
            [[r.label or self.tr("(unknown)"), *(getattr(r.counts, k) for k in person_keys),
              round(r.counts.talk_seconds / 60, 1)] for r in report.volunteers])
        self.days_table.show_rows(
            [self.tr("Day"), *(names[k] for k in person_keys)],
            [[str(r.key), *(getattr(r.counts, k) for k in person_keys)] for r in report.days])
        answer_rows: list[list[Cell]] = []
        for q in report.questions:
            if not q.options:
                answer_rows.append([q.label, self.tr("(free text)"), q.answers, None])
            for option in q.options:
                answer_rows.append([q.label, option.label, option.count, q.mean])
            if q.options and q.free_text:
                answer_rows.append([q.label, self.tr("(free text)"), q.free_text, None])
        self.answers_table.show_rows(
            [self.tr("Question"), self.tr("Answer"), self.tr("Count"), self.tr("Mean")],
            answer_rows)
        self._show_packs(names)

    def _show_packs(self, names: dict[str, str]) -> None:
        """A row per calling pack. Its figures are the whole campaign's: the target group
        and date filters choose the report's calls, not the packs."""
        self.tabs.setTabVisible(self.tabs.indexOf(self.packs_table), bool(self.packs))
        locale = QLocale()
        self.packs_table.show_rows(
            [self.tr("Pack"), self.tr("Volunteer"), self.tr("People"), self.tr("Called"),
             names["calls"], names["conversations"], names["recruited"],
             names["follow_ups"], names["do_not_call"], self.tr("To review"),
             self.tr("Returned")],
            [[p.short_id, p.volunteer, p.people, p.called, p.calls, p.conversations,
              p.recruits, p.follow_ups, p.do_not_call, p.flagged,
              locale.toString(_local(p.returned_at), QLocale.FormatType.ShortFormat)
              if p.returned_at is not None else self.tr("Not yet")]
             for p in self.packs])


def _figures(counts: Counts) -> list[Cell]:
    return [
        *(getattr(counts, k) for k in COUNT_KEYS),
        _percent(counts.reached_rate), _percent(counts.conversation_rate),
        None if counts.recruited_per_100 is None else round(counts.recruited_per_100, 1),
        round(counts.talk_seconds / 60, 1), counts.median_talk_seconds,
    ]


def _local(at: datetime) -> QDateTime:
    local = at.astimezone()
    return QDateTime(QDate(local.year, local.month, local.day),
                     QTime(local.hour, local.minute, local.second))


def _percent(value: float | None) -> str | None:
    return None if value is None else f"{QLocale().toString(value * 100, 'f', 1)} %"
