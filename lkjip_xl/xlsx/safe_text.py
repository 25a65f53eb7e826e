"""Never turn user text into a formula: helpers for CSV exports and workbook writers.

A cell whose text begins with = + - @ (or a tab / carriage return, which some spreadsheets skip
before looking) is read as a formula by Excel, LibreOffice and Google Sheets when a CSV is opened:
"=HYPERLINK(...)" or "=cmd|' /c calc'!A0" typed into an indicator name would run in the reader's
spreadsheet (CSV / formula injection, OWASP). Every text that came from a user (names, notes,
indicator texts, anything read back from a workbook) goes through these helpers on its way out.

Writers of .xlsx:
- xlsxwriter: `worksheet.write()` turns a str starting with "=" into a formula (and, with the
  workbook options, numbers-looking text into numbers and URLs into links). For user text always
  call `worksheet.write_string(row, col, text, fmt)` (or `write_user_text` below); keep `write()`
  and `write_formula()` for formulas the program itself builds.
- openpyxl: `cell.value = text` makes a formula of a str starting with "="; use `set_text_cell`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

# Characters XML 1.0 cannot carry (openpyxl raises on them, Excel refuses the file).
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def is_formula_like(text: str) -> bool:
    """True if a spreadsheet would read `text` as the start of a formula."""
    return text.startswith(FORMULA_TRIGGERS)


def csv_cell(value: Any) -> Any:
    """A CSV field safe to open in a spreadsheet: text starting with = + - @ tab CR gets a "'".

    Numbers (int, float) and None pass unchanged, so a negative number stays a number; the text
    "-5" becomes "'-5" (text that looks like a formula is kept as text, visibly).
    """
    if isinstance(value, str) and is_formula_like(value):
        return "'" + value
    return value


def csv_row(values: Iterable[Any]) -> list[Any]:
    """`csv_cell` applied to every field of a row (for csv.writer.writerow)."""
    return [csv_cell(v) for v in values]


def clean_xml_text(text: str) -> str:
    """`text` without the control characters XML cannot hold (tab, CR, LF are kept)."""
    return _ILLEGAL_XML.sub("", text)


def write_user_text(worksheet: Any, row: int, col: int, text: Any, fmt: Any = None) -> Any:
    """xlsxwriter: write user text as text, never as a formula, number or link."""
    if text is None:
        return worksheet.write_blank(row, col, None, fmt)
    return worksheet.write_string(row, col, clean_xml_text(str(text)), fmt)


def set_text_cell(cell: Any, text: Any) -> None:
    """openpyxl: store `text` as a string even if it starts with "=" (data_type "s")."""
    if text is None:
        cell.value = None
        return
    cell.value = clean_xml_text(str(text))
    cell.data_type = "s"
