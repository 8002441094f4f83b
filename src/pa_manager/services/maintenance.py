"""Checking a book's integrity, and backing it up to (and restoring it from) one `.pabackup` file."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text

from pa_manager.services.book import Book, book_path
from pa_manager.services.errors import BookError
from pa_manager.store import audit, migrate
from pa_manager.store import backup as backups
from pa_manager.store import keys as keyfile


@dataclass(frozen=True, slots=True)
class CheckReport:
    """What `check` found: nothing in `problems` means the book is sound."""

    audit_entries: int
    problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems


def check_book(book: Book) -> CheckReport:
    """Database integrity (SQLite and SQLCipher's page HMACs), the audit chain, and rows edited outside."""
    problems: list[str] = []
    with book.engine.connect() as con:
        for pragma in ("PRAGMA integrity_check", "PRAGMA cipher_integrity_check"):
            rows = [str(r[0]) for r in con.execute(text(pragma))]
            bad = [r for r in rows if r.lower() != "ok"]
            problems.extend(f"Database damage: {r}" for r in bad[:10])
        problems.extend(audit.verify(con))
        entries = int(con.execute(text("SELECT count(*) FROM audit_log")).scalar() or 0)
    return CheckReport(entries, problems)


def backup_book(book: Book, out: Path) -> Path:
    """Write one `.pabackup` file carrying the book and its keys file."""
    out = Path(out).expanduser()
    if out.suffix != ".pabackup":
        out = out.with_name(out.name + ".pabackup")
    if out.exists():
        raise BookError(f"{out.name} already exists. Choose another name.")
    if not out.parent.is_dir():
        raise BookError(f"The folder {out.parent} does not exist.")
    if not keyfile.keys_path(book.path).exists():
        raise BookError("The keys file beside this book is missing; set a new passphrase first.")
    manifest = backups.Manifest(book.book_id, migrate.current(book.engine) or "", backups.now_utc())
    try:
        backups.write_backup(book.engine, book.path, out, manifest)
    except OSError as err:
        raise BookError(f"Could not write the backup: {err.strerror or err}.") from None
    if book.actor is not None:
        with book.write() as s:
            audit.note(s, "Made a backup")
    return out


def restore_backup(backup: Path, out: Path) -> Path:
    """Unpack a `.pabackup` into a book and keys file at `out`; never overwrites anything."""
    out = book_path(out)
    if not out.parent.is_dir():
        raise BookError(f"The folder {out.parent} does not exist.")
    try:
        backups.unpack(Path(backup).expanduser(), out)
    except backups.BackupError as err:
        raise BookError(str(err)) from None
    except OSError as err:
        for p in (out, keyfile.keys_path(out)):
            with contextlib.suppress(FileNotFoundError):
                p.unlink()
        raise BookError(f"Could not write the restored book: {err.strerror or err}.") from None
    return out
