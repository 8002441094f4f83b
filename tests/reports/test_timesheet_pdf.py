"""The printable timesheet: filled and blank, text checked through pypdf."""

from __future__ import annotations

import struct
import zlib
from datetime import date
from decimal import Decimal
from pathlib import Path

from pypdf import PdfReader

from pa_manager.domain.timesheets import price_timesheet
from pa_manager.reports.timesheet_pdf import SignatureLine, TimesheetPrint, render
from pa_manager.services import book as books
from pa_manager.services import timesheets
from pa_manager.services.timesheet_print import write_timesheet_pdf
from tests.domain.people.makers import EASTER_WEEK, make_pa
from tests.services.people_helpers import add

ENGLAND = frozenset({date(2026, 4, 3), date(2026, 4, 6)})


def tiny_png() -> bytes:
    """A 40×10 black-on-white PNG, made here so the test needs no image library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(
        b"\x00" + bytes([0 if 3 < x < 36 and y == 5 else 255 for x in range(40)]) for y in range(10)
    )
    header = struct.pack(">IIBBBBB", 40, 10, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def text_of(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def filled() -> TimesheetPrint:
    pa = make_pa()
    return TimesheetPrint(
        employer="Jane Smith",
        pa_name=pa.name,
        period_start=date(2026, 4, 1),
        period_end=date(2026, 4, 30),
        shifts=tuple(EASTER_WEEK),
        pay=price_timesheet(EASTER_WEEK, pa, ENGLAND),
        holiday_accrued=Decimal("2.54"),
        bank_holidays=ENGLAND,
        pa_signature=SignatureLine("Sam Lee", date(2026, 5, 1), tiny_png()),
        employer_signature=SignatureLine("Tom Smith", date(2026, 5, 2)),
        status="Approved (locked)",
    )


def test_filled_timesheet_shows_shifts_pay_and_signatures(tmp_path: Path) -> None:
    out = render(filled(), tmp_path / "filled.pdf")
    text = text_of(out)
    for expected in (
        "Timesheet",
        "Sam Lee",
        "Jane Smith",
        "Mon 6 Apr (bank holiday)",
        "02:00 (next day)",
        "Sleep-in",
        "£19.50 an hour",
        "£80.00 a night",
        "£185.25",
        "Gross pay",
        "£428.75",
        "2.54 hours",
        "Signed by the PA",
        "1 May 2026",
        "Tom Smith",
    ):
        assert expected in text, expected


def test_blank_timesheet_has_every_date_and_empty_signature_lines(tmp_path: Path) -> None:
    blank = TimesheetPrint(
        "Jane Smith", "Sam Lee", date(2026, 4, 6), date(2026, 4, 12), bank_holidays=ENGLAND
    )
    text = text_of(render(blank, tmp_path / "blank.pdf"))
    for day in ("Mon 6 Apr (bank holiday)", "Tue 7 Apr", "Sun 12 Apr"):
        assert day in text
    assert "Gross pay" not in text
    assert "Signed by the employer or the person acting for them" in text


def test_the_service_writes_the_pdf_from_the_book(book: books.Book, tmp_path: Path) -> None:
    pa_id = add(book)
    timesheets.save_timesheet(book, pa_id, date(2026, 4, 7), EASTER_WEEK[2:4])
    out = write_timesheet_pdf(book, pa_id, date(2026, 4, 7), tmp_path / "week")
    assert out.suffix == ".pdf"
    text = text_of(out)
    assert "Sam Lee" in text and "Jane Smith" in text and "Gross pay" in text
    blank = write_timesheet_pdf(book, pa_id, date(2026, 4, 7), tmp_path / "blank.pdf", blank=True)
    assert "Gross pay" not in text_of(blank)
