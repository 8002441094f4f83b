"""The employer's paperwork: recording it, and saying what needs doing (the People page's list).

Right-to-work checks and DBS certificates are kept as a history; the latest (by date) is the one
`domain.compliance` judges. Training records are all judged. The holder's employer's liability
insurance is one history for the whole book; the policy that runs latest is current.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

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
)
from pa_manager.services.book import Book
from pa_manager.services.errors import BookError
from pa_manager.services.people import pa_from_row
from pa_manager.store.models import (
    DbsCertificateRow,
    InsurancePolicyRow,
    PARow,
    RightToWorkRow,
    TrainingRow,
)

_ORDER = {
    ComplianceState.MISSING: 0,
    ComplianceState.OVERDUE: 1,
    ComplianceState.DUE_SOON: 2,
    ComplianceState.OK: 3,
}


@dataclass(frozen=True, slots=True)
class ToDo:
    """One line of the People page's list: whose it is (None: the holder's own) and the item."""

    pa_id: int | None
    pa_name: str | None
    topic: ComplianceTopic | None  # None: the PA's record itself is not finished
    title: str
    state: ComplianceState
    due: date | None
    explanation: str

    @property
    def needs_action(self) -> bool:
        return self.state is not ComplianceState.OK


def _pa_row(s: Session, pa_id: int) -> PARow:
    row = s.get(PARow, pa_id)
    if row is None:
        raise BookError("That PA is not in this book.")
    return row


def _not_future(day: date, what: str) -> None:
    if day > date.today():
        raise BookError(f"The date of the {what} cannot be in the future.")


def record_right_to_work(book: Book, pa_id: int, check: RightToWorkCheck) -> int:
    _not_future(check.checked_on, "right-to-work check")
    with book.write() as s:
        _pa_row(s, pa_id)
        row = RightToWorkRow(
            pa_id=pa_id,
            checked_on=check.checked_on,
            method=check.method.value,
            follow_up_on=check.follow_up_on,
        )
        s.add(row)
        s.flush()
        return row.id


def record_dbs(book: Book, pa_id: int, cert: DbsCertificate) -> int:
    _not_future(cert.issued_on, "DBS certificate")
    with book.write() as s:
        _pa_row(s, pa_id)
        row = DbsCertificateRow(
            pa_id=pa_id,
            number="".join(cert.number.split()).upper(),
            level=cert.level.value,
            issued_on=cert.issued_on,
            update_service=cert.update_service,
        )
        s.add(row)
        s.flush()
        return row.id


def record_training(book: Book, pa_id: int, record: TrainingRecord) -> int:
    _not_future(record.completed_on, "training")
    if len(record.course) > 200:
        raise BookError("The course name is too long; shorten it to 200 letters or fewer.")
    with book.write() as s:
        _pa_row(s, pa_id)
        row = TrainingRow(
            pa_id=pa_id,
            course=record.course.strip(),
            completed_on=record.completed_on,
            renew_on=record.renew_on,
        )
        s.add(row)
        s.flush()
        return row.id


def remove_training(book: Book, training_id: int) -> None:
    with book.write() as s:
        row = s.get(TrainingRow, training_id)
        if row is None:
            raise BookError("That training record is not in this book.")
        s.delete(row)


def record_insurance(book: Book, policy: InsurancePolicy) -> int:
    if len(policy.insurer) > 200 or len(policy.policy_number) > 100:
        raise BookError("The insurer's name or the policy number is too long; shorten it.")
    with book.write() as s:
        row = InsurancePolicyRow(
            insurer=policy.insurer.strip(),
            policy_number=policy.policy_number.strip(),
            renews_on=policy.renews_on,
        )
        s.add(row)
        s.flush()
        return row.id


def _records(s: Session, pa_id: int, contract: date | None) -> PaRecords:
    return _records_for(s, {pa_id: contract})[pa_id]


def _records_for(s: Session, contracts: dict[int, date | None]) -> dict[int, PaRecords]:
    """Each PA's records in three queries in all, not three a PA (the Home page asks for all)."""
    ids = list(contracts)
    rtw: dict[int, RightToWorkRow] = {}
    for r in s.scalars(
        select(RightToWorkRow)
        .where(RightToWorkRow.pa_id.in_(ids))
        .order_by(RightToWorkRow.checked_on.desc(), RightToWorkRow.id.desc())
    ):
        rtw.setdefault(r.pa_id, r)  # the latest check
    dbs: dict[int, DbsCertificateRow] = {}
    for d in s.scalars(
        select(DbsCertificateRow)
        .where(DbsCertificateRow.pa_id.in_(ids))
        .order_by(DbsCertificateRow.issued_on.desc(), DbsCertificateRow.id.desc())
    ):
        dbs.setdefault(d.pa_id, d)  # the latest certificate
    training: dict[int, list[TrainingRecord]] = {pa_id: [] for pa_id in ids}
    for t in s.scalars(
        select(TrainingRow)
        .where(TrainingRow.pa_id.in_(ids))
        .order_by(TrainingRow.completed_on, TrainingRow.id)
    ):
        training[t.pa_id].append(TrainingRecord(t.course, t.completed_on, t.renew_on))
    out = {}
    for pa_id, contract in contracts.items():
        check, cert = rtw.get(pa_id), dbs.get(pa_id)
        out[pa_id] = PaRecords(
            contract_given_on=contract,
            right_to_work=None
            if check is None
            else RightToWorkCheck(check.checked_on, RightToWorkMethod(check.method), check.follow_up_on),
            dbs=None
            if cert is None
            else DbsCertificate(cert.number, DbsLevel(cert.level), cert.issued_on, cert.update_service),
            training=tuple(training[pa_id]),
        )
    return out


def pa_records(book: Book, pa_id: int) -> PaRecords:
    """What has been recorded for a PA (the latest right-to-work check and DBS certificate)."""
    with book.read() as s:
        row = _pa_row(s, pa_id)
        return _records(s, pa_id, row.contract_given_on)


def training_ids(book: Book, pa_id: int) -> list[tuple[int, TrainingRecord]]:
    """A PA's training with the ids `remove_training` takes."""
    with book.read() as s:
        rows = s.scalars(
            select(TrainingRow).where(TrainingRow.pa_id == pa_id).order_by(TrainingRow.completed_on)
        )
        return [(t.id, TrainingRecord(t.course, t.completed_on, t.renew_on)) for t in rows]


def current_insurance(book: Book) -> InsurancePolicy | None:
    with book.read() as s:
        return _insurance(s)


def _insurance(s: Session) -> InsurancePolicy | None:
    row = s.scalars(
        select(InsurancePolicyRow).order_by(InsurancePolicyRow.renews_on.desc(), InsurancePolicyRow.id.desc())
    ).first()
    return None if row is None else InsurancePolicy(row.insurer, row.renews_on, row.policy_number)


def _todo(pa_id: int | None, name: str | None, item: ComplianceItem) -> ToDo:
    return ToDo(pa_id, name, item.topic, item.title, item.state, item.due, item.explanation)


def compliance_overview(book: Book, as_of: date, rules: ComplianceRules | None = None) -> list[ToDo]:
    """Every item for the holder and every PA still employed on `as_of`, worst first."""
    items: list[ToDo] = []
    with book.read() as s:
        pas = list(s.scalars(select(PARow).order_by(PARow.name, PARow.id)))
        employing = any(p.leave_date is None or p.leave_date >= as_of for p in pas)
        records = _records_for(s, {p.id: p.contract_given_on for p in pas})
        if employing:
            items.append(_todo(None, None, check_insurance(_insurance(s), as_of, rules)))
        for row in pas:
            if row.leave_date is not None and row.leave_date < as_of:
                continue
            pa = pa_from_row(row)
            if pa is None:
                items.append(
                    ToDo(
                        row.id,
                        row.name,
                        None,
                        "PA record",
                        ComplianceState.MISSING,
                        None,
                        f"Finish {row.name}'s record: type their pay rates, how they are employed and "
                        "their holiday scheme.",
                    )
                )
                continue
            items.extend(
                _todo(row.id, row.name, item) for item in check_pa(pa, records[row.id], as_of, rules)
            )
    items.sort(key=lambda t: (_ORDER[t.state], t.due or date.max, t.pa_name or ""))
    return items


def what_needs_doing(book: Book, as_of: date, rules: ComplianceRules | None = None) -> list[ToDo]:
    """Only what is missing, overdue or due soon, worst first, each as one plain-English sentence."""
    return [t for t in compliance_overview(book, as_of, rules) if t.needs_action]
