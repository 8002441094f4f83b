"""PA Manager: a direct payment budget, PA payroll and council returns in one encrypted book."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # The version comes from the installed package's metadata. importlib.metadata takes ~70 ms
    # to import, so it is looked up only when something asks (About box, --version, new books).
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("pa-manager")
        except PackageNotFoundError:  # running from a source tree that was never installed
            return "0.0.0"
    raise AttributeError(name)
