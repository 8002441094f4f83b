"""Use cases: each user action is one named function that owns one transaction and says what changed."""
