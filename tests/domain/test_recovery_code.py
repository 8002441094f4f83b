import secrets

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pa_manager.domain import recovery_code
from pa_manager.domain.errors import DomainError


@given(st.binary(min_size=32, max_size=32))
def test_recovery_code_round_trips_any_key(key: bytes) -> None:
    code = recovery_code.encode(key)
    assert len(code.split("-")) == 13
    assert all(len(g) == 5 for g in code.split("-"))
    assert recovery_code.decode(code) == key


def test_recovery_code_tolerates_case_spacing_and_look_alikes() -> None:
    key = secrets.token_bytes(32)
    code = recovery_code.encode(key)
    sloppy = " ".join(code.lower().split("-")).replace("0", "o").replace("1", "l")
    assert recovery_code.decode(sloppy) == key


def test_recovery_code_names_the_group_with_a_typo() -> None:
    key = bytes(range(32))
    code = recovery_code.encode(key)
    groups = code.split("-")
    g = groups[6]
    groups[6] = g[:2] + ("X" if g[2] != "X" else "Y") + g[3:]
    with pytest.raises(DomainError, match=r"Group 7 of the recovery code has a mistake"):
        recovery_code.decode("-".join(groups))


def test_recovery_code_catches_every_single_typo_and_swap() -> None:
    code = recovery_code.encode(secrets.token_bytes(32)).replace("-", "")
    for pos in range(len(code)):
        for c in recovery_code.ALPHABET:
            if c == code[pos] or {c, code[pos]} == {"0", "Z"}:
                continue  # values 31 apart are the one blind spot of a mod-31 check
            with pytest.raises(DomainError, match="has a mistake"):
                recovery_code.decode(code[:pos] + c + code[pos + 1 :])
    for pos in range(len(code) - 1):
        a, b = code[pos], code[pos + 1]
        if a == b or {a, b} == {"0", "Z"}:
            continue
        with pytest.raises(DomainError, match="has a mistake"):
            recovery_code.decode(code[:pos] + b + a + code[pos + 2 :])


@pytest.mark.parametrize(
    ("code", "message"),
    [("", "Type the recovery code"), ("ABCDE", "13 groups"), ("U" * 65, "cannot contain")],
)
def test_recovery_code_refuses_malformed_input(code: str, message: str) -> None:
    with pytest.raises(DomainError, match=message):
        recovery_code.decode(code)
