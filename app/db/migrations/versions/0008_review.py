"""Corrected calls' earlier versions and local plans under district review (issue 16):
call_version, local_plan (the association's side), district_plan (the district's side)

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from app.db.types import UTCDateTime

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "call_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("call_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.String(length=30), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("meeting_signup", sa.Boolean(), nullable=False),
        sa.Column("changed_by", sa.String(length=200), nullable=False),
        sa.Column("changed_at", UTCDateTime(), nullable=False),
        sa.Column("contact_version", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["call_id"], ["call.id"],
                                name=op.f("fk_call_version_call_id_call"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_call_version")),
        sa.UniqueConstraint("call_id", "version", name=op.f("uq_call_version_call_id")),
    )
    with op.batch_alter_table("call_version", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_call_version_call_id"), ["call_id"], unique=False)
    op.create_table(
        "local_plan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("exported_at", UTCDateTime(), nullable=True),
        sa.Column("verdict_status", sa.String(length=20), nullable=True),
        sa.Column("verdict_comment", sa.Text(), nullable=False),
        sa.Column("verdict_reviewed_at", UTCDateTime(), nullable=True),
        sa.Column("verdict_imported_at", UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["campaign_id"], ["campaign.id"],
                                name=op.f("fk_local_plan_campaign_id_campaign"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_local_plan")),
        sa.UniqueConstraint("campaign_id", name=op.f("uq_local_plan_campaign_id")),
        sa.UniqueConstraint("uuid", name=op.f("uq_local_plan_uuid")),
    )
    op.create_table(
        "district_plan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_uuid", sa.String(length=36), nullable=False),
        sa.Column("association", sa.String(length=200), nullable=False),
        sa.Column("campaign_name", sa.String(length=200), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("content", sa.JSON(), nullable=False),
        sa.Column("file_name", sa.String(length=500), nullable=False),
        sa.Column("exported_at", UTCDateTime(), nullable=True),
        sa.Column("received_at", UTCDateTime(), nullable=False),
        sa.Column("reviewed_at", UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_district_plan")),
        sa.UniqueConstraint("plan_uuid", name=op.f("uq_district_plan_plan_uuid")),
    )


def downgrade() -> None:
    op.drop_table("district_plan")
    op.drop_table("local_plan")
    with op.batch_alter_table("call_version", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_call_version_call_id"))
    op.drop_table("call_version")
