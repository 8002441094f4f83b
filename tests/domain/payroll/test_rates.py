"""The rate tables: looked up by tax year, sourced, and consistent with the published figures."""

from __future__ import annotations

import pytest

from pa_manager.domain.errors import DomainError
from pa_manager.domain.payroll import Jurisdiction, rates_for, supported_tax_years
from pa_manager.domain.payroll.rates import TaxBands
from pa_manager.domain.periods import TaxYear


def test_supported_years() -> None:
    assert [str(y) for y in supported_tax_years()] == ["2025-26", "2026-27"]
    assert rates_for(TaxYear(2026)).tax_year == TaxYear(2026)


@pytest.mark.parametrize("year", [2024, 2027, 1999])
def test_unknown_year_names_the_years_we_have(year: int) -> None:
    with pytest.raises(DomainError, match="we have rates for 2025-26 and 2026-27"):
        rates_for(TaxYear(year))


def _tops(bands: TaxBands) -> list[int]:
    """The published band upper limits: running totals of the widths."""
    tops, total = [], 0
    for band in bands.bands[:-1]:
        assert band.width is not None
        total += band.width
        tops.append(total)
    return tops


# The widths in the data files are the spec's; the tops are GOV.UK's published band limits.
@pytest.mark.parametrize(
    ("year", "tops"),
    [
        (2025, [2_827, 14_921, 31_092, 62_430, 125_140]),
        (2026, [3_967, 16_956, 31_092, 62_430, 125_140]),
    ],
)
def test_scottish_bands_match_the_published_limits(year: int, tops: list[int]) -> None:
    bands = rates_for(TaxYear(year)).income_tax.scotland
    assert _tops(bands) == tops
    assert [str(b.rate) for b in bands.bands] == ["0.19", "0.20", "0.21", "0.42", "0.45", "0.48"]
    assert str(bands.basic_rate) == "0.20"
    assert bands.d_code_count == 4  # SD0 to SD3


@pytest.mark.parametrize("year", [2025, 2026])
@pytest.mark.parametrize("where", [Jurisdiction.ENGLAND_NI, Jurisdiction.WALES])
def test_rest_of_uk_and_welsh_bands(year: int, where: Jurisdiction) -> None:
    bands = rates_for(TaxYear(year)).income_tax.bands_for(where)
    assert _tops(bands) == [37_700, 125_140]
    assert [str(b.rate) for b in bands.bands] == ["0.20", "0.40", "0.45"]
    assert bands.d_code_count == 2  # D0 and D1


@pytest.mark.parametrize("year", [2025, 2026])
def test_every_table_names_its_source(year: int) -> None:
    rates = rates_for(TaxYear(year))
    sources = [
        rates.income_tax.source,
        rates.ni.source,
        *(rates.income_tax.bands_for(j).source for j in Jurisdiction),
    ]
    assert all(len(s) > 20 for s in sources), sources


def test_ni_thresholds_by_year() -> None:
    old, new = rates_for(TaxYear(2025)).ni.thresholds, rates_for(TaxYear(2026)).ni.thresholds
    assert (old.lel, new.lel) == (6_500, 6_708)  # the one figure that changed
    assert (new.pt, new.st, new.uel) == (old.pt, old.st, old.uel) == (12_570, 5_000, 50_270)


def test_ni_categories_are_the_same_letters_both_years() -> None:
    letters = [sorted(rates_for(TaxYear(y)).ni.categories) for y in (2025, 2026)]
    assert letters[0] == letters[1] == ["A", "B", "C", "H", "J", "M", "V", "X", "Z"]
