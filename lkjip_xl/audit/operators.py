"""Excel's operators on scalars, lifted element by element over arrays.

Errors win from left to right (`#N/A + #DIV/0!` is #N/A); text is read as a number where Excel
reads it ("3" + 1 is 4, "" + 1 is #VALUE!); an empty cell is 0 in arithmetic and "" next to text;
+ and - snap float noise such as 0.3 - 0.2 - 0.1 to 0, as Excel and LibreOffice do.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from lkjip_xl.audit import values as xv
from lkjip_xl.audit.values import Arr, approx_add, compare, to_num, to_text
from lkjip_xl.xlsx.grid import ErrorValue


def broadcast(op: Callable[[Any, Any], Any], a: Any, b: Any) -> Arr:
    """Element-wise a op b; a single row or column stretches, other mismatches give #N/A."""
    ar = a.rows if type(a) is Arr else [[a]]
    br = b.rows if type(b) is Arr else [[b]]
    h = max(len(ar), len(br))
    w = max(len(ar[0]), len(br[0]))
    out = []
    for i in range(h):
        ra = ar[0] if len(ar) == 1 else (ar[i] if i < len(ar) else None)
        rb = br[0] if len(br) == 1 else (br[i] if i < len(br) else None)
        row = []
        for j in range(w):
            if ra is None or rb is None:
                row.append(xv.NA)
                continue
            x = ra[0] if len(ra) == 1 else (ra[j] if j < len(ra) else xv.NA)
            y = rb[0] if len(rb) == 1 else (rb[j] if j < len(rb) else xv.NA)
            row.append(op(x, y))
        out.append(row)
    return Arr(out)


def _arith(fast: Callable[[float, float], Any]) -> Callable[[Any, Any], Any]:
    def op(a: Any, b: Any) -> Any:
        if type(a) is float and type(b) is float:
            return fast(a, b)
        if type(a) is Arr or type(b) is Arr:
            return broadcast(op, a, b)
        a = to_num(a)
        if type(a) is ErrorValue:
            return a
        b = to_num(b)
        if type(b) is ErrorValue:
            return b
        return fast(a, b)
    return op


def _sub(a: float, b: float) -> Any:
    return approx_add(a, -b)


def _mul(a: float, b: float) -> Any:
    return xv.checked(a * b)


def _div(a: float, b: float) -> Any:
    if b == 0.0:
        return xv.DIV0
    return xv.checked(a / b)


def _pow(a: float, b: float) -> Any:
    if a == 0.0 and b == 0.0:
        return xv.NUM  # Excel: 0^0 is #NUM!
    if a == 0.0 and b < 0.0:
        return xv.DIV0
    try:
        r = math.pow(a, b)
    except (OverflowError, ValueError):
        return xv.NUM
    return xv.checked(r)


def _comparison(test: Callable[[int], bool]) -> Callable[[Any, Any], Any]:
    def op(a: Any, b: Any) -> Any:
        if type(a) is Arr or type(b) is Arr:
            return broadcast(op, a, b)
        r = compare(a, b)
        if type(r) is ErrorValue:
            return r
        return test(r)
    return op


def _concat(a: Any, b: Any) -> Any:
    if type(a) is Arr or type(b) is Arr:
        return broadcast(_concat, a, b)
    a = to_text(a)
    if type(a) is ErrorValue:
        return a
    b = to_text(b)
    if type(b) is ErrorValue:
        return b
    return a + b


BINARY: dict[str, Callable[[Any, Any], Any]] = {
    "+": _arith(lambda a, b: xv.checked(approx_add(a, b))),
    "-": _arith(_sub),
    "*": _arith(_mul),
    "/": _arith(_div),
    "^": _arith(_pow),
    "&": _concat,
    "=": _comparison(lambda r: r == 0),
    "<>": _comparison(lambda r: r != 0),
    "<": _comparison(lambda r: r < 0),
    ">": _comparison(lambda r: r > 0),
    "<=": _comparison(lambda r: r <= 0),
    ">=": _comparison(lambda r: r >= 0),
}


def negate(a: Any) -> Any:
    if type(a) is float:
        return -a
    if type(a) is Arr:
        return Arr([[negate(v) for v in row] for row in a.rows])
    a = to_num(a)
    return a if type(a) is ErrorValue else -a


def percent(a: Any) -> Any:
    if type(a) is Arr:
        return Arr([[percent(v) for v in row] for row in a.rows])
    a = to_num(a)
    return a if type(a) is ErrorValue else a / 100.0
