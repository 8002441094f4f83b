"""Council return templates: the council's own headings and lines, mapped from the app's categories.

A template is data (JSON): bundled ones live in `templates/` next to this module; a user's copy is
kept in the book. Every category the book uses lands on exactly one line: a category a template
does not name goes on its "anything else" line for that direction, so the council's lines always
add up to the same totals as the return.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from pa_manager.domain.categories import Category
from pa_manager.domain.errors import DomainError
from pa_manager.domain.holder import AllowedBand
from pa_manager.domain.money import Money

TEMPLATES = Path(__file__).resolve().parent / "templates"
GENERIC = "generic"
_KEY = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")


@dataclass(frozen=True, slots=True)
class TemplateLine:
    """One line on the council's form and the app categories that add up to it."""

    label: str
    categories: tuple[Category, ...]


@dataclass(frozen=True, slots=True)
class CouncilLine:
    """A line of the council's form with its amount for the period."""

    label: str
    amount: Money
    categories: tuple[Category, ...]


@dataclass(frozen=True, slots=True)
class ReturnTemplate:
    """How one council wants its return laid out."""

    key: str
    name: str
    title: str
    description: str
    money_in: tuple[TemplateLine, ...]
    money_out: tuple[TemplateLine, ...]
    other_in: str = "Other money in"
    other_out: str = "Other spending (described in the transaction list)"
    balance_question: str = "If the balance is above or below the weeks allowed, explain why."
    explain_outside_weeks: Decimal | None = None  # Birmingham: explain anything but 6 weeks
    show_retained: bool = False  # Trafford: retained, surplus and "requested to be returned"
    allowed: AllowedBand | None = None  # None: the band in the funding agreement
    evidence: tuple[str, ...] = ()
    declaration: str = (
        "I confirm that the information in this return is correct, that the direct payment has been "
        "spent only on the support agreed in my support plan, and that I will keep the records for "
        "six years."
    )
    based_on: str = ""
    source: str = ""
    builtin: bool = field(default=False, compare=False)

    def __post_init__(self) -> None:
        if not _KEY.match(self.key):
            raise DomainError("A template's short name must be lower-case letters, numbers and dashes.")
        if not self.name.strip() or not self.title.strip():
            raise DomainError("Give the template a name and a title.")
        for direction, lines in (("money in", self.money_in), ("money out", self.money_out)):
            seen: set[Category] = set()
            for line in lines:
                if not line.label.strip():
                    raise DomainError(f"Every {direction} line needs a heading.")
                twice = seen.intersection(line.categories)
                if twice:
                    names = ", ".join(c.label for c in twice)
                    raise DomainError(f"{names} is on two {direction} lines; put it on one.")
                seen.update(line.categories)

    def lines(
        self, money_in: dict[Category, Money], money_out: dict[Category, Money]
    ) -> tuple[list[CouncilLine], list[CouncilLine]]:
        """The council's money in and money out lines, with the leftovers on the 'other' lines."""
        return (
            _fill(self.money_in, money_in, self.other_in),
            _fill(self.money_out, money_out, self.other_out),
        )

    def copy_as(self, key: str, name: str) -> ReturnTemplate:
        """A copy the user can edit, remembering which template it came from."""
        return replace(self, key=key, name=name, based_on=self.key, builtin=False)


def _fill(lines: tuple[TemplateLine, ...], amounts: dict[Category, Money], other: str) -> list[CouncilLine]:
    out = [
        CouncilLine(
            line.label, Money.total(amounts.get(c, Money(0)) for c in line.categories), line.categories
        )
        for line in lines
    ]
    named = {c for line in lines for c in line.categories}
    rest = tuple(c for c in amounts if c not in named)
    if rest:
        out.append(CouncilLine(other, Money.total(amounts[c] for c in rest), rest))
    return out


# -- reading and writing the JSON -------------------------------------------------------------------
def from_dict(data: dict[str, Any], *, builtin: bool = False) -> ReturnTemplate:
    """Read a template, raising DomainError with a plain sentence when it is not one."""
    try:
        band = data.get("allowed_weeks")
        explain = data.get("explain_outside_weeks")
        extra: dict[str, Any] = {
            k: data[k]
            for k in ("other_in", "other_out", "balance_question", "declaration", "based_on", "source")
            if k in data
        }
        return ReturnTemplate(
            key=str(data["key"]),
            name=str(data["name"]),
            title=str(data["title"]),
            description=str(data.get("description", "")),
            money_in=_lines(data["money_in"]),
            money_out=_lines(data["money_out"]),
            explain_outside_weeks=None if explain is None else Decimal(str(explain)),
            show_retained=bool(data.get("show_retained", False)),
            allowed=None if not band else AllowedBand.parse(str(band)),
            evidence=tuple(str(e) for e in data.get("evidence", ())),
            builtin=builtin,
            **{k: str(v) for k, v in extra.items()},
        )
    except (KeyError, TypeError, ValueError, ArithmeticError) as err:
        raise DomainError(f"This is not a return template ({type(err).__name__}: {err}).") from None


def _lines(items: list[dict[str, Any]]) -> tuple[TemplateLine, ...]:
    return tuple(
        TemplateLine(str(i["label"]), tuple(Category.parse(str(c)) for c in i["categories"])) for i in items
    )


def to_dict(t: ReturnTemplate) -> dict[str, Any]:
    def lines(ls: tuple[TemplateLine, ...]) -> list[dict[str, Any]]:
        return [{"label": x.label, "categories": [c.value for c in x.categories]} for x in ls]

    data: dict[str, Any] = {
        "key": t.key,
        "name": t.name,
        "title": t.title,
        "description": t.description,
        "money_in": lines(t.money_in),
        "money_out": lines(t.money_out),
        "other_in": t.other_in,
        "other_out": t.other_out,
        "balance_question": t.balance_question,
        "show_retained": t.show_retained,
        "evidence": list(t.evidence),
        "declaration": t.declaration,
        "based_on": t.based_on,
        "source": t.source,
    }
    if t.explain_outside_weeks is not None:
        data["explain_outside_weeks"] = str(t.explain_outside_weeks)
    if t.allowed is not None:
        data["allowed_weeks"] = f"{t.allowed.min_weeks}-{t.allowed.max_weeks}"
    return data


def parse_json(text: str, *, builtin: bool = False) -> ReturnTemplate:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise DomainError(f"This template is not valid JSON (line {err.lineno}).") from None
    if not isinstance(data, dict):
        raise DomainError("This is not a return template.")
    return from_dict(data, builtin=builtin)


def dump_json(t: ReturnTemplate) -> str:
    return json.dumps(to_dict(t), indent=2, ensure_ascii=False)


def builtin_templates() -> list[ReturnTemplate]:
    """The templates shipped with the app, the generic one first."""
    found = [
        parse_json(p.read_text(encoding="utf-8"), builtin=True) for p in sorted(TEMPLATES.glob("*.json"))
    ]
    return sorted(found, key=lambda t: (t.key != GENERIC, t.name))
