"""A plain-English strength hint for a new passphrase, and the rule for what is accepted."""

from __future__ import annotations

from dataclasses import dataclass

from pa_manager.domain.errors import DomainError

MIN_LENGTH = 10
_COMMON = {"password", "passphrase", "qwerty", "letmein", "123456", "iloveyou", "welcome"}


@dataclass(frozen=True, slots=True)
class Strength:
    """A score from 0 (refused) to 4 (strong) and one sentence saying why or how to improve it."""

    score: int
    hint: str

    @property
    def acceptable(self) -> bool:
        return self.score >= 1


def strength(passphrase: str) -> Strength:
    """Judge a passphrase by length and variety; long phrases of ordinary words score well."""
    if len(passphrase) < MIN_LENGTH:
        return Strength(0, f"Too short: use at least {MIN_LENGTH} characters, ideally 4 words.")
    lowered = passphrase.lower()
    if any(word in lowered for word in _COMMON) and len(passphrase) < 16:
        return Strength(0, "Too easy to guess: avoid common words like “password”.")
    if len(set(passphrase)) < 5:
        return Strength(0, "Too repetitive: use different letters or words.")
    kinds = sum(
        [
            any(c.islower() for c in passphrase),
            any(c.isupper() for c in passphrase),
            any(c.isdigit() for c in passphrase),
            any(not c.isalnum() for c in passphrase),
        ]
    )
    words = len(passphrase.split())
    if len(passphrase) >= 20 or (words >= 4 and len(passphrase) >= 16):
        return Strength(4, "Strong: a long phrase is hard to guess and easy to remember.")
    if len(passphrase) >= 14 or kinds >= 3:
        return Strength(3, "Good. A few more words would make it stronger.")
    if kinds >= 2:
        return Strength(2, "Fair: add another word or two to make it stronger.")
    return Strength(1, "Weak but allowed: add more words, numbers or symbols.")


def require_acceptable(passphrase: str, repeated: str | None = None) -> None:
    """Raise DomainError unless the passphrase may be used (and matches its repeat, if given)."""
    judged = strength(passphrase)
    if not judged.acceptable:
        raise DomainError(judged.hint)
    if repeated is not None and repeated != passphrase:
        raise DomainError("The two passphrases are different. Type the same one twice.")
