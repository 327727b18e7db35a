"""Purging a campaign's personal data: at its retention date, or earlier when the organiser
confirms.

One transaction per campaign: its people become anonymous shells and lose names, numbers,
extra columns, notes, free-text answers and member details (app/services/privacy/
scrub_rows.py); the import's rejected rows go. What stays is every figure (the dashboard,
`stats`, the aggregate export: calls, outcomes, people per target group, answers as counts)
and the do-not-call list. After the commit the file is rebuilt (VACUUM), its log truncated,
and the pre-migration backups made before the purge are deleted (they hold the same data).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from app.clock import utcnow
from app.db.database import Database
from app.db.models import Campaign, Contact, ImportRun, RejectedRow, TargetGroup
from app.errors import QT_TRANSLATE_NOOP, UserError
from app.services import audit
from app.services.privacy import scrub_rows, secure
from app.services.privacy.retention import Retention, campaign_retention, due


@dataclass(frozen=True)
class PurgeResult:
    campaign_id: int
    campaign: str
    dry_run: bool
    early: bool  # before the campaign's date (the organiser confirmed)
    rows: scrub_rows.Scrubbed
    rejected_rows: int
    file: secure.Scrubbed | None  # after the commit (None: a dry run)

    def as_dict(self) -> dict[str, object]:
        result: dict[str, object] = {
            "campaign": self.campaign, "dry_run": self.dry_run, "early": self.early,
            **self.rows.as_dict(), "rejected_rows": self.rejected_rows}
        if self.file is not None:
            result.update(vacuumed=self.file.vacuumed, log_truncated=self.file.checkpointed,
                          backups_removed=self.file.backups_removed)
        return result


def purge_campaign(db: Database, campaign_id: int, *, confirmed_early: bool = False,
                   dry_run: bool = False, actor: str = "",
                   now: datetime | None = None) -> PurgeResult:
    """Delete the campaign's personal data (see the module). Before the campaign's date only
    with `confirmed_early`; otherwise a UserError that changes nothing."""
    now = now or utcnow()
    retention = campaign_retention(db, campaign_id, now=now)
    if retention is None:
        raise UserError(QT_TRANSLATE_NOOP("app", "There is no campaign with id {id}"),
                        id=campaign_id)
    early = not retention.due and retention.purged_at is None
    if early and not confirmed_early and not dry_run:
        raise _not_due(retention)
    people = Contact.campaign_id == campaign_id
    if dry_run:
        with db.session() as session:
            return PurgeResult(campaign_id, retention.name, True, early,
                               scrub_rows.count(session, people),
                               len(_rejected_rows(session, campaign_id)), None)
    with db.transaction() as session:
        secure.secure_delete_on(session)
        ids = list(session.scalars(select(Contact.id).where(people).order_by(Contact.id)))
        rows = scrub_rows.scrub(session, ids, now)
        rejected = _rejected_rows(session, campaign_id)
        for start in range(0, len(rejected), scrub_rows.CHUNK):
            session.execute(delete(RejectedRow).where(
                RejectedRow.id.in_(rejected[start:start + scrub_rows.CHUNK])))
        session.execute(update(Campaign).where(Campaign.id == campaign_id)
                        .values(purged_at=now).execution_options(synchronize_session=False))
        audit.record(session, "purge", actor=actor, entity="campaign", entity_id=campaign_id,
                     campaign_id=campaign_id, early=early, contacts=rows.contacts,
                     calls=rows.calls, answers=rows.answers)
        secure.secure_delete_off(session)
    file = secure.scrub(db, vacuum=True, before=now)
    return PurgeResult(campaign_id, retention.name, False, early, rows, len(rejected), file)


def purge_due(db: Database, *, actor: str = "",
              now: datetime | None = None, dry_run: bool = False) -> list[PurgeResult]:
    """Purge every campaign whose date has come (each in its own transaction)."""
    return [purge_campaign(db, r.campaign_id, actor=actor, now=now, dry_run=dry_run)
            for r in due(db, now=now)]


def _not_due(retention: Retention) -> UserError:
    if retention.delete_after is None:
        return UserError(QT_TRANSLATE_NOOP(
            "app", "Campaign '{name}' has no date for deleting its personal data; confirm to "
                   "delete it now"), name=retention.name)
    return UserError(QT_TRANSLATE_NOOP(
        "app", "Campaign '{name}' keeps its personal data until {date}; confirm to delete it "
               "now"), name=retention.name, date=retention.delete_after.isoformat())


def _rejected_rows(session: Session, campaign_id: int) -> list[int]:
    """The rejected rows of the campaign's imports: what the list said about people whose
    row could not be used (names and numbers among it)."""
    return list(session.scalars(
        select(RejectedRow.id).join(ImportRun, ImportRun.id == RejectedRow.import_run_id)
        .join(TargetGroup, TargetGroup.id == ImportRun.target_group_id)
        .where(TargetGroup.campaign_id == campaign_id)))
