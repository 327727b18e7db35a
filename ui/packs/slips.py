"""Code slips: one per volunteer (name, the pack's file name, the code in big letters, how to
open it), three to an A4 page with a line to cut along; printed or saved as a PDF."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QFont,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)
from PySide6.QtWidgets import QWidget

# lupdate reads translate("context", "text") calls by this name too.
translate = QCoreApplication.translate

SLIPS_PER_PAGE = 3


@dataclass(frozen=True)
class Slip:
    volunteer: str
    file_name: str
    code: str


def how_to_open() -> str:
    return translate("packs", "On your computer: open Ringkväll, choose File › Open a "
                     "calling pack…, pick the file and type the code. When you have finished "
                     "calling, choose File › Return the calling pack… and give the results "
                     "file to the organiser.")


def paint_slips(device: QPagedPaintDevice, slips: list[Slip]) -> None:
    """Draw the slips on a printer or a PDF writer, page after page."""
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("cannot draw on the printer or the file")
    try:
        page = QRectF(painter.viewport())
        height = page.height() / SLIPS_PER_PAGE
        for index, slip in enumerate(slips):
            place = index % SLIPS_PER_PAGE
            if index and place == 0:
                device.newPage()
            box = QRectF(page.left(), page.top() + place * height, page.width(), height)
            _paint_slip(painter, box, slip)
            if place < SLIPS_PER_PAGE - 1 and index < len(slips) - 1:
                pen = QPen(Qt.GlobalColor.gray)
                pen.setStyle(Qt.PenStyle.DashLine)
                painter.setPen(pen)
                painter.drawLine(box.bottomLeft(), box.bottomRight())
    finally:
        painter.end()


def _font(painter: QPainter, points: float, bold: bool = False) -> QFont:
    font = QFont(painter.font())
    # Points on paper whatever the device's resolution.
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def _code_points(painter: QPainter, code: str, width: float) -> float:
    """As big as 26 points, smaller when a long code would not fit on one line."""
    points = 26.0
    while points > 10:
        painter.setFont(_font(painter, points, True))
        if painter.fontMetrics().horizontalAdvance(code) <= width:
            break
        points -= 2
    return points


def _paint_slip(painter: QPainter, box: QRectF, slip: Slip) -> None:
    margin = box.height() * 0.08
    inner = box.adjusted(margin, margin, -margin, -margin)
    painter.setPen(Qt.GlobalColor.black)
    y = inner.top()
    flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
    for text, points, bold in (
        (translate("packs", "Calling pack for %1").replace("%1", slip.volunteer), 16, True),
        (translate("packs", "File: %1").replace("%1", slip.file_name), 11, False),
        (translate("packs", "Code:"), 11, False),
        (slip.code, _code_points(painter, slip.code, inner.width()), True),
        (how_to_open(), 10, False),
        (translate("packs", "Keep this slip apart from the file: whoever has both can "
                   "read the pack."), 9, False),
    ):
        painter.setFont(_font(painter, points, bold))
        room = QRectF(inner.left(), y, inner.width(), inner.bottom() - y)
        used = painter.boundingRect(room, flags, text)
        painter.drawText(room, flags, text)
        y += used.height() + painter.fontMetrics().height() * 0.3


def save_slips_pdf(path: Path, slips: list[Slip]) -> Path:
    """The slips as an A4 PDF, written under a temporary name and renamed when complete."""
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        writer = QPdfWriter(str(temp))
        writer.setTitle(translate("packs", "Code slips"))
        writer.setCreator("Ringkväll")
        writer.setResolution(300)
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                         QPageLayout.Orientation.Portrait,
                                         QMarginsF(15, 15, 15, 15)))
        paint_slips(writer, slips)
        del writer  # the file is complete once the writer is gone
        os.replace(temp, path)
    finally:
        if temp.exists():
            temp.unlink()
    return path


def print_slips(parent: QWidget, slips: list[Slip]) -> bool:
    """Ask for a printer (the print dialog) and print the slips; False when cancelled."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setDocName(translate("packs", "Code slips"))
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(translate("packs", "Print the code slips"))
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    paint_slips(printer, slips)
    return True
