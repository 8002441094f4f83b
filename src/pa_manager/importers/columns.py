"""Which of a CSV file's own columns hold the date, description and money.

A `ColumnMap` names the file's headers, exactly as the bank wrote them (case and spacing do not
matter). The command line spells one as
``date=Posted,description=Details,paid_in=Money In,paid_out=Money Out`` or with ``amount=``.

Two small extensions, both needed by real exports:

* ``description=Counter Party+Reference`` joins several columns (Starling puts the payee in one
  and the reference, often "PA wages", in the other). A header that itself contains "+" still
  works: the whole text is tried as one header first.
* Column numbers (``date=1,description=2,amount=3``) address a file with no header row at all,
  as HSBC's download is.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from pa_manager.domain.errors import DomainError

_KEYS = ("date", "description", "amount", "paid_in", "paid_out", "balance", "bank_id")
_YES = {"yes", "true", "1", "y"}
_NO = {"no", "false", "0", "n"}


def norm_header(text: str) -> str:
    """Headers compare without case, surrounding spaces, doubled spaces or a trailing colon."""
    return " ".join(text.replace("\ufeff", "").replace("\u00a0", " ").split()).casefold().rstrip(":")


def _key(raw: str) -> str:
    return raw.strip().lower().replace("-", "_").replace(" ", "_")


@dataclass(frozen=True, slots=True)
class ColumnMap:
    """Header names for each field; `negate` flips signs for exports where spending is positive."""

    date: str
    description: str
    amount: str | None = None
    paid_in: str | None = None
    paid_out: str | None = None
    balance: str | None = None
    bank_id: str | None = None
    negate: bool = False

    def __post_init__(self) -> None:
        if not self.date.strip() or not self.description.strip():
            raise DomainError("A column mapping needs both a date column and a description column.")
        if self.amount is None and self.paid_in is None and self.paid_out is None:
            raise DomainError(
                "A column mapping needs an amount column, or paid_in and paid_out columns, "
                "to know how much each line was."
            )
        if self.amount is not None and (self.paid_in is not None or self.paid_out is not None):
            raise DomainError(
                "A column mapping takes either one amount column or paid_in/paid_out columns, not both."
            )
        named = self.named()
        positional = [value.isdigit() for value in named.values()]
        if any(positional) and not all(positional):
            raise DomainError(
                "A column mapping must use either header names or column numbers, not a mixture."
            )
        if all(positional) and any(int(value) < 1 for value in named.values()):
            raise DomainError("Column numbers in a mapping start at 1.")

    @classmethod
    def parse(cls, text: str) -> ColumnMap:
        """Read ``key=Header,key=Header`` as typed after --columns."""
        values: dict[str, str] = {}
        negate = False
        for part in text.split(","):
            if not part.strip():
                continue
            if "=" not in part:
                raise DomainError(
                    f"“{part.strip()}” in the column mapping has no “=”; write it like date=Posted."
                )
            raw_key, value = part.split("=", 1)
            key = _key(raw_key)
            value = value.strip()
            if key == "negate":
                if value.lower() not in _YES | _NO:
                    raise DomainError(f"negate in a column mapping is yes or no, not “{value}”.")
                negate = value.lower() in _YES
                continue
            if key not in _KEYS:
                raise DomainError(
                    f"“{raw_key.strip()}” is not something a column can hold; use "
                    "date, description, amount, paid_in, paid_out, balance, bank_id or negate."
                )
            if key in values:
                raise DomainError(f"The column mapping names {key} twice.")
            if not value:
                raise DomainError(f"The column mapping gives {key} no column name.")
            values[key] = value
        missing = [key for key in ("date", "description") if key not in values]
        if missing:
            raise DomainError(
                f"The column mapping has no {' or '.join(missing)}; every statement line needs "
                "a date and a description."
            )
        return cls(negate=negate, **values)

    def named(self) -> dict[str, str]:
        """The fields this map sets, field name to header text, in a fixed order."""
        out: dict[str, str] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name != "negate" and value is not None:
                out[f.name] = value
        return out

    @property
    def positional(self) -> bool:
        """True when the map addresses columns by number (a file with no header row)."""
        return self.date.isdigit()

    @property
    def sign_convention(self) -> str:
        """ "split" (paid in / paid out columns), "signed" (minus is money out) or "inverted"."""
        if self.amount is None:
            return "split"
        return "inverted" if self.negate else "signed"

    def spec(self) -> str:
        """The map written back in --columns form, for messages and the mapping dialog."""
        parts = [f"{key}={value}" for key, value in self.named().items()]
        if self.negate:
            parts.append("negate=yes")
        return ",".join(parts)


def resolve(header: list[str], wanted: str) -> list[int] | None:
    """Column indexes for one mapped field ("A+B" joins columns), or None if any is missing."""
    index = {norm_header(cell): i for i, cell in reversed(list(enumerate(header)))}
    if wanted.isdigit():
        return [int(wanted) - 1]
    whole = index.get(norm_header(wanted))
    if whole is not None:
        return [whole]
    parts = [norm_header(part) for part in wanted.split("+")] if "+" in wanted else []
    if len(parts) > 1 and all(part in index for part in parts):
        return [index[part] for part in parts]
    return None


def missing_headers(header: list[str], columns: ColumnMap) -> list[str]:
    """The mapped header names this row lacks, in mapping order (empty when all are present)."""
    present = {norm_header(cell) for cell in header}
    missing: list[str] = []
    for wanted in columns.named().values():
        if resolve(header, wanted) is not None:
            continue
        parts = wanted.split("+") if "+" in wanted else [wanted]
        missing.extend(part.strip() for part in parts if norm_header(part) not in present)
    return missing
