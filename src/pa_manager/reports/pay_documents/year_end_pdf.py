"""The year-end summary in the shape of a P60: pay, tax and NI for the tax year, per PA.

The employer gives it to each PA still employed on 5 April, by 31 May. It shows what form P60 shows:
pay and tax in this employment (and any previous one this year), the final tax code, NI by category
letter with the earnings bands and contributions, student loan deductions and statutory payments.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from pa_manager.domain.money import Money
from pa_manager.reports.pay_documents import layout
from pa_manager.reports.pay_documents.model import YearEndDoc


def _who(doc: YearEndDoc, st: layout.Styles) -> Any:
    half = (layout.WIDTH - 6 * mm) / 2
    employee: list[tuple[str, layout.Cell]] = [
        ("Employee", doc.employee.name),
        ("NI number", layout.ni_number_text(doc.employee.ni_number)),
    ]
    if doc.employee.payroll_id:
        employee.append(("Payroll ID", doc.employee.payroll_id))
    if doc.employee.address_lines:
        employee.append(("Address", Paragraph(layout.lines(doc.employee.address_lines), st.cell)))
    employer: list[tuple[str, layout.Cell]] = [("Employer", doc.employer.name)]
    if doc.employer.paye_reference:
        employer.append(("PAYE reference", doc.employer.paye_reference))
    if doc.employer.address_lines:
        employer.append(("Address", Paragraph(layout.lines(doc.employer.address_lines), st.cell)))
    return layout.side_by_side(layout.facts(employee, st, width=half), layout.facts(employer, st, width=half))


def _pay_and_tax(doc: YearEndDoc, st: layout.Styles) -> Any:
    rows: list[list[layout.Cell]] = [["", "Pay", "Tax deducted"]]
    if doc.previous_employment_pay is not None or doc.previous_employment_tax is not None:
        rows.append(
            [
                "In previous employments (from your P45)",
                layout.money(doc.previous_employment_pay or Money.zero()),
                layout.money(doc.previous_employment_tax or Money.zero()),
            ]
        )
    rows.append(
        [
            "In this employment",
            layout.money(doc.pay_in_this_employment),
            layout.money(doc.tax_in_this_employment),
        ]
    )
    rows.append(
        ["Total for the year", layout.money(doc.total_pay_for_year), layout.money(doc.total_tax_for_year)]
    )
    widths = [layout.WIDTH * f for f in (0.5, 0.25, 0.25)]
    return layout.grid(rows, widths, st, right_from=1, bold_last=1)


def _ni(doc: YearEndDoc, st: layout.Styles) -> Any:
    rows: list[list[layout.Cell]] = [
        [
            "Letter",
            "Earnings at the LEL",
            "Earnings above the LEL, up to the PT",
            "Earnings above the PT, up to the UEL",
            "Your NI (on earnings above the PT)",
            "Employer NI",
        ]
    ]
    for n in doc.ni_categories:
        rows.append(
            [
                n.letter,
                layout.money(n.at_lel),
                layout.money(n.lel_to_pt),
                layout.money(n.pt_to_uel),
                layout.money(n.employee_ni),
                layout.money(n.employer_ni),
            ]
        )
    if not doc.ni_categories:
        rows.append(["None", "", "", "", "", ""])
    widths = [layout.WIDTH * f for f in (0.12, 0.16, 0.18, 0.18, 0.19, 0.17)]
    return layout.grid(rows, widths, st, right_from=1)


def write_year_end(doc: YearEndDoc, path: Path) -> Path:
    """Write the P60-style year-end summary to `path` and return it."""
    st = layout.styles()
    story: list[Any] = [
        Paragraph("End of year certificate", st.title),
        Paragraph(
            f"P60-style summary for the tax year {layout.text(doc.tax_year)} "
            f"({layout.tax_year_span(doc.tax_year)})",
            st.subtitle,
        ),
        _who(doc, st),
        Paragraph("Pay and income tax", st.head),
        _pay_and_tax(doc, st),
        Spacer(1, 3 * mm),
        layout.facts([("Final tax code", layout.tax_code_text(doc.final_tax_code, doc.week1_month1))], st),
        Paragraph("National Insurance contributions in this employment", st.head),
        _ni(doc, st),
        Paragraph(
            "LEL: Lower Earnings Limit. PT: Primary Threshold. UEL: Upper Earnings Limit. Earnings at the "
            "LEL count towards your State Pension even though no NI is paid on them.",
            st.small,
        ),
    ]
    other: list[tuple[str, layout.Cell]] = []
    if doc.student_loan_deductions is not None:
        other.append(("Student loan deductions", layout.money(doc.student_loan_deductions)))
    if doc.postgraduate_loan_deductions is not None:
        other.append(("Postgraduate loan deductions", layout.money(doc.postgraduate_loan_deductions)))
    other += [
        (f"{label} (included in pay above)", layout.money(v)) for label, v in doc.statutory_payments.items()
    ]
    if doc.employee_pension is not None:
        other.append(("Your pension contributions (for information)", layout.money(doc.employee_pension)))
    if other:
        story += [Paragraph("Other figures for the year", st.head), layout.facts(other, st, label_share=0.6)]
    story += [
        Spacer(1, 4 * mm),
        Paragraph(
            "This shows your total pay for income tax in this employment for the year, including any "
            "statutory sick or family pay, and the tax and National Insurance taken from it. Keep it "
            "safe: you may need it to check your tax, claim a refund or show your income.",
            st.body,
        ),
    ]
    if doc.issued_on is not None:
        story.append(
            Paragraph(f"Given on {layout.day(doc.issued_on)} by {layout.text(doc.employer.name)}.", st.body)
        )
    story += [Paragraph(layout.text(note), st.body) for note in doc.notes]
    footer = f"End of year certificate {doc.tax_year}: {doc.employee.name}"
    return layout.build(
        path, story, title=f"End of year certificate {doc.tax_year}: {doc.employee.name}", footer=footer
    )
