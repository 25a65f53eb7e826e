"""The cell grid of a workbook: every cell's formula and cached value, read in one guarded pass.

This module holds the data types every reader of an .xlsx shares (verify, measure, export, the
formula audit). `read_grid` is the single guarded way in: see `lkjip_xl/guard.py` for the checks
done on the container before any XML parser sees it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .findings import Finding
    from .guard import Limits

ERROR_VALUES = ("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA")

CellValue = Any  # float | int | str | bool | None | ErrorValue


@dataclass(frozen=True)
class ErrorValue:
    """An Excel error value such as #DIV/0!, kept distinct from a string that happens to look alike."""

    code: str

    def __str__(self) -> str:
        return self.code


@dataclass(slots=True)  # slots: a workbook may hold up to Limits.max_cells of these
class Cell:
    value: CellValue = None  # the cached value for a formula cell; the typed value otherwise
    formula: str | None = None  # formula text with its leading "=", shared formulas expanded
    array: bool = False  # part of an array formula (the formula itself sits on the range's master)
    style_id: int = 0  # index into cellXfs; used to tell number formats (percent, dates)


@dataclass
class SheetGrid:
    name: str
    state: str = "visible"  # visible / hidden / veryHidden
    cells: dict[tuple[int, int], Cell] = field(default_factory=dict)  # (row, col), 1-based
    hidden_rows: set[int] = field(default_factory=set)
    hidden_cols: set[int] = field(default_factory=set)
    max_row: int = 0  # from the cells actually read, never from <dimension>
    max_col: int = 0
    kind: str = "worksheet"  # worksheet / chartsheet / macrosheet / dialogsheet / other
    part: str = ""  # the zip member holding the sheet
    array_refs: dict[tuple[int, int], str] = field(default_factory=dict)  # master -> "A1:B3"
    read: bool = False  # the sheet's cells were read (only worksheets are)
    complete: bool = True  # False when a cap or the time budget stopped reading (see findings)

    def get(self, row: int, col: int) -> Cell | None:
        return self.cells.get((row, col))

    def value(self, row: int, col: int) -> CellValue:
        c = self.cells.get((row, col))
        return None if c is None else c.value


@dataclass
class WorkbookGrid:
    path: str
    sheets: list[SheetGrid] = field(default_factory=list)
    # name -> formula text (no "="); a sheet-local name is keyed "Sheet!name" ('My Sheet'!name)
    defined_names: dict[str, str] = field(default_factory=dict)
    hidden_names: set[str] = field(default_factory=set)
    calc_mode: str | None = None  # calcPr calcMode: "manual" / "auto" / None
    iterate: bool = False  # calcPr iterate (iterative calculation on)
    full_calc_on_load: bool = False
    external_links: list[str] = field(default_factory=list)  # targets of externalLink parts
    has_macros: bool = False
    percent_styles: set[int] = field(default_factory=set)  # cellXfs indices with a % format
    text_styles: set[int] = field(default_factory=set)  # cellXfs indices with the "@" format
    findings: list[Finding] = field(default_factory=list)  # caps reached, parts missing, ...
    date1904: bool = False  # workbookPr date1904: serial dates count from 1904
    number_formats: list[str] = field(default_factory=list)  # cellXfs index -> format code
    dde_links: list[str] = field(default_factory=list)  # "service|topic" of DDE link parts
    # formulas that would fetch or run something if recalculated: (location, hazard, formula),
    # hazard "DDE" or a function name (WEBSERVICE, FILTERXML, RTD, CALL, REGISTER.ID, EXEC);
    # data only: the formula audit reports them (fungsi-dde-web)
    formula_hazards: list[tuple[str, str, str]] = field(default_factory=list)

    def sheet(self, name: str) -> SheetGrid | None:
        for s in self.sheets:
            if s.name == name:
                return s
        return None

    @property
    def sheet_names(self) -> list[str]:
        return [s.name for s in self.sheets]


def read_grid(path: str | os.PathLike[str], limits: Limits | None = None) -> WorkbookGrid:
    """Every cell's formula and cached value, read in one guarded pass (lkjip_xl/xlsx_stream.py).

    Raises UnsafeFileError for a file that must not be read (guard.inspect); caps reached while
    reading are findings in the result.
    """
    from .guard import DEFAULT_LIMITS
    from .xlsx_stream import read_grid as _read_grid

    return _read_grid(path, limits or DEFAULT_LIMITS)
