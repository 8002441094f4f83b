"""People & timesheets: the PA list, PA records, paperwork and the timesheet grid."""
