"""The demo book's receipts and documents: till receipts, expense claims, invoices and certificates.

Pictures are drawn with Pillow and documents written with reportlab, all in memory, then checked
and stored like any file the user adds. Only the last few months of spending get receipts (a real
holder starts keeping them at some point), and a few recent ones are left missing so the
missing-evidence list has something to show. Each file is small, and they are stored in one
write, so the 10-year benchmark book pays about a second for them.
"""

from __future__ import annotations

import io
import random
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import select

from pa_manager.domain.categories import Category
from pa_manager.domain.money import Money
from pa_manager.services import document_files
from pa_manager.services.book import Book
from pa_manager.services.documents import DocumentKind
from pa_manager.store import audit
from pa_manager.store.models import PARow, TransactionRow
from pa_manager.store.models_receipts import DocumentContentRow, DocumentRow, TxnDocumentRow

# name, bytes, kind, date, title, transactions it is evidence for, PA, about the holder
FileSpec = tuple[str, bytes, DocumentKind, date, str, list[int], int | None, bool]
WINDOW = timedelta(days=92)  # receipts are kept for about the last quarter
# The 20-PA benchmark book would otherwise draw hundreds: a few dozen show the same things.
MAX_TILL_RECEIPTS = 60
MAX_CLAIMING_PAS = 8
_ITEMS = {
    "Argos": ["Shower stool", "Grab rail", "Bed wedge", "Kettle tipper", "Reacher grabber"],
    "Boots": ["Incontinence pads", "Skin barrier cream", "Pill organiser", "Hand gel"],
    "Tesco": ["Meal ingredients", "Cleaning supplies", "Batteries"],
    "Anytown Leisure Centre": ["Swim session (carer free)", "Hydrotherapy pool"],
    "Sunny Days Day Centre": ["Day session", "Lunch"],
    "Careline Training Ltd": ["Moving and handling course", "First aid refresher"],
}


def add_demo_receipts(book: Book, end: date, seed: int = 11) -> int:
    """Receipts for the demo's recent spending and documents for its PAs; returns how many."""
    rng = random.Random(seed)
    start = end - WINDOW
    with book.read() as s:
        t = TransactionRow
        lines = s.execute(
            select(t.id, t.date, t.payee, t.amount_pence, t.category, t.pa_id, t.reference)
            .where(t.amount_pence < 0, t.date >= start, t.date <= end)
            .order_by(t.date, t.id)
        ).all()
        pas = dict(s.execute(select(PARow.id, PARow.name).order_by(PARow.id)).all())
    files: list[FileSpec] = []
    tills = [line for line in lines if line.payee in _ITEMS][-MAX_TILL_RECEIPTS:]
    for n, line in enumerate(tills):
        if n % 9 == 4:  # a few lost receipts: the missing-evidence list shows them
            continue
        image = till_receipt(rng, line.payee, line.date, -line.amount_pence)
        title = f"{line.payee} receipt"
        files.append(
            (f"IMG_{4100 + n}.jpg", image, DocumentKind.RECEIPT, line.date, title, [line.id], None, False)
        )
    claims: dict[tuple[int, int, int], list[Any]] = defaultdict(list)
    by_name = {name: pa_id for pa_id, name in pas.items()}
    claimants = set(list(pas)[:MAX_CLAIMING_PAS])
    for line in lines:
        # Lines imported from this month's statement have no PA set; their payee is the PA.
        pa_id = line.pa_id if line.pa_id is not None else by_name.get(line.payee)
        if line.category == Category.PA_EXPENSES.value and pa_id is not None and pa_id in claimants:
            claims[(pa_id, line.date.year, line.date.month)].append(line)
    for (pa_id, year, month), claimed in sorted(claims.items()):
        name = f"Expenses {pas[pa_id]} {date(year, month, 1):%B %Y}"
        pdf = _claim_pdf(pas[pa_id], claimed)
        ids = [c.id for c in claimed]
        files.append((f"{name}.pdf", pdf, DocumentKind.RECEIPT, claimed[-1].date, name, ids, pa_id, False))
    for line in lines:
        if line.category in (
            Category.PAYROLL_FEES.value,
            Category.INSURANCE.value,
            Category.RECRUITMENT.value,
        ):
            title = f"{line.payee} invoice {line.date:%b %Y}"
            pdf = _invoice_pdf(line.payee, line.reference, line.date, -line.amount_pence)
            holder = line.category == Category.INSURANCE.value
            files.append(
                (f"{title}.pdf", pdf, DocumentKind.INVOICE, line.date, title, [line.id], None, holder)
            )
    for pa_id, name in list(pas.items())[:6]:
        text = [f"Contract of employment: {name}", "Employer: Margaret Ellis", "Role: personal assistant"]
        files.append(
            (f"Contract {name}.pdf", _letter_pdf(text), DocumentKind.CONTRACT, end - timedelta(days=300),
             f"Contract, {name}", [], pa_id, False)
        )  # fmt: skip
    letter = [
        "Anytown Borough Council",
        "Direct payment agreement",
        "Your weekly direct payment is confirmed.",
    ]
    files.append(
        ("Council letter.pdf", _letter_pdf(letter), DocumentKind.COUNCIL_LETTER, end - timedelta(days=60),
         "Direct payment agreement letter", [], None, True)
    )  # fmt: skip
    store_files(book, files)
    return len(files)


def store_files(book: Book, files: list[FileSpec]) -> None:
    """Check and store many files in one write (the demo, and the benchmark's 2,000 receipts)."""
    contents: list[dict[str, Any]] = []
    docs: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    now = datetime.now(UTC).isoformat(timespec="seconds")
    for name, data, kind, day, title, _links, pa_id, holder in files:
        checked = document_files.check_file(name, data)
        if checked.sha256 not in seen:
            seen[checked.sha256] = len(contents)
            contents.append(
                {"sha256": checked.sha256, "size": len(data), "data": data, "thumbnail": checked.thumbnail,
                 "pages": checked.pages}
            )  # fmt: skip
        docs.append(
            {"content_id": seen[checked.sha256], "name": name, "mime": checked.mime, "kind": kind.value,
             "day": day, "added_at": now, "title": title, "note": "", "pa_id": pa_id, "holder": holder}
        )  # fmt: skip
    with book.write() as s:
        content_ids = audit.insert_audited(s, DocumentContentRow, contents)
        for doc in docs:
            doc["content_id"] = content_ids[doc["content_id"]]
        doc_ids = audit.insert_audited(s, DocumentRow, docs)
        links = [
            {"txn_id": txn_id, "document_id": doc_id}
            for doc_id, entry in zip(doc_ids, files, strict=True)
            for txn_id in entry[5]
        ]
        audit.insert_audited(s, TxnDocumentRow, links)


def till_receipt(rng: random.Random, shop: str, day: date, pence: int) -> bytes:
    """A photographed till receipt: shop, date, items adding up to the payment, total."""
    from PIL import Image, ImageDraw, ImageFont

    items = rng.sample(_ITEMS[shop], k=min(len(_ITEMS[shop]), rng.randint(1, 3)))
    split = sorted(rng.sample(range(1, pence), len(items) - 1)) if pence > len(items) else []
    amounts = [b - a for a, b in zip([0, *split], [*split, pence], strict=True)] if split else [pence]
    items = items[: len(amounts)]
    height = 170 + 22 * len(items)
    image = Image.new("RGB", (330, height), (248, 246, 240))
    draw = ImageDraw.Draw(image)
    from pa_manager.reports.fonts import FONTS

    # A till's monospaced type, with the pound sign (Pillow's built-in font has none).
    font = ImageFont.truetype(str(FONTS / "DejaVuSansMono.ttf"), 14)
    ink = (30, 30, 30)

    def row(y: int, left: str, right: str = "") -> None:
        draw.text((16, y), left, fill=ink, font=font)
        if right:
            draw.text((314 - draw.textlength(right, font=font), y), right, fill=ink, font=font)

    row(14, shop.upper())
    row(38, f"{day:%d/%m/%Y}  {rng.randint(9, 17):02d}:{rng.randint(0, 59):02d}")
    y = 70
    for item, amount in zip(items, amounts, strict=True):
        row(y, item[:24], Money(amount).format())
        y += 22
    draw.line((16, y + 4, 314, y + 4), fill=(90, 90, 90))
    row(y + 12, "TOTAL", Money(pence).format())
    row(y + 44, f"Card payment  Auth {rng.randint(100000, 999999)}")
    out = io.BytesIO()
    image.save(out, "JPEG", quality=70)
    return out.getvalue()


def _pdf(draw_pages: Any) -> bytes:
    from reportlab.lib.pagesizes import A5
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A5)
    draw_pages(c, A5)
    c.save()
    return out.getvalue()


def _letter_pdf(lines: list[str]) -> bytes:
    def draw(c: Any, size: tuple[float, float]) -> None:
        c.setFont("Helvetica-Bold", 13)
        c.drawString(40, size[1] - 60, lines[0])
        c.setFont("Helvetica", 10)
        for n, text in enumerate(lines[1:]):
            c.drawString(40, size[1] - 90 - 16 * n, text)
        c.showPage()

    return _pdf(draw)


def _claim_pdf(name: str, claimed: list[Any]) -> bytes:
    def draw(c: Any, size: tuple[float, float]) -> None:
        c.setFont("Helvetica-Bold", 13)
        c.drawString(40, size[1] - 50, f"PA expenses claim: {name}")
        c.setFont("Helvetica", 9)
        y = size[1] - 80
        for line in claimed:
            if y < 60:  # a long month runs onto a second page
                c.showPage()
                c.setFont("Helvetica", 9)
                y = size[1] - 50
            c.drawString(40, y, f"{line.date:%d %b %Y}   {line.reference or 'Expenses'}")
            c.drawRightString(size[0] - 40, y, Money(-line.amount_pence).format())
            y -= 14
        total = Money(-sum(line.amount_pence for line in claimed))
        c.setFont("Helvetica-Bold", 10)
        c.drawRightString(size[0] - 40, y - 10, f"Total claimed {total.format()}")
        c.showPage()

    return _pdf(draw)


def _invoice_pdf(payee: str, reference: str, day: date, pence: int) -> bytes:
    lines = [f"{payee}", f"Invoice date {day:%d %B %Y}", f"For: {reference or 'services'}",
             f"Amount due {Money(pence).format()}", "Paid by bank transfer. Thank you."]  # fmt: skip
    return _letter_pdf(lines)
