"""Building a return from the book: it adds up, and agrees with `summary` for any period."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from pa_manager.domain.categories import Category
from pa_manager.domain.money import Money
from pa_manager.services import book as books
from pa_manager.services.errors import BookError
from pa_manager.services.register import accounts
from pa_manager.services.returns import build_return, period_for
from pa_manager.services.summary import summarise

PERIODS = [
    (date(2026, 4, 6), date(2026, 7, 5)),
    (date(2026, 7, 6), date(2026, 10, 5)),
    (date(2026, 4, 6), date(2027, 4, 5)),
    (date(2026, 5, 17), date(2026, 5, 17)),
    (date(2025, 1, 1), date(2026, 4, 30)),
]


@pytest.mark.parametrize(("start", "end"), PERIODS)
@pytest.mark.parametrize("which", ["demo", "randombook"])
def test_opening_plus_in_minus_out_is_closing_and_matches_the_summary(
    which: str, start: date, end: date, request: pytest.FixtureRequest
) -> None:
    book: books.Book = request.getfixturevalue(which)
    f, tpl = build_return(book, start, end)
    s = summarise(book, start, end)
    assert f.opening + f.total_in - f.total_out == f.closing
    assert f.closing == s.balance
    assert (f.money_in, f.money_out) == (s.money_in, s.money_out)
    assert (f.committed, f.contingency, f.weeks_held) == (s.committed, s.contingency, s.weeks_held)
    assert f.surplus_at_risk == s.position.surplus_at_risk
    assert f.available == s.position.available
    # The opening balance is the closing balance of the day before, once the account exists (an
    # account opened during the period brings its opening balance into the return's opening).
    before = summarise(book, start - timedelta(days=1), start - timedelta(days=1))
    opened = Money.total(a.opening_balance for a in accounts(book) if start <= a.opening_date <= end)
    assert f.opening == before.balance + opened
    # The transaction list holds exactly the period's lines and sums to in − out.
    assert all(start <= t.day <= end for t in f.transactions)
    assert Money.total(t.amount for t in f.transactions) == f.total_in - f.total_out
    assert [t.number for t in f.transactions] == list(range(1, len(f.transactions) + 1))
    # The council's lines add up to the same totals, whatever the template.
    lines_in, lines_out = tpl.lines(f.money_in, f.money_out)
    assert Money.total(x.amount for x in lines_in) == f.total_in
    assert Money.total(x.amount for x in lines_out) == f.total_out


def test_splits_refunds_and_uncategorised_lines_count_the_way_the_summary_does(
    randombook: books.Book,
) -> None:
    f, _ = build_return(randombook, date(2026, 4, 6), date(2027, 4, 5))
    splits = [t for t in f.transactions if t.parts]
    assert len(splits) == 12
    assert all(Money.total(a for _c, a in t.parts) == t.amount for t in splits)
    assert all(t.category.startswith("Split: ") for t in splits)
    assert Category.UNCATEGORISED in f.money_in  # the unknown credits
    assert Category.EQUIPMENT in f.money_out and Category.TRAINING in f.money_out


def test_the_header_names_the_holder_the_council_and_who_completes_it(demo: books.Book) -> None:
    f, _ = build_return(demo, date(2026, 4, 6), date(2026, 7, 5))
    h = f.header
    assert h.holder and h.council and h.council_reference
    assert h.weekly_dp.pence > 0 and h.account_type == "Bank account"
    assert f.signed_by and f.capacity and f.signed_by in h.acting


def test_evidence_numbers_point_at_real_items_and_wages_at_payslips(demo: books.Book) -> None:
    f, _ = build_return(demo, date(2026, 4, 6), date(2026, 7, 5))
    numbers = {e.number for e in f.evidence}
    cited = {n for t in f.transactions for n in t.evidence}
    assert cited <= numbers
    wages = [t for t in f.transactions if t.category == Category.PA_WAGES.label]
    assert wages and sum(1 for t in wages if any(n.startswith("P") for n in t.evidence)) >= len(wages) // 2
    # Each PA's timesheets carry consecutive numbers.
    for p in f.pas:
        ns = [int(n[1:]) for n in p.timesheet_numbers]
        assert ns == list(range(ns[0], ns[0] + len(ns)))
        assert p.hours > 0 and p.gross.pence > 0


def test_receipts_get_r_numbers_in_the_order_the_list_cites_them(randombook: books.Book) -> None:
    f, _ = build_return(randombook, date(2026, 4, 6), date(2027, 4, 5))
    receipts = [n for t in f.transactions for n in t.evidence if n.startswith("R")]
    assert receipts == [f"R{i}" for i in range(1, 7)]


def test_bad_periods_are_refused(demo: books.Book) -> None:
    with pytest.raises(BookError, match="start on or before"):
        build_return(demo, date(2026, 7, 5), date(2026, 4, 6))
    with pytest.raises(BookError, match="both the first and the last"):
        period_for(demo, date(2026, 4, 6), None)
    with pytest.raises(BookError, match="no return template called"):
        build_return(demo, date(2026, 4, 6), date(2026, 7, 5), "nonsense")
