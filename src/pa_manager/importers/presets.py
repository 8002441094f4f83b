"""Built-in CSV layouts for the banks and prepaid cards that direct-payment accounts use.

Each preset records where its layout came from. "Confirmed" means the header row was seen in a
real export or in code written against one (the source is named); only confirmed presets are
recognised automatically from a file's header row. The prepaid-card providers councils use
(allpay, Prepaid Financial Services, EML; see docs research 1.7) publish no CSV specification we
could find, so their presets are not confirmed: they recognise the common column names instead
of one fixed layout, and must be chosen by name.

Dates need no per-bank format: every layout here writes day-first dates that `values.parse_day`
reads ("31/01/2026", "13 Jun 2025"), so `date_format` is left unset unless a bank needs one.
"""

from __future__ import annotations

from dataclasses import dataclass

from pa_manager.domain.errors import DomainError
from pa_manager.importers.columns import ColumnMap, norm_header, resolve


@dataclass(frozen=True, slots=True)
class Preset:
    """One bank's CSV export: the columns, where the layout was confirmed, and its quirks.

    `maps` are tried in order (a bank that changed its export keeps both). `signature` is the
    header row that identifies the bank; empty means "never pick this automatically".
    `headerless` names the columns of a file that has no header row. `guess` presets have no
    fixed layout and map columns by their common names.
    """

    name: str
    label: str
    maps: tuple[ColumnMap, ...]
    source: str
    confirmed: bool
    signature: tuple[str, ...] = ()
    date_format: str | None = None
    headerless: tuple[str, ...] = ()
    skip_prefixes: tuple[str, ...] = ()
    account_column: str | None = None
    aliases: tuple[str, ...] = ()
    guess: bool = False

    @property
    def sign_convention(self) -> str:
        """How the first layout signs money: "split", "signed" or "inverted" (see ColumnMap)."""
        return self.maps[0].sign_convention if self.maps else "guessed from the column names"


_LLOYDS_HEADER = (
    "Transaction Date",
    "Transaction Type",
    "Sort Code",
    "Account Number",
    "Transaction Description",
    "Debit Amount",
    "Credit Amount",
    "Balance",
)

PRESETS: tuple[Preset, ...] = (
    Preset(
        name="barclays",
        label="Barclays",
        maps=(ColumnMap(date="Date", description="Memo", amount="Amount"),),
        signature=("Number", "Date", "Account", "Amount", "Subcategory", "Memo"),
        account_column="Account",
        source="Header seen in several independent importers, e.g. fmalina/accounting README "
        "(Amount, Memo); the Number column is usually blank.",
        confirmed=True,
    ),
    Preset(
        name="lloyds",
        label="Lloyds, Halifax or Bank of Scotland",
        maps=(
            ColumnMap(
                date="Transaction Date",
                description="Transaction Description",
                paid_in="Credit Amount",
                paid_out="Debit Amount",
                balance="Balance",
            ),
        ),
        signature=_LLOYDS_HEADER,
        account_column="Account Number",
        aliases=("halifax", "bank-of-scotland", "bos"),
        source="Lloyds header from jakubka/transactions-mapper mapper.py and the column order in "
        "MatthewJohn/Firefly-iii-CSV-Converter convert.py. Halifax and Bank of Scotland share "
        "Lloyds Banking Group's online banking; that they export the same header is assumed.",
        confirmed=True,
    ),
    Preset(
        name="natwest",
        label="NatWest, Royal Bank of Scotland or Ulster Bank",
        maps=(ColumnMap(date="Date", description="Description", amount="Value", balance="Balance"),),
        signature=("Date", "Type", "Description", "Value", "Balance", "Account Name", "Account Number"),
        account_column="Account Name",
        aliases=("rbs", "ulster"),
        source="joesingo/bank-statements test.py (header Date, Type, Description, Value, "
        "Balance, Account Name, Account Number; cells start with an apostrophe) and bank.py; the "
        "Ulster Bank sample in bank2ynab/bank2ynab bank2ynab.conf.",
        confirmed=True,
    ),
    Preset(
        name="nationwide",
        label="Nationwide (statement download)",
        maps=(
            ColumnMap(
                date="Date",
                description="Transaction type+Description",
                paid_in="Paid in",
                paid_out="Paid out",
                balance="Balance",
            ),
        ),
        signature=("Date", "Transaction type", "Description", "Paid out", "Paid in", "Balance"),
        source="WillOnGit/nationwide-transaction-parser fixtures/test-statement.csv: account "
        "lines before the header, dates like 13 Jun 2025, amounts with £ signs.",
        confirmed=True,
    ),
    Preset(
        name="nationwide-midata",
        label="Nationwide (midata download)",
        maps=(
            ColumnMap(
                date="Date",
                description="Type+Merchant/Description",
                amount="Debit/Credit",
                balance="Balance",
            ),
        ),
        signature=("Date", "Type", "Merchant/Description", "Debit/Credit", "Balance"),
        skip_prefixes=("Arranged Overdraft Limit",),
        source="WillOnGit/nationwide-transaction-parser fixtures/test-midata.csv: amounts "
        "like -£52.00 and +£5.00, and an overdraft-limit line after the transactions.",
        confirmed=True,
    ),
    Preset(
        name="monzo",
        label="Monzo",
        maps=(ColumnMap(date="Date", description="Name", amount="Amount", bank_id="Transaction ID"),),
        signature=("Transaction ID", "Date", "Time", "Type", "Name", "Emoji", "Category", "Amount"),
        source="Evernight/beancount-importers import_monzo.py (Transaction ID first, Name "
        "fifth, Category seventh, Date/Amount/Currency by name, day-first dates); the same header "
        "appears in many other importers' test files.",
        confirmed=True,
    ),
    Preset(
        name="starling",
        label="Starling",
        maps=(
            ColumnMap(
                date="Date",
                description="Counter Party+Reference",
                amount="Amount (GBP)",
                balance="Balance (GBP)",
            ),
        ),
        signature=("Date", "Counter Party", "Reference", "Type", "Amount (GBP)", "Balance (GBP)"),
        source="starlingbank/starling-developer-sdk test/responses/v2-get-statement.csv "
        "(Starling's own SDK tests of its statement download).",
        confirmed=True,
    ),
    Preset(
        name="hsbc",
        label="HSBC (no header row)",
        maps=(ColumnMap(date="Date", description="Description", amount="Amount"),),
        headerless=("Date", "Description", "Amount"),
        source="Partly confirmed: bank2ynab/bank2ynab bank2ynab.conf describes HSBC's "
        "TransactionHistory download (HSBC Singapore) as having no header row: date, payee, "
        "signed amount. That HSBC UK's download is the same is assumed.",
        confirmed=False,
    ),
    Preset(
        name="allpay",
        label="allpay prepaid card",
        maps=(),
        guess=True,
        source="Not confirmed: allpay's cardholder portal (allpayprepaid.net) publishes no "
        "export layout we could find, so columns are recognised by their common names.",
        confirmed=False,
    ),
    Preset(
        name="pfs",
        label="Prepaid Financial Services (PFS) card",
        maps=(),
        guess=True,
        aliases=("prepaid-financial-services", "mastercard-prepaid"),
        source="Not confirmed: no published export layout found for PFS (now part of EML), so "
        "columns are recognised by their common names.",
        confirmed=False,
    ),
    Preset(
        name="eml",
        label="EML Payments prepaid card",
        maps=(),
        guess=True,
        source="Not confirmed: no published export layout found for EML's direct-payment card, "
        "so columns are recognised by their common names.",
        confirmed=False,
    ),
)

# A file with no header row whose lines read as date, description, amount: HSBC's shape, but
# found by looking at the data, so it is not labelled as any one bank.
HEADERLESS = Preset(
    name="headerless",
    label="No header row: date, description, amount",
    maps=(ColumnMap(date="Date", description="Description", amount="Amount"),),
    headerless=("Date", "Description", "Amount"),
    source="Recognised from the data: first column a date, third an amount.",
    confirmed=False,
)

# Common header names, for files with no preset and no mapping. Order matters: the first name
# found wins, so the more specific names come first.
_DATES = (
    "transaction date",
    "date",
    "posted date",
    "posting date",
    "posted",
    "value date",
    "completed date",
    "date posted",
    "txn date",
)
_DESCRIPTIONS = (
    "transaction description",
    "description",
    "details",
    "transaction details",
    "narrative",
    "memo",
    "merchant",
    "merchant name",
    "payee",
    "name",
    "counter party",
    "reference",
)
_AMOUNTS = ("amount", "amount (gbp)", "amount gbp", "transaction amount", "value", "net amount")
_PAID_IN = (
    "paid in",
    "money in",
    "credit amount",
    "credit",
    "credits",
    "in",
    "receipts",
    "deposits",
    "paid in (£)",
    "money in (£)",
    "credit (£)",
)
_PAID_OUT = (
    "paid out",
    "money out",
    "debit amount",
    "debit",
    "debits",
    "out",
    "payments",
    "withdrawals",
    "paid out (£)",
    "money out (£)",
    "debit (£)",
)
_BALANCES = ("balance", "running balance", "balance (gbp)", "balance (£)")
_IDS = ("transaction id", "fitid")


def _first(present: dict[str, str], names: tuple[str, ...]) -> str | None:
    for name in names:
        if name in present:
            return present[name]
    return None


def guess_columns(header: list[str]) -> ColumnMap | None:
    """A mapping from common header names, or None when the row lacks a date, text or money."""
    present = {norm_header(cell): cell for cell in reversed(header) if cell.strip()}
    day = _first(present, _DATES)
    text = _first(present, _DESCRIPTIONS)
    if day is None or text is None:
        return None
    balance = _first(present, _BALANCES)
    bank_id = _first(present, _IDS)
    amount = _first(present, _AMOUNTS)
    if amount is not None:
        return ColumnMap(date=day, description=text, amount=amount, balance=balance, bank_id=bank_id)
    paid_in, paid_out = _first(present, _PAID_IN), _first(present, _PAID_OUT)
    if paid_in is None and paid_out is None:
        return None
    return ColumnMap(
        date=day, description=text, paid_in=paid_in, paid_out=paid_out, balance=balance, bank_id=bank_id
    )


def get_preset(name: str) -> Preset:
    """The preset called `name` (or one of its aliases); DomainError listing them if none is."""
    key = name.strip().lower().replace("_", "-").replace(" ", "-")
    for preset in (*PRESETS, HEADERLESS):
        if key == preset.name or key in preset.aliases:
            return preset
    names = ", ".join(preset.name for preset in PRESETS)
    raise DomainError(f"There is no preset called “{name}”; the presets are {names}.")


def detect_preset(header_row: list[str]) -> Preset | None:
    """The confirmed preset whose identifying header row this is, most specific first."""
    present = {norm_header(cell) for cell in header_row}
    candidates = sorted(
        (preset for preset in PRESETS if preset.confirmed and preset.signature),
        key=lambda preset: -len(preset.signature),
    )
    for preset in candidates:
        if all(norm_header(cell) in present for cell in preset.signature) and any(
            all(resolve(header_row, wanted) is not None for wanted in layout.named().values())
            for layout in preset.maps
        ):
            return preset
    return None
