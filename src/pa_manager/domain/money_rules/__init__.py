"""Rules about the money in a book: contingency pots and commitments, what the council should
pay and when, spending councils commonly refuse, and the position against the allowed band.

Pure functions over domain values: the services feed them rows from the book.
"""
