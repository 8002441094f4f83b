"""Module-wide books for the return tests (a demo book takes a couple of seconds to make)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pa_manager.services import book as books
from tests.conftest import PASSPHRASE
from tests.services.returns.books import demo_book, random_book


@pytest.fixture(scope="session")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_book(tmp_path_factory.mktemp("returns-demo"))


@pytest.fixture(scope="session")
def random_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return random_book(tmp_path_factory.mktemp("returns-random"))


def _open(path: Path) -> Iterator[books.Book]:
    b = books.open_book(path, passphrase=PASSPHRASE)
    b.act_as_default()
    yield b
    b.close()


@pytest.fixture
def demo(demo_path: Path) -> Iterator[books.Book]:
    yield from _open(demo_path)


@pytest.fixture
def randombook(random_path: Path) -> Iterator[books.Book]:
    yield from _open(random_path)
