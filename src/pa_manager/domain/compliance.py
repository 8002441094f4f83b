"""The employer's paperwork for each PA, and whether each piece is in order on a given day.

Every item comes back with a state and one plain-English sentence saying what to do:
- `missing`: never recorded, and it is needed;
- `overdue`: its renewal or follow-up date has passed (the day after the date onwards);
- `due soon`: that date is today or within the warning window (30 days unless set otherwise);
- `ok`: in order.

What is checked (shared/research/domain.md section 2):
- a written contract (statement of terms), due from the first day of employment;
- a right-to-work check before the first day, and a follow-up check where permission is time-limited;
- a DBS certificate, renewed after 3 years (councils' usual rule; set another in `ComplianceRules`),
  or its status checked on the DBS Update Service where the PA subscribes;
- training with a renewal date;
- the council's agreement to employing a relative who lives in the same household;
- employer's liability insurance, renewed every year (checked for the holder, not per PA).
Contract and right to work apply to employees only: an agency employs its own workers, and a
self-employed PA has no contract of employment. Nothing is chased for a PA who has left.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from pa_manager.domain.errors import DomainError
from pa_manager.domain.people import PA, EmploymentType, add_months, long_date

DEFAULT_WINDOW_DAYS = 30
DEFAULT_DBS_RENEWAL_MONTHS = 36


class ComplianceState(Enum):
    """How an item stands, worst first."""

    MISSING = "missing"
    OVERDUE = "overdue"
    DUE_SOON = "due soon"
    OK = "ok"


class ComplianceTopic(Enum):
    """What an item is about."""

    CONTRACT = "contract"
    RIGHT_TO_WORK = "right-to-work"
    DBS = "dbs"
    TRAINING = "training"
    COUNCIL_APPROVAL = "council-approval"
    INSURANCE = "insurance"


class RightToWorkMethod(Enum):
    """How the right to work was checked (Home Office employer's guide)."""

    DOCUMENTS = "documents"
    SHARE_CODE = "share-code"
    IDENTITY_SERVICE = "identity-service"
    EMPLOYER_CHECKING_SERVICE = "employer-checking-service"

    @property
    def label(self) -> str:
        return {
            "documents": "original documents seen and copied",
            "share-code": "online check with a share code",
            "identity-service": "digital identity check by a certified provider",
            "employer-checking-service": "Home Office Employer Checking Service",
        }[self.value]


class DbsLevel(Enum):
    """The level of a criminal record certificate."""

    BASIC = "basic"
    STANDARD = "standard"
    ENHANCED = "enhanced"
    ENHANCED_WITH_BARRED_LIST = "enhanced-barred-list"

    @property
    def label(self) -> str:
        return {
            "basic": "basic",
            "standard": "standard",
            "enhanced": "enhanced",
            "enhanced-barred-list": "enhanced with barred list",
        }[self.value]


@dataclass(frozen=True, slots=True)
class RightToWorkCheck:
    """When and how the right to work was checked; `follow_up_on` for time-limited permission."""

    checked_on: date
    method: RightToWorkMethod
    follow_up_on: date | None = None

    def __post_init__(self) -> None:
        if self.follow_up_on is not None and self.follow_up_on <= self.checked_on:
            raise DomainError("The follow-up check must be after the date of the first check.")


@dataclass(frozen=True, slots=True)
class DbsCertificate:
    """A criminal record certificate (DBS; Disclosure Scotland or AccessNI in those nations)."""

    number: str
    level: DbsLevel
    issued_on: date
    update_service: bool = False

    def __post_init__(self) -> None:
        compact = "".join(self.number.split())
        if not compact or len(compact) > 20 or not compact.isalnum():
            raise DomainError(
                "Type the certificate number as printed on the certificate: letters and numbers only."
            )


@dataclass(frozen=True, slots=True)
class TrainingRecord:
    """A course the PA completed, and when it needs renewing (None if it does not)."""

    course: str
    completed_on: date
    renew_on: date | None = None

    def __post_init__(self) -> None:
        if not self.course.strip():
            raise DomainError("Type the name of the training course.")
        if self.renew_on is not None and self.renew_on <= self.completed_on:
            raise DomainError("The renewal date for training must be after the date it was completed.")


@dataclass(frozen=True, slots=True)
class InsurancePolicy:
    """The holder's employer's liability insurance; `renews_on` is the last day of cover."""

    insurer: str
    renews_on: date
    policy_number: str = ""

    def __post_init__(self) -> None:
        if not self.insurer.strip():
            raise DomainError("Type the name of the insurer.")


@dataclass(frozen=True, slots=True)
class PaRecords:
    """What has been recorded for one PA."""

    contract_given_on: date | None = None
    right_to_work: RightToWorkCheck | None = None
    dbs: DbsCertificate | None = None
    training: tuple[TrainingRecord, ...] = ()


@dataclass(frozen=True, slots=True)
class ComplianceRules:
    """The warning window, and the council's rule for how old a DBS certificate may get."""

    window_days: int = DEFAULT_WINDOW_DAYS
    dbs_renewal_months: int = DEFAULT_DBS_RENEWAL_MONTHS

    def __post_init__(self) -> None:
        if self.window_days < 0:
            raise DomainError("The warning period cannot be negative.")
        if self.dbs_renewal_months < 1:
            raise DomainError("DBS renewal must be at least a month after the certificate is issued.")


@dataclass(frozen=True, slots=True)
class ComplianceItem:
    """One piece of paperwork: its state, the date that matters, and what to do, in one sentence."""

    topic: ComplianceTopic
    title: str
    state: ComplianceState
    due: date | None
    explanation: str


def dated_state(due: date, as_of: date, window_days: int = DEFAULT_WINDOW_DAYS) -> ComplianceState:
    """OVERDUE after `due`; DUE_SOON from `window_days` before it up to the day itself; else OK."""
    if as_of > due:
        return ComplianceState.OVERDUE
    if (due - as_of).days <= window_days:
        return ComplianceState.DUE_SOON
    return ComplianceState.OK


def check_pa(
    pa: PA, records: PaRecords, as_of: date, rules: ComplianceRules | None = None
) -> tuple[ComplianceItem, ...]:
    """Every item for a PA on `as_of`, in a fixed order; empty for a PA who has left."""
    rules = rules or ComplianceRules()
    if pa.leave_date is not None and pa.leave_date < as_of:
        return ()
    items: list[ComplianceItem] = []
    if pa.employment_type is EmploymentType.EMPLOYEE:
        items.append(_contract(pa, records.contract_given_on))
        items.append(_right_to_work(pa, records.right_to_work, as_of, rules))
    items.append(_dbs(pa, records.dbs, as_of, rules))
    items.extend(_training(pa, t, as_of, rules) for t in records.training)
    if pa.relative_in_household:
        items.append(_council_approval(pa))
    return tuple(items)


def _contract(pa: PA, given_on: date | None) -> ComplianceItem:
    title = "Written contract"
    if given_on is not None:
        text = f"{pa.name} was given a written contract on {long_date(given_on)}."
        return ComplianceItem(ComplianceTopic.CONTRACT, title, ComplianceState.OK, None, text)
    text = (
        f"Give {pa.name} a written contract (a written statement of their terms): it is due by their "
        f"first day, {long_date(pa.start_date)}."
    )
    return ComplianceItem(ComplianceTopic.CONTRACT, title, ComplianceState.MISSING, pa.start_date, text)


def _right_to_work(
    pa: PA, check: RightToWorkCheck | None, as_of: date, rules: ComplianceRules
) -> ComplianceItem:
    topic, title = ComplianceTopic.RIGHT_TO_WORK, "Right to work in the UK"
    if check is None:
        text = (
            f"Check {pa.name}'s right to work in the UK, due before their first day "
            f"({long_date(pa.start_date)}), and record the date and how you checked: without it you can "
            "be fined up to £45,000."
        )
        return ComplianceItem(topic, title, ComplianceState.MISSING, pa.start_date, text)
    checked = long_date(check.checked_on)
    if check.follow_up_on is None:
        text = (
            f"{pa.name}'s right to work was checked on {checked} ({check.method.label}); "
            "no further check is needed."
        )
        return ComplianceItem(topic, title, ComplianceState.OK, None, text)
    due = check.follow_up_on
    state = dated_state(due, as_of, rules.window_days)
    text = {
        ComplianceState.OVERDUE: (
            f"{pa.name}'s permission to work needed checking again by {long_date(due)}; check it now, "
            "because they may no longer be allowed to work."
        ),
        ComplianceState.DUE_SOON: (
            f"Check {pa.name}'s right to work again by {long_date(due)}, when their time-limited "
            "permission needs a follow-up check."
        ),
        ComplianceState.OK: (
            f"{pa.name}'s right to work was checked on {checked}; the follow-up check is due by "
            f"{long_date(due)}."
        ),
    }[state]
    return ComplianceItem(topic, title, state, due, text)


def _dbs(pa: PA, cert: DbsCertificate | None, as_of: date, rules: ComplianceRules) -> ComplianceItem:
    topic, title = ComplianceTopic.DBS, "DBS check"
    if cert is None:
        text = (
            f"Get an enhanced DBS check for {pa.name} (Disclosure Scotland or AccessNI in Scotland or "
            "Northern Ireland) through the council, your support service or an umbrella body, as you "
            "cannot apply yourself."
        )
        return ComplianceItem(topic, title, ComplianceState.MISSING, None, text)
    due = add_months(cert.issued_on, rules.dbs_renewal_months)
    state = dated_state(due, as_of, rules.window_days)
    issued = long_date(cert.issued_on)
    action = (
        "check its status online with the DBS Update Service"
        if cert.update_service
        else "apply for a new check through the council, your support service or an umbrella body"
    )
    text = {
        ComplianceState.OVERDUE: (
            f"{pa.name}'s DBS certificate from {issued} was due for renewal on {long_date(due)}; {action}."
        ),
        ComplianceState.DUE_SOON: (
            f"{pa.name}'s DBS certificate from {issued} is due for renewal on {long_date(due)}; {action}."
        ),
        ComplianceState.OK: (
            f"{pa.name}'s {cert.level.label} DBS certificate was issued on {issued}; renewal is due on "
            f"{long_date(due)}."
        ),
    }[state]
    return ComplianceItem(topic, title, state, due, text)


def _training(pa: PA, record: TrainingRecord, as_of: date, rules: ComplianceRules) -> ComplianceItem:
    topic, title = ComplianceTopic.TRAINING, f"Training: {record.course}"
    done = long_date(record.completed_on)
    if record.renew_on is None:
        text = f"{pa.name} completed {record.course} on {done}; it does not need renewing."
        return ComplianceItem(topic, title, ComplianceState.OK, None, text)
    due = record.renew_on
    state = dated_state(due, as_of, rules.window_days)
    text = {
        ComplianceState.OVERDUE: (
            f"{pa.name}'s {record.course} training ran out on {long_date(due)}; book a refresher now."
        ),
        ComplianceState.DUE_SOON: (
            f"{pa.name}'s {record.course} training runs out on {long_date(due)}; book a refresher "
            "before then."
        ),
        ComplianceState.OK: (
            f"{pa.name} completed {record.course} on {done}; it needs renewing by {long_date(due)}."
        ),
    }[state]
    return ComplianceItem(topic, title, state, due, text)


def _council_approval(pa: PA) -> ComplianceItem:
    topic, title = ComplianceTopic.COUNCIL_APPROVAL, "Council agreement to employ a relative"
    if pa.council_approved_on is not None:
        text = (
            f"The council agreed on {long_date(pa.council_approved_on)} to you employing {pa.name}, a "
            "relative who lives with you."
        )
        return ComplianceItem(topic, title, ComplianceState.OK, None, text)
    text = (
        f"Ask the council to agree in writing to you employing {pa.name}, a relative who lives with you, "
        "and record the date, because without it the council may not let the direct payment pay them."
    )
    return ComplianceItem(topic, title, ComplianceState.MISSING, None, text)


def check_insurance(
    policy: InsurancePolicy | None, as_of: date, rules: ComplianceRules | None = None
) -> ComplianceItem:
    """The holder's employer's liability insurance on `as_of` (needed once anyone is employed)."""
    rules = rules or ComplianceRules()
    topic, title = ComplianceTopic.INSURANCE, "Employer's liability insurance"
    if policy is None:
        text = (
            "Buy employer's liability insurance before anyone starts work for you: the law requires it, "
            "and it must be renewed every year."
        )
        return ComplianceItem(topic, title, ComplianceState.MISSING, None, text)
    due = policy.renews_on
    state = dated_state(due, as_of, rules.window_days)
    text = {
        ComplianceState.OVERDUE: (
            f"Your employer's liability insurance with {policy.insurer} ran out on {long_date(due)}; renew "
            "it now, because employing a PA without it is against the law."
        ),
        ComplianceState.DUE_SOON: (
            f"Your employer's liability insurance with {policy.insurer} runs out on {long_date(due)}; "
            "renew it before then."
        ),
        ComplianceState.OK: (
            f"Your employer's liability insurance with {policy.insurer} runs until {long_date(due)}."
        ),
    }[state]
    return ComplianceItem(topic, title, state, due, text)
