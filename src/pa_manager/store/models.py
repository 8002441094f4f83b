"""The book's tables (SQLAlchemy 2 declarative). Money columns are integer pence, named *_pence.

These classes describe the newest schema; older books are brought up to it by the Alembic
migrations in `store/migrations/versions`, never by `create_all`.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    """Every audited table derives from this; the audit log itself does not (see AuditBase)."""


class AuditBase(DeclarativeBase):
    """Tables the audit trail does not record row by row (the audit log itself)."""


class BookMeta(Base):
    """Key/value facts about the book: its id, when it was made, which app made it."""

    __tablename__ = "book_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Holder(Base):
    """The budget holder (one row)."""

    __tablename__ = "holder"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    date_of_birth: Mapped[date | None] = mapped_column(Date)
    council: Mapped[str] = mapped_column(String(200))
    council_reference: Mapped[str] = mapped_column(String(100))
    nation: Mapped[str] = mapped_column(String(32))
    managed_by: Mapped[str] = mapped_column(String(32))
    account_type: Mapped[str] = mapped_column(String(32))


class FundingAgreementRow(Base):
    """The council's funding agreement; the newest by start date applies."""

    __tablename__ = "funding_agreement"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    weekly_dp_pence: Mapped[int] = mapped_column(BigInteger)
    schedule: Mapped[str] = mapped_column(String(32))
    client_contribution_pence: Mapped[int] = mapped_column(BigInteger)
    allowed_min_weeks: Mapped[str] = mapped_column(String(16))  # Decimal as text: exact
    allowed_max_weeks: Mapped[str] = mapped_column(String(16))
    return_frequency: Mapped[str] = mapped_column(String(32))
    start_date: Mapped[date] = mapped_column(Date)
    review_date: Mapped[date | None] = mapped_column(Date)
    agreed_contingency_pence: Mapped[int] = mapped_column(BigInteger, default=0)


class PersonRow(Base):
    """Someone who uses the book and is named in the audit trail."""

    __tablename__ = "person"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(32))
    relationship: Mapped[str] = mapped_column(String(100), default="")


class AccountRow(Base):
    """A bank account, prepaid card or managed account that holds the direct payment."""

    __tablename__ = "account"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(32))
    opening_balance_pence: Mapped[int] = mapped_column(BigInteger, default=0)
    opening_date: Mapped[date] = mapped_column(Date)
    # Added by migration 0003: how this account's CSV statements are read, remembered from the
    # mapping dialog (a ColumnMap spec), or the preset chosen, and the date pattern.
    column_map: Mapped[str | None] = mapped_column(Text)
    preset: Mapped[str | None] = mapped_column(String(64))
    date_format: Mapped[str | None] = mapped_column(String(32))


class PARow(Base):
    """A personal assistant (the People issue adds the full record)."""

    __tablename__ = "pa"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    start_date: Mapped[date] = mapped_column(Date)
    leave_date: Mapped[date | None] = mapped_column(Date)
    # Added by migration 0003: councils refuse payments to a relative living in the same
    # household unless they approved it; the spending checks warn without an approval date.
    relative_in_household: Mapped[bool | None] = mapped_column(Boolean)
    council_approval_date: Mapped[date | None] = mapped_column(Date)


class TransactionRow(Base):
    """Money in (positive) or out (negative) of an account."""

    __tablename__ = "txn"
    __table_args__ = (
        Index("ix_txn_account_date", "account_id", "date"),
        Index("ix_txn_date", "date"),
        Index("ix_txn_statement_line", "account_id", "statement_line_id"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id"))
    date: Mapped[date] = mapped_column(Date)
    payee: Mapped[str] = mapped_column(String(200))
    amount_pence: Mapped[int] = mapped_column(BigInteger)
    category: Mapped[str] = mapped_column(String(64))
    reference: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(16), default="uncleared")
    pa_id: Mapped[int | None] = mapped_column(ForeignKey("pa.id"))
    # Added by migration 0002: the bank's own id for a statement line, and a fingerprint of
    # date/amount/description, so re-importing a statement adds nothing twice.
    statement_line_id: Mapped[str | None] = mapped_column(String(200))
    fingerprint: Mapped[str | None] = mapped_column(String(64))
    # Added by migration 0003: the reconciliation that locked this line (state "reconciled").
    reconciliation_id: Mapped[int | None] = mapped_column(Integer)


# A transaction whose category is SPLIT carries its categories in txn_split rows instead.
SPLIT = "split"


class SplitRow(Base):
    """One part of a transaction split across categories; the parts sum to the transaction."""

    __tablename__ = "txn_split"
    __table_args__ = (Index("ix_txn_split_txn", "txn_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    txn_id: Mapped[int] = mapped_column(ForeignKey("txn.id"))
    category: Mapped[str] = mapped_column(String(64))
    amount_pence: Mapped[int] = mapped_column(BigInteger)
    pa_id: Mapped[int | None] = mapped_column(ForeignKey("pa.id"))
    note: Mapped[str] = mapped_column(Text, default="")


class ReconciliationRow(Base):
    """A finished reconciliation: the statement it matched and when it was done."""

    __tablename__ = "reconciliation"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id"))
    statement_date: Mapped[date] = mapped_column(Date)
    closing_balance_pence: Mapped[int] = mapped_column(BigInteger)
    finished_at: Mapped[str] = mapped_column(String(40))
    item_count: Mapped[int] = mapped_column(Integer)


class ContingencyPotRow(Base):
    """Money ring-fenced inside the balance for a known future cost."""

    __tablename__ = "contingency_pot"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(100))
    target_pence: Mapped[int] = mapped_column(BigInteger)
    reason: Mapped[str] = mapped_column(Text, default="")


class CommitmentRow(Base):
    """Money owed but not yet paid (wages, HMRC, pension, an invoice) until a payment settles it."""

    __tablename__ = "commitment"
    __table_args__ = (Index("ix_commitment_open", "settled_txn_id", "due_date"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    payee: Mapped[str] = mapped_column(String(200))
    amount_pence: Mapped[int] = mapped_column(BigInteger)  # positive: what is owed
    due_date: Mapped[date] = mapped_column(Date)
    pa_id: Mapped[int | None] = mapped_column(ForeignKey("pa.id"))
    source: Mapped[str] = mapped_column(String(64), default="")  # e.g. "pay-run:12", "manual"
    note: Mapped[str] = mapped_column(Text, default="")
    settled_txn_id: Mapped[int | None] = mapped_column(ForeignKey("txn.id"))


class AuditEntry(AuditBase):
    """One change to the book: when, who, what, and a hash chaining it to the entry before."""

    __tablename__ = "audit_log"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    at_utc: Mapped[str] = mapped_column(String(40))
    actor: Mapped[str] = mapped_column(String(300))
    action: Mapped[str] = mapped_column(String(16))  # insert | update | delete | note
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(64))
    summary: Mapped[str] = mapped_column(Text)
    row_digest: Mapped[str] = mapped_column(String(64))
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


AUDITED_TABLES = {t.name: t for t in Base.metadata.sorted_tables}
