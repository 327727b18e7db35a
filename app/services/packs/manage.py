"""The organiser's view of packs: who holds what, returned when, how many called; and
revoking a pack (its people still to call go back to the queue; a late return still merges)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import distinct, func, select, update

from app.clock import utcnow
from app.db.database import Database
from app.db.models import Call, Contact, Pack, PackAssignment, PackMerge, TargetGroup
from app.domain.status import ContactStatus
from app.errors import QT_TRANSLATE_NOOP, UserError
from app.services import audit
from app.services.campaigns import get_campaign
from app.services.packs import PACKED


@dataclass(frozen=True)
class PackInfo:
    pack_id: str
    volunteer: str
    group: str
    state: str  # out, expired, revoked
    people: int
    called: int  # people with at least one call merged from the pack
    calls: int
    created_at: datetime
    expires_at: datetime | None
    revoked_at: datetime | None
    returned_at: datetime | None  # the last merge


def list_packs(db: Database, campaign: str, now: datetime | None = None) -> list[PackInfo]:
    now = now or utcnow()
    with db.session() as session:
        found = get_campaign(session, campaign)
        people = (select(func.count()).where(PackAssignment.pack_id == Pack.id)
                  .scalar_subquery())
        called = (select(func.count(distinct(Call.contact_id))).where(Call.pack_id == Pack.id)
                  .scalar_subquery())
        calls = select(func.count()).where(Call.pack_id == Pack.id).scalar_subquery()
        returned = (select(func.max(PackMerge.merged_at)).where(PackMerge.pack_id == Pack.id)
                    .scalar_subquery())
        rows = session.execute(
            select(Pack, TargetGroup.name, people, called, calls, returned)
            .outerjoin(TargetGroup, TargetGroup.id == Pack.target_group_id)
            .where(Pack.campaign_id == found.id).order_by(Pack.created_at, Pack.id)).all()
        result = []
        for pack, group, n_people, n_called, n_calls, returned_at in rows:
            state = pack.state
            if state == "out" and pack.expires_at is not None and pack.expires_at <= now:
                state = "expired"
            result.append(PackInfo(pack.id, pack.volunteer, group or "", state, int(n_people),
                                   int(n_called), int(n_calls), pack.created_at,
                                   pack.expires_at, pack.revoked_at, returned_at))
        return result


def revoke_pack(db: Database, pack_id: str, now: datetime | None = None) -> int:
    """Revoke a pack; returns how many people went back to the queue."""
    now = now or utcnow()
    with db.transaction() as session:
        pack = session.get(Pack, pack_id, with_for_update=True)
        if pack is None:
            raise UserError(QT_TRANSLATE_NOOP("app", "There is no pack with id {id}"),
                            id=pack_id)
        if pack.revoked_at is not None:
            return 0
        held = select(PackAssignment.contact_id).where(
            PackAssignment.pack_id == pack.id, PackAssignment.released_at.is_(None))
        # People the pack was still calling go back where they stood; a callback made on
        # the laptop and merged keeps its time.
        back = session.execute(
            update(Contact).where(Contact.id.in_(held), Contact.status == PACKED)
            .values(status=ContactStatus.OPEN.value, state_version=Contact.state_version + 1)
            .execution_options(synchronize_session=False))
        session.execute(
            update(PackAssignment).where(PackAssignment.pack_id == pack.id,
                                         PackAssignment.released_at.is_(None))
            .values(released_at=now).execution_options(synchronize_session=False))
        pack.revoked_at = now
        pack.state = "revoked"
        count = int(getattr(back, "rowcount", 0) or 0)
        audit.record(session, "pack_revoked", entity="pack", pack=pack.id, returned=count,
                     campaign_id=pack.campaign_id)
        return count
