import json
import secrets
from pathlib import Path

import pytest

from pa_manager.store import keychain, keys


def test_wrap_unwrap_round_trip_and_wrong_passphrase(tmp_path: Path) -> None:
    key = secrets.token_bytes(32)
    path = tmp_path / "b.pabook.keys"
    keys.save(path, keys.wrap("book-1", key, "right passphrase"))
    loaded = keys.load(path)
    assert keys.unwrap(loaded, "right passphrase") == key
    with pytest.raises(keys.WrongPassphraseError):
        keys.unwrap(loaded, "wrong passphrase")
    assert key.hex() not in path.read_text()


def test_keys_file_is_bound_to_its_book_id(tmp_path: Path) -> None:
    path = tmp_path / "b.pabook.keys"
    keys.save(path, keys.wrap("book-1", secrets.token_bytes(32), "pw pw pw pw"))
    doc = json.loads(path.read_text())
    doc["book_id"] = "book-2"
    path.write_text(json.dumps(doc))
    with pytest.raises(keys.WrongPassphraseError):
        keys.unwrap(keys.load(path), "pw pw pw pw")


@pytest.mark.parametrize(
    "content", ["", "[]", '{"format": "other"}', '{"format": "pa-manager-keys", "version": 9}']
)
def test_bad_keys_files_raise_keys_file_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "x.keys"
    path.write_text(content)
    with pytest.raises(keys.KeysFileError):
        keys.load(path)


def test_keychain_with_no_backend_is_quietly_unusable() -> None:
    assert not keychain.usable()
    assert keychain.store("id", b"k" * 32) is False
    assert keychain.fetch("id") is None
    keychain.forget("id")  # no error


def test_keychain_with_memory_backend(memory_keyring: object) -> None:
    assert keychain.usable()
    assert keychain.store("id", b"k" * 32)
    assert keychain.fetch("id") == b"k" * 32
    keychain.forget("id")
    assert keychain.fetch("id") is None
