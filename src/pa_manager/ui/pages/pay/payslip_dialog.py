"""A payslip's figures, read-only: pay by line, each deduction, net pay, what the employer pays on
top, and the year to date. Shown as a document a screen reader can walk and the keyboard can scroll."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from pa_manager.domain.money import Money
from pa_manager.domain.people import long_date
from pa_manager.services.pay_types import PayRunPreview, Payslip, PayslipSource
from pa_manager.ui.pages.pay.pay_text import WARNING_SIGN
from pa_manager.ui.text_size import ScaledLabel, fit_to_text


def _rows(items: list[tuple[str, str]], *, total: tuple[str, str] | None = None) -> str:
    cells = "".join(
        f"<tr><td>{escape(name)}</td><td align='right'>{escape(value)}</td></tr>" for name, value in items
    )
    if total is not None:
        cells += (
            f"<tr><td><b>{escape(total[0])}</b></td><td align='right'><b>{escape(total[1])}</b></td></tr>"
        )
    return f"<table cellspacing='0' cellpadding='3' width='100%'>{cells}</table>"


def _money_items(pairs: list[tuple[str, Money]], *, keep_zero: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    return [(name, value.format()) for name, value in pairs if value or name in keep_zero]


def payslip_html(slip: Payslip, run: PayRunPreview) -> str:
    """The payslip as simple HTML: headings, then two-column tables with money on the right."""
    basis = " (week 1 / month 1 basis)" if slip.tax_basis == "week1_month1" else ""
    facts = [
        ("Pay period", f"{run.label}: {long_date(run.period_start)} to {long_date(run.period_end)}"),
        ("Pay date", long_date(run.pay_date)),
        ("Tax code", (slip.tax_code or "Not given") + basis),
        ("National Insurance number", slip.ni_number or "Not recorded"),
        ("National Insurance category", slip.ni_category or "Not given"),
    ]
    if slip.source is PayslipSource.BUREAU:
        facts.append(("Worked out by", "Your payroll bureau (figures typed in)"))
    pay = []
    for line in slip.lines:
        detail = ""
        if line.nights:
            detail = f" ({line.nights} night{'' if line.nights == 1 else 's'} at {line.rate})"
        elif line.minutes:
            detail = f" ({line.hours} hours at {line.rate} an hour)"
        pay.append((line.label + detail, line.amount.format()))
    deductions = _money_items(
        [
            ("Income tax" + (" (refund)" if slip.tax.is_negative else ""), slip.tax),
            ("Employee National Insurance", slip.employee_ni),
            ("Pension (employee)", slip.pension_employee),
            ("Student loan", slip.student_loan),
            ("Postgraduate loan", slip.postgraduate_loan),
        ],
        keep_zero=("Income tax", "Employee National Insurance"),
    )
    employer = _money_items(
        [
            ("Employer National Insurance", slip.employer_ni),
            ("Employment Allowance (paid by HMRC's allowance)", slip.employment_allowance),
            ("Employer pension", slip.pension_employer),
        ],
        keep_zero=("Employer National Insurance",),
    )
    ytd = slip.ytd
    year = _money_items(
        [
            ("Gross pay", ytd.gross),
            ("Taxable pay", ytd.taxable_pay),
            ("Income tax", ytd.tax),
            ("Employee National Insurance", ytd.employee_ni),
            ("Pension (employee)", ytd.pension_employee),
            ("Student loan", ytd.student_loan),
            ("Postgraduate loan", ytd.postgraduate_loan),
        ],
        keep_zero=("Gross pay", "Income tax", "Employee National Insurance"),
    )
    parts = [
        f"<h3>{escape(slip.pa_name)}</h3>",
        _rows(facts),
        "<h4>Pay</h4>",
        _rows(pay, total=("Gross pay", slip.gross.format())),
        "<h4>Deductions</h4>",
        _rows(deductions, total=("Total deductions", slip.deductions.format())),
        "<h4>Net pay</h4>",
        _rows([], total=("Net pay to the PA", slip.net.format())),
        "<h4>The employer pays on top (not taken from pay)</h4>",
        _rows(employer),
        f"<h4>This tax year so far ({escape(str(run.tax_year))})</h4>",
        _rows(year),
    ]
    if slip.warnings:
        notes = "".join(f"<p>{WARNING_SIGN} {escape(w)}</p>" for w in slip.warnings)
        parts += ["<h4>Things to check</h4>", notes]
    return "".join(parts)


class PayslipDialog(QDialog):
    """Read-only; Escape or Close closes it."""

    def __init__(self, slip: Payslip, run: PayRunPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slip = slip
        self.setWindowTitle(f"Payslip: {slip.pa_name}, {run.label}")
        heading = ScaledLabel(f"Payslip for {slip.pa_name}", scale=1.25, bold=True)
        heading.setWordWrap(True)
        intro = QLabel(
            "These are the payslip's figures. To give the PA their payslip, choose Save payslips as "
            "PDF… on the Pay page."
        )
        intro.setWordWrap(True)
        self.document = QTextBrowser()
        self.document.setAccessibleName(f"Payslip for {slip.pa_name}")
        self.document.setOpenLinks(False)
        self.document.setTabChangesFocus(True)
        self.document.setHtml(payslip_html(slip, run))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        column = QVBoxLayout(self)
        column.addWidget(heading)
        column.addWidget(intro)
        column.addWidget(self.document, 1)
        column.addWidget(buttons)
        fit_to_text(self, 70, 36)
        self.document.setFocus()
