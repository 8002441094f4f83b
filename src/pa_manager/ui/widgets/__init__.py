"""Small reusable input widgets (money, dates, passphrases, field messages)."""
