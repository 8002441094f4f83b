"""Where the money stands: available after commitments and contingency, weeks held against the
council's allowed band, and what is at risk of being reclaimed, each in one plain sentence."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from pa_manager.domain.holder import AllowedBand, weeks_held
from pa_manager.domain.money import Money


@dataclass(frozen=True, slots=True)
class Position:
    """The balance and what is held back from it, against the council's band."""

    balance: Money
    committed: Money
    contingency: Money
    weekly_dp: Money
    allowed: AllowedBand
    council: str

    @property
    def available(self) -> Money:
        """Available = balance − committed − contingency (negative when over-committed)."""
        return self.balance - self.committed - self.contingency

    @property
    def weeks_held(self) -> Decimal | None:
        """Balance ÷ gross weekly direct payment, to one decimal place."""
        return weeks_held(self.balance, self.weekly_dp)

    @property
    def band_ceiling(self) -> Money:
        """The most the council allows to be held: the band's top in weeks of direct payment."""
        return self.weekly_dp.apply_rate(self.allowed.max_weeks)

    @property
    def surplus_at_risk(self) -> Money:
        """What is above the band once committed money and contingency are taken out."""
        # Committed and ring-fenced money is explained money: only the rest is at risk.
        over = self.balance - self.committed - self.contingency - self.band_ceiling
        return over if over.pence > 0 else Money(0)

    def balance_sentence(self) -> str:
        if self.balance.is_negative:
            return f"The account is overdrawn by {abs(self.balance)}."
        return f"There is {self.balance} in the account."

    def available_sentence(self) -> str:
        held_back = f"{self.committed} is committed and {self.contingency} is set aside in contingency"
        if self.available.is_negative:
            return (
                f"{held_back}, which is {abs(self.available)} more than the balance: "
                "nothing is free to spend."
            )
        return f"{self.available} is free to spend; {held_back}."

    def weeks_sentence(self) -> str:
        weeks = self.weeks_held
        if weeks is None:
            return "Enter the weekly direct payment to see how many weeks you hold."
        held = f"You hold {_weeks(weeks)} {'week' if weeks == 1 else 'weeks'}"
        top, bottom = _weeks(self.allowed.max_weeks), _weeks(self.allowed.min_weeks)
        if weeks > self.allowed.max_weeks:
            at_risk = self.surplus_at_risk
            if not at_risk:
                return (
                    f"{held}; {self.council} allows up to {top}. The extra is committed or set "
                    "aside, so tell the council what it is for and nothing should be reclaimed."
                )
            return (
                f"{held}; {self.council} allows up to {top}. About {_about(at_risk)} may be "
                "reclaimed unless you explain why it is needed — for example holiday pay owed."
            )
        if weeks < self.allowed.min_weeks:
            return (
                f"{held}, below the {bottom} weeks {self.council} expects you to keep; check that "
                "the council's payments are arriving."
            )
        band = f"{top} weeks" if self.allowed.min_weeks == 0 else f"{bottom} to {top} weeks"
        return f"{held}, within the {band} {self.council} allows."


def _weeks(n: Decimal) -> str:
    return f"{n.normalize():f}"


def _about(amount: Money) -> str:
    """A rough figure for a sentence: to the nearest £10, at least £10."""
    tens = (Decimal(amount.pence) / 1000).quantize(Decimal(1), ROUND_HALF_UP)
    return Money(max(1, int(tens)) * 1000).format().removesuffix(".00")
