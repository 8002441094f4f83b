"""What if: more or fewer hours for a PA, a new PA, or next April's minimum-wage rise.

A what-if changes the inputs, never the book: the forecast is projected again from the changed
inputs, so the chart can follow as the person types.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal
from types import MappingProxyType

from pa_manager.domain.errors import DomainError
from pa_manager.domain.forecast.model import ForecastInputs, PlannedPa
from pa_manager.domain.money import Money
from pa_manager.domain.timesheets.pay import pay_for_minutes

MAX_HOURS = Decimal(168)


@dataclass(frozen=True, slots=True)
class NewPa:
    """A PA the person is thinking of taking on."""

    weekly_hours: Decimal
    hourly: Money
    name: str = "New PA"


@dataclass(frozen=True, slots=True)
class WhatIf:
    """Changes to try. `extra_hours` maps a PA's name to hours a week more (or, negative, fewer)."""

    extra_hours: Mapping[str, Decimal] = field(default_factory=lambda: MappingProxyType({}))
    new_pas: tuple[NewPa, ...] = ()
    wage_rise: Decimal = Decimal(0)  # a fraction: 0.041 is a 4.1% rise
    rise_from: date | None = None  # default: the next 1 April

    @property
    def is_empty(self) -> bool:
        return not any(self.extra_hours.values()) and not self.new_pas and not self.wage_rise


def next_april(day: date) -> date:
    """The next 1 April after `day`: when minimum wage rises take effect."""
    april = date(day.year, 4, 1)
    return april if april > day else date(day.year + 1, 4, 1)


def _hours_pay(hourly: Money, hours: Decimal) -> Money:
    minutes = int((hours * 60).to_integral_value())
    sign = -1 if minutes < 0 else 1
    return pay_for_minutes(hourly, abs(minutes)) * sign


def apply_what_if(inputs: ForecastInputs, what_if: WhatIf) -> ForecastInputs:
    """The inputs with the what-if's changes made. Raises DomainError for impossible changes."""
    staff: list[PlannedPa] = []
    names = {pa.name for pa in inputs.staff}
    for name in what_if.extra_hours:
        if name not in names:
            raise DomainError(f"There is no PA called {name} in the forecast.")
    for pa in inputs.staff:
        extra = what_if.extra_hours.get(pa.name, Decimal(0))
        if not extra.is_finite() or abs(extra) > MAX_HOURS:
            raise DomainError("A change of hours must be a number of hours a week, up to 168.")
        gross = pa.weekly_gross + _hours_pay(pa.hourly, extra)
        if gross.is_negative:
            raise DomainError(f"{pa.name} cannot lose more hours than they work.")
        staff.append(replace(pa, weekly_gross=gross))
    first_payday = min((pa.first_payday for pa in inputs.staff), default=inputs.start + timedelta(days=7))
    for n, new in enumerate(what_if.new_pas, start=1):
        if not new.weekly_hours.is_finite() or not Decimal(0) < new.weekly_hours <= MAX_HOURS:
            raise DomainError("A new PA's hours must be more than 0 and no more than 168 a week.")
        if new.hourly.pence <= 0:
            raise DomainError("A new PA's hourly rate must be more than £0.00.")
        name = new.name if len(what_if.new_pas) == 1 else f"{new.name} {n}"
        gross = _hours_pay(new.hourly, new.weekly_hours)
        staff.append(PlannedPa(name, gross, new.hourly, first_payday, source="what if"))
    rise = what_if.wage_rise
    if not rise.is_finite() or not Decimal(0) <= rise <= Decimal(1):
        raise DomainError("A pay rise must be between 0% and 100%.")
    return replace(
        inputs,
        staff=tuple(staff),
        rise=rise,
        rise_from=(what_if.rise_from or next_april(inputs.start)) if rise else None,
    )
