"""The Sammanfattning sheet: the campaign, figures per target group and day, the queue, charts.

Fixed layout (documented in docs/results.md): campaign facts in rows 1-8, then the table of
figures per target group with a total row, then the table per day, then the queue. The two
charts are drawn by Excel from those tables.
"""

from __future__ import annotations

from datetime import datetime

from app.services.results.figures import QUEUE_KEYS, Counts, Report
from app.services.results.labels import Labels
from app.services.results.privacy import Privacy
from app.services.results.sheet_writer import ONE_DECIMAL, PERCENT_FORMAT, SheetWriter

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
    w.widths([30, 14, 14, *([12] * (len(GROUP_COLUMNS) + len(RATE_COLUMNS) + 2))])
    w.append([w.styled(labels["title"], big=True)])
    w.blank()
    w.append([w.styled(labels["campaign"], bold=True), c.name])
    w.append([w.styled(labels["association"], bold=True), c.association])
    first = c.starts_on or (report.first_call.date() if report.first_call else None)
    last = c.ends_on or (report.last_call.date() if report.last_call else None)
    w.append([w.styled(labels["period"], bold=True),
              w.styled(first) if first else None, w.styled(last) if last else None])
    w.append([w.styled(labels["local_issue"], bold=True), c.local_issue])
    w.append([w.styled(labels["privacy"], bold=True), labels[f"privacy.{privacy.value}"]])
    w.append([w.styled(labels["exported_at"], bold=True),
              w.styled(exported_at.astimezone().replace(tzinfo=None, microsecond=0))])
    w.blank()
    w.append([w.styled(labels["figures"], bold=True)])
    header_row = w.rows + 1
    assert header_row == FIRST_TABLE_ROW
    w.append([w.styled(h, bold=True, fill=True) for h in figure_headers(labels, "target_group")])
    for row in report.groups:
        w.append(figure_cells(w, row.label, row.counts))
    w.append(figure_cells(w, labels["total"], report.total, bold=True))
    groups_last = header_row + len(report.groups)

    w.blank()
    w.append([w.styled(labels["per_day"], bold=True)])
    day_header = w.rows + 1
    w.append([w.styled(h, bold=True, fill=True)
              for h in [labels["day"], *(labels[k] for k in DAY_COLUMNS)]])
    for day in report.days:
        w.append([w.styled(day.key), *(getattr(day.counts, k) for k in DAY_COLUMNS)])
    days_last = day_header + len(report.days)

    w.blank()
    w.append([w.styled(labels["queue"], bold=True)])
    w.append([w.styled(h, bold=True, fill=True)
              for h in [labels["target_group"], *(labels[k] for k in QUEUE_KEYS)]])
    for row in report.groups:
        assert row.queue is not None
        w.append([row.label, *(getattr(row.queue, k) for k in QUEUE_KEYS)])
    w.append([w.styled(labels["total"], bold=True),
              *(w.styled(getattr(report.queue, k), bold=True) for k in QUEUE_KEYS)])
    _charts(w, labels, header_row, groups_last, day_header, days_last)


def _charts(w: SheetWriter, labels: Labels, header_row: int, groups_last: int,
            day_header: int, days_last: int) -> None:
    from openpyxl.chart import BarChart, LineChart, Reference

    ws = w.ws
    anchor_col = "T"
    if groups_last > header_row:
        bar = BarChart()
        bar.type = "col"
        bar.title = labels["chart.groups"]
        bar.width, bar.height = 18, 9
        # Reached, conversations and new members: columns E, F, G of the figures table.
        for column in (5, 6, 7):
            data = Reference(ws, min_col=column, min_row=header_row, max_row=groups_last)
            bar.add_data(data, titles_from_data=True)
        bar.set_categories(Reference(ws, min_col=1, min_row=header_row + 1,
                                     max_row=groups_last))
        ws.add_chart(bar, f"{anchor_col}2")
    if days_last > day_header:
        line = LineChart()
        line.title = labels["chart.days"]
        line.width, line.height = 18, 9
        line.add_data(Reference(ws, min_col=2, min_row=day_header, max_col=4,
                                max_row=days_last), titles_from_data=True)
        line.set_categories(Reference(ws, min_col=1, min_row=day_header + 1, max_row=days_last))
        line.x_axis.number_format = "yyyy-mm-dd"
        ws.add_chart(line, f"{anchor_col}22")
