"""Receipts and documents in the book: add (checked, deduplicated), list, link, describe, remove.

Files are checked by `document_files.check_file` before anything is written, so a refused file
leaves the book untouched. Their bytes go into the encrypted book only; the one way a decrypted copy
leaves it is `export_document`, which the user asks for with a Save As.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import Enum
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pa_manager.services import document_files
from pa_manager.services.book import Book
from pa_manager.services.errors import BookError
from pa_manager.store.models import PARow, TransactionRow
from pa_manager.store.models_receipts import DocumentContentRow, DocumentRow, TxnDocumentRow


class DocumentKind(Enum):
    """What a document is; the value is its stable key in the book."""

    RECEIPT = "receipt"
    INVOICE = "invoice"
    CONTRACT = "contract"
    RIGHT_TO_WORK = "right_to_work"
    DBS = "dbs_certificate"
    INSURANCE = "insurance_certificate"
    BANK_STATEMENT = "bank_statement"
    COUNCIL_LETTER = "council_letter"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    DocumentKind.RECEIPT: "Receipt",
    DocumentKind.INVOICE: "Invoice",
    DocumentKind.CONTRACT: "Contract",
    DocumentKind.RIGHT_TO_WORK: "Right-to-work evidence",
    DocumentKind.DBS: "DBS certificate",
    DocumentKind.INSURANCE: "Insurance certificate",
    DocumentKind.BANK_STATEMENT: "Bank statement",
    DocumentKind.COUNCIL_LETTER: "Council letter",
    DocumentKind.OTHER: "Other document",
}
PA_KINDS = (DocumentKind.CONTRACT, DocumentKind.RIGHT_TO_WORK, DocumentKind.DBS, DocumentKind.OTHER)
HOLDER_KINDS = (
    DocumentKind.INSURANCE,
    DocumentKind.BANK_STATEMENT,
    DocumentKind.COUNCIL_LETTER,
    DocumentKind.OTHER,
)


def kind_label(value: str) -> str:
    try:
        return DocumentKind(value).label
    except ValueError:
        return value


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """A stored document as lists show it (never its bytes)."""

    id: int
    title: str
    name: str
    mime: str
    kind: str
    day: date
    size: int
    pages: int
    pa_id: int | None
    pa_name: str
    holder: bool
    txn_count: int

    @property
    def linked_to(self) -> str:
        """Who or what the document is evidence for, in words."""
        parts = []
        if self.txn_count:
            parts.append("1 payment" if self.txn_count == 1 else f"{self.txn_count} payments")
        if self.pa_id is not None:
            parts.append(f"{self.pa_name} (PA)")
        if self.holder:
            parts.append("Budget holder")
        return ", ".join(parts) or "Not linked yet"


@dataclass(frozen=True, slots=True)
class AddResult:
    """The document added, or the one already holding the same file (`already`)."""

    document_id: int
    title: str
    already: bool


def add_document(
    book: Book,
    checked: document_files.CheckedFile,
    *,
    kind: DocumentKind = DocumentKind.RECEIPT,
    day: date | None = None,
    title: str = "",
    pa_id: int | None = None,
    holder: bool = False,
    txn_ids: Iterable[int] = (),
) -> AddResult:
    """Store a checked file once; the same file added again is not stored twice."""
    links = sorted(set(txn_ids))
    with book.write() as s:
        content = s.scalar(select(DocumentContentRow).where(DocumentContentRow.sha256 == checked.sha256))
        if content is not None:
            existing = s.scalar(
                select(DocumentRow).where(DocumentRow.content_id == content.id).order_by(DocumentRow.id)
            )
            if existing is not None:
                link_in_session(s, existing.id, links)
                return AddResult(existing.id, existing.title, True)
        else:
            content = DocumentContentRow(
                sha256=checked.sha256,
                size=len(checked.data),
                data=checked.data,
                thumbnail=checked.thumbnail,
                pages=checked.pages,
            )
            s.add(content)
            s.flush()
        name = checked.name or f"Pasted picture{document_files.EXTENSIONS[checked.mime]}"
        row = DocumentRow(
            content_id=content.id,
            name=name[:255],
            mime=checked.mime,
            kind=kind.value,
            day=day or date.today(),
            added_at=datetime.now(UTC).isoformat(timespec="seconds"),
            title=(title.strip() or Path(name).stem)[:200],
            note="",
            pa_id=pa_id,
            holder=holder,
        )
        s.add(row)
        s.flush()
        link_in_session(s, row.id, links)
        return AddResult(row.id, row.title, False)


def add_file(book: Book, path: Path, **details: object) -> AddResult:
    """Read, check and store a file from disk (the picker, drag-and-drop, the CLI)."""
    try:
        size = path.stat().st_size
        data = b"" if size > document_files.MAX_BYTES else path.read_bytes()
    except OSError as err:
        raise BookError(f"“{path.name}” could not be read: {err.strerror or err}.") from None
    if size > document_files.MAX_BYTES:  # refused before reading a huge file into memory
        raise document_files.too_big(path.name, size)
    checked = document_files.check_file(path.name, data)
    return add_document(book, checked, **details)  # type: ignore[arg-type]


def link_in_session(s: Session, document_id: int, txn_ids: list[int]) -> None:
    """Add the links not there yet, in the caller's write session."""
    if not txn_ids:
        return
    known = set(s.scalars(select(TransactionRow.id).where(TransactionRow.id.in_(txn_ids))))
    if len(known) != len(txn_ids):
        raise BookError("One of those payments is no longer in the book.")
    have = set(s.scalars(select(TxnDocumentRow.txn_id).where(TxnDocumentRow.document_id == document_id)))
    for txn_id in txn_ids:
        if txn_id not in have:
            s.add(TxnDocumentRow(txn_id=txn_id, document_id=document_id))


def link_transactions(book: Book, document_id: int, txn_ids: Iterable[int]) -> None:
    """Make the document evidence for these transactions (links already there are kept)."""
    with book.write() as s:
        if s.get(DocumentRow, document_id) is None:
            raise BookError("That document is not in this book.")
        link_in_session(s, document_id, sorted(set(txn_ids)))


def unlink_transaction(book: Book, document_id: int, txn_id: int) -> None:
    with book.write() as s:
        link = s.scalar(
            select(TxnDocumentRow).where(
                TxnDocumentRow.document_id == document_id, TxnDocumentRow.txn_id == txn_id
            )
        )
        if link is not None:
            s.delete(link)


def linked_transactions(book: Book, document_id: int) -> list[int]:
    with book.read() as s:
        return list(
            s.scalars(
                select(TxnDocumentRow.txn_id)
                .where(TxnDocumentRow.document_id == document_id)
                .order_by(TxnDocumentRow.txn_id)
            )
        )


def describe(
    book: Book,
    document_id: int,
    *,
    title: str,
    kind: DocumentKind,
    day: date,
    pa_id: int | None,
    holder: bool,
    note: str = "",
) -> None:
    """Change what the document is called, what kind it is, its date and whom it concerns."""
    if not title.strip():
        raise BookError("Give the document a name, so you can find it again.")
    with book.write() as s:
        row = s.get(DocumentRow, document_id)
        if row is None:
            raise BookError("That document is not in this book.")
        if pa_id is not None and s.get(PARow, pa_id) is None:
            raise BookError("That PA is not in this book.")
        row.title, row.kind, row.day = title.strip()[:200], kind.value, day
        row.pa_id, row.holder, row.note = pa_id, holder, note


def delete_document(book: Book, document_id: int) -> None:
    """Remove a document, its links, and its stored bytes if no other document shares them."""
    with book.write() as s:
        row = s.get(DocumentRow, document_id)
        if row is None:
            return
        content_id = row.content_id
        for link in s.scalars(select(TxnDocumentRow).where(TxnDocumentRow.document_id == document_id)):
            s.delete(link)
        s.flush()  # links first: no ORM relationship orders these deletes
        s.delete(row)
        s.flush()
        others = s.scalar(select(func.count()).where(DocumentRow.content_id == content_id))
        if not others:
            content = s.get(DocumentContentRow, content_id)
            if content is not None:
                s.delete(content)


def list_documents(book: Book, *, pa_id: int | None = None, holder: bool | None = None) -> list[DocumentInfo]:
    """Every document (or one PA's, or the holder's), newest first, without bytes."""
    d, c = DocumentRow, DocumentContentRow
    links = (
        select(TxnDocumentRow.document_id, func.count().label("n"))
        .group_by(TxnDocumentRow.document_id)
        .subquery()
    )
    query = (
        select(
            d.id, d.title, d.name, d.mime, d.kind, d.day, c.size, c.pages, d.pa_id, PARow.name, d.holder,
            func.coalesce(links.c.n, 0),
        )
        .join(c, c.id == d.content_id)
        .outerjoin(PARow, PARow.id == d.pa_id)
        .outerjoin(links, links.c.document_id == d.id)
    )  # fmt: skip
    if pa_id is not None:
        query = query.where(d.pa_id == pa_id)
    if holder is not None:
        query = query.where(d.holder.is_(holder))
    with book.read() as s:
        rows = s.execute(query.order_by(d.day.desc(), d.id.desc())).all()
    return [
        DocumentInfo(i, t, n, m, k, day, size, pages, p, pn or "", bool(h), int(count))
        for i, t, n, m, k, day, size, pages, p, pn, h, count in rows
    ]


def thumbnails(book: Book, document_ids: Iterable[int]) -> dict[int, bytes]:
    """Stored thumbnails (small JPEGs) for these documents; those without one are left out."""
    ids = sorted(set(document_ids))
    if not ids:
        return {}
    with book.read() as s:
        return {
            i: bytes(t or b"")
            for i, t in s.execute(
                select(DocumentRow.id, DocumentContentRow.thumbnail)
                .join(DocumentContentRow, DocumentContentRow.id == DocumentRow.content_id)
                .where(DocumentRow.id.in_(ids), DocumentContentRow.thumbnail.is_not(None))
            )
        }


def export_document(book: Book, document_id: int, target: Path) -> Path:
    """Write a decrypted copy where the user chose (Save As): the only way one leaves the book."""
    from pa_manager.services.evidence import document_content

    _name, mime, data = document_content(book, document_id)
    if target.suffix == "":
        target = target.with_suffix(document_files.EXTENSIONS[mime])
    try:
        target.write_bytes(data)
    except OSError as err:
        raise BookError(f"The file could not be saved there: {err.strerror or err}.") from None
    return target


def forget_links_to(s: Session, txn_id: int) -> tuple[int, ...]:
    """Drop evidence links to a transaction being deleted (its documents stay), audited.
    Returns the documents it was linked to, so an undo can link them again."""
    linked = []
    for link in s.scalars(select(TxnDocumentRow).where(TxnDocumentRow.txn_id == txn_id)):
        linked.append(link.document_id)
        s.delete(link)
    s.flush()  # the tables have no ORM relationship, so the links must go before the row does
    return tuple(sorted(linked))


def relink(s: Session, txn_id: int, document_ids: Iterable[int]) -> None:
    """Link a restored transaction to its documents again (any deleted since are skipped)."""
    present = set(s.scalars(select(DocumentRow.id).where(DocumentRow.id.in_(list(document_ids)))))
    for document_id in sorted(present):
        s.add(TxnDocumentRow(txn_id=txn_id, document_id=document_id))
