"""A WorkbookGrid from a file: `xlsx.stream.read_grid`, or openpyxl read twice (a second opinion).

The openpyxl path is a stand-in (slow, no guard checks) for tests and for `second_opinion`
until the streaming reader lands; it reads formulas, then the cached values (`data_only=True`),
hidden sheets / rows / columns, defined names and calcPr.
"""

from __future__ import annotations

import datetime as _dt
import os
from typing import Any

from lkjip_xl.audit.values import widen
from lkjip_xl.xlsx.a1 import quote_sheet
from lkjip_xl.xlsx.grid import ERROR_VALUES, Cell, ErrorValue, SheetGrid, WorkbookGrid
from lkjip_xl.xlsx.stream import read_grid


def load_grid(path: str | os.PathLike[str]) -> WorkbookGrid:
    return read_grid(path)


def _cached(v: Any) -> Any:
    if isinstance(v, str) and v in ERROR_VALUES:
        return ErrorValue(v)
    if isinstance(v, (_dt.datetime, _dt.date, _dt.time, _dt.timedelta)):

        return widen(v)
    return v


def load_grid_openpyxl(path: str | os.PathLike[str]) -> WorkbookGrid:
    import openpyxl
    from openpyxl.worksheet.formula import ArrayFormula

    wb_f = openpyxl.load_workbook(path, data_only=False)
    wb_v = openpyxl.load_workbook(path, data_only=True)
    grid = WorkbookGrid(path=str(path))
    for ws in wb_f.worksheets:
        wv = wb_v[ws.title]
        sg = SheetGrid(name=ws.title, state=ws.sheet_state)
        for row in ws.iter_rows():
            for cell in row:
                v = cell.value
                if v is None:
                    continue
                formula = None
                array = False
                if isinstance(v, ArrayFormula):
                    formula, array = v.text, True
                elif isinstance(v, str) and v.startswith("=") and cell.data_type == "f":
                    formula = v
                if formula is not None:
                    value = _cached(wv.cell(cell.row, cell.column).value)
                else:
                    value = _cached(v) if cell.data_type == "e" else v
                    if isinstance(value, (_dt.datetime, _dt.date)):
                        value = _cached(value)
                sg.cells[(cell.row, cell.column)] = Cell(value=value, formula=formula,
                                                         array=array)
                sg.max_row = max(sg.max_row, cell.row)
                sg.max_col = max(sg.max_col, cell.column)
        sg.hidden_rows = {r for r, d in ws.row_dimensions.items() if d.hidden}
        from openpyxl.utils import column_index_from_string

        for letter, d in ws.column_dimensions.items():
            if d.hidden:
                lo = column_index_from_string(letter)
                hi = max(d.max or lo, lo)
                sg.hidden_cols.update(range(lo, hi + 1))
        grid.sheets.append(sg)
    for name, dn in wb_f.defined_names.items():
        grid.defined_names[name] = dn.attr_text
        if dn.hidden:
            grid.hidden_names.add(name)
    for ws in wb_f.worksheets:
        for name, dn in ws.defined_names.items():
            key = f"{quote_sheet(ws.title)}!{name}"
            grid.defined_names[key] = dn.attr_text
            if dn.hidden:
                grid.hidden_names.add(key)
    calc = wb_f.calculation
    grid.calc_mode = getattr(calc, "calcMode", None)
    grid.iterate = bool(getattr(calc, "iterate", False))
    grid.full_calc_on_load = bool(getattr(calc, "fullCalcOnLoad", False))
    grid.external_links = [getattr(getattr(link, "file_link", None), "Target", "") or ""
                           for link in getattr(wb_f, "_external_links", [])]
    return grid
