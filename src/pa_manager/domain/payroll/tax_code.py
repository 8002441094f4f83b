"""Reading an HMRC tax code: 1257L, S1257L, C1257L, K475, BR, SBR, D0, SD3, 0T, NT, with W1/M1/X.

The code decides four things: which bands apply (the S or C prefix), how the allowance works (a
number and suffix, a K number, or none at all), whether one flat rate applies (BR, D0, D1, SD0-SD3),
and whether the calculation is cumulative (a W1, M1 or X marker means week 1 / month 1).

Parsing here is about spelling only. Whether a D code exists for the taxpayer's country depends on
the tax year's bands, so `check_against` asks the year's rates (SD3 exists, D3 does not).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from pa_manager.domain.errors import DomainError
from pa_manager.domain.payroll.rates import Jurisdiction, TaxBands

# Numbers may be up to six digits: HMRC's spec allows a code of up to seven characters such as
# 999999T. No leading zeros, because HMRC never issues them and "01257L" is most likely a typo.
_CODE = re.compile(
    r"""^(?P<region>[SC])?
        (?P<body>NT|BR|0T|D(?P<d>\d)|K(?P<k>[1-9]\d{0,5})|(?P<number>[1-9]\d{0,5})(?P<suffix>[LMNT]))
        (?:[\s/]*(?P<marker>W1|M1|X))?$""",
    re.VERBOSE,
)

_EXAMPLES = "Tax codes look like 1257L, S1257L, C1257L, K475, BR, D0, 0T or NT"


class CodeKind(Enum):
    """How a code turns pay into tax."""

    ALLOWANCE = "allowance"  # nnnnL/M/N/T, and 0T (nil allowance, bands still apply)
    K = "k"  # the number is added to pay rather than taken off
    BASIC_RATE = "basic_rate"  # BR: all pay at the basic rate
    D = "d"  # D0, D1 (SD0-SD3): all pay at one higher rate
    NO_TAX = "no_tax"  # NT


@dataclass(frozen=True, slots=True)
class TaxCode:
    """A parsed tax code.

    `number` is the allowance number for ALLOWANCE codes (1257 for 1257L, 0 for 0T), the K number
    for K codes, the n of Dn, and 0 otherwise.
    """

    code: str  # canonical spelling without any W1/M1/X marker, e.g. "S1257L"
    jurisdiction: Jurisdiction
    kind: CodeKind
    number: int
    suffix: str | None
    marker: str | None = None  # "W1", "M1" or "X" if the code carried a non-cumulative marker

    @property
    def non_cumulative(self) -> bool:
        """True if the code itself says week 1 / month 1 (W1, M1 or the RTI indicator X)."""
        return self.marker is not None

    def __str__(self) -> str:
        return f"{self.code} {self.marker}" if self.marker else self.code

    def check_against(self, bands: TaxBands) -> None:
        """Refuse a D code the taxpayer's country does not have in this year's bands."""
        if self.kind is CodeKind.D and self.number >= bands.d_code_count:
            prefix = self.jurisdiction.prefix
            last = bands.d_code_count - 1
            scottish = ""
            if self.jurisdiction is not Jurisdiction.SCOTLAND:
                scottish = " (SD2 and SD3 are only for Scottish taxpayers)"
            raise DomainError(
                f"“{self.code}” is not a tax code HMRC uses: the D codes for this taxpayer are "
                f"{prefix}D0 to {prefix}D{last}{scottish}. Check the code on the PAYE notice."
            )


def parse_tax_code(text: str) -> TaxCode:
    """Read a tax code as printed on a P45 or PAYE coding notice; case and spaces do not matter.

    Raises DomainError saying what a valid code looks like.
    """
    if not isinstance(text, str):
        raise DomainError(f"The tax code must be text such as 1257L. {_EXAMPLES}.")
    return _parse(text)


# A payroll sees the same few codes over and over (10,000 batch cases use a dozen); TaxCode is
# frozen, so handing out the same instance is safe. Errors are raised afresh, never cached.
@lru_cache(maxsize=1024)
def _parse(text: str) -> TaxCode:
    cleaned = re.sub(r"\s+", " ", text.strip().upper())
    if not cleaned:
        raise DomainError(f"The tax code is empty. Copy it from the P45 or PAYE coding notice. {_EXAMPLES}.")
    m = _CODE.match(cleaned)
    if m is None:
        raise DomainError(_explain_bad_code(text.strip(), cleaned))
    region = {"S": Jurisdiction.SCOTLAND, "C": Jurisdiction.WALES, None: Jurisdiction.ENGLAND_NI}[m["region"]]
    body = m["body"]
    marker: str | None = m["marker"]
    if body == "NT":
        if m["region"]:
            raise DomainError(
                f"“{text.strip()}” is not a tax code HMRC uses: the no-tax code is just NT, "
                "with no S or C in front."
            )
        return TaxCode("NT", region, CodeKind.NO_TAX, 0, None, marker)
    code = region.prefix + body
    if body == "BR":
        return TaxCode(code, region, CodeKind.BASIC_RATE, 0, None, marker)
    if body == "0T":
        return TaxCode(code, region, CodeKind.ALLOWANCE, 0, "T", marker)
    if m["d"] is not None:
        return TaxCode(code, region, CodeKind.D, int(m["d"]), None, marker)
    if m["k"] is not None:
        return TaxCode(code, region, CodeKind.K, int(m["k"]), None, marker)
    return TaxCode(code, region, CodeKind.ALLOWANCE, int(m["number"]), m["suffix"], marker)


def _explain_bad_code(original: str, cleaned: str) -> str:
    """A message that points at the most likely mistake, then shows what codes look like."""
    start = f"“{original}” is not a tax code HMRC uses."
    core = re.sub(r"[\s/]*(W1|M1|X)$", "", cleaned)
    core = core[1:] if core[:1] in ("S", "C") and len(core) > 1 else core
    if re.fullmatch(r"\d+", core):
        return f"{start} It needs its letter at the end, for example {core}L. {_EXAMPLES}."
    if re.fullmatch(r"\d+[PVY]", core):
        return (
            f"{start} The letters P, V and Y are no longer used at the end of a code; ask HMRC "
            f"for the current code. {_EXAMPLES}."
        )
    if re.fullmatch(r"0+[LMN]", core):
        return f"{start} A code with no allowance is written 0T. {_EXAMPLES}."
    if re.fullmatch(r"K0*", core):
        return f"{start} A K code has a number from 1 upwards, for example K475. {_EXAMPLES}."
    if re.fullmatch(r"0\d+[LMNT]|K0\d+", core):
        return f"{start} The number should not start with 0. {_EXAMPLES}."
    if re.fullmatch(r"K?\d{7,}[LMNT]?", core):
        return f"{start} The number is too long: a code has at most six digits. {_EXAMPLES}."
    return f"{start} {_EXAMPLES}, sometimes followed by W1, M1 or X."
