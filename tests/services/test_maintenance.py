import zipfile
from datetime import date
from pathlib import Path

import pytest

from pa_manager.domain.categories import Category
from pa_manager.domain.money import Money
from pa_manager.services import book as books
from pa_manager.services.errors import BookError
from pa_manager.services.ledger import NewTransaction, record_transactions
from pa_manager.services.maintenance import backup_book, check_book, restore_backup
from pa_manager.services.summary import summarise
from tests.conftest import PASSPHRASE
from tests.helpers import plaintext_hits


def test_backup_then_restore_gives_the_same_book(book: books.Book, tmp_path: Path) -> None:
    record_transactions(book, [NewTransaction(date(2026, 5, 1), "Argos", Money(-1999), Category.EQUIPMENT)])
    out = backup_book(book, tmp_path / "copy")
    assert out.name == "copy.pabackup"
    assert plaintext_hits(out, "Jane Smith", "AC-55501", "Argos") == []
    (tmp_path / "elsewhere").mkdir()
    restored = restore_backup(out, tmp_path / "elsewhere" / "jane")
    other = books.open_book(restored, passphrase=PASSPHRASE)
    try:
        assert summarise(other, date(2026, 4, 6), date(2026, 6, 1)) == summarise(
            book, date(2026, 4, 6), date(2026, 6, 1)
        )
        assert check_book(other).ok
    finally:
        other.close()


def test_restore_never_overwrites(book: books.Book, tmp_path: Path, created: books.CreatedBook) -> None:
    out = backup_book(book, tmp_path / "copy.pabackup")
    with pytest.raises(BookError, match="already exists"):
        backup_book(book, out)
    with pytest.raises(BookError, match="already exists"):
        restore_backup(out, created.path)


@pytest.mark.parametrize("content", [b"", b"junk" * 100, None])
def test_restore_refuses_things_that_are_not_backups(tmp_path: Path, content: bytes | None) -> None:
    bad = tmp_path / "bad.pabackup"
    if content is None:
        with zipfile.ZipFile(bad, "w") as zf:
            zf.writestr("manifest.json", '{"format": "something-else"}')
    else:
        bad.write_bytes(content)
    with pytest.raises(BookError, match="not a PA Manager backup"):
        restore_backup(bad, tmp_path / "out")
    assert not (tmp_path / "out.pabook").exists()
    assert not (tmp_path / "out.pabook.keys").exists()


def test_backup_is_recorded_in_the_audit_trail(book: books.Book, tmp_path: Path) -> None:
    before = books.count_audit_entries(book)
    backup_book(book, tmp_path / "b.pabackup")
    assert books.count_audit_entries(book) == before + 1
    assert check_book(book).ok
