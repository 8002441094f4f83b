"""People and timesheets: the full PA record, compliance records, timesheets, shifts and rotas.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # New columns on old tables are nullable with no default, so rows written before the upgrade
    # keep the audit digests they were stored with (audit.row_digest skips nulls).
    with op.batch_alter_table("pa") as batch:
        batch.add_column(sa.Column("phone", sa.String(40)))
        batch.add_column(sa.Column("email", sa.String(200)))
        batch.add_column(sa.Column("address", sa.Text))
        batch.add_column(sa.Column("date_of_birth", sa.Date))
        batch.add_column(sa.Column("ni_number", sa.String(16)))
        batch.add_column(sa.Column("employment_type", sa.String(32)))
        batch.add_column(sa.Column("utr", sa.String(16)))
        batch.add_column(sa.Column("pay_frequency", sa.String(32)))
        batch.add_column(sa.Column("tax_code", sa.String(32)))
        batch.add_column(sa.Column("pension_status", sa.String(64)))
        batch.add_column(sa.Column("standard_rate_pence", sa.BigInteger))
        batch.add_column(sa.Column("evening_rate_pence", sa.BigInteger))
        batch.add_column(sa.Column("weekend_rate_pence", sa.BigInteger))
        batch.add_column(sa.Column("bank_holiday_rate_pence", sa.BigInteger))
        batch.add_column(sa.Column("waking_night_rate_pence", sa.BigInteger))
        batch.add_column(sa.Column("sleep_in_night_pence", sa.BigInteger))
        batch.add_column(sa.Column("evening_starts", sa.String(5)))
        batch.add_column(sa.Column("evening_ends", sa.String(5)))
        batch.add_column(sa.Column("weekly_hours", sa.String(16)))
        batch.add_column(sa.Column("days_per_week", sa.String(16)))
        batch.add_column(sa.Column("holiday_scheme", sa.String(32)))
        batch.add_column(sa.Column("holiday_year_starts", sa.Date))
        batch.add_column(sa.Column("apprenticeship_started", sa.Date))
        batch.add_column(sa.Column("contract_given_on", sa.Date))
    op.create_table(
        "right_to_work_check",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("pa_id", sa.Integer, sa.ForeignKey("pa.id"), nullable=False),
        sa.Column("checked_on", sa.Date, nullable=False),
        sa.Column("method", sa.String(32), nullable=False),
        sa.Column("follow_up_on", sa.Date),
    )
    op.create_index("ix_right_to_work_pa", "right_to_work_check", ["pa_id", "checked_on"])
    op.create_table(
        "dbs_certificate",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("pa_id", sa.Integer, sa.ForeignKey("pa.id"), nullable=False),
        sa.Column("number", sa.String(20), nullable=False),
        sa.Column("level", sa.String(32), nullable=False),
        sa.Column("issued_on", sa.Date, nullable=False),
        sa.Column("update_service", sa.Boolean, nullable=False),
    )
    op.create_index("ix_dbs_certificate_pa", "dbs_certificate", ["pa_id", "issued_on"])
    op.create_table(
        "training_record",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("pa_id", sa.Integer, sa.ForeignKey("pa.id"), nullable=False),
        sa.Column("course", sa.String(200), nullable=False),
        sa.Column("completed_on", sa.Date, nullable=False),
        sa.Column("renew_on", sa.Date),
    )
    op.create_index("ix_training_record_pa", "training_record", ["pa_id"])
    op.create_table(
        "insurance_policy",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("insurer", sa.String(200), nullable=False),
        sa.Column("policy_number", sa.String(100), nullable=False),
        sa.Column("renews_on", sa.Date, nullable=False),
    )
    op.create_table(
        "timesheet",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("pa_id", sa.Integer, sa.ForeignKey("pa.id"), nullable=False),
        sa.Column("period_start", sa.Date, nullable=False),
        sa.Column("period_end", sa.Date, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("pa_signed_name", sa.String(200)),
        sa.Column("pa_signed_on", sa.Date),
        sa.Column("employer_signed_name", sa.String(200)),
        sa.Column("employer_signed_on", sa.Date),
        sa.Column("pa_signature_png", sa.Text),
        sa.Column("employer_signature_png", sa.Text),
        sa.Column("approved_at", sa.String(40)),
        sa.Column("approved_by", sa.String(300)),
    )
    op.create_index("ix_timesheet_pa_period", "timesheet", ["pa_id", "period_start"], unique=True)
    op.create_table(
        "shift",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("timesheet_id", sa.Integer, sa.ForeignKey("timesheet.id"), nullable=False),
        sa.Column("pa_id", sa.Integer, sa.ForeignKey("pa.id"), nullable=False),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("start_minute", sa.Integer, nullable=False),
        sa.Column("end_minute", sa.Integer, nullable=False),
        sa.Column("end_day", sa.Date),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("break_minutes", sa.Integer, nullable=False),
        sa.Column("woken_minutes", sa.Integer, nullable=False),
    )
    op.create_index("ix_shift_timesheet", "shift", ["timesheet_id"])
    op.create_index("ix_shift_pa_day", "shift", ["pa_id", "day"])
    op.create_table(
        "rota_template",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("pa_id", sa.Integer, sa.ForeignKey("pa.id"), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("pattern", sa.Text, nullable=False),
    )
    op.create_index("ix_rota_template_pa", "rota_template", ["pa_id"])


def downgrade() -> None:
    raise NotImplementedError("books are never downgraded; restore the backup taken before upgrade")
