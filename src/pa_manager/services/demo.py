"""A realistic demo book: a named holder, a council, PAs, and years of money in and out.

The same generator writes the benchmark book (`--years 10 --pas 20`, over 100,000 transactions).
Figures are plausible, not random noise: PAs work steady weekly hours at care-sector rates, wages
are paid weekly, HMRC quarterly, pension monthly, and the council pays every four weeks in advance
at a rate set so the balance drifts slowly upward, as real books do.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from pa_manager.domain.categories import Category
from pa_manager.domain.holder import (
    AccountType,
    AllowedBand,
    BudgetHolder,
    FundingAgreement,
    ManagedBy,
    Nation,
    PaymentSchedule,
    ReturnFrequency,
)
from pa_manager.domain.money import Money
from pa_manager.domain.money_rules.pots import Commitment, CommitmentKind
from pa_manager.services import book as books
from pa_manager.services import contingency
from pa_manager.services.demo_money import DemoLedger, add_pots_and_commitments
from pa_manager.services.demo_pay import add_demo_pay
from pa_manager.services.demo_people import add_demo_people
from pa_manager.services.demo_receipts import add_demo_receipts
from pa_manager.services.errors import BookError
from pa_manager.services.ledger import NewTransaction
from pa_manager.store.models import AccountRow, PARow

_FIRST = [
    "Amira",
    "Ben",
    "Chloe",
    "Dev",
    "Ellie",
    "Femi",
    "Grace",
    "Harry",
    "Isla",
    "Jack",
    "Kasia",
    "Liam",
    "Maya",
    "Noah",
    "Olivia",
    "Priya",
    "Rhys",
    "Sofia",
    "Theo",
    "Uma",
    "Will",
    "Zara",
]
_LAST = [
    "Ahmed",
    "Brown",
    "Clarke",
    "Davies",
    "Evans",
    "Green",
    "Hughes",
    "Jones",
    "Khan",
    "Lewis",
    "Morgan",
    "Patel",
    "Roberts",
    "Taylor",
    "Walker",
    "Wilson",
    "Wright",
]
_SHOPS = [
    ("Argos", Category.EQUIPMENT),
    ("Boots", Category.EQUIPMENT),
    ("Anytown Leisure Centre", Category.RESPITE),
    ("Sunny Days Day Centre", Category.RESPITE),
    ("Tesco", Category.OTHER_OUT),
    ("Careline Training Ltd", Category.TRAINING),
]
HOURLY_PENCE = 1350
MILEAGE = (180, 600)
EXPENSES = (150, 900)
SHOPPING = (400, 4500)
MILEAGE_AVG, EXPENSES_AVG, SHOP_AVG = (sum(r) // 2 for r in (MILEAGE, EXPENSES, SHOPPING))
CONTRIBUTION_PENCE = 3500


def create_demo_book(
    path: Path, passphrase: str, *, years: int = 1, pas: int = 3, seed: int = 7
) -> books.CreatedBook:
    """Write a demo book ending today; `years` of history and `pas` personal assistants."""
    created, book = _build(path, passphrase, years, pas, seed)
    book.close()
    return created


def open_new_demo_book(path: Path, passphrase: str, *, years: int = 1, pas: int = 3) -> books.Book:
    """Write a demo book and hand it back open, acting as the family carer (for `--demo`).

    It is opened with the key in hand rather than by unwrapping the keys file again, which would
    spend another Argon2 derivation on start-up.
    """
    return _build(path, passphrase, years, pas, 7)[1]


def _build(
    path: Path, passphrase: str, years: int, pas: int, seed: int
) -> tuple[books.CreatedBook, books.Book]:
    if not 1 <= years <= 20:
        raise BookError("A demo book can cover 1 to 20 years.")
    if not 1 <= pas <= 50:
        raise BookError("A demo book can have 1 to 50 PAs.")
    rng = random.Random(seed)
    end = date.today()
    start = end - timedelta(days=365 * years)
    start -= timedelta(days=start.weekday())  # a Monday, so weeks line up
    hours = [rng.choice([12, 16, 20, 24, 30]) for _ in range(pas)]
    # The gross weekly payment: the council pays it less the client's contribution, which the
    # client pays in on the same days.
    weekly_dp = Money(_weekly_dp_pence(hours) + CONTRIBUTION_PENCE)
    new = books.NewBook(
        holder=BudgetHolder(
            name="Margaret Ellis",
            council="Anytown Borough Council",
            council_reference="DP-482913",
            nation=Nation.ENGLAND,
            managed_by=ManagedBy.FAMILY_CARER,
            account_type=AccountType.BANK_ACCOUNT,
            date_of_birth=date(1958, 3, 14),
        ),
        funding=FundingAgreement(
            weekly_dp=weekly_dp,
            schedule=PaymentSchedule.FOUR_WEEKLY_IN_ADVANCE,
            client_contribution_weekly=Money(CONTRIBUTION_PENCE),
            allowed=AllowedBand(Decimal(4), Decimal(8)),
            return_frequency=ReturnFrequency.QUARTERLY,
            start_date=start,
            review_date=end + timedelta(days=120),
        ),
        manager_name="Daniel Ellis",
        manager_relationship="son",
        opening_balance=Money(_weekly_dp_pence(hours) * 2),
    )
    created = books.create_book(path, passphrase, new)
    book = books.open_book(created.path, recovery_code=created.recovery_code)
    book.opened_by_recovery = False  # the passphrase is known: nothing to reset
    try:
        book.act_as_default()
        pa_ids = _add_pas(book, rng, pas, start)
        _add_money(book, rng, start, end, weekly_dp, list(zip(pa_ids, hours, strict=True)))
        add_demo_people(book, rng, start, end, pa_ids, hours)
        add_demo_pay(book, end)
        add_demo_receipts(book, end)
    except BaseException:
        book.close()
        raise
    return created, book


def _weekly_dp_pence(hours: list[int]) -> int:
    # What the generator below spends in an average week: wages with tax, NI and pension (about
    # 111% of gross, overtime included), mileage and expenses, shopping, fees and insurance.
    pas = len(hours)
    staff = sum((h * HOURLY_PENCE + HOURLY_PENCE * 3 // 4) * 111 // 100 for h in hours)
    spend = staff + pas * (6 * MILEAGE_AVG + 2 * EXPENSES_AVG) + max(2, pas) * SHOP_AVG + 1200
    # Half a percent more than is spent, less the client's own contribution: the balance creeps
    # up slowly, as it does in real books (and the 10-year book ends above its band).
    return ((spend * 1005 // 1000) - CONTRIBUTION_PENCE) // 100 * 100


def _add_pas(book: books.Book, rng: random.Random, count: int, start: date) -> list[int]:
    names = rng.sample([f"{f} {s}" for f in _FIRST for s in _LAST], count)
    with book.write() as s:
        rows = [PARow(name=n, start_date=start) for n in names]
        s.add_all(rows)
        s.flush()
        return [r.id for r in rows]


def _add_money(
    book: books.Book, rng: random.Random, start: date, end: date, weekly_dp: Money, pas: list[tuple[int, int]]
) -> None:
    with book.read() as s:
        names = {r.id: r.name for r in s.query(PARow)}
        opening = Money(s.scalar(select(AccountRow.opening_balance_pence)) or 0)
    ledger = DemoLedger(book, start, end, opening)
    lines: list[NewTransaction] = []

    def add(
        day: date, payee: str, pence: int, category: Category, ref: str = "", pa_id: int | None = None
    ) -> None:
        lines.append(NewTransaction(day, payee, Money(pence), category, ref, pa_id=pa_id))

    day, week, last_month = start, 0, start.month
    unpaid_wages: list[tuple[int, int, date]] = []
    hmrc_owed = pension_owed = 0
    while day <= end:
        if week % 4 == 0:  # four-weekly in advance, from the funding agreement's start date
            council = (weekly_dp.pence - CONTRIBUTION_PENCE) * 4
            add(day, "Anytown Borough Council", council, Category.COUNCIL_DP, f"DP {day:%d%m%y}")
            add(day, "D Ellis", CONTRIBUTION_PENCE * 4, Category.CLIENT_CONTRIBUTION, "Contribution")
        for pa_id, hours in pas:
            gross = hours * HOURLY_PENCE + rng.choice([0, 0, 0, HOURLY_PENCE * 3])
            deductions = gross * 12 // 100
            hmrc_owed += deductions + gross * 8 // 100
            pension_owed += gross * 8 // 100
            payday = day + timedelta(days=4)
            wage = gross - deductions - gross * 5 // 100
            if payday > end:
                unpaid_wages.append((pa_id, wage, payday))
            else:
                add(
                    payday,
                    names[pa_id],
                    -wage,
                    Category.PA_WAGES,
                    f"Wages wk {week + 1}",
                    pa_id,
                )
            for shift in range(6):  # mileage claimed per shift, expenses twice a week
                shift_day = day + timedelta(days=shift)
                if shift_day <= end:
                    add(
                        shift_day,
                        names[pa_id],
                        -rng.randrange(*MILEAGE),
                        Category.PA_EXPENSES,
                        "Mileage",
                        pa_id,
                    )
            for extra in (1, 4):
                if day + timedelta(days=extra) <= end:
                    add(
                        day + timedelta(days=extra),
                        names[pa_id],
                        -rng.randrange(*EXPENSES),
                        Category.PA_EXPENSES,
                        "Expenses",
                        pa_id,
                    )
        for _ in range(max(2, len(pas))):
            shop, category = rng.choice(_SHOPS)
            shop_day = day + timedelta(days=rng.randrange(7))
            if shop_day <= end:
                add(shop_day, shop, -rng.randrange(*SHOPPING), category)
        friday = day + timedelta(days=4)
        if friday <= end and friday.month != last_month:  # the first Friday of a month
            last_month = friday.month
            add(friday, "Nest Pensions", -pension_owed, Category.PENSION, "Monthly contributions")
            add(friday, "PayCare Payroll Services", -2400, Category.PAYROLL_FEES, "Payroll fee")
            pension_owed = 0
            if friday.month in (1, 4, 7, 10):
                add(friday, "HMRC", -hmrc_owed, Category.HMRC, "PAYE quarter")
                hmrc_owed = 0
            if friday.month == 6:
                add(friday, "Fish Insurance", -19500, Category.INSURANCE, "Employer's liability")
            if friday.month == 11 and len(pas) > 1:
                add(friday, "Disclosure and Barring Service", -5450, Category.RECRUITMENT, "DBS")
        # Lines reach the ledger in date order, as a statement lists them.
        for t in sorted(lines, key=lambda t: t.day):
            ledger.add(t)
        lines.clear()
        day += timedelta(days=7)
        week += 1
    ledger.finish()
    for pa_id, wage, payday in unpaid_wages:
        contingency.add_commitment(
            book,
            Commitment(CommitmentKind.WAGES, names[pa_id], Money(wage), payday, pa_id, "This week's wages"),
        )
    add_pots_and_commitments(book, end, Money(hmrc_owed), Money(pension_owed))
