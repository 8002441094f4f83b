"""Pay: pay runs, payslips (calculated or from a payroll bureau), payroll choices per tax year.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_MONEY = (
    "gross_pence",
    "holiday_pay_pence",
    "ssp_pence",
    "taxable_pay_pence",
    "tax_pence",
    "employee_ni_pence",
    "employer_ni_pence",
)
_BANDS = ("earnings_at_lel_pence", "earnings_lel_to_pt_pence", "earnings_pt_to_uel_pence")
_DEDUCTIONS = (
    "employment_allowance_pence",
    "pension_employee_pence",
    "pension_employer_pence",
    "pension_qualifying_pence",
)
_LOANS = ("student_loan_pence", "postgraduate_loan_pence", "net_pence")
_YTD = (
    "ytd_gross_pence",
    "ytd_taxable_pence",
    "ytd_tax_pence",
    "ytd_employee_ni_pence",
    "ytd_employer_ni_pence",
    "ytd_pension_employee_pence",
    "ytd_pension_employer_pence",
    "ytd_student_loan_pence",
    "ytd_postgraduate_loan_pence",
)


def _money(*names: str) -> list[sa.Column[int]]:
    return [sa.Column(n, sa.BigInteger, nullable=False) for n in names]


def upgrade() -> None:
    # New columns on an old table are nullable with no default, so rows written before the upgrade
    # keep the audit digests they were stored with (audit.row_digest skips nulls).
    with op.batch_alter_table("pa") as batch:
        batch.add_column(sa.Column("payroll_bureau", sa.Boolean))
        batch.add_column(sa.Column("tax_week1_month1", sa.Boolean))
        batch.add_column(sa.Column("ni_category", sa.String(1)))
        batch.add_column(sa.Column("student_loan_plan", sa.String(16)))
        batch.add_column(sa.Column("postgraduate_loan", sa.Boolean))
    op.create_table(
        "pay_run",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("tax_year", sa.String(8), nullable=False),
        sa.Column("frequency", sa.String(16), nullable=False),
        sa.Column("period", sa.Integer, nullable=False),
        sa.Column("period_start", sa.Date, nullable=False),
        sa.Column("period_end", sa.Date, nullable=False),
        sa.Column("pay_date", sa.Date, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("finalised_at", sa.String(40)),
        sa.Column("notes", sa.Text, nullable=False),
    )
    op.create_index("ix_pay_run_period", "pay_run", ["tax_year", "frequency", "period"], unique=True)
    op.create_index("ix_pay_run_pay_date", "pay_run", ["pay_date"])
    op.create_table(
        "payslip",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("pay_run_id", sa.Integer, sa.ForeignKey("pay_run.id"), nullable=False),
        sa.Column("pa_id", sa.Integer, sa.ForeignKey("pa.id"), nullable=False),
        sa.Column("tax_year", sa.String(8), nullable=False),
        sa.Column("pay_date", sa.Date, nullable=False),
        sa.Column("final", sa.Boolean, nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("pay_lines", sa.Text, nullable=False),
        sa.Column("worked_minutes", sa.Integer, nullable=False),
        *_money(*_MONEY),
        sa.Column("ni_category", sa.String(1), nullable=False),
        *_money(*_BANDS, *_DEDUCTIONS),
        sa.Column("pension_category", sa.String(32), nullable=False),
        *_money(*_LOANS, *_YTD),
        sa.Column("tax_code", sa.String(32), nullable=False),
        sa.Column("tax_basis", sa.String(16), nullable=False),
        sa.Column("warnings", sa.Text, nullable=False),
    )
    op.create_index("ix_payslip_run_pa", "payslip", ["pay_run_id", "pa_id"], unique=True)
    op.create_index("ix_payslip_pa", "payslip", ["pa_id", "tax_year"])
    op.create_table(
        "payroll_year",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("tax_year", sa.String(8), nullable=False),
        sa.Column("employment_allowance_claimed", sa.Boolean, nullable=False),
        sa.Column("hmrc_schedule", sa.String(16)),
    )
    op.create_index("ix_payroll_year_tax_year", "payroll_year", ["tax_year"], unique=True)


def downgrade() -> None:
    raise NotImplementedError("books are never downgraded; restore the backup taken before upgrade")
