"""The Returns page: the council's monitoring return, its pre-flight check, exports and history."""
