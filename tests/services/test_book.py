from pathlib import Path

import pytest

from pa_manager.domain.holder import PersonRole
from pa_manager.services import book as books
from pa_manager.services.errors import BookError
from pa_manager.store import keys
from tests.conftest import PASSPHRASE, new_book_details
from tests.helpers import hashes, plaintext_hits, raw_sql


def test_create_then_open_gives_the_holder_and_people(created: books.CreatedBook) -> None:
    assert created.path.name == "jane.pabook"
    assert keys.keys_path(created.path).exists()
    b = books.open_book(created.path, passphrase=PASSPHRASE)
    try:
        assert b.holder_name == "Jane Smith"
        people = b.people()
        assert [(p.name, p.role) for p in people] == [
            ("Jane Smith", PersonRole.BUDGET_HOLDER),
            ("Tom Smith", PersonRole.FAMILY_CARER),
        ]
        assert b.actor is None and b.title() == "Jane Smith’s book"
        b.act_as(people[1].id)
        assert b.title() == "Jane Smith’s book — acting: Tom Smith (son, acting for Jane)"
    finally:
        b.close()


def test_book_files_hold_no_plaintext_and_are_private(created: books.CreatedBook) -> None:
    b = books.open_book(created.path, passphrase=PASSPHRASE)
    b.act_as_default()
    b.add_person("Sam Lee", PersonRole.SUPPORT_WORKER)
    folder = created.path.parent
    for f in folder.iterdir():  # the book, its keys file, and any -wal/-shm while open
        assert plaintext_hits(f, "Jane Smith", "AC-55501", "Anytown", "Sam Lee") == [], f.name
    b.close()
    assert created.path.stat().st_mode & 0o077 == 0
    assert keys.keys_path(created.path).stat().st_mode & 0o077 == 0


def test_nothing_can_change_without_someone_acting(created: books.CreatedBook) -> None:
    b = books.open_book(created.path, passphrase=PASSPHRASE)
    with pytest.raises(BookError, match="Choose who is using the book"), b.write():
        pass
    b.close()


def test_create_refuses_weak_passphrase_existing_book_and_missing_folder(
    tmp_path: Path, created: books.CreatedBook
) -> None:
    with pytest.raises(BookError, match="Too short"):
        books.create_book(tmp_path / "other", "short", new_book_details())
    with pytest.raises(BookError, match="already exists"):
        books.create_book(created.path, PASSPHRASE, new_book_details())
    with pytest.raises(BookError, match="does not exist"):
        books.create_book(tmp_path / "nope" / "book", PASSPHRASE, new_book_details())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["jane.pabook", "jane.pabook.keys"]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"passphrase": "not the passphrase"}, "That passphrase does not open this book"),
        ({"passphrase": ""}, "Type the passphrase"),
        ({"recovery_code": "ABCDE-12345"}, "13 groups"),
    ],
)
def test_wrong_secrets_are_refused_and_change_no_file(
    created: books.CreatedBook, kwargs: dict[str, str], message: str
) -> None:
    before = hashes(created.path.parent)
    with pytest.raises(BookError, match=message):
        books.open_book(created.path, **kwargs)
    assert hashes(created.path.parent) == before


def test_another_books_recovery_code_is_refused_and_changes_nothing(
    tmp_path: Path, created: books.CreatedBook
) -> None:
    (tmp_path / "b").mkdir()
    other = books.create_book(tmp_path / "b" / "bob", PASSPHRASE, new_book_details("Bob Brown"))
    before = hashes(created.path.parent)
    with pytest.raises(BookError, match="does not open this book"):
        books.open_book(created.path, recovery_code=other.recovery_code)
    assert hashes(created.path.parent) == before


def test_recovery_code_opens_without_keys_file_and_sets_a_new_passphrase(created: books.CreatedBook) -> None:
    keys.keys_path(created.path).unlink()
    with pytest.raises(BookError, match=r"keys file .* is missing"):
        books.open_book(created.path, passphrase=PASSPHRASE)
    b = books.open_book(created.path, recovery_code=created.recovery_code.lower())
    assert b.opened_by_recovery
    b.act_as_default()
    books.set_new_passphrase(b, "a brand new passphrase")
    assert not b.opened_by_recovery
    b.close()
    books.open_book(created.path, passphrase="a brand new passphrase").close()
    with pytest.raises(BookError, match="does not open"):
        books.open_book(created.path, passphrase=PASSPHRASE)


def test_change_passphrase_rewraps_the_same_key(book: books.Book, created: books.CreatedBook) -> None:
    with pytest.raises(BookError, match="current passphrase is not right"):
        books.change_passphrase(book, "wrong wrong wrong", "another good passphrase")
    with pytest.raises(BookError, match="Too short"):
        books.change_passphrase(book, PASSPHRASE, "tiny")
    books.change_passphrase(book, PASSPHRASE, "another good passphrase")
    book.close()
    books.open_book(created.path, passphrase="another good passphrase").close()
    # The data was not re-encrypted: the recovery code (the raw key) still opens it.
    books.open_book(created.path, recovery_code=created.recovery_code).close()


def test_no_keyring_is_normal(book: books.Book, created: books.CreatedBook) -> None:
    assert not books.keyring_usable()
    assert books.remember_on_this_computer(book, True) is False
    assert not books.unlock_info(created.path).remembered
    with pytest.raises(BookError, match="does not remember"):
        books.open_book(created.path, use_remembered=True)


def test_remember_on_this_computer_uses_the_keyring(
    memory_keyring: object, book: books.Book, created: books.CreatedBook
) -> None:
    assert books.remember_on_this_computer(book, True) is True
    assert books.unlock_info(created.path).remembered
    book.close()
    books.open_book(created.path, use_remembered=True).close()
    with pytest.raises(BookError, match="does not remember"):
        books.open_book(created.path, use_remembered=True, visit_mode=True)
    visiting = books.open_book(created.path, passphrase=PASSPHRASE, visit_mode=True)
    with pytest.raises(BookError, match="visit mode"):
        books.remember_on_this_computer(visiting, True)
    visiting.close()
    b = books.open_book(created.path, passphrase=PASSPHRASE)
    books.remember_on_this_computer(b, False)
    b.close()
    assert not books.unlock_info(created.path).remembered


def test_visit_mode_is_named_in_the_audit_trail(created: books.CreatedBook) -> None:
    b = books.open_book(created.path, passphrase=PASSPHRASE, visit_mode=True)
    person = b.add_person("Sam Lee", PersonRole.SUPPORT_WORKER, "support worker")
    assert person.id == 3
    assert b.actor_label == "Sam Lee (support worker), visit mode"
    b.close()


def test_a_file_that_is_not_a_book_is_refused(tmp_path: Path) -> None:
    junk = tmp_path / "junk.pabook"
    junk.write_bytes(b"\x00garbage" * 500)
    keys.save(keys.keys_path(junk), keys.wrap("id", b"k" * 32, PASSPHRASE))
    before = hashes(tmp_path)
    with pytest.raises(BookError, match="not a PA Manager book"):
        books.open_book(junk, passphrase=PASSPHRASE)
    assert hashes(tmp_path) == before
    with pytest.raises(BookError, match="There is no book"):
        books.open_book(tmp_path / "missing.pabook", passphrase=PASSPHRASE)


def test_damaged_keys_file_gets_a_plain_message(created: books.CreatedBook) -> None:
    keys.keys_path(created.path).write_text("{not json")
    with pytest.raises(BookError, match=r"damaged\. Open the book with its recovery code"):
        books.open_book(created.path, passphrase=PASSPHRASE)


def test_a_book_from_a_newer_version_is_refused_unchanged(created: books.CreatedBook) -> None:
    raw_sql(created.path, PASSPHRASE, "UPDATE alembic_version SET version_num = '9999'")
    before = hashes(created.path.parent)
    with pytest.raises(BookError, match="newer version of PA Manager"):
        books.open_book(created.path, passphrase=PASSPHRASE)
    assert hashes(created.path.parent) == before


def test_a_closed_book_cannot_be_read_or_written(book: books.Book) -> None:
    assert book.is_open
    book.close()
    assert not book.is_open
    for action in (book.people, lambda: book.add_person("X Y", PersonRole.SUPPORT_WORKER)):
        with pytest.raises(BookError, match="locked"):
            action()
    with pytest.raises(BookError, match="locked"):
        _ = book.key
    book.close()  # closing twice is harmless
