"""Home's figures and to-do list on the demo book, and the cache that makes coming back instant."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from pa_manager.domain.categories import Category
from pa_manager.domain.compliance import ComplianceTopic
from pa_manager.domain.forecast import FlowKind
from pa_manager.domain.money import Money
from pa_manager.services import book as books
from pa_manager.services.forecast import forecast
from pa_manager.services.home import home_figures
from pa_manager.services.home_todos import FixTarget
from pa_manager.services.ledger import NewTransaction, record_transactions
from pa_manager.services.spending import spending_by_month
from pa_manager.store.models import CommitmentRow, TimesheetRow


def test_home_figures_on_the_demo_book(demo: books.Book) -> None:
    today = date.today()
    h = home_figures(demo, today)
    first_council = min(
        (f for f in forecast(demo, 3, today=today).flows if f.kind is FlowKind.COUNCIL), key=lambda f: f.day
    )
    assert h.next_council is not None
    assert (h.next_council.due, h.next_council.amount) == (first_council.day, first_council.amount)
    with demo.read() as s:
        hmrc = s.execute(
            select(CommitmentRow.amount_pence, CommitmentRow.due_date).where(
                CommitmentRow.kind == "hmrc", CommitmentRow.settled_txn_id.is_(None)
            )
        ).all()
    assert h.hmrc is not None and h.hmrc.total == Money(sum(a for a, _d in hmrc))
    assert h.hmrc.due == min(d for _a, d in hmrc)
    assert h.next_payday is not None and h.next_payday.due > today - timedelta(days=1)
    assert h.summary.balance.pence > 0


def test_the_to_do_list_names_each_thing_and_where_to_fix_it(demo: books.Book) -> None:
    todos = home_figures(demo).todos
    kinds = {t.target for t in todos}
    # The demo has: the second PA's DBS over three years old, the third PA's right-to-work
    # follow-up due within a month, and every PA's newest timesheet signed by the PA only.
    assert FixTarget.TIMESHEET in kinds and FixTarget.PA_RECORD in kinds
    with demo.read() as s:
        waiting = set(s.scalars(select(TimesheetRow.pa_id).where(TimesheetRow.status != "approved")))
    assert {t.pa_id for t in todos if t.target is FixTarget.TIMESHEET} == waiting
    topics = {t.topic for t in todos if t.target is FixTarget.PA_RECORD}
    assert {ComplianceTopic.DBS, ComplianceTopic.RIGHT_TO_WORK} <= topics
    urgent = [t.urgent for t in todos]
    assert urgent == sorted(urgent, reverse=True)  # late or missing first
    assert all(t.sentence.endswith(".") and t.button for t in todos)


def test_figures_are_cached_until_the_book_changes(demo: books.Book) -> None:
    today = date.today()
    first = home_figures(demo, today)
    again_unchanged = home_figures(demo, today)
    assert again_unchanged.money is first.money and again_unchanged.tasks is first.tasks
    record_transactions(demo, [NewTransaction(today, "Boots", Money(-1234), Category.EQUIPMENT)])
    again = home_figures(demo, today)
    assert again.money is not first.money
    assert again.summary.balance == first.summary.balance - Money(1234)


def test_spending_by_month_counts_money_out_and_the_budget(demo: books.Book) -> None:
    today = date.today()
    months = spending_by_month(demo, 12, today)
    assert len(months) == 12 and months[-1].first == today.replace(day=1)
    this_month = months[-1]
    assert this_month.by_category.get(Category.EQUIPMENT, Money(0)).pence >= 1234
    weekly = forecast(demo, 1, today=today).inputs.weekly_dp
    assert months[0].budget == weekly.apply_rate(
        __import__("decimal").Decimal((months[0].last - months[0].first).days + 1) / 7
    )
    assert all(m.total == Money.total(m.by_category.values()) for m in months)
    assert all(not c.is_income for m in months for c in m.by_category)
