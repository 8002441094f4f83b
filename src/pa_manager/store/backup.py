"""Copies of a book: an encrypted snapshot, and the one-file `.pabackup` that carries its keys too.

A `.pabackup` is a zip (stored, not compressed: the contents are ciphertext) holding the book as
an encrypted SQLCipher snapshot, its keys file, and a manifest with no personal data in it.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine

from pa_manager.store import keys as keyfile
from pa_manager.store.files import write_private

FORMAT = "pa-manager-backup"
VERSION = 1
BOOK_ENTRY = "book.pabook"
KEYS_ENTRY = "book.pabook.keys"
MANIFEST = "manifest.json"
MAX_BACKUP_BYTES = 4 * 1024**3


class BackupError(Exception):
    """The backup file is not a PA Manager backup, is damaged, or cannot be written."""


@dataclass(frozen=True, slots=True)
class Manifest:
    """What a backup says about itself."""

    book_id: str
    schema: str
    created_utc: str


def snapshot(engine: Engine, dest: Path) -> None:
    """A consistent encrypted copy of the open book, under the same key (VACUUM INTO)."""
    if dest.exists():
        raise BackupError(f"{dest.name} already exists.")
    raw = engine.raw_connection()
    try:
        raw.execute("VACUUM INTO ?", (str(dest),))
    finally:
        raw.close()
    os.chmod(dest, 0o600)


def write_backup(engine: Engine, book: Path, out: Path, manifest: Manifest) -> Path:
    """Write `out` (.pabackup) from the open book and its keys file beside it."""
    keys_bytes = keyfile.keys_path(book).read_bytes()
    tmp = out.with_name(f".{out.name}.{os.getpid()}.snapshot")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    try:
        snapshot(engine, tmp)
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_STORED) as zf:
            zf.writestr(
                MANIFEST,
                json.dumps(
                    {
                        "format": FORMAT,
                        "version": VERSION,
                        "book_id": manifest.book_id,
                        "schema": manifest.schema,
                        "created_utc": manifest.created_utc,
                    }
                ),
            )
            zf.writestr(KEYS_ENTRY, keys_bytes)
            zf.write(tmp, BOOK_ENTRY)
        write_private(out, buf.getvalue())
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    return out


def read_backup(backup: Path) -> tuple[Manifest, bytes, bytes]:
    """(manifest, book bytes, keys bytes) from a .pabackup; BackupError if it is not one."""
    try:
        if backup.stat().st_size > MAX_BACKUP_BYTES:
            raise BackupError(f"{backup.name} is too large to be a PA Manager backup.")
        with zipfile.ZipFile(backup) as zf:
            doc = json.loads(zf.read(MANIFEST))
            if doc.get("format") != FORMAT:
                raise BackupError(f"{backup.name} is not a PA Manager backup.")
            if doc.get("version") != VERSION:
                raise BackupError(f"{backup.name} was made by a newer PA Manager; update the app.")
            manifest = Manifest(str(doc["book_id"]), str(doc["schema"]), str(doc["created_utc"]))
            return manifest, zf.read(BOOK_ENTRY), zf.read(KEYS_ENTRY)
    except FileNotFoundError:
        raise BackupError(f"There is no file called {backup.name}.") from None
    except BackupError:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError, AttributeError):
        raise BackupError(f"{backup.name} is not a PA Manager backup, or it is damaged.") from None


def unpack(backup: Path, out: Path) -> Manifest:
    """Write the book and its keys file from a backup; never overwrites anything."""
    manifest, book_bytes, keys_bytes = read_backup(backup)
    keys_out = keyfile.keys_path(out)
    for path in (out, keys_out):
        if path.exists():
            raise BackupError(f"{path.name} already exists; choose another name or folder.")
    write_private(keys_out, keys_bytes)
    try:
        write_private(out, book_bytes)
    except BaseException:
        keys_out.unlink()
        raise
    return manifest


def now_utc() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
