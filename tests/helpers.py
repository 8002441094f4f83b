"""Small helpers shared by tests: file hashes and raw SQL on a book behind the app's back."""

from __future__ import annotations

import hashlib
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from pa_manager.store import keys


def hashes(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()
    }


def raw_sql(book: Path, passphrase: str, *statements: str) -> None:
    """Change a book with plain SQL, as a person with the key and another tool could."""
    key = keys.unwrap(keys.load(keys.keys_path(book)), passphrase)
    con = sqlcipher.connect(str(book))
    try:
        con.execute(f"PRAGMA key = \"x'{key.hex().upper()}'\"")
        for s in statements:
            con.execute(s)
        con.commit()
    finally:
        con.close()


def plaintext_hits(path: Path, *needles: str) -> list[str]:
    data = path.read_bytes()
    found = []
    for n in needles:
        for variant in (n.encode("utf-8"), n.encode("utf-16-le")):
            if variant in data:
                found.append(n)
    return found
