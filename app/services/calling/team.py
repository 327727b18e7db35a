"""The evening's figures read on their own, for the calling screen's live team panel.

On a shared database the others' calls arrive without this volunteer doing anything, so the
screen asks every few seconds. The cost stays that of tonight's calls, whatever the
campaign's size: tonight's counts are range scans of ix_call_campaign_saved (campaign_id,
saved_at) and the goals read the campaign's one call_tally row.
"""

from __future__ import annotations

from datetime import datetime

from app.db.database import Database
from app.services.calling.evening import Evening
from app.services.calling.stats import EveningStats, evening_stats
from app.services.calling.steps import tonight


def team_figures(db: Database, evening: Evening, now: datetime | None = None) -> EveningStats:
    """This volunteer's and the team's evening so far, and the campaign's goals."""
    with db.session() as session:
        return evening_stats(session, evening.campaign_id, evening.volunteer_id,
                             tonight(evening, now))
