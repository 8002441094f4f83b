"""The payslip: an itemised pay statement with everything ERA 1996 s.8 requires, on one A4 page.

Order on the page: who (employer, PA), the period and tax details, pay by rate with hours, each
deduction with its amount and whether it is fixed, net pay (and how it is paid if split), then the
tax year so far, the employer's own costs for information, holiday, and notes.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer

from pa_manager.domain.money import Money
from pa_manager.reports.pay_documents import layout
from pa_manager.reports.pay_documents.model import PayslipDoc


def _header(doc: PayslipDoc, st: layout.Styles) -> Any:
    """Who, when and how taxed, in one grid: the employer's side on the left, the PA's on the right."""
    address = ", ".join(doc.employer.address_lines)
    rows: list[tuple[str, layout.Cell, str, layout.Cell]] = [
        ("Employer", doc.employer.name, "Employee", doc.employee.name),
        (
            "PAYE reference",
            doc.employer.paye_reference or "Not recorded",
            "NI number",
            layout.ni_number_text(doc.employee.ni_number),
        ),
    ]
    if address or doc.employee.payroll_id:
        rows.append(("Address", address, "Payroll ID", doc.employee.payroll_id))
    rows += [
        ("Pay period", doc.period_label, "Tax code", layout.tax_code_text(doc.tax_code, doc.week1_month1)),
        (
            "Period dates",
            f"{layout.day(doc.period_start)} to {layout.day(doc.period_end)}",
            "NI category",
            doc.ni_category,
        ),
        ("Pay date", layout.day(doc.pay_date), "Tax year", doc.tax_year),
    ]
    return layout.facts_grid(rows, st)


def _pay(doc: PayslipDoc, st: layout.Styles) -> Any:
    rows: list[list[layout.Cell]] = [["Pay", "Hours", "Rate", "Amount"]]
    for line in doc.pay_lines:
        if line.nights is not None:
            count = f"{line.nights} night{'s' if line.nights != 1 else ''}"
            per = "a night"
        else:
            count = layout.hours(line.hours) if line.hours is not None else ""
            per = "an hour"
        rate = f"{layout.money(line.rate)} {per}" if line.rate is not None else ""
        rows.append([line.description, count, rate, layout.money(line.amount)])
    total = doc.total_hours
    rows.append(["Gross pay", layout.hours(total) if total is not None else "", "", layout.money(doc.gross)])
    widths = [layout.WIDTH * f for f in (0.43, 0.15, 0.22, 0.20)]
    return layout.grid(rows, widths, st, right_from=1, bold_last=1)


def _deductions(doc: PayslipDoc, st: layout.Styles) -> Any:
    rows: list[list[layout.Cell]] = [["Deduction", "Kind", "Amount"]]
    for item in doc.deductions:
        name = item.description + (f" ({item.note})" if item.note else "")
        amount = layout.money(item.amount) + (" refund" if item.amount.is_negative else "")
        rows.append([name, "Fixed" if item.fixed else "Varies with pay", amount])
    if not doc.deductions:
        rows.append(["No deductions this time", "", layout.money(doc.total_deductions)])
    rows.append(["Total deductions", "", layout.money(doc.total_deductions)])
    widths = [layout.WIDTH * f for f in (0.55, 0.25, 0.20)]
    return layout.grid(rows, widths, st, right_from=2, bold_last=1)


def _net(doc: PayslipDoc, st: layout.Styles) -> Any:
    content: list[Any] = [Paragraph(f"Net pay (take-home): {layout.money(doc.net)}", st.big)]
    if doc.payment_parts:
        parts = "; ".join(f"{layout.text(p.method)} {layout.money(p.amount)}" for p in doc.payment_parts)
        content.append(Paragraph(f"Paid as: {parts}", st.body))
    content.append(Paragraph(f"Paid on {layout.day(doc.pay_date)}", st.body))
    return layout.boxed(content)


def _money_list(title: str, items: Mapping[str, Money], st: layout.Styles, width: float) -> Any:
    rows: list[list[layout.Cell]] = [[title, "Amount"]]
    rows += [[label, layout.money(value)] for label, value in items.items()]
    return layout.grid(rows, [width * 0.62, width * 0.38], st, right_from=1)


def write_payslip(doc: PayslipDoc, path: Path) -> Path:
    """Write the payslip PDF to `path` and return it."""
    st = layout.styles()
    half = (layout.WIDTH - 6 * mm) / 2
    story: list[Any] = [
        Paragraph("Payslip", st.title),
        Paragraph(f"{layout.text(doc.employee.name)}: {layout.text(doc.period_label)}", st.subtitle),
        _header(doc, st),
        Paragraph("Pay before deductions", st.head),
        _pay(doc, st),
        Paragraph("Deductions", st.head),
        _deductions(doc, st),
        Spacer(1, 4 * mm),
        _net(doc, st),
    ]
    ytd = (
        _money_list("This tax year so far", doc.year_to_date, st, half)
        if doc.year_to_date
        else Paragraph("", st.body)
    )
    costs = (
        _money_list("Paid by your employer on top (for information)", doc.employer_costs, st, half)
        if doc.employer_costs
        else Paragraph("", st.body)
    )
    if doc.year_to_date or doc.employer_costs:
        story += [Spacer(1, 4 * mm), layout.side_by_side(ytd, costs)]
    if doc.holiday is not None:
        h = doc.holiday
        text = (
            f"Holiday: {layout.hours(h.taken_hours)} hours taken this period; "
            f"{layout.hours(h.remaining_hours)} hours left"
        )
        if h.leave_year_end is not None:
            text += f" to {layout.day(h.leave_year_end)}"
        text += "."
        if h.accrued_hours is not None:
            text += f" Built up this period: {layout.hours(h.accrued_hours)} hours."
        story += [Spacer(1, 3 * mm), Paragraph(layout.text(text), st.body)]
    if doc.notes:
        notes = [Paragraph(layout.text(note), st.body) for note in doc.notes]
        story.append(KeepTogether([Paragraph("Notes", st.head), *notes]))
    footer = f"Payslip for {doc.employee.name}, {doc.period_label}. Keep your payslips: you may need them."
    return layout.build(path, story, title=f"Payslip: {doc.employee.name}, {doc.period_label}", footer=footer)
