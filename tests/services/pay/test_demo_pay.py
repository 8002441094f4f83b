"""The demo book's year of finalised pay runs, without a year of unpaid commitments."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pa_manager.services import pay_runs
from pa_manager.services.demo import open_new_demo_book
from pa_manager.services.pay_types import PayRunStatus
from tests.conftest import PASSPHRASE


def test_demo_pay_finalises_a_run_per_approved_week(tmp_path: Path) -> None:
    book = open_new_demo_book(tmp_path / "demo.pabook", PASSPHRASE, years=1, pas=2)
    try:
        # open_new_demo_book has called add_demo_pay already.
        runs = pay_runs.pay_runs(book)
        assert len(runs) >= 40
        assert all(r.status is PayRunStatus.FINALISED and r.payslip_count == 2 for r in runs)
        newest = pay_runs.get_pay_run(book, runs[0].id)
        assert newest.payslips[0].ytd.gross > newest.payslips[0].gross
        # Runs paid before the last statement are recorded as paid: nothing old is left owing.
        position = pay_runs.hmrc_due(book, date.today())
        assert not position.overdue
    finally:
        book.close()
