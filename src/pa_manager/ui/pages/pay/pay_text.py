"""The Pay page's sentences: warnings with a sign, and what is owed to HMRC and by when.

Plain functions over the services' values (no Qt), so they are easy to read and to test.
"""

from __future__ import annotations

from datetime import date

from pa_manager.domain.money import Money
from pa_manager.domain.people import long_date
from pa_manager.domain.periods import PayFrequency
from pa_manager.services.pay_hmrc import due_period
from pa_manager.services.pay_types import HmrcDue, HmrcPosition, PayRunPreview, PayRunStatus

WARNING_SIGN = "⚠"
FREQUENCY_WORDS = {
    PayFrequency.WEEKLY: "Weekly",
    PayFrequency.FORTNIGHTLY: "Every two weeks",
    PayFrequency.FOUR_WEEKLY: "Every four weeks",
    PayFrequency.MONTHLY: "Monthly",
}
STATUS_WORDS = {
    PayRunStatus.NOT_SAVED: "Not saved yet",
    PayRunStatus.DRAFT: "Draft",
    PayRunStatus.FINALISED: "Finalised",
}


def period_unit(frequency: PayFrequency) -> str:
    """What one period is called: "Week", "Month" or "Period" (as in the run's label)."""
    if frequency is PayFrequency.MONTHLY:
        return "Month"
    return "Week" if frequency is PayFrequency.WEEKLY else "Period"


def run_warnings(preview: PayRunPreview) -> list[str]:
    """Every warning of a run, each "⚠ …", naming the PA when the sentence does not already."""
    found = [f"{WARNING_SIGN} {w}" for w in preview.warnings]
    for slip in preview.payslips:
        for w in slip.warnings:
            text = w if slip.pa_name in w else f"{slip.pa_name}: {w}"
            found.append(f"{WARNING_SIGN} {text}")
    return found


def _period_words(due: HmrcDue) -> str:
    return due.label[0].lower() + due.label[1:]


def position_sentence(position: HmrcPosition | None) -> str:
    """What is owed to HMRC across the book, in one sentence."""
    if position is None or not position.periods:
        return "Nothing is owed to HMRC yet: a finalised pay run records what to pay and when."
    overdue = position.overdue
    if overdue:
        late = Money.total(p.outstanding for p in overdue)
        first = overdue[0]
        return (
            f"{WARNING_SIGN} {late} owed to HMRC is overdue: {first.outstanding} for "
            f"{_period_words(first)} was due by {long_date(first.due)}. Pay it as soon as you can."
        )
    upcoming = position.next_due
    if upcoming is None:
        return "Everything owed to HMRC so far has been paid."
    return (
        f"You owe HMRC {position.outstanding}: the next payment, {upcoming.outstanding} for "
        f"{_period_words(upcoming)}, is due by {long_date(upcoming.due)}."
    )


def _due_for(position: HmrcPosition | None, pay_date: date) -> HmrcDue | None:
    if position is None:
        return None
    return next((p for p in position.periods if p.first_day <= pay_date <= p.last_day), None)


def run_hmrc_sentence(preview: PayRunPreview, position: HmrcPosition | None) -> str:
    """What this run adds to the HMRC bill and when that is due, in one sentence."""
    amount = preview.hmrc
    if not preview.payslips:
        return "This run has no payslips, so it adds nothing to what you owe HMRC."
    due = _due_for(position, preview.pay_date)
    if preview.status is PayRunStatus.FINALISED and due is not None:
        state = "already paid" if due.paid else f"due by {long_date(due.due)}"
        return f"This run adds {amount} to the {due.total} owed to HMRC for {_period_words(due)}, {state}."
    quarterly = due.quarterly if due is not None else _quarterly_this_year(position, preview)
    period = due_period(preview.tax_year, preview.pay_date, quarterly)
    label = period.label[0].lower() + period.label[1:]
    return (
        f"When it is finalised, this run adds {amount} to what you owe HMRC for {label}, due by "
        f"{long_date(period.due)}."
    )


def _quarterly_this_year(position: HmrcPosition | None, preview: PayRunPreview) -> bool:
    if position is None:
        return False
    return any(p.quarterly for p in position.periods if p.tax_year == preview.tax_year)
