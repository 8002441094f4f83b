"""The error services raise for anything the person must fix or be told; its text is plain English."""


class BookError(Exception):
    """Opening, creating or changing a book failed; `str(err)` is one sentence for the person."""
