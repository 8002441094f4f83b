"""Pay runs: work one out, save it as a draft, finalise it (locked), and list and read them.

The calculation is `pay_run_calc.calculate_pay_run` (reads only). `save_draft` stores what it gives
and may be repeated freely. `finalise_pay_run` works the run out once more from the book as it is now,
stores it for good and records what must be paid (`pay_hmrc`): net wages to each PA on the pay date,
HMRC by the 22nd, the pension provider by the 22nd of the next month. A finalised run refuses every
change. Runs of one frequency are finalised in order, so year-to-date figures always build up.
Bureau payslips (`services.bureau`) sit in the same runs and are treated the same way.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, date, datetime

from sqlalchemy import delete, func, select

from pa_manager.domain.errors import DomainError
from pa_manager.domain.money import Money
from pa_manager.domain.periods import PayFrequency, TaxYear
from pa_manager.services.book import Book
from pa_manager.services.errors import BookError
from pa_manager.services.pay_hmrc import hmrc_due, quarterly_in, record_commitments
from pa_manager.services.pay_rows import DRAFT, FINALISED, find_run, payslip_values, preview_of
from pa_manager.services.pay_run_calc import calculate_pay_run, check_period
from pa_manager.services.pay_types import PayRunPreview, PayRunRow, PayRunStatus
from pa_manager.store import audit
from pa_manager.store.models import PARow, PayslipRow
from pa_manager.store.models import PayRunRow as RunTable

__all__ = [
    "calculate_pay_run",
    "delete_draft",
    "finalise_pay_run",
    "get_pay_run",
    "hmrc_due",
    "main_frequency",
    "parse_period",
    "pay_runs",
    "save_draft",
    "store_run",
]


def parse_period(text: str) -> tuple[TaxYear, int]:
    """Read "2026-27:5" (tax year and period number)."""
    year, sep, number = (text or "").strip().partition(":")
    if not sep or not number.strip().isdigit():
        raise BookError(f"“{text}” is not a pay period. Write the tax year and period, like 2026-27:5.")
    try:
        return TaxYear.parse(year), int(number)
    except DomainError as err:
        raise BookError(str(err)) from None


def main_frequency(book: Book, as_of: date | None = None) -> PayFrequency:
    """How most PAs employed on `as_of` (default today) are paid; weekly if there are none."""
    day = as_of or date.today()
    with book.read() as s:
        found = Counter(
            f or PayFrequency.WEEKLY.value
            for f, leave in s.execute(
                select(PARow.pay_frequency, PARow.leave_date).where(PARow.start_date <= day)
            )
            if leave is None or leave >= day
        )
    return PayFrequency(found.most_common(1)[0][0]) if found else PayFrequency.WEEKLY


def store_run(book: Book, preview: PayRunPreview, *, final: bool, record: bool = True) -> int:
    """Save a worked-out run as a draft or finalised; `record=False` leaves nothing owing."""
    with book.write() as s:
        run = find_run(s, preview.tax_year, preview.frequency, preview.period)
        if run is not None and run.status == FINALISED:
            raise BookError(f"{preview.label} is finalised and locked; it cannot be changed.")
        if final:
            later = s.scalar(
                select(RunTable.period).where(
                    RunTable.tax_year == str(preview.tax_year),
                    RunTable.frequency == preview.frequency.value,
                    RunTable.period > preview.period,
                    RunTable.status == FINALISED,
                )
            )
            if later is not None:
                raise BookError(
                    f"Period {later} of {preview.tax_year} is already finalised; finalise pay runs in "
                    "order so the year-to-date figures add up."
                )
            if not preview.payslips:
                raise BookError(
                    f"There is nobody to pay in {preview.label}, so there is nothing to finalise."
                )
        if run is None:
            run = RunTable(
                tax_year=str(preview.tax_year),
                frequency=preview.frequency.value,
                period=preview.period,
                period_start=preview.period_start,
                period_end=preview.period_end,
            )
            s.add(run)
        run.pay_date = preview.pay_date
        run.status = FINALISED if final else DRAFT
        run.finalised_at = datetime.now(UTC).isoformat(timespec="seconds") if final else None
        run.notes = json.dumps(list(preview.warnings))
        s.flush()
        s.execute(delete(PayslipRow).where(PayslipRow.pay_run_id == run.id))
        rows = [
            payslip_values(p, run.id, preview.tax_year, preview.pay_date, final=final)
            for p in preview.payslips
        ]
        ids = audit.insert_audited(s, PayslipRow, rows)
        if final:
            audit.note(s, f"Finalised pay run {preview.label} ({len(ids)} payslips)")
            quarterly = quarterly_in(s, preview.tax_year, list(preview.payslips), preview.frequency)
            if record:
                record_commitments(
                    s,
                    preview.tax_year,
                    preview.pay_date,
                    list(zip(ids, preview.payslips, strict=True)),
                    preview.label,
                    quarterly,
                )
        return run.id


def save_draft(
    book: Book, tax_year: TaxYear, frequency: PayFrequency, period: int, *, pay_date: date | None = None
) -> PayRunPreview:
    """Work the run out now and keep it as a draft (as often as you like before finalising)."""
    preview = calculate_pay_run(book, tax_year, frequency, period, pay_date=pay_date)
    run_id = store_run(book, preview, final=False)
    return get_pay_run(book, run_id)


def finalise_pay_run(book: Book, run_id: int, *, record_commitments: bool = True) -> PayRunPreview:
    """Work the saved run out once more, lock it, and record the wages, HMRC and pension owed.

    `record_commitments=False` is for pay already paid (the demo's past runs): it is stored and
    locked, with nothing left owing.
    """
    with book.read() as s:
        run = s.get(RunTable, run_id)
        if run is None:
            raise BookError("That pay run is not in this book.")
        if run.status == FINALISED:
            raise BookError("That pay run is already finalised and locked.")
        key = (TaxYear.parse(run.tax_year), PayFrequency(run.frequency), run.period, run.pay_date)
    preview = calculate_pay_run(book, key[0], key[1], key[2], pay_date=key[3])
    store_run(book, preview, final=True, record=record_commitments)
    return get_pay_run(book, run_id)


def delete_draft(book: Book, run_id: int) -> None:
    """Remove a draft run and its payslips (bureau payslips typed into it go too)."""
    with book.write() as s:
        run = s.get(RunTable, run_id)
        if run is None:
            raise BookError("That pay run is not in this book.")
        if run.status == FINALISED:
            raise BookError("A finalised pay run cannot be deleted.")
        for row in s.scalars(select(PayslipRow).where(PayslipRow.pay_run_id == run_id)):
            s.delete(row)
        s.flush()
        s.delete(run)


def get_pay_run(book: Book, run_id: int) -> PayRunPreview:
    """A saved run and its payslips, as saved."""
    with book.read() as s:
        run = s.get(RunTable, run_id)
        if run is None:
            raise BookError("That pay run is not in this book.")
        return preview_of(s, run)


def find_pay_run(book: Book, tax_year: TaxYear, frequency: PayFrequency, period: int) -> int | None:
    check_period(tax_year, frequency, period)
    with book.read() as s:
        run = find_run(s, tax_year, frequency, period)
        return None if run is None else run.id


def pay_runs(book: Book) -> list[PayRunRow]:
    """Every saved run, newest pay date first, with its totals."""
    p = PayslipRow
    hmrc = p.tax_pence + p.employee_ni_pence + p.employer_ni_pence - p.employment_allowance_pence
    hmrc = hmrc + p.student_loan_pence + p.postgraduate_loan_pence
    with book.read() as s:
        totals = {
            run_id: (n, g, net, h)
            for run_id, n, g, net, h in s.execute(
                select(
                    p.pay_run_id, func.count(), func.sum(p.gross_pence), func.sum(p.net_pence), func.sum(hmrc)
                ).group_by(p.pay_run_id)
            )
        }
        runs = s.scalars(select(RunTable).order_by(RunTable.pay_date.desc(), RunTable.id.desc())).all()
        out = []
        for r in runs:
            n, g, net, h = totals.get(r.id, (0, 0, 0, 0))
            preview_label = PayRunPreview(
                TaxYear.parse(r.tax_year),
                PayFrequency(r.frequency),
                r.period,
                r.period_start,
                r.period_end,
                r.pay_date,
                PayRunStatus(r.status),
                (),
                (),
            ).label
            out.append(
                PayRunRow(
                    r.id,
                    preview_label,
                    TaxYear.parse(r.tax_year),
                    PayFrequency(r.frequency),
                    r.period,
                    r.period_start,
                    r.period_end,
                    r.pay_date,
                    PayRunStatus(r.status),
                    int(n),
                    Money(int(g or 0)),
                    Money(int(net or 0)),
                    Money(int(h or 0)),
                )
            )
        return out
