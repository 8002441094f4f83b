"""What the council (and the client's own contribution) should pay in, and what actually came.

The council pays the gross direct payment less the client's assessed contribution; the client
pays the contribution in on the same schedule. Each due payment is matched to the nearest
unmatched arrival of its category, and a plain-English warning names anything missing, late or
different.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import Enum

from pa_manager.domain.categories import Category
from pa_manager.domain.holder import PaymentSchedule
from pa_manager.domain.money import Money
from pa_manager.domain.people import add_months, long_date

# A payment up to a week early or three days late counts as on time; later than four weeks it
# is not this payment at all (the next one is due by then on every schedule but monthly+).
EARLY_DAYS = 7
GRACE_DAYS = 3
LATEST_DAYS = 28


@dataclass(frozen=True, slots=True)
class ExpectedPayment:
    """A payment the funding agreement says is due."""

    due: date
    amount: Money
    category: Category  # COUNCIL_DP or CLIENT_CONTRIBUTION
    payer: str


@dataclass(frozen=True, slots=True)
class Arrival:
    """A positive transaction of an income category."""

    txn_id: int
    day: date
    amount: Money
    category: Category


class PaymentStatus(Enum):
    """How a due payment turned out."""

    ON_TIME = "on-time"
    LATE = "late"
    DIFFERENT = "different"
    MISSING = "missing"
    NOT_YET_DUE = "not-yet-due"


@dataclass(frozen=True, slots=True)
class PaymentCheck:
    """A due payment, what arrived for it, and the verdict."""

    expected: ExpectedPayment
    arrival: Arrival | None
    status: PaymentStatus

    @property
    def warning(self) -> str | None:
        e, a = self.expected, self.arrival
        what = f"The {_what(e)} of {e.amount} due on {long_date(e.due)}"
        if self.status is PaymentStatus.MISSING:
            return f"{what} has not arrived."
        if a is None or self.status is PaymentStatus.ON_TIME:
            return None
        late = (a.day - e.due).days
        when = f" and came {late} days late ({long_date(a.day)})" if late > GRACE_DAYS else ""
        if self.status is PaymentStatus.DIFFERENT:
            diff = abs(a.amount - e.amount)
            more = "more" if a.amount.pence > e.amount.pence else "less"
            return f"{what} was {a.amount}, {diff} {more} than due{when}."
        return f"{what} came {late} days late, on {long_date(a.day)}."


def _what(e: ExpectedPayment) -> str:
    return "council payment" if e.category is Category.COUNCIL_DP else "client contribution"


_STEP_WEEKS = {
    PaymentSchedule.WEEKLY: 1,
    PaymentSchedule.FORTNIGHTLY: 2,
    PaymentSchedule.FOUR_WEEKLY_IN_ADVANCE: 4,
}
_STEP_MONTHS = {PaymentSchedule.MONTHLY: 1, PaymentSchedule.QUARTERLY: 3}


def _due_dates(schedule: PaymentSchedule, first: date, until: date) -> Iterator[date]:
    n = 0
    while True:
        if schedule in _STEP_WEEKS:
            day = first + timedelta(weeks=_STEP_WEEKS[schedule] * n)
        else:
            day = add_months(first, _STEP_MONTHS[schedule] * n)
        if day > until:
            return
        yield day
        n += 1


def weeks_per_payment(schedule: PaymentSchedule) -> Decimal:
    """Weeks of direct payment in one payment: 52/12 a month, 13 a quarter."""
    if schedule in _STEP_WEEKS:
        return Decimal(_STEP_WEEKS[schedule])
    return Decimal(52 * _STEP_MONTHS[schedule]) / Decimal(12)


def expected_payments(
    *,
    schedule: PaymentSchedule,
    weekly_dp: Money,
    weekly_contribution: Money,
    first_due: date,
    until: date,
    council: str,
) -> list[ExpectedPayment]:
    """Every payment due from `first_due` up to `until`, council then contribution on each date."""
    weeks = weeks_per_payment(schedule)
    council_amount = (weekly_dp - weekly_contribution).apply_rate(weeks)
    contribution = weekly_contribution.apply_rate(weeks)
    out = []
    for day in _due_dates(schedule, first_due, until):
        if council_amount.pence > 0:
            out.append(ExpectedPayment(day, council_amount, Category.COUNCIL_DP, council))
        if contribution.pence > 0:
            out.append(ExpectedPayment(day, contribution, Category.CLIENT_CONTRIBUTION, "Client"))
    return out


def check_payments(
    expected: Sequence[ExpectedPayment], arrivals: Sequence[Arrival], today: date
) -> list[PaymentCheck]:
    """Match each due payment to the nearest unmatched arrival of its category in its window."""
    free = sorted(arrivals, key=lambda a: (a.day, a.txn_id))
    used: set[int] = set()
    checks = []
    for e in sorted(expected, key=lambda x: x.due):
        window = [
            a
            for a in free
            if a.category is e.category
            and a.txn_id not in used
            and e.due - timedelta(days=EARLY_DAYS) <= a.day <= e.due + timedelta(days=LATEST_DAYS)
        ]
        # Prefer the exact amount, then the nearest day: two payments close together then each
        # match their own due date.
        best = min(window, key=lambda a: (a.amount != e.amount, abs((a.day - e.due).days)), default=None)
        if best is None:
            overdue = today > e.due + timedelta(days=GRACE_DAYS)
            status = PaymentStatus.MISSING if overdue else PaymentStatus.NOT_YET_DUE
            checks.append(PaymentCheck(e, None, status))
            continue
        used.add(best.txn_id)
        if best.amount != e.amount:
            status = PaymentStatus.DIFFERENT
        elif (best.day - e.due).days > GRACE_DAYS:
            status = PaymentStatus.LATE
        else:
            status = PaymentStatus.ON_TIME
        checks.append(PaymentCheck(e, best, status))
    return checks
