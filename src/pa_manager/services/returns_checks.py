"""The pre-flight check before a return is exported: what a council would send back.

Each item says what is open in plain English and which part of the app fixes it; the user can
still export, and the export then carries a page listing what was open.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from sqlalchemy import func, select

from pa_manager.domain.money_rules.expected_income import PaymentStatus
from pa_manager.domain.returns.model import ReturnFigures
from pa_manager.domain.returns.template import ReturnTemplate
from pa_manager.services.book import Book
from pa_manager.services.evidence import missing_evidence
from pa_manager.services.position import payment_checks
from pa_manager.store.models import PARow, TimesheetRow, TransactionRow


class Fix(Enum):
    """Where the user goes to put an item right (the Returns page maps these to pages)."""

    RECONCILE = "reconcile"
    EVIDENCE = "evidence"
    TIMESHEETS = "timesheets"
    COUNCIL_PAYMENTS = "council_payments"
    EXPLANATION = "explanation"

    @property
    def button(self) -> str:
        return _BUTTONS[self]


_BUTTONS = {
    Fix.RECONCILE: "Reconcile in Money",
    Fix.EVIDENCE: "Add receipts",
    Fix.TIMESHEETS: "Open timesheets",
    Fix.COUNCIL_PAYMENTS: "Check payments in Money",
    Fix.EXPLANATION: "Write the explanation",
}


@dataclass(frozen=True, slots=True)
class PreflightItem:
    """One thing still open for the return, and where to fix it."""

    fix: Fix
    sentence: str
    count: int


def _n(count: int, one: str, many: str) -> str:
    return f"1 {one}" if count == 1 else f"{count} {many}"


def preflight(
    book: Book, figures: ReturnFigures, template: ReturnTemplate, today: date | None = None
) -> list[PreflightItem]:
    """Everything open for the return's period, most important first (an empty list: ready)."""
    start, end = figures.period.start, figures.period.end
    items: list[PreflightItem] = []
    with book.read() as s:
        t = TransactionRow
        open_lines = int(
            s.scalar(select(func.count()).where(t.date >= start, t.date <= end, t.state != "reconciled")) or 0
        )
        sheets = s.execute(
            select(PARow.name, func.count())
            .select_from(TimesheetRow)
            .join(PARow, PARow.id == TimesheetRow.pa_id)
            .where(
                TimesheetRow.period_end >= start,
                TimesheetRow.period_start <= end,
                TimesheetRow.status == "draft",
                TimesheetRow.period_end < (today or date.today()),
            )
            .group_by(PARow.name)
            .order_by(PARow.name)
        ).all()
    if open_lines:
        items.append(
            PreflightItem(
                Fix.RECONCILE,
                f"{_n(open_lines, 'line in this period is', 'lines in this period are')} not yet "
                "reconciled to a bank statement.",
                open_lines,
            )
        )
    missing = missing_evidence(book, start, end)
    if missing:
        items.append(
            PreflightItem(
                Fix.EVIDENCE,
                f"{_n(len(missing), 'payment has', 'payments have')} no receipt or invoice attached.",
                len(missing),
            )
        )
    unsigned = sum(n for _name, n in sheets)
    if unsigned:
        who = ", ".join(f"{name} ({n})" for name, n in sheets)
        items.append(
            PreflightItem(
                Fix.TIMESHEETS,
                f"{_n(unsigned, 'timesheet is', 'timesheets are')} not signed: {who}.",
                unsigned,
            )
        )
    absent = [c for c in payment_checks(book, start, end, today) if c.status is PaymentStatus.MISSING]
    for c in absent:
        items.append(PreflightItem(Fix.COUNCIL_PAYMENTS, c.warning or "", 1))
    if needs_explanation(figures, template) and not figures.explanation.strip():
        items.append(PreflightItem(Fix.EXPLANATION, balance_sentence(figures, template), 1))
    return items


def needs_explanation(figures: ReturnFigures, template: ReturnTemplate) -> bool:
    """Whether the council wants the balance explained: outside its band, or (Birmingham) not the
    exact number of weeks it names."""
    weeks = figures.weeks_held
    if weeks is None:
        return False
    if template.explain_outside_weeks is not None:
        return weeks != template.explain_outside_weeks
    return figures.outside_band


def balance_sentence(figures: ReturnFigures, template: ReturnTemplate) -> str:
    weeks = figures.weeks_held
    held = "" if weeks is None else f"{weeks.normalize():f}"
    if template.explain_outside_weeks is not None:
        target = f"{template.explain_outside_weeks.normalize():f} weeks"
    else:
        target = f"the {figures.allowed} allowed"
    return f"The balance is {held} weeks of direct payment, not {target}, and there is no explanation yet."
