"""Each PA's usual week for the forecast: a saved rota first, else contracted hours (no pay yet),
and who is left out (leavers, the self-employed), on a small book made here."""

from __future__ import annotations

from datetime import date, time, timedelta
from decimal import Decimal

from pa_manager.domain.money import Money
from pa_manager.domain.people import EmploymentType
from pa_manager.domain.timesheets.pay import pay_for_minutes
from pa_manager.services import book as books
from pa_manager.services import people
from pa_manager.services.forecast_staff import planned_staff
from pa_manager.services.rota import RotaShift, save_rota
from tests.services.people_helpers import RATES, regular

TODAY = date(2026, 11, 18)  # a Wednesday


def test_rota_then_contracted_hours_and_who_is_left_out(book: books.Book) -> None:
    rota_pa = people.add_pa(book, regular(name="Ann Rota"))
    save_rota(book, rota_pa, "Usual week", [RotaShift(0, time(9), time(17)), RotaShift(2, time(9), time(13))])
    people.add_pa(book, regular(name="Bea Hours", weekly_hours=Decimal("12.5"), ni_number=None))
    people.add_pa(book, regular(name="Cal Gone", leave_date=TODAY - timedelta(days=1), ni_number=None))
    people.add_pa(
        book,
        regular(
            name="Dee Self", employment_type=EmploymentType.SELF_EMPLOYED, utr="1234567890", ni_number=None
        ),
    )

    staff, notes = planned_staff(book, TODAY)

    by_name = {p.name: p for p in staff}
    assert set(by_name) == {"Ann Rota", "Bea Hours"}
    assert by_name["Ann Rota"].weekly_gross == pay_for_minutes(RATES.standard, 12 * 60)
    assert by_name["Ann Rota"].source == "rota “Usual week”"
    assert by_name["Bea Hours"].weekly_gross == pay_for_minutes(RATES.standard, 750)
    assert by_name["Bea Hours"].source == "contracted hours"
    # No pay yet: the first payday is the coming Friday.
    assert all(p.first_payday == date(2026, 11, 20) for p in staff)
    assert all(p.hourly == RATES.standard and p.weekly_gross > Money(0) for p in staff)
    assert notes == ["Dee Self is not paid through payroll, so their pay is not in the forecast."]
