"""The Sammanfattning sheet: the campaign, figures per target group and day, the queue, charts.

Fixed layout (documented in docs/results.md): campaign facts in rows 1-8, then the table of
figures per target group with a total row, then the table per day, then the queue. The two
charts are drawn by Excel from those tables, below them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from app.services.results.figures import QUEUE_KEYS, Counts, Report
from app.services.results.labels import Labels
from app.services.results.print_setup import column_cm
from app.services.results.privacy import Privacy
from app.services.results.sheet_writer import (
    DATE_FORMAT,
    ONE_DECIMAL,
    PERCENT_FORMAT,
    SheetWriter,
)

GROUP_COLUMNS = (
    "contacts", "tried", "calls", "reached", "conversations", "recruited", "follow_ups",
    "meeting_signups", "do_not_call", "wrong_numbers", "still_to_call",
)
RATE_COLUMNS = ("reached_rate", "conversation_rate", "recruited_per_100")
DAY_COLUMNS = ("calls", "reached", "conversations", "recruited", "follow_ups")
FIRST_TABLE_ROW = 11  # the header row of the figures per target group


def figure_headers(labels: Labels, first: str) -> list[str]:
    return [labels[first], *(labels[k] for k in GROUP_COLUMNS),
            *(labels[k] for k in RATE_COLUMNS), labels["talk_minutes"], labels["median_talk"]]


def figure_cells(w: SheetWriter, name: str, counts: Counts, *, bold: bool = False) -> list[object]:
    cells: list[object] = [w.styled(name, bold=True) if bold else name]
    cells += [w.styled(getattr(counts, k), bold=True) if bold else getattr(counts, k)
              for k in GROUP_COLUMNS]
    cells += [
        _num(w, counts.reached_rate, PERCENT_FORMAT),
        _num(w, counts.conversation_rate, PERCENT_FORMAT),
        _num(w, counts.recruited_per_100, ONE_DECIMAL),
        _num(w, round(counts.talk_seconds / 60, 1), ONE_DECIMAL),
        counts.median_talk_seconds,
    ]
    return cells


def _num(w: SheetWriter, value: float | None, fmt: str) -> object:
    return None if value is None else w.styled(value, fmt=fmt)


def write_summary(w: SheetWriter, report: Report, labels: Labels, privacy: Privacy,
                  exported_at: datetime) -> None:
    c = report.campaign
    facts = ("campaign", "association", "period", "local_issue", "privacy", "exported_at")
    # The facts' labels share column A with the tables: measured, so none is cut off; their
    # values (a campaign's name, the local issue) run over into the empty cells beside them.
    w.expect(0, [labels[k] for k in facts])
    w.append([w.styled(labels["title"], big=True)], measure=False)
    w.blank()
    w.append([w.styled(labels["campaign"], bold=True), c.name], measure=False)
    w.append([w.styled(labels["association"], bold=True), c.association], measure=False)
    first = c.starts_on or (report.first_call.date() if report.first_call else None)
    last = c.ends_on or (report.last_call.date() if report.last_call else None)
    w.append([w.styled(labels["period"], bold=True),
              w.styled(first) if first else None, w.styled(last) if last else None],
             measure=False)
    w.append([w.styled(labels["local_issue"], bold=True), c.local_issue], measure=False)
    w.append([w.styled(labels["privacy"], bold=True), labels[f"privacy.{privacy.value}"]],
             measure=False)
    w.append([w.styled(labels["exported_at"], bold=True),
              w.styled(exported_at.astimezone().replace(tzinfo=None, microsecond=0))],
             measure=False)
    w.blank()
    w.append([w.styled(labels["figures"], bold=True)], measure=False)
    header_row = w.rows + 1
    assert header_row == FIRST_TABLE_ROW
    headers = figure_headers(labels, "target_group")
    w.table_header(headers, freeze=False, numeric=range(1, len(headers)))
    for row in report.groups:
        w.append(figure_cells(w, row.label, row.counts))
    w.append(figure_cells(w, labels["total"], report.total, bold=True))
    groups_last = header_row + len(report.groups)

    w.blank()
    w.append([w.styled(labels["per_day"], bold=True)], measure=False)
    day_header = w.rows + 1
    w.table_header([labels["day"], *(labels[k] for k in DAY_COLUMNS)], freeze=False,
                   numeric=range(1, len(DAY_COLUMNS) + 1))
    for day in report.days:
        w.append([w.styled(day.key), *(getattr(day.counts, k) for k in DAY_COLUMNS)])
    days_last = day_header + len(report.days)

    w.blank()
    w.append([w.styled(labels["queue"], bold=True)], measure=False)
    w.table_header([labels["target_group"], *(labels[k] for k in QUEUE_KEYS)], freeze=False,
                   numeric=range(1, len(QUEUE_KEYS) + 1))
    for row in report.groups:
        assert row.queue is not None
        w.append([row.label, *(getattr(row.queue, k) for k in QUEUE_KEYS)])
    w.append([w.styled(labels["total"], bold=True),
              *(w.styled(getattr(report.queue, k), bold=True) for k in QUEUE_KEYS)])
    w.table_ends.append((w.rows, len(headers)))
    w.flush()  # the widths are known now: the charts are placed by them
    _charts(w, labels, header_row, groups_last, day_header, days_last)


CHART_CM = (16.0, 8.0)  # width, height
ROW_CM = 15 / 72 * 2.54  # a default row (15 points)


def _charts(w: SheetWriter, labels: Labels, header_row: int, groups_last: int,
            day_header: int, days_last: int) -> None:
    """The charts go below the tables, inside the tables' columns, so the page that fits
    the tables' width holds them whole."""
    from openpyxl.chart import BarChart, LineChart, Reference
    from openpyxl.utils import get_column_letter

    ws = w.ws
    charts: list[Any] = []
    if groups_last > header_row:
        bar = BarChart()
        bar.type = "col"
        bar.grouping = "clustered"
        bar.title = labels["chart.groups"]
        # Reached, conversations and new members: columns E, F, G of the figures table.
        for column in (5, 6, 7):
            data = Reference(ws, min_col=column, min_row=header_row, max_row=groups_last)
            bar.add_data(data, titles_from_data=True)
        bar.set_categories(Reference(ws, min_col=1, min_row=header_row + 1,
                                     max_row=groups_last))
        _axes(bar, labels["target_group"], labels["axis.people"])
        charts.append(bar)
    if days_last > day_header:
        # Lines with a marker on every point: a campaign of one day still shows its figures.
        line = LineChart()
        line.title = labels["chart.days"]
        line.add_data(Reference(ws, min_col=2, min_row=day_header, max_col=4,
                                max_row=days_last), titles_from_data=True)
        line.set_categories(Reference(ws, min_col=1, min_row=day_header + 1, max_row=days_last))
        for series in line.series:
            series.marker.symbol = "circle"
            series.marker.size = 7
            series.smooth = False
        line.x_axis.number_format = DATE_FORMAT
        _axes(line, labels["day"], labels["axis.calls"])
        charts.append(line)
    if not charts:
        return
    widths = [w.column_widths.get(c, 8.43) for c in range(1, w.max_cols + 1)]
    table_cm = sum(column_cm(x) for x in widths)
    chart_w, chart_h = CHART_CM
    side_by_side = len(charts) == 2 and table_cm >= 2 * chart_w + 0.5
    if not side_by_side:
        chart_w = min(chart_w, max(8.0, table_cm))
    first_row = w.rows + 2
    chart_rows = int(chart_h / ROW_CM) + 2
    second_col = 1
    left = 0.0
    if side_by_side:
        # The first column whose left edge leaves room for the first chart.
        for index, width in enumerate(widths, 1):
            if left >= chart_w + 0.5:
                second_col = index
                break
            left += column_cm(width)
    for index, chart in enumerate(charts):
        chart.width, chart.height = chart_w, chart_h
        if side_by_side:
            column, row = (1 if index == 0 else second_col), first_row
        else:
            column, row = 1, first_row + index * chart_rows
        ws.add_chart(chart, f"{get_column_letter(column)}{row}")
    stacked = 1 if side_by_side else len(charts)
    w.extra_rows = 1 + stacked * chart_rows
    w.charts_start = first_row


def _axes(chart: Any, x_title: str, y_title: str) -> None:
    c = chart
    c.x_axis.title = x_title
    c.y_axis.title = y_title
    # openpyxl 3.1 marks axes deleted by default; Excel then draws no axis at all.
    c.x_axis.delete = False
    c.y_axis.delete = False
    c.legend.position = "b"
