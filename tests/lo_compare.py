"""Compare the values cached in a workbook with LibreOffice's recalculation of it."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import openpyxl

from lkjip_xl.engines.libreoffice import recalculate


def _norm(v: Any) -> Any:
    if v is None:
        return ""
    if isinstance(v, bool):
        return v
    if isinstance(v, (int, float)):
        return float(v)
    return str(v)


def same(a: Any, b: Any, rel: float = 1e-9) -> bool:
    a, b = _norm(a), _norm(b)
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=rel, abs_tol=1e-9)
    return a == b


def formula_cells(path: Path) -> dict[tuple[str, str], str]:
    wb = openpyxl.load_workbook(path, data_only=False)
    out = {}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str) and c.value.startswith("="):
                    out[(ws.title, c.coordinate)] = c.value
    return out


def cached_values(path: Path) -> dict[tuple[str, str], Any]:
    wb = openpyxl.load_workbook(path, data_only=True)
    return {(ws.title, c.coordinate): c.value for ws in wb.worksheets for row in ws.iter_rows()
            for c in row}


def mismatches(path: Path, workdir: Path) -> tuple[int, list[tuple[str, str, Any, Any]]]:
    """(number of formula cells, [(sheet, cell, cached, libreoffice)] that differ)."""
    recalculated = recalculate(path, workdir)
    cells = formula_cells(path)
    mine = cached_values(path)
    theirs = cached_values(recalculated)
    bad = [(s, a, mine.get((s, a)), theirs.get((s, a))) for (s, a) in cells
           if not same(mine.get((s, a)), theirs.get((s, a)))]
    return len(cells), bad
