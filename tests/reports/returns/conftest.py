"""The return tests' books, shared with tests/services/returns."""

from tests.services.returns.conftest import demo, demo_path, random_path, randombook

__all__ = ["demo", "demo_path", "random_path", "randombook"]
