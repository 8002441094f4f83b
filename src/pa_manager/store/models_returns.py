"""Tables for council returns (migration 0007): returns drafted and sent, and the user's templates.

They derive from the same `Base` as every other audited table; `models.py` imports this module
before it builds AUDITED_TABLES, so the audit trail and `check` cover them like the rest.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, Date, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from pa_manager.store.models import Base


class CouncilReturnRow(Base):
    """One return for a period: the user's explanation and declaration, and when it was sent.

    A row with no `sent_on` is a draft that keeps the explanation typed before export; the figures
    columns are filled when the return is marked as sent, so the history shows what the council got.
    """

    __tablename__ = "council_return"
    __table_args__ = (Index("ix_council_return_period", "period_start", "period_end"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    template_key: Mapped[str] = mapped_column(String(64))
    explanation: Mapped[str] = mapped_column(Text, default="")
    signed_by: Mapped[str] = mapped_column(String(200), default="")
    capacity: Mapped[str] = mapped_column(String(100), default="")
    sent_on: Mapped[date | None] = mapped_column(Date)
    sent_as: Mapped[str | None] = mapped_column(String(16))  # pdf | xlsx | csv | pack | paper
    opening_pence: Mapped[int | None] = mapped_column(BigInteger)
    money_in_pence: Mapped[int | None] = mapped_column(BigInteger)
    money_out_pence: Mapped[int | None] = mapped_column(BigInteger)
    closing_pence: Mapped[int | None] = mapped_column(BigInteger)


class ReturnTemplateRow(Base):
    """A council template the user copied and edited; `body` is the template as JSON."""

    __tablename__ = "return_template"
    __table_args__ = (Index("ix_return_template_key", "key", unique=True),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200))
    based_on: Mapped[str] = mapped_column(String(64), default="")
    body: Mapped[str] = mapped_column(Text)
