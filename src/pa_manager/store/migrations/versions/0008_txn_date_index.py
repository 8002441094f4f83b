"""The date index on transactions also carries the amount and state.

The balance (a sum of every line up to a day) and the oldest unreconciled line are then answered
from the index alone: on a ten-year book that reads a few hundred pages instead of the whole table,
which is most of the Home page's first-open time after unlock.

Revision ID: 0008
Revises: 0007
"""

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_txn_date_amount_state", "txn", ["date", "amount_pence", "state"])
    op.drop_index("ix_txn_date", "txn")  # the index above serves every date-range query too


def downgrade() -> None:
    raise NotImplementedError("books are never downgraded; restore the backup taken before upgrade")
