"""Number formats and colours, declared once for every workbook lkjip-xl writes (new, measure,
rekap) and for the LKjIP document's tables."""

from __future__ import annotations

# "Rp " quoted: a literal in every client's format grammar (unquoted, it relies on Excel guessing)
NUMBER_FORMATS: dict[str, str] = {
    "money": '"Rp "#,##0',
    "percent": '0.00" %"',
    "number": "#,##0.####",
    "int": "0",
    "year": "0",
}
# the Bab III tables name the unit in their headers ("Anggaran 2019 (Rp)"), as the LKjIP prints them
REPORT_NUMBER_FORMATS: dict[str, str] = {"money": "#,##0", "percent": NUMBER_FORMATS["percent"],
                                         "number": NUMBER_FORMATS["number"], "int": "0"}

HEADER_FILL = "#1F4E78"  # input and computed sheets' header rows, titles, the first chart series
SECOND_SERIES = "#70AD47"
INPUT_FILL = "#FFF8DC"  # light yellow: "type here"
COMPUTED_FILL = "#EEF3F8"  # light blue-grey: "computed, locked"
REPORT_HEADER_FILL = "#D9E1F2"  # the Bab III tables' header rows (and the document's)
GRID_BORDER = "#B7B7B7"
