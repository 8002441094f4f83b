"""Money in and money out categories, following the council return (DESIGN section 3)."""

from __future__ import annotations

from enum import Enum

from pa_manager.domain.errors import DomainError


class Category(Enum):
    """A category's value is its stable key in the book and in --json output."""

    # money in
    COUNCIL_DP = "council_direct_payment"
    CLIENT_CONTRIBUTION = "client_contribution"
    OTHER_FUNDING = "other_funding"
    REFUNDS_INTEREST = "refunds_and_interest"
    # money out
    PA_WAGES = "pa_net_wages"
    HMRC = "hmrc_paye_ni"
    PENSION = "pension"
    INSURANCE = "insurance"
    PAYROLL_FEES = "payroll_and_account_fees"
    AGENCY = "agency_and_provider_invoices"
    RESPITE = "respite_and_short_breaks"
    RECRUITMENT = "recruitment_and_dbs"
    TRAINING = "training"
    EQUIPMENT = "equipment_and_one_offs"
    PA_EXPENSES = "pa_expenses_and_mileage"
    OTHER_OUT = "other_spending"
    COUNCIL_REPAYMENT = "repayment_to_council"
    BANK_CHARGES = "bank_charges"
    UNCATEGORISED = "uncategorised"

    @property
    def is_income(self) -> bool:
        return self in _INCOME

    @property
    def label(self) -> str:
        return _LABELS[self]

    @classmethod
    def parse(cls, text: str) -> Category:
        key = (text or "").strip().lower()
        for member in cls:
            if key in (member.value, member.label.lower()):
                return member
        raise DomainError(f"“{text}” is not a category.")


_INCOME = {
    Category.COUNCIL_DP,
    Category.CLIENT_CONTRIBUTION,
    Category.OTHER_FUNDING,
    Category.REFUNDS_INTEREST,
}

_LABELS = {
    Category.COUNCIL_DP: "Council direct payment",
    Category.CLIENT_CONTRIBUTION: "Client contribution",
    Category.OTHER_FUNDING: "Other funding (ILF, NHS)",
    Category.REFUNDS_INTEREST: "Refunds and interest",
    Category.PA_WAGES: "PA wages (net)",
    Category.HMRC: "HMRC (tax and NI)",
    Category.PENSION: "Pension",
    Category.INSURANCE: "Insurance",
    Category.PAYROLL_FEES: "Payroll and account fees",
    Category.AGENCY: "Agency and provider invoices",
    Category.RESPITE: "Respite and short breaks",
    Category.RECRUITMENT: "Recruitment and DBS checks",
    Category.TRAINING: "Training",
    Category.EQUIPMENT: "Equipment and agreed one-offs",
    Category.PA_EXPENSES: "PA expenses and mileage",
    Category.OTHER_OUT: "Other spending",
    Category.COUNCIL_REPAYMENT: "Repayment to the council",
    Category.BANK_CHARGES: "Bank charges",
    Category.UNCATEGORISED: "Not yet categorised",
}
