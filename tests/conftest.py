"""Shared fixtures: offscreen Qt, an in-memory keyring, and quick ways to make books."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import keyring
import keyring.backend
import keyring.backends.fail
import keyring.errors
import pytest

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
from pa_manager.services import book as books

PASSPHRASE = "tea kettle mountain river"


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring that forgets everything when the test ends."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def delete_password(self, service: str, username: str) -> None:
        try:
            del self.items[(service, username)]
        except KeyError:
            raise keyring.errors.PasswordDeleteError(username) from None


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    old = keyring.get_keyring()
    kr = MemoryKeyring()
    keyring.set_keyring(kr)
    yield kr
    keyring.set_keyring(old)


@pytest.fixture(autouse=True)
def no_real_keyring() -> Iterator[None]:
    """Every test starts with no keyring, like a headless Linux box; memory_keyring overrides it."""
    old = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    yield
    keyring.set_keyring(old)


def new_book_details(name: str = "Jane Smith", reference: str = "AC-55501") -> books.NewBook:
    return books.NewBook(
        holder=BudgetHolder(
            name=name,
            council="Anytown Council",
            council_reference=reference,
            nation=Nation.ENGLAND,
            managed_by=ManagedBy.FAMILY_CARER,
            account_type=AccountType.BANK_ACCOUNT,
            date_of_birth=date(1960, 5, 17),
        ),
        funding=FundingAgreement(
            weekly_dp=Money.parse("450.00"),
            schedule=PaymentSchedule.FOUR_WEEKLY_IN_ADVANCE,
            client_contribution_weekly=Money.parse("25"),
            allowed=AllowedBand.parse("4-8"),
            return_frequency=ReturnFrequency.QUARTERLY,
            start_date=date(2026, 4, 6),
        ),
        manager_name="Tom Smith",
        manager_relationship="son",
        opening_balance=Money.parse("1,800.00"),
    )


@pytest.fixture
def created(tmp_path: Path) -> books.CreatedBook:
    return books.create_book(tmp_path / "jane", PASSPHRASE, new_book_details())


@pytest.fixture
def book(created: books.CreatedBook) -> Iterator[books.Book]:
    b = books.open_book(created.path, passphrase=PASSPHRASE)
    b.act_as_default()
    yield b
    b.close()
