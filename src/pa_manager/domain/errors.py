"""The one error type the domain raises for bad input: its message is for the person, in plain English."""


class DomainError(ValueError):
    """Input that breaks a rule. `str(err)` is a complete sentence saying what to do instead."""
