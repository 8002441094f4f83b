"""Evidence rules: which payments need a receipt, payroll backed by payslips, per-category rules."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import Integer

from pa_manager.domain.categories import Category
from pa_manager.domain.money import Money
from pa_manager.services import document_files, documents, evidence, transactions
from pa_manager.services.book import Book
from pa_manager.services.ledger import NewTransaction, record_transactions
from pa_manager.services.maintenance import check_book
from pa_manager.store.models import PARow, PayRunRow, PayslipRow
from tests.services.receipts import files

PAYDAY = date(2026, 5, 8)


def _pa_with_payslip(book: Book, final: bool = True) -> int:
    """A PA with one payslip paid on PAYDAY (figures do not matter to the evidence rules)."""
    with book.write() as s:
        pa = PARow(name="Amira Khan", start_date=date(2026, 1, 5))
        s.add(pa)
        run = PayRunRow(
            tax_year="2026-27", frequency="weekly", period=5, period_start=PAYDAY - timedelta(days=11),
            period_end=PAYDAY - timedelta(days=5), pay_date=PAYDAY, status="finalised", notes="[]",
        )  # fmt: skip
        s.add(run)
        s.flush()
        values: dict[str, object] = {}
        for column in PayslipRow.__table__.columns:
            if column.name != "id":
                values[column.name] = 0 if isinstance(column.type, Integer) else ""
        values.update(
            pay_run_id=run.id, pa_id=pa.id, tax_year="2026-27", pay_date=PAYDAY, final=final,
            source="calculated", pay_lines="[]", warnings="[]", ni_category="A",
        )  # fmt: skip
        s.add(PayslipRow(**values))
        return pa.id


def test_every_payment_needs_evidence_by_default_but_money_in_does_not(book: Book) -> None:
    day = date(2026, 5, 1)
    ids = record_transactions(
        book,
        [
            NewTransaction(day, "Anytown Council", Money(180000), Category.COUNCIL_DP),
            NewTransaction(day, "Argos", Money(-2599), Category.EQUIPMENT),
            NewTransaction(day + timedelta(days=1), "Bank", Money(-500), Category.BANK_CHARGES),
        ],
    )
    missing = evidence.missing_evidence(book)
    assert [(m.txn_id, m.payee, m.amount, m.category) for m in missing] == [
        (ids[1], "Argos", Money(-2599), Category.EQUIPMENT),
        (ids[2], "Bank", Money(-500), Category.BANK_CHARGES),
    ]
    # A receipt linked: no longer missing.
    documents.add_document(book, document_files.check_file("argos.jpg", files.jpeg()), txn_ids=[ids[1]])
    assert [m.txn_id for m in evidence.missing_evidence(book)] == [ids[2]]
    # Dates bound the list.
    assert evidence.missing_evidence(book, start=day + timedelta(days=2)) == []
    assert evidence.missing_ids(book, end=day + timedelta(days=1)) == {ids[2]}


def test_a_category_can_be_switched_off_and_the_choice_is_kept(book: Book) -> None:
    day = date(2026, 5, 1)
    (charge,) = record_transactions(book, [NewTransaction(day, "Bank", Money(-500), Category.BANK_CHARGES)])
    assert evidence.evidence_rules(book)[Category.BANK_CHARGES] is True
    evidence.set_evidence_rule(book, Category.BANK_CHARGES, False)
    assert evidence.evidence_rules(book)[Category.BANK_CHARGES] is False
    assert evidence.missing_evidence(book) == []
    evidence.set_evidence_rule(book, Category.BANK_CHARGES, True)
    assert [m.txn_id for m in evidence.missing_evidence(book)] == [charge]
    assert check_book(book).ok


def test_wages_backed_by_a_payslip_need_nothing_more(book: Book) -> None:
    pa_id = _pa_with_payslip(book)
    ids = record_transactions(
        book,
        [
            NewTransaction(
                PAYDAY + timedelta(days=2), "Amira Khan", Money(-30000), Category.PA_WAGES, pa_id=pa_id
            ),
            # A wage with no payslip anywhere near it still needs evidence.
            NewTransaction(
                PAYDAY + timedelta(days=40), "Amira Khan", Money(-30000), Category.PA_WAGES, pa_id=pa_id
            ),
            # HMRC paid after payslips in the quarter: backed. Long after any payslip: not.
            NewTransaction(PAYDAY + timedelta(days=60), "HMRC", Money(-9000), Category.HMRC),
            NewTransaction(PAYDAY + timedelta(days=300), "HMRC", Money(-9000), Category.HMRC),
            NewTransaction(PAYDAY + timedelta(days=20), "Nest Pensions", Money(-3000), Category.PENSION),
        ],
    )
    assert [m.txn_id for m in evidence.missing_evidence(book)] == [ids[1], ids[3]]


def test_a_draft_payslip_backs_nothing(book: Book) -> None:
    pa_id = _pa_with_payslip(book, final=False)
    (wage,) = record_transactions(
        book, [NewTransaction(PAYDAY, "Amira Khan", Money(-30000), Category.PA_WAGES, pa_id=pa_id)]
    )
    assert [m.txn_id for m in evidence.missing_evidence(book)] == [wage]


def test_a_split_payment_needs_evidence_if_any_part_does(book: Book) -> None:
    day = date(2026, 5, 1)
    (txn,) = record_transactions(book, [NewTransaction(day, "Tesco", Money(-3000), Category.EQUIPMENT)])
    part = transactions.SplitPart
    parts = (part(Category.BANK_CHARGES, Money(-1000)), part(Category.OTHER_OUT, Money(-2000)))
    transactions.update(book, transactions.with_changes(transactions.get(book, txn), splits=parts))
    (m,) = evidence.missing_evidence(book)
    assert (m.txn_id, m.category) == (txn, Category.BANK_CHARGES)
    evidence.set_evidence_rule(book, Category.BANK_CHARGES, False)
    (m,) = evidence.missing_evidence(book)
    assert (m.txn_id, m.category) == (txn, Category.OTHER_OUT)
    evidence.set_evidence_rule(book, Category.OTHER_OUT, False)
    assert evidence.missing_evidence(book) == []


def test_undoing_a_delete_links_the_receipts_again(book: Book) -> None:
    [txn_id] = record_transactions(
        book, [NewTransaction(date(2026, 5, 2), "Argos", Money(-2599), Category.EQUIPMENT)]
    )
    doc = documents.add_document(
        book, document_files.check_file("argos.jpg", files.jpeg()), txn_ids=[txn_id]
    ).document_id
    gone = transactions.remove(book, txn_id)
    assert [m.txn_id for m in evidence.missing_evidence(book)] == []
    transactions.restore(book, gone)
    assert [r.document_id for r in evidence.evidence_for(book, [txn_id])[txn_id]] == [doc]
    assert evidence.missing_evidence(book) == []
    assert check_book(book).problems == []
