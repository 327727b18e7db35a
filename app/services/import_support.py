"""The import wizard's reads: where a list can go, and the rejected rows to Excel.

Each opens its own session, so the wizard's pages never hold one.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from app.db.database import Database
from app.services.importing.rejected import export_rejected
from app.services.importing.targets import ImportTargets, import_targets


def targets_of(db: Database, campaign_id: int) -> ImportTargets:
    """The campaign's name and its target groups (a UserError when it no longer exists)."""
    with db.session() as session:
        return import_targets(session, campaign_id)


def save_rejected_rows(db: Database, import_run_id: int, target: Path | str,
                       translate: Callable[[str], str]) -> int:
    """Write an import's rejected rows to an .xlsx file; how many there were. The save
    dialog has asked before an existing file is replaced."""
    with db.session() as session:
        return export_rejected(session, import_run_id, target, translate, force=True)
