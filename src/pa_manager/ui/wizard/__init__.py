"""The first-run wizard that creates a new book, one page class per file."""
