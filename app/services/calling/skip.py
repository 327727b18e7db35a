"""Skipping a contact: back to the queue, behind the others of its kind. The skip is in the
audit trail; the reason (free text, which may name the person) is asked but not kept there."""

from __future__ import annotations

from datetime import datetime, tzinfo

from sqlalchemy import update
from sqlalchemy.orm import Session

from app.db.models import Contact
from app.errors import QT_TRANSLATE_NOOP, UserError
from app.services import audit
from app.services.calling.queue import NextContact, next_contact
from app.services.calling.server_clock import db_now


def skip_contact(
    session: Session,
    *,
    campaign_id: int,
    contact_id: int,
    claim_token: str,
    reason: str,
    volunteer_id: int | None,
    volunteer_name: str = "",
    claim_minutes: int = 20,
    group_id: int | None = None,
    now: datetime | None = None,
    tz: tzinfo | None = None,
) -> NextContact:
    """Put the contact back (due now, so after the ones waiting longer) and offer the next."""
    if not reason.strip():
        raise UserError(QT_TRANSLATE_NOOP("app", "Please say why you skip this person"))
    now = now or db_now(session)
    session.execute(
        update(Contact)
        .where(Contact.id == contact_id, Contact.claim_token == claim_token)
        .values(next_call_at=now, claimed_by_id=None, claim_token=None, claim_expires_at=None)
        .execution_options(synchronize_session=False)
    )
    audit.record(session, "contact_skipped", actor=volunteer_name, entity="contact",
                 entity_id=contact_id)  # the reason may name the person: not in the trail
    return next_contact(session, campaign_id=campaign_id, volunteer_id=volunteer_id,
                        claim_minutes=claim_minutes, group_id=group_id, exclude=contact_id,
                        now=now, tz=tz)
