"""What a service call changed, so each page refreshes only when its own area moved (Anki's OpChanges)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Changes:
    """Flags for the areas of the book a change touched."""

    holder: bool = False
    people: bool = False
    ledger: bool = False
    settings: bool = False

    @classmethod
    def everything(cls) -> Changes:
        return cls(holder=True, people=True, ledger=True, settings=True)
