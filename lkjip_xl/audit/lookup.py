"""INDEX, MATCH, VLOOKUP, HLOOKUP, LOOKUP, XLOOKUP, CHOOSE, ROW(S), COLUMN(S), OFFSET, INDIRECT.

Exact matches use a `key -> first position` index built once per range; approximate matches use
a binary search over the values of the lookup value's type, as Excel does (on sorted data that is
"the largest value not above the lookup value"; on unsorted data Excel's answer is arbitrary too).
INDEX, OFFSET, INDIRECT and CHOOSE return references, so `INDEX(...)=""` sees an empty cell.
"""

from __future__ import annotations

import re
from typing import Any

from lkjip_xl.audit import values as xv
from lkjip_xl.audit.criteria import has_wildcard, wildcard_regex
from lkjip_xl.audit.registry import number_arg, register, scalar
from lkjip_xl.audit.values import Arr, Rng, Unverifiable, to_bool
from lkjip_xl.xlsx.a1 import MAX_COL, MAX_ROW, col_index
from lkjip_xl.xlsx.grid import ErrorValue


def _lookup_key(v: Any) -> Any:
    t = type(v)
    if t is float:
        return v
    if t is str:
        return ("s", v.lower())
    if t is bool:
        return ("b", v)
    return None


def _vector(ev: Any, a: Any) -> tuple[list[Any], dict[Any, Any]] | None:
    """A 1-D lookup vector's values and a cache dict for its indexes (None if 2-D)."""
    if type(a) is Rng:
        if a.rows > 1 and a.cols > 1:
            return None
        if a.is_cell():
            return [ev.get(a.sheet, a.r1, a.c1)], {}
        d = ev.data(a)
        return d.vals, d.cache
    if type(a) is Arr:
        if a.height > 1 and a.width > 1:
            return None
        return a.flat(), {}
    return [a], {}


def find(ev: Any, x: Any, vec: Any, mode: float) -> Any:
    """0-based position of x in a 1-D vector (MATCH semantics), or #N/A."""
    if type(x) is ErrorValue:
        return x
    if x is None:
        return xv.NA
    got = _vector(ev, vec)
    if got is None:
        return xv.NA
    vals, cache = got
    if mode == 0:
        if type(x) is str and has_wildcard(x):
            rx = wildcard_regex(x.lower())
            for i, v in enumerate(vals):
                if type(v) is str and rx.match(v.lower()):
                    return i
            return xv.NA
        index = cache.get("first")
        if index is None:
            index = {}
            for i, v in enumerate(vals):
                k = _lookup_key(v)
                if k is not None and k not in index:
                    index[k] = i
            cache["first"] = index
        pos = index.get(_lookup_key(x))
        return xv.NA if pos is None else pos
    kx = _lookup_key(x)
    typ = type(kx)
    seq = cache.get(("seq", typ))
    if seq is None:
        keys, where = [], []
        for i, v in enumerate(vals):
            k = _lookup_key(v)
            if type(k) is typ:
                keys.append(k)
                where.append(i)
        seq = cache[("seq", typ)] = (keys, where)
    keys, where = seq
    lo, hi, best = 0, len(keys) - 1, -1
    if mode > 0:
        while lo <= hi:
            mid = (lo + hi) // 2
            if keys[mid] <= kx:
                best, lo = mid, mid + 1
            else:
                hi = mid - 1
    else:
        while lo <= hi:
            mid = (lo + hi) // 2
            if keys[mid] >= kx:
                best, lo = mid, mid + 1
            else:
                hi = mid - 1
    return xv.NA if best < 0 else where[best]


@register("MATCH", "raw", 2, 3)
def _match(ev: Any, x: Any, vec: Any, mode: Any = 1.0) -> Any:
    m = number_arg(ev, mode)
    if type(m) is ErrorValue:
        return m
    pos = find(ev, scalar(ev, x), vec, m)
    return pos if type(pos) is ErrorValue else float(pos + 1)


def _table_lookup(ev: Any, x: Any, table: Any, idx: Any, approx: Any, vertical: bool) -> Any:
    x = scalar(ev, x)
    if type(x) is ErrorValue:
        return x
    n = number_arg(ev, idx)
    if type(n) is ErrorValue:
        return n
    k = int(n)
    a = to_bool(scalar(ev, approx))
    if type(a) is ErrorValue:
        return a
    if k < 1:
        return xv.VALUE
    if type(table) is Rng:
        span = table.cols if vertical else table.rows
        if k > span:
            return xv.REF
        first = (Rng(table.sheet, table.r1, table.c1, table.r2, table.c1) if vertical
                 else Rng(table.sheet, table.r1, table.c1, table.r1, table.c2))
        pos = find(ev, x, first, 1.0 if a else 0.0)
        if type(pos) is ErrorValue:
            return pos
        if vertical:
            return ev.get(table.sheet, table.r1 + pos, table.c1 + k - 1)
        return ev.get(table.sheet, table.r1 + k - 1, table.c1 + pos)
    if type(table) is Arr:
        rows = table.rows if vertical else [list(col) for col in zip(*table.rows)]
        if k > len(rows[0]):
            return xv.REF
        pos = find(ev, x, Arr([[row[0]] for row in rows]), 1.0 if a else 0.0)
        return pos if type(pos) is ErrorValue else rows[pos][k - 1]
    return xv.NA


@register("VLOOKUP", "raw", 3, 4)
def _vlookup(ev: Any, x: Any, table: Any, col: Any, approx: Any = True) -> Any:
    return _table_lookup(ev, x, table, col, approx, True)


@register("HLOOKUP", "raw", 3, 4)
def _hlookup(ev: Any, x: Any, table: Any, row: Any, approx: Any = True) -> Any:
    return _table_lookup(ev, x, table, row, approx, False)


def _nth(ev: Any, vec: Any, pos: int) -> Any:
    """Position `pos` of a vector argument: a reference to the cell, or an array element."""
    if type(vec) is Rng:
        if vec.cols == 1 and pos < vec.rows:
            return Rng(vec.sheet, vec.r1 + pos, vec.c1, vec.r1 + pos, vec.c1)
        if vec.rows == 1 and pos < vec.cols:
            return Rng(vec.sheet, vec.r1, vec.c1 + pos, vec.r1, vec.c1 + pos)
        return xv.NA
    if type(vec) is Arr:
        flat = vec.flat()
        return flat[pos] if pos < len(flat) else xv.NA
    return vec if pos == 0 else xv.NA


@register("LOOKUP", "raw", 2, 3, ref_result=True)
def _lookup(ev: Any, x: Any, vec: Any, result: Any = None) -> Any:
    x = scalar(ev, x)
    if type(x) is ErrorValue:
        return x
    if result is None:
        dims = (vec.rows, vec.cols) if type(vec) is Rng else (
            (vec.height, vec.width) if type(vec) is Arr else (1, 1))
        if dims[0] > 1 and dims[1] > 1:  # array form: search the longer side's first line
            key: Any
            if type(vec) is Rng:
                if dims[1] > dims[0]:
                    key = Rng(vec.sheet, vec.r1, vec.c1, vec.r1, vec.c2)
                    result = Rng(vec.sheet, vec.r2, vec.c1, vec.r2, vec.c2)
                else:
                    key = Rng(vec.sheet, vec.r1, vec.c1, vec.r2, vec.c1)
                    result = Rng(vec.sheet, vec.r1, vec.c2, vec.r2, vec.c2)
            else:
                rows = vec.rows
                if dims[1] > dims[0]:
                    key, result = Arr([rows[0]]), Arr([rows[-1]])
                else:
                    key, result = Arr([[r[0]] for r in rows]), Arr([[r[-1]] for r in rows])
            vec = key
        else:
            result = vec
    pos = find(ev, x, vec, 1.0)
    if type(pos) is ErrorValue:
        return pos
    return _nth(ev, result, pos)


@register("XLOOKUP", "raw", 3, 6, ref_result=True)
def _xlookup(ev: Any, x: Any, vec: Any, result: Any, missing: Any = None, mode: Any = 0.0,
             search: Any = 1.0) -> Any:
    m, s = number_arg(ev, mode), number_arg(ev, search)
    if type(m) is ErrorValue or type(s) is ErrorValue:
        return m if type(m) is ErrorValue else s
    if m not in (0.0, 2.0) or s not in (1.0, -1.0):
        raise Unverifiable("unsupported", "XLOOKUP match_mode/search_mode")
    x = scalar(ev, x)
    if type(x) is ErrorValue:
        return x
    got = _vector(ev, vec)
    if got is None:
        return xv.VALUE
    vals = got[0]
    order = range(len(vals)) if s > 0 else range(len(vals) - 1, -1, -1)
    kx = _lookup_key(x)
    rx = wildcard_regex(x.lower()) if m == 2.0 and type(x) is str else None
    for i in order:
        v = vals[i]
        if (rx is not None and type(v) is str and rx.match(v.lower())) or (
                rx is None and kx is not None and _lookup_key(v) == kx):
            if type(result) is Rng and type(vec) is Rng and vec.cols == 1 and result.cols > 1:
                return Rng(result.sheet, result.r1 + i, result.c1, result.r1 + i, result.c2)
            return _nth(ev, result, i)
    return xv.NA if missing is None else missing


@register("INDEX", "raw", 2, 4, ref_result=True)
def _index(ev: Any, ref: Any, row: Any, col: Any = None, area: Any = None) -> Any:
    rn = number_arg(ev, row) if row is not None else 0.0
    if type(rn) is ErrorValue:
        return rn
    cn = number_arg(ev, col) if col is not None else None
    if type(cn) is ErrorValue:
        return cn
    if type(ref) is Rng:
        nrows, ncols = ref.rows, ref.cols
    elif type(ref) is Arr:
        nrows, ncols = ref.height, ref.width
    else:
        ref = Arr([[ref]])
        nrows = ncols = 1
    r_i = int(rn)
    if cn is None:
        # one argument on a single row picks a column
        c_i = 0
        if nrows == 1 and ncols > 1:
            r_i, c_i = 1, int(rn)
        elif ncols == 1:
            c_i = 1
    else:
        c_i = int(cn)
    if r_i < 0 or c_i < 0:
        return xv.VALUE
    if r_i > nrows or c_i > ncols:
        return xv.REF
    if type(ref) is Arr:
        if r_i and c_i:
            return ref.rows[r_i - 1][c_i - 1]
        if r_i:
            return Arr([ref.rows[r_i - 1]])
        if c_i:
            return Arr([[row_[c_i - 1]] for row_ in ref.rows])
        return ref
    r1, r2 = (ref.r1 + r_i - 1,) * 2 if r_i else (ref.r1, ref.r2)
    c1, c2 = (ref.c1 + c_i - 1,) * 2 if c_i else (ref.c1, ref.c2)
    return Rng(ref.sheet, r1, c1, r2, c2)


@register("CHOOSE", "lazy", 2, 255, ref_result=True, val_args=1)
def _choose(ev: Any, sh: Any, r: int, c: int, th: list[Any]) -> Any:
    i = xv.to_num(th[0](ev, sh, r, c))
    if type(i) is ErrorValue:
        return i
    k = int(i)
    if k < 1 or k >= len(th):
        return xv.VALUE
    return th[k](ev, sh, r, c)


@register("ROW", "pos", 0, 1)
def _row(ev: Any, sh: Any, r: int, c: int, args: list[Any]) -> Any:
    if not args or args[0] is None:
        return float(r)
    return float(args[0].r1) if type(args[0]) is Rng else xv.VALUE


@register("COLUMN", "pos", 0, 1)
def _column(ev: Any, sh: Any, r: int, c: int, args: list[Any]) -> Any:
    if not args or args[0] is None:
        return float(c)
    return float(args[0].c1) if type(args[0]) is Rng else xv.VALUE


@register("ROWS", "raw", 1, 1)
def _rows(ev: Any, a: Any) -> Any:
    return float(a.rows if type(a) is Rng else a.height if type(a) is Arr else 1)


@register("COLUMNS", "raw", 1, 1)
def _columns(ev: Any, a: Any) -> Any:
    return float(a.cols if type(a) is Rng else a.width if type(a) is Arr else 1)


@register("OFFSET", "raw", 3, 5, ref_result=True)
def _offset(ev: Any, ref: Any, rows: Any, cols: Any, height: Any = None, width: Any = None) -> Any:
    if type(ref) is not Rng:
        return xv.VALUE
    nums = []
    for a, default in ((rows, 0.0), (cols, 0.0), (height, float(ref.rows)), (width, float(ref.cols))):
        n = default if a is None else number_arg(ev, a)
        if type(n) is ErrorValue:
            return n
        nums.append(int(n))
    dr, dc, h, w = nums
    if h == 0 or w == 0:
        return xv.REF
    r1, c1 = ref.r1 + dr, ref.c1 + dc
    r2, c2 = r1 + h - 1 if h > 0 else r1, c1 + w - 1 if w > 0 else c1
    if h < 0:
        r1, r2 = r1 + h + 1, r1
    if w < 0:
        c1, c2 = c1 + w + 1, c1
    if r1 < 1 or c1 < 1 or r2 > MAX_ROW or c2 > MAX_COL:
        return xv.REF
    return Rng(ref.sheet, r1, c1, r2, c2)


_INDIRECT = re.compile(
    r"^(?:(?:'((?:[^']|'')+)'|([^'!:]+))!)?"
    r"(?:\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?|\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3}))$")


@register("INDIRECT", "raw", 1, 2, ref_result=True)
def _indirect(ev: Any, text: Any, a1: Any = True) -> Any:
    t = scalar(ev, text)
    if type(t) is ErrorValue:
        return t
    if not to_bool(scalar(ev, a1)):
        raise Unverifiable("unsupported", "INDIRECT R1C1")
    m = _INDIRECT.match(str(xv.to_text(t)).strip())
    if not m:
        texts = ev.name_texts(str(t).strip().upper())
        if texts:
            return _indirect(ev, texts[0], True)
        return xv.REF
    quoted, plain, l1, d1, l2, d2, k1, k2 = m.groups()
    sheet_name = quoted.replace("''", "'") if quoted else plain
    cur = ev.current()
    sheet = ev.sheet_by_name(sheet_name) if sheet_name else (cur[0] if cur else None)
    if sheet is None:
        return xv.REF
    if k1:
        return Rng(sheet, 1, col_index(k1), MAX_ROW, col_index(k2))
    r1, c1 = int(d1), col_index(l1)
    r2, c2 = (int(d2), col_index(l2)) if l2 else (r1, c1)
    return Rng(sheet, min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2))
