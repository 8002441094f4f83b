"""The pages shown in the main window, one class per file."""
