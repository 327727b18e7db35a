"""The dashboard's charts (QtCharts): built from a Report, texts passed in already translated."""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPainter
from PySide6.QtWidgets import QWidget

from app.domain.outcomes import OUTCOMES
from app.services.results import Report


class ChartView(QChartView):
    """A chart whose fonts follow the app's font, so Settings > Text size scales it too."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setAccessibleName(name)
        self.setMinimumHeight(self.fontMetrics().height() * 15)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def show_chart(self, chart: QChart, title: str) -> None:
        base = QFont(self.font())
        title_font = QFont(base)
        title_font.setPointSizeF(base.pointSizeF() * 1.1)
        title_font.setBold(True)
        chart.setTitle(title)
        chart.setTitleFont(title_font)
        chart.legend().setFont(base)
        for axis in chart.axes():
            axis.setLabelsFont(base)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setBackgroundRoundness(0)
        chart.layout().setContentsMargins(0, 0, 0, 0)
        old = self.chart()
        self.setChart(chart)
        self.setAccessibleName(title)
        if old is not None and old is not chart:
            old.deleteLater()


def fit_rows(view: QChartView, rows: int) -> None:
    """Tall enough that every category label has a line of its own (else Qt elides it)."""
    line = view.fontMetrics().height()
    view.setMinimumHeight(max(15 * line, int((rows * 1.6 + 7) * line)))


def _bar_chart(series: QBarSeries | QHorizontalBarSeries, categories: Sequence[str],
               horizontal: bool = False) -> QChart:
    chart = QChart()
    chart.addSeries(series)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    cat_axis = QBarCategoryAxis()
    cat_axis.append(list(categories))
    value_axis = QValueAxis()
    value_axis.setLabelFormat("%d")
    top = max((s.at(i) for s in series.barSets() for i in range(s.count())), default=0.0)
    if top < 10:
        # Small counts: one tick per whole number, never "0 0 1 1" from fractional ticks.
        whole = max(1, math.ceil(top * 1.1))
        value_axis.setRange(0, whole)
        value_axis.setTickCount(whole + 1)
    else:
        value_axis.setRange(0, top * 1.1)
        value_axis.applyNiceNumbers()
    if horizontal:
        chart.addAxis(cat_axis, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(value_axis, Qt.AlignmentFlag.AlignBottom)
    else:
        chart.addAxis(cat_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(value_axis, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(cat_axis)
    series.attachAxis(value_axis)
    return chart


def funnel_chart(report: Report, stages: Sequence[tuple[str, str]]) -> QChart:
    """Contacts → tried → reached → conversations → members, one bar set per target group.

    Horizontal, widest stage on top, so the stage names have room at any text size.
    """
    series = QHorizontalBarSeries()
    ordered = list(reversed(stages))
    for row in report.groups:
        bar_set = QBarSet(row.label)
        bar_set.append([float(getattr(row.counts, key)) for key, _ in ordered])
        series.append(bar_set)
    return _bar_chart(series, [label for _, label in ordered], horizontal=True)


def evenings_chart(report: Report, calls: str, conversations: str) -> QChart:
    """Calls and conversations per evening (day)."""
    series = QBarSeries()
    calls_set = QBarSet(calls)
    conv_set = QBarSet(conversations)
    calls_set.append([float(r.counts.calls) for r in report.days])
    conv_set.append([float(r.counts.conversations) for r in report.days])
    series.append(calls_set)
    series.append(conv_set)
    return _bar_chart(series, [_day_label(r.key) for r in report.days])


def _day_label(key: object) -> str:
    from datetime import date

    return key.strftime("%d/%m") if isinstance(key, date) else str(key)


def outcomes_chart(report: Report, language: str, share: str) -> QChart:
    """Share of calls per outcome, in percent, one bar per outcome that occurred.

    Bars rather than a pie: the outcome names are long and a pie's side legend elides them.
    """
    series = QHorizontalBarSeries()
    bar_set = QBarSet(share)
    total = report.total.calls
    shown = [(info.label(language), report.total.outcomes.get(info.outcome.value, 0))
             for info in OUTCOMES]
    shown = [(label, count) for label, count in shown if count]
    shown.reverse()  # the calling screen's order, top to bottom
    bar_set.append([round(count * 100 / total, 1) for _, count in shown])
    series.append(bar_set)
    chart = _bar_chart(series, [label for label, _ in shown], horizontal=True)
    chart.legend().setVisible(False)
    for axis in chart.axes(Qt.Orientation.Horizontal):
        if isinstance(axis, QValueAxis):
            axis.setLabelFormat("%d %%")
            if axis.max() > 100:  # a share never passes 100 %
                axis.setRange(0, 100)
                axis.setTickCount(6)
    return chart


def volunteers_chart(report: Report, calls: str, conversations: str, unknown: str) -> QChart:
    """Calls and conversations per volunteer, as horizontal bars."""
    series = QHorizontalBarSeries()
    calls_set = QBarSet(calls)
    conv_set = QBarSet(conversations)
    rows = list(reversed(report.volunteers))  # top to bottom in alphabetical order
    calls_set.append([float(r.counts.calls) for r in rows])
    conv_set.append([float(r.counts.conversations) for r in rows])
    series.append(calls_set)
    series.append(conv_set)
    return _bar_chart(series, [r.label or unknown for r in rows], horizontal=True)
