"""xlsxwriter's worksheet with a short path for the plain cells that make up our big tables.

xlsxwriter spends some 20-40 µs of Python on every formula cell: argument conversion, a regex
for dynamic-array functions, ~30 substitutions adding `_xlfn.` prefixes, and at `close` a list
of attributes escaped one by one. A workbook of 5,000 rows has 700,000 cells, so that was most
of the time `new` and `measure` took. The short path stores the same cell tuples and writes the
same bytes (a test compares the sheets' XML with xlsxwriter's own path); anything it does not
know (no format, array formulas, rewritten functions, NaN) goes through xlsxwriter unchanged.
"""

from __future__ import annotations

import bisect
import io
import math
import re
import tempfile
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
STREAM_ROWS = 1024  # callers write finished rows out every so many rows (a multiple of 16)


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
    """A Worksheet whose plain cells skip xlsxwriter's per-cell Python, and whose finished rows
    can be written before `close` (`stream_rows`)."""

    def __init__(self) -> None:
        super().__init__()
        self._spill: _Spill | None = None  # the text of streamed rows, once there are some
        # [first row, last row, start, bytes, end] of each run of streamed rows in the spill,
        # sorted
        self._segments: list[list[int]] = []
        self._streamed_rows: list[list[int]] = []  # [first row, last row] of each segment
        self._streamed_spans: dict[int, tuple[int, int]] = {}  # block -> used columns
        self._spill_formats: dict[int, tuple[int, Any]] = {}  # id(format) -> (mark, format)
        self._mark_styles: dict[int, str] = {}  # id(format) -> '" s="<mark>"'

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

    # Streaming (issue #25): rows the caller declares final are written at once, as xlsxwriter
    # would write them at `close`, to a temporary file, and their cells dropped. Two things in
    # that text are only known at `close` and are left as marks between NULs (never in sheet XML):
    # a format's style number (xlsxwriter numbers formats in the order `close` meets them) and
    # the `spans` of a block of 16 rows (its first and last used column, rows not yet written
    # included). `_write_rows` copies the text back in its place, marks resolved in row order, so
    # the package is byte for byte the one xlsxwriter writes from cells held until `close`.

    def stream_rows(self, first: int, last: int) -> None:
        """Rows `first`..`last` (0-based) are final: write them now and drop their cells. A row
        only xlsxwriter can write (a cell without a format, rich text, a formatted row) stays
        held. Writing a cell or a row height into a streamed row afterwards is an error."""
        if self.constant_memory or self.comments or self.dim_rowmin is None:
            return
        lo, hi = max(first, self.dim_rowmin), min(last, self.dim_rowmax)
        table, row_info, merged = self.table, self.row_info, self.merged_cells
        names = [_column_name(c) for c in range(self.dim_colmax + 1)]
        spill = self._spill_file()
        start, at, length = lo, spill.size, 0
        for r in range(lo, hi + 1):
            if self._streamed_rows and self._is_streamed(r):  # streamed before: a run ends
                at = self._add_segment(start, r - 1, at, length)
                start, length = r + 1, 0
                continue
            cells, info = table.get(r), row_info.get(r)
            if not cells and info is None:
                continue
            text = self._streamed_row(r, cells, info, names)
            if text is None:  # held: the streamed run ends before it
                at = self._add_segment(start, r - 1, at, length)
                start, length = r + 1, 0
                continue
            length += spill.write(text)  # a row at a time: a computed sheet's is ~30 KB
            table.pop(r, None)
            row_info.pop(r, None)
            if merged:  # xlsxwriter's overlap check: nothing merges into a streamed row again
                for c in range(self.dim_colmax + 1):
                    merged.pop((r, c), None)
            if cells:
                block = r // 16
                seen = self._streamed_spans.get(block)
                low_c, high_c = min(cells), max(cells)
                if seen is not None:
                    low_c, high_c = min(low_c, seen[0]), max(high_c, seen[1])
                self._streamed_spans[block] = (low_c, high_c)
        self._add_segment(start, hi, at, length)

    def _spill_file(self) -> _Spill:
        if self._spill is None:
            self._spill = _Spill(self.tmpdir)
            self._check_dimensions = self._guarded_check_dimensions  # type: ignore[method-assign]
            self._segments, self._streamed_spans, self._spill_formats = [], {}, {}
        return self._spill

    def _add_segment(self, lo: int, hi: int, at: int, length: int) -> int:
        """Rows lo..hi are written: `length` bytes of the spill from `at`. Returns where the
        spill ends."""
        end = self._spill_file().size
        if lo > hi:
            return int(end)
        segs = self._segments
        if segs and segs[-1][1] + 1 == lo and segs[-1][4] == at:  # continues the last one
            segs[-1][1], segs[-1][3], segs[-1][4] = hi, segs[-1][3] + length, end
        else:
            segs.append([lo, hi, at, length, end])
            segs.sort()
        self._streamed_rows = [s[:2] for s in segs]
        return int(end)

    def _streamed_row(self, r: int, cells: dict[int, Any] | None, info: Any,
                      names: list[str]) -> str | None:
        """The row's XML with marks for styles and spans; None if xlsxwriter must write it."""
        if info is not None and info.row_format is not None:
            return None
        parts: list[str] = []
        if cells and self._cells_xml(parts, cells, str(r + 1), names, self._mark_styles,
                                     self._style_mark) is None:
            return None
        number = f'<row r="{r + 1}"'
        if info is None and self._plain_rows and cells:
            row = f"{number}{_MARK}b{r // 16}{_MARK}>"  # what `_write_row` writes then
        else:
            head = io.StringIO()
            fh, self.fh = self.fh, head  # type: ignore[has-type]
            try:
                self._write_row(r, None, info, empty_row=not cells)
            finally:
                self.fh = fh
            row = head.getvalue()
            if not row.startswith(number):  # xlsxwriter changed its attribute order
                return None
            row = f"{number}{_MARK}b{r // 16}{_MARK}{row[len(number):]}"
            if not cells:
                return row
        text = row + "".join(parts) + "</row>"
        return None if text.count(_MARK) != 2 * (len(parts) + 1) else text

    @property
    def _plain_rows(self) -> bool:
        """A row without row_info is written as `<row r="n" spans="..">` (no height, no
        Excel 2010 attribute): see xlsxwriter's `_write_row`."""
        return bool(self.default_row_height == self.original_row_height
                    and self.excel_version != 2010)

    def _style_mark(self, fmt: Any) -> str:
        marks = self._spill_formats
        marks[id(fmt)] = (len(marks), fmt)
        return f'" s="{_MARK}f{len(marks) - 1}{_MARK}"'

    def _guarded_check_dimensions(self, row: int, col: int, ignore_row: bool = False,
                                  ignore_col: bool = False) -> int:
        """xlsxwriter's `_check_dimensions`, refusing streamed rows: in place of it once a
        row is streamed (every write passes here; a sheet that streams nothing pays nothing)."""
        if self._streamed_rows and not ignore_row and self._is_streamed(row):
            raise RuntimeError(f"{self.name}: row {row + 1} is already written (streamed)")
        return int(super()._check_dimensions(row, col, ignore_row, ignore_col))

    def _is_streamed(self, row: int) -> bool:
        spans = self._streamed_rows
        if row > spans[-1][1]:  # the usual case: writing below everything streamed
            return False
        k = bisect.bisect_right(spans, [row, math.inf]) - 1
        return k >= 0 and spans[k][0] <= row <= spans[k][1]

    def _get_range_data(self, row_start: int, col_start: int, row_end: int,
                        col_end: int) -> Any:
        # a chart's cached data is read from the held cells: streamed rows have none
        if self._streamed_rows and any(lo <= row_end and row_start <= hi
                                       for lo, hi in self._streamed_rows):
            raise RuntimeError(f"{self.name}: a chart reads rows {row_start + 1}-{row_end + 1}, "
                               "already streamed")
        return super()._get_range_data(row_start, col_start, row_end, col_end)

    def _calculate_spans(self) -> None:
        # the `spans` of each block of 16 rows: its first and last used column
        if self.comments:
            super()._calculate_spans()
            return
        bounds = dict(self._streamed_spans)
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

    def _cells_xml(self, parts: list[str], cells: dict[int, Any], number: str,
                   names: list[str], styles: dict[int, str], style_of: Any) -> list[str] | None:
        """Append the <c> elements of a row's cells to `parts`; None (parts then incomplete) at
        the first cell only xlsxwriter writes (no format, or a kind not built here)."""
        fast_kinds, errors = _FAST_KINDS, _ERROR_CODES
        for c in sorted(cells):
            cell = cells[c]
            fmt = cell.format
            kind = type(cell)
            if fmt is None or kind not in fast_kinds:
                return None
            style = styles.get(id(fmt))
            if style is None:
                style = styles[id(fmt)] = style_of(fmt)
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
        return parts

    @staticmethod
    def _style_number(fmt: Any) -> str:
        return f'" s="{fmt._get_xf_index()}"'

    def _write_rows(self) -> None:
        """xlsxwriter's `_write_rows`, with the <c> element of a formatted formula, number,
        blank or shared string built here in one f-string (what xlsxwriter builds from a list
        of attributes escaped one by one); any other cell goes to xlsxwriter's `_write_cell`.
        Streamed rows are copied back in their place."""
        if self.comments or self.constant_memory or self.dim_rowmin is None:
            if self._spill is not None:
                raise RuntimeError(f"{self.name}: comments on a sheet with streamed rows")
            super()._write_rows()
            return
        self._calculate_spans()
        table, row_info, spans = self.table, self.row_info, self.row_spans
        write = self.fh.write
        names = [_column_name(c) for c in range(self.dim_colmax + 1)]
        styles: dict[int, str] = {}  # id(format) -> '" s="n"', closing the r attribute
        segments = list(self._segments) if self._spill is not None else []
        marks = _MarkResolver(self) if segments else None
        r = self.dim_rowmin
        while r <= self.dim_rowmax:
            if segments and segments[0][0] == r:
                lo, hi, at, length, _ = segments.pop(0)
                assert marks is not None
                marks.copy(at, length, write)
                r = hi + 1
                continue
            cells = table.get(r)
            info = row_info.get(r)
            if not cells:
                if info is not None:
                    self._write_empty_row(r, spans.get(r // 16), info)
                r += 1
                continue
            self._write_row(r, spans.get(r // 16), info)
            number = str(r + 1)
            parts: list[str] = []
            if self._cells_xml(parts, cells, number, names, styles, self._style_number) is None:
                parts.clear()
                for c in sorted(cells):  # xlsxwriter writes what is not built here
                    cell = cells[c]
                    if cell.format is None or type(cell) not in _FAST_KINDS:
                        write("".join(parts))
                        parts.clear()
                        self._write_cell(r, c, cell)
                    else:
                        self._cells_xml(parts, {c: cell}, number, names, styles,
                                        self._style_number)
            parts.append("</row>")
            write("".join(parts))
            r += 1
        if self._spill is not None:
            self._spill.close()
            self._spill = None


_MARK = "\x00"  # around a mark in streamed text: NUL is not allowed anywhere in XML 1.0


SPILL_MEMORY = 1 << 20  # a sheet's streamed text is kept in memory up to this many bytes
SPILL_READ = 1 << 20  # and copied back this many bytes at a time


class _Spill:
    """A sheet's streamed text (UTF-8): in memory while small (a temporary file costs a few
    milliseconds to make and remove, a workbook of small sheets would pay it per sheet), in a
    temporary file beyond SPILL_MEMORY bytes. Positions are byte offsets in both."""

    def __init__(self, tmpdir: str | None) -> None:
        self.tmpdir = tmpdir
        self.store: Any = io.BytesIO()
        self.in_memory = True
        self.size = 0

    def write(self, text: str) -> int:
        data = text.encode("utf-8")
        self.store.write(data)
        self.size += len(data)
        if self.in_memory and self.size > SPILL_MEMORY:
            kept, self.store = self.store, tempfile.TemporaryFile(dir=self.tmpdir)
            self.store.write(kept.getbuffer())
            self.in_memory = False
        return len(data)

    def read(self, at: int, length: int) -> Any:
        """The bytes at..at+length, SPILL_READ at a time."""
        self.store.seek(at)
        while length > 0:
            chunk = self.store.read(min(length, SPILL_READ))
            if not chunk:
                raise RuntimeError("streamed rows: temporary file cut short")
            length -= len(chunk)
            yield chunk

    def close(self) -> None:
        self.store.close()


class _MarkResolver:
    """Copies a sheet's streamed text back, its marks resolved in row order (style numbers are
    handed out by xlsxwriter in the order `close` asks for them)."""

    def __init__(self, ws: FastWorksheet) -> None:
        self.spill = ws._spill_file()
        self.formats = {k: fmt for k, fmt in ws._spill_formats.values()}
        self.spans = ws.row_spans
        self.done: dict[str, str] = {}

    def resolve(self, mark: str) -> str:
        text = self.done.get(mark)
        if text is None:
            if mark[0] == "f":
                text = str(self.formats[int(mark[1:])]._get_xf_index())
                self.done[mark] = text
            else:
                span = self.spans.get(int(mark[1:]))
                text = f' spans="{span}"' if span else ""
                self.done[mark] = text
        return text

    def copy(self, at: int, length: int, write: Any) -> None:
        """Write the text at..at+length of the spill, marks resolved. Each piece is cut at a
        NUL (one byte, never inside a UTF-8 character) and never inside a mark."""
        carry = b""
        for chunk in self.spill.read(at, length):
            data = carry + chunk
            cut = data.rfind(b"\0")
            if cut < 0:
                carry = data
                continue
            if data.count(b"\0", 0, cut + 1) % 2:  # the last mark is still open
                data, carry = data[:cut], data[cut:]
            else:
                data, carry = data[:cut + 1], data[cut + 1:]
            self._write(data, write)
        self._write(carry, write)

    def _write(self, data: bytes, write: Any) -> None:
        pieces = data.decode("utf-8").split(_MARK)
        if len(pieces) % 2 == 0:
            raise RuntimeError("streamed rows: an unclosed mark")
        marks = pieces[1::2]
        # each distinct mark resolved once, in the order of its first appearance (the order
        # xlsxwriter hands out style numbers in); then all of them replaced at C speed
        for mark in dict.fromkeys(marks):
            self.resolve(mark)
        pieces[1::2] = map(self.done.__getitem__, marks)
        write("".join(pieces))


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


def stream_rows(ws: Worksheet, first: int, last: int) -> None:
    """`ws.stream_rows(first, last)` where `ws` streams (a FastWorksheet), else nothing."""
    if isinstance(ws, FastWorksheet):
        ws.stream_rows(first, last)


def write_formula(ws: Worksheet, row: int, col: int, formula: str, fmt: Any, value: Any) -> None:
    """`ws.write_formula` (0-based), by the short path when `ws` has one."""
    if isinstance(ws, FastWorksheet):
        ws.put_formula(row, col, formula, fmt, value)
    else:
        ws.write_formula(row, col, formula, fmt, value)
