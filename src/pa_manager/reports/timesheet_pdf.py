"""The printable timesheet: blank (dates filled in, for paper) or filled (shifts, pay and signatures).

A4 portrait. The shift table has one line per shift (a blank sheet: two lines per day to write on),
then, when filled, the pay by rate and gross pay; then the two signature blocks, for the PA and for
the employer or the person acting for them, with a drawn signature where one was saved. Takes plain
data (`TimesheetPrint`), never a session; `services.timesheet_print` builds it from the book.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Image, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from pa_manager.domain.people import long_date
from pa_manager.domain.timesheets import PayKind, Shift, ShiftType, TimesheetPay
from pa_manager.reports import fonts

_WIDTH = A4[0] - 36 * mm


@dataclass(frozen=True, slots=True)
class SignatureLine:
    """A signature already given: the name, the date and an optional drawn signature (PNG)."""

    name: str
    on: date
    drawn: bytes | None = None


@dataclass(frozen=True, slots=True)
class TimesheetPrint:
    """Everything the printed timesheet shows. `pay` is None on a blank sheet."""

    employer: str
    pa_name: str
    period_start: date
    period_end: date
    shifts: tuple[Shift, ...] = ()
    pay: TimesheetPay | None = None
    holiday_accrued: Decimal | None = None
    bank_holidays: frozenset[date] = frozenset()
    pa_signature: SignatureLine | None = None
    employer_signature: SignatureLine | None = None
    status: str = ""

    @property
    def blank(self) -> bool:
        return self.pay is None


_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _short(day: date, bank_holidays: frozenset[date]) -> str:
    """ "Mon 6 Apr", in English whatever the locale (strftime follows it), and bank holidays marked."""
    text = f"{_DAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]}"
    return text + (" (bank holiday)" if day in bank_holidays else "")


def _hours(minutes: int) -> str:
    return f"{Decimal(minutes) / 60:.2f}"


def _styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("body", fontName=fonts.REGULAR, fontSize=10, leading=13)
    return {
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=8.5, leading=11),
        "title": ParagraphStyle("title", parent=body, fontName=fonts.BOLD, fontSize=18, leading=23),
        "head": ParagraphStyle(
            "head", parent=body, fontName=fonts.BOLD, fontSize=12, spaceBefore=8, spaceAfter=4
        ),
    }


def _grid(
    rows: list[list[Any]], widths: Sequence[float], *, right_from: int, height: list[Any] | None = None
) -> Table:
    table = Table(rows, colWidths=list(widths), rowHeights=height, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), fonts.REGULAR, 9),
                ("FONT", (0, 0), (-1, 0), fonts.BOLD, 9),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (right_from, 0), (-1, -1), "RIGHT"),
            ]
        )
    )
    return table


def _shift_rows(sheet: TimesheetPrint) -> list[list[Any]]:
    rows: list[list[Any]] = [["Date", "Start", "End", "Break (min)", "Type", "Woken (min)", "Hours"]]
    if sheet.blank:
        day = sheet.period_start
        while day <= sheet.period_end:
            label = _short(day, sheet.bank_holidays)
            rows += [[label, "", "", "", "", "", ""], ["", "", "", "", "", "", ""]]
            day += timedelta(days=1)
        return rows
    for sh in sheet.shifts:
        label = _short(sh.day, sheet.bank_holidays)
        end = f"{sh.end:%H:%M}" + (" (next day)" if sh.crosses_midnight else "")
        counted = sh.woken_minutes if sh.kind is ShiftType.SLEEP_IN else sh.minutes
        rows.append(
            [
                label,
                f"{sh.start:%H:%M}",
                end,
                str(sh.break_minutes) if sh.break_minutes else "",
                sh.kind.label,
                str(sh.woken_minutes) if sh.kind is ShiftType.SLEEP_IN else "",
                # An unwoken sleep-in is paid by its allowance alone: no hours to show.
                "—" if sh.kind is ShiftType.SLEEP_IN and not counted else _hours(counted),
            ]
        )
    if not sheet.shifts:
        rows.append(["No shifts recorded", "", "", "", "", "", ""])
    return rows


def _wrap(rows: list[list[Any]]) -> list[list[Any]]:
    """Cells as paragraphs, so a long date or header wraps inside its column instead of spilling."""
    cell = ParagraphStyle("cell", fontName=fonts.REGULAR, fontSize=9, leading=11)
    head = ParagraphStyle("cellhead", parent=cell, fontName=fonts.BOLD)
    right = ParagraphStyle("cellright", parent=cell, alignment=2)
    out = []
    for number, row in enumerate(rows):
        style = head if number == 0 else cell
        out.append(
            [Paragraph(escape(str(v)), right if i == len(row) - 1 else style) for i, v in enumerate(row)]
        )
    return out


def _pay_table(pay: TimesheetPay) -> Table:
    rows: list[list[Any]] = [["Pay", "Hours or nights", "Rate", "Amount"]]
    for line in pay.lines:
        count = (
            f"{line.nights} night{'s' if line.nights != 1 else ''}"
            if line.kind is PayKind.SLEEP_IN
            else _hours(line.minutes)
        )
        per = "a night" if line.kind is PayKind.SLEEP_IN else "an hour"
        rows.append([line.kind.label, count, f"{line.rate} {per}", str(line.amount)])
    rows.append(["Gross pay", "", "", str(pay.gross)])
    table = _grid(rows, [_WIDTH * f for f in (0.4, 0.2, 0.2, 0.2)], right_from=1)
    table.setStyle(TableStyle([("FONT", (0, -1), (-1, -1), fonts.BOLD, 9)]))
    return table


def _signature_block(title: str, signed: SignatureLine | None, st: dict[str, ParagraphStyle]) -> KeepTogether:
    name = escape(signed.name) if signed else ""
    on = long_date(signed.on) if signed else ""
    drawn: Any = ""
    if signed is not None and signed.drawn:
        drawn = Image(io.BytesIO(signed.drawn), width=50 * mm, height=14 * mm, kind="proportional")
    rows = [
        [Paragraph("Name", st["body"]), Paragraph(name, st["body"])],
        [Paragraph("Signature", st["body"]), drawn],
        [Paragraph("Date", st["body"]), Paragraph(on, st["body"])],
    ]
    table = Table(rows, colWidths=[30 * mm, _WIDTH - 30 * mm], rowHeights=[10 * mm, 16 * mm, 10 * mm])
    table.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (1, 0), (1, -1), 0.8, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ]
        )
    )
    return KeepTogether([Paragraph(title, st["head"]), table])


def render(sheet: TimesheetPrint, out: Path) -> Path:
    """Write the timesheet PDF to `out` (a path the person chose) and return it."""
    fonts.register()
    st = _styles()
    period = f"{long_date(sheet.period_start, weekday=True)} to {long_date(sheet.period_end, weekday=True)}"
    story: list[Any] = [
        Paragraph("Timesheet", st["title"]),
        Paragraph(f"<b>PA:</b> {escape(sheet.pa_name)}", st["body"]),
        Paragraph(f"<b>Employer:</b> {escape(sheet.employer)}", st["body"]),
        Paragraph(f"<b>Period:</b> {period}", st["body"]),
    ]
    if sheet.status:
        story.append(Paragraph(f"<b>Status:</b> {escape(sheet.status)}", st["body"]))
    story += [Spacer(1, 4 * mm), Paragraph("Shifts", st["head"])]
    widths = [_WIDTH * f for f in (0.25, 0.08, 0.16, 0.09, 0.17, 0.1, 0.15)]
    rows = _wrap(_shift_rows(sheet))
    # A blank sheet's lines are tall enough to write on by hand; the header keeps its own height.
    heights = [None] + [9 * mm] * (len(rows) - 1) if sheet.blank else None
    story.append(_grid(rows, widths, right_from=6, height=heights))
    story.append(
        Paragraph(
            "An end time earlier than the start means the shift ended the next day. For a sleep-in, write "
            "the minutes you were woken to work; the rest of the night is paid by the sleep-in allowance.",
            st["small"],
        )
    )
    if sheet.pay is not None:
        story += [Paragraph("Pay before tax", st["head"]), _pay_table(sheet.pay)]
        if sheet.holiday_accrued is not None:
            story.append(Spacer(1, 2 * mm))
            story.append(
                Paragraph(f"Holiday built up in this period: {sheet.holiday_accrued} hours.", st["body"])
            )
    story.append(Spacer(1, 4 * mm))
    story.append(Paragraph("I confirm that the hours above are a true record of the work done.", st["body"]))
    story.append(_signature_block("Signed by the PA", sheet.pa_signature, st))
    story.append(
        _signature_block("Signed by the employer or the person acting for them", sheet.employer_signature, st)
    )
    doc = SimpleDocTemplate(
        str(out),
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=16 * mm,
        title=f"Timesheet: {sheet.pa_name}",
        author="PA Manager",
    )
    doc.build(story)
    return out
