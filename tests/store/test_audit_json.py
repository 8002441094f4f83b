"""The audit trail's hand-written JSON must be exactly json.dumps: every stored digest and hash
depends on it, so a single differing byte would make every book fail `check`."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from pa_manager.store import audit

values = st.one_of(
    st.text(),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.booleans(),
    st.dates(),
    st.none(),
    st.floats(allow_nan=False),
)


@given(st.dictionaries(st.text(alphabet="abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=12), values))
def test_row_digest_is_sha256_of_json_dumps(row: dict[str, Any]) -> None:
    clean = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in row.items() if v is not None}
    expected = hashlib.sha256(json.dumps(clean, sort_keys=True).encode()).hexdigest()
    assert audit.row_digest(row) == expected
    if row:
        assert audit._row_digests([row]) == [expected]


@given(st.text(), st.integers(min_value=1, max_value=10**9), st.text(), st.text(), st.text())
def test_entry_hash_is_sha256_of_json_dumps(prev: str, seq: int, at: str, actor: str, summary: str) -> None:
    entry = audit.PendingEntry("insert", "txn", "12", summary, "ab" * 32)
    fields = [
        prev,
        seq,
        at,
        actor,
        entry.action,
        entry.table_name,
        entry.row_id,
        entry.summary,
        entry.row_digest,
    ]
    expected = hashlib.sha256(json.dumps(fields).encode()).hexdigest()
    assert audit.entry_hash(prev, seq, at, actor, entry) == expected


def test_a_known_row_keeps_its_digest() -> None:
    # Worked out once with json.dumps(sort_keys=True); books already hold digests made this way.
    row = {"id": 7, "payee": "Café “Nero”", "date": date(2026, 1, 31), "note": None, "amount_pence": -450}
    text = '{"amount_pence": -450, "date": "2026-01-31", "id": 7, "payee": "Caf\\u00e9 \\u201cNero\\u201d"}'
    assert audit.row_digest(row) == hashlib.sha256(text.encode()).hexdigest()
