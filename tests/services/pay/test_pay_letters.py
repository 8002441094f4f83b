"""The leaver's summary and the pension letter, from the demo book's finalised pay."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from pa_manager.reports.pay_documents.model import PensionOutcome
from pa_manager.services import pay_letters, pay_runs, people
from pa_manager.services.demo import open_new_demo_book
from pa_manager.services.errors import BookError
from tests.conftest import PASSPHRASE


def text_of(path: Path) -> str:
    return " ".join(page.extract_text() for page in PdfReader(path).pages)


def test_leaver_summary_and_pension_letter(tmp_path: Path) -> None:
    book = open_new_demo_book(tmp_path / "demo.pabook", PASSPHRASE, years=1, pas=2)
    try:
        pa = people.list_pas(book)[0]
        with pytest.raises(BookError, match="leaving date"):
            pay_letters.leaver_doc(book, pa.id)
        people.set_leave_date(book, pa.id, date.today() - timedelta(days=3))
        doc = pay_letters.leaver_doc(book, pa.id)
        newest = pay_runs.get_pay_run(book, pay_runs.pay_runs(book)[0].id)
        slip = next(p for p in newest.payslips if p.pa_id == pa.id)
        assert (doc.pay_to_date, doc.tax_to_date) == (slip.ytd.taxable_pay, slip.ytd.tax)
        assert doc.tax_code == slip.tax_code and doc.last_period_label.startswith("Week ")
        text = text_of(pay_letters.export_leaver(book, pa.id, tmp_path / "p45.pdf"))
        assert pa.name in text and doc.tax_code in text

        letter = pay_letters.pension_letter_doc(book, pa.id)
        # Weekly pay above the £192 trigger: an eligible jobholder, enrolled, with an opt-out month.
        assert slip.pension_category == "eligible"
        assert letter.outcome is PensionOutcome.ENROLLED
        assert letter.opt_out_from is not None and letter.opt_out_until is not None
        assert letter.opt_out_until > letter.opt_out_from
        text = text_of(pay_letters.export_pension_letter(book, pa.id, tmp_path / "letter.pdf"))
        assert "opt out" in text.lower() and pa.name in text
    finally:
        book.close()
