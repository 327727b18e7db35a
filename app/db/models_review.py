"""Tables for corrected calls' earlier versions and local plans under district review
(issue 16). Imported from app/db/models.py, so every table is on Base.metadata."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.clock import utcnow
from app.db.base import Base
from app.db.types import UTCDateTime


class CallVersion(Base):
    """One version of a corrected call. The call row always holds the newest version; the
    first correction also stores the call as it was saved (version 1), so every earlier
    version stays readable with who made it and when."""

    __tablename__ = "call_version"
    __table_args__ = (UniqueConstraint("call_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    call_id: Mapped[int] = mapped_column(ForeignKey("call.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    outcome: Mapped[str] = mapped_column(String(30))
    notes: Mapped[str] = mapped_column(Text, default="")
    answers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    meeting_signup: Mapped[bool] = mapped_column(Boolean, default=False)
    changed_by: Mapped[str] = mapped_column(String(200), default="")
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # The person's state_version right after this version was written: a later correction
    # may decide the person's state only while nothing else has changed it since.
    contact_version: Mapped[int | None] = mapped_column(Integer)


class LocalPlan(Base):
    """The association's side of a campaign's local plan: its stable id in the district's
    files and the district's last verdict, as read from the district's answer."""

    __tablename__ = "local_plan"

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(
        ForeignKey("campaign.id", ondelete="CASCADE"), unique=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    exported_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    verdict_status: Mapped[str | None] = mapped_column(String(20))
    verdict_comment: Mapped[str] = mapped_column(Text, default="")
    verdict_reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    verdict_imported_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class DistrictPlan(Base):
    """The district's side: one association's plan as last received, and its review."""

    __tablename__ = "district_plan"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    association: Mapped[str] = mapped_column(String(200), default="")
    campaign_name: Mapped[str] = mapped_column(String(200), default="")
    deadline: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="received")
    comment: Mapped[str] = mapped_column(Text, default="")
    content: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    file_name: Mapped[str] = mapped_column(String(500), default="")
    exported_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
