"""Wizard page 4: the money: weekly direct payment, schedule, contribution and the council's rules."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLineEdit, QWidget

from pa_manager.domain.errors import DomainError
from pa_manager.domain.holder import AllowedBand, FundingAgreement, PaymentSchedule, ReturnFrequency
from pa_manager.domain.money import Money, MoneyError
from pa_manager.ui.widgets.date_edit import DateEdit
from pa_manager.ui.widgets.money_edit import MoneyEdit
from pa_manager.ui.wizard.council_page import choice_box
from pa_manager.ui.wizard.form_page import FormPage


class FundingPage(FormPage):
    """Everything the funding agreement letter says, plus today's balance."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "How much does the council pay?",
            "Copy these from the council's direct payment agreement. If you are not sure of "
            "something, put your best guess: you can change it later.",
            parent,
        )
        self.weekly_dp = MoneyEdit(allow_zero=False)
        self.schedule = choice_box(list(PaymentSchedule), PaymentSchedule.FOUR_WEEKLY_IN_ADVANCE)
        self.contribution = MoneyEdit()
        self.contribution.set_money(Money(0))
        self.start_date = DateEdit()
        self.start_date.set_date(date.today())
        self.allowed = QLineEdit("4-8")
        self.allowed.setMaxLength(30)
        self.return_frequency = choice_box(list(ReturnFrequency), ReturnFrequency.QUARTERLY)
        self.opening_balance = MoneyEdit(allow_negative=True)
        self.opening_balance.set_money(Money(0))

        self.weekly_message = self.field_row(
            "&Weekly direct payment:",
            self.weekly_dp,
            "The gross amount for one week, before any contribution, for example 412.50.",
        )
        self.schedule_message = self.field_row("How the council &pays it:", self.schedule)
        self.contribution_message = self.field_row(
            "Weekly &client contribution:",
            self.contribution,
            "What the council assessed the person to pay in each week. 0 if none.",
        )
        self.start_message = self.field_row(
            "Agreement &start date:", self.start_date, "For example 01/04/2026."
        )
        self.allowed_message = self.field_row(
            "Balance the council &allows, in weeks:",
            self.allowed,
            "Write a range like 4-8, or one number like 6. 4-8 is common; check the agreement.",
        )
        self.return_message = self.field_row("How often to send a &return:", self.return_frequency)
        self.opening_message = self.field_row(
            "Money in the account &today:",
            self.opening_balance,
            "The balance on the latest statement. 0 for a new account.",
        )
        for edit, message in (
            (self.weekly_dp, self.weekly_message),
            (self.contribution, self.contribution_message),
            (self.opening_balance, self.opening_message),
        ):
            edit.problem.connect(lambda text, m=message: m.show_message(text) if text else m.clear_message())

    def funding(self) -> FundingAgreement:
        """Build the agreement; raises DomainError/MoneyError (validatePage has checked first)."""
        schedule = self.schedule.currentData()
        frequency = self.return_frequency.currentData()
        assert isinstance(schedule, PaymentSchedule) and isinstance(frequency, ReturnFrequency)
        start = self.start_date.date_value()
        assert start is not None
        return FundingAgreement(
            weekly_dp=self.weekly_dp.money(),
            schedule=schedule,
            client_contribution_weekly=self.contribution.money(),
            allowed=AllowedBand.parse(self.allowed.text()),
            return_frequency=frequency,
            start_date=start,
        )

    def opening(self) -> Money:
        return self.opening_balance.money()

    def validatePage(self) -> bool:
        self.clear_messages()
        checks = (
            (self.weekly_message, self.weekly_dp, self.weekly_dp.money),
            (self.contribution_message, self.contribution, self.contribution.money),
            (self.start_message, self.start_date, self.start_date.date_value),
            (self.allowed_message, self.allowed, lambda: AllowedBand.parse(self.allowed.text())),
            (self.opening_message, self.opening_balance, self.opening_balance.money),
        )
        first_bad: QWidget | None = None
        for message, field, check in checks:
            try:
                check()
            except (DomainError, MoneyError) as exc:
                message.show_message(str(exc))
                first_bad = first_bad or field
        if first_bad is None:
            try:
                self.funding()
            except (DomainError, MoneyError) as exc:
                self.weekly_message.show_message(str(exc))
                first_bad = self.weekly_dp
        if first_bad is not None:
            first_bad.setFocus()
            return False
        return True
