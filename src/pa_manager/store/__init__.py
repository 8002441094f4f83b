"""Persistence: the SQLCipher book, its keys file, migrations, backups and the audit trail."""
