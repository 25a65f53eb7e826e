"""xlsxwriter's worksheet with a short path for the plain cells that make up our big tables.

xlsxwriter spends some 20-40 µs of Python on every formula cell: argument conversion, a regex
for dynamic-array functions, ~30 substitutions adding `_xlfn.` prefixes, and at `close` a list
of attributes escaped one by one. A workbook of 5,000 rows has 700,000 cells, so that was most
of the time `new` and `measure` took. The short path stores the same cell tuples and writes the
same bytes (a test compares the sheets' XML with xlsxwriter's own path); anything it does not
know (no format, array formulas, rewritten functions, NaN) goes through xlsxwriter unchanged.
"""

from __future__ import annotations

import math
import re
from collections import namedtuple
from typing import Any

from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.worksheet import (
    CellBlankTuple,
    CellFormulaTuple,
    CellNumberTuple,
    CellStringTuple,
    Worksheet,
    re_dynamic_function,
)

_FUNCTION_CALL = re.compile(r"[A-Za-z0-9._]+\(")
_REWRITTEN: dict[tuple[str, bool], bool] = {}  # (call text, expand) -> rewritten by xlsxwriter?
_PLAIN_CALLS: dict[str, bool] = {}  # call text -> left alone by xlsxwriter (see _plain_call)
_PLAIN_FORMULAS: dict[tuple[str, ...], bool] = {}  # a formula's calls -> all of them plain
_ERROR_CODES = frozenset(("#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!"))
_COLUMN_NAMES: list[str] = []


def _column_name(col: int) -> str:
    while len(_COLUMN_NAMES) <= col:
        _COLUMN_NAMES.append(xl_col_to_name(len(_COLUMN_NAMES)))
    return _COLUMN_NAMES[col]


def _escape(text: str) -> str:
    """xlsxwriter's escaping of element text: &, < and > only."""
    if "&" in text or "<" in text or ">" in text:
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text


class FastWorksheet(Worksheet):
    """A Worksheet whose plain cells skip xlsxwriter's per-cell Python."""

    def _prepare_formula(self, formula: str, expand_future_functions: bool = False) -> str:
        # Whether a function call is rewritten is asked of xlsxwriter itself, once per distinct
        # call text; a formula with a rewritten call takes xlsxwriter's whole path.
        expand = bool(self.use_future_functions or expand_future_functions)
        for call in _FUNCTION_CALL.findall(formula):
            rewritten = _REWRITTEN.get((call, expand))
            if rewritten is None:
                probe = "(" + call  # "(" also wakes xlsxwriter's `\SINGLE\(` pattern
                rewritten = _REWRITTEN[(call, expand)] = (
                    super()._prepare_formula(probe, expand) != probe)
            if rewritten:
                return str(super()._prepare_formula(formula, expand_future_functions))
        # what xlsxwriter strips before its substitutions, none of which would apply
        if formula.startswith("{"):
            formula = formula[1:]
        if formula.startswith("="):
            formula = formula[1:]
        if formula.endswith("}"):
            formula = formula[:-1]
        return formula

    def _plain_call(self, call: str) -> bool:
        """A function call xlsxwriter leaves alone: not a dynamic-array function and not
        rewritten (`_xlfn.` prefixes). Asked of xlsxwriter itself, once per call text."""
        plain = _PLAIN_CALLS.get(call)
        if plain is None:
            probe = "(" + call  # "(" gives `\bNAME\(` its word boundary
            plain = _PLAIN_CALLS[call] = (
                re_dynamic_function.search(probe) is None
                and Worksheet._prepare_formula(self, probe, False) == probe
                and Worksheet._prepare_formula(self, probe, True) == probe)
        return plain

    def is_plain_formula(self, formula: str) -> bool:
        """True if xlsxwriter would store `formula` as it is, minus a leading "=": not an array
        or dynamic-array formula, no function it rewrites. A formula that differs only in its
        row numbers gets the same answer (the calls are the same)."""
        body = formula[1:] if formula.startswith("=") else formula
        if not body or body.startswith("{") or formula.startswith("{") or body.endswith("}"):
            return False
        if "(" not in body:  # every rewrite and the dynamic-array test need a call
            return True
        calls = tuple(_FUNCTION_CALL.findall(body))
        plain = _PLAIN_FORMULAS.get(calls)
        if plain is None:
            plain = _PLAIN_FORMULAS[calls] = all(self._plain_call(call) for call in calls)
        return plain

    def put_formula(self, row: int, col: int, formula: str, cell_format: Any = None,
                    value: Any = 0) -> Any:
        """`write_formula` with 0-based numbers, without xlsxwriter's argument conversion."""
        return self._write_formula(row, col, formula, cell_format, value)

    def _write_formula(self, row: int, col: int, formula: str, cell_format: Any = None,
                       value: Any = 0) -> Any:
        if (formula and not self.constant_memory and self.is_plain_formula(formula)
                and not self._check_dimensions(row, col)):
            body = formula[1:] if formula.startswith("=") else formula
            self.table[row][col] = CellFormulaTuple(body, cell_format, value)
            return 0
        return super()._write_formula(row, col, formula, cell_format, value)

    def row_cells(self, row: int, first_col: int, last_col: int) -> dict[int, Any] | None:
        """Where the cells of `row` are stored, with the sheet's dimensions widened to the
        columns `first_col`..`last_col` (0-based); None if outside the sheet or the sheet
        writes rows as it goes (constant memory)."""
        if self.constant_memory:
            return None
        if self._check_dimensions(row, first_col) or self._check_dimensions(row, last_col):
            return None
        return self.table[row]  # type: ignore[no-any-return]

    def _calculate_spans(self) -> None:
        # the `spans` of each block of 16 rows: its first and last used column
        if self.comments:
            super()._calculate_spans()
            return
        bounds: dict[int, tuple[int, int]] = {}
        low, high = self.dim_rowmin, self.dim_rowmax
        for r, cells in self.table.items():
            if cells and low <= r <= high:
                block = r // 16
                first, last = min(cells), max(cells)
                seen = bounds.get(block)
                if seen is not None:
                    first, last = min(first, seen[0]), max(last, seen[1])
                bounds[block] = (first, last)
        self.row_spans = {b: f"{first + 1}:{last + 1}" for b, (first, last) in bounds.items()}

    def _write_rows(self) -> None:
        """xlsxwriter's `_write_rows`, with the <c> element of a formatted formula, number,
        blank or shared string built here in one f-string (what xlsxwriter builds from a list
        of attributes escaped one by one); any other cell goes to xlsxwriter's `_write_cell`."""
        if self.comments or self.constant_memory or self.dim_rowmin is None:
            super()._write_rows()
            return
        self._calculate_spans()
        table, row_info, spans = self.table, self.row_info, self.row_spans
        write = self.fh.write
        names = [_column_name(c) for c in range(self.dim_colmax + 1)]
        styles: dict[int, str] = {}  # id(format) -> '" s="n"', closing the r attribute
        fast_kinds, errors = _FAST_KINDS, _ERROR_CODES
        for r in range(self.dim_rowmin, self.dim_rowmax + 1):
            cells = table.get(r)
            info = row_info.get(r)
            if not cells:
                if info is not None:
                    self._write_empty_row(r, spans.get(r // 16), info)
                continue
            self._write_row(r, spans.get(r // 16), info)
            number = str(r + 1)
            parts: list[str] = []
            for c in sorted(cells):
                cell = cells[c]
                fmt = cell.format
                kind = type(cell)
                if fmt is None or kind not in fast_kinds:  # xlsxwriter writes it
                    write("".join(parts))
                    parts.clear()
                    self._write_cell(r, c, cell)
                    continue
                style = styles.get(id(fmt))
                if style is None:
                    style = styles[id(fmt)] = f'" s="{fmt._get_xf_index()}"'
                head = f'<c r="{names[c]}{number}{style}'
                if kind is CellFormulaTuple or kind is RowFormula:
                    f = cell.formula if kind is CellFormulaTuple else cell.render(cell.row)
                    if "&" in f or "<" in f or ">" in f:
                        f = _escape(f)
                    value = cell.value
                    if isinstance(value, bool):
                        head += ' t="b"'
                        value = 1 if value else 0
                    elif isinstance(value, str):
                        if value in errors:
                            head += ' t="e"'
                        elif value:
                            head += ' t="str"'
                        value = _escape(value)
                    parts.append(f"{head}><f>{f}</f><v>{value}</v></c>")
                elif kind is CellNumberTuple:
                    parts.append(f"{head}><v>{cell.number:.16G}</v></c>")
                elif kind is CellBlankTuple:
                    parts.append(head + "/>")
                else:  # a shared string's index
                    parts.append(f'{head} t="s"><v>{cell.string}</v></c>')
            parts.append("</row>")
            write("".join(parts))


# A plain formula kept as its column's template (1-based row -> the body, without "=") and its
# row until the sheet is written: the rendered text of every formula cell was most of what
# `new` held (issue #25). Named "Formula" as xlsxwriter's own: it tells cells apart by class name
# (a chart's cached data reads a formula cell's value).
RowFormula = namedtuple("Formula", "render, row, format, value")  # type: ignore[name-match]


_FAST_KINDS = frozenset((CellFormulaTuple, RowFormula, CellNumberTuple, CellBlankTuple,
                         CellStringTuple))


def number_cell(value: float, fmt: Any) -> Any:
    """The stored form of a finite number; None for NaN and infinities (xlsxwriter turns them
    into error formulas)."""
    if math.isfinite(value):
        return CellNumberTuple(value, fmt)
    return None


# formula_cell(body, fmt, value): the stored form of a plain formula (see
# `FastWorksheet.is_plain_formula`), its body without "="
formula_cell = CellFormulaTuple


def blank_cell(fmt: Any) -> Any:
    return CellBlankTuple(fmt)


def write_formula(ws: Worksheet, row: int, col: int, formula: str, fmt: Any, value: Any) -> None:
    """`ws.write_formula` (0-based), by the short path when `ws` has one."""
    if isinstance(ws, FastWorksheet):
        ws.put_formula(row, col, formula, fmt, value)
    else:
        ws.write_formula(row, col, formula, fmt, value)
