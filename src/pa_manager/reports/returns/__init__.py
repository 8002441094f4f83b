"""Council return exports: the return PDF, the evidence pack index, XLSX and CSV."""
