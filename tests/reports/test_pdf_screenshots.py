"""Every PDF the app prints, rendered to PNG (poppler's pdftoppm, installed by scripts/setup.sh)
into the git-ignored screenshots/ folder for people to look at, with a check that each page
rendered to a real image and that the PDF's text carries its key items."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from pa_manager.reports.pay_documents import (
    leaver_pdf,
    payslip_pdf,
    pension_letter_pdf,
    rti_sheet_pdf,
    year_end_pdf,
)
from pa_manager.reports.timesheet_pdf import TimesheetPrint, render
from tests.reports.pay_documents import makers
from tests.reports.test_timesheet_pdf import filled

SHOTS = Path(__file__).resolve().parents[2] / "screenshots"

DOCUMENTS: dict[str, tuple[Callable[[Path], Path], tuple[str, ...]]] = {
    "pdf_timesheet": (lambda p: render(filled(), p), ("Timesheet", "Gross pay", "Signed by the PA")),
    "pdf_timesheet_blank": (
        lambda p: render(TimesheetPrint("Jane Smith", "Sam Lee", date(2026, 4, 6), date(2026, 4, 12)), p),
        ("Timesheet", "Signed by the PA"),
    ),
    "pdf_payslip": (
        lambda p: payslip_pdf.write_payslip(makers.payslip(), p),
        ("Gross pay", "Net pay", "Tax code", "QQ 12 34 56 C", "This tax year so far", "Hours"),
    ),
    "pdf_year_end": (lambda p: year_end_pdf.write_year_end(makers.year_end(), p), ("2026-27",)),
    "pdf_leaver": (lambda p: leaver_pdf.write_leaver(makers.leaver(), p), ("leaving",)),
    "pdf_pension_letter": (
        lambda p: pension_letter_pdf.write_pension_letter(makers.pension_letter(), p),
        ("opt out",),
    ),
    "pdf_rti_sheet": (lambda p: rti_sheet_pdf.write_rti_sheet(makers.rti_sheet(), p), ("Basic PAYE Tools",)),
}


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils is installed by setup.sh")
@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_pdf_renders_to_png(name: str, tmp_path: Path) -> None:
    write, must_say = DOCUMENTS[name]
    pdf = write(tmp_path / f"{name}.pdf")
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages).lower()
    for item in must_say:
        assert item.lower() in text, item
    SHOTS.mkdir(exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "70", str(pdf), str(SHOTS / name)], check=True)
    pages = sorted(SHOTS.glob(f"{name}-*.png"))
    assert pages and all(p.stat().st_size > 5_000 for p in pages)
