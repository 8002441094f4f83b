"""Turning a checked timesheet into minutes at each rate and gross pay.

Which rate a minute of work earns, highest claim first (only rates the PA's terms set are considered;
a rate left blank falls through to the next):
1. bank holiday rate, for minutes on one of the holder's nation's bank holidays (passed in by the
   caller, so this module needs no calendar);
2. waking-night rate, for minutes of a waking-night shift;
3. weekend rate, for minutes on a Saturday or Sunday;
4. evening rate, for minutes inside the evening window (`PayRates.evening_starts` to `evening_ends`);
5. the standard rate.
One rate applies at a time; enhancements do not stack. A shift is cut at every midnight and at the
edges of the evening window, so a night shift that runs into a bank holiday earns the bank holiday
rate from midnight only.

Breaks: a timesheet says how long the break was, not when, so a shift's break is shared across its
rates in proportion to the minutes at each (largest remainder, so the minutes stay whole and add up).

Sleep-ins: the flat allowance per night, plus the minutes woken to work at the standard rate (when in
the night the PA was woken is not recorded, so no time-of-day rate can be chosen fairly).

Holiday taken is paid at the holiday rate the caller gives (for variable pay, the 52-week average from
`holiday.holiday_pay_reference`), or the standard rate. Sickness is counted but not paid here: sick pay
belongs to the pay run.

Rounding: minutes are added up per rate across the whole timesheet and each rate line is rounded to
the penny once, half-up (£13.00 × 10 minutes = 216.67p → £2.17). Gross pay is the sum of the lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum
from itertools import pairwise

from pa_manager.domain.errors import DomainError
from pa_manager.domain.money import Money
from pa_manager.domain.people import PA, PayRates
from pa_manager.domain.timesheets import clock
from pa_manager.domain.timesheets.shifts import Shift, ShiftType, validate_timesheet


class PayKind(Enum):
    """A line of pay; the order here is the order lines appear on a payslip."""

    STANDARD = "standard"
    EVENING = "evening"
    WEEKEND = "weekend"
    BANK_HOLIDAY = "bank-holiday"
    WAKING_NIGHT = "waking-night"
    SLEEP_IN = "sleep-in"
    WOKEN = "woken"
    HOLIDAY = "holiday"

    @property
    def label(self) -> str:
        return {
            "standard": "Standard hours",
            "evening": "Evening hours",
            "weekend": "Weekend hours",
            "bank-holiday": "Bank holiday hours",
            "waking-night": "Waking night hours",
            "sleep-in": "Sleep-in nights",
            "woken": "Woken during sleep-ins",
            "holiday": "Holiday taken",
        }[self.value]


# Kinds paid for time spent working: what the minimum wage counts.
WORK_KINDS = frozenset(
    {
        PayKind.STANDARD,
        PayKind.EVENING,
        PayKind.WEEKEND,
        PayKind.BANK_HOLIDAY,
        PayKind.WAKING_NIGHT,
        PayKind.WOKEN,
    }
)


@dataclass(frozen=True, slots=True)
class PayLine:
    """Minutes (or, for sleep-ins, nights) at one rate, and what they come to."""

    kind: PayKind
    minutes: int
    nights: int
    rate: Money  # per hour; per night for sleep-ins
    amount: Money

    @property
    def hours(self) -> Decimal:
        """Hours to two decimal places, for display (the pay itself is worked from the minutes)."""
        return (Decimal(self.minutes) / 60).quantize(Decimal("0.01"), ROUND_HALF_UP)


@dataclass(frozen=True, slots=True)
class TimesheetPay:
    """Totals for one timesheet: the pay lines, gross pay, and the minutes of each sort."""

    lines: tuple[PayLine, ...]
    gross: Money
    worked_minutes: int  # working time including minutes woken on sleep-ins
    sleep_in_nights: int
    asleep_minutes: int  # sleep-in time not woken: covered by the allowance, not by the hour
    holiday_minutes: int
    sickness_minutes: int

    def line(self, kind: PayKind) -> PayLine | None:
        return next((line for line in self.lines if line.kind is kind), None)

    def minutes(self, kind: PayKind) -> int:
        found = self.line(kind)
        return found.minutes if found else 0


def pay_for_minutes(hourly: Money, minutes: int) -> Money:
    """An hourly rate for some minutes, rounded once to the penny, half-up."""
    pence = (Decimal(hourly.pence) * minutes / 60).quantize(Decimal(1), ROUND_HALF_UP)
    return Money(int(pence))


def price_timesheet(
    shifts: Sequence[Shift],
    pa: PA,
    bank_holidays: frozenset[date],
    *,
    holiday_rate: Money | None = None,
) -> TimesheetPay:
    """Minutes at each rate and gross pay. Raises DomainError listing every problem if any are found."""
    problems = validate_timesheet(shifts, pa)
    if problems:
        if len(problems) == 1:
            raise DomainError(problems[0].message)
        listed = " ".join(p.message for p in problems)
        raise DomainError(f"Fix these {len(problems)} problems on the timesheet first. {listed}")
    rates = pa.rates
    minutes: dict[PayKind, int] = dict.fromkeys(PayKind, 0)
    nights = asleep = sickness = 0
    for shift in shifts:
        if shift.kind.is_work:
            for kind, count in _work_minutes(shift, rates, bank_holidays).items():
                minutes[kind] += count
        elif shift.kind is ShiftType.SLEEP_IN:
            nights += 1
            minutes[PayKind.WOKEN] += shift.woken_minutes
            asleep += shift.span_minutes - shift.woken_minutes
        elif shift.kind is ShiftType.HOLIDAY:
            minutes[PayKind.HOLIDAY] += shift.minutes
        else:
            sickness += shift.minutes
    lines: list[PayLine] = []
    for kind in PayKind:
        if kind is PayKind.SLEEP_IN:
            if nights:
                allowance = rates.sleep_in_night
                lines.append(PayLine(kind, 0, nights, allowance, allowance * nights))
        elif minutes[kind]:
            rate = _hourly_rate(kind, rates, holiday_rate)
            lines.append(PayLine(kind, minutes[kind], 0, rate, pay_for_minutes(rate, minutes[kind])))
    return TimesheetPay(
        lines=tuple(lines),
        gross=Money.total(line.amount for line in lines),
        worked_minutes=sum(minutes[k] for k in WORK_KINDS),
        sleep_in_nights=nights,
        asleep_minutes=asleep,
        holiday_minutes=minutes[PayKind.HOLIDAY],
        sickness_minutes=sickness,
    )


def _hourly_rate(kind: PayKind, rates: PayRates, holiday_rate: Money | None) -> Money:
    chosen = {
        PayKind.EVENING: rates.evening,
        PayKind.WEEKEND: rates.weekend,
        PayKind.BANK_HOLIDAY: rates.bank_holiday,
        PayKind.WAKING_NIGHT: rates.waking_night,
        PayKind.HOLIDAY: holiday_rate,
    }.get(kind)
    return chosen if chosen is not None else rates.standard


def _in_evening(t: time, rates: PayRates) -> bool:
    starts, ends = rates.evening_starts, rates.evening_ends
    if starts < ends:
        return starts <= t < ends
    return t >= starts or t < ends  # the window wraps past midnight


def _kind_at(moment: datetime, shift: Shift, rates: PayRates, bank_holidays: frozenset[date]) -> PayKind:
    if rates.bank_holiday is not None and moment.date() in bank_holidays:
        return PayKind.BANK_HOLIDAY
    if rates.waking_night is not None and shift.kind is ShiftType.WAKING_NIGHT:
        return PayKind.WAKING_NIGHT
    if rates.weekend is not None and moment.weekday() >= 5:
        return PayKind.WEEKEND
    if rates.evening is not None and _in_evening(moment.time(), rates):
        return PayKind.EVENING
    return PayKind.STANDARD


def _cuts(start: datetime, end: datetime, rates: PayRates) -> list[datetime]:
    """The shift's start, every midnight and evening-window edge inside it, and its end, in order."""
    points = {start, end}
    day = start.date()
    while datetime.combine(day, time()) < end:
        for t in (time(), rates.evening_starts, rates.evening_ends):
            moment = datetime.combine(day, t)
            if start < moment < end:
                points.add(moment)
        day += timedelta(days=1)
    return sorted(points)


def _work_minutes(shift: Shift, rates: PayRates, bank_holidays: frozenset[date]) -> dict[PayKind, int]:
    """A working shift's minutes by rate, after its break is shared out."""
    spans: dict[PayKind, int] = {}
    cuts = _cuts(shift.starts_at, shift.ends_at, rates)
    for a, b in pairwise(cuts):
        kind = _kind_at(a, shift, rates, bank_holidays)
        spans[kind] = spans.get(kind, 0) + clock.elapsed_minutes(a, b)
    return _share_break(spans, shift.break_minutes)


def _share_break(spans: dict[PayKind, int], break_minutes: int) -> dict[PayKind, int]:
    """Take the break from each part in proportion to its length, in whole minutes (largest remainder)."""
    total = sum(spans.values())
    if not break_minutes or total == 0:
        return spans
    shares = {kind: divmod(break_minutes * m, total) for kind, m in spans.items()}
    taken = {kind: q for kind, (q, _r) in shares.items()}
    left = break_minutes - sum(taken.values())
    # Ties go to the earlier part of the shift (dicts keep the order parts were met).
    by_remainder = sorted(shares, key=lambda k: -shares[k][1])
    for kind in by_remainder[:left]:
        taken[kind] += 1
    return {kind: m - taken[kind] for kind, m in spans.items() if m - taken[kind]}
