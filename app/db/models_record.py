"""Tables for the record of processing per campaign (GDPR Art. 30, issue 14). Imported from
app/db/models.py, so every table is on Base.metadata."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.clock import utcnow
from app.db.base import Base
from app.db.types import UTCDateTime


class ProcessingRecord(Base):
    """What the organiser writes into a campaign's record of processing. The rest of the
    record (categories of people and data, retention) is read from the campaign itself when
    the record is shown, so it never falls behind the campaign."""

    __tablename__ = "processing_record"

    # One record per campaign; gone with the campaign (upload and purge follow the key).
    campaign_id: Mapped[int] = mapped_column(
        ForeignKey("campaign.id", ondelete="CASCADE"), primary_key=True)
    controller: Mapped[str] = mapped_column(String(300), default="")
    contact: Mapped[str] = mapped_column(String(300), default="")
    purpose: Mapped[str] = mapped_column(Text, default="")
    legal_basis: Mapped[str] = mapped_column(String(40), default="")
    recipients: Mapped[str] = mapped_column(Text, default="")
    security: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
