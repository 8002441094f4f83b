"""Enums that are stored by value, shown by a plain-English label, and read back from either."""

from __future__ import annotations

from enum import Enum
from typing import Self

from pa_manager.domain.errors import DomainError


class Choice(Enum):
    """Subclasses give each member a `label`; `parse` accepts the value or the label as typed."""

    @property
    def label(self) -> str:
        raise NotImplementedError

    @classmethod
    def parse(cls, text: str) -> Self:
        key = (text or "").strip().lower().replace("_", "-").replace(" ", "-")
        for member in cls:
            if key in (member.value, member.label.lower().replace(" ", "-")):
                return member
        raise DomainError(f"“{text}” is not one of: {', '.join(m.value for m in cls)}.")
