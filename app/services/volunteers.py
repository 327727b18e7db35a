"""Volunteers: the people who call."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Volunteer
from app.errors import QT_TRANSLATE_NOOP, UserError
from app.services.lengths import check_fits


def get_or_create_volunteer(session: Session, name: str) -> Volunteer:
    clean = " ".join(name.split())
    if not clean:
        raise UserError(QT_TRANSLATE_NOOP("app", "Please enter your name"))
    volunteer = session.scalars(select(Volunteer).where(Volunteer.name == clean)).first()
    if volunteer is None:
        check_fits(clean, Volunteer.name)
        volunteer = Volunteer(name=clean)
        session.add(volunteer)
        session.flush()
    return volunteer


def list_volunteers(session: Session) -> list[str]:
    return list(session.scalars(select(Volunteer.name).order_by(Volunteer.name)))
