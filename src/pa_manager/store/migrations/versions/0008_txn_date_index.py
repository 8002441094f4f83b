"""The account-date-amount index on transactions also carries the state.

The balance (a sum of every line up to a day), the reconciled total and the oldest unreconciled
line are then answered from the index alone: on a ten-year book that reads a few hundred pages
instead of the whole table, which was most of the Home page's first-open time after unlock. It
replaces the index it extends, so a statement import keeps no more indexes up to date than before.

Revision ID: 0008
Revises: 0007
"""

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    columns = ["account_id", "date", "amount_pence", "state"]
    op.create_index("ix_txn_account_date_amount_state", "txn", columns)
    op.drop_index("ix_txn_account_date_amount", "txn")  # the index above does its job too


def downgrade() -> None:
    raise NotImplementedError("books are never downgraded; restore the backup taken before upgrade")
