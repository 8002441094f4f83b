"""Arguments and helpers every book command shares: the passphrase, opening the book, dates."""

from __future__ import annotations

import argparse
import os
from datetime import date, datetime
from pathlib import Path

from pa_manager.services import book as books
from pa_manager.services.errors import BookError

PASSPHRASE_ENV = "PA_MANAGER_PASSPHRASE"
NEW_PASSPHRASE_ENV = "PA_MANAGER_NEW_PASSPHRASE"
RECOVERY_ENV = "PA_MANAGER_RECOVERY_CODE"


def _passphrase_args(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--passphrase-file", type=Path, help=f"a file holding the passphrase (or set {PASSPHRASE_ENV})"
    )


def _passphrase(ns: argparse.Namespace) -> str:
    return _secret(ns.passphrase_file, PASSPHRASE_ENV) or ""


def _secret(path: Path | None, env: str, *, required: bool = True) -> str | None:
    if path is not None:
        try:
            return path.read_text(encoding="utf-8").splitlines()[0] if path.stat().st_size else ""
        except (OSError, UnicodeDecodeError, IndexError):
            raise BookError(f"Could not read {path}.") from None
    value = os.environ.get(env)
    if value is None and required:
        raise BookError(f"Give the passphrase in {env} or with --passphrase-file.")
    return value


def _open(ns: argparse.Namespace) -> books.Book:
    return books.open_book(ns.book, passphrase=_passphrase(ns))


def _date(text: str | None, flag: str) -> date | None:
    if text is None:
        return None
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%b-%Y", "%d %b %Y"):
        try:
            return datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    raise BookError(f"{flag}: “{text}” is not a date. Write it like 2026-04-06 or 06/04/2026.")
