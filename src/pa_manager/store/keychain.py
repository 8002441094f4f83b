"""The optional copy of a book's key in the operating system's keyring ("remember on this computer").

A headless Linux box has no usable keyring: that is normal, never an error. Backends of priority
below 1 (keyrings.alt's plaintext and "encrypted" files) are treated as no keyring, because they
are not safe places for a key (research/tech.md section 2).
"""

from __future__ import annotations

import base64
import binascii
import contextlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import keyring.backend

SERVICE = "uk.pa-manager.book"


def usable() -> bool:
    import keyring  # loading it scans package entry points (~50 ms): only when a key is wanted

    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken backend config is "no keyring", not a crash
        return False
    return _usable_backend(backend)


def _usable_backend(backend: keyring.backend.KeyringBackend) -> bool:
    name = type(backend).__module__
    if name.startswith("keyring.backends.fail") or name.startswith("keyrings.alt"):
        return False
    if name.startswith("keyring.backends.chainer"):
        return bool(getattr(backend, "backends", []))
    try:
        return float(backend.priority) >= 1
    except Exception:
        return False


def store(book_id: str, key: bytes) -> bool:
    """Remember the key; False if there is no usable keyring."""
    if not usable():
        return False
    import keyring.errors

    try:
        keyring.set_password(SERVICE, book_id, base64.b64encode(key).decode("ascii"))
    except keyring.errors.KeyringError:
        return False
    return True


def fetch(book_id: str) -> bytes | None:
    if not usable():
        return None
    import keyring.errors

    try:
        text = keyring.get_password(SERVICE, book_id)
    except keyring.errors.KeyringError:
        return None
    if not text:
        return None
    try:
        key = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return None
    return key if len(key) == 32 else None


def forget(book_id: str) -> None:
    if not usable():
        return
    import keyring.errors

    # Nothing remembered means forgetting is already done.
    with contextlib.suppress(keyring.errors.KeyringError):
        keyring.delete_password(SERVICE, book_id)
