"""The printable timesheet PDF for a PA's period, blank or filled, saved where the person chose."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pa_manager.domain.people import long_date
from pa_manager.services import timesheets
from pa_manager.services.book import Book
from pa_manager.services.errors import BookError


def write_timesheet_pdf(book: Book, pa_id: int, day: date, out: Path, *, blank: bool = False) -> Path:
    """Write the timesheet for the period holding `day` to `out` (a .pdf the person chose).

    A blank sheet has the dates and bank holidays filled in, for writing on and signing on paper.
    """
    from pa_manager.reports import timesheet_pdf  # reportlab takes 0.3 s to load: only when asked

    sheet = timesheets.open_timesheet(book, pa_id, day)
    out = Path(out).expanduser()
    if out.suffix.lower() != ".pdf":
        out = out.with_name(out.name + ".pdf")

    def line(sig: timesheets.Signature | None) -> timesheet_pdf.SignatureLine | None:
        return None if sig is None or blank else timesheet_pdf.SignatureLine(sig.name, sig.on, sig.drawn)

    status = sheet.status.label
    if sheet.approved_at and not blank:
        status = f"{status}, approved on {long_date(date.fromisoformat(sheet.approved_at[:10]))}"
    printed = timesheet_pdf.TimesheetPrint(
        employer=book.holder_name,
        pa_name=sheet.pa_name,
        period_start=sheet.period_start,
        period_end=sheet.period_end,
        shifts=() if blank else sheet.shifts,
        pay=None if blank else sheet.totals.pay,
        holiday_accrued=None if blank else sheet.totals.holiday_accrued,
        bank_holidays=sheet.bank_holidays,
        pa_signature=line(sheet.pa_signature),
        employer_signature=line(sheet.employer_signature),
        status="" if blank else status,
    )
    try:
        return timesheet_pdf.render(printed, out)
    except OSError as err:
        raise BookError(f"Could not save the timesheet: {err.strerror or err}.") from None
