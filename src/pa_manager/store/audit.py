"""The audit trail: every write records when, who and what, in an append-only hash chain.

Each entry's hash covers the previous entry's hash, so removing or editing an entry breaks the
chain. Each entry also stores a digest of the row as written, so `check` can tell when a row was
changed outside PA Manager: the row no longer matches the last digest the app recorded for it.
Triggers (migration 0001) refuse UPDATE and DELETE on the log itself.

Limits, said plainly: anyone holding the book key can rewrite the whole chain with their own tool.
The chain shows accidental or careless edits and edits by tools that do not know the scheme; it is
not a signature.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, cast

from sqlalchemy import Connection, Date, DateTime, Table, event, func, inspect, select
from sqlalchemy.orm import Session, UOWTransaction

from pa_manager.store.models import AUDITED_TABLES, AuditEntry, Base

GENESIS = "0" * 64
BATCH_INSERT = "insert_many"  # row_id "first-last"; row_digest holds each row's digest in id order
ACTOR_KEY = "actor"


class NoActorError(Exception):
    """A write was attempted without saying who is making it."""


@dataclass(frozen=True, slots=True)
class PendingEntry:
    """An audit entry before it is chained."""

    action: str
    table_name: str
    row_id: str
    summary: str
    row_digest: str


def _json(value: Any) -> str:
    """One value as json.dumps writes it (ASCII, default separators), without its per-call setup.

    Strings and whole numbers (nearly every value in the book) are written directly by the same C
    routine json uses; anything else goes through json.dumps, so the text is always identical.
    """
    kind = type(value)
    if kind is str:
        return _quote(value)
    if kind is int:
        return int.__repr__(value)
    return json.dumps(value)


_quote = json.encoder.encode_basestring_ascii


def _object(items: Iterable[tuple[str, Any]]) -> str:
    """A JSON object, keys in the order given, as json.dumps writes it."""
    return "{" + ", ".join(f"{_quote(k)}: {_json(v)}" for k, v in items) + "}"


def row_digest(values: Mapping[str, Any]) -> str:
    """SHA-256 of a row's non-null columns. Nulls are left out, so a migration that adds a nullable
    column does not make every old row look edited. (The JSON is json.dumps(..., sort_keys=True).)"""
    clean = [(k, _plain(v)) for k, v in sorted(values.items()) if v is not None]
    return hashlib.sha256(_object(clean).encode()).hexdigest()


def _row_digests(rows: list[dict[str, Any]]) -> list[str]:
    """row_digest for many rows with the same columns: the same digests, with the keys sorted and
    quoted once and strings and whole numbers written directly (a bulk import spends its time here)."""
    heads = [(k, _quote(k) + ": ") for k in sorted(rows[0])]
    sha = hashlib.sha256
    out = []
    for row in rows:
        parts = []
        for key, head in heads:
            v = row[key]
            if v is None:
                continue
            kind = type(v)
            parts.append(
                head + (_quote(v) if kind is str else int.__repr__(v) if kind is int else _json(_plain(v)))
            )
        out.append(sha(("{" + ", ".join(parts) + "}").encode()).hexdigest())
    return out


def entry_hash(prev_hash: str, seq: int, at_utc: str, actor: str, e: PendingEntry) -> str:
    fields = (prev_hash, seq, at_utc, actor, e.action, e.table_name, e.row_id, e.summary, e.row_digest)
    payload = "[" + ", ".join(_json(f) for f in fields) + "]"  # as json.dumps(list(fields))
    return hashlib.sha256(payload.encode()).hexdigest()


_AUDIT_COLUMNS = (
    "seq", "at_utc", "actor", "action", "table_name", "row_id", "summary", "row_digest", "prev_hash", "hash",
)  # fmt: skip
_AUDIT_INSERT = (
    f"INSERT INTO audit_log ({', '.join(_AUDIT_COLUMNS)}) VALUES ({', '.join('?' * len(_AUDIT_COLUMNS))})"
)


def append(con: Connection, actor: str, entries: Iterable[PendingEntry]) -> int:
    """Chain and write entries after the current last one. Returns how many were written."""
    last = con.execute(
        select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)
    ).first()
    seq, prev = (last[0], last[1]) if last else (0, GENESIS)
    at = datetime.now(UTC).isoformat(timespec="microseconds")
    rows = []
    for e in entries:
        seq += 1
        h = entry_hash(prev, seq, at, actor, e)
        rows.append((seq, at, actor, e.action, e.table_name, e.row_id, e.summary, e.row_digest, prev, h))
        prev = h
    if rows:
        # Straight to the driver: these are all text and numbers, in the table's column order.
        con.exec_driver_sql(_AUDIT_INSERT, rows)
    return len(rows)


def _insert_many(con: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """One DB-API executemany: SQLAlchemy's per-row parameter building costs more than the insert.

    Values are stored as SQLAlchemy's SQLite types would store them (dates as ISO text).
    """
    columns = list(rows[0])
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" * len(columns))
    sql = f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})'
    # Convert only the columns the table declares as dates, rather than testing every value.
    dated = [i for i, c in enumerate(columns) if isinstance(table.c[c].type, Date | DateTime)]
    values = [[row[c] for c in columns] for row in rows]
    for i in dated:
        for line in values:
            if line[i] is not None:
                line[i] = _stored(line[i])
    con.exec_driver_sql(sql, [tuple(line) for line in values])


def _stored(value: date) -> str:
    """A date or datetime as SQLAlchemy's SQLite types store it."""
    if isinstance(value, datetime):
        return value.isoformat(" ", "microseconds")
    return value.isoformat()


def note(session: Session, summary: str) -> None:
    """Record an event that changes no row (an unlock, a backup, a passphrase change)."""
    actor = _actor(session)
    append(session.connection(), actor, [PendingEntry("note", "-", "-", summary, "")])


def insert_audited(session: Session, model: type[Base], rows: list[dict[str, Any]]) -> list[int]:
    """Insert many rows of one table in a single statement and audit each, as a flush would.

    The ORM's unit of work costs about half a millisecond a row; a year of bank statement lines or
    the benchmark book needs bulk speed with the same audit trail.
    """
    if not rows:
        return []
    table = cast(Table, model.__table__)
    # Ids are given rather than returned: SQLite's RETURNING makes SQLAlchemy send one statement
    # per row, while plain executemany is one call. This runs inside the book's single write
    # transaction, so nobody else can take the ids in between.
    first = int(session.scalar(select(func.coalesce(func.max(table.c.id), 0))) or 0) + 1
    ids = list(range(first, first + len(rows)))
    rows = [{**row, "id": i} for i, row in zip(ids, rows, strict=True)]
    _insert_many(session.connection(), table, rows)
    name = str(table.description)
    if len(rows) == 1:
        entry = PendingEntry("insert", name, str(first), f"Added {name} {first}", _row_digests(rows)[0])
    else:
        # One entry for the batch keeps every row's own digest (space-separated, in id order), so
        # `check` still names the exact row changed later; ten thousand chained entries cost more
        # than the insert itself.
        last = ids[-1]
        entry = PendingEntry(
            BATCH_INSERT, name, f"{first}-{last}", f"Added {len(rows)} {name} rows, {first} to {last}",
            " ".join(_row_digests(rows)),
        )  # fmt: skip
    append(session.connection(), _actor(session), [entry])
    return ids


def install(session: Session) -> None:
    """Make this session record every ORM write in the audit log, on flush, in the same transaction."""
    event.listen(session, "after_flush", _after_flush)


def _after_flush(session: Session, _ctx: UOWTransaction) -> None:
    pending: list[PendingEntry] = []
    for obj, action in _changed(session):
        state = inspect(obj)
        mapper = state.mapper
        table = str(mapper.local_table.description)
        pk = ",".join(str(v) for v in mapper.primary_key_from_instance(obj))
        if action == "delete":
            digest, what = "", f"Deleted {table} {pk}"
        else:
            values = {c.key: getattr(obj, c.key) for c in mapper.column_attrs}
            digest = row_digest({mapper.get_property(k).columns[0].name: v for k, v in values.items()})
            if action == "insert":
                what = f"Added {table} {pk}"
            else:
                changed = [a.key for a in state.attrs if a.history.has_changes() and a.key in values]
                what = f"Changed {table} {pk}: {', '.join(sorted(changed)) or 'no fields'}"
        pending.append(PendingEntry(action, table, pk, what, digest))
    if pending:
        append(session.connection(), _actor(session), pending)


def _changed(session: Session) -> Iterable[tuple[Base, str]]:
    for obj in session.new:
        if isinstance(obj, Base):
            yield obj, "insert"
    for obj in session.dirty:
        if isinstance(obj, Base) and session.is_modified(obj, include_collections=False):
            yield obj, "update"
    for obj in session.deleted:
        if isinstance(obj, Base):
            yield obj, "delete"


def _actor(session: Session) -> str:
    actor = session.info.get(ACTOR_KEY)
    if not actor:
        raise NoActorError("no one is named as acting; every change must say who made it")
    return str(actor)


def verify(con: Connection) -> list[str]:
    """Problems with the chain and with rows changed outside the app, as plain sentences."""
    problems: list[str] = []
    latest: dict[tuple[str, str], tuple[str, str]] = {}
    prev, expected_seq = GENESIS, 1
    log = AuditEntry.__table__
    for r in con.execute(select(log).order_by(log.c.seq)):
        e = PendingEntry(r.action, r.table_name, r.row_id, r.summary, r.row_digest)
        if r.seq != expected_seq:
            problems.append(f"Audit entry {expected_seq} is missing: the trail has a gap.")
        if r.prev_hash != prev or entry_hash(prev, r.seq, r.at_utc, r.actor, e) != r.hash:
            problems.append(f"Audit entry {r.seq} was altered: the hash chain breaks there.")
        prev, expected_seq = r.hash, r.seq + 1
        if r.action in ("insert", "update", "delete"):
            latest[(r.table_name, r.row_id)] = (r.action, r.row_digest)
        elif r.action == BATCH_INSERT:
            latest.update(_batch_rows(r.table_name, r.row_id, r.row_digest))
    if len(problems) > 20:
        problems = [*problems[:20], f"… and {len(problems) - 20} more audit problems."]
    problems.extend(_verify_rows(con, latest))
    return problems


def _batch_rows(table: str, row_id: str, digests: str) -> dict[tuple[str, str], tuple[str, str]]:
    """The rows a batch entry added, each with its digest. A malformed entry yields none, and the
    rows then show as added outside PA Manager."""
    first, _, last = row_id.partition("-")
    each = digests.split(" ")
    if not (first.isdigit() and last.isdigit()) or len(each) != int(last) - int(first) + 1:
        return {}
    return {
        (table, str(pk)): ("insert", d) for pk, d in zip(range(int(first), int(last) + 1), each, strict=True)
    }


def _verify_rows(con: Connection, latest: dict[tuple[str, str], tuple[str, str]]) -> list[str]:
    problems: list[str] = []
    seen: set[tuple[str, str]] = set()
    for name, table in AUDITED_TABLES.items():
        pk_cols = list(table.primary_key.columns)
        for row in con.execute(select(table)).mappings():
            pk = ",".join(str(row[c.name]) for c in pk_cols)
            seen.add((name, pk))
            record = latest.get((name, pk))
            if record is None:
                problems.append(f"{name} {pk} was added outside PA Manager (no audit entry).")
            elif record[0] == "delete":
                problems.append(f"{name} {pk} was deleted in PA Manager but is back.")
            elif record[1] != row_digest(dict(row)):
                problems.append(f"{name} {pk} was changed outside PA Manager.")
    for (name, pk), (action, _digest) in latest.items():
        if action != "delete" and (name, pk) not in seen and name in AUDITED_TABLES:
            problems.append(f"{name} {pk} was deleted outside PA Manager.")
    return problems


def _plain(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, bytes | memoryview):
        # JSON has no bytes: a stored file is digested by its SHA-256, which still changes with
        # any edit to it.
        return hashlib.sha256(value).hexdigest()
    return value
