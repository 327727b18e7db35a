"""The campaign's results on one A4 page, drawn with QPainter: to a PDF (Qt's own writer, no
other dependency) or to a printer.

The page always holds: the campaign, its key figures, the funnel per target group, the
figures evening by evening and the answers to the questions. It is laid out once to measure
it; when it is taller than the page (many target groups, days or questions), it is drawn
again scaled down to fit, so the report is one page whatever the campaign. Long lists are
cut with a line saying how many more the Excel export holds.

Everything drawn comes from `ReportData`, which holds figures only (no personal data).
Drawing works on any thread (QPainter on a PDF writer or printer), so the window draws the
report through its task runner.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from app.services.output_paths import atomic_write
from app.services.results.report_data import ReportData

RESOLUTION = 300  # dots per inch of the PDF's drawing (its text stays text)
MARGIN_MM = 14.0
MAX_GROUPS = 12
MAX_QUESTIONS = 8
MAX_OPTIONS = 8
COLORS = ("#1f5f99", "#4f8fc9", "#8fbde6", "#e07b39", "#5aa469", "#b94a48", "#8c6bb1",
          "#c9a227", "#7f7f7f")
GREY = QColor("#555555")
LIGHT = QColor("#d0d7de")


def write_report_pdf(data: ReportData, target: Path, *, force: bool = False) -> Path:
    """Write the report to `target` (written under a temporary name and renamed)."""
    target = Path(os.path.abspath(os.path.expanduser(os.fspath(target))))
    with atomic_write(target, force=force) as tmp:
        writer = QPdfWriter(str(tmp))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageOrientation(QPageLayout.Orientation.Portrait)
        writer.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                              QPageLayout.Unit.Millimeter)
        writer.setResolution(RESOLUTION)
        writer.setTitle(f"{data.text('report.kicker')}: {data.campaign}")
        writer.setCreator("Ringkväll")
        paint_report(writer, data)
        del writer  # the file is complete once the painter has ended
    return target


def paint_report(device: QPagedPaintDevice, data: ReportData) -> None:
    """Draw the report on one page of `device` (a PDF writer or a printer)."""
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("the PDF or the printer could not be opened for drawing")
    try:
        page = painter.viewport()
        width, height = float(page.width()), float(page.height())
        scale = device.logicalDpiX() / 72.0  # device pixels per point
        needed = _Report(painter, data, width, scale, draw=False).run(height)
        fit = min(1.0, height / needed) if needed > 0 else 1.0
        if fit < 1.0:
            painter.scale(fit, fit)
        _Report(painter, data, width / fit, scale, draw=True).run(height / fit)
    finally:
        painter.end()


class _Report:
    """Lays the page out top to bottom; with draw=False it only measures."""

    def __init__(self, painter: QPainter, data: ReportData, width: float, scale: float,
                 *, draw: bool) -> None:
        self.p = painter
        self.d = data
        self.w = width
        self.k = scale
        self.draw = draw
        self.y = 0.0

    # -- helpers ------------------------------------------------------------------------

    def pt(self, points: float) -> float:
        return points * self.k

    def font(self, size: float, bold: bool = False) -> QFont:
        font = QFont("DejaVu Sans")
        font.setStyleHint(QFont.StyleHint.SansSerif)
        # Pixel sizes on the device: the same whether measuring or drawing.
        font.setPixelSize(max(1, round(self.pt(size))))
        font.setBold(bold)
        return font

    def text(self, x: float, y: float, w: float, text: str, size: float, *,
             bold: bool = False, color: QColor | None = None,
             align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft, wrap: bool = True) -> float:
        """Draw text in a box `w` wide from (x, y); its height."""
        font = self.font(size, bold)
        flags = int(align) | int(Qt.AlignmentFlag.AlignTop)
        if wrap:
            flags |= int(Qt.TextFlag.TextWordWrap)
        metrics = QFontMetricsF(font, self.p.device())
        if not wrap:
            text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, w)
        box = metrics.boundingRect(QRectF(x, y, w, 1e6), flags, text)
        if self.draw:
            self.p.setFont(font)
            self.p.setPen(color or QColor("black"))
            self.p.drawText(QRectF(x, y, w, box.height() + 1), flags, text)
        return box.height()

    def rect(self, x: float, y: float, w: float, h: float, color: QColor | str) -> None:
        if self.draw and w > 0 and h > 0:
            self.p.fillRect(QRectF(x, y, w, h), QColor(color))

    def line(self, x1: float, y1: float, x2: float, y2: float, color: QColor) -> None:
        if self.draw:
            self.p.setPen(QPen(color, max(1.0, self.pt(0.5))))
            self.p.drawLine(int(x1), int(y1), int(x2), int(y2))

    def heading(self, key: str) -> None:
        self.y += self.pt(10)
        self.y += self.text(0, self.y, self.w, self.d.text(key), 12, bold=True)
        self.line(0, self.y + self.pt(1), self.w, self.y + self.pt(1), LIGHT)
        self.y += self.pt(5)

    # -- the page -----------------------------------------------------------------------

    def run(self, page_height: float) -> float:
        """Lay out (and draw) the page; the height it needs, footer included."""
        self.header()
        self.key_figures()
        self.funnel()
        self.days()
        self.answers()
        footer = self.d.text("report.footer", time=self.d.made_at)
        footer_h = self._measure(footer, 7.5)
        bottom = max(self.y + self.pt(12), page_height - footer_h)
        self.line(0, bottom - self.pt(4), self.w, bottom - self.pt(4), LIGHT)
        self.text(0, bottom, self.w, footer, 7.5, color=GREY)
        return self.y + self.pt(12) + footer_h

    def _measure(self, text: str, size: float) -> float:
        metrics = QFontMetricsF(self.font(size), self.p.device())
        flags = int(Qt.AlignmentFlag.AlignLeft) | int(Qt.TextFlag.TextWordWrap)
        return metrics.boundingRect(QRectF(0, 0, self.w, 1e6), flags, text).height()

    def header(self) -> None:
        d = self.d
        self.y += self.text(0, self.y, self.w, d.text("report.kicker"), 9, color=GREY)
        self.y += self.text(0, self.y, self.w, d.campaign, 18, bold=True)
        facts = [f"{d.text('association')}: {d.association}" if d.association else "",
                 f"{d.text('period')}: {d.period}" if d.period else ""]
        line = "   ·   ".join(f for f in facts if f)
        if line:
            self.y += self.pt(2) + self.text(0, self.y + self.pt(2), self.w, line, 9)
        if d.local_issue:
            self.y += self.text(0, self.y, self.w,
                                f"{d.text('local_issue')}: {d.local_issue}", 9)

    def key_figures(self) -> None:
        self.heading("report.key_figures")
        figures = self.d.key_figures
        columns = 5
        gap = self.pt(6)
        box_w = (self.w - gap * (columns - 1)) / columns
        value_h = self._measure("0", 16)
        label_h = self._measure("Xg\nXg", 8)
        box_h = value_h + label_h + self.pt(8)
        for index, figure in enumerate(figures):
            row, column = divmod(index, columns)
            x = column * (box_w + gap)
            y = self.y + row * (box_h + gap)
            self.rect(x, y, box_w, box_h, "#eef3f8")
            self.text(x + self.pt(5), y + self.pt(3), box_w - self.pt(10), figure.value, 16,
                      bold=True, color=QColor(COLORS[0]))
            self.text(x + self.pt(5), y + self.pt(4) + value_h, box_w - self.pt(10),
                      figure.label, 8)
        rows = (len(figures) + columns - 1) // columns
        self.y += rows * box_h + (rows - 1) * gap

    def funnel(self) -> None:
        d = self.d
        self.heading("report.funnel")
        labels = d.funnel_labels
        first_w = self.w * 0.18
        # Each figure's column as wide as the longest word of its header: none is cut.
        header_metrics = QFontMetricsF(self.font(8, True), self.p.device())
        widest_word = max((header_metrics.horizontalAdvance(word) for label in labels[1:]
                           for word in label.split()), default=0.0)
        number_w = min(max(self.w * 0.09, widest_word + self.pt(6)),
                       (self.w * 0.8 - first_w) / (len(labels) - 1))
        bar_x = first_w + number_w * (len(labels) - 1) + self.pt(8)
        bar_w = self.w - bar_x
        head_h = max(self._measure_in(label, 8, number_w - self.pt(4), bold=True)
                     for label in labels)
        self.text(0, self.y, first_w, labels[0], 8, bold=True)
        for index, label in enumerate(labels[1:]):
            self.text(first_w + index * number_w, self.y, number_w - self.pt(4), label, 8,
                      bold=True, align=Qt.AlignmentFlag.AlignRight)
        self.y += head_h + self.pt(3)
        rows = list(d.funnel[:MAX_GROUPS])
        row_h = self._measure("0", 9) + self.pt(3)
        for row in [*rows, d.total]:
            bold = row is d.total
            if bold:
                self.line(0, self.y, self.w, self.y, LIGHT)
                self.y += self.pt(2)
            self.text(0, self.y, first_w - self.pt(4), row.group, 9, bold=bold, wrap=False)
            for index, value in enumerate(row.values):
                self.text(first_w + index * number_w, self.y, number_w - self.pt(4),
                          _number(value, d.language), 9, bold=bold,
                          align=Qt.AlignmentFlag.AlignRight, wrap=False)
            # Nested bars, list to new members, each stage inside the one before: the whole
            # bar is the group's list, so the groups' conversion compares at a glance.
            bar_h = row_h - self.pt(4)
            widest = max(row.values[0], max(row.values), 1)
            for index, value in enumerate(row.values):
                shrink = index * bar_h * 0.12
                self.rect(bar_x, self.y + self.pt(1) + shrink / 2, bar_w * value / widest,
                          bar_h - shrink, COLORS[[8, 2, 1, 0, 3][index]])
            self.y += row_h
        if len(d.funnel) > MAX_GROUPS:
            self.y += self.text(0, self.y, self.w,
                                d.text("report.more", n=len(d.funnel) - MAX_GROUPS), 8,
                                color=GREY)
        self.legend([(label, COLORS[[8, 2, 1, 0, 3][i]]) for i, label in
                     enumerate(labels[1:])])

    def _measure_in(self, text: str, size: float, width: float, *, bold: bool = False) -> float:
        metrics = QFontMetricsF(self.font(size, bold), self.p.device())
        flags = int(Qt.AlignmentFlag.AlignLeft) | int(Qt.TextFlag.TextWordWrap)
        return metrics.boundingRect(QRectF(0, 0, width, 1e6), flags, text).height()

    def legend(self, items: list[tuple[str, str]]) -> None:
        self.y += self.pt(4)
        x = 0.0
        size = 8
        line_h = self._measure("0", size)
        metrics = QFontMetricsF(self.font(size), self.p.device())
        for label, color in items:
            needed = self.pt(12) + metrics.horizontalAdvance(label) + self.pt(10)
            if x > 0 and x + needed > self.w:
                x = 0.0
                self.y += line_h + self.pt(2)
            self.rect(x, self.y + line_h * 0.2, self.pt(8), line_h * 0.6, color)
            self.text(x + self.pt(11), self.y, needed, label, size, wrap=False)
            x += needed
        self.y += line_h

    def days(self) -> None:
        d = self.d
        self.heading("report.days")
        if not d.days:
            self.y += self.text(0, self.y, self.w, d.text("report.no_calls"), 9)
            return
        chart_h = self.pt(120)
        label_h = self._measure("0", 7)
        axis_w = self.pt(28)
        top = self.y + self.pt(4)
        plot_x, plot_w = axis_w, self.w - axis_w
        highest = max(max(r.values) for r in d.days) or 1
        step = _nice_step(highest)
        ceiling = step * -(-highest // step)
        for tick in range(0, ceiling + 1, step):
            ty = top + chart_h - chart_h * tick / ceiling
            self.line(plot_x, ty, self.w, ty, LIGHT)
            self.text(0, ty - label_h / 2, axis_w - self.pt(4), _number(tick, d.language), 7,
                      color=GREY, align=Qt.AlignmentFlag.AlignRight, wrap=False)
        series = len(d.day_labels)
        slot = plot_w / len(d.days)
        bar = min(self.pt(14), slot * 0.8 / series)
        metrics = QFontMetricsF(self.font(7), self.p.device())
        label_every = max(1, int(-(-(metrics.horizontalAdvance("00-00") + self.pt(6)) // slot)))
        for index, row in enumerate(d.days):
            x0 = plot_x + index * slot + (slot - bar * series) / 2
            for s, value in enumerate(row.values):
                h = chart_h * value / ceiling
                self.rect(x0 + s * bar, top + chart_h - h, bar * 0.9, h, COLORS[s])
            if index % label_every == 0:
                text = row.day.strftime("%m-%d") if len(d.days) > 1 else row.day.isoformat()
                self.text(plot_x + index * slot - self.pt(10), top + chart_h + self.pt(2),
                          slot + self.pt(20), text, 7, color=GREY,
                          align=Qt.AlignmentFlag.AlignHCenter, wrap=False)
        self.y = top + chart_h + self.pt(2) + label_h
        self.legend([(label, COLORS[s]) for s, label in enumerate(d.day_labels)])

    def answers(self) -> None:
        d = self.d
        self.heading("report.answers")
        if not d.questions:
            self.y += self.text(0, self.y, self.w, d.text("report.no_answers"), 9)
            return
        for question in d.questions[:MAX_QUESTIONS]:
            key = "report.answered_one" if question.answers == 1 else "report.answered"
            note = d.text(key, n=_number(question.answers, d.language))
            if question.mean is not None:
                note += ", " + d.text("report.mean", mean=question.mean)
            self.y += self.pt(3)
            self.y += self.text(0, self.y, self.w, f"{question.label}  ({note})", 9, bold=True)
            if question.options:
                bar_h = self.pt(8)
                x = 0.0
                shown = question.options[:MAX_OPTIONS]
                # Several choices per answer add up to more than all answers: the bar
                # shows the choices made, the legend the share of those who answered.
                chosen = sum(o.count for o in shown) or 1
                for index, option in enumerate(shown):
                    w = self.w * option.count / chosen
                    self.rect(x, self.y + self.pt(2), w, bar_h, COLORS[index % len(COLORS)])
                    x += w
                self.y += bar_h + self.pt(2)
                self.legend([(f"{o.label}: {_percent(o.share, d.language)} "
                              f"({_number(o.count, d.language)})", COLORS[i % len(COLORS)])
                             for i, o in enumerate(shown)])
            if question.free_text:
                key = "report.free_text_one" if question.free_text == 1 else "report.free_text"
                self.y += self.text(0, self.y, self.w, d.text(
                    key, n=_number(question.free_text, d.language)), 8, color=GREY)
        if len(d.questions) > MAX_QUESTIONS:
            self.y += self.text(0, self.y, self.w,
                                d.text("report.more", n=len(d.questions) - MAX_QUESTIONS), 8,
                                color=GREY)


def _number(value: int, language: str) -> str:
    from app.services.results.report_data import number

    return number(value, language)


def _percent(value: float, language: str) -> str:
    from app.services.results.report_data import percent

    return percent(value, language)


def _nice_step(highest: int) -> int:
    """A step of 1, 2 or 5 times a power of ten giving three to six gridlines."""
    step = 1
    while highest / step > 5:
        lead, zeros = int(str(step)[0]), len(str(step)) - 1
        step = {1: 2, 2: 5, 5: 10}[lead] * 10 ** zeros
    return step
