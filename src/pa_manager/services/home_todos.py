"""The Home page's list of things to do, worst first, each saying where in the app to fix it.

Gathered from: the people and insurance checks (`compliance_records.what_needs_doing`: DBS,
right-to-work follow-ups, training, contracts, the insurance renewal), the pension re-enrolment
window (three-yearly from the first PA's start), timesheets waiting for a signature, a statement
left unreconciled for over a month, payments with no receipt
for the next return's period (`evidence.missing_evidence`) and the next council return when it
is close or late.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from sqlalchemy import func, select

from pa_manager.domain.compliance import ComplianceState, ComplianceTopic
from pa_manager.domain.money import Money
from pa_manager.domain.payroll.pension import redeclaration_due, reenrolment_window
from pa_manager.domain.people import add_months, long_date
from pa_manager.services.book import Book
from pa_manager.services.compliance_records import what_needs_doing
from pa_manager.services.evidence import missing_evidence
from pa_manager.services.reconcile import unreconciled_since
from pa_manager.services.return_schedule import NextReturn, next_return
from pa_manager.store.models import PARow, TimesheetRow

RETURN_WARNING = timedelta(days=30)  # a return due within a month goes on the list
RECONCILE_AFTER = timedelta(days=35)  # a statement a month old should be reconciled by now
PENSION_WARNING = timedelta(days=60)
NO_RETURN_WINDOW = timedelta(days=91)  # with no return set up, look back about a quarter


class FixTarget(Enum):
    """Where the button next to a to-do item takes the person."""

    PA_RECORD = "pa-record"
    INSURANCE = "insurance"
    TIMESHEET = "timesheet"
    RECONCILE = "reconcile"
    RECEIPTS = "receipts"
    RETURN = "return"
    PAY = "pay"


@dataclass(frozen=True, slots=True)
class HomeTodo:
    """One thing to do: a title, one plain sentence, how urgent, and where the fix is."""

    title: str
    sentence: str
    button: str  # the button's words, saying where it goes
    target: FixTarget
    urgent: bool  # late or missing (shown with a sign and the word, not colour alone)
    due: date | None = None
    pa_id: int | None = None
    topic: ComplianceTopic | None = None
    day: date | None = None  # the timesheet week to open


def home_todos(book: Book, today: date) -> list[HomeTodo]:
    """Everything that needs doing, late or missing first, then by date."""
    nxt = next_return(book, today)
    items = _compliance(book, today) + _timesheets(book, today) + _pension(book, today)
    items += _reconcile(book, today) + _evidence(book, today, nxt) + _return(today, nxt)
    items.sort(key=lambda t: (not t.urgent, t.due or date.max, t.title))
    return items


def _compliance(book: Book, today: date) -> list[HomeTodo]:
    out = []
    for t in what_needs_doing(book, today):
        urgent = t.state is not ComplianceState.DUE_SOON
        if t.pa_id is None:
            out.append(
                HomeTodo(
                    t.title,
                    t.explanation,
                    "Update the insurance…",
                    FixTarget.INSURANCE,
                    urgent,
                    t.due,
                    topic=t.topic,
                )
            )
        else:
            first = (t.pa_name or "the PA").split()[0]
            out.append(
                HomeTodo(
                    f"{t.pa_name}: {t.title}",
                    t.explanation,
                    f"Open {first}'s record…",
                    FixTarget.PA_RECORD,
                    urgent,
                    t.due,
                    t.pa_id,
                    t.topic,
                )
            )
    return out


def _timesheets(book: Book, today: date) -> list[HomeTodo]:
    """One item per PA with finished weeks not yet signed by the employer."""
    waiting: dict[int, list[date]] = defaultdict(list)
    with book.read() as s:
        rows = s.execute(
            select(TimesheetRow.pa_id, TimesheetRow.period_start).where(
                TimesheetRow.status != "approved", TimesheetRow.period_end < today
            )
        ).all()
        names = dict(s.execute(select(PARow.id, PARow.name)).all()) if rows else {}
    for pa_id, start in rows:
        waiting[pa_id].append(start)
    out = []
    for pa_id, starts in waiting.items():
        oldest, n = min(starts), len(starts)
        weeks = "1 timesheet is" if n == 1 else f"{n} timesheets are"
        name = names.get(pa_id, "A PA")
        out.append(
            HomeTodo(
                f"Timesheets to sign: {name}",
                f"{weeks} waiting for your signature, the oldest from {long_date(oldest)}. Check the "
                "hours, sign and approve so they can be paid.",
                f"Open {name.split()[0]}'s timesheets…",
                FixTarget.TIMESHEET,
                oldest < today - timedelta(days=14),
                oldest + timedelta(days=7),
                pa_id,
                day=oldest,
            )
        )
    return out


def _pension(book: Book, today: date) -> list[HomeTodo]:
    """Re-enrolment every three years from the duties start date (taken as the first PA's start)."""
    with book.read() as s:
        first = s.scalar(select(func.min(PARow.start_date)))
    if first is None:
        return []
    start = first
    while reenrolment_window(start)[1] < today:
        start = add_months(start, 36)  # the next three-year cycle
    opens, closes = reenrolment_window(start)
    if today < opens - PENSION_WARNING:
        return []
    return [
        HomeTodo(
            "Pension re-enrolment",
            f"Every three years, PAs who left the pension must be put back in: choose a date between "
            f"{long_date(opens)} and {long_date(closes)}, then re-declare to The Pensions Regulator "
            f"by {long_date(redeclaration_due(start))}.",
            "Go to Pay…",
            FixTarget.PAY,
            today > opens,
            closes,
        )
    ]


def _reconcile(book: Book, today: date) -> list[HomeTodo]:
    since = unreconciled_since(book)
    if since is None or since > today - RECONCILE_AFTER:
        return []
    return [
        HomeTodo(
            "Reconcile the statement",
            f"Lines from {long_date(since)} on have not been checked against a bank statement. "
            "Reconcile them so the balance is proven before the council asks.",
            "Reconcile…",
            FixTarget.RECONCILE,
            since < today - 2 * RECONCILE_AFTER,
            since + RECONCILE_AFTER,
        )
    ]


def _evidence(book: Book, today: date, nxt: NextReturn | None) -> list[HomeTodo]:
    """Receipts missing for the next return's period (and since), which the council will ask for."""
    since = nxt.start if nxt is not None else today - NO_RETURN_WINDOW
    missing = missing_evidence(book, since, today)
    if not missing:
        return []
    n = len(missing)
    total = Money.total(m.amount for m in missing)
    lines = "1 payment has" if n == 1 else f"{n} payments have"
    return [
        HomeTodo(
            "Receipts missing",
            f"{lines} no receipt or invoice since {long_date(since)} ({abs(total)} in all). The "
            "council asks for them with the return.",
            "Add receipts…",
            FixTarget.RECEIPTS,
            False,
        )
    ]


def _return(today: date, nxt: NextReturn | None) -> list[HomeTodo]:
    if nxt is None or nxt.due > today + RETURN_WARNING:
        return []
    late = nxt.due < today
    when = f"was due on {long_date(nxt.due)}" if late else f"is due on {long_date(nxt.due)}"
    return [
        HomeTodo(
            "Council return",
            f"The return for {long_date(nxt.start)} to {long_date(nxt.end)} {when}.",
            "Go to Returns…",
            FixTarget.RETURN,
            late,
            nxt.due,
        )
    ]
