"""Calling packs for laptops without a server: pack, pack_assignment (one open pack per
person), pack_merge (results files merged), and call.pack_id / call.flag

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from app.db.types import UTCDateTime

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "pack",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("target_group_id", sa.Integer(), nullable=True),
        sa.Column("volunteer", sa.String(length=200), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("expires_at", UTCDateTime(), nullable=True),
        sa.Column("revoked_at", UTCDateTime(), nullable=True),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(["campaign_id"], ["campaign.id"],
                                name=op.f("fk_pack_campaign_id_campaign"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["target_group_id"], ["target_group.id"],
                                name=op.f("fk_pack_target_group_id_target_group"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pack")),
    )
    with op.batch_alter_table("pack", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pack_campaign_id"), ["campaign_id"], unique=False)
    op.create_table(
        "pack_assignment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pack_id", sa.String(length=36), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("released_at", UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["contact_id"], ["contact.id"],
                                name=op.f("fk_pack_assignment_contact_id_contact"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["pack_id"], ["pack.id"],
                                name=op.f("fk_pack_assignment_pack_id_pack"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pack_assignment")),
    )
    with op.batch_alter_table("pack_assignment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pack_assignment_pack_id"), ["pack_id"],
                              unique=False)
        batch_op.create_index(
            "ux_pack_assignment_open_contact", ["contact_id"], unique=True,
            sqlite_where=sa.text("released_at IS NULL"),
            postgresql_where=sa.text("released_at IS NULL"),
        )
    op.create_table(
        "pack_merge",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pack_id", sa.String(length=36), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=False),
        sa.Column("merged_at", UTCDateTime(), nullable=False),
        sa.Column("counts", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["pack_id"], ["pack.id"],
                                name=op.f("fk_pack_merge_pack_id_pack"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pack_merge")),
        sa.UniqueConstraint("pack_id", "file_sha256", name=op.f("uq_pack_merge_pack_id")),
    )
    with op.batch_alter_table("call", schema=None) as batch_op:
        batch_op.add_column(sa.Column("pack_id", sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column("flag", sa.String(length=30), nullable=True))
        batch_op.create_index(batch_op.f("ix_call_pack_id"), ["pack_id"], unique=False)
        batch_op.create_foreign_key(batch_op.f("fk_call_pack_id_pack"), "pack", ["pack_id"],
                                    ["id"], ondelete="SET NULL")


def downgrade() -> None:
    with op.batch_alter_table("call", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_call_pack_id_pack"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_call_pack_id"))
        batch_op.drop_column("flag")
        batch_op.drop_column("pack_id")
    op.drop_table("pack_merge")
    with op.batch_alter_table("pack_assignment", schema=None) as batch_op:
        batch_op.drop_index(
            "ux_pack_assignment_open_contact",
            sqlite_where=sa.text("released_at IS NULL"),
            postgresql_where=sa.text("released_at IS NULL"),
        )
        batch_op.drop_index(batch_op.f("ix_pack_assignment_pack_id"))
    op.drop_table("pack_assignment")
    with op.batch_alter_table("pack", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pack_campaign_id"))
    op.drop_table("pack")
