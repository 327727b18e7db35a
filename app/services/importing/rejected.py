"""Saving an import's rejected rows to Excel, for the organiser to send back to the district."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.orm import Session

from app.errors import QT_TRANSLATE_NOOP, UserError
from app.services.importing.pipeline import rejected_rows

ROW_HEADER = QT_TRANSLATE_NOOP("app", "Row")
REASON_HEADER = QT_TRANSLATE_NOOP("app", "Reason")


def _same(text: str) -> str:
    return text


def export_rejected(
    session: Session, import_run_id: int, target: Path | str,
    translate: Callable[[str], str] = _same,
) -> int:
    """Write the rejected rows to an .xlsx file (temporary name, then renamed); returns the count.

    `translate` turns the English column titles and reasons into the UI language.
    """
    from openpyxl import Workbook

    target = Path(target)
    headers, rows = rejected_rows(session, import_run_id)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(translate("Rejected rows")[:31] or "Rejected")
    sheet.append([translate(ROW_HEADER), translate(REASON_HEADER), *headers])
    for number, reason, values in rows:
        sheet.append([number, _translate_reason(reason, translate), *values])
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".rejected-", suffix=".xlsx")
    except OSError as exc:
        raise UserError(QT_TRANSLATE_NOOP("app", "{file} cannot be written ({reason})"),
                        file=str(target), reason=exc.strerror or str(exc)) from None
    os.close(fd)
    try:
        workbook.save(tmp)
        os.replace(tmp, target)
    except OSError as exc:
        raise UserError(QT_TRANSLATE_NOOP("app", "{file} cannot be written ({reason})"),
                        file=str(target), reason=exc.strerror or str(exc)) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
    return len(rows)


def _translate_reason(reason: str, translate: Callable[[str], str]) -> str:
    """Reasons are 'number: why; number: why' with the why in English; translate each why."""
    parts = []
    for part in reason.split("; "):
        number, sep, why = part.rpartition(": ")
        parts.append(f"{number}{sep}{translate(why)}" if sep else translate(part))
    return "; ".join(parts)


QT_TRANSLATE_NOOP("app", "Rejected rows")
