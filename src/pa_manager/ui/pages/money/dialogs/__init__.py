"""Dialogs opened from the Money page: statement import (with column mapping), reconciliation,
and contingency pots with money owed.

Each dialog takes the open `Book` and the app's `TaskRunner` (every book call runs on the worker
thread) and emits `book_changed(str)` with a one-line summary after it has written to the book.
"""
