"""The Pay page: pay runs, their payslips, what is owed to HMRC, and bureau payslips."""
