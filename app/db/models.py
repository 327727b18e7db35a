"""The data model. Grown only by Alembic migrations (see app/db/migrations)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.clock import utcnow
from app.db.base import Base
from app.db.types import UTCDateTime


def _uuid() -> str:
    return str(uuid.uuid4())


class Campaign(Base):
    __tablename__ = "campaign"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    association: Mapped[str] = mapped_column(String(200), default="")
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    local_issue: Mapped[str] = mapped_column(Text, default="")
    local_message: Mapped[str] = mapped_column(Text, default="")
    meeting_title: Mapped[str] = mapped_column(String(200), default="")
    meeting_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    meeting_link: Mapped[str] = mapped_column(String(500), default="")
    meeting_guest: Mapped[str] = mapped_column(String(200), default="")
    is_practice: Mapped[bool] = mapped_column(Boolean, default=False)
    # Queue rules, editable per campaign.
    retry_wait_minutes: Mapped[int] = mapped_column(Integer, default=120)
    max_attempts: Mapped[int] = mapped_column(Integer, default=3)
    weekday_hours: Mapped[str] = mapped_column(String(20), default="09:00-20:00")
    weekend_hours: Mapped[str] = mapped_column(String(20), default="10:00-18:00")
    notes_enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    goal_conversations: Mapped[int | None] = mapped_column(Integer)
    goal_recruits: Mapped[int | None] = mapped_column(Integer)
    script_id: Mapped[int | None] = mapped_column(
        ForeignKey("script.id", use_alter=True, ondelete="SET NULL")
    )
    # GDPR: the day after which the campaign's personal data is to be deleted.
    delete_after: Mapped[date | None] = mapped_column(Date)
    # When the personal data was purged (app/services/privacy/purge.py); its figures stay.
    purged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # "Answers without a name": answers are only counted (AnonymousAnswerCount), never
    # stored against the call or the person.
    anonymous_answers: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=text("false"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    groups: Mapped[list[TargetGroup]] = relationship(
        back_populates="campaign", cascade="all, delete-orphan", passive_deletes=True
    )


class TargetGroup(Base):
    __tablename__ = "target_group"
    __table_args__ = (UniqueConstraint("campaign_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    source_file: Mapped[str | None] = mapped_column(String(500))
    imported_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    campaign: Mapped[Campaign] = relationship(back_populates="groups")


class ImportRun(Base):
    """One import of one file; its counts and rejected rows stay for the organiser's report."""

    __tablename__ = "import_run"

    id: Mapped[int] = mapped_column(primary_key=True)
    target_group_id: Mapped[int] = mapped_column(
        ForeignKey("target_group.id", ondelete="CASCADE"), index=True
    )
    file_name: Mapped[str] = mapped_column(String(500))
    file_sha256: Mapped[str] = mapped_column(String(64), index=True)
    sheet: Mapped[str | None] = mapped_column(String(200))
    mapping: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    rows: Mapped[int] = mapped_column(Integer, default=0)
    imported: Mapped[int] = mapped_column(Integer, default=0)
    rejected: Mapped[int] = mapped_column(Integer, default=0)
    suppressed: Mapped[int] = mapped_column(Integer, default=0)
    duplicate: Mapped[int] = mapped_column(Integer, default=0)
    # "staging" while rows go in (hidden from every screen as status 'importing'), then
    # "publishing" while they are made visible in short steps, then "done". A run left in
    # "staging" by a killed process is deleted at the next start; one left in "publishing"
    # is finished then.
    state: Mapped[str] = mapped_column(String(20), default="done", server_default="done")
    owner: Mapped[str] = mapped_column(String(200), default="", server_default="")  # host:pid
    heartbeat_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class RejectedRow(Base):
    __tablename__ = "rejected_row"

    id: Mapped[int] = mapped_column(primary_key=True)
    import_run_id: Mapped[int] = mapped_column(
        ForeignKey("import_run.id", ondelete="CASCADE"), index=True
    )
    row_number: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(500))
    values: Mapped[list[Any]] = mapped_column(JSON, default=list)


class Volunteer(Base):
    __tablename__ = "volunteer"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Contact(Base):
    __tablename__ = "contact"
    __table_args__ = (
        # The queue's claim walks this index in order: it covers the whole ORDER BY,
        # tie-breaker included, and holds only contacts still to call.
        Index(
            "ix_contact_queue",
            "campaign_id", "queue_rank", "next_call_at", "id",
            sqlite_where=text("status = 'open'"),
            postgresql_where=text("status = 'open'"),
        ),
        Index("ix_contact_group_status", "target_group_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"))
    target_group_id: Mapped[int] = mapped_column(
        ForeignKey("target_group.id", ondelete="CASCADE")
    )
    import_run_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_run.id", ondelete="SET NULL")
    )
    first_name: Mapped[str] = mapped_column(String(200), default="")
    last_name: Mapped[str] = mapped_column(String(200), default="")
    street: Mapped[str] = mapped_column(String(300), default="")
    postcode: Mapped[str] = mapped_column(String(20), default="")
    city: Mapped[str] = mapped_column(String(200), default="")
    birth_year: Mapped[int | None] = mapped_column(Integer)
    gender: Mapped[str] = mapped_column(String(20), default="")
    extra: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # Queue state.
    status: Mapped[str] = mapped_column(String(20), default="open")
    queue_rank: Mapped[int] = mapped_column(Integer, default=1)
    next_call_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_outcome: Mapped[str | None] = mapped_column(String(30))
    last_called_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    claimed_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("volunteer.id", ondelete="SET NULL")
    )
    claim_token: Mapped[str | None] = mapped_column(String(36))
    claim_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    notes_for_next: Mapped[str] = mapped_column(Text, default="")
    # Bumped by every write to the person's queue state (save, undo, do-not-call), so a save
    # or undo can tell whether anyone touched the person since it looked.
    state_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Set when the person was purged or erased: the row stays as an anonymous shell so the
    # campaign's figures (people tried, reached, per target group) keep counting it.
    erased_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    phones: Mapped[list[PhoneNumber]] = relationship(
        back_populates="contact", cascade="all, delete-orphan", passive_deletes=True,
        order_by="PhoneNumber.position",
    )


class PhoneNumber(Base):
    __tablename__ = "phone_number"
    __table_args__ = (Index("ix_phone_number_campaign_e164", "campaign_id", "e164"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )
    # Denormalised so that the per-campaign duplicate check is one index lookup.
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    e164: Mapped[str] = mapped_column(String(20))
    raw: Mapped[str] = mapped_column(String(100), default="")
    kind: Mapped[str] = mapped_column(String(20), default="")  # mobile, fixed, voip, ...
    failed: Mapped[bool] = mapped_column(Boolean, default=False)  # marked wrong number

    contact: Mapped[Contact] = relationship(back_populates="phones")


class Script(Base):
    """One immutable version of a conversation script; editing makes a new version."""

    __tablename__ = "script"
    __table_args__ = (UniqueConstraint("campaign_id", "key", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int | None] = mapped_column(
        ForeignKey("campaign.id", ondelete="CASCADE"), index=True
    )
    key: Mapped[str] = mapped_column(String(100))  # stable name across versions
    name: Mapped[str] = mapped_column(String(200))
    language: Mapped[str] = mapped_column(String(10), default="sv")
    version: Mapped[int] = mapped_column(Integer, default=1)
    origin: Mapped[str] = mapped_column(String(20), default="builtin")  # builtin/imported/edited
    source: Mapped[str] = mapped_column(Text)  # the YAML text
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Call(Base):
    __tablename__ = "call"
    __table_args__ = (
        Index("ix_call_campaign_started", "campaign_id", "started_at"),
        Index("ix_call_volunteer_started", "volunteer_id", "started_at"),
        # Tonight's figures look calls up by when they were saved.
        Index("ix_call_campaign_saved", "campaign_id", "saved_at"),
        Index("ix_call_volunteer_saved", "volunteer_id", "saved_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=_uuid)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"))
    target_group_id: Mapped[int] = mapped_column(
        ForeignKey("target_group.id", ondelete="CASCADE")
    )
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )
    volunteer_id: Mapped[int | None] = mapped_column(
        ForeignKey("volunteer.id", ondelete="SET NULL")
    )
    # Indexed so that deleting numbers (purge, erasure) finds the calls that dialled them
    # without reading every call once per number.
    phone_number_id: Mapped[int | None] = mapped_column(
        ForeignKey("phone_number.id", ondelete="SET NULL"), index=True
    )
    number_dialled: Mapped[str] = mapped_column(String(20), default="")
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    outcome: Mapped[str] = mapped_column(String(30))
    notes: Mapped[str] = mapped_column(Text, default="")
    meeting_signup: Mapped[bool] = mapped_column(Boolean, default=False)
    script_id: Mapped[int | None] = mapped_column(ForeignKey("script.id", ondelete="SET NULL"))
    # The contact's queue state before this call, so Undo can restore it exactly.
    contact_before: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    saved_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Calls made on a laptop from a calling pack (app/services/packs) say which one; a call
    # merged from a revoked or expired pack is flagged ("revoked", "expired") for review.
    pack_id: Mapped[str | None] = mapped_column(
        ForeignKey("pack.id", ondelete="SET NULL"), index=True)
    flag: Mapped[str | None] = mapped_column(String(30))

    answers: Mapped[list[Answer]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )


class CallTally(Base):
    """A campaign's running totals, kept in the same transaction as each save and undo, so the
    calling screen's goal bars cost the same at any campaign size."""

    __tablename__ = "call_tally"

    campaign_id: Mapped[int] = mapped_column(
        ForeignKey("campaign.id", ondelete="CASCADE"), primary_key=True
    )
    calls: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    conversations: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    recruits: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    follow_ups: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class Answer(Base):
    __tablename__ = "answer"

    id: Mapped[int] = mapped_column(primary_key=True)
    call_id: Mapped[int] = mapped_column(ForeignKey("call.id", ondelete="CASCADE"), index=True)
    question_key: Mapped[str] = mapped_column(String(100))
    value: Mapped[Any] = mapped_column(JSON)


class AnonymousAnswerCount(Base):
    """Answers given in a campaign with "answers without a name": only counted, per target
    group, script version, local day, question and value. There is no row per call on
    purpose: rows in insertion order could be matched with the calls saved at the same time.
    Two saves racing may each add a row for the same key; readers add the counts up.
    """

    __tablename__ = "anonymous_answer_count"

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(
        ForeignKey("campaign.id", ondelete="CASCADE"), index=True)
    target_group_id: Mapped[int] = mapped_column(
        ForeignKey("target_group.id", ondelete="CASCADE"))
    script_id: Mapped[int | None] = mapped_column(ForeignKey("script.id", ondelete="SET NULL"))
    day: Mapped[date] = mapped_column(Date)  # the call's local day
    question_key: Mapped[str] = mapped_column(String(100))
    # The answer as canonical JSON; "null" counts a free-text answer whose words are not kept.
    value: Mapped[str] = mapped_column(String(1000))
    count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class Recruit(Base):
    __tablename__ = "recruit"

    id: Mapped[int] = mapped_column(primary_key=True)
    call_id: Mapped[int] = mapped_column(
        ForeignKey("call.id", ondelete="CASCADE"), unique=True
    )
    first_name: Mapped[str] = mapped_column(String(200), default="")
    last_name: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(300), default="")
    phone: Mapped[str] = mapped_column(String(30), default="")
    street: Mapped[str] = mapped_column(String(300), default="")
    postcode: Mapped[str] = mapped_column(String(20), default="")
    city: Mapped[str] = mapped_column(String(200), default="")
    birth_year: Mapped[int | None] = mapped_column(Integer)
    consent_membership: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_contact: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_text: Mapped[str] = mapped_column(Text, default="")
    consented_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class FollowUp(Base):
    __tablename__ = "follow_up"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )
    call_id: Mapped[int | None] = mapped_column(
        ForeignKey("call.id", ondelete="CASCADE"), index=True
    )
    promised: Mapped[str] = mapped_column(Text)
    assigned_to: Mapped[str] = mapped_column(String(200), default="")
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class DoNotCall(Base):
    """Numbers never to call again. Outlives campaigns on purpose."""

    __tablename__ = "do_not_call"

    id: Mapped[int] = mapped_column(primary_key=True)
    e164: Mapped[str] = mapped_column(String(20), unique=True)
    reason: Mapped[str] = mapped_column(String(300), default="")
    source: Mapped[str] = mapped_column(String(100), default="")
    added_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class AuditEvent(Base):
    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(200), default="")
    action: Mapped[str] = mapped_column(String(100))
    entity: Mapped[str] = mapped_column(String(50), default="")
    entity_id: Mapped[int | None] = mapped_column(Integer)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class Pack(Base):
    """A calling pack: people handed to one volunteer's laptop as an encrypted file."""

    __tablename__ = "pack"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=_uuid)
    campaign_id: Mapped[int] = mapped_column(
        ForeignKey("campaign.id", ondelete="CASCADE"), index=True)
    target_group_id: Mapped[int | None] = mapped_column(
        ForeignKey("target_group.id", ondelete="SET NULL"))
    volunteer: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    state: Mapped[str] = mapped_column(String(20), default="out")  # out, revoked


class PackAssignment(Base):
    """One person in one pack. A person is in at most one open assignment (released_at IS
    NULL), which the database itself enforces: two packs made at once cannot share anyone."""

    __tablename__ = "pack_assignment"
    __table_args__ = (
        Index(
            "ux_pack_assignment_open_contact", "contact_id", unique=True,
            sqlite_where=text("released_at IS NULL"),
            postgresql_where=text("released_at IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    pack_id: Mapped[str] = mapped_column(
        ForeignKey("pack.id", ondelete="CASCADE"), index=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contact.id", ondelete="CASCADE"))
    released_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class PackMerge(Base):
    """One results file merged into the organiser's database; the same file again is seen
    here and changes nothing."""

    __tablename__ = "pack_merge"
    __table_args__ = (UniqueConstraint("pack_id", "file_sha256"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    pack_id: Mapped[str] = mapped_column(ForeignKey("pack.id", ondelete="CASCADE"))
    file_sha256: Mapped[str] = mapped_column(String(64))
    merged_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    counts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


# Registered on the same metadata; at the end because it refers to the tables above.
from app.db import models_organising, models_record, models_review  # noqa: E402, F401
