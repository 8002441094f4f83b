"""Dialogs: unlocking a book, choosing who is acting, changing the passphrase."""
