from datetime import date

import pytest

from pa_manager.domain.compliance import (
    ComplianceItem,
    ComplianceRules,
    ComplianceState,
    ComplianceTopic,
    DbsCertificate,
    DbsLevel,
    InsurancePolicy,
    PaRecords,
    RightToWorkCheck,
    RightToWorkMethod,
    TrainingRecord,
    check_insurance,
    check_pa,
    dated_state,
)
from pa_manager.domain.errors import DomainError
from pa_manager.domain.people import EmploymentType
from tests.domain.people.makers import make_pa

OK, SOON, OVERDUE, MISSING = (
    ComplianceState.OK,
    ComplianceState.DUE_SOON,
    ComplianceState.OVERDUE,
    ComplianceState.MISSING,
)
PA = make_pa(start_date=date(2025, 1, 6))
DBS = DbsCertificate("0012 3456 7890", DbsLevel.ENHANCED_WITH_BARRED_LIST, date(2023, 5, 1))
GOOD = PaRecords(
    contract_given_on=date(2025, 1, 6),
    right_to_work=RightToWorkCheck(date(2024, 12, 20), RightToWorkMethod.DOCUMENTS),
    dbs=DBS,
)


def one_sentence(item: ComplianceItem) -> bool:
    return item.explanation.endswith(".") and ". " not in item.explanation


def item(items: tuple[ComplianceItem, ...], topic: ComplianceTopic) -> ComplianceItem:
    (found,) = [i for i in items if i.topic is topic]
    return found


@pytest.mark.parametrize(
    ("as_of", "state"),
    [
        (date(2026, 5, 30), OK),  # 31 days before
        (date(2026, 5, 31), SOON),  # 30 days before: inside the window
        (date(2026, 6, 30), SOON),  # the day itself
        (date(2026, 7, 1), OVERDUE),  # the day after
    ],
)
def test_dated_state_boundaries(as_of: date, state: ComplianceState) -> None:
    assert dated_state(date(2026, 6, 30), as_of) is state


def test_the_window_is_configurable() -> None:
    assert dated_state(date(2026, 6, 30), date(2026, 6, 22), 7) is OK  # 8 days before
    assert dated_state(date(2026, 6, 30), date(2026, 6, 23), 7) is SOON  # 7 days before
    assert dated_state(date(2026, 6, 30), date(2026, 6, 30), 0) is SOON


def test_nothing_recorded_means_missing_for_an_employee() -> None:
    items = check_pa(PA, PaRecords(), date(2026, 4, 1))
    assert [(i.topic, i.state) for i in items] == [
        (ComplianceTopic.CONTRACT, MISSING),
        (ComplianceTopic.RIGHT_TO_WORK, MISSING),
        (ComplianceTopic.DBS, MISSING),
    ]
    assert items[0].explanation == (
        "Give Sam Lee a written contract (a written statement of their terms): it is due by their first "
        "day, 6 January 2025."
    )
    assert "up to £45,000" in items[1].explanation
    assert "cannot apply yourself" in items[2].explanation
    assert all(one_sentence(i) for i in items)


@pytest.mark.parametrize("kind", [EmploymentType.SELF_EMPLOYED, EmploymentType.AGENCY_WORKER])
def test_contract_and_right_to_work_only_for_employees(kind: EmploymentType) -> None:
    pa = make_pa(employment_type=kind, utr="1234567890")
    assert [i.topic for i in check_pa(pa, PaRecords(), date(2026, 4, 1))] == [ComplianceTopic.DBS]


def test_all_in_order() -> None:
    items = check_pa(PA, GOOD, date(2026, 1, 1))
    assert [i.state for i in items] == [OK, OK, OK]
    assert item(items, ComplianceTopic.RIGHT_TO_WORK).explanation == (
        "Sam Lee's right to work was checked on 20 December 2024 (original documents seen and copied); "
        "no further check is needed."
    )
    dbs = item(items, ComplianceTopic.DBS)
    assert dbs.due == date(2026, 5, 1)  # issued 1 May 2023 + 3 years
    assert dbs.explanation == (
        "Sam Lee's enhanced with barred list DBS certificate was issued on 1 May 2023; renewal is due on "
        "1 May 2026."
    )


@pytest.mark.parametrize(
    ("as_of", "state", "says"),
    [
        (date(2026, 3, 31), OK, "renewal is due on 1 May 2026"),  # 31 days before
        (date(2026, 4, 1), SOON, "is due for renewal on 1 May 2026; apply for a new check"),  # 30 days
        (date(2026, 5, 1), SOON, "is due for renewal"),
        (date(2026, 5, 2), OVERDUE, "was due for renewal on 1 May 2026; apply for a new check"),
    ],
)
def test_dbs_renewal_after_three_years(as_of: date, state: ComplianceState, says: str) -> None:
    dbs = item(check_pa(PA, GOOD, as_of), ComplianceTopic.DBS)
    assert dbs.state is state and says in dbs.explanation and one_sentence(dbs)


def test_dbs_council_rule_and_update_service() -> None:
    two_years = ComplianceRules(dbs_renewal_months=24)
    dbs = item(check_pa(PA, GOOD, date(2026, 1, 1), two_years), ComplianceTopic.DBS)
    assert (dbs.state, dbs.due) == (OVERDUE, date(2025, 5, 1))
    on_update = PaRecords(
        dbs=DbsCertificate("001234567890", DbsLevel.ENHANCED, date(2023, 5, 1), update_service=True)
    )
    dbs = item(check_pa(PA, on_update, date(2026, 5, 2)), ComplianceTopic.DBS)
    assert dbs.state is OVERDUE and "check its status online with the DBS Update Service" in dbs.explanation


@pytest.mark.parametrize(
    ("as_of", "state", "says"),
    [
        (date(2026, 7, 31), OK, "the follow-up check is due by 31 August 2026"),
        (date(2026, 8, 1), SOON, "Check Sam Lee's right to work again by 31 August 2026"),
        (date(2026, 8, 31), SOON, "again by 31 August 2026"),
        (date(2026, 9, 1), OVERDUE, "needed checking again by 31 August 2026; check it now"),
    ],
)
def test_right_to_work_follow_up(as_of: date, state: ComplianceState, says: str) -> None:
    records = PaRecords(
        right_to_work=RightToWorkCheck(date(2025, 1, 2), RightToWorkMethod.SHARE_CODE, date(2026, 8, 31))
    )
    rtw = item(check_pa(PA, records, as_of), ComplianceTopic.RIGHT_TO_WORK)
    assert (rtw.state, rtw.due) == (state, date(2026, 8, 31))
    assert says in rtw.explanation and one_sentence(rtw)


def test_training_items() -> None:
    records = PaRecords(
        training=(
            TrainingRecord("Moving and handling", date(2025, 2, 1), renew_on=date(2026, 2, 1)),
            TrainingRecord("First aid", date(2025, 6, 1), renew_on=date(2028, 6, 1)),
            TrainingRecord("Care Certificate", date(2025, 3, 1)),
        )
    )
    items = [i for i in check_pa(PA, records, date(2026, 2, 2)) if i.topic is ComplianceTopic.TRAINING]
    assert [(i.title, i.state) for i in items] == [
        ("Training: Moving and handling", OVERDUE),
        ("Training: First aid", OK),
        ("Training: Care Certificate", OK),
    ]
    assert items[0].explanation == (
        "Sam Lee's Moving and handling training ran out on 1 February 2026; book a refresher now."
    )
    assert "does not need renewing" in items[2].explanation


def test_relative_in_household_needs_council_agreement() -> None:
    relative = make_pa(relative_in_household=True)
    approval = item(check_pa(relative, GOOD, date(2026, 1, 1)), ComplianceTopic.COUNCIL_APPROVAL)
    assert approval.state is MISSING and "Ask the council to agree in writing" in approval.explanation
    agreed = make_pa(relative_in_household=True, council_approved_on=date(2024, 12, 1))
    approval = item(check_pa(agreed, GOOD, date(2026, 1, 1)), ComplianceTopic.COUNCIL_APPROVAL)
    assert approval.state is OK and "agreed on 1 December 2024" in approval.explanation
    assert all(i.topic is not ComplianceTopic.COUNCIL_APPROVAL for i in check_pa(PA, GOOD, date(2026, 1, 1)))


def test_nothing_is_chased_for_a_pa_who_has_left() -> None:
    left = make_pa(leave_date=date(2026, 3, 31))
    assert check_pa(left, PaRecords(), date(2026, 4, 1)) == ()
    assert len(check_pa(left, PaRecords(), date(2026, 3, 31))) == 3  # still employed that day


@pytest.mark.parametrize(
    ("as_of", "state", "says"),
    [
        (date(2026, 8, 30), OK, "runs until 30 September 2026"),  # 31 days before
        (date(2026, 8, 31), SOON, "runs out on 30 September 2026; renew it before then"),  # 30 days
        (date(2026, 10, 1), OVERDUE, "ran out on 30 September 2026; renew it now"),
    ],
)
def test_employers_liability_insurance(as_of: date, state: ComplianceState, says: str) -> None:
    policy = InsurancePolicy("Fish Insurance", date(2026, 9, 30), "PA-123")
    result = check_insurance(policy, as_of)
    assert (result.state, result.due) == (state, date(2026, 9, 30))
    assert says in result.explanation and one_sentence(result)


def test_no_insurance_is_missing() -> None:
    result = check_insurance(None, date(2026, 1, 1))
    assert result.state is MISSING and "the law requires it" in result.explanation and one_sentence(result)


def test_records_refuse_nonsense() -> None:
    with pytest.raises(DomainError, match="follow-up check must be after"):
        RightToWorkCheck(date(2026, 1, 1), RightToWorkMethod.SHARE_CODE, date(2026, 1, 1))
    with pytest.raises(DomainError, match="letters and numbers only"):
        DbsCertificate("  ", DbsLevel.BASIC, date(2026, 1, 1))
    with pytest.raises(DomainError, match="letters and numbers only"):
        DbsCertificate("0012-3456", DbsLevel.BASIC, date(2026, 1, 1))
    with pytest.raises(DomainError, match="name of the training course"):
        TrainingRecord(" ", date(2026, 1, 1))
    with pytest.raises(DomainError, match="renewal date for training"):
        TrainingRecord("First aid", date(2026, 1, 1), date(2025, 1, 1))
    with pytest.raises(DomainError, match="name of the insurer"):
        InsurancePolicy("", date(2026, 1, 1))
    with pytest.raises(DomainError, match="cannot be negative"):
        ComplianceRules(window_days=-1)
    with pytest.raises(DomainError, match="at least a month"):
        ComplianceRules(dbs_renewal_months=0)
