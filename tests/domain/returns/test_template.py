import json

import pytest

from pa_manager.domain.categories import Category
from pa_manager.domain.errors import DomainError
from pa_manager.domain.money import Money
from pa_manager.domain.returns.model import check_balances
from pa_manager.domain.returns.template import (
    builtin_templates,
    dump_json,
    from_dict,
    parse_json,
)


def test_bundled_templates_load_and_the_generic_one_comes_first() -> None:
    found = builtin_templates()
    keys = [t.key for t in found]
    assert keys[0] == "generic"
    assert {"trafford-audit-summary", "birmingham-quarterly-declaration", "devon-money-tracker"} <= set(keys)
    for t in found:
        assert t.builtin and t.evidence and t.source
        assert parse_json(dump_json(t)) == t  # round trip


@pytest.mark.parametrize("template", builtin_templates(), ids=lambda t: t.key)
def test_every_category_lands_on_exactly_one_line(template) -> None:  # type: ignore[no-untyped-def]
    money_in = {c: Money(100 + i) for i, c in enumerate(Category) if c.is_income}
    money_out = {c: Money(1000 + i) for i, c in enumerate(Category) if not c.is_income}
    lines_in, lines_out = template.lines(money_in, money_out)
    assert Money.total(x.amount for x in lines_in) == Money.total(money_in.values())
    assert Money.total(x.amount for x in lines_out) == Money.total(money_out.values())
    named = [c for x in lines_out for c in x.categories if c in money_out]
    assert sorted(named, key=lambda c: c.value) == sorted(money_out, key=lambda c: c.value)


def test_the_birmingham_template_asks_about_six_weeks() -> None:
    (b,) = [t for t in builtin_templates() if t.key.startswith("birmingham")]
    assert b.explain_outside_weeks is not None and str(b.explain_outside_weeks) == "6"
    assert "6 weeks" in b.balance_question
    (t,) = [t for t in builtin_templates() if t.key.startswith("trafford")]
    assert t.show_retained


def test_a_copy_remembers_where_it_came_from_and_can_set_its_own_band() -> None:
    generic = builtin_templates()[0]
    data = json.loads(dump_json(generic.copy_as("mine", "My council")))
    data["allowed_weeks"] = "6-8"
    mine = from_dict(data)
    assert (mine.key, mine.based_on, mine.builtin) == ("mine", "generic", False)
    assert mine.allowed is not None and str(mine.allowed) == "6 to 8 weeks"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"key": "Bad Key"}, "short name"),
        ({"name": " "}, "name and a title"),
        (
            {
                "money_out": [
                    {"label": "A", "categories": ["training"]},
                    {"label": "B", "categories": ["training"]},
                ]
            },
            "two money out lines",
        ),
        ({"money_in": [{"label": "", "categories": []}]}, "needs a heading"),
        ({"money_in": [{"label": "X", "categories": ["nonsense"]}]}, "not a category"),
        ({"allowed_weeks": "8-4"}, "smaller number first"),
    ],
)
def test_bad_templates_are_refused_in_plain_english(change: dict, message: str) -> None:  # type: ignore[type-arg]
    data = json.loads(dump_json(builtin_templates()[0]))
    data.update(change)
    with pytest.raises(DomainError, match=message):
        from_dict(data)


def test_not_json_is_refused() -> None:
    with pytest.raises(DomainError, match="not valid JSON"):
        parse_json("{nope")
    with pytest.raises(DomainError, match="not a return template"):
        parse_json("[1, 2]")


def test_figures_that_do_not_add_up_are_refused() -> None:
    check_balances(Money(100), Money(50), Money(30), Money(120))
    with pytest.raises(DomainError, match="does not add up"):
        check_balances(Money(100), Money(50), Money(30), Money(121))
