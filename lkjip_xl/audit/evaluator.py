"""The evaluator: every formula cell of a WorkbookGrid recomputed from the grid's constants.

Each formula is reduced to its R1C1 shape (parser.shape_of); each distinct shape is parsed and
compiled once into a Python closure `fn(ev, sheet, row, col)` (compiler.py). Cells are evaluated
on demand with a memo: reading a formula cell that has no value yet evaluates it first, so the
dependency order follows by itself, and reading a cell that is still being evaluated is a
circular reference (recorded, and answered with that cell's cached value as Excel would show it).

Big ranges (SUMIFS over whole columns, MATCH tables) are materialised once as `RangeData` and keep
their lookup indexes, so 5,000 SUMIFS over one column cost 5,000 dictionary look-ups, not 25 million
comparisons. Evaluation runs in a worker thread with a large stack: a chain of 10,000 cells that
each read the one below is 10,000 nested evaluations.
"""

from __future__ import annotations

import sys
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Container
from typing import Any

from lkjip_xl.audit import values as xv
from lkjip_xl.audit.compiler import Compiler
from lkjip_xl.audit.parser import (
    DdeFormula,
    FormulaSyntaxError,
    Node,
    RefSpec,
    Renderer,
    parse,
    shape_of,
    walk,
)
from lkjip_xl.audit.values import Arr, RangeData, Rng, Unverifiable
from lkjip_xl.engines import formulas_engine
from lkjip_xl.xlsx.a1 import MAX_ROW, col_index
from lkjip_xl.xlsx.grid import ErrorValue, SheetGrid, WorkbookGrid

MISS: Any = object()
BIG_RANGE = 32  # ranges with at least this many cells are materialised once and cached

VOLATILE = frozenset({"TODAY", "NOW", "RAND", "RANDBETWEEN", "RANDARRAY"})
WEB = frozenset({"WEBSERVICE", "FILTERXML", "DDE", "DDEAUTO", "RTD", "CALL", "REGISTER.ID",
                 "EXEC"})
MASKING = frozenset({"IFERROR", "IFNA"})


class Shape:
    """One distinct R1C1 formula, parsed and compiled once."""

    __slots__ = ("key", "node", "fn", "error", "refs", "names", "functions", "sum_ranges",
                 "volatile", "external", "dde", "array")

    def __init__(self, key: str, array: bool) -> None:
        self.key = key
        self.array = array
        self.node: Node | None = None
        self.fn: Callable[..., Any] | None = None
        self.error: Unverifiable | None = None
        self.refs: list[RefSpec] = []
        self.names: set[str] = set()
        self.functions: set[str] = set()
        self.sum_ranges: list[tuple[str, RefSpec]] = []  # (function, literal range argument)
        self.volatile = False
        self.external = False
        self.dde = False


class FCell:
    __slots__ = ("row", "col", "formula", "shape", "cached", "state", "value", "flag", "detail")

    def __init__(self, row: int, col: int, formula: str, shape: Shape, cached: Any) -> None:
        self.row, self.col = row, col
        self.formula = formula
        self.shape = shape
        self.cached = cached
        self.state = 0  # 0 not evaluated, 1 being evaluated, 2 done
        self.value: Any = None
        self.flag: str | None = None  # why the value is not a verified recomputation
        self.detail = ""


class SheetState:
    """One sheet as the evaluator sees it.

    Constants are never copied: a cell that is not a (non-trusted) formula cell is read from
    the grid's CellStore (`value`). A formula cell's recomputed value lives on its FCell.
    """

    __slots__ = ("name", "index", "grid", "store", "fcells", "fcols", "fmax_row", "fmax_col",
                 "_extent", "hidden_rows", "hidden_cols", "state")

    def __init__(self, index: int, grid: SheetGrid) -> None:
        self.name = grid.name
        self.index = index
        self.grid = grid
        self.store = grid.cells
        self.state = grid.state
        self.fcells: dict[tuple[int, int], FCell] = {}
        self.fcols: dict[int, list[int]] = {}
        self.hidden_rows = grid.hidden_rows
        self.hidden_cols = grid.hidden_cols
        self.fmax_row = 0  # the last row / column holding a formula (trusted ones too)
        self.fmax_col = 0
        self._extent: tuple[int, int] | None = None

    def value(self, r: int, c: int) -> Any:
        """The cell's current value without evaluating anything: a formula cell's recomputed
        value (None until it is done), the grid's value otherwise (None when absent)."""
        fc = self.fcells.get((r, c))
        if fc is not None:
            return fc.value if fc.state == 2 else None
        v = self.store.value(r, c)
        t = type(v)
        if t is float or t is str or v is None:
            return v
        return xv.widen(v)

    def block(self, r1: int, c1: int, nrows: int, ncols: int) -> list[Any]:
        """`value` of every cell of a rectangle, row-major."""
        value = self.store.value
        if ncols == 1:
            vals = [value(r, c1) for r in range(r1, r1 + nrows)]
        else:
            cols = range(c1, c1 + ncols)
            vals = [value(r, c) for r in range(r1, r1 + nrows) for c in cols]
        if not set(map(type, vals)) <= _PLAIN:
            widen = xv.widen
            vals = [widen(v) for v in vals]
        r2, c2 = r1 + nrows - 1, c1 + ncols - 1
        fcells = self.fcells
        for c, rows in self.fcols.items():
            if c < c1 or c > c2:
                continue
            for r in rows[bisect_left(rows, r1):bisect_right(rows, r2)]:
                fc = fcells[(r, c)]
                vals[(r - r1) * ncols + c - c1] = fc.value if fc.state == 2 else None
        return vals

    @property
    def max_row(self) -> int:
        return self.extent()[0]

    @property
    def max_col(self) -> int:
        return self.extent()[1]

    def extent(self) -> tuple[int, int]:
        """(last row, last column) holding a formula or a value other than None; found with
        one pass over the sheet's values, the first time a range is clamped to it."""
        if self._extent is None:
            store = self.store
            mr, mc = self.fmax_row, self.fmax_col
            for r in store.rows():
                last = 0
                for c, v in store.row_values(r):
                    if v is not None and c > last:  # cells far right of a row come last,
                        last = c  # not necessarily in column order
                if last:
                    if r > mr:
                        mr = r
                    if last > mc:
                        mc = last
            self._extent = (mr, mc)
        return self._extent


_PLAIN = frozenset({float, str, bool, type(None), ErrorValue})  # values `widen` leaves alone


class Evaluator:
    def __init__(self, grid: WorkbookGrid, *, cached_volatile: bool = False,
                 trusted: Container[tuple[str, int, int]] | None = None) -> None:
        self.grid = grid
        # formula cells whose cached value is taken as given (a layout verifier judged them):
        # they read as plain values, so they are neither compiled nor recomputed. Only
        # membership (`(sheet, row, col) in trusted`) and truth are asked of it.
        self.trusted = trusted
        self.cached_volatile = cached_volatile  # audit: TODAY() cells keep their cached value
        self.sheets = [SheetState(i, s) for i, s in enumerate(grid.sheets)]
        self.by_name = {s.name.lower(): s for s in self.sheets}
        self.names: dict[str, str] = {}  # every definition, keyed as in the grid, upper-cased
        self.global_names: dict[str, str] = {}
        self.local_names: dict[str, dict[str, str]] = {}  # NAME -> sheet (lower) -> text
        for key, text in grid.defined_names.items():
            self.names[key.upper()] = text
            if "!" in key:
                sheet, name = key.rsplit("!", 1)
                if sheet.startswith("'") and sheet.endswith("'"):
                    sheet = sheet[1:-1].replace("''", "'")
                self.local_names.setdefault(name.upper(), {})[sheet.lower()] = text
            else:
                self.global_names[key.upper()] = text
        self.shapes: dict[str, Shape] = {}
        self.stack: list[FCell] = []
        self.cycles: list[list[tuple[SheetState, FCell]]] = []
        self.masked: dict[tuple[str, int, int], tuple[str, ErrorValue]] = {}
        self.range_cache: dict[tuple[int, int, int, int, int], RangeData] = {}
        self.ready: set[tuple[int, int, int, int, int]] = set()
        self.memo: dict[Any, Any] = {}  # results of criteria functions over finished ranges
        self.name_fns: dict[tuple[str, bool], Any] = {}
        self._stack_sheets: list[SheetState] = []
        self.compiler = Compiler(self)
        self._load()
        self._gmax: tuple[int, int] | None = None
        self._fmax = (max((s.fmax_row for s in self.sheets), default=0),
                      max((s.fmax_col for s in self.sheets), default=0))

    @property
    def gmax_row(self) -> int:
        return (self._gmax or self._used_area())[0]

    @property
    def gmax_col(self) -> int:
        return (self._gmax or self._used_area())[1]

    def _used_area(self) -> tuple[int, int]:
        """The workbook's used area (every sheet's extent), worked out when a range first needs
        clamping: a workbook whose formulas are all trusted never pays for the pass."""
        if self._gmax is None:
            extents = [s.extent() for s in self.sheets]
            self._gmax = (max((e[0] for e in extents), default=0),
                          max((e[1] for e in extents), default=0))
        return self._gmax

    def name_texts(self, name: str) -> list[str]:
        """Every definition of a (bare, upper-case) name: the workbook-wide one and local ones."""
        out = [self.global_names[name]] if name in self.global_names else []
        return out + list(self.local_names.get(name, {}).values())

    # -- loading ------------------------------------------------------------------------------

    def _load(self) -> None:
        renderers: dict[str, Renderer] = {}
        trusted = self.trusted if self.trusted else None
        for sh in self.sheets:
            store, fcells, name = sh.store, sh.fcells, sh.name
            mr = mc = 0
            todo: list[tuple[int, int, str]] = []
            for r, c, formula in store.formulas():
                if not formula:  # "": no formula at all (a constant, as the grid reads it)
                    continue
                if r > mr:
                    mr = r
                if c > mc:
                    mc = c
                if trusted is None or (name, r, c) not in trusted:
                    todo.append((r, c, formula))
            sh.fmax_row, sh.fmax_col = mr, mc
            todo.sort()  # row by row, so `above` is the nearest formula above (linear if sorted)
            above: dict[int, Shape] = {}  # column -> shape last seen
            for r, c, formula in todo:
                array = store.is_array(r, c)
                # a filled-down formula is its upper neighbour's shape written at this cell:
                # checking that is much cheaper than rewriting it to R1C1
                shape = None
                prev = above.get(c)
                if prev is not None and prev.array == array:
                    ren = renderers.get(prev.key)
                    if ren is None:
                        ren = renderers[prev.key] = Renderer(prev.key)
                    if ren.render(r, c) == formula:
                        shape = prev
                if shape is None:
                    shape = self.shape(shape_of(formula, r, c), array)
                above[c] = shape
                fcells[(r, c)] = FCell(r, c, formula, shape,
                                       xv.widen(store.value(r, c)))
                sh.fcols.setdefault(c, []).append(r)
            for rows in sh.fcols.values():
                rows.sort()

    def shape(self, key: str, array: bool = False) -> Shape:
        skey = key + "{}" if array else key
        shape = self.shapes.get(skey)
        if shape is None:
            shape = Shape(key, array)
            self.shapes[skey] = shape
            self._compile(shape)
        return shape

    def _compile(self, shape: Shape) -> None:
        try:
            node = parse(shape.key)
        except DdeFormula:
            shape.dde = True
            shape.error = Unverifiable("dde-web", "DDE")
            return
        except FormulaSyntaxError as exc:
            shape.error = Unverifiable("syntax", str(exc))
            return
        shape.node = node
        for n in walk(node):
            if n[0] == "ref":
                shape.refs.append(n[1])
                if n[1].external:
                    shape.external = True
            elif n[0] == "name":
                shape.names.add(n[1])
            elif n[0] == "call":
                shape.functions.add(n[1])
                if n[1] in ("SUM", "AVERAGE"):
                    for a in n[2]:
                        if a[0] == "ref" and a[1].kind == "area":
                            shape.sum_ranges.append((n[1], a[1]))
        shape.volatile = bool(shape.functions & VOLATILE)
        if shape.functions & WEB:
            shape.dde = True
            shape.error = Unverifiable("dde-web", ", ".join(sorted(shape.functions & WEB)))
            return
        try:
            shape.fn = self.compiler.compile(node, "val", shape.array)
        except Unverifiable as exc:
            shape.error = exc
        except FormulaSyntaxError as exc:
            shape.error = Unverifiable("syntax", str(exc))

    # -- reading cells ------------------------------------------------------------------------

    def get(self, sh: SheetState, r: int, c: int) -> Any:
        fc = sh.fcells.get((r, c))
        if fc is None:  # a constant, a trusted formula's cached value, or nothing (None)
            v = sh.store.value(r, c)
            t = type(v)
            if t is float or t is str or v is None:
                return v
            return xv.widen(v)
        if fc.state == 2:
            return fc.value
        return self.eval_cell(sh, fc)

    def has_formula(self, sh: SheetState, r: int, c: int) -> bool:
        return (r, c) in sh.fcells

    def eval_cell(self, sh: SheetState, fc: FCell) -> Any:
        state = fc.state
        if state == 2:
            return fc.value
        if state == 1:
            self._cycle(sh, fc)
            return 0.0 if fc.cached is None else fc.cached
        shape = fc.shape
        if shape.error is not None:
            v = self._stand_in(fc, shape.error)
        elif self.cached_volatile and shape.volatile and fc.cached is not None:
            v = self._stand_in(fc, Unverifiable("volatile"))
        else:
            fc.state = 1
            stack = self.stack
            stack.append(fc)
            self._stack_sheets.append(sh)
            try:
                v = self.finish(shape.fn(self, sh, fc.row, fc.col), sh, fc.row, fc.col)  # type: ignore[misc]
            except Unverifiable as exc:
                v = self._whole_formula(sh, fc, exc)
            except RecursionError:
                v = self._stand_in(fc, Unverifiable("failed", "recursion too deep"))
            except Exception as exc:  # never let one odd formula stop the audit
                v = self._stand_in(fc, Unverifiable("failed", f"{type(exc).__name__}: {exc}"))
            finally:
                stack.pop()
                self._stack_sheets.pop()
        fc.state = 2
        fc.value = v
        return v

    def _whole_formula(self, sh: SheetState, fc: FCell, exc: Unverifiable) -> Any:
        """A call the `formulas` package could not make on our arguments: let it compute the
        whole formula from the input values instead, before giving up on the cell."""

        if exc.kind != "unsupported" or not formulas_engine.knows_all(fc.shape.functions):
            return self._stand_in(fc, exc)

        def lookup(ref: str) -> Any:
            rng = self._input_range(sh, ref)
            if rng is None:
                return xv.REF
            return self.get(rng.sheet, rng.r1, rng.c1) if rng.is_cell() else self.to_arr(rng)
        try:
            return self.finish(formulas_engine.evaluate_formula(fc.formula, lookup), sh,
                               fc.row, fc.col)
        except formulas_engine.FormulasError:
            return self._stand_in(fc, exc)

    def _input_range(self, sh: SheetState, ref: str) -> Rng | None:
        """An input name of the `formulas` package ("A1:B2", "'MY SHEET'!A1") as a range."""
        target = sh
        if "!" in ref:
            name, ref = ref.rsplit("!", 1)
            found = self.sheet_by_name(name.strip("'").replace("''", "'"))
            if found is None:
                return None
            target = found
        ends = []
        for part in ref.replace("$", "").split(":"):
            letters = part.rstrip("0123456789")
            digits = part[len(letters):]
            ends.append((int(digits) if digits else None, col_index(letters) if letters else None))
        (r1, c1), (r2, c2) = ends[0], ends[-1]
        if c1 is None or c2 is None:
            return None
        return Rng(target, r1 or 1, c1, r2 or MAX_ROW, c2)

    def _stand_in(self, fc: FCell, exc: Unverifiable) -> Any:
        if fc.flag is None:
            fc.flag = exc.kind
            fc.detail = exc.detail
        return 0.0 if fc.cached is None else fc.cached

    def _cycle(self, sh: SheetState, fc: FCell) -> None:
        i = len(self.stack) - 1
        while i >= 0 and self.stack[i] is not fc:
            i -= 1
        members = list(zip(self._stack_sheets[i:], self.stack[i:]))
        for _, member in members:
            member.flag = "cycle"
        self.cycles.append(members)

    def current(self) -> tuple[SheetState, FCell] | None:
        return (self._stack_sheets[-1], self.stack[-1]) if self.stack else None

    def enter(self, sh: SheetState, fc: FCell) -> None:
        """Evaluate as if at `fc` (a probe the audit makes); `leave()` after."""
        self.stack.append(fc)
        self._stack_sheets.append(sh)

    def leave(self) -> None:
        self.stack.pop()
        self._stack_sheets.pop()

    def note_masked(self, function: str, err: ErrorValue) -> None:
        cur = self.current()
        if cur is not None:
            sh, fc = cur
            self.masked.setdefault((sh.name, fc.row, fc.col), (function, err))

    def finish(self, v: Any, sh: SheetState, r: int, c: int) -> Any:
        """A formula's result as the cell shows it: a reference read, an array's first value,
        an empty cell's 0."""
        t = type(v)
        if t is float:
            return v if v != 0.0 else 0.0  # no -0.0
        if t is Rng:
            v = self.intersect(v, r, c)
            t = type(v)
        if t is Arr:
            v = v.rows[0][0] if v.rows and v.rows[0] else xv.VALUE
            if type(v) is Rng:
                v = self.intersect(v, r, c)
        if v is None:
            return 0.0
        if type(v) is float and v == 0.0:
            return 0.0
        return v

    # -- ranges -------------------------------------------------------------------------------

    def sheet_by_name(self, name: str) -> SheetState | None:
        return self.by_name.get(name.lower())

    def intersect(self, rng: Rng, r: int, c: int) -> Any:
        """Implicit intersection: a range used where one value is wanted (non-array formulas)."""
        if rng.r1 == rng.r2 and rng.c1 == rng.c2:
            return self.get(rng.sheet, rng.r1, rng.c1)
        if rng.c1 == rng.c2 and rng.r1 <= r <= rng.r2:
            return self.get(rng.sheet, r, rng.c1)
        if rng.r1 == rng.r2 and rng.c1 <= c <= rng.c2:
            return self.get(rng.sheet, rng.r1, c)
        return xv.VALUE

    def clamp(self, rng: Rng) -> tuple[int, int]:
        """(rows, cols) of the part of `rng` inside the workbook's used area."""
        gmax = self._gmax
        if gmax is None:
            # the used area reaches at least the last formula: a range inside that needs no
            # pass over the values to find it
            if rng.r2 <= self._fmax[0] and rng.c2 <= self._fmax[1]:
                return max(rng.r2 - rng.r1 + 1, 0), max(rng.c2 - rng.c1 + 1, 0)
            gmax = self._used_area()
        gmax_row, gmax_col = gmax
        rows = min(rng.r2, gmax_row) - rng.r1 + 1
        cols = min(rng.c2, gmax_col) - rng.c1 + 1
        return max(rows, 0), max(cols, 0)

    def ensure(self, rng: Rng) -> None:
        """Evaluate every formula cell inside `rng` that has no value yet."""
        sh = rng.sheet
        key = (sh.index, rng.r1, rng.c1, rng.r2, rng.c2)
        if key in self.ready:
            return
        fcells = sh.fcells
        for c, rows in sh.fcols.items():
            if c < rng.c1 or c > rng.c2:
                continue
            lo = bisect_left(rows, rng.r1)
            hi = bisect_right(rows, rng.r2)
            for r in rows[lo:hi]:
                fc = fcells[(r, c)]
                if fc.state != 2:
                    self.eval_cell(sh, fc)
        self.ready.add(key)

    def data(self, rng: Rng) -> RangeData:
        """The values of a range (row-major, clamped), cached when the range is big."""
        sh = rng.sheet
        key = (sh.index, rng.r1, rng.c1, rng.r2, rng.c2)
        rd = self.range_cache.get(key)
        if rd is not None:
            return rd
        nrows, ncols = self.clamp(rng)
        self.ensure(rng)
        vals = sh.block(rng.r1, rng.c1, nrows, ncols)
        rd = RangeData(vals, nrows, ncols, rng.rows * rng.cols)
        if nrows * ncols >= BIG_RANGE:
            self.range_cache[key] = rd
        return rd

    def flat(self, rng: Rng) -> list[Any]:
        if rng.r1 == rng.r2 and rng.c1 == rng.c2:
            return [self.get(rng.sheet, rng.r1, rng.c1)]
        return self.data(rng).vals

    def to_arr(self, rng: Rng) -> Arr:
        rd = self.data(rng)
        n = rd.ncols
        if n == 0 or rd.nrows == 0:
            return Arr([[None]])
        vals = rd.vals
        return Arr([vals[i:i + n] for i in range(0, len(vals), n)])

    # -- running ------------------------------------------------------------------------------

    def run(self) -> None:
        """Evaluate every formula cell (row by row, so chains down a column stay shallow)."""
        def work() -> None:
            for sh in self.sheets:
                for key in sorted(sh.fcells):
                    fc = sh.fcells[key]
                    if fc.state != 2:
                        self.eval_cell(sh, fc)

        run_deep(work)

    def results(self) -> dict[tuple[str, int, int], Any]:
        out: dict[tuple[str, int, int], Any] = {}
        for sh in self.sheets:
            for (r, c), fc in sh.fcells.items():
                if fc.flag is None or fc.flag == "volatile":
                    out[(sh.name, r, c)] = fc.value
        return out


def run_deep(work: Callable[[], None]) -> None:
    """Run `work` in a thread with a 512 MiB stack and a high recursion limit."""
    errors: list[BaseException] = []

    def target() -> None:
        try:
            work()
        except BaseException as exc:  # re-raised in the caller's thread
            errors.append(exc)

    old_limit = sys.getrecursionlimit()
    old_size = threading.stack_size()
    sys.setrecursionlimit(max(old_limit, 200_000))
    try:
        threading.stack_size(512 * 1024 * 1024)
        thread = threading.Thread(target=target, name="lkjip-audit-eval")
        thread.start()
    finally:
        threading.stack_size(old_size)
    thread.join()
    sys.setrecursionlimit(old_limit)
    if errors:
        raise errors[0]
