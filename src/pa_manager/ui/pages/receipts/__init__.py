"""The Receipts page: receipts, invoices and documents kept inside the encrypted book."""
