import pytest

from pa_manager.domain.errors import DomainError
from pa_manager.domain.passphrase import require_acceptable, strength


def test_short_or_common_passphrases_are_refused() -> None:
    assert strength("short").score == 0
    assert strength("password12").score == 0
    assert strength("aaaaaaaaaaaa").score == 0
    with pytest.raises(DomainError, match="Too short"):
        require_acceptable("abc")


def test_long_phrases_score_best() -> None:
    assert strength("tea kettle mountain river").score == 4
    assert strength("Blue-Door-77").score >= 2
    assert strength("abcdefghjk").acceptable


def test_repeat_must_match() -> None:
    with pytest.raises(DomainError, match="different"):
        require_acceptable("tea kettle mountain river", "tea kettle mountain rivet")
    require_acceptable("tea kettle mountain river", "tea kettle mountain river")
