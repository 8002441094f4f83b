"""PA Manager: a direct payment budget, PA payroll and council returns in one encrypted book."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("pa-manager")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"
