"""The results screens' figures, in their own session (the export dialog uses
`app.services.results.export_campaign_file`).

Run on the task runner's read threads; the GUI gets a `Report` back.
"""

from __future__ import annotations

from app.db.database import Database
from app.services.results import Report, ReportFilter, build_report


def campaign_report(db: Database, campaign_id: int, flt: ReportFilter | None = None) -> Report:
    with db.session() as session:
        return build_report(session, campaign_id, flt)

