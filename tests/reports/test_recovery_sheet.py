from pathlib import Path

from pypdf import PdfReader

from pa_manager.services import book as books


def test_recovery_sheet_shows_the_code_and_who_it_is_for(created: books.CreatedBook, tmp_path: Path) -> None:
    pdf = books.write_recovery_sheet(created, tmp_path / "sheet")
    assert pdf.suffix == ".pdf"
    reader = PdfReader(pdf)
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Jane Smith" in text and "jane.pabook" in text
    for group in created.recovery_code.split("-"):
        assert group in text
    # The code printed is the one that opens the book.
    books.open_book(created.path, recovery_code=created.recovery_code).close()
