"""The demo book's receipts: real pictures and PDFs linked to its spending, a few left missing."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from pa_manager.services import document_files, documents, evidence
from pa_manager.services.book import open_book
from pa_manager.services.demo import create_demo_book
from pa_manager.services.maintenance import check_book
from tests.conftest import PASSPHRASE


def test_demo_book_has_linked_receipts_and_checks_clean(tmp_path: Path) -> None:
    made = create_demo_book(tmp_path / "demo", PASSPHRASE)
    book = open_book(made.path, passphrase=PASSPHRASE)
    try:
        docs = documents.list_documents(book)
        kinds = {d.kind for d in docs}
        assert {"receipt", "invoice", "contract", "council_letter"} <= kinds
        assert {d.mime for d in docs} == {document_files.JPEG, document_files.PDF}
        receipts = [d for d in docs if d.kind in ("receipt", "invoice")]
        assert len(receipts) > 30 and all(d.txn_count for d in receipts)
        assert any(d.pa_id is not None for d in docs) and any(d.holder for d in docs)
        # Every stored file opens and draws, as if the user had added it.
        for d in docs[:10]:
            _name, mime, data = evidence.document_content(book, d.id)
            assert document_files.check_file(d.name, data).mime == mime
        # Recent spending mostly has evidence; a few lost receipts show as missing.
        recent = evidence.missing_evidence(book, date.today() - timedelta(days=92))
        assert 0 < len(recent) < 20
        assert check_book(book).ok
    finally:
        book.close()
