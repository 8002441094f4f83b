import shutil
from datetime import date
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from pa_manager.services import book as books
from pa_manager.services.maintenance import check_book
from pa_manager.services.summary import summarise
from pa_manager.store import backup as backups
from pa_manager.store import migrate
from tests.helpers import hashes, raw_sql

FIXTURES = Path(__file__).parent / "fixtures"
FIXTURE_PASSPHRASE = "fixture passphrase for schema one"


@pytest.fixture
def first_schema_book(tmp_path: Path) -> Path:
    for name in ("schema_0001.pabook", "schema_0001.pabook.keys"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    return tmp_path / "schema_0001.pabook"


def test_fixture_really_is_the_first_schema(first_schema_book: Path) -> None:
    key = books.keyfile.unwrap(
        books.keyfile.load(books.keyfile.keys_path(first_schema_book)), FIXTURE_PASSPHRASE
    )
    engine = books.make_engine(first_schema_book, key)
    try:
        assert migrate.current(engine) == "0001"
    finally:
        engine.dispose()


def test_first_schema_book_upgrades_on_open_with_a_backup_beside_it(first_schema_book: Path) -> None:
    b = books.open_book(first_schema_book, passphrase=FIXTURE_PASSPHRASE)
    try:
        assert migrate.current(b.engine) == migrate.head() != "0001"
        s = summarise(b, date(2025, 4, 6), date(2025, 5, 1))
        assert s.holder_name == "Peter Quince"
        assert s.balance.decimal_str() == "1536.50"
        assert check_book(b).ok, check_book(b).problems
    finally:
        b.close()
    saved = list(first_schema_book.parent.glob("schema_0001.before-upgrade-0001-*.pabackup"))
    assert len(saved) == 1
    manifest, _book, _keys = backups.read_backup(saved[0])
    assert manifest.schema == "0001"
    # The backup really holds the old book: restore it and it is at schema 0001.
    restored = first_schema_book.parent / "restored" / "old.pabook"
    restored.parent.mkdir()
    backups.unpack(saved[0], restored)
    key = books.keyfile.unwrap(books.keyfile.load(books.keyfile.keys_path(restored)), FIXTURE_PASSPHRASE)
    engine = books.make_engine(restored, key)
    assert migrate.current(engine) == "0001"
    engine.dispose()


def test_opening_an_up_to_date_book_takes_no_backup(first_schema_book: Path) -> None:
    books.open_book(first_schema_book, passphrase=FIXTURE_PASSPHRASE).close()
    before = sorted(hashes(first_schema_book.parent))
    books.open_book(first_schema_book, passphrase=FIXTURE_PASSPHRASE).close()
    assert sorted(hashes(first_schema_book.parent)) == before


def test_check_detects_a_row_edited_outside_the_app(first_schema_book: Path) -> None:
    raw_sql(first_schema_book, FIXTURE_PASSPHRASE, "UPDATE txn SET amount_pence = -2405 WHERE id = 2")
    b = books.open_book(first_schema_book, passphrase=FIXTURE_PASSPHRASE)
    try:
        assert check_book(b).problems == ["txn 2 was changed outside PA Manager."]
    finally:
        b.close()


def test_check_detects_rows_added_or_deleted_outside_the_app(first_schema_book: Path) -> None:
    raw_sql(
        first_schema_book,
        FIXTURE_PASSPHRASE,
        "DELETE FROM txn WHERE id = 3",
        "INSERT INTO pa (id, name, start_date) VALUES (9, 'Ghost', '2025-04-01')",
    )
    b = books.open_book(first_schema_book, passphrase=FIXTURE_PASSPHRASE)
    try:
        problems = check_book(b).problems
    finally:
        b.close()
    assert "pa 9 was added outside PA Manager (no audit entry)." in problems
    assert "txn 3 was deleted outside PA Manager." in problems


def test_the_audit_log_is_append_only_and_tampering_breaks_the_chain(first_schema_book: Path) -> None:
    with pytest.raises(sqlcipher.IntegrityError, match="append-only"):
        raw_sql(first_schema_book, FIXTURE_PASSPHRASE, "UPDATE audit_log SET actor = 'x' WHERE seq = 2")
    raw_sql(
        first_schema_book,
        FIXTURE_PASSPHRASE,
        "DROP TRIGGER audit_log_no_update",
        "UPDATE audit_log SET actor = 'Someone else' WHERE seq = 2",
    )
    b = books.open_book(first_schema_book, passphrase=FIXTURE_PASSPHRASE)
    try:
        problems = check_book(b).problems
    finally:
        b.close()
    assert problems == ["Audit entry 2 was altered: the hash chain breaks there."]


def test_head_constant_matches_the_migration_scripts() -> None:
    assert migrate.alembic_head() == migrate.head()
    versions = sorted(p.name[:4] for p in migrate.MIGRATIONS.joinpath("versions").glob("0*.py"))
    assert tuple(versions) == migrate.KNOWN
