"""Pay runs written out as documents: payslips, the RTI entry sheet and the year-end summary."""

from __future__ import annotations

from pathlib import Path

from pa_manager.services import pay_documents, pay_runs
from pa_manager.services.book import Book
from tests.services.pay.helpers import WEEK1, WEEKLY, YEAR, add_pa, week


def test_documents_are_written_from_a_finalised_run(book: Book, tmp_path: Path) -> None:
    pa_id = add_pa(book)
    week(book, pa_id, WEEK1)
    draft = pay_runs.save_draft(book, YEAR, WEEKLY, 1)
    run = pay_runs.finalise_pay_run(book, draft.id or 0)
    (slip,) = run.payslips
    doc = pay_documents.payslip_doc(book, run, slip)
    assert (doc.gross, doc.net, doc.tax_code) == (slip.gross, slip.net, "1257L")
    assert doc.total_hours == 32
    files = pay_documents.export_payslips(book, run.id or 0, tmp_path / "slips")
    assert len(files) == 1 and files[0].read_bytes().startswith(b"%PDF")
    rti = pay_documents.rti_doc(book, run.id or 0)
    assert rti.total_due == run.hmrc and rti.employees[0].tax == slip.tax
    assert pay_documents.export_rti_sheet(book, run.id or 0, tmp_path / "rti.pdf").exists()
    year_end = pay_documents.year_end_doc(book, pa_id, YEAR)
    assert year_end.tax_in_this_employment == slip.tax
    assert pay_documents.export_year_end(book, pa_id, YEAR, tmp_path / "p60.pdf").exists()
