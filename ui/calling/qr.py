"""A QR code of a `tel:` URI, scanned with the volunteer's own mobile to dial."""

from __future__ import annotations

import io

import segno
from PySide6.QtGui import QImage, QPixmap


def qr_pixmap(uri: str, size: int) -> QPixmap:
    """Black on white whatever the theme: phone cameras need the contrast."""
    code = segno.make(uri, error="m", micro=False)
    modules = code.symbol_size(border=2)[0]
    scale = max(1, size // modules)
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=scale, border=2, dark="#000000", light="#ffffff")
    image = QImage()
    image.loadFromData(buffer.getvalue())
    return QPixmap.fromImage(image)
