"""What the GUI keeps about the open book, built on the worker thread right after unlocking."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pa_manager.services.book import Book

APP_NAME = "PA Manager"


@dataclass(frozen=True, slots=True)
class OpenedBook:
    """An unlocked book and the words the window shows for it.

    `book` may only be used inside functions run by the TaskRunner; the other fields were read
    on the worker, so the GUI can show them without touching the book.
    """

    book: Book
    path: Path
    title: str
    visit_mode: bool
    demo: bool = False


def window_title(book_title: str) -> str:
    """ "Jane Smith's book — acting: Tom Smith (son, acting for Jane) — PA Manager"."""
    book_title = book_title.strip()
    if not book_title:
        return APP_NAME
    return book_title if book_title.endswith(APP_NAME) else f"{book_title} — {APP_NAME}"


def describe(book: Book, *, demo: bool = False) -> OpenedBook:
    """Read what the window needs from an open book. Worker thread only."""
    return OpenedBook(
        book=book,
        path=Path(book.path),
        title=window_title(book.title()),
        visit_mode=bool(book.visit_mode),
        demo=demo,
    )
