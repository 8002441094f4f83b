"""Money as integer pence, with one parser, one formatter and one rounding rule.

Floats never enter: `Money(1.5)` raises TypeError, as in beancount and Electrum. Rates and
percentages are applied with `Decimal` and rounded once by `Money.from_decimal`, whose default rule
is half-up to the penny; payroll passes the rounding HMRC specifies for each step.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

# What a person may type: optional minus (or brackets), optional £, digits with optional thousands
# commas, optional pence. "£1,234.56", "1234.5", "-3", "(4.94)". Anything else is refused.
_AMOUNT = re.compile(
    r"""^\s*(?P<open>\()?\s*(?P<sign>[-+\u2212])?\s*£?\s*(?P<sign2>[-+\u2212])?\s*
        (?P<units>\d{1,3}(?:,\d{3})+|\d+)?(?:\.(?P<frac>\d{1,2}))?\s*(?P<close>\))?\s*$""",
    re.VERBOSE,
)


# The machine form: optional minus, digits, optional one or two decimals. No exponents, no commas.
_PLAIN = re.compile(r"^\s*-?\d+(\.\d{1,2})?\s*$")


class MoneyError(ValueError):
    """Text that is not an amount of money; the message is plain English for the person typing."""


@dataclass(frozen=True, order=True, slots=True)
class Money:
    """An amount in whole pence. Immutable; arithmetic only with Money or int multipliers."""

    pence: int

    def __post_init__(self) -> None:
        # bool is an int subclass; True pence is a bug, not an amount.
        if isinstance(self.pence, bool) or not isinstance(self.pence, int):
            raise TypeError(f"Money needs whole pence as an int, not {type(self.pence).__name__}")

    # -- construction -----------------------------------------------------------------------
    @classmethod
    def zero(cls) -> Money:
        return cls(0)

    @classmethod
    def parse(cls, text: str) -> Money:
        """Read an amount typed by a person: "£1,234.56", "1234.5", "-3", "(4.94)".

        Raises MoneyError with a message that says what is accepted.
        """
        if not isinstance(text, str):
            raise TypeError("Money.parse takes text")
        m = _AMOUNT.match(text)
        if not m or (m["units"] is None and m["frac"] is None) or bool(m["open"]) != bool(m["close"]):
            raise MoneyError(
                f"“{text.strip()}” is not an amount of money. Type pounds and pence, "
                "for example 1234.56 or £1,234.56."
            )
        if m["sign"] and m["sign2"]:
            raise MoneyError(f"“{text.strip()}” has two signs. Type just one minus sign.")
        units = int((m["units"] or "0").replace(",", ""))
        frac = int((m["frac"] or "0").ljust(2, "0"))
        pence = units * 100 + frac
        negative = (m["sign"] or m["sign2"] or "") in ("-", "\u2212") or bool(m["open"])
        return cls(-pence if negative else pence)

    @classmethod
    def from_decimal(cls, pounds: Decimal, rounding: str = ROUND_HALF_UP) -> Money:
        """Round a Decimal number of pounds to the penny, once, by the named rule."""
        if not isinstance(pounds, Decimal):
            raise TypeError("from_decimal takes a Decimal number of pounds")
        try:
            pence = (pounds * 100).quantize(Decimal(1), rounding=rounding)
        except InvalidOperation as exc:
            raise MoneyError(f"{pounds} is not a finite amount") from exc
        return cls(int(pence))

    @classmethod
    def from_pounds_str(cls, text: str) -> Money:
        """Read a plain decimal string such as "2100.00" or "-3.5" (as in --json or the CLI)."""
        if not isinstance(text, str) or not _PLAIN.match(text):
            raise MoneyError(f"“{text}” is not an amount in pounds and pence, e.g. 2100.00")
        return cls(int(Decimal(text.strip()) * 100))

    @staticmethod
    def total(items: Iterable[Money]) -> Money:
        return Money(sum(m.pence for m in items))

    # -- conversion ------------------------------------------------------------------------
    def to_decimal(self) -> Decimal:
        """Pounds as an exact Decimal with two places."""
        return Decimal(self.pence).scaleb(-2)

    def decimal_str(self) -> str:
        """ "1234.56" / "-4.94": the form used in --json output and data files."""
        sign = "-" if self.pence < 0 else ""
        return f"{sign}{abs(self.pence) // 100}.{abs(self.pence) % 100:02d}"

    def format(self, *, pound_sign: bool = True) -> str:
        """en-GB display: "£1,234.56", and "-£4.94" for negatives (never "£-4.94")."""
        sign = "-" if self.pence < 0 else ""
        body = f"{abs(self.pence) // 100:,}.{abs(self.pence) % 100:02d}"
        return f"{sign}{'£' if pound_sign else ''}{body}"

    def __str__(self) -> str:
        return self.format()

    # -- arithmetic ------------------------------------------------------------------------
    def __add__(self, other: Money) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        return Money(self.pence + other.pence)

    def __sub__(self, other: Money) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        return Money(self.pence - other.pence)

    def __mul__(self, factor: int) -> Money:
        if isinstance(factor, bool) or not isinstance(factor, int):
            return NotImplemented  # a rate is a Decimal: use apply_rate and name the rounding
        return Money(self.pence * factor)

    __rmul__ = __mul__

    def __neg__(self) -> Money:
        return Money(-self.pence)

    def __abs__(self) -> Money:
        return Money(abs(self.pence))

    def __bool__(self) -> bool:
        return self.pence != 0

    def apply_rate(self, rate: Decimal, rounding: str = ROUND_HALF_UP) -> Money:
        """self × rate, rounded once to the penny by the named rule."""
        if not isinstance(rate, Decimal):
            raise TypeError("rates are Decimals, never floats")
        return Money.from_decimal(self.to_decimal() * rate, rounding)

    @property
    def is_negative(self) -> bool:
        return self.pence < 0
