"""Receipts and documents, stored inside the encrypted book (never as loose files).

File bytes live once per distinct content in `document_content`, keyed by SHA-256, so adding the
same photo twice stores it once. A `document` row names one added file (its name, type, kind and
whom it concerns); `txn_document` links documents and transactions many-to-many.

The audit digest of a content row covers its bytes through their SHA-256 (audit._plain), so an
edit to a stored file outside PA Manager shows in `check` like any other changed row.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from pa_manager.store.models import Base


class DocumentContentRow(Base):
    """One distinct file's bytes, and a small JPEG thumbnail made when it was added."""

    __tablename__ = "document_content"
    __table_args__ = (Index("ix_document_content_sha256", "sha256", unique=True),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    thumbnail: Mapped[bytes | None] = mapped_column(LargeBinary)  # None: the file had no picture
    pages: Mapped[int] = mapped_column(Integer)  # 1 for an image


class DocumentRow(Base):
    """A file the user added: a receipt, an invoice, or a document about a PA or the holder."""

    __tablename__ = "document"
    __table_args__ = (
        Index("ix_document_content", "content_id"),
        Index("ix_document_pa", "pa_id"),
        Index("ix_document_day", "day"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    content_id: Mapped[int] = mapped_column(ForeignKey("document_content.id"))
    name: Mapped[str] = mapped_column(String(255))  # the file name it was added from
    mime: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(32))  # DocumentKind value (services/documents.py)
    day: Mapped[date] = mapped_column(Date)  # the date on the receipt, or the day it was added
    added_at: Mapped[str] = mapped_column(String(40))  # UTC ISO 8601
    title: Mapped[str] = mapped_column(String(200))  # what the user calls it; the name by default
    note: Mapped[str] = mapped_column(Text)
    pa_id: Mapped[int | None] = mapped_column(ForeignKey("pa.id"))  # a document about this PA
    holder: Mapped[bool] = mapped_column(Boolean)  # a document about the budget holder


class TxnDocumentRow(Base):
    """A document that is evidence for a transaction (a receipt can cover several payments)."""

    __tablename__ = "txn_document"
    __table_args__ = (
        Index("ix_txn_document_pair", "txn_id", "document_id", unique=True),
        Index("ix_txn_document_document", "document_id"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    txn_id: Mapped[int] = mapped_column(ForeignKey("txn.id"))
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id"))
