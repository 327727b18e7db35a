"""Making a pack (organiser): N uncalled people of a campaign (or one of its groups) handed
exclusively to one volunteer, and the encrypted file that carries them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, insert, or_, select, update
from sqlalchemy.orm import Session

from app.clock import utcnow
from app.db.base import Base
from app.db.database import Database, open_database
from app.db.models import (
    Campaign,
    Contact,
    DoNotCall,
    Pack,
    PackAssignment,
    PhoneNumber,
    Script,
    TargetGroup,
)
from app.domain.status import ContactStatus
from app.errors import QT_TRANSLATE_NOOP, UserError
from app.services import audit
from app.services.calling.card import AREA_KEYS
from app.services.campaigns import get_campaign
from app.services.lengths import check_fits
from app.services.packs import PACKED
from app.services.packs.crypto import KIND_PACK, encrypt, new_code, normalise_code
from app.services.packs.files import snapshot, temp_sqlite, write_private


@dataclass(frozen=True)
class CreatedPack:
    pack_id: str
    code: str
    people: int
    path: Path
    code_made: bool  # the code was made here (print it), not given


def create_pack(
    db: Database, *, campaign: str, volunteer: str, size: int, out: Path,
    group: str | None = None, expires_at: datetime | None = None, code: str | None = None,
    now: datetime | None = None,
) -> CreatedPack:
    """Assign up to `size` people never called and free to the pack, and write its file.

    One transaction: the people leave the queue (status 'packed') and the file is written
    before it commits, so a failure leaves neither a pack without a file nor people held
    by no pack. The database's unique index refuses a person in two open packs at once."""
    now = now or utcnow()
    name = " ".join(volunteer.split())
    if not name:
        raise UserError(QT_TRANSLATE_NOOP("app", "Please enter your name"))
    if size <= 0:
        raise UserError(QT_TRANSLATE_NOOP("app", "A pack needs at least one person"))
    made = code is None
    code = new_code() if code is None else normalise_code(code)
    if not code:
        raise UserError(QT_TRANSLATE_NOOP("app", "The pack code is empty"))
    with db.transaction() as session:
        found = get_campaign(session, campaign)
        group_id: int | None = None
        if group is not None:
            group_id = session.scalar(select(TargetGroup.id).where(
                TargetGroup.campaign_id == found.id, TargetGroup.name == group))
            if group_id is None:
                raise UserError(QT_TRANSLATE_NOOP(
                    "app", "Campaign '{campaign}' has no target group named '{name}'"),
                    campaign=found.name, name=group)
        check_fits(name, Pack.volunteer)
        pick = (select(Contact.id)
                .where(Contact.campaign_id == found.id,
                       Contact.status == ContactStatus.OPEN.value, Contact.attempts == 0,
                       or_(Contact.claim_expires_at.is_(None), Contact.claim_expires_at <= now))
                .order_by(Contact.queue_rank, Contact.next_call_at, Contact.id).limit(size))
        if group_id is not None:
            pick = pick.where(Contact.target_group_id == group_id)
        if db.dialect == "postgresql":
            pick = pick.with_for_update(skip_locked=True)
        ids = list(session.scalars(pick))
        if not ids:
            raise UserError(QT_TRANSLATE_NOOP(
                "app", "Campaign '{campaign}' has nobody left who has not been called"),
                campaign=found.name)
        pack = Pack(id=str(uuid.uuid4()), campaign_id=found.id, target_group_id=group_id,
                    volunteer=name, created_at=now, expires_at=expires_at, state="out")
        session.add(pack)
        session.flush()
        session.execute(insert(PackAssignment), [
            {"pack_id": pack.id, "contact_id": cid} for cid in ids])
        session.execute(
            update(Contact).where(Contact.id.in_(ids))
            .values(status=PACKED, claimed_by_id=None, claim_token=None, claim_expires_at=None,
                    state_version=Contact.state_version + 1)
            .execution_options(synchronize_session=False))
        audit.record(session, "pack_created", entity="pack", count=len(ids), pack=pack.id,
                     volunteer=name, campaign_id=found.id)
        data = _pack_file(session, found.id, pack.id, ids)
        write_private(out, encrypt(data, code, KIND_PACK, pack.id))
        return CreatedPack(pack.id, code, len(ids), out, made)


def _t(model: type[Base]) -> Table:
    return cast(Table, model.__table__)


def _rows(session: Session, table: Table, *where: Any) -> list[dict[str, Any]]:
    return [dict(row) for row in session.execute(select(table).where(*where)).mappings()]


def _pack_file(session: Session, campaign_id: int, pack_id: str, ids: list[int]) -> bytes:
    """The pack's SQLite file: our own schema at this app's revision, holding only what
    calling the assigned people needs. Ids are the organiser's, so what comes back refers
    to the organiser's people, numbers and script versions as they are."""
    campaign = _rows(session, _t(Campaign), Campaign.id == campaign_id)
    script_id = campaign[0]["script_id"]
    contacts = _rows(session, _t(Contact), Contact.id.in_(ids))
    for row in contacts:
        # On the laptop they are simply to call; and what the calling card does not show
        # (address, gender, the list's other columns) stays at home.
        extra = row["extra"] if isinstance(row["extra"], dict) else {}
        row.update(status=ContactStatus.OPEN.value, claimed_by_id=None, claim_token=None,
                   claim_expires_at=None, import_run_id=None, street="", postcode="",
                   gender="", extra={k: v for k, v in extra.items() if k in AREA_KEYS})
    groups = {row["target_group_id"] for row in contacts}
    phones = _rows(session, _t(PhoneNumber), PhoneNumber.contact_id.in_(ids))
    # Only the entries that concern the pack's own numbers: the list holds numbers of
    # people the volunteer has no business with.
    dnc = _rows(session, _t(DoNotCall),
                DoNotCall.e164.in_({row["e164"] for row in phones}))
    scripts = _rows(session, _t(Script), Script.id == script_id) if script_id else []
    with temp_sqlite(pack_id) as path:
        laptop = open_database(str(path))
        try:
            with laptop.transaction() as out:
                conn = out.connection()
                conn.execute(insert(_t(Campaign)), [{**campaign[0], "script_id": None}])
                if scripts:
                    conn.execute(insert(_t(Script)), scripts)
                    conn.execute(update(_t(Campaign))
                                 .where(_t(Campaign).c.id == campaign_id)
                                 .values(script_id=script_id))
                conn.execute(insert(_t(TargetGroup)), _rows(
                    session, _t(TargetGroup), TargetGroup.id.in_(groups)))
                conn.execute(insert(_t(Contact)), contacts)
                if phones:  # an empty list would insert one row of defaults
                    conn.execute(insert(_t(PhoneNumber)), phones)
                if dnc:
                    conn.execute(insert(_t(DoNotCall)), dnc)
                conn.execute(insert(_t(Pack)),
                             _rows(session, _t(Pack), Pack.id == pack_id))
                conn.execute(insert(_t(PackAssignment)), [
                    {"pack_id": pack_id, "contact_id": cid} for cid in ids])
        finally:
            laptop.close()
        return snapshot(path)
