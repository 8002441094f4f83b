"""The money position and the warnings a council would raise, for the Home page and `summary`.

Warnings are plain-English sentences: council or contribution payments missing, late or
different from the funding agreement, and spending councils commonly refuse (grouped by reason,
with how many lines and how much).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import func, select

from pa_manager.domain.categories import Category
from pa_manager.domain.holder import AllowedBand, PaymentSchedule
from pa_manager.domain.money import Money
from pa_manager.domain.money_rules.expected_income import (
    Arrival,
    PaymentCheck,
    check_payments,
    expected_payments,
)
from pa_manager.domain.money_rules.position import Position
from pa_manager.domain.money_rules.spending import Concern, PaRelation, concerns
from pa_manager.services.book import Book
from pa_manager.services.contingency import automatic_total, committed_total, contingency_total
from pa_manager.services.errors import BookError
from pa_manager.store.models import AccountRow, FundingAgreementRow, Holder, PARow, TransactionRow


@dataclass(frozen=True, slots=True)
class Funding:
    """The funding agreement in force, as the money rules need it."""

    council: str
    weekly_dp: Money
    weekly_contribution: Money
    schedule: PaymentSchedule
    start_date: date
    allowed: AllowedBand


def funding(book: Book) -> Funding:
    with book.read() as s:
        holder = s.scalars(select(Holder)).one()
        row = s.scalars(select(FundingAgreementRow).order_by(FundingAgreementRow.start_date.desc())).first()
        if row is None:
            raise BookError("This book has no funding agreement.")
        return Funding(
            holder.council,
            Money(row.weekly_dp_pence),
            Money(row.client_contribution_pence),
            PaymentSchedule(row.schedule),
            row.start_date,
            AllowedBand(Decimal(row.allowed_min_weeks), Decimal(row.allowed_max_weeks)),
        )


def money_position(book: Book, as_of: date | None = None) -> Position:
    """Balance at `as_of` (default today) with today's commitments and pots held back."""
    as_of = as_of or date.today()
    f = funding(book)
    with book.read() as s:
        opening = s.scalar(
            select(func.coalesce(func.sum(AccountRow.opening_balance_pence), 0)).where(
                AccountRow.opening_date <= as_of
            )
        )
        moved = s.scalar(
            select(func.coalesce(func.sum(TransactionRow.amount_pence), 0)).where(
                TransactionRow.date <= as_of
            )
        )
        committed, pots = committed_total(s), contingency_total(s)
    pots += automatic_total(book, as_of)  # holiday pay and redundancy, worked out
    balance = Money(int(opening or 0) + int(moved or 0))
    return Position(balance, committed, pots, f.weekly_dp, f.allowed, f.council)


def payment_checks(
    book: Book, date_from: date, date_to: date, today: date | None = None
) -> list[PaymentCheck]:
    """Each council and contribution payment due between the dates, matched to what arrived."""
    today = today or date.today()
    f = funding(book)
    with book.read() as s:
        first_line = s.scalar(select(func.min(TransactionRow.date)))
    if first_line is None:
        return []  # nothing recorded yet: a new book is not "missing" every payment so far
    # Records start with the first line in the book; payments due before it were not entered.
    date_from = max(date_from, first_line)
    due = [
        e
        for e in expected_payments(
            schedule=f.schedule,
            weekly_dp=f.weekly_dp,
            weekly_contribution=f.weekly_contribution,
            first_due=f.start_date,
            until=min(date_to, today + timedelta(days=1)),
            council=f.council,
        )
        if e.due >= date_from
    ]
    if not due:
        return []
    with book.read() as s:
        t = TransactionRow
        rows = s.execute(
            select(t.id, t.date, t.amount_pence, t.category).where(
                t.category.in_([Category.COUNCIL_DP.value, Category.CLIENT_CONTRIBUTION.value]),
                t.amount_pence > 0,
                t.date >= due[0].due - timedelta(days=7),
                t.date <= due[-1].due + timedelta(days=28),
            )
        ).all()
    arrivals = [Arrival(i, d, Money(a), Category(c)) for i, d, a, c in rows]
    return check_payments(due, arrivals, today)


def spending_warnings(book: Book, date_from: date, date_to: date) -> list[str]:
    """Spending a council may question, one sentence per reason with the count and total."""
    with book.read() as s:
        people = {
            pid: PaRelation(bool(rel), approved)
            for pid, rel, approved in s.execute(
                select(PARow.id, PARow.relative_in_household, PARow.council_approval_date)
            )
        }
        t = TransactionRow
        rows = s.execute(
            select(t.payee, t.category, t.amount_pence, t.pa_id).where(
                t.date >= date_from, t.date <= date_to, t.amount_pence < 0
            )
        ).all()
    found: dict[Concern, list[int]] = defaultdict(list)
    cache: dict[tuple[str, str, int | None], list[Concern]] = {}
    for payee, key, pence, pa_id in rows:
        k = (payee, key, pa_id)
        if k not in cache:  # payees repeat: each payee, category and PA is judged once
            category = Category.UNCATEGORISED if key not in _KEYS else Category(key)
            cache[k] = concerns(payee, category, Money(pence), people.get(pa_id) if pa_id else None)
        for concern in cache[k]:
            found[concern].append(-pence)
    out = []
    for concern, amounts in found.items():
        n = len(amounts)
        lines = "1 payment" if n == 1 else f"{n} payments"
        out.append(f"{lines} ({Money(sum(amounts))} in all): {concern.sentence}")
    return out


_KEYS = {c.value for c in Category}


def warnings(book: Book, date_from: date, date_to: date) -> list[str]:
    """Everything a council would query for the period, in plain English."""
    income = [c.warning for c in payment_checks(book, date_from, date_to) if c.warning]
    return income + spending_warnings(book, date_from, date_to)
