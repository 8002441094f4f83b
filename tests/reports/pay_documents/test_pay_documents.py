"""Each pay document written to PDF, its text read back with pypdf, the required items checked."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from pa_manager.domain.money import Money
from pa_manager.reports.pay_documents.leaver_pdf import write_leaver
from pa_manager.reports.pay_documents.model import HoursBand, PaymentPartDoc, PensionOutcome
from pa_manager.reports.pay_documents.payslip_pdf import write_payslip
from pa_manager.reports.pay_documents.pension_letter_pdf import write_pension_letter
from pa_manager.reports.pay_documents.rti_sheet_pdf import write_rti_sheet
from pa_manager.reports.pay_documents.year_end_pdf import write_year_end
from tests.reports.pay_documents import makers


def pdf_text(path: Path) -> tuple[str, int]:
    reader = PdfReader(path)
    text = "\n".join(page.extract_text() for page in reader.pages)
    return " ".join(text.split()), len(reader.pages)


def test_payslip_shows_every_legally_required_item(tmp_path: Path) -> None:
    doc = makers.payslip()
    out = write_payslip(doc, tmp_path / "payslip.pdf")
    assert out == tmp_path / "payslip.pdf"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["payslip.pdf"]  # nothing else written
    text, pages = pdf_text(out)
    assert pages == 1
    # ERA 1996 s.8: gross, each deduction with its amount and purpose, net, hours by rate.
    assert "Gross pay 38.00 £525.00" in text
    assert "Standard hours 30.00 £13.50 an hour £405.00" in text
    assert "Evening hours 8.00 £15.00 an hour £120.00" in text
    for d in doc.deductions:
        assert d.description in text
        assert d.amount.format() in text
    assert "Income tax Varies with pay £56.60" in text
    assert "National Insurance Varies with pay £22.64" in text
    assert "£16.20" in text
    assert f"Total deductions {doc.total_deductions.format()}" in text
    assert doc.net == Money.parse("429.56")
    assert "Net pay (take-home): £429.56" in text
    # Tax code, NI number, period and pay date; year to date.
    for item in ("1257L", "QQ 12 34 56 C", "Week 32 (2026-27)", "2 November 2026", "13 November 2026"):
        assert item in text
    assert "Taxable pay £16,800.00" in text
    assert "Income tax £1,811.60" in text
    assert "Employee NI £724.48" in text
    assert "Employer NI £64.35" in text
    assert "123/AB45678" in text
    assert "98.50 hours left" in text


def test_payslip_notes_payment_split_and_emergency_code(tmp_path: Path) -> None:
    doc = dataclasses.replace(
        makers.payslip(),
        tax_code="1257L",
        week1_month1=True,
        payment_parts=(
            PaymentPartDoc("Bank transfer", Money.parse("400.00")),
            PaymentPartDoc("Cash", Money.parse("29.56")),
        ),
        notes=("Emergency tax code used: no code was recorded.",),
    )
    text, _ = pdf_text(write_payslip(doc, tmp_path / "p.pdf"))
    assert "1257L (week 1/month 1 basis)" in text
    assert "Bank transfer £400.00; Cash £29.56" in text
    assert "Emergency tax code used: no code was recorded." in text


def test_payslip_refuses_figures_that_do_not_add_up() -> None:
    doc = makers.payslip()
    with pytest.raises(ValueError, match="net"):
        dataclasses.replace(doc, net=doc.net + Money(1))
    with pytest.raises(ValueError, match="gross"):
        dataclasses.replace(doc, gross=doc.gross + Money(1), net=doc.net + Money(1))


def test_year_end_summary(tmp_path: Path) -> None:
    doc = makers.year_end()
    text, pages = pdf_text(write_year_end(doc, tmp_path / "p60.pdf"))
    assert pages == 1
    assert "2026-27 (6 April 2026 to 5 April 2027)" in text
    assert f"In this employment {doc.pay_in_this_employment.format()}" in text
    assert f"Total for the year {doc.total_pay_for_year.format()} {doc.total_tax_for_year.format()}" in text
    assert "In previous employments (from your P45) £1,200.00 £0.00" in text
    assert "Final tax code 1257L" in text
    ni = doc.ni_categories[0]
    row = " ".join(
        m.format() for m in (ni.at_lel, ni.lel_to_pt, ni.pt_to_uel, ni.employee_ni, ni.employer_ni)
    )
    assert f"A {row}" in text
    assert ni.at_lel == Money.parse("129.00") * 52
    assert "QQ 12 34 56 C" in text and "123/AB45678" in text
    assert "Student loan deductions £0.00" in text


def test_leaver_summary(tmp_path: Path) -> None:
    doc = makers.leaver()
    text, pages = pdf_text(write_leaver(doc, tmp_path / "p45.pdf"))
    assert pages == 1
    for item in (
        "Leaving date 8 November 2026",
        "Tax code at leaving date 1257L",
        "Week 1/Month 1 basis No",
        "Last entries: tax week or month Week 32",
        "Total pay to date £16,800.00",
        "Total tax to date £1,811.60",
        "Student loan deductions to continue Yes",
        "Postgraduate loan deductions to continue No",
        "PAYE reference 123/AB45678",
        "NI number QQ 12 34 56 C",
    ):
        assert item in text


@pytest.mark.parametrize("outcome", list(PensionOutcome))
def test_pension_letter_per_outcome(tmp_path: Path, outcome: PensionOutcome) -> None:
    doc = makers.pension_letter(outcome)
    text, pages = pdf_text(write_pension_letter(doc, tmp_path / "letter.pdf"))
    assert pages == 1
    assert "Dear Sam Patel," in text and "NEST" in text and "moneyhelper.org.uk" in text
    if outcome is PensionOutcome.ENROLLED:
        assert "put you into NEST from 20 April 2026" in text
        assert "5% of your qualifying earnings" in text and "I pay in 3%" in text
        assert "opt out between 1 May 2026 and 1 June 2026" in text
        assert "opt-out form from the pension scheme" in text
        assert "4% is taken from your pay" in text
    elif outcome is PensionOutcome.NON_ELIGIBLE:
        assert "right to join (opt in)" in text and "pay in too" in text
    elif outcome is PensionOutcome.ENTITLED:
        assert "right to ask to join" in text and "Not required" in text
    else:
        assert "postponing until 20 July 2026" in text and "ask to join before then" in text


def test_rti_sheet_reads_as_instructions(tmp_path: Path) -> None:
    doc = makers.rti_sheet()
    text, _ = pdf_text(write_rti_sheet(doc, tmp_path / "rti.pdf"))
    assert "Open Basic PAYE Tools" in text
    assert "Employees → Sam Patel → Payments → Add employee payment" in text
    for item in (
        "Payment date 13 November 2026",
        "Pay frequency Weekly",
        "Hours normally worked D: 30 or more hours a week",
        "Tax code 1257L",
        "NI category letter A",
        "Gross pay subject to tax this period £525.00",
        "Income tax £56.60 £1,811.60",
        "Taxable pay £525.00 £16,800.00",
        "Employee NI (category A) £22.64",
        "Employer NI (category A) £64.35",
        "Send → Full Payment Submission",
        "Total to pay HMRC £316.96",
        "22 December 2026",
        "123PA000456782608",
    ):
        assert item in text
    assert "Employer payment summary" not in text  # nothing to type on an EPS this month


def test_rti_sheet_with_employment_allowance_claim(tmp_path: Path) -> None:
    doc = makers.rti_sheet()
    assert doc.eps is not None
    doc = dataclasses.replace(doc, eps=dataclasses.replace(doc.eps, claim_employment_allowance=True))
    text, _ = pdf_text(write_rti_sheet(doc, tmp_path / "rti.pdf"))
    assert "Employer → Employer payment summary" in text
    assert "Employment Allowance indicator Yes" in text


def test_rti_total_due_must_add_up() -> None:
    doc = makers.rti_sheet()
    with pytest.raises(ValueError, match="total due"):
        dataclasses.replace(doc, total_due=doc.total_due + Money(1))


@pytest.mark.parametrize(
    ("hours", "band"),
    [
        (Decimal("15.99"), HoursBand.UP_TO_16),
        (Decimal("16"), HoursBand.FROM_16_TO_24),
        (Decimal("23.99"), HoursBand.FROM_16_TO_24),
        (Decimal("24"), HoursBand.FROM_24_TO_30),
        (Decimal("30"), HoursBand.THIRTY_OR_MORE),
        (None, HoursBand.OTHER),
    ],
)
def test_hours_band(hours: Decimal | None, band: HoursBand) -> None:
    assert HoursBand.for_weekly_hours(hours) is band
