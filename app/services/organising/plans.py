"""The district's review of local plans.

The association exports a campaign's local plan (app/services/organising/plan_workbook.py);
the district reads the plans of all its associations into its own database (district_plan),
sets each one's status and comment, and writes back an answer the association reads in
(local_plan keeps the verdict beside the campaign).

The deadline lives on the district's side (district_plan.deadline): the district decides the
dates, and may give one association more time. When a plan first arrives it carries the
campaign's start as its deadline, because a plan is to be approved before the calling starts;
the district can change it on review.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.clock import utcnow
from app.db.database import Database
from app.db.models import Campaign, Contact, TargetGroup
from app.db.models_review import DistrictPlan, LocalPlan
from app.domain.status import ContactStatus
from app.errors import QT_TRANSLATE_NOOP, UserError
from app.services.campaigns import get_campaign
from app.services.lengths import check_fits
from app.services.organising.plan_workbook import (
    STATUSES,
    PlanContent,
    PlanEvening,
    PlanGroup,
    Verdict,
    read_plan,
    read_verdict,
    write_plan,
    write_verdict,
)
from app.services.output_paths import check_output, display_path


@dataclass(frozen=True)
class PlanExport:
    path: Path
    plan_uuid: str
    groups: int
    evenings: int


@dataclass(frozen=True)
class DistrictPlanInfo:
    id: int
    plan_uuid: str
    association: str
    campaign: str
    deadline: date | None
    status: str
    comment: str
    file_name: str
    exported_at: datetime | None
    received_at: datetime
    reviewed_at: datetime | None
    content: PlanContent


@dataclass(frozen=True)
class LocalPlanInfo:
    """The association's side: whether the plan went out, and the district's answer."""

    campaign_id: int
    plan_uuid: str | None
    exported_at: datetime | None
    status: str | None  # None until an answer was read in
    comment: str
    reviewed_at: datetime | None
    imported_at: datetime | None


# --- the association's side ------------------------------------------------------------------

def _evenings(db: Database, campaign_id: int) -> tuple[PlanEvening, ...]:
    from app.services.organising.evenings import list_evenings

    return tuple(
        PlanEvening(day=e.day.isoformat(), starts=e.starts.strftime("%H:%M"),
                    ends=e.ends.strftime("%H:%M"), place=e.place, link=e.link,
                    groups=tuple(e.groups), goal_calls=e.goals.calls,
                    goal_conversations=e.goals.conversations, goal_recruits=e.goals.recruits,
                    signups=len(e.signups))
        for e in list_evenings(db, campaign_id))


def _groups(session: Session, campaign_id: int) -> tuple[PlanGroup, ...]:
    sizes: dict[int, int] = {
        group_id: count for group_id, count in session.execute(
            select(Contact.target_group_id, func.count(Contact.id))
            .where(Contact.campaign_id == campaign_id,
                   Contact.status != ContactStatus.IMPORTING.value)
            .group_by(Contact.target_group_id))}
    return tuple(
        PlanGroup(g.name, g.description, int(sizes.get(g.id, 0)))
        for g in session.scalars(select(TargetGroup).where(TargetGroup.campaign_id == campaign_id)
                                 .order_by(TargetGroup.name)))


def export_plan(db: Database, campaign: str, out: Path, *, force: bool = False,
                now: datetime | None = None) -> PlanExport:
    """Write the campaign's local plan to `out` (a new file, or with `force` a replaced one)."""
    now = now or utcnow()
    target = check_output(out, database=db.location, force=force)
    with db.session() as session:
        campaign_id = get_campaign(session, campaign).id
    evenings = _evenings(db, campaign_id)
    with db.transaction() as session:
        row = session.get(Campaign, campaign_id)
        if row is None:
            raise UserError(QT_TRANSLATE_NOOP("app", "There is no campaign '{name}'"),
                            name=campaign)
        local = session.scalars(select(LocalPlan).where(LocalPlan.campaign_id == row.id)).first()
        if local is None:
            local = LocalPlan(campaign_id=row.id, uuid=str(uuid.uuid4()))
            session.add(local)
        local.exported_at = now
        plan = PlanContent(
            plan_uuid=local.uuid, campaign=row.name, association=row.association,
            exported_at=now, starts_on=row.starts_on, ends_on=row.ends_on,
            deadline=row.starts_on, local_issue=row.local_issue,
            local_message=row.local_message, meeting_title=row.meeting_title,
            meeting_at=row.meeting_at, meeting_link=row.meeting_link,
            meeting_guest=row.meeting_guest, goal_conversations=row.goal_conversations,
            goal_recruits=row.goal_recruits, groups=_groups(session, row.id),
            evenings=evenings)
        # Inside the transaction: a file that cannot be written leaves no "exported" mark.
        write_plan(plan, target, force=force)
    return PlanExport(target, plan.plan_uuid, len(plan.groups), len(plan.evenings))


def import_verdict(db: Database, path: Path, *, now: datetime | None = None) -> LocalPlanInfo:
    """Read the district's answer into the campaign whose plan it answers."""
    verdict = read_verdict(path)
    with db.transaction() as session:
        local = session.scalars(
            select(LocalPlan).where(LocalPlan.uuid == verdict.plan_uuid)).first()
        if local is None:
            raise UserError(QT_TRANSLATE_NOOP(
                "app", "{file} answers a plan this database did not export (campaign "
                       "'{campaign}' of {association})"),
                file=display_path(path), campaign=verdict.campaign,
                association=verdict.association or "-")
        if (local.verdict_reviewed_at is not None
                and verdict.reviewed_at < local.verdict_reviewed_at):
            raise UserError(QT_TRANSLATE_NOOP(
                "app", "{file} is an older answer than the one already read in"),
                file=display_path(path))
        local.verdict_status = verdict.status
        local.verdict_comment = verdict.comment
        local.verdict_reviewed_at = verdict.reviewed_at
        local.verdict_imported_at = now or utcnow()
        session.flush()
        return _local_info(local)


def local_plan(db: Database, campaign_id: int) -> LocalPlanInfo:
    with db.session() as session:
        local = session.scalars(
            select(LocalPlan).where(LocalPlan.campaign_id == campaign_id)).first()
        if local is None:
            return LocalPlanInfo(campaign_id, None, None, None, "", None, None)
        return _local_info(local)


def _local_info(local: LocalPlan) -> LocalPlanInfo:
    return LocalPlanInfo(local.campaign_id, local.uuid, local.exported_at, local.verdict_status,
                         local.verdict_comment, local.verdict_reviewed_at,
                         local.verdict_imported_at)


# --- the district's side ---------------------------------------------------------------------

def receive_plans(db: Database, files: Sequence[Path], *,
                  now: datetime | None = None) -> list[DistrictPlanInfo]:
    """Read plan files into the district's overview; all or nothing (every file is read and
    checked before anything is stored). A newer export of a plan already here replaces its
    content and sets it back to received; the same or an older one changes nothing."""
    if not files:
        raise UserError(QT_TRANSLATE_NOOP("app", "No plan files were given"))
    plans = [(Path(f), read_plan(Path(f))) for f in files]
    seen: dict[str, Path] = {}
    for path, plan in plans:
        if plan.plan_uuid in seen:
            raise UserError(QT_TRANSLATE_NOOP(
                "app", "{file} and {other} are the same plan; give only one of them"),
                file=display_path(path), other=display_path(seen[plan.plan_uuid]))
        seen[plan.plan_uuid] = path
    now = now or utcnow()
    with db.transaction() as session:
        rows = []
        for path, plan in plans:
            row = session.scalars(
                select(DistrictPlan).where(DistrictPlan.plan_uuid == plan.plan_uuid)).first()
            if row is None:
                row = DistrictPlan(plan_uuid=plan.plan_uuid, deadline=plan.deadline,
                                   status="received", comment="", received_at=now)
                session.add(row)
            elif row.exported_at is not None and plan.exported_at <= row.exported_at:
                rows.append(row)
                continue
            else:
                row.status = "received"
                row.received_at = now
            row.association = plan.association[:200]
            row.campaign_name = plan.campaign[:200]
            row.content = plan.as_json()
            row.file_name = path.name[:500]
            row.exported_at = plan.exported_at
            rows.append(row)
        session.flush()
        return [_district_info(r) for r in rows]


def review_plan(db: Database, plan_id: int, *, status: str | None = None,
                comment: str | None = None, deadline: date | None = None,
                clear_deadline: bool = False, now: datetime | None = None) -> DistrictPlanInfo:
    """Set a plan's status, comment or deadline (what is None stays as it is)."""
    if status is not None and status not in STATUSES:
        raise UserError(QT_TRANSLATE_NOOP(
            "app", "Unknown plan status '{status}' (use received, approved or needs-changes)"),
            status=status)
    with db.transaction() as session:
        row = session.get(DistrictPlan, plan_id)
        if row is None:
            raise UserError(QT_TRANSLATE_NOOP("app", "There is no plan with id {id}"),
                            id=plan_id)
        if comment is not None:
            check_fits(comment, DistrictPlan.comment)
            row.comment = comment.strip()
        if status is not None:
            row.status = status
        if deadline is not None or clear_deadline:
            row.deadline = deadline
        row.reviewed_at = now or utcnow()
        session.flush()
        return _district_info(row)


def district_plans(db: Database) -> list[DistrictPlanInfo]:
    """Every plan received, the nearest deadline first (plans without one last)."""
    with db.session() as session:
        rows = session.scalars(select(DistrictPlan).order_by(
            DistrictPlan.deadline.is_(None), DistrictPlan.deadline, DistrictPlan.association,
            DistrictPlan.campaign_name, DistrictPlan.id))
        return [_district_info(r) for r in rows]


def write_verdicts(db: Database, targets: dict[int, Path], *,
                   force: bool = False) -> list[Path]:
    """Write each plan's answer to its file (plan id → path); every path is checked first."""
    checked = {pid: check_output(path, database=db.location, force=force)
               for pid, path in targets.items()}
    with db.session() as session:
        verdicts = {}
        for pid in checked:
            row = session.get(DistrictPlan, pid)
            if row is None:
                raise UserError(QT_TRANSLATE_NOOP("app", "There is no plan with id {id}"),
                                id=pid)
            verdicts[pid] = Verdict(row.plan_uuid, row.campaign_name, row.association,
                                    row.status, row.comment, row.reviewed_at or row.received_at,
                                    row.deadline)
    return [write_verdict(verdicts[pid], checked[pid], force=force) for pid in checked]


def verdict_file_name(plan: DistrictPlanInfo) -> str:
    """A name the association recognises: its own name and the campaign's."""
    raw = f"svar {plan.association} {plan.campaign}".strip()
    safe = "".join(c if c.isalnum() or c in " -_" else "_" for c in raw)
    return " ".join(safe.split())[:120] + ".xlsx"


def _district_info(row: DistrictPlan) -> DistrictPlanInfo:
    return DistrictPlanInfo(
        id=row.id, plan_uuid=row.plan_uuid, association=row.association,
        campaign=row.campaign_name, deadline=row.deadline, status=row.status,
        comment=row.comment, file_name=row.file_name, exported_at=row.exported_at,
        received_at=row.received_at, reviewed_at=row.reviewed_at,
        content=PlanContent.from_json(dict(row.content)))
