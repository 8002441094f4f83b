"""Receipts and documents in the book: refusing bad files, storing good ones once, links, export."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from pa_manager.domain.categories import Category
from pa_manager.domain.money import Money
from pa_manager.services import document_files, documents, transactions
from pa_manager.services.book import Book
from pa_manager.services.errors import BookError
from pa_manager.services.evidence import document_content, evidence_for
from pa_manager.services.ledger import NewTransaction, record_transactions
from pa_manager.services.maintenance import check_book
from pa_manager.store.models import AuditEntry
from pa_manager.store.models_receipts import DocumentContentRow, DocumentRow, TxnDocumentRow
from tests.services.receipts import files


def _counts(book: Book) -> tuple[int, int, int, int]:
    with book.read() as s:
        return tuple(  # type: ignore[return-value]
            int(s.scalar(select(func.count()).select_from(t)) or 0)
            for t in (DocumentRow, DocumentContentRow, TxnDocumentRow, AuditEntry)
        )


@pytest.mark.parametrize(
    ("name", "make", "says"),
    [
        ("empty.pdf", lambda: b"", "is empty"),
        ("setup.jpg", files.executable, "is not a JPEG, PNG, HEIC photo or PDF"),
        ("till.jpg", files.corrupt_jpeg, "damaged or incomplete"),
        ("invoice.pdf", files.corrupt_pdf, "damaged or incomplete"),
        ("scan.pdf", files.big_pdf, "files up to 25 MB"),
    ],
)
def test_bad_files_are_refused_with_a_clear_message_and_nothing_stored(
    book: Book, tmp_path: Path, name: str, make: object, says: str
) -> None:
    data = make()  # type: ignore[operator]
    path = tmp_path / name
    path.write_bytes(data)
    before = _counts(book)
    with pytest.raises(BookError, match=says) as err:
        documents.add_file(book, path)
    assert name in str(err.value)
    assert _counts(book) == before


def test_the_30_mb_pdf_is_a_real_pdf_refused_only_for_its_size() -> None:
    data = files.big_pdf()
    assert len(data) > 30 * 1024 * 1024
    assert document_files.sniff(data) == document_files.PDF
    assert document_files.page_count(data, document_files.PDF) == 1


def test_a_renamed_pdf_is_taken_for_what_it_is(book: Book) -> None:
    checked = document_files.check_file("photo.jpg", files.pdf(pages=3))
    assert checked.mime == document_files.PDF and checked.pages == 3


def test_good_files_are_stored_once_by_content(book: Book) -> None:
    first = documents.add_document(book, document_files.check_file("a.jpg", files.jpeg()))
    again = documents.add_document(book, document_files.check_file("copy of a.jpg", files.jpeg()))
    other = documents.add_document(book, document_files.check_file("b.png", files.png()))
    assert again.already and again.document_id == first.document_id
    assert not other.already
    docs, contents, _links, _audit = _counts(book)
    assert (docs, contents) == (2, 2)
    name, mime, data = document_content(book, first.document_id)
    assert (name, mime, data) == ("a.jpg", "image/jpeg", files.jpeg())


def test_heic_photos_are_read_when_the_library_can(book: Book) -> None:
    data = files.heic()
    if data is None:
        pytest.skip("this libheif cannot write HEIC to test with")
    checked = document_files.check_file("IMG_0001.HEIC", data)
    assert checked.mime == document_files.HEIC and checked.thumbnail


def test_thumbnails_are_turned_upright_by_exif() -> None:
    from io import BytesIO

    from PIL import Image

    # Stored 320 wide and 200 high, but the camera says "rotate 90°": upright it is portrait.
    checked = document_files.check_file("phone.jpg", files.jpeg(320, 200, orientation=6))
    assert checked.thumbnail is not None
    thumb = Image.open(BytesIO(checked.thumbnail))
    assert thumb.height > thumb.width
    picture = document_files.render(files.jpeg(320, 200, orientation=6), document_files.JPEG)
    assert (picture.width, picture.height) == (200, 320)


def test_pdf_pages_render_in_memory() -> None:
    data = files.pdf(pages=2)
    page2 = document_files.render(data, document_files.PDF, page=1, longest=800)
    assert max(page2.width, page2.height) in range(790, 810)
    assert len(page2.rgba) == page2.width * page2.height * 4
    with pytest.raises(BookError, match="no page 3"):
        document_files.render(data, document_files.PDF, page=2)


def _spend(book: Book) -> list[int]:
    day = date(2026, 5, 1)
    return record_transactions(
        book,
        [
            NewTransaction(day, "Argos", Money(-2599), Category.EQUIPMENT),
            NewTransaction(day, "Boots", Money(-450), Category.EQUIPMENT),
            NewTransaction(day, "Careline Training", Money(-12000), Category.TRAINING),
        ],
    )


def test_links_run_both_ways_and_the_book_checks_clean(book: Book, tmp_path: Path) -> None:
    argos, boots, training = _spend(book)
    receipt = documents.add_document(
        book, document_files.check_file("till.jpg", files.jpeg()), txn_ids=[argos, boots]
    ).document_id
    invoice = documents.add_document(
        book, document_files.check_file("invoice.pdf", files.pdf()), kind=documents.DocumentKind.INVOICE
    ).document_id
    documents.link_transactions(book, invoice, [argos])
    found = evidence_for(book, [argos, boots, training])
    assert [r.document_id for r in found[argos]] == [receipt, invoice]
    assert [r.document_id for r in found[boots]] == [receipt]
    assert training not in found
    listed = {d.id: d for d in documents.list_documents(book)}
    assert listed[receipt].linked_to == "2 payments"
    assert listed[invoice].kind == "invoice" and listed[invoice].pages == 2
    documents.unlink_transaction(book, receipt, boots)
    assert documents.linked_transactions(book, receipt) == [argos]
    transactions.remove(book, argos)  # its receipt stays, unlinked
    assert documents.linked_transactions(book, receipt) == []
    documents.delete_document(book, invoice)
    assert _counts(book)[:3] == (1, 1, 0)
    report = check_book(book)
    assert report.ok, report.problems


def test_a_changed_stored_file_shows_in_the_check(book: Book, created: object) -> None:
    from tests.conftest import PASSPHRASE
    from tests.helpers import raw_sql

    documents.add_document(book, document_files.check_file("till.jpg", files.jpeg()))
    assert check_book(book).ok
    path = book.path
    book.close()
    raw_sql(path, PASSPHRASE, "UPDATE document_content SET data = X'FFD8FF00'")
    from pa_manager.services.book import open_book

    again = open_book(path, passphrase=PASSPHRASE)
    try:
        assert any("document_content 1 was changed" in p for p in check_book(again).problems)
    finally:
        again.close()


def test_documents_for_a_pa_and_the_holder(book: Book) -> None:
    from pa_manager.store.models import PARow

    with book.write() as s:
        pa = PARow(name="Amira Khan", start_date=date(2026, 1, 5))
        s.add(pa)
        s.flush()
        pa_id = pa.id
    contract = documents.add_document(
        book, document_files.check_file("contract.pdf", files.pdf()), kind=documents.DocumentKind.CONTRACT,
        pa_id=pa_id,
    ).document_id  # fmt: skip
    documents.add_document(
        book, document_files.check_file("insurance.png", files.png()), kind=documents.DocumentKind.INSURANCE,
        holder=True,
    )  # fmt: skip
    assert [d.id for d in documents.list_documents(book, pa_id=pa_id)] == [contract]
    assert documents.list_documents(book, pa_id=pa_id)[0].linked_to == "Amira Khan (PA)"
    assert [d.title for d in documents.list_documents(book, holder=True)] == ["insurance"]
    documents.describe(
        book, contract, title="Signed contract", kind=documents.DocumentKind.CONTRACT,
        day=date(2026, 1, 5), pa_id=None, holder=True,
    )  # fmt: skip
    assert documents.list_documents(book, pa_id=pa_id) == []
    with pytest.raises(BookError, match="Give the document a name"):
        documents.describe(
            book, contract, title=" ", kind=documents.DocumentKind.CONTRACT, day=date(2026, 1, 5),
            pa_id=None, holder=True,
        )  # fmt: skip
    assert check_book(book).ok


def test_export_writes_the_file_only_where_asked(book: Book, tmp_path: Path) -> None:
    doc = documents.add_document(book, document_files.check_file("till.jpg", files.jpeg())).document_id
    out = documents.export_document(book, doc, tmp_path / "exported")
    assert out.name == "exported.jpg" and out.read_bytes() == files.jpeg()
    thumbs = documents.thumbnails(book, [doc])
    assert thumbs[doc].startswith(b"\xff\xd8")
