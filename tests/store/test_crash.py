"""A process killed with SIGKILL in the middle of writing leaves a sound book with every commit in it."""

import os
import signal
import subprocess
import sys
import time

from pa_manager.services import book as books
from pa_manager.services.maintenance import check_book
from pa_manager.store.models import TransactionRow
from tests.conftest import PASSPHRASE

WRITER = """
import sys
from datetime import date
from pathlib import Path
from pa_manager.domain.categories import Category
from pa_manager.domain.money import Money
from pa_manager.services import book as books
from pa_manager.services.ledger import NewTransaction, record_transactions
b = books.open_book(Path(sys.argv[1]), passphrase=sys.argv[2])
b.act_as_default()
n = 0
while True:
    n += 1
    items = [NewTransaction(date(2026, 5, 1), f"Payee {n}", Money(-n), Category.EQUIPMENT) for _ in range(50)]
    ids = record_transactions(b, items)
    print(ids[-1], flush=True)  # printed only after the commit returned
"""


def test_sigkill_during_writes_loses_no_committed_change(created: books.CreatedBook) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(created.path), PASSPHRASE], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    committed: list[int] = []
    deadline = time.monotonic() + 60
    while len(committed) < 15 and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        committed.append(int(line))
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert len(committed) >= 15, "the writer never got going"
    b = books.open_book(created.path, passphrase=PASSPHRASE)
    try:
        report = check_book(b)
        assert report.ok, report.problems
        with b.read() as s:
            ids = set(s.scalars(TransactionRow.__table__.select().with_only_columns(TransactionRow.id)))
        assert set(range(1, committed[-1] + 1)) <= ids
    finally:
        b.close()
