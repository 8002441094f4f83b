"""Receipts and documents: file contents (deduplicated by SHA-256), documents, transaction links.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "document_content",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
        sa.Column("thumbnail", sa.LargeBinary),
        sa.Column("pages", sa.Integer, nullable=False),
    )
    op.create_index("ix_document_content_sha256", "document_content", ["sha256"], unique=True)
    op.create_table(
        "document",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("content_id", sa.Integer, sa.ForeignKey("document_content.id"), nullable=False),
        sa.Column("name", sa.String(255), nullable=False),
        sa.Column("mime", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("added_at", sa.String(40), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("pa_id", sa.Integer, sa.ForeignKey("pa.id")),
        sa.Column("holder", sa.Boolean, nullable=False),
    )
    op.create_index("ix_document_content", "document", ["content_id"])
    op.create_index("ix_document_pa", "document", ["pa_id"])
    op.create_index("ix_document_day", "document", ["day"])
    op.create_table(
        "txn_document",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("txn_id", sa.Integer, sa.ForeignKey("txn.id"), nullable=False),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("document.id"), nullable=False),
    )
    op.create_index("ix_txn_document_pair", "txn_document", ["txn_id", "document_id"], unique=True)
    op.create_index("ix_txn_document_document", "txn_document", ["document_id"])


def downgrade() -> None:
    raise NotImplementedError("books are never downgraded; restore the backup taken before upgrade")
