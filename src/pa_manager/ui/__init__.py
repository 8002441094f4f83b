"""Everything Qt: windows, pages, dialogs, widgets and the worker that reaches the book.

Only this package and `pa_manager.app` import PySide6, and this package reaches the book only
through `pa_manager.services` (an import-linter contract in pyproject.toml says so).
"""
