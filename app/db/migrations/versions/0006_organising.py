"""Organising between the evenings (issue 16): calling evenings, sign-ups and the inbox

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from app.db.types import UTCDateTime

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "calling_evening",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("starts", sa.Time(), nullable=False),
        sa.Column("ends", sa.Time(), nullable=False),
        sa.Column("place", sa.String(length=300), nullable=False),
        sa.Column("link", sa.String(length=500), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("goal_calls", sa.Integer(), nullable=True),
        sa.Column("goal_conversations", sa.Integer(), nullable=True),
        sa.Column("goal_recruits", sa.Integer(), nullable=True),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["campaign_id"], ["campaign.id"],
                                name=op.f("fk_calling_evening_campaign_id_campaign"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calling_evening")),
        sa.UniqueConstraint("uid", name=op.f("uq_calling_evening_uid")),
    )
    with op.batch_alter_table("calling_evening", schema=None) as batch_op:
        batch_op.create_index("ix_calling_evening_campaign_day", ["campaign_id", "day"],
                              unique=False)
    op.create_table(
        "calling_evening_group",
        sa.Column("evening_id", sa.Integer(), nullable=False),
        sa.Column("target_group_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["evening_id"], ["calling_evening.id"],
                                name=op.f("fk_calling_evening_group_evening_id_calling_evening"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["target_group_id"], ["target_group.id"],
                                name=op.f("fk_calling_evening_group_target_group_id_target_group"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("evening_id", "target_group_id",
                                name=op.f("pk_calling_evening_group")),
    )
    op.create_table(
        "evening_signup",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("evening_id", sa.Integer(), nullable=False),
        sa.Column("volunteer_id", sa.Integer(), nullable=False),
        sa.Column("recorded_by", sa.String(length=200), nullable=False),
        sa.Column("signed_up_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["evening_id"], ["calling_evening.id"],
                                name=op.f("fk_evening_signup_evening_id_calling_evening"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["volunteer_id"], ["volunteer.id"],
                                name=op.f("fk_evening_signup_volunteer_id_volunteer"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evening_signup")),
        sa.UniqueConstraint("evening_id", "volunteer_id",
                            name=op.f("uq_evening_signup_evening_id")),
    )
    with op.batch_alter_table("evening_signup", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_evening_signup_volunteer_id"), ["volunteer_id"],
                              unique=False)
    op.create_table(
        "inbox_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("call_id", sa.Integer(), nullable=False),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("due_at", UTCDateTime(), nullable=True),
        sa.Column("done_at", UTCDateTime(), nullable=True),
        sa.Column("done_by", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(["call_id"], ["call.id"],
                                name=op.f("fk_inbox_item_call_id_call"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inbox_item")),
        sa.UniqueConstraint("kind", "call_id", name=op.f("uq_inbox_item_kind")),
    )
    with op.batch_alter_table("inbox_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_inbox_item_call_id"), ["call_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("inbox_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inbox_item_call_id"))
    op.drop_table("inbox_item")
    with op.batch_alter_table("evening_signup", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_evening_signup_volunteer_id"))
    op.drop_table("evening_signup")
    op.drop_table("calling_evening_group")
    with op.batch_alter_table("calling_evening", schema=None) as batch_op:
        batch_op.drop_index("ix_calling_evening_campaign_day")
    op.drop_table("calling_evening")
