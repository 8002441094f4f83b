"""Pure-Python core: money, periods, the book's nouns and rules. Imports only the standard library."""
