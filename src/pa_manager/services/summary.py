"""The book's headline figures: balance, money in and out by category, weeks held."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from pa_manager.domain.categories import Category
from pa_manager.domain.holder import AllowedBand, weeks_held
from pa_manager.domain.money import Money
from pa_manager.domain.money_rules.in_out import InAndOut
from pa_manager.domain.money_rules.position import Position
from pa_manager.domain.periods import TaxYear
from pa_manager.services.book import Book
from pa_manager.services.contingency import automatic_total, committed_total, contingency_total
from pa_manager.services.errors import BookError
from pa_manager.services.position import warnings
from pa_manager.store.models import SPLIT, AccountRow, FundingAgreementRow, Holder, SplitRow, TransactionRow


@dataclass(frozen=True, slots=True)
class BookSummary(InAndOut):
    """Figures for one period; the balance is at the period's end."""

    holder_name: str
    council: str
    council_reference: str
    date_from: date
    date_to: date
    balance: Money
    weekly_dp: Money
    weeks_held: Decimal | None  # None when no weekly payment is set
    allowed: AllowedBand
    money_in: dict[Category, Money] = field(default_factory=dict)
    money_out: dict[Category, Money] = field(default_factory=dict)
    committed: Money = Money(0)
    contingency: Money = Money(0)
    warnings: list[str] = field(default_factory=list)

    @property
    def position(self) -> Position:
        """Available, surplus at risk and the Home page sentences, from the figures above."""
        return Position(
            self.balance, self.committed, self.contingency, self.weekly_dp, self.allowed, self.council
        )


def holder_and_funding(s: Session) -> tuple[Holder, FundingAgreementRow]:
    """The book's holder and its latest funding agreement (a book without one has no figures)."""
    holder = s.scalars(select(Holder)).one()
    funding = s.scalars(select(FundingAgreementRow).order_by(FundingAgreementRow.start_date.desc())).first()
    if funding is None:
        raise BookError("This book has no funding agreement.")
    return holder, funding


def balance_pence(s: Session, accounts_by: date, lines_to: date, *, include_last_day: bool = True) -> int:
    """The opening balances of the accounts opened by `accounts_by` plus every line up to `lines_to`.

    A period's closing balance includes its last day's lines; a return's opening balance is the
    balance before its first day, so it leaves out `lines_to` itself (`include_last_day=False`).
    """
    opening = s.scalar(
        select(func.coalesce(func.sum(AccountRow.opening_balance_pence), 0)).where(
            AccountRow.opening_date <= accounts_by
        )
    )
    day = TransactionRow.date
    moved = s.scalar(
        select(func.coalesce(func.sum(TransactionRow.amount_pence), 0)).where(
            # Every line has an account; saying so lets SQLite sum from the account-date-amount
            # index instead of reading the whole table (most of the Home page's first open).
            TransactionRow.account_id.in_(select(AccountRow.id)),
            day <= lines_to if include_last_day else day < lines_to,
        )
    )
    return int(opening or 0) + int(moved or 0)


def summarise(book: Book, date_from: date | None = None, date_to: date | None = None) -> BookSummary:
    """Figures from `date_from` to `date_to` (default: this tax year to today)."""
    date_to = date_to or date.today()
    date_from = date_from or TaxYear.containing(date_to).first_day
    if date_from > date_to:
        raise BookError("The start date must be on or before the end date.")
    with book.read() as s:
        holder, funding = holder_and_funding(s)
        balance = Money(balance_pence(s, date_to, date_to))
        t = TransactionRow
        in_period = (t.date >= date_from, t.date <= date_to)
        sign = case((t.amount_pence >= 0, 1), else_=-1)
        by_category = list(
            s.execute(
                select(t.category, sign, func.sum(t.amount_pence))
                .where(*in_period, t.category != SPLIT)
                .group_by(t.category, sign)
            ).all()
        )
        # A split line counts under each of its parts' categories.
        part_sign = case((SplitRow.amount_pence >= 0, 1), else_=-1)
        by_category += s.execute(
            select(SplitRow.category, part_sign, func.sum(SplitRow.amount_pence))
            .join(t, t.id == SplitRow.txn_id)
            .where(*in_period, t.category == SPLIT)
            .group_by(SplitRow.category, part_sign)
        ).all()
        committed, contingency = committed_total(s), contingency_total(s)
    # The automatic pots (holiday pay, redundancy) are worked out as at the period's end.
    contingency += automatic_total(book, date_to)
    money_in: dict[Category, Money] = {}
    money_out: dict[Category, Money] = {}
    for key, direction, total in by_category:
        category = Category(key)
        # Income categories count net of any reversals; a refund into a spending category (an
        # insurance rebate, say) reduces that spending rather than counting as income.
        income = category.is_income or (category is Category.UNCATEGORISED and direction > 0)
        target, amount = (money_in, total) if income else (money_out, -total)
        target[category] = target.get(category, Money(0)) + Money(int(amount))
    allowed = AllowedBand(Decimal(funding.allowed_min_weeks), Decimal(funding.allowed_max_weeks))
    weekly = Money(funding.weekly_dp_pence)
    return BookSummary(
        holder_name=holder.name,
        council=holder.council,
        council_reference=holder.council_reference,
        date_from=date_from,
        date_to=date_to,
        balance=balance,
        weekly_dp=weekly,
        weeks_held=weeks_held(balance, weekly),
        allowed=allowed,
        money_in=dict(sorted(money_in.items(), key=lambda kv: -kv[1].pence)),
        money_out=dict(sorted(money_out.items(), key=lambda kv: -kv[1].pence)),
        committed=committed,
        contingency=contingency,
        warnings=warnings(book, date_from, date_to),
    )
