"""How a table sheet prints: the facts every writer reads (issue: every workbook prints well).

- The print area covers the rows a document fills, never the spare capacity rows below them (an
  untouched template prints its header and a few rows to fill by hand).
- A table fits the page width when its columns are few enough to stay readable (landscape A4 at
  about three quarters of full size); a wider one is split over planned pages with its key
  columns (codes and names) repeated on each, instead of being shrunk until nobody can read it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .model import Table

PAPER_A4 = 9  # Excel's paper codes
PAPER_F4 = 14  # folio 8.5 x 13 in, the F4 Indonesian offices use
MIN_ROWS = 5  # rows an empty table still prints, to be filled by hand
PAGE_CHARS = 190.0  # column width (Excel characters) one landscape A4 page holds readably
KEY_COLUMNS = ("kode_sasaran", "kode", "kode_program", "kode_kegiatan", "kode_sub", "uraian")
MARGINS = {"left": 0.4, "right": 0.4, "top": 0.6, "bottom": 0.6}  # inches


@dataclass(frozen=True)
class PrintPlan:
    last_row: int  # 1-based, inclusive
    last_col: int  # 1-based, inclusive
    pages_wide: int
    repeat_cols: int  # how many leading columns repeat on every page (0: none)


def key_columns(table: Table) -> int:
    """The leading columns that name a row (codes, then the name): repeated on split pages."""
    n = 0
    for col in table.columns:
        if col.key not in KEY_COLUMNS:
            break
        n += 1
    return n


def plan(table: Table, filled_rows: int) -> PrintPlan:
    last_row = table.first_row + max(filled_rows, MIN_ROWS) - 1
    widths = [c.width for c in table.columns]
    pages = max(1, math.ceil(sum(widths) / PAGE_CHARS))
    return PrintPlan(last_row, len(widths), pages, key_columns(table) if pages > 1 else 0)


__all__ = ["MARGINS", "PAPER_A4", "PAPER_F4", "PrintPlan", "key_columns", "plan"]
