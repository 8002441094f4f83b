"""Money out by category, month by month, set against the plan: the direct payment's budget for
the month and the PAs' contracted weekly hours against the hours their timesheets show.

A split line counts under each part's category; a refund into a spending category (an insurance
rebate, say) reduces that month's spending there. Budget for a month = weekly direct payment ×
days in the month ÷ 7 (what the council funds); planned hours = the contracted weekly hours of the
PAs employed each day, summed by day ÷ 7.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import func, select

from pa_manager.domain.categories import Category
from pa_manager.domain.money import Money
from pa_manager.domain.people import add_months
from pa_manager.domain.timesheets import ShiftType
from pa_manager.services.book import Book
from pa_manager.services.errors import BookError
from pa_manager.services.position import funding
from pa_manager.store.models import SPLIT, PARow, ShiftRow, SplitRow, TransactionRow

MAX_MONTHS = 36
_CATEGORIES = {c.value: c for c in Category}


@dataclass(frozen=True, slots=True)
class SpendingMonth:
    """One calendar month: money out by category, the budget, and hours planned and worked."""

    first: date
    last: date
    by_category: dict[Category, Money]
    budget: Money
    planned_hours: Decimal
    worked_hours: Decimal

    @property
    def total(self) -> Money:
        return Money.total(self.by_category.values())

    @property
    def label(self) -> str:
        return f"{self.first:%B %Y}"


def _month_key(day: date) -> date:
    return day.replace(day=1)


def spending_by_month(book: Book, months: int = 12, today: date | None = None) -> list[SpendingMonth]:
    """The last `months` calendar months, this one (so far) included, oldest first."""
    if not 1 <= months <= MAX_MONTHS:
        raise BookError(f"Spending can be shown for 1 to {MAX_MONTHS} months.")
    today = today or date.today()
    first = add_months(_month_key(today), -(months - 1))
    month_expr = func.strftime("%Y-%m-01", TransactionRow.date)
    out_by: dict[date, dict[Category, int]] = defaultdict(lambda: defaultdict(int))
    with book.read() as s:
        plain = s.execute(
            select(month_expr, TransactionRow.category, func.sum(TransactionRow.amount_pence))
            .where(
                TransactionRow.date >= first, TransactionRow.date <= today, TransactionRow.category != SPLIT
            )
            .group_by(month_expr, TransactionRow.category)
        ).all()
        parts = s.execute(
            select(month_expr, SplitRow.category, func.sum(SplitRow.amount_pence))
            .join(TransactionRow, TransactionRow.id == SplitRow.txn_id)
            .where(
                TransactionRow.date >= first, TransactionRow.date <= today, TransactionRow.category == SPLIT
            )
            .group_by(month_expr, SplitRow.category)
        ).all()
        shifts = s.execute(
            select(
                ShiftRow.day,
                ShiftRow.kind,
                ShiftRow.start_minute,
                ShiftRow.end_minute,
                ShiftRow.end_day,
                ShiftRow.break_minutes,
                ShiftRow.woken_minutes,
            ).where(ShiftRow.day >= first, ShiftRow.day <= today)
        ).all()
        contracts = [
            (a, b, c) for a, b, c in s.execute(select(PARow.start_date, PARow.leave_date, PARow.weekly_hours))
        ]
    for key, category, pence in (*plain, *parts):
        cat = _CATEGORIES.get(category, Category.UNCATEGORISED)
        if cat.is_income:
            continue
        # Spending is money out; uncategorised money in is not spending at all.
        if cat is Category.UNCATEGORISED and pence > 0:
            continue
        out_by[date.fromisoformat(key)][cat] -= int(pence)
    worked: dict[date, int] = defaultdict(int)
    for day, kind, start, end, end_day, brk, woken in shifts:
        shift_type = ShiftType(kind)
        if shift_type.is_work:
            span = end - start + (1440 * (end_day - day).days if end_day else 0)
            worked[_month_key(day)] += span - (brk or 0)
        elif shift_type is ShiftType.SLEEP_IN:
            worked[_month_key(day)] += woken or 0
    weekly = funding(book).weekly_dp
    result = []
    month = first
    while month <= today:
        last = min(add_months(month, 1) - timedelta(days=1), today)
        days = (last - month).days + 1
        spent = {c: Money(p) for c, p in sorted(out_by[month].items(), key=lambda kv: -kv[1]) if p}
        result.append(
            SpendingMonth(
                month,
                last,
                spent,
                weekly.apply_rate(Decimal(days) / 7),
                _planned_hours(contracts, month, last),
                _hours(Decimal(worked[month]) / 60),
            )
        )
        month = add_months(month, 1)
    return result


def _hours(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.1"), ROUND_HALF_UP)


def _planned_hours(contracts: list[tuple[date, date | None, str | None]], first: date, last: date) -> Decimal:
    total = Decimal(0)
    for start, leave, weekly in contracts:
        if not weekly:
            continue  # irregular hours: nothing planned
        begin, end = max(first, start), min(last, leave) if leave else last
        if end >= begin:
            total += Decimal(weekly) * Decimal((end - begin).days + 1) / 7
    return _hours(total)
