"""The table of functions the evaluator implements itself, and helpers their code shares.

Kinds of function:
- "scalar": arguments arrive as values (ranges implicitly intersected); applied element by
  element over arrays; with `propagate` the first error argument is the answer.
- "raw": arguments arrive as they are (references stay `Rng`); `impl(ev, *args)`.
- "lazy": arguments arrive unevaluated; `impl(ev, sheet, row, col, thunks)` (IF, IFERROR, CHOOSE).
- "pos": like raw but told the formula's own position (ROW(), COLUMN()).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from lkjip_xl.audit import values as xv
from lkjip_xl.audit.context import EvalContext
from lkjip_xl.audit.values import Arr, Rng
from lkjip_xl.xlsx.grid import ErrorValue


@dataclass
class Spec:
    name: str
    impl: Callable[..., Any]
    kind: str = "raw"
    min_args: int = 0
    max_args: int = 255
    propagate: bool = True  # scalar kind: an error argument is the result
    array_args: bool = False  # arguments evaluated in array context (SUMPRODUCT)
    ref_result: bool = False  # may return a reference (INDEX, OFFSET, IF, CHOOSE)
    val_args: int = 0  # lazy kind: this many leading arguments always compile as values


FUNCS: dict[str, Spec] = {}


def register(names: str, kind: str = "raw", min_args: int = 0, max_args: int = 255,
             **opts: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Decorator: `@register("ROUND", "scalar", 1, 2)`; several names share one implementation."""
    def deco(fn: Callable[..., Any]) -> Callable[..., Any]:
        for name in names.split():
            FUNCS[name] = Spec(name, fn, kind, min_args, max_args, **opts)
        return fn
    return deco


def scalar(ev: EvalContext, v: Any) -> Any:
    """One value from an argument: a cell reference is read, a range is intersected with the
    formula's row or column, an array gives its first element."""
    if type(v) is Rng:
        if v.r1 == v.r2 and v.c1 == v.c2:
            return ev.get(v.sheet, v.r1, v.c1)
        cur = ev.current()
        if cur is None:
            return xv.VALUE
        return ev.intersect(v, cur[1].row, cur[1].col)
    if type(v) is Arr:
        return v.rows[0][0] if v.rows and v.rows[0] else xv.VALUE
    return v


def values_of(ev: EvalContext, v: Any) -> list[Any]:
    """Every value of an argument, row by row."""
    if type(v) is Rng:
        return ev.flat(v)
    if type(v) is Arr:
        return v.flat()
    return [v]


def grid_of(ev: EvalContext, v: Any) -> Arr:
    """An argument as a 2-D array (a range's values, an array, or a 1x1 array)."""
    if type(v) is Rng:
        return ev.to_arr(v)
    if type(v) is Arr:
        return v
    return Arr([[v]])


def number_arg(ev: EvalContext, v: Any) -> Any:
    """A numeric argument (index, digits, k): read, then coerced like arithmetic."""
    return xv.to_num(scalar(ev, v))


def is_err(v: Any) -> bool:
    return type(v) is ErrorValue


def lift(impl: Callable[..., Any], args: list[Any]) -> Arr:
    """Apply a scalar function element by element when an argument is an array (a single row
    or column stretches; positions outside a smaller array get #N/A, as in Excel)."""
    shapes = [(a.height, a.width) for a in args if type(a) is Arr]
    h = max(s[0] for s in shapes)
    w = max(s[1] for s in shapes)
    rows = []
    for i in range(h):
        row = []
        for j in range(w):
            vals = []
            for a in args:
                if type(a) is Arr:
                    ii = 0 if a.height == 1 else i
                    jj = 0 if a.width == 1 else j
                    vals.append(a.rows[ii][jj] if ii < a.height and jj < a.width else xv.NA)
                else:
                    vals.append(a)
            row.append(impl(*vals))
        rows.append(row)
    return Arr(rows)
