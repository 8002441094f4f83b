"""The first schema: holder, funding agreement, people, accounts, PAs, transactions, audit log.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "book_meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_table(
        "holder",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("date_of_birth", sa.Date),
        sa.Column("council", sa.String(200), nullable=False),
        sa.Column("council_reference", sa.String(100), nullable=False),
        sa.Column("nation", sa.String(32), nullable=False),
        sa.Column("managed_by", sa.String(32), nullable=False),
        sa.Column("account_type", sa.String(32), nullable=False),
    )
    op.create_table(
        "funding_agreement",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("weekly_dp_pence", sa.BigInteger, nullable=False),
        sa.Column("schedule", sa.String(32), nullable=False),
        sa.Column("client_contribution_pence", sa.BigInteger, nullable=False),
        sa.Column("allowed_min_weeks", sa.String(16), nullable=False),
        sa.Column("allowed_max_weeks", sa.String(16), nullable=False),
        sa.Column("return_frequency", sa.String(32), nullable=False),
        sa.Column("start_date", sa.Date, nullable=False),
        sa.Column("review_date", sa.Date),
        sa.Column("agreed_contingency_pence", sa.BigInteger, nullable=False),
    )
    op.create_table(
        "person",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("role", sa.String(32), nullable=False),
        sa.Column("relationship", sa.String(100), nullable=False),
    )
    op.create_table(
        "account",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("opening_balance_pence", sa.BigInteger, nullable=False),
        sa.Column("opening_date", sa.Date, nullable=False),
    )
    op.create_table(
        "pa",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("start_date", sa.Date, nullable=False),
        sa.Column("leave_date", sa.Date),
    )
    op.create_table(
        "txn",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("account_id", sa.Integer, sa.ForeignKey("account.id"), nullable=False),
        sa.Column("date", sa.Date, nullable=False),
        sa.Column("payee", sa.String(200), nullable=False),
        sa.Column("amount_pence", sa.BigInteger, nullable=False),
        sa.Column("category", sa.String(64), nullable=False),
        sa.Column("reference", sa.String(200), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("pa_id", sa.Integer, sa.ForeignKey("pa.id")),
    )
    op.create_index("ix_txn_account_date", "txn", ["account_id", "date"])
    op.create_index("ix_txn_date", "txn", ["date"])
    op.create_table(
        "audit_log",
        sa.Column("seq", sa.Integer, primary_key=True),
        sa.Column("at_utc", sa.String(40), nullable=False),
        sa.Column("actor", sa.String(300), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("table_name", sa.String(64), nullable=False),
        sa.Column("row_id", sa.String(64), nullable=False),
        sa.Column("summary", sa.Text, nullable=False),
        sa.Column("row_digest", sa.String(64), nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    # Append-only: the app never edits or removes an entry, and neither may anything else that
    # goes through SQLite without first dropping these triggers.
    op.execute(
        "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
        "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END"
    )
    op.execute(
        "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
        "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END"
    )


def downgrade() -> None:
    raise NotImplementedError("books are never downgraded; restore the backup taken before upgrade")
