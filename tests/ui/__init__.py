"""pytest-qt tests of the windows, dialogs and wizard (offscreen)."""
