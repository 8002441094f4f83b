"""The documents inside an evidence pack, rendered or decrypted in memory, with numbered names.

Receipts and statements come out of the book as stored; payslips and timesheets are drawn by the
same renderers as everywhere else in the app, into memory (see `_MemoryTarget`).
"""

from __future__ import annotations

import io
import re
from datetime import date

from pa_manager.domain.people import long_date
from pa_manager.domain.returns.model import EvidenceItem
from pa_manager.services import timesheets
from pa_manager.services.book import Book
from pa_manager.services.errors import BookError
from pa_manager.services.evidence import document_content
from pa_manager.services.pay_documents import payslip_doc
from pa_manager.services.pay_runs import get_pay_run
from pa_manager.services.pay_types import PayRunPreview

_EXT = {
    "application/pdf": ".pdf",
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/heic": ".heic",
    "image/webp": ".webp",
}


class _MemoryTarget(str):
    """A "file name" that reportlab writes into memory.

    The payslip and timesheet renderers take a path and hand `str(path)` to reportlab, which writes
    to any object with a `write` method. This str subclass returns itself from `str()` and has
    `write`, so those renderers draw straight into memory and no plaintext file is ever made.
    """

    buffer: io.BytesIO

    def __new__(cls) -> _MemoryTarget:
        target = super().__new__(cls, "<memory>")
        target.buffer = io.BytesIO()
        return target

    def __str__(self) -> str:
        return self

    def write(self, data: bytes) -> int:
        return self.buffer.write(data)

    def flush(self) -> None:
        """Nothing to flush: the bytes stay in memory."""


def safe_name(text: str, limit: int = 60) -> str:
    """A file name part without characters Windows or a ZIP tool would refuse."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", text).strip(" .")
    return re.sub(r"\s+", " ", cleaned)[:limit].strip() or "document"


class Documents:
    """Fetches each numbered item's bytes, caching pay runs shared by several payslips."""

    def __init__(self, book: Book) -> None:
        self.book = book
        self._runs: dict[int, PayRunPreview] = {}

    def fetch(self, item: EvidenceItem) -> tuple[str, bytes]:
        """(file name in the pack, bytes) for one item."""
        kind, a, b = item.ref
        if kind == "document":
            name, mime, data = document_content(self.book, a)
            stem = safe_name(name.rsplit(".", 1)[0] if "." in name else name)
            ext = _EXT.get(mime) or ("." + name.rsplit(".", 1)[1].lower() if "." in name else "")
            return f"{item.number} {stem}{ext}", data
        if kind == "payslip":
            return f"{item.number} {safe_name(item.title)} {item.day.isoformat()}.pdf", self._payslip(a, b)
        if kind == "timesheet":
            first = date.fromordinal(b)
            return (
                f"{item.number} {safe_name(item.title.split(',')[0])} {first.isoformat()}.pdf",
                self._timesheet(a, first),
            )
        raise BookError(f"{item.number} is not a kind of document the pack knows.")

    def _payslip(self, run_id: int, pa_id: int) -> bytes:
        from pa_manager.reports.pay_documents import payslip_pdf

        run = self._runs.get(run_id)
        if run is None:
            run = self._runs[run_id] = get_pay_run(self.book, run_id)
        slip = next((p for p in run.payslips if p.pa_id == pa_id), None)
        if slip is None:
            raise BookError("the payslip is no longer in the pay run")
        target = _MemoryTarget()
        payslip_pdf.write_payslip(payslip_doc(self.book, run, slip), target)  # type: ignore[arg-type]
        return target.buffer.getvalue()

    def _timesheet(self, pa_id: int, first: date) -> bytes:
        # The same sheet as timesheet_print.write_timesheet_pdf, drawn into memory.
        from pa_manager.reports import timesheet_pdf

        sheet = timesheets.open_timesheet(self.book, pa_id, first)

        def line(sig: timesheets.Signature | None) -> timesheet_pdf.SignatureLine | None:
            return None if sig is None else timesheet_pdf.SignatureLine(sig.name, sig.on, sig.drawn)

        status = sheet.status.label
        if sheet.approved_at:
            status = f"{status}, approved on {long_date(date.fromisoformat(sheet.approved_at[:10]))}"
        printed = timesheet_pdf.TimesheetPrint(
            employer=self.book.holder_name,
            pa_name=sheet.pa_name,
            period_start=sheet.period_start,
            period_end=sheet.period_end,
            shifts=sheet.shifts,
            pay=sheet.totals.pay,
            holiday_accrued=sheet.totals.holiday_accrued,
            bank_holidays=sheet.bank_holidays,
            pa_signature=line(sheet.pa_signature),
            employer_signature=line(sheet.employer_signature),
            status=status,
        )
        target = _MemoryTarget()
        timesheet_pdf.render(printed, target)  # type: ignore[arg-type]
        return target.buffer.getvalue()
