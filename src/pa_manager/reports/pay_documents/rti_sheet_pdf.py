"""The RTI entry sheet: for one payday, what to type into HMRC's Basic PAYE Tools, step by step.

Basic PAYE Tools works out tax and NI itself from what is typed in, so the sheet gives the figures to
type and then the figures it should show, to check. Screen names follow HMRC's user guide; they can
differ a little between versions of the tool, which the sheet says.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer

from pa_manager.domain.money import Money
from pa_manager.reports.pay_documents import layout
from pa_manager.reports.pay_documents.model import EpsEntry, FpsEmployeeEntry, RtiEntryDoc

_ARROW = " → "


def _step(number: int, text: str, st: layout.Styles) -> Paragraph:
    return Paragraph(f"<b>Step {number}.</b> {text}", st.body)


def _path(*screens: str) -> str:
    return "<b>" + _ARROW.join(layout.text(s) for s in screens) + "</b>"


def _employee(entry: FpsEmployeeEntry, number: int, st: layout.Styles) -> list[Any]:
    who = entry.employee
    gross_for_ni = Money.total(n.gross_earnings for n in entry.ni)
    enter: list[tuple[str, layout.Cell]] = [
        ("Payment date", layout.day(entry.payment_date)),
        ("Pay frequency", entry.pay_frequency),
        ("Tax period (shown by the tool)", str(entry.period_number)),
        ("Hours normally worked", f"{entry.hours_band.letter}: {entry.hours_band.label} hours a week"),
        ("Tax code", entry.tax_code),
        ("Week 1/Month 1", layout.yes_no(entry.week1_month1)),
        ("NI category letter", ", ".join(n.letter for n in entry.ni) or "A"),
        ("Gross pay subject to tax this period", layout.money(entry.taxable_pay)),
        ("Gross pay subject to NI this period", layout.money(gross_for_ni)),
    ]
    for label, value in entry.statutory_payments.items():
        enter.append((f"{label} paid this period (included above)", layout.money(value)))
    if entry.student_loan or entry.student_loan_plan:
        plan = f" ({entry.student_loan_plan})" if entry.student_loan_plan else ""
        enter.append((f"Student loan plan{plan}: deduction", layout.money(entry.student_loan)))
    if entry.postgraduate_loan:
        enter.append(("Postgraduate loan deduction", layout.money(entry.postgraduate_loan)))

    check: list[list[layout.Cell]] = [["Check the tool shows", "This period", "Year to date"]]
    check.append(["Income tax", layout.money(entry.tax), layout.money(entry.tax_to_date)])
    check.append(["Taxable pay", layout.money(entry.taxable_pay), layout.money(entry.pay_to_date)])
    for n in entry.ni:
        check.append([f"Employee NI (category {n.letter})", layout.money(n.employee_ni), ""])
        check.append([f"Employer NI (category {n.letter})", layout.money(n.employer_ni), ""])
        check.append([f"Earnings at the LEL ({n.letter})", layout.money(n.at_lel), ""])
        check.append([f"Earnings above the LEL, up to the PT ({n.letter})", layout.money(n.lel_to_pt), ""])
        check.append([f"Earnings above the PT, up to the UEL ({n.letter})", layout.money(n.pt_to_uel), ""])
    if entry.student_loan:
        check.append(["Student loan", layout.money(entry.student_loan), ""])

    ids = f"NI number {layout.text(layout.ni_number_text(who.ni_number))}"
    if who.payroll_id:
        ids += f", payroll ID {layout.text(who.payroll_id)}"
    header = Paragraph(
        f"<b>Step {number}. {layout.text(who.name)}</b> ({ids}): choose "
        f"{_path('Employees', who.name, 'Payments', 'Add employee payment')} and enter:",
        st.body,
    )
    parts: list[Any] = [header]
    if entry.starter:
        parts.append(
            Paragraph(
                "This is the first payment to this PA: if the tool asks, enter the start date and the "
                "starter declaration (A, B or C) from their starter checklist or P45.",
                st.small,
            )
        )
    if entry.leaving_date is not None:
        parts.append(
            Paragraph(
                f"This is the last payment: enter the leaving date, <b>{layout.day(entry.leaving_date)}</b>, "
                "on this payment so it goes on this FPS.",
                st.small,
            )
        )
    parts += [
        layout.facts(enter, st, label_share=0.55),
        Spacer(1, 2 * mm),
        Paragraph(
            "Then press Next until the tool works out the deductions, and check it shows these figures:",
            st.body,
        ),
        layout.grid(check, [layout.WIDTH * f for f in (0.46, 0.32, 0.22)], st, right_from=1),
        Paragraph(
            "If a figure differs, do not send: check the tax code, the pay and the payment date first.",
            st.small,
        ),
    ]
    if entry.employee_pension:
        parts.append(
            Paragraph(
                f"The pension contribution of {layout.money(entry.employee_pension)} is not typed into "
                "Basic PAYE Tools: it goes to the pension scheme.",
                st.small,
            )
        )
    parts.append(Spacer(1, 3 * mm))
    return parts


def _eps_needed(eps: EpsEntry) -> bool:
    """Whether the EPS has anything to type in (the allowance used is for information only)."""
    return bool(
        eps.claim_employment_allowance
        or eps.statutory_recovery
        or eps.no_payment_for_period
        or eps.final_submission_for_year
    )


def _eps(eps: EpsEntry, number: int, st: layout.Styles) -> list[Any]:
    enter: list[tuple[str, layout.Cell]] = [("Tax month", f"{eps.tax_month}")]
    if eps.claim_employment_allowance:
        enter.append(("Employment Allowance indicator", "Yes (claim it for this tax year)"))
    for label, value in eps.statutory_recovery.items():
        enter.append((label, layout.money(value)))
    if eps.no_payment_for_period:
        enter.append(("No payment to employees in this period", "Yes"))
    if eps.final_submission_for_year:
        enter.append(("Final submission for the tax year", "Yes"))
    return [
        KeepTogether(
            [
                Paragraph(
                    f"<b>Step {number}. Employer Payment Summary (EPS).</b> Choose "
                    f"{_path('Employer', 'Employer payment summary')} and enter:",
                    st.body,
                ),
                layout.facts(enter, st, label_share=0.55),
                Paragraph(
                    f"Then {_path('Send')} the EPS. Send it by the 19th of the month after the tax month so "
                    "HMRC takes it off what you owe.",
                    st.body,
                ),
            ]
        ),
        Spacer(1, 3 * mm),
    ]


def _due(doc: RtiEntryDoc, st: layout.Styles) -> list[Any]:
    rows: list[list[layout.Cell]] = [
        ["What you owe HMRC" + (f" for {doc.period_label}" if doc.period_label else ""), "Amount"]
    ]
    rows += [
        ["Income tax", layout.money(doc.total_tax)],
        ["Employees' NI", layout.money(doc.total_employee_ni)],
        ["Employer NI", layout.money(doc.total_employer_ni)],
    ]
    if doc.total_student_loan:
        rows.append(["Student and postgraduate loans", layout.money(doc.total_student_loan)])
    if doc.employment_allowance_offset:
        rows.append(["Less Employment Allowance", layout.money(-doc.employment_allowance_offset)])
    if doc.statutory_recovery:
        rows.append(["Less statutory pay recovered", layout.money(-doc.statutory_recovery)])
    rows.append(["Total to pay HMRC", layout.money(doc.total_due)])
    how = f"Pay <b>{layout.money(doc.total_due)}</b> so that it reaches HMRC by "
    how += f"<b>{layout.day(doc.due_date)}</b>"
    how += " (you pay quarterly)." if doc.quarterly else "."
    if doc.payment_reference:
        how += f" Use the reference <b>{layout.text(doc.payment_reference)}</b>."
    how += " HMRC's bank details are at gov.uk/pay-paye-tax."
    info: list[Any] = []
    if doc.eps is not None and doc.eps.employment_allowance_used_to_date:
        info.append(
            Paragraph(
                "Employment Allowance used so far this tax year: "
                f"{layout.money(doc.eps.employment_allowance_used_to_date)}. You take it off what you "
                "pay; you do not enter it each month.",
                st.small,
            )
        )
    return [
        *info,
        layout.grid(rows, [layout.WIDTH * 0.7, layout.WIDTH * 0.3], st, right_from=1, bold_last=1),
        Spacer(1, 3 * mm),
        layout.boxed([Paragraph(how, st.body)]),
    ]


def write_rti_sheet(doc: RtiEntryDoc, path: Path) -> Path:
    """Write the RTI entry sheet for one payday to `path` and return it."""
    st = layout.styles()
    ref = (
        f" (PAYE reference {layout.text(doc.employer.paye_reference)})" if doc.employer.paye_reference else ""
    )
    story: list[Any] = [
        Paragraph("What to enter in Basic PAYE Tools", st.title),
        Paragraph(f"Payday {layout.day(doc.pay_date)}, tax year {layout.text(doc.tax_year)}", st.subtitle),
        Paragraph(
            "Send this Full Payment Submission (FPS) <b>on or before the payday</b>. The tool works out tax "
            "and NI itself; the figures below are what it should show. Screen names can differ a little "
            "between versions of the tool.",
            st.body,
        ),
        Spacer(1, 2 * mm),
        _step(
            1,
            f"Open Basic PAYE Tools and choose the employer <b>{layout.text(doc.employer.name)}</b>{ref}, "
            f"tax year {layout.text(doc.tax_year)}.",
            st,
        ),
    ]
    number = 2
    for entry in doc.employees:
        story += _employee(entry, number, st)
        number += 1
    story.append(
        _step(
            number,
            f"When every payment for this payday is in, choose {_path('Send', 'Full Payment Submission')}, "
            f"check the totals and send it. Keep a note of the date it was accepted.",
            st,
        )
    )
    number += 1
    story.append(Spacer(1, 3 * mm))
    if doc.eps is not None and _eps_needed(doc.eps):
        story += _eps(doc.eps, number, st)
        number += 1
    story.append(KeepTogether([_step(number, "Pay HMRC.", st), *_due(doc, st)]))
    if doc.notes:
        story.append(Paragraph("Notes", st.head))
        story += [Paragraph(layout.text(note), st.body) for note in doc.notes]
    footer = f"Basic PAYE Tools entry sheet: {doc.employer.name}, payday {layout.day(doc.pay_date)}"
    return layout.build(path, story, title=f"RTI entry sheet {layout.day(doc.pay_date)}", footer=footer)
