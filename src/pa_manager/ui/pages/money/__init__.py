"""The Money page: the register of money in and out, quick entry, the edit dialog and undo."""
