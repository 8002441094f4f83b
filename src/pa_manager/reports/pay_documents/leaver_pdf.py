"""The leaver's summary in the shape of a P45: what a PA's next employer needs to tax them rightly.

It carries the figures of P45 parts 1A, 2 and 3: the employer's PAYE reference, the PA's NI number and
leaving date, the tax code at leaving and its basis, the last tax week or month, total pay and tax to
date (and this job's own figures when they differ), and whether student loan deductions continue.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from pa_manager.reports.pay_documents import layout
from pa_manager.reports.pay_documents.model import LeaverDoc


def write_leaver(doc: LeaverDoc, path: Path) -> Path:
    """Write the P45-style leaver's summary to `path` and return it."""
    st = layout.styles()
    person: list[tuple[str, layout.Cell]] = [
        ("Employee", doc.employee.name),
        ("NI number", layout.ni_number_text(doc.employee.ni_number)),
    ]
    if doc.employee.payroll_id:
        person.append(("Payroll ID", doc.employee.payroll_id))
    if doc.employee.date_of_birth is not None:
        person.append(("Date of birth", layout.day(doc.employee.date_of_birth)))
    if doc.employee.address_lines:
        person.append(("Address", Paragraph(layout.lines(doc.employee.address_lines), st.cell)))
    person.append(("Leaving date", layout.day(doc.leaving_date)))

    employer: list[tuple[str, layout.Cell]] = [
        ("Employer", doc.employer.name),
        ("PAYE reference", doc.employer.paye_reference or "Not recorded"),
    ]
    if doc.employer.address_lines:
        employer.append(("Address", Paragraph(layout.lines(doc.employer.address_lines), st.cell)))

    tax: list[tuple[str, layout.Cell]] = [
        ("Tax year", f"{doc.tax_year} ({layout.tax_year_span(doc.tax_year)})"),
        ("Tax code at leaving date", doc.tax_code),
        ("Week 1/Month 1 basis", layout.yes_no(doc.week1_month1)),
        ("Last entries: tax week or month", doc.last_period_label),
        ("Total pay to date", layout.money(doc.pay_to_date)),
        ("Total tax to date", layout.money(doc.tax_to_date)),
    ]
    if doc.pay_in_this_employment is not None:
        tax.append(("Pay in this employment", layout.money(doc.pay_in_this_employment)))
    if doc.tax_in_this_employment is not None:
        tax.append(("Tax in this employment", layout.money(doc.tax_in_this_employment)))
    tax += [
        ("Student loan deductions to continue", layout.yes_no(doc.student_loan_continue)),
        ("Postgraduate loan deductions to continue", layout.yes_no(doc.postgraduate_loan_continue)),
    ]

    story: list[Any] = [
        Paragraph("Leaving summary", st.title),
        Paragraph("P45-style details of your pay and tax when you left this job", st.subtitle),
        Paragraph("You", st.head),
        layout.facts(person, st),
        Paragraph("Your employer", st.head),
        layout.facts(employer, st),
        Paragraph("Pay and tax in this tax year", st.head),
        layout.facts(tax, st, label_share=0.55),
        Spacer(1, 4 * mm),
    ]
    if doc.week1_month1:
        story.append(
            Paragraph(
                "Your tax code was used on a week 1/month 1 basis, so each payment was taxed on its own. "
                "A new employer should carry on using this code on the same basis.",
                st.body,
            )
        )
    story += [
        Paragraph(
            "Give these details to your next employer (or to Jobcentre Plus if you claim benefits) so they "
            "can use the right tax code. Keep a copy: you cannot get a duplicate P45.",
            st.body,
        ),
    ]
    if doc.issued_on is not None:
        story.append(
            Paragraph(f"Given on {layout.day(doc.issued_on)} by {layout.text(doc.employer.name)}.", st.body)
        )
    story += [Paragraph(layout.text(note), st.body) for note in doc.notes]
    footer = f"Leaving summary: {doc.employee.name}, left {layout.day(doc.leaving_date)}"
    return layout.build(path, story, title=f"Leaving summary: {doc.employee.name}", footer=footer)
