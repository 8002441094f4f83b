"""Council returns: returns drafted and sent (the history), and the user's edited templates.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "council_return",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("period_start", sa.Date, nullable=False),
        sa.Column("period_end", sa.Date, nullable=False),
        sa.Column("template_key", sa.String(64), nullable=False),
        sa.Column("explanation", sa.Text, nullable=False),
        sa.Column("signed_by", sa.String(200), nullable=False),
        sa.Column("capacity", sa.String(100), nullable=False),
        sa.Column("sent_on", sa.Date),
        sa.Column("sent_as", sa.String(16)),
        sa.Column("opening_pence", sa.BigInteger),
        sa.Column("money_in_pence", sa.BigInteger),
        sa.Column("money_out_pence", sa.BigInteger),
        sa.Column("closing_pence", sa.BigInteger),
    )
    op.create_index("ix_council_return_period", "council_return", ["period_start", "period_end"])
    op.create_table(
        "return_template",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("based_on", sa.String(64), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
    )
    op.create_index("ix_return_template_key", "return_template", ["key"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_return_template_key", "return_template")
    op.drop_table("return_template")
    op.drop_index("ix_council_return_period", "council_return")
    op.drop_table("council_return")
