"""Privacy under the GDPR (issue 14): retention, purge, erasure, answers without a name:
campaign.purged_at / anonymous_answers, contact.erased_at, anonymous_answer_count, and an
index on call.phone_number_id (deleting numbers must not read every call per number)

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from app.db.types import UTCDateTime

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("campaign", schema=None) as batch_op:
        batch_op.add_column(sa.Column("purged_at", UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column("anonymous_answers", sa.Boolean(),
                                      server_default=sa.text("false"), nullable=False))
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.add_column(sa.Column("erased_at", UTCDateTime(), nullable=True))
    with op.batch_alter_table("call", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_call_phone_number_id"), ["phone_number_id"],
                              unique=False)
    op.create_table(
        "anonymous_answer_count",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("target_group_id", sa.Integer(), nullable=False),
        sa.Column("script_id", sa.Integer(), nullable=True),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("question_key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.String(length=1000), nullable=False),
        sa.Column("count", sa.Integer(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(["campaign_id"], ["campaign.id"],
                                name=op.f("fk_anonymous_answer_count_campaign_id_campaign"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["target_group_id"], ["target_group.id"],
            name=op.f("fk_anonymous_answer_count_target_group_id_target_group"),
            ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["script_id"], ["script.id"],
                                name=op.f("fk_anonymous_answer_count_script_id_script"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_anonymous_answer_count")),
    )
    with op.batch_alter_table("anonymous_answer_count", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_anonymous_answer_count_campaign_id"),
                              ["campaign_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("anonymous_answer_count", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_anonymous_answer_count_campaign_id"))
    op.drop_table("anonymous_answer_count")
    with op.batch_alter_table("call", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_call_phone_number_id"))
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.drop_column("erased_at")
    with op.batch_alter_table("campaign", schema=None) as batch_op:
        batch_op.drop_column("anonymous_answers")
        batch_op.drop_column("purged_at")
