"""Saving an import's rejected rows to Excel, for the organiser to send back to the district."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy.orm import Session

from app.errors import QT_TRANSLATE_NOOP
from app.services.importing.pipeline import rejected_rows
from app.services.output_paths import check_output, output_error, session_database
from app.services.results.spool import discard, private_spool, save_workbook

ROW_HEADER = QT_TRANSLATE_NOOP("app", "Row")
REASON_HEADER = QT_TRANSLATE_NOOP("app", "Reason")


def _same(text: str) -> str:
    return text


def export_rejected(
    session: Session, import_run_id: int, target: Path | str,
    translate: Callable[[str], str] = _same, *, force: bool = False,
) -> int:
    """Write the rejected rows to an .xlsx file; returns the count.

    The rows are personal data: openpyxl spools them in the app's private folder, and the
    file appears under its name only when complete (`save_workbook`). The database and its
    companion files are never the target; an existing file is replaced only with `force`.
    `translate` turns the English column titles and reasons into the UI language.
    """
    from openpyxl import Workbook

    target = check_output(target, database=session_database(session), force=force)
    headers, rows = rejected_rows(session, import_run_id)
    with private_spool():
        workbook = Workbook(write_only=True)
        try:
            sheet = workbook.create_sheet(translate("Rejected rows")[:31] or "Rejected")
            sheet.append([translate(ROW_HEADER), translate(REASON_HEADER), *headers])
            for number, reason, values in rows:
                sheet.append([number, _translate_reason(reason, translate), *values])
            save_workbook(workbook, target, force=force)
        except OSError as exc:  # the spool's disk: full, or failing
            discard(workbook)
            raise output_error(target, exc) from None
        except BaseException:
            discard(workbook)
            raise
    return len(rows)


def _translate_reason(reason: str, translate: Callable[[str], str]) -> str:
    """Reasons are 'number: why; number: why' with the why in English; translate each why."""
    parts = []
    for part in reason.split("; "):
        number, sep, why = part.rpartition(": ")
        parts.append(f"{number}{sep}{translate(why)}" if sep else translate(part))
    return "; ".join(parts)


QT_TRANSLATE_NOOP("app", "Rejected rows")
