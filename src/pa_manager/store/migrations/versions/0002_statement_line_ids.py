"""Statement line ids and fingerprints on transactions, for duplicate-safe statement import.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Nullable and empty for old rows, so their audit digests still match (audit.row_digest skips nulls).
    with op.batch_alter_table("txn") as batch:
        batch.add_column(sa.Column("statement_line_id", sa.String(200)))
        batch.add_column(sa.Column("fingerprint", sa.String(64)))
    op.create_index("ix_txn_statement_line", "txn", ["account_id", "statement_line_id"])


def downgrade() -> None:
    raise NotImplementedError("books are never downgraded; restore the backup taken before upgrade")
