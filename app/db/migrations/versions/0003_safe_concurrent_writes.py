"""Safe writes with several callers: contact.state_version, staged imports, call tally,
indexes for tonight's figures, do-not-call reasons as codes

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from app.db.types import UTCDateTime

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.add_column(sa.Column("state_version", sa.Integer(), server_default="0",
                                      nullable=False))
    with op.batch_alter_table("import_run", schema=None) as batch_op:
        batch_op.add_column(sa.Column("state", sa.String(length=20), server_default="done",
                                      nullable=False))
        batch_op.add_column(sa.Column("owner", sa.String(length=200), server_default="",
                                      nullable=False))
        batch_op.add_column(sa.Column("heartbeat_at", UTCDateTime(), nullable=True))
    with op.batch_alter_table("call", schema=None) as batch_op:
        batch_op.create_index("ix_call_campaign_saved", ["campaign_id", "saved_at"],
                              unique=False)
        batch_op.create_index("ix_call_volunteer_saved", ["volunteer_id", "saved_at"],
                              unique=False)
    op.create_table(
        "call_tally",
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("calls", sa.Integer(), server_default="0", nullable=False),
        sa.Column("conversations", sa.Integer(), server_default="0", nullable=False),
        sa.Column("recruits", sa.Integer(), server_default="0", nullable=False),
        sa.Column("follow_ups", sa.Integer(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(["campaign_id"], ["campaign.id"],
                                name=op.f("fk_call_tally_campaign_id_campaign"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("campaign_id", name=op.f("pk_call_tally")),
    )
    # The totals of the calls saved so far.
    op.execute(
        "INSERT INTO call_tally (campaign_id, calls, conversations, recruits, follow_ups) "
        "SELECT c.id, "
        "(SELECT count(*) FROM \"call\" WHERE \"call\".campaign_id = c.id), "
        "(SELECT count(*) FROM \"call\" WHERE \"call\".campaign_id = c.id "
        " AND \"call\".outcome IN ('conversation', 'recruited')), "
        "(SELECT count(*) FROM \"call\" WHERE \"call\".campaign_id = c.id "
        " AND \"call\".outcome = 'recruited'), "
        "(SELECT count(*) FROM follow_up JOIN \"call\" ON \"call\".id = follow_up.call_id "
        " WHERE \"call\".campaign_id = c.id) "
        "FROM campaign c"
    )
    op.execute("UPDATE do_not_call SET reason = 'call' WHERE reason = 'asked during a call'")


def downgrade() -> None:
    op.execute("UPDATE do_not_call SET reason = 'asked during a call' WHERE reason = 'call'")
    op.drop_table("call_tally")
    with op.batch_alter_table("call", schema=None) as batch_op:
        batch_op.drop_index("ix_call_volunteer_saved")
        batch_op.drop_index("ix_call_campaign_saved")
    with op.batch_alter_table("import_run", schema=None) as batch_op:
        batch_op.drop_column("heartbeat_at")
        batch_op.drop_column("owner")
        batch_op.drop_column("state")
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.drop_column("state_version")
