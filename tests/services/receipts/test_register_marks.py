"""The register's Evidence column: receipt linked, evidence missing, or nothing needed."""

from __future__ import annotations

from datetime import date

from pa_manager.domain.categories import Category
from pa_manager.domain.money import Money
from pa_manager.services import document_files, documents, evidence
from pa_manager.services.book import Book
from pa_manager.services.ledger import NewTransaction, record_transactions
from pa_manager.services.register import EVIDENCE_ATTACHED, EVIDENCE_MISSING, load_register
from tests.services.receipts import files


def test_register_lines_carry_their_evidence_state(book: Book) -> None:
    day = date(2026, 5, 1)
    council, argos, boots, charge = record_transactions(
        book,
        [
            NewTransaction(day, "Anytown Council", Money(180000), Category.COUNCIL_DP),
            NewTransaction(day, "Argos", Money(-2599), Category.EQUIPMENT),
            NewTransaction(day, "Boots", Money(-450), Category.EQUIPMENT),
            NewTransaction(day, "Bank", Money(-500), Category.BANK_CHARGES),
        ],
    )
    evidence.set_evidence_rule(book, Category.BANK_CHARGES, False)
    documents.add_document(book, document_files.check_file("argos.jpg", files.jpeg()), txn_ids=[argos])
    marks = {r.id: r.evidence for r in load_register(book).rows}
    assert marks == {council: "", argos: EVIDENCE_ATTACHED, boots: EVIDENCE_MISSING, charge: ""}
    # Date bounds apply to the missing marks as to the lines.
    later = {r.id: r.evidence for r in load_register(book, date_from=date(2026, 6, 1)).rows}
    assert later == {}
