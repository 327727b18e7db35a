"""Tables for organising between the evenings (issue 16): calling evenings and sign-ups, and
the organiser's inbox.

Kept apart from app/db/models.py so that file stays about calling itself; imported from there,
so every table is on Base.metadata wherever the models are."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, Time, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.clock import utcnow
from app.db.base import Base
from app.db.types import UTCDateTime


class CallingEvening(Base):
    """A planned calling evening. Its date and times are wall-clock times in Sweden, as the
    organiser types them and as the invitation shows them."""

    __tablename__ = "calling_evening"
    __table_args__ = (Index("ix_calling_evening_campaign_day", "campaign_id", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    starts: Mapped[time] = mapped_column(Time)
    ends: Mapped[time] = mapped_column(Time)
    place: Mapped[str] = mapped_column(String(300), default="")
    link: Mapped[str] = mapped_column(String(500), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    goal_calls: Mapped[int | None] = mapped_column(Integer)
    goal_conversations: Mapped[int | None] = mapped_column(Integer)
    goal_recruits: Mapped[int | None] = mapped_column(Integer)
    # Stable across exports, so a calendar updates the event instead of adding a second one.
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class CallingEveningGroup(Base):
    """The target groups an evening calls."""

    __tablename__ = "calling_evening_group"

    evening_id: Mapped[int] = mapped_column(
        ForeignKey("calling_evening.id", ondelete="CASCADE"), primary_key=True)
    target_group_id: Mapped[int] = mapped_column(
        ForeignKey("target_group.id", ondelete="CASCADE"), primary_key=True)


class EveningSignup(Base):
    """A volunteer who will come. `recorded_by` is empty when they signed up themselves."""

    __tablename__ = "evening_signup"
    __table_args__ = (UniqueConstraint("evening_id", "volunteer_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    evening_id: Mapped[int] = mapped_column(
        ForeignKey("calling_evening.id", ondelete="CASCADE"))
    volunteer_id: Mapped[int] = mapped_column(
        ForeignKey("volunteer.id", ondelete="CASCADE"), index=True)
    recorded_by: Mapped[str] = mapped_column(String(200), default="")
    signed_up_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class InboxItem(Base):
    """The organiser's handling of one inbox item that comes from a call (a callback, a wrong
    number, a new member, a flagged call): who owns it, when it is due, when it was done.
    Written only when the organiser sets one of them; follow-ups keep theirs in follow_up."""

    __tablename__ = "inbox_item"
    __table_args__ = (UniqueConstraint("kind", "call_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    call_id: Mapped[int] = mapped_column(
        ForeignKey("call.id", ondelete="CASCADE"), index=True)
    owner: Mapped[str] = mapped_column(String(200), default="")
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    done_by: Mapped[str] = mapped_column(String(200), default="")
