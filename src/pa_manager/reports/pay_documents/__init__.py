"""Pay documents as PDFs: payslip, P60- and P45-style summaries, pension letter, RTI entry sheet."""
