"""The values a forecast is made from and made of."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import Enum

from pa_manager.domain.money import Money
from pa_manager.domain.periods import PayFrequency


class FlowKind(Enum):
    """What a forecast line is, in the order the monthly table lists them."""

    COUNCIL = "council"
    CONTRIBUTION = "contribution"
    WAGES = "wages"
    HMRC = "hmrc"
    PENSION = "pension"
    BILLS = "bills"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def is_income(self) -> bool:
        return self in (FlowKind.COUNCIL, FlowKind.CONTRIBUTION)


_LABELS = {
    FlowKind.COUNCIL: "Council payments",
    FlowKind.CONTRIBUTION: "Your contribution",
    FlowKind.WAGES: "PA wages (net)",
    FlowKind.HMRC: "HMRC (tax and NI)",
    FlowKind.PENSION: "Pension",
    FlowKind.BILLS: "Known bills",
    FlowKind.OTHER: "Usual other spending",
}


@dataclass(frozen=True, slots=True)
class Flow:
    """One dated amount: positive in, negative out."""

    day: date
    amount: Money
    kind: FlowKind
    label: str


@dataclass(frozen=True, slots=True)
class PlannedPa:
    """A PA's usual week, as the forecast pays it.

    `weekly_gross` is what the usual pattern earns in a week (rota, contracted hours or recent
    average); `hourly` prices a what-if change of hours. Pay is made every `frequency` from
    `first_payday`, one period's gross at a time.
    """

    name: str
    weekly_gross: Money
    hourly: Money
    first_payday: date
    frequency: PayFrequency = PayFrequency.WEEKLY
    tax_code: str = "1257L"
    ni_category: str = "A"
    pension: bool = True  # enrolled: contributions on qualifying earnings
    last_day: date | None = None  # leaving date: no pay after it
    source: str = ""  # how the usual week was found, for the table's note


@dataclass(frozen=True, slots=True)
class ForecastInputs:
    """Everything the projection needs, gathered from the book by the service."""

    start: date  # the balance is known at the end of this day
    end: date
    opening: Money
    weekly_dp: Money
    band_min_weeks: Decimal
    band_max_weeks: Decimal
    income: tuple[Flow, ...]
    bills: tuple[Flow, ...]
    staff: tuple[PlannedPa, ...]
    weekly_other: Money  # usual spending besides pay and known bills, out once a week
    hmrc_due: Callable[[date], date]  # pay date -> the day its HMRC payment is due
    pension_due: Callable[[date], date]  # pay date -> the day its pension payment is due
    allowance_left: Money = Money(0)  # Employment Allowance still unused this tax year
    allowance_yearly: Money = Money(0)  # a new tax year's allowance (0 when not claimed)
    pension_rates: tuple[Decimal, Decimal] = (Decimal("0.05"), Decimal("0.03"))  # employee, employer
    rise_from: date | None = None  # pay rises by `rise` on paydays from this date
    rise: Decimal = Decimal(0)
    notes: tuple[str, ...] = ()

    @property
    def band_floor(self) -> Money:
        return self.weekly_dp.apply_rate(self.band_min_weeks)

    @property
    def band_ceiling(self) -> Money:
        return self.weekly_dp.apply_rate(self.band_max_weeks)


@dataclass(frozen=True, slots=True)
class DayBalance:
    """The balance at the end of a day."""

    day: date
    balance: Money


@dataclass(frozen=True, slots=True)
class OutOfBand:
    """The first day the balance is outside the council's band, and which side."""

    day: date
    balance: Money
    above: bool


@dataclass(frozen=True, slots=True)
class MonthSummary:
    """One month of the forecast (from `first` to `last`, both included)."""

    first: date
    last: date
    opening: Money
    totals: Mapping[FlowKind, Money]
    closing: Money
    lowest: Money
    highest: Money

    @property
    def money_in(self) -> Money:
        return Money.total(v for k, v in self.totals.items() if k.is_income)

    @property
    def money_out(self) -> Money:
        return Money.total(-v for k, v in self.totals.items() if not k.is_income)


@dataclass(frozen=True, slots=True)
class Forecast:
    """The projection: every flow, the balance each day, month by month, and the band."""

    inputs: ForecastInputs
    flows: tuple[Flow, ...]
    days: tuple[DayBalance, ...]
    months: tuple[MonthSummary, ...]
    out_of_band: OutOfBand | None
    notes: tuple[str, ...] = field(default=())

    @property
    def closing(self) -> Money:
        return self.days[-1].balance if self.days else self.inputs.opening
