"""Pots, commitments, available money, weeks held, surplus at risk and the warnings."""

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from pa_manager.domain.categories import Category
from pa_manager.domain.errors import DomainError
from pa_manager.domain.money import Money
from pa_manager.domain.money_rules.pots import Commitment, CommitmentKind, Pot, PotKind
from pa_manager.services import contingency, position
from pa_manager.services.book import Book
from pa_manager.services.ledger import NewTransaction, record_transactions
from pa_manager.services.summary import summarise
from pa_manager.store.models import PARow


def test_available_is_balance_less_committed_and_contingency(book: Book) -> None:
    contingency.save_pot(book, Pot(PotKind.HOLIDAY_PAY, "Holiday pay owed", Money.parse("300"), "Owed"))
    contingency.add_commitment(
        book,
        Commitment(CommitmentKind.HMRC, "HMRC", Money.parse("200.00"), date.today() + timedelta(days=20)),
    )
    p = position.money_position(book)
    assert p.balance == Money.parse("1800.00")
    assert (p.committed, p.contingency, p.available) == (Money(20000), Money(30000), Money(130000))
    assert p.weeks_held is not None and str(p.weeks_held) == "4.0"  # 1,800 / 450


def test_a_matching_payment_settles_a_commitment(book: Book) -> None:
    due = date(2026, 7, 22)
    contingency.add_commitment(book, Commitment(CommitmentKind.HMRC, "HMRC", Money.parse("210.40"), due))
    record_transactions(
        book, [NewTransaction(due, "Lloyds shop", Money.parse("-210.40"), Category.OTHER_OUT)]
    )
    assert len(contingency.commitments(book)) == 1  # same amount, different payee: still owed
    record_transactions(
        book,
        [NewTransaction(due + timedelta(days=2), "HMRC CUMBERNAULD", Money.parse("-210.40"), Category.HMRC)],
    )
    assert contingency.commitments(book) == []
    assert position.money_position(book).committed == Money(0)


def test_surplus_above_the_band_is_at_risk_and_said_plainly(book: Book) -> None:
    # 450 a week, band 4-8: the ceiling is £3,600. Add £2,000 → £3,800 held, 8.4 weeks.
    record_transactions(
        book, [NewTransaction(date(2026, 4, 6), "Council", Money.parse("2000"), Category.COUNCIL_DP)]
    )
    p = position.money_position(book)
    assert p.surplus_at_risk == Money.parse("200.00")
    assert p.weeks_sentence() == (
        "You hold 8.4 weeks; Anytown Council allows up to 8. About £200 may be reclaimed unless you "
        "explain why it is needed — for example holiday pay owed."
    )
    contingency.save_pot(book, Pot(PotKind.HOLIDAY_PAY, "Holiday pay owed", Money.parse("250"), "Owed"))
    p = position.money_position(book)
    assert p.surplus_at_risk == Money(0) and "nothing should be reclaimed" in p.weeks_sentence()


def test_pot_validation_is_plain(book: Book) -> None:
    with pytest.raises(DomainError, match=r"more than £0\.00"):
        Pot(PotKind.INSURANCE, "Insurance", Money(0))
    with pytest.raises(DomainError, match="Other"):
        Pot(PotKind.OTHER, "Misc", Money(100))
    pot_id = contingency.save_pot(book, Pot(PotKind.INSURANCE, "Insurance", Money(19500), "June"))
    contingency.save_pot(book, Pot(PotKind.INSURANCE, "Insurance renewal", Money(20000), "June", pot_id))
    assert [(p.name, p.target) for p in contingency.pots(book)] == [("Insurance renewal", Money(20000))]
    contingency.delete_pot(book, pot_id)
    assert contingency.pots(book) == []


def test_missing_late_and_different_council_payments_are_warned(book: Book) -> None:
    # Four-weekly from 6 April 2026: £425 council (450 - 25) x 4 = £1,700, contribution £100.
    record_transactions(
        book,
        [
            NewTransaction(date(2026, 4, 6), "Anytown Council", Money.parse("1700"), Category.COUNCIL_DP),
            NewTransaction(date(2026, 4, 7), "Client", Money.parse("100"), Category.CLIENT_CONTRIBUTION),
            NewTransaction(date(2026, 5, 12), "Anytown Council", Money.parse("1700"), Category.COUNCIL_DP),
            NewTransaction(date(2026, 5, 4), "Client", Money.parse("90"), Category.CLIENT_CONTRIBUTION),
        ],
    )
    checks = position.payment_checks(book, date(2026, 4, 6), date(2026, 6, 10), today=date(2026, 6, 10))
    found = [c.warning for c in checks if c.warning]
    assert found == [
        "The council payment of £1,700.00 due on 4 May 2026 came 8 days late, on 12 May 2026.",
        "The client contribution of £100.00 due on 4 May 2026 was £90.00, £10.00 less than due.",
        "The council payment of £1,700.00 due on 1 June 2026 has not arrived.",
        "The client contribution of £100.00 due on 1 June 2026 has not arrived.",
    ]


def test_spending_councils_refuse_is_warned_with_counts(book: Book) -> None:
    with book.write() as s:
        s.add(PARow(name="Sam Relative", start_date=date(2026, 4, 6), relative_in_household=True))
        s.add(PARow(name="Pat Approved", start_date=date(2026, 4, 6), relative_in_household=True,
                    council_approval_date=date(2026, 4, 1)))  # fmt: skip
    day = date(2026, 5, 5)
    record_transactions(
        book,
        [
            NewTransaction(day, "Monthly account fee", Money.parse("-5.00"), Category.BANK_CHARGES),
            NewTransaction(day, "LINK ATM HIGH ST", Money.parse("-50.00"), Category.UNCATEGORISED),
            NewTransaction(day, "BET365 LTD", Money.parse("-20.00"), Category.OTHER_OUT),
            NewTransaction(day, "MAJESTIC WINE", Money.parse("-30.00"), Category.OTHER_OUT),
            NewTransaction(day, "Sam Relative", Money.parse("-100.00"), Category.PA_WAGES, pa_id=1),
            NewTransaction(day, "Pat Approved", Money.parse("-100.00"), Category.PA_WAGES, pa_id=2),
            NewTransaction(day, "Boots", Money.parse("-8.00"), Category.EQUIPMENT),
            NewTransaction(day, "Barrow Inn Farm Shop", Money.parse("8.00"), Category.REFUNDS_INTEREST),
        ],
    )
    found = position.spending_warnings(book, date(2026, 5, 1), date(2026, 5, 31))
    assert len(found) == 5
    assert any(w.startswith("1 payment (£5.00 in all): Councils usually refuse bank charges") for w in found)
    assert any("£50.00" in w and "cash withdrawals" in w for w in found)
    assert any("£20.00" in w and "Gambling" in w for w in found)
    assert any("£30.00" in w and "Alcohol" in w for w in found)
    assert any("£100.00" in w and "relative" in w for w in found)
    s = summarise(book, date(2026, 5, 1), date(2026, 5, 31))
    assert all(w in s.warnings for w in found)


def test_a_book_with_nothing_recorded_is_not_warned_about_every_payment(book: Book) -> None:
    assert position.payment_checks(book, date(2026, 4, 6), date(2026, 11, 1), today=date(2026, 11, 1)) == []


def test_untaken_holiday_feeds_the_automatic_holiday_pot(tmp_path: Path) -> None:
    from pa_manager.services.demo import open_new_demo_book
    from pa_manager.services.errors import BookError
    from pa_manager.services.holiday_service import holiday_pay_owed

    book = open_new_demo_book(tmp_path / "demo", "demo passphrase for tests")
    try:
        owed = holiday_pay_owed(book, date.today())
        assert owed.pence > 0  # the demo PAs have holiday built up and not all taken
        auto = [p for p in contingency.all_pots(book) if p.automatic]
        assert [(p.kind, p.target) for p in auto] == [(PotKind.HOLIDAY_PAY, owed)]
        typed = Money.total(p.target for p in contingency.pots(book))
        assert position.money_position(book).contingency == typed + owed
        with pytest.raises(BookError, match="worked out from the timesheets"):
            contingency.save_pot(book, auto[0])
    finally:
        book.close()


def test_statutory_redundancy_feeds_the_automatic_redundancy_pot(book: Book) -> None:
    from pa_manager.domain.payroll.redundancy import statutory_redundancy_pay
    from pa_manager.domain.people import PA as PaRecord  # noqa: N811
    from pa_manager.domain.people import EmploymentType, HolidayScheme, PayRates
    from pa_manager.domain.periods import PayFrequency
    from pa_manager.services import people

    today = date.today()
    rates = PayRates(standard=Money.parse("13.50"))
    long_served = PaRecord(
        "Rita Long", today - timedelta(days=365 * 6), EmploymentType.EMPLOYEE, PayFrequency.WEEKLY, rates,
        HolidayScheme.WEEKS_5_6, weekly_hours=Decimal(20), days_per_week=Decimal(5),
        date_of_birth=date(1970, 1, 1),
    )  # fmt: skip
    new_starter = PaRecord(
        "Nia New", today - timedelta(days=300), EmploymentType.EMPLOYEE, PayFrequency.WEEKLY, rates,
        HolidayScheme.WEEKS_5_6, weekly_hours=Decimal(20), days_per_week=Decimal(5),
        date_of_birth=date(1990, 1, 1),
    )  # fmt: skip
    people.add_pa(book, long_served)
    people.add_pa(book, new_starter)
    # Six years at 41 or over: 9 weeks; 20 hours x £13.50 = £270.00 a week (under the cap).
    expected = statutory_redundancy_pay(date(1970, 1, 1), long_served.start_date, today, Money.parse("270"))
    assert expected == Money.parse("270") * 9
    auto = [p for p in contingency.all_pots(book) if p.automatic and p.kind is PotKind.REDUNDANCY]
    assert [p.target for p in auto] == [expected]  # the new starter has under two years
    holiday = [p.target for p in contingency.all_pots(book) if p.automatic and p.kind is PotKind.HOLIDAY_PAY]
    assert position.money_position(book).contingency == expected + Money.total(holiday)
