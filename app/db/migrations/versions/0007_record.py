"""The record of processing per campaign (issue 14): processing_record. The audit trail keeps
its campaign and the computer's user in audit_event.detail, so that table is unchanged.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from app.db.types import UTCDateTime

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "processing_record",
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("controller", sa.String(length=300), nullable=False),
        sa.Column("contact", sa.String(length=300), nullable=False),
        sa.Column("purpose", sa.Text(), nullable=False),
        sa.Column("legal_basis", sa.String(length=40), nullable=False),
        sa.Column("recipients", sa.Text(), nullable=False),
        sa.Column("security", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["campaign_id"], ["campaign.id"],
                                name=op.f("fk_processing_record_campaign_id_campaign"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("campaign_id", name=op.f("pk_processing_record")),
    )


def downgrade() -> None:
    op.drop_table("processing_record")
