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
    # Added by migration 0004, the full record (services/people.py checks it through domain.people).
    # Nullable with no default, like every column added to an old table: rows written before the
    # upgrade keep their audit digests. A PA without a standard rate is a record not yet finished.
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(Text)
    date_of_birth: Mapped[date | None] = mapped_column(Date)
    ni_number: Mapped[str | None] = mapped_column(String(16))  # compact, "AB123456C"
    employment_type: Mapped[str | None] = mapped_column(String(32))
    utr: Mapped[str | None] = mapped_column(String(16))
    pay_frequency: Mapped[str | None] = mapped_column(String(32))
    tax_code: Mapped[str | None] = mapped_column(String(32))
    pension_status: Mapped[str | None] = mapped_column(String(64))
    standard_rate_pence: Mapped[int | None] = mapped_column(BigInteger)
    evening_rate_pence: Mapped[int | None] = mapped_column(BigInteger)
    weekend_rate_pence: Mapped[int | None] = mapped_column(BigInteger)
    bank_holiday_rate_pence: Mapped[int | None] = mapped_column(BigInteger)
    waking_night_rate_pence: Mapped[int | None] = mapped_column(BigInteger)
    sleep_in_night_pence: Mapped[int | None] = mapped_column(BigInteger)
    evening_starts: Mapped[str | None] = mapped_column(String(5))  # "20:00"
    evening_ends: Mapped[str | None] = mapped_column(String(5))
    weekly_hours: Mapped[str | None] = mapped_column(String(16))  # Decimal as text; None: irregular
    days_per_week: Mapped[str | None] = mapped_column(String(16))
    holiday_scheme: Mapped[str | None] = mapped_column(String(32))
    holiday_year_starts: Mapped[date | None] = mapped_column(Date)  # any first day of a leave year
    apprenticeship_started: Mapped[date | None] = mapped_column(Date)
    contract_given_on: Mapped[date | None] = mapped_column(Date)
    # Added by migration 0005 (pay): payroll details that only the Pay page sets. `payroll_bureau`
    # true means a bureau works out this PA's pay and the holder types in its payslips.
    payroll_bureau: Mapped[bool | None] = mapped_column(Boolean)
    tax_week1_month1: Mapped[bool | None] = mapped_column(Boolean)
    ni_category: Mapped[str | None] = mapped_column(String(1))  # None: worked out from age
    student_loan_plan: Mapped[str | None] = mapped_column(String(16))
    postgraduate_loan: Mapped[bool | None] = mapped_column(Boolean)


class TransactionRow(Base):
    """Money in (positive) or out (negative) of an account."""

    __tablename__ = "txn"
    __table_args__ = (
        Index("ix_txn_date", "date"),
        Index("ix_txn_statement_line", "account_id", "statement_line_id"),
        Index("ix_txn_account_date_amount_state", "account_id", "date", "amount_pence", "state"),
        Index("ix_txn_account_fingerprint", "account_id", "fingerprint"),
        Index("ix_txn_payee_category", "payee", "category"),
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


class RightToWorkRow(Base):
    """A right-to-work check; the latest by date is the one that counts."""

    __tablename__ = "right_to_work_check"
    __table_args__ = (Index("ix_right_to_work_pa", "pa_id", "checked_on"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    pa_id: Mapped[int] = mapped_column(ForeignKey("pa.id"))
    checked_on: Mapped[date] = mapped_column(Date)
    method: Mapped[str] = mapped_column(String(32))
    follow_up_on: Mapped[date | None] = mapped_column(Date)


class DbsCertificateRow(Base):
    """A criminal record certificate; the latest by issue date is the one that counts."""

    __tablename__ = "dbs_certificate"
    __table_args__ = (Index("ix_dbs_certificate_pa", "pa_id", "issued_on"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    pa_id: Mapped[int] = mapped_column(ForeignKey("pa.id"))
    number: Mapped[str] = mapped_column(String(20))
    level: Mapped[str] = mapped_column(String(32))
    issued_on: Mapped[date] = mapped_column(Date)
    update_service: Mapped[bool] = mapped_column(Boolean)


class TrainingRow(Base):
    """A course a PA completed."""

    __tablename__ = "training_record"
    __table_args__ = (Index("ix_training_record_pa", "pa_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    pa_id: Mapped[int] = mapped_column(ForeignKey("pa.id"))
    course: Mapped[str] = mapped_column(String(200))
    completed_on: Mapped[date] = mapped_column(Date)
    renew_on: Mapped[date | None] = mapped_column(Date)


class InsurancePolicyRow(Base):
    """The holder's employer's liability insurance; the one that runs latest is current."""

    __tablename__ = "insurance_policy"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    insurer: Mapped[str] = mapped_column(String(200))
    policy_number: Mapped[str] = mapped_column(String(100))
    renews_on: Mapped[date] = mapped_column(Date)


class TimesheetRow(Base):
    """One PA's timesheet for one pay period: draft, signed, or approved (locked)."""

    __tablename__ = "timesheet"
    __table_args__ = (Index("ix_timesheet_pa_period", "pa_id", "period_start", unique=True),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    pa_id: Mapped[int] = mapped_column(ForeignKey("pa.id"))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16))  # draft | signed | approved
    pa_signed_name: Mapped[str | None] = mapped_column(String(200))
    pa_signed_on: Mapped[date | None] = mapped_column(Date)
    employer_signed_name: Mapped[str | None] = mapped_column(String(200))
    employer_signed_on: Mapped[date | None] = mapped_column(Date)
    # Drawn signatures, PNG as base64 text (the audit digest is JSON, which has no bytes).
    pa_signature_png: Mapped[str | None] = mapped_column(Text)
    employer_signature_png: Mapped[str | None] = mapped_column(Text)
    approved_at: Mapped[str | None] = mapped_column(String(40))  # UTC ISO 8601
    approved_by: Mapped[str | None] = mapped_column(String(300))


class ShiftRow(Base):
    """One line of a timesheet. Times are minutes after midnight; `pa_id` repeats the timesheet's
    so a PA's shifts over any dates come from one index."""

    __tablename__ = "shift"
    __table_args__ = (
        Index("ix_shift_timesheet", "timesheet_id"),
        Index("ix_shift_pa_day", "pa_id", "day"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    timesheet_id: Mapped[int] = mapped_column(ForeignKey("timesheet.id"))
    pa_id: Mapped[int] = mapped_column(ForeignKey("pa.id"))
    day: Mapped[date] = mapped_column(Date)
    start_minute: Mapped[int] = mapped_column(Integer)
    end_minute: Mapped[int] = mapped_column(Integer)
    end_day: Mapped[date | None] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(16))
    break_minutes: Mapped[int] = mapped_column(Integer)
    woken_minutes: Mapped[int] = mapped_column(Integer)


class RotaTemplateRow(Base):
    """A PA's usual week, as JSON: [{"weekday": 0, "start": "09:00", "end": "17:00", ...}]."""

    __tablename__ = "rota_template"
    __table_args__ = (Index("ix_rota_template_pa", "pa_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    pa_id: Mapped[int] = mapped_column(ForeignKey("pa.id"))
    name: Mapped[str] = mapped_column(String(100))
    pattern: Mapped[str] = mapped_column(Text)


class PayRunRow(Base):
    """One pay period's payroll for the PAs paid at one frequency: a draft until finalised (locked)."""

    __tablename__ = "pay_run"
    __table_args__ = (
        Index("ix_pay_run_period", "tax_year", "frequency", "period", unique=True),
        Index("ix_pay_run_pay_date", "pay_date"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tax_year: Mapped[str] = mapped_column(String(8))  # "2026-27"
    frequency: Mapped[str] = mapped_column(String(16))  # PayFrequency value
    period: Mapped[int] = mapped_column(Integer)
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    pay_date: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16))  # draft | finalised
    finalised_at: Mapped[str | None] = mapped_column(String(40))  # UTC ISO 8601
    notes: Mapped[str] = mapped_column(Text)  # JSON list of the run's plain-English warnings


class PayslipRow(Base):
    """One PA's pay for one pay run: calculated here, or typed in from a payroll bureau's payslip.

    Money is whole pence. `pay_lines` is JSON: [{"kind", "minutes", "nights", "rate", "amount"}].
    The ytd_* figures include this payslip (year to date in this tax year, with this employer).
    """

    __tablename__ = "payslip"
    __table_args__ = (
        Index("ix_payslip_run_pa", "pay_run_id", "pa_id", unique=True),
        Index("ix_payslip_pa", "pa_id", "tax_year"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    pay_run_id: Mapped[int] = mapped_column(ForeignKey("pay_run.id"))
    pa_id: Mapped[int] = mapped_column(ForeignKey("pa.id"))
    tax_year: Mapped[str] = mapped_column(String(8))
    pay_date: Mapped[date] = mapped_column(Date)
    final: Mapped[bool] = mapped_column(Boolean)  # true once its pay run is finalised
    source: Mapped[str] = mapped_column(String(16))  # calculated | bureau
    pay_lines: Mapped[str] = mapped_column(Text)
    worked_minutes: Mapped[int] = mapped_column(Integer)
    gross_pence: Mapped[int] = mapped_column(BigInteger)
    holiday_pay_pence: Mapped[int] = mapped_column(BigInteger)
    ssp_pence: Mapped[int] = mapped_column(BigInteger)
    taxable_pay_pence: Mapped[int] = mapped_column(BigInteger)
    tax_pence: Mapped[int] = mapped_column(BigInteger)  # negative for a refund
    employee_ni_pence: Mapped[int] = mapped_column(BigInteger)
    employer_ni_pence: Mapped[int] = mapped_column(BigInteger)
    ni_category: Mapped[str] = mapped_column(String(1))
    earnings_at_lel_pence: Mapped[int] = mapped_column(BigInteger)
    earnings_lel_to_pt_pence: Mapped[int] = mapped_column(BigInteger)
    earnings_pt_to_uel_pence: Mapped[int] = mapped_column(BigInteger)
    employment_allowance_pence: Mapped[int] = mapped_column(BigInteger)
    pension_employee_pence: Mapped[int] = mapped_column(BigInteger)
    pension_employer_pence: Mapped[int] = mapped_column(BigInteger)
    pension_qualifying_pence: Mapped[int] = mapped_column(BigInteger)
    pension_category: Mapped[str] = mapped_column(String(32))
    student_loan_pence: Mapped[int] = mapped_column(BigInteger)
    postgraduate_loan_pence: Mapped[int] = mapped_column(BigInteger)
    net_pence: Mapped[int] = mapped_column(BigInteger)
    ytd_gross_pence: Mapped[int] = mapped_column(BigInteger)
    ytd_taxable_pence: Mapped[int] = mapped_column(BigInteger)
    ytd_tax_pence: Mapped[int] = mapped_column(BigInteger)
    ytd_employee_ni_pence: Mapped[int] = mapped_column(BigInteger)
    ytd_employer_ni_pence: Mapped[int] = mapped_column(BigInteger)
    ytd_pension_employee_pence: Mapped[int] = mapped_column(BigInteger)
    ytd_pension_employer_pence: Mapped[int] = mapped_column(BigInteger)
    ytd_student_loan_pence: Mapped[int] = mapped_column(BigInteger)
    ytd_postgraduate_loan_pence: Mapped[int] = mapped_column(BigInteger)
    tax_code: Mapped[str] = mapped_column(String(32))
    tax_basis: Mapped[str] = mapped_column(String(16))  # cumulative | week1_month1
    warnings: Mapped[str] = mapped_column(Text)  # JSON list of plain-English sentences


class PayrollYearRow(Base):
    """Employer choices for one tax year: the Employment Allowance claim and how HMRC is paid."""

    __tablename__ = "payroll_year"
    __table_args__ = (Index("ix_payroll_year_tax_year", "tax_year", unique=True),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tax_year: Mapped[str] = mapped_column(String(8))
    employment_allowance_claimed: Mapped[bool] = mapped_column(Boolean)
    hmrc_schedule: Mapped[str | None] = mapped_column(String(16))  # monthly | quarterly; None: not fixed


class AuditEntry(AuditBase):
    """One change to the book: when, who, what, and a hash chaining it to the entry before."""

    __tablename__ = "audit_log"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    at_utc: Mapped[str] = mapped_column(String(40))
    actor: Mapped[str] = mapped_column(String(300))
    action: Mapped[str] = mapped_column(String(16))  # insert | insert_many | update | delete | note
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(64))
    summary: Mapped[str] = mapped_column(Text)
    # SQLite does not enforce the length: a batch entry holds one 64-character digest per row.
    row_digest: Mapped[str] = mapped_column(String(64))
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


# Receipts and documents have their own module (this one is long); importing it here puts their
# tables on Base before AUDITED_TABLES is built, so the audit trail covers them.
from pa_manager.store import models_receipts as _receipts  # noqa: E402, F401
from pa_manager.store import models_returns as _returns  # noqa: E402, F401

AUDITED_TABLES = {t.name: t for t in Base.metadata.sorted_tables}
