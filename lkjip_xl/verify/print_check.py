"""Print areas that no longer cover what is typed.

The writer sets each table sheet's print area to the rows and columns the document fills (so an
unused sheet does not print pages of empty grid, schema/printing.py). A clerk who then types more
rows, or fills a column that was empty, in Excel or LibreOffice gets pages that silently leave
them out: the print area is stored in the file and no spreadsheet program grows it. verify says
so, once per sheet, at the first cell left out, with what to do (print the `measure` output,
which sets the areas again, or clear the print area).
"""

from __future__ import annotations

import re

from lkjip_xl.core.findings import Finding
from lkjip_xl.schema.types import col_letter
from lkjip_xl.verify.structure import Structure
from lkjip_xl.xlsx.a1 import col_index, quote_sheet
from lkjip_xl.xlsx.grid import WorkbookGrid

_AREA = re.compile(r"\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?")


def print_area(grid: WorkbookGrid, sheet: str) -> tuple[str, int, int] | None:
    """The sheet's print area as (text, last row, last column); None when it has none."""
    text = grid.defined_names.get(f"{quote_sheet(sheet)}!_xlnm.Print_Area")
    if not text:
        return None
    last_row = last_col = 0
    for m in _AREA.finditer(text.split("!", 1)[-1] if text.count("!") == 1 else text):
        last_row = max(last_row, int(m.group(4) or m.group(2)))
        last_col = max(last_col, col_index(m.group(3) or m.group(1)))
    if not last_row:
        return None
    return text.lstrip("="), last_row, last_col


def check_print_areas(st: Structure) -> list[Finding]:
    out: list[Finding] = []
    seen: set[str] = set()
    for tr in st.lr.tables.values():
        sheet = st.renamed.get(tr.table.sheet, tr.table.sheet)
        area = print_area(st.grid, sheet)
        if area is None or sheet in seen:
            continue
        text, area_row, area_col = area
        beyond: list[tuple[int, int]] = []  # (row, column) of each filled cell outside
        for r in tr.rows:
            for key, col in tr.columns.items():
                if r.values.get(key) not in (None, "") and (r.row > area_row or col > area_col):
                    beyond.append((r.row, col))
        if not beyond:
            continue
        seen.add(sheet)
        row, col = min(beyond)
        last_row = max(r for r, _ in beyond)
        last_col = max(c for _, c in beyond)
        out.append(Finding(
            "area-cetak-usang", "info", f"{quote_sheet(sheet)}!{_a1(col, row)}",
            found=text.split("!", 1)[-1].replace("$", ""),
            expected=_a1(max(area_col, last_col), max(area_row, last_row)),
            params={"sheet": sheet}))
    return out


def _a1(col: int, row: int) -> str:
    return f"{col_letter(col)}{row}"


__all__ = ["check_print_areas", "print_area"]
