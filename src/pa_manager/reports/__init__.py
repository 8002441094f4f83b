"""Printable and exportable documents. Reports take plain data, never a database session."""
