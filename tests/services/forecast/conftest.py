"""One demo book shared by the forecast and Home service tests (it takes a few seconds to write)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from pa_manager.services import book as books
from pa_manager.services.demo import create_demo_book
from tests.conftest import PASSPHRASE


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[books.Book]:
    made = create_demo_book(tmp_path_factory.mktemp("forecast") / "demo", PASSPHRASE)
    book = books.open_book(made.path, passphrase=PASSPHRASE)
    book.act_as_default()
    yield book
    book.close()
