"""Bank and card statement importers (CSV, OFX, QIF): the Money issue builds them."""
