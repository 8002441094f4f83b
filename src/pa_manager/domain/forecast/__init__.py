"""The balance projected forward: council payments in, planned pay (with HMRC and pension on their
own dates), known bills and usual spending out, day by day against the council's allowed band.

Pure functions over domain values: `services.forecast` gathers the inputs from the book.
"""

from pa_manager.domain.forecast.model import (
    DayBalance,
    Flow,
    FlowKind,
    Forecast,
    ForecastInputs,
    MonthSummary,
    OutOfBand,
    PlannedPa,
)
from pa_manager.domain.forecast.project import project
from pa_manager.domain.forecast.what_if import NewPa, WhatIf, apply_what_if

__all__ = [
    "DayBalance",
    "Flow",
    "FlowKind",
    "Forecast",
    "ForecastInputs",
    "MonthSummary",
    "NewPa",
    "OutOfBand",
    "PlannedPa",
    "WhatIf",
    "apply_what_if",
    "project",
]
