"""The projection itself: flows in date order, the balance day by day, months, and the band."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from pa_manager.domain.forecast.model import (
    DayBalance,
    Flow,
    FlowKind,
    Forecast,
    ForecastInputs,
    MonthSummary,
    OutOfBand,
)
from pa_manager.domain.forecast.pay import pay_flows
from pa_manager.domain.money import Money
from pa_manager.domain.people import add_months


def weekly_flows(inputs: ForecastInputs) -> list[Flow]:
    """Usual other spending, once a week from a week after the start."""
    if not inputs.weekly_other:
        return []
    out: list[Flow] = []
    day = inputs.start + timedelta(days=7)
    while day <= inputs.end:
        out.append(Flow(day, -inputs.weekly_other, FlowKind.OTHER, "Usual other spending"))
        day += timedelta(days=7)
    return out


def month_bounds(start: date, end: date) -> list[tuple[date, date]]:
    """Months counted from the day after `start`: 23 Nov to 22 Dec, 23 Dec to 22 Jan, …"""
    out: list[tuple[date, date]] = []
    n = 0
    while True:
        first = add_months(start, n) + timedelta(days=1)
        if first > end:
            return out
        out.append((first, min(add_months(start, n + 1), end)))
        n += 1


def project(inputs: ForecastInputs) -> Forecast:
    """Project the balance from the day after `inputs.start` to `inputs.end`."""
    wages, notes = pay_flows(inputs)
    window = [
        f
        for f in (*inputs.income, *inputs.bills, *wages, *weekly_flows(inputs))
        if inputs.start < f.day <= inputs.end
    ]
    window.sort(key=lambda f: (f.day, f.kind.value, f.label))
    by_day: dict[date, Money] = defaultdict(Money.zero)
    for f in window:
        by_day[f.day] += f.amount
    days: list[DayBalance] = []
    balance, day = inputs.opening, inputs.start
    floor, ceiling = inputs.band_floor, inputs.band_ceiling
    band_known = inputs.weekly_dp.pence > 0
    out_of_band = _outside(inputs.start, balance, floor, ceiling) if band_known else None
    while day < inputs.end:
        day += timedelta(days=1)
        balance += by_day.get(day, Money(0))
        days.append(DayBalance(day, balance))
        if band_known and out_of_band is None:
            out_of_band = _outside(day, balance, floor, ceiling)
    return Forecast(
        inputs=inputs,
        flows=tuple(window),
        days=tuple(days),
        months=tuple(_months(inputs, window, days)),
        out_of_band=out_of_band,
        notes=(*inputs.notes, *notes),
    )


def _outside(day: date, balance: Money, floor: Money, ceiling: Money) -> OutOfBand | None:
    if balance.pence > ceiling.pence:
        return OutOfBand(day, balance, True)
    if balance.pence < floor.pence:
        return OutOfBand(day, balance, False)
    return None


def _months(inputs: ForecastInputs, flows: list[Flow], days: list[DayBalance]) -> list[MonthSummary]:
    out: list[MonthSummary] = []
    opening = inputs.opening
    for first, last in month_bounds(inputs.start, inputs.end):
        totals = {kind: Money(0) for kind in FlowKind}
        for f in flows:
            if first <= f.day <= last:
                totals[f.kind] += f.amount
        inside = [d.balance for d in days if first <= d.day <= last] or [opening]
        closing = inside[-1]
        out.append(
            MonthSummary(
                first,
                last,
                opening,
                totals,
                closing,
                min(inside, key=lambda m: m.pence),
                max(inside, key=lambda m: m.pence),
            )
        )
        opening = closing
    return out
