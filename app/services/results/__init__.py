"""Results: the figures, the Excel and CSV exports, and the district roll-up.

Everything here is plain Python over a SQLAlchemy session; openpyxl is imported only inside
the export functions.
"""

from app.services.results.csv_export import export_csv
from app.services.results.figures import (
    COUNT_KEYS,
    QUEUE_KEYS,
    Counts,
    QueueState,
    Report,
    ReportFilter,
    Row,
    build_report,
)
from app.services.results.privacy import DEFAULT_PRIVACY, FULL_WARNING, Privacy, parse_privacy
from app.services.results.rollup import RollupResult, read_export, write_rollup
from app.services.results.xlsx_export import ExportResult, export_campaign_file, export_xlsx

__all__ = [
    "COUNT_KEYS", "DEFAULT_PRIVACY", "FULL_WARNING", "QUEUE_KEYS", "Counts", "ExportResult",
    "Privacy", "QueueState", "Report", "ReportFilter", "RollupResult", "Row", "build_report",
    "export_campaign_file", "export_csv", "export_xlsx", "parse_privacy", "read_export",
    "write_rollup",
]
