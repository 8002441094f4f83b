"""Tax code parsing: every form HMRC issues is read correctly, anything else is refused clearly."""

from __future__ import annotations

import pytest

from pa_manager.domain.errors import DomainError
from pa_manager.domain.payroll import CodeKind, Jurisdiction, parse_tax_code, rates_for
from pa_manager.domain.periods import TaxYear

E, S, W = Jurisdiction.ENGLAND_NI, Jurisdiction.SCOTLAND, Jurisdiction.WALES
A, K, BR, D, NT = CodeKind.ALLOWANCE, CodeKind.K, CodeKind.BASIC_RATE, CodeKind.D, CodeKind.NO_TAX


@pytest.mark.parametrize(
    ("text", "code", "jurisdiction", "kind", "number", "suffix"),
    [
        ("1257L", "1257L", E, A, 1257, "L"),
        ("1257M", "1257M", E, A, 1257, "M"),
        ("1257N", "1257N", E, A, 1257, "N"),
        ("1100T", "1100T", E, A, 1100, "T"),
        ("45L", "45L", E, A, 45, "L"),
        ("999999T", "999999T", E, A, 999999, "T"),
        ("0T", "0T", E, A, 0, "T"),
        ("K475", "K475", E, K, 475, None),
        ("K1", "K1", E, K, 1, None),
        ("BR", "BR", E, BR, 0, None),
        ("D0", "D0", E, D, 0, None),
        ("D1", "D1", E, D, 1, None),
        ("NT", "NT", E, NT, 0, None),
        ("S1257L", "S1257L", S, A, 1257, "L"),
        ("S0T", "S0T", S, A, 0, "T"),
        ("SK585", "SK585", S, K, 585, None),
        ("SBR", "SBR", S, BR, 0, None),
        ("SD0", "SD0", S, D, 0, None),
        ("SD1", "SD1", S, D, 1, None),
        ("SD2", "SD2", S, D, 2, None),
        ("SD3", "SD3", S, D, 3, None),
        ("C1257L", "C1257L", W, A, 1257, "L"),
        ("C0T", "C0T", W, A, 0, "T"),
        ("CK100", "CK100", W, K, 100, None),
        ("CBR", "CBR", W, BR, 0, None),
        ("CD0", "CD0", W, D, 0, None),
        ("CD1", "CD1", W, D, 1, None),
        ("  s1257l ", "S1257L", S, A, 1257, "L"),  # as typed: case and spaces do not matter
    ],
)
def test_valid_codes(
    text: str, code: str, jurisdiction: Jurisdiction, kind: CodeKind, number: int, suffix: str | None
) -> None:
    parsed = parse_tax_code(text)
    assert (parsed.code, parsed.jurisdiction, parsed.kind, parsed.number, parsed.suffix) == (
        code,
        jurisdiction,
        kind,
        number,
        suffix,
    )
    assert not parsed.non_cumulative


@pytest.mark.parametrize(
    ("text", "code", "marker"),
    [
        ("1257L W1", "1257L", "W1"),
        ("1257L M1", "1257L", "M1"),
        ("1257LX", "1257L", "X"),
        ("1257L/M1", "1257L", "M1"),
        ("s1257l  w1", "S1257L", "W1"),
        ("K475 M1", "K475", "M1"),
        ("BR X", "BR", "X"),
        ("0T M1", "0T", "M1"),
        ("CD1 W1", "CD1", "W1"),
    ],
)
def test_week1_month1_markers(text: str, code: str, marker: str) -> None:
    parsed = parse_tax_code(text)
    assert (parsed.code, parsed.marker, parsed.non_cumulative) == (code, marker, True)
    assert str(parsed) == f"{code} {marker}"


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("", "is empty"),
        ("   ", "is empty"),
        ("1257", "1257L"),  # the letter is missing
        ("S1257", "1257L"),
        ("1257P", "no longer used"),
        ("1257Y", "no longer used"),
        ("0L", "0T"),
        ("K0", "K475"),
        ("K", "K475"),
        ("01257L", "start with 0"),
        ("K0475", "start with 0"),
        ("1234567L", "too long"),
        ("SNT", "just NT"),
        ("CNT", "just NT"),
        ("ABC", "look like"),
        ("D", "look like"),
        ("D10", "look like"),
        ("SS1257L", "look like"),
        ("1257L W2", "look like"),
        ("1257LL", "look like"),
        ("L", "look like"),
        ("BR1", "look like"),
        ("X", "look like"),
        ("1257L M1 M1", "look like"),
    ],
)
def test_invalid_codes_are_refused_with_a_hint(text: str, hint: str) -> None:
    with pytest.raises(DomainError) as err:
        parse_tax_code(text)
    assert hint in str(err.value)


def test_non_text_is_refused() -> None:
    with pytest.raises(DomainError, match="must be text"):
        parse_tax_code(1257)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["D2", "D3", "CD2", "SD4", "SD9"])
def test_d_codes_beyond_the_bands_are_refused_by_the_year(text: str) -> None:
    code = parse_tax_code(text)  # spelt like a code...
    bands = rates_for(TaxYear(2026)).income_tax.bands_for(code.jurisdiction)
    with pytest.raises(DomainError, match="D0 to"):  # ...but the country has no such band
        code.check_against(bands)


@pytest.mark.parametrize("text", ["D0", "D1", "CD1", "SD0", "SD3"])
def test_d_codes_within_the_bands_pass_the_check(text: str) -> None:
    code = parse_tax_code(text)
    code.check_against(rates_for(TaxYear(2026)).income_tax.bands_for(code.jurisdiction))


def test_rest_of_uk_d2_message_points_at_scottish_codes() -> None:
    with pytest.raises(DomainError, match="only for Scottish taxpayers"):
        parse_tax_code("D2").check_against(rates_for(TaxYear(2025)).income_tax.england_ni)
