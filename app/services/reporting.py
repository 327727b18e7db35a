"""The results screens' work: the figures and the Excel export, each in its own session.

Run on the task runner's read threads; the GUI gets a `Report` or an `ExportResult` back.
"""

from __future__ import annotations

from pathlib import Path

from app.db.database import Database
from app.progress import Progress
from app.services.results import (
    DEFAULT_PRIVACY,
    ExportResult,
    Privacy,
    Report,
    ReportFilter,
    build_report,
    export_xlsx,
)


def campaign_report(db: Database, campaign_id: int, flt: ReportFilter | None = None) -> Report:
    with db.session() as session:
        return build_report(session, campaign_id, flt)


def export_campaign(
    db: Database, campaign_id: int, target: Path, *, privacy: Privacy = DEFAULT_PRIVACY,
    language: str = "sv", flt: ReportFilter | None = None, progress: Progress | None = None,
) -> ExportResult:
    with db.session() as session:
        return export_xlsx(session, campaign_id, target, privacy=privacy, language=language,
                           flt=flt, progress=progress)
