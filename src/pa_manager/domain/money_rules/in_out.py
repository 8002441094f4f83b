"""Money in and money out by category, with their totals: shared by the book's summary and the
council return so both add up their lines the same way."""

from __future__ import annotations

from pa_manager.domain.categories import Category
from pa_manager.domain.money import Money


class InAndOut:
    """A mixin for frozen dataclasses with `money_in` and `money_out` fields."""

    # No slots of its own, so `@dataclass(slots=True)` subclasses stay slotted.
    __slots__ = ()

    money_in: dict[Category, Money]
    money_out: dict[Category, Money]

    @property
    def total_in(self) -> Money:
        return Money.total(self.money_in.values())

    @property
    def total_out(self) -> Money:
        return Money.total(self.money_out.values())
