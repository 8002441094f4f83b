"""The Forecast and Spending sections: charts (QtCharts) with a table of the same numbers."""
