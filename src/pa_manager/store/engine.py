"""The SQLCipher engine: a raw 256-bit key, WAL, full sync, foreign keys.

We use the plain pysqlite dialect with the sqlcipher3 module and issue `PRAGMA key` ourselves in a
connect event, because the pysqlcipher dialect cannot silence SQLCipher's stderr logging first
(research/tech.md section 1). A raw key (`x'…'`) skips key derivation, so a connection costs ~0.3 ms.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine, event, exc
from sqlalchemy.pool import SingletonThreadPool

KEY_BYTES = 32


class WrongKeyError(Exception):
    """The key does not open this file, or the file is not a book at all."""


def make_engine(path: Path, key: bytes) -> Engine:
    """An engine for an existing or new book file. Does not touch the file until first use."""
    if len(key) != KEY_BYTES:
        raise ValueError("a book key is 32 bytes")
    pragma_key = f"PRAGMA key = \"x'{key.hex().upper()}'\""
    # SingletonThreadPool: one connection per thread, kept open. The GUI does all book work on one
    # worker thread and the CLI on the main thread, so each keeps exactly one keyed connection.
    engine = create_engine(f"sqlite+pysqlite:///{path}", module=sqlcipher, poolclass=SingletonThreadPool)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_con: Any, _record: Any) -> None:
        cur = dbapi_con.cursor()
        cur.execute("PRAGMA cipher_log_level = NONE")  # else a wrong key prints HMAC noise
        cur.execute(pragma_key)
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA journal_mode = WAL")
        # FULL: a committed change survives power loss too, not just a killed process.
        cur.execute("PRAGMA synchronous = FULL")
        cur.execute("PRAGMA busy_timeout = 5000")
        # Sorts and temporary indexes stay in memory: nothing of the book ever lands in /tmp.
        cur.execute("PRAGMA temp_store = MEMORY")
        # 32 MB of decrypted pages (the default is 2 MB): a ten-year book's indexes stay in
        # memory, so imports and reports do not decrypt the same pages again and again.
        cur.execute("PRAGMA cache_size = -32768")
        # Copy the write-ahead log into the book once it reaches about 16 MB (the default is
        # 4 MB): a year's statement import then commits without also checkpointing, and closing
        # the book checkpoints what is left. The log is encrypted like the book.
        cur.execute("PRAGMA wal_autocheckpoint = 4000")
        cur.close()

    return engine


def verify_key(engine: Engine) -> None:
    """Read the first page: the only way SQLCipher tells a wrong key. Raises WrongKeyError."""
    try:
        with engine.connect() as con:
            con.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
    except exc.DatabaseError as err:
        engine.dispose()
        raise WrongKeyError(str(err.orig)) from None
