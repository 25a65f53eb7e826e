"""The generic formula audit that any .xlsx gets (docs/audit.md).

Public API:
- `audit_grid(grid, *, skip=None) -> list[Finding]`: recompute every formula and report stale
  stored values, error values, hidden errors, broken patterns, short ranges, circular references,
  calculation settings, external / DDE / web links, numbers stored as text and hidden things
  formulas depend on. Codes: `lkjip_xl/catalogue/audit.py`.
- `evaluate_grid(grid) -> {(sheet, row, col): value}`: every formula cell recomputed by our
  evaluator (numbers as float, errors as ErrorValue). Cells whose value cannot be computed here
  (unsupported function, link to another workbook, circular reference) are left out; cells that
  depend on them are computed from their stored values.
- `second_opinion(path, engine)`: the same mapping as an independent engine computes it,
  engine "libreoffice" (headless Calc, recalculating everything) or "formulas" (the Python
  package; slow, small files only).
"""

from __future__ import annotations

import os
import tempfile
from typing import Any

from lkjip_xl.audit.checks import audit_grid
from lkjip_xl.audit.evaluator import Evaluator
from lkjip_xl.audit.loader import load_grid
from lkjip_xl.audit.values import widen
from lkjip_xl.xlsx.compare import same_value
from lkjip_xl.xlsx.grid import WorkbookGrid

__all__ = ["audit_grid", "evaluate_grid", "second_opinion", "same_value", "Evaluator"]

Values = dict[tuple[str, int, int], Any]


def evaluate_grid(grid: WorkbookGrid) -> Values:
    ev = Evaluator(grid)
    ev.run()
    return ev.results()


def second_opinion(path: str | os.PathLike[str], engine: str = "libreoffice") -> Values:

    # the engines start processes or load the `formulas` package: only for a second opinion
    from lkjip_xl.engines import formulas_engine, libreoffice

    if engine == "libreoffice":

        with tempfile.TemporaryDirectory(prefix="lkjip-second-") as tmp:
            out = libreoffice.recalculate(path, tmp)
            grid = load_grid(out)
        return {(s.name, r, c): widen(cell.value)
                for s in grid.sheets for (r, c), cell in s.cells.items() if cell.formula}
    if engine == "formulas":

        grid = load_grid(path)
        names = {s.name.upper(): s.name for s in grid.sheets}
        cells = {(s.name, r, c) for s in grid.sheets for (r, c), cell in s.cells.items()
                 if cell.formula}
        return formulas_engine.recalculate(path, names, cells)
    raise ValueError(f"unknown engine {engine!r} (libreoffice, formulas)")
