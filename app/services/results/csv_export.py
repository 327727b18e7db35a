"""The calls as CSV for Swedish Excel: UTF-8 with BOM, `;` between fields, one row per call."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from app.errors import QT_TRANSLATE_NOOP, UserError
from app.progress import Progress
from app.services import audit
from app.services.output_paths import atomic_write, check_output, session_database
from app.services.results.calls import call_table
from app.services.results.figures import ReportFilter
from app.services.results.privacy import DEFAULT_PRIVACY, Privacy
from app.services.results.safe_text import csv_text
from app.services.server.rights import hold_campaign_for_export


def export_csv(session: Session, campaign_id: int, target: Path, *,
               privacy: Privacy = DEFAULT_PRIVACY, language: str = "sv",
               flt: ReportFilter | None = None, progress: Progress | None = None,
               force: bool = False) -> int:
    """Write the calls; returns how many. Same columns as the Samtal sheet.

    The target is checked and written as `export_xlsx` does (`check_output`, then a
    temporary file renamed; an existing file is replaced only with `force`).
    """
    if not privacy.call_rows:
        raise UserError(QT_TRANSLATE_NOOP(
            "app", "The calls file has a row per call, which the aggregate level does not "
                   "allow; choose district or full, or export the figures to Excel"))
    target = check_output(target, database=session_database(session), force=True)
    # A volunteer's login is refused here by the server (no export at any level).
    hold_campaign_for_export(session, campaign_id)
    table = call_table(session, campaign_id, privacy, language, flt, progress)
    count = 0
    with (atomic_write(target, force=force) as tmp,
          tmp.open("w", encoding="utf-8-sig", newline="") as fh):
        writer = csv.writer(fh, delimiter=";", quoting=csv.QUOTE_MINIMAL)
        writer.writerow([csv_text(h) for h in table.headers])
        for row in table.rows:
            writer.writerow([_field(v) for v in row])
            count += 1
    audit.record_apart(session, "results_exported", campaign_id=campaign_id, format="csv",
                       privacy=privacy.value, file=audit.file_name(target), calls=count)
    return count


def _field(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, str):
        return csv_text(value)
    return str(value)
