"""The keys file beside a book: the book's raw key wrapped by the person's passphrase.

Argon2id (t=3, 64 MiB, p=4; about 80 ms here) makes a key-encryption key from the passphrase, and
AES-256-GCM wraps the book key with it. The associated data binds the wrapping to this book's id and
format version, so a keys file cannot be swapped between books unnoticed. Changing the passphrase
rewrites only this small file; the book's data is never re-encrypted.
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from pa_manager.store.files import write_private

FORMAT = "pa-manager-keys"
VERSION = 1
ARGON2 = {"iterations": 3, "memory_cost": 64 * 1024, "lanes": 4}


class KeysFileError(Exception):
    """The keys file is missing, unreadable or not a PA Manager keys file."""


class WrongPassphraseError(Exception):
    """The passphrase does not unwrap the key."""


@dataclass(frozen=True, slots=True)
class KeysFile:
    """The parsed keys file: which book it belongs to and the wrapped key."""

    book_id: str
    salt: bytes
    nonce: bytes
    wrapped: bytes
    params: dict[str, int]


def keys_path(book: Path) -> Path:
    return book.with_name(book.name + ".keys")


def wrap(book_id: str, key: bytes, passphrase: str) -> KeysFile:
    salt, nonce = os.urandom(16), os.urandom(12)
    kek = _kek(passphrase, salt, ARGON2)
    wrapped = AESGCM(kek).encrypt(nonce, key, _aad(book_id))
    return KeysFile(book_id, salt, nonce, wrapped, dict(ARGON2))


def unwrap(keys: KeysFile, passphrase: str) -> bytes:
    kek = _kek(passphrase, keys.salt, keys.params)
    try:
        return AESGCM(kek).decrypt(keys.nonce, keys.wrapped, _aad(keys.book_id))
    except InvalidTag:
        raise WrongPassphraseError from None


def save(path: Path, keys: KeysFile) -> None:
    doc = {
        "format": FORMAT,
        "version": VERSION,
        "book_id": keys.book_id,
        "kdf": "argon2id",
        "params": keys.params,
        "salt": _b64(keys.salt),
        "nonce": _b64(keys.nonce),
        "cipher": "aes-256-gcm",
        "wrapped": _b64(keys.wrapped),
    }
    write_private(path, json.dumps(doc, indent=1).encode())


def load(path: Path) -> KeysFile:
    try:
        doc = json.loads(path.read_bytes())
        if doc.get("format") != FORMAT:
            raise KeysFileError(f"{path.name} is not a PA Manager keys file.")
        if doc.get("version") != VERSION:
            raise KeysFileError(f"{path.name} was made by a newer PA Manager; update the app.")
        params = {k: int(doc["params"][k]) for k in ("iterations", "memory_cost", "lanes")}
        return KeysFile(
            str(doc["book_id"]),
            _unb64(doc["salt"]),
            _unb64(doc["nonce"]),
            _unb64(doc["wrapped"]),
            params,
        )
    except FileNotFoundError:
        raise KeysFileError(
            f"The keys file {path.name} is missing. Put it back beside the book, "
            "or open the book with its recovery code."
        ) from None
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as err:
        if isinstance(err, KeysFileError):
            raise
        raise KeysFileError(
            f"The keys file {path.name} is damaged. Open the book with its recovery code."
        ) from None


def _kek(passphrase: str, salt: bytes, params: dict[str, int]) -> bytes:
    kdf = Argon2id(
        salt=salt,
        length=32,
        iterations=params["iterations"],
        lanes=params["lanes"],
        memory_cost=params["memory_cost"],
    )
    return kdf.derive(passphrase.encode("utf-8"))


def _aad(book_id: str) -> bytes:
    return f"{FORMAT}|{book_id}|v{VERSION}".encode()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)
