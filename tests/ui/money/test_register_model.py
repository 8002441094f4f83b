"""The register model: formatting, accessible text, sorting and the page's filters and totals."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pa_manager.domain.categories import Category
from pa_manager.domain.money_rules.spending import Concern
from pa_manager.services.register import RegisterRow
from pa_manager.ui.pages.money import register_model as rm
from pa_manager.ui.pages.money.money_page import EMPTY_FILTER, MoneyPage
from pa_manager.ui.pages.money.register_model import RegisterTableModel


def _rows() -> list[RegisterRow]:
    balance = 100_000
    rows = []
    data = [
        (1, date(2026, 1, 5), "Anytown Council", 180_000, Category.COUNCIL_DP, "cleared", ()),
        (2, date(2026, 1, 5), "Maya Taylor", -41_250, Category.PA_WAGES, "reconciled", ()),
        (3, date(2026, 1, 9), "Cash machine", -5_000, Category.OTHER_OUT, "uncleared", (Concern.CASH,)),
        (4, date(2026, 1, 7), "Bank", -500, Category.BANK_CHARGES, "uncleared", ()),
    ]
    for txn_id, day, payee, pence, cat, state, concerns in sorted(data, key=lambda d: (d[1], d[0])):
        balance += pence
        rows.append(
            RegisterRow(txn_id, day, payee, "", "", pence, (cat,), None, "", state, balance, concerns)
        )
    return rows


def test_model_formats_money_dates_state_and_checks(qtmodeltester: object) -> None:
    model = RegisterTableModel()
    model.set_rows(_rows())
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    cash = model.row_of(3)
    assert cash is not None
    text = [model.index(cash, c).data() for c in range(len(rm.COLUMNS))]
    assert text[rm.DATE] == "09/01/2026"
    assert text[rm.MONEY_IN] == "" and text[rm.MONEY_OUT] == "£50.00"
    assert text[rm.STATE] == "Not cleared"
    assert text[rm.CHECK] == rm.CHECK_TEXT
    tooltip = model.index(cash, rm.PAYEE).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip == Concern.CASH.sentence
    spoken = model.index(cash, rm.CHECK).data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken == f"Check: {Concern.CASH.sentence}"
    assert model.index(0, rm.MONEY_IN).data() == "£1,800.00"
    assert model.index(0, rm.BALANCE).data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    wages = model.row_of(2)
    assert wages is not None
    assert model.index(wages, rm.STATE).data() == "Reconciled (locked)"


def test_model_sorts_any_column_and_date_order_restores_the_balance() -> None:
    model = RegisterTableModel()
    rows = _rows()
    model.set_rows(rows)
    model.sort(rm.MONEY_OUT, Qt.SortOrder.DescendingOrder)
    assert [r.payee for r in model.rows()][:2] == ["Maya Taylor", "Cash machine"]
    model.sort(rm.PAYEE)
    assert [r.payee for r in model.rows()] == ["Anytown Council", "Bank", "Cash machine", "Maya Taylor"]
    model.sort(rm.DATE, Qt.SortOrder.DescendingOrder)
    assert [r.id for r in model.rows()] == [r.id for r in reversed(rows)]
    model.sort(rm.DATE)
    balances = [model.index(i, rm.BALANCE).data() for i in range(model.rowCount())]
    assert balances == ["£2,800.00", "£2,387.50", "£2,382.50", "£2,332.50"]
    # A new load keeps the chosen order.
    model.sort(rm.PAYEE, Qt.SortOrder.DescendingOrder)
    model.set_rows(rows)
    assert model.rows()[0].payee == "Maya Taylor"


def test_page_filters_by_text_category_and_pa_with_totals(qtbot: QtBot, page: MoneyPage) -> None:
    assert page.model.rowCount() == 5
    assert page.totals.text() == "5 lines shown · money in £1,800.00 · money out £582.69"
    page.filters.text.setText("shower")  # the note
    assert [r.payee for r in page.model.rows()] == ["Carers Shop"]
    assert page.totals.text() == "1 line shown · money in £0.00 · money out £23.99"
    page.filters.text.clear()
    page.filters.category.setCurrentIndex(page.filters.category.findData(Category.HMRC))
    assert [r.payee for r in page.model.rows()] == ["HMRC"]
    page.filters.category.setCurrentIndex(0)
    page.filters.pa.setCurrentIndex(page.filters.pa.findText("Maya Taylor"))
    assert [r.payee for r in page.model.rows()] == ["Maya Taylor"]
    page.filters.text.setText("nothing like this")
    assert page.model.rowCount() == 0
    assert page.table_stack.currentWidget() is page.empty
    assert page.empty.text() == EMPTY_FILTER
    page.filters.pa.setCurrentIndex(0)
    page.filters.text.setText("cash")
    assert [r.payee for r in page.model.rows()] == ["Cash machine"]
    assert page.model.index(0, rm.CHECK).data() == rm.CHECK_TEXT, "cash withdrawals are flagged"


def test_page_range_all_dates_and_custom(qtbot: QtBot, page: MoneyPage) -> None:
    from pa_manager.ui.pages.money.filter_bar import ALL_DATES, CUSTOM
    from tests.ui.money.conftest import TODAY, reload

    reload(qtbot, page, lambda: page.filters.range.setCurrentIndex(ALL_DATES))
    assert page.model.rowCount() == 5
    reload(qtbot, page, lambda: page.filters.range.setCurrentIndex(CUSTOM))
    page.filters.date_from.setText("not a date")
    page.filters.show_dates.click()
    assert "not a date" in page.filters.from_field.message.message
    page.filters.date_from.set_date(TODAY.replace(day=1) if TODAY.day > 15 else TODAY)
    reload(qtbot, page, page.filters.show_dates.click)
    assert all(r.day >= page.filters.date_from.date_value() for r in page.model.rows())  # type: ignore[operator]
