"""Timesheets: shifts, the checks on them, and the minutes and pay they come to.

`shifts` holds the Shift record and `validate_timesheet`; `pay` turns a valid timesheet into pay lines;
`clock` handles the UK clock changes so night shifts are paid for the time that really passed.
"""

from pa_manager.domain.timesheets.pay import (
    WORK_KINDS,
    PayKind,
    PayLine,
    TimesheetPay,
    pay_for_minutes,
    price_timesheet,
)
from pa_manager.domain.timesheets.shifts import (
    MINUTES_IN_A_DAY,
    Shift,
    ShiftType,
    TimesheetProblem,
    validate_timesheet,
)

__all__ = [
    "MINUTES_IN_A_DAY",
    "WORK_KINDS",
    "PayKind",
    "PayLine",
    "Shift",
    "ShiftType",
    "TimesheetPay",
    "TimesheetProblem",
    "pay_for_minutes",
    "price_timesheet",
    "validate_timesheet",
]
