"""Money: split categories, reconciliations, contingency pots, committed money, remembered
statement mappings per account, and the PA household flag the spending checks need.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # New columns on old tables are nullable with no default, so rows written before the upgrade
    # keep the audit digests they were stored with (audit.row_digest skips nulls).
    with op.batch_alter_table("txn") as batch:
        batch.add_column(sa.Column("reconciliation_id", sa.Integer))
    with op.batch_alter_table("account") as batch:
        batch.add_column(sa.Column("column_map", sa.Text))
        batch.add_column(sa.Column("preset", sa.String(64)))
        batch.add_column(sa.Column("date_format", sa.String(32)))
    with op.batch_alter_table("pa") as batch:
        batch.add_column(sa.Column("relative_in_household", sa.Boolean))
        batch.add_column(sa.Column("council_approval_date", sa.Date))
    # Balances to a date (the register's opening line, every summary) sum amounts by account and
    # date: with the amount in the index SQLite answers from the index without reading each row.
    op.create_index("ix_txn_account_date_amount", "txn", ["account_id", "date", "amount_pence"])
    op.drop_index("ix_txn_account_date", "txn")  # the index above does its job too
    # Statement import: which fingerprints an account already has, and each payee's latest
    # category, both answered from an index instead of reading every line.
    op.create_index("ix_txn_account_fingerprint", "txn", ["account_id", "fingerprint"])
    op.create_index("ix_txn_payee_category", "txn", ["payee", "category"])
    op.create_table(
        "txn_split",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("txn_id", sa.Integer, sa.ForeignKey("txn.id"), nullable=False),
        sa.Column("category", sa.String(64), nullable=False),
        sa.Column("amount_pence", sa.BigInteger, nullable=False),
        sa.Column("pa_id", sa.Integer, sa.ForeignKey("pa.id")),
        sa.Column("note", sa.Text, nullable=False),
    )
    op.create_index("ix_txn_split_txn", "txn_split", ["txn_id"])
    op.create_table(
        "reconciliation",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("account_id", sa.Integer, sa.ForeignKey("account.id"), nullable=False),
        sa.Column("statement_date", sa.Date, nullable=False),
        sa.Column("closing_balance_pence", sa.BigInteger, nullable=False),
        sa.Column("finished_at", sa.String(40), nullable=False),
        sa.Column("item_count", sa.Integer, nullable=False),
    )
    op.create_table(
        "contingency_pot",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("target_pence", sa.BigInteger, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
    )
    op.create_table(
        "commitment",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("payee", sa.String(200), nullable=False),
        sa.Column("amount_pence", sa.BigInteger, nullable=False),
        sa.Column("due_date", sa.Date, nullable=False),
        sa.Column("pa_id", sa.Integer, sa.ForeignKey("pa.id")),
        sa.Column("source", sa.String(64), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("settled_txn_id", sa.Integer, sa.ForeignKey("txn.id")),
    )
    op.create_index("ix_commitment_open", "commitment", ["settled_txn_id", "due_date"])


def downgrade() -> None:
    raise NotImplementedError("books are never downgraded; restore the backup taken before upgrade")
