"""Number formats and colours, declared once for every workbook lkjip-xl writes (new, measure,
rekap) and for the LKjIP document's tables."""

from __future__ import annotations

from lkjip_xl.core.number_display import excel_format

# the decimals of each kind are core/number_display.py's rule (docs/numbers.md); "Rp " quoted:
# a literal in every client's format grammar (unquoted, it relies on Excel guessing)
NUMBER_FORMATS: dict[str, str] = {
    "money": excel_format("money", prefix="Rp "),
    "percent": excel_format("percent", suffix=" %"),
    "points": excel_format("points"),
    "number": excel_format("number"),
    "typed": excel_format("typed"),  # an input cell of a "number" column (workbook/write.py)
    "int": excel_format("count"),
    "year": excel_format("year"),
}
# the Bab III tables name the unit in their headers ("Anggaran 2019 (Rp)"), as the LKjIP prints them
REPORT_NUMBER_FORMATS: dict[str, str] = {"money": excel_format("money"),
                                         "percent": NUMBER_FORMATS["percent"],
                                         "points": NUMBER_FORMATS["points"],
                                         "number": NUMBER_FORMATS["number"],
                                         "int": NUMBER_FORMATS["int"]}
# chart data labels: the axis names the unit, so a percentage label carries no " %"
LABEL_FORMATS: dict[str, str] = {"percent": excel_format("percent"),
                                 "number": excel_format("number")}

HEADER_FILL = "#1F4E78"  # input and computed sheets' header rows, titles, the first chart series
SECOND_SERIES = "#70AD47"
INPUT_FILL = "#FFF8DC"  # light yellow: "type here"
COMPUTED_FILL = "#EEF3F8"  # light blue-grey: "computed, locked"
REPORT_HEADER_FILL = "#D9E1F2"  # the Bab III tables' header rows (and the document's)
GRID_BORDER = "#B7B7B7"
