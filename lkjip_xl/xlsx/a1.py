"""A1 references: column letters, `Sheet!A1` locations, sheet-name quoting.

Pure helpers with no workbook in sight, so they are tested table-driven.
"""

from __future__ import annotations

import re
from functools import lru_cache

MAX_ROW = 1_048_576
MAX_COL = 16_384

_CELL = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d+)$")
_PLAIN_SHEET = re.compile(r"[^\W\d][\w.]*\Z")
_LOOKS_LIKE_REF = re.compile(r"[A-Za-z]{1,3}\d+\Z|[Rr]\d*[Cc]\d*\Z")


@lru_cache(maxsize=16384)
def col_letter(col: int) -> str:
    """1 -> A, 27 -> AA, 16384 -> XFD."""
    out = ""
    while col > 0:
        col, rem = divmod(col - 1, 26)
        out = chr(65 + rem) + out
    return out


@lru_cache(maxsize=16384)
def col_index(letters: str) -> int:
    """A -> 1, AA -> 27 (case-insensitive)."""
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def parse_cell(text: str) -> tuple[int, int]:
    """"$B$7" -> (7, 2)."""
    m = _CELL.match(text.strip())
    if not m:
        raise ValueError(f"not an A1 cell reference: {text!r}")
    return int(m.group(2)), col_index(m.group(1))


def cell_name(row: int, col: int) -> str:
    return f"{col_letter(col)}{row}"


@lru_cache(maxsize=1024)
def quote_sheet(name: str) -> str:
    """Sheet name as Excel writes it before "!": quoted when it holds spaces or punctuation."""
    if _PLAIN_SHEET.match(name) and not _LOOKS_LIKE_REF.match(name):
        return name
    return "'" + name.replace("'", "''") + "'"


def location(sheet: str, row: int, col: int, row2: int | None = None,
             col2: int | None = None) -> str:
    """'Pengukuran Kinerja'!H5, or a range Data!B2:B90 when row2/col2 are given."""
    ref = cell_name(row, col)
    if row2 is not None and col2 is not None and (row2, col2) != (row, col):
        ref += ":" + cell_name(row2, col2)
    return f"{quote_sheet(sheet)}!{ref}"


def range_name(r1: int, c1: int, r2: int, c2: int) -> str:
    """A1 text of a rectangle, whole columns / rows written as Excel does (A:A, 3:3)."""
    if r1 == 1 and r2 >= MAX_ROW:
        return f"{col_letter(c1)}:{col_letter(c2)}"
    if c1 == 1 and c2 >= MAX_COL:
        return f"{r1}:{r2}"
    if (r1, c1) == (r2, c2):
        return cell_name(r1, c1)
    return f"{cell_name(r1, c1)}:{cell_name(r2, c2)}"
