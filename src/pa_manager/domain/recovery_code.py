"""The recovery code: the book's raw 256-bit key written for people, on paper.

Crockford base32 (no I, L, O or U; case does not matter; I and L are read as 1, O as 0), in 13
groups of five characters: four carry the key and the fifth checks the group, so a typo or a swap
of two neighbours is caught and named by group ("group 7 has a mistake") instead of just failing
to open the book.
"""

from __future__ import annotations

import re

from pa_manager.domain.errors import DomainError

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_VALUE = {c: i for i, c in enumerate(ALPHABET)}
_VALUE.update({"O": 0, "I": 1, "L": 1})  # the usual misreadings of a printed code
KEY_BYTES = 32
GROUPS = 13
DATA_PER_GROUP = 4


def encode(key: bytes) -> str:
    """The 32-byte key as "XXXXX-XXXXX-..." (13 groups of 5)."""
    if len(key) != KEY_BYTES:
        raise ValueError("a recovery code carries exactly a 32-byte key")
    bits = int.from_bytes(key, "big") << 4  # 256 bits padded to 260 = 52 symbols
    symbols = [ALPHABET[(bits >> (5 * (51 - i))) & 31] for i in range(52)]
    groups = []
    for g in range(GROUPS):
        data = "".join(symbols[g * DATA_PER_GROUP : (g + 1) * DATA_PER_GROUP])
        groups.append(data + _check(g, data))
    return "-".join(groups)


def decode(code: str) -> bytes:
    """Read a recovery code typed by a person; raise DomainError naming the group that is wrong."""
    cleaned = re.sub(r"[\s\-–—_.]", "", (code or "").upper())
    if not cleaned:
        raise DomainError("Type the recovery code from the recovery sheet.")
    bad = sorted({c for c in cleaned if c not in _VALUE})
    if bad:
        raise DomainError(
            f"The recovery code cannot contain {', '.join(repr(c) for c in bad)}. "
            "It uses only digits and letters (no U)."
        )
    if len(cleaned) != GROUPS * 5:
        raise DomainError(
            f"The recovery code has {GROUPS} groups of 5 characters ({GROUPS * 5} in all); "
            f"you typed {len(cleaned)}."
        )
    normal = "".join(ALPHABET[_VALUE[c]] for c in cleaned)
    wrong = [g + 1 for g in range(GROUPS) if _check(g, normal[g * 5 : g * 5 + 4]) != normal[g * 5 + 4]]
    if wrong:
        which = ", ".join(str(g) for g in wrong)
        plural = "s" if len(wrong) > 1 else ""
        raise DomainError(f"Group{plural} {which} of the recovery code has a mistake; check it.")
    data = "".join(normal[g * 5 : g * 5 + 4] for g in range(GROUPS))
    bits = 0
    for c in data:
        bits = (bits << 5) | _VALUE[c]
    return (bits >> 4).to_bytes(KEY_BYTES, "big")


def _check(group: int, data: str) -> str:
    # Weighted sum modulo the prime 31: weights 1-4 are all coprime to 31, so any single wrong
    # character and any swap of two neighbours changes the check (unless the two values differ by
    # exactly 31, i.e. 0 and Z). The group number is mixed in so two groups typed in each other's
    # place are caught too.
    total = sum((i + 1) * _VALUE[c] for i, c in enumerate(data)) + 7 * (group + 1)
    return ALPHABET[total % 31]
