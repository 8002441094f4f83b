"""Fingerprints that make re-importing a statement add nothing twice.

Where the bank gives each transaction an id (OFX FITID, Monzo's transaction id) that id is the
better key, and the service uses it. Otherwise a line is known by its date, amount and
description, plus how many identical lines came before it on that day in the same file. So two
genuine £20.00 payments to the same PA on one day are occurrence 0 and 1 and both stand, while
the same two lines in a later, overlapping download get the same two fingerprints and are
skipped.

The one case this cannot tell apart: a download that starts part-way through a day which held
identical lines. Banks export whole days, so in practice it does not arise.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from pa_manager.importers.model import StatementLine


@lru_cache(maxsize=4096)  # statements repeat payees: each is folded once
def normalise_description(text: str) -> str:
    """Case, spacing and Unicode look-alikes ignored, so trivial differences do not duplicate."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def fingerprint(line: StatementLine, occurrence: int) -> str:
    """SHA-256 hex of date|pence|description|occurrence-of-that-triple-within-the-file."""
    key = f"{line.day.isoformat()}|{line.amount.pence}|{normalise_description(line.description)}|{occurrence}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def assign_fingerprints(lines: Iterable[StatementLine]) -> list[str]:
    """One fingerprint per line, in order; identical lines count up from occurrence 0."""
    seen: dict[tuple[str, int, str], int] = {}
    result: list[str] = []
    for line in lines:
        triple = (line.day.isoformat(), line.amount.pence, normalise_description(line.description))
        occurrence = seen.get(triple, 0)
        seen[triple] = occurrence + 1
        # The same key as fingerprint(line, occurrence), built from the triple already in hand.
        key = f"{triple[0]}|{triple[1]}|{triple[2]}|{occurrence}"
        result.append(hashlib.sha256(key.encode("utf-8")).hexdigest())
    return result
