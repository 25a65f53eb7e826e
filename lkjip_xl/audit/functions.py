"""Logical, information, math, text and date functions, with Excel's semantics.

Aggregates and criteria functions live in aggregate.py, lookups in lookup.py; importing this
module registers all of them in `FUNCS`.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from typing import Any

from lkjip_xl.audit import aggregate, lookup  # noqa: F401  (they register their functions)
from lkjip_xl.audit import values as xv
from lkjip_xl.audit.criteria import wildcard_regex
from lkjip_xl.audit.operators import BINARY
from lkjip_xl.audit.registry import FUNCS, Spec, lift, register, scalar, values_of
from lkjip_xl.audit.textfmt import Unsupported, format_value
from lkjip_xl.audit.values import Arr, Rng, Unverifiable, to_bool, to_num, to_text
from lkjip_xl.engines import formulas_engine
from lkjip_xl.xlsx.grid import ErrorValue

__all__ = ["FUNCS", "Spec"]


# ---------------------------------------------------------------------------------------------
# logical


@register("IF", "lazy", 2, 3, ref_result=True, val_args=1)
def _if(ev: Any, sh: Any, r: int, c: int, th: list[Any]) -> Any:
    cond = th[0](ev, sh, r, c)
    if type(cond) is Arr:  # array context: choose element by element
        a = th[1](ev, sh, r, c)
        b = th[2](ev, sh, r, c) if len(th) > 2 else False
        a = ev.to_arr(a) if type(a) is Rng else a
        b = ev.to_arr(b) if type(b) is Rng else b

        def pick(k: Any, x: Any, y: Any) -> Any:
            k = to_bool(k)
            return k if type(k) is ErrorValue else (x if k else y)
        return lift(pick, [cond, a, b])
    k = to_bool(cond)
    if type(k) is ErrorValue:
        return k
    if k:
        return th[1](ev, sh, r, c)
    return th[2](ev, sh, r, c) if len(th) > 2 else False


def _masking(name: str, catches: Any) -> Any:
    def impl(ev: Any, sh: Any, r: int, c: int, th: list[Any]) -> Any:
        v = th[0](ev, sh, r, c)
        if type(v) is Rng:
            v = scalar(ev, v)
        if type(v) is Arr:
            alt = th[1](ev, sh, r, c)
            alt = scalar(ev, alt) if type(alt) is Rng else alt

            def pick(x: Any, y: Any) -> Any:
                return y if type(x) is ErrorValue and catches(x) else x
            return lift(pick, [v, alt])
        if type(v) is ErrorValue and catches(v):
            ev.note_masked(name, v)
            return th[1](ev, sh, r, c)
        return v
    return impl


register("IFERROR", "lazy", 2, 2, ref_result=True)(_masking("IFERROR", lambda e: True))
register("IFNA", "lazy", 2, 2, ref_result=True)(_masking("IFNA", lambda e: e.code == "#N/A"))


@register("IFS", "lazy", 2, 254)
def _ifs(ev: Any, sh: Any, r: int, c: int, th: list[Any]) -> Any:
    if len(th) % 2:
        return xv.VALUE
    for i in range(0, len(th), 2):
        k = to_bool(th[i](ev, sh, r, c))
        if type(k) is ErrorValue:
            return k
        if k:
            return th[i + 1](ev, sh, r, c)
    return xv.NA


@register("SWITCH", "lazy", 3, 254)
def _switch(ev: Any, sh: Any, r: int, c: int, th: list[Any]) -> Any:
    v = th[0](ev, sh, r, c)
    if type(v) is ErrorValue:
        return v
    rest = th[1:]
    for i in range(0, len(rest) - 1, 2):
        k = rest[i](ev, sh, r, c)
        if type(k) is ErrorValue:
            return k
        if xv.compare(v, k) == 0 and type(v if v is not None else k) is type(k if k is not None else v):
            return rest[i + 1](ev, sh, r, c)
    return rest[-1](ev, sh, r, c) if len(rest) % 2 else xv.NA


def _logical(ev: Any, args: tuple[Any, ...]) -> Any:
    found: list[bool] = []
    for a in args:
        if type(a) in (Rng, Arr):
            for v in values_of(ev, a):
                t = type(v)
                if t is ErrorValue:
                    return v
                if t is bool:
                    found.append(v)
                elif t is float:
                    found.append(v != 0.0)
            continue
        if a is None:
            continue
        k = to_bool(a)
        if type(k) is ErrorValue:
            return k
        found.append(k)
    return found if found else xv.VALUE


@register("AND", "raw", 1, 255)
def _and(ev: Any, *args: Any) -> Any:
    got = _logical(ev, args)
    return got if type(got) is ErrorValue else all(got)


@register("OR", "raw", 1, 255)
def _or(ev: Any, *args: Any) -> Any:
    got = _logical(ev, args)
    return got if type(got) is ErrorValue else any(got)


@register("XOR", "raw", 1, 255)
def _xor(ev: Any, *args: Any) -> Any:
    got = _logical(ev, args)
    return got if type(got) is ErrorValue else sum(got) % 2 == 1


@register("NOT", "scalar", 1, 1)
def _not(v: Any) -> Any:
    k = to_bool(v)
    return k if type(k) is ErrorValue else not k


register("TRUE", "scalar", 0, 0)(lambda: True)
register("FALSE", "scalar", 0, 0)(lambda: False)
register("NA", "scalar", 0, 0)(lambda: xv.NA)


# ---------------------------------------------------------------------------------------------
# information (errors are answers here, not propagated)


register("ISBLANK", "scalar", 1, 1, propagate=False)(lambda v: v is None)
register("ISNUMBER", "scalar", 1, 1, propagate=False)(lambda v: type(v) is float)
register("ISTEXT", "scalar", 1, 1, propagate=False)(lambda v: type(v) is str)
register("ISNONTEXT", "scalar", 1, 1, propagate=False)(lambda v: type(v) is not str)
register("ISLOGICAL", "scalar", 1, 1, propagate=False)(lambda v: type(v) is bool)
register("ISERROR", "scalar", 1, 1, propagate=False)(lambda v: type(v) is ErrorValue)
register("ISNA", "scalar", 1, 1, propagate=False)(
    lambda v: type(v) is ErrorValue and v.code == "#N/A")
register("ISERR", "scalar", 1, 1, propagate=False)(
    lambda v: type(v) is ErrorValue and v.code != "#N/A")


def _parity(odd: bool) -> Any:
    def impl(v: Any) -> Any:
        n = to_num(v)
        if type(n) is ErrorValue:
            return n
        return (int(math.trunc(n)) % 2 == 1) is odd
    return impl


register("ISEVEN", "scalar", 1, 1)(_parity(False))
register("ISODD", "scalar", 1, 1)(_parity(True))


@register("N", "scalar", 1, 1)
def _n(v: Any) -> Any:
    if type(v) is float:
        return v
    if type(v) is bool:
        return 1.0 if v else 0.0
    return 0.0


@register("ISREF", "raw", 1, 1)
def _isref(ev: Any, v: Any) -> Any:
    return type(v) is Rng


# ---------------------------------------------------------------------------------------------
# math


def _num1(fn: Any) -> Any:
    def impl(v: Any) -> Any:
        x = to_num(v)
        if type(x) is ErrorValue:
            return x
        return fn(x)
    return impl


def _num2(fn: Any) -> Any:
    def impl(a: Any, b: Any) -> Any:
        x = to_num(a)
        if type(x) is ErrorValue:
            return x
        y = to_num(b)
        if type(y) is ErrorValue:
            return y
        return fn(x, y)
    return impl


register("ABS", "scalar", 1, 1)(_num1(abs))
register("INT", "scalar", 1, 1)(_num1(lambda x: float(math.floor(x))))
register("SIGN", "scalar", 1, 1)(_num1(lambda x: float((x > 0) - (x < 0))))
register("SQRT", "scalar", 1, 1)(_num1(lambda x: xv.NUM if x < 0 else math.sqrt(x)))
register("EXP", "scalar", 1, 1)(_num1(lambda x: xv.NUM if x > 709 else math.exp(x)))
register("LN", "scalar", 1, 1)(_num1(lambda x: xv.NUM if x <= 0 else math.log(x)))
register("LOG10", "scalar", 1, 1)(_num1(lambda x: xv.NUM if x <= 0 else math.log10(x)))
register("PI", "scalar", 0, 0)(lambda: math.pi)


def _round_mode(mode: str) -> Any:
    return _num2(lambda x, d: xv.round_excel(x, d, mode))


register("ROUND", "scalar", 2, 2)(_round_mode("half"))
register("ROUNDUP", "scalar", 2, 2)(_round_mode("up"))
register("ROUNDDOWN", "scalar", 2, 2)(_round_mode("down"))


@register("TRUNC", "scalar", 1, 2)
def _trunc(v: Any, d: Any = 0.0) -> Any:
    return _round_mode("down")(v, d)


@register("LOG", "scalar", 1, 2)
def _log(v: Any, base: Any = 10.0) -> Any:
    def f(x: float, b: float) -> Any:
        if x <= 0 or b <= 0:
            return xv.NUM
        if b == 1:
            return xv.DIV0
        return math.log(x) / math.log(b)
    return _num2(f)(v, 10.0 if base is None else base)


@register("MOD", "scalar", 2, 2)
def _mod(a: Any, b: Any) -> Any:
    def f(x: float, y: float) -> Any:
        if y == 0:
            return xv.DIV0
        return x - y * math.floor(x / y)
    return _num2(f)(a, b)


@register("POWER", "scalar", 2, 2)
def _power(a: Any, b: Any) -> Any:

    return BINARY["^"](a, b)


# ---------------------------------------------------------------------------------------------
# text


def _text1(fn: Any) -> Any:
    def impl(v: Any) -> Any:
        s = to_text(v)
        if type(s) is ErrorValue:
            return s
        return fn(s)
    return impl


register("LEN", "scalar", 1, 1)(_text1(lambda s: float(len(s))))
register("TRIM", "scalar", 1, 1)(_text1(lambda s: re.sub(" +", " ", s).strip(" ")))
register("UPPER", "scalar", 1, 1)(_text1(str.upper))
register("LOWER", "scalar", 1, 1)(_text1(str.lower))
register("CLEAN", "scalar", 1, 1)(_text1(lambda s: "".join(ch for ch in s if ord(ch) >= 32)))
register("PROPER", "scalar", 1, 1)(_text1(
    lambda s: re.sub(r"[^\W\d_]+", lambda m: m.group(0)[0].upper() + m.group(0)[1:].lower(),
                     s.lower())))


def _count_arg(v: Any, default: float) -> Any:
    if v is None:
        return 0
    n = to_num(v)
    if type(n) is ErrorValue:
        return n
    if n < 0:
        return xv.VALUE
    return int(n)


@register("LEFT", "scalar", 1, 2)
def _left(v: Any, n: Any = 1.0) -> Any:
    s = to_text(v)
    k = _count_arg(n, 1)
    if type(s) is ErrorValue:
        return s
    return k if type(k) is ErrorValue else s[:k]


@register("RIGHT", "scalar", 1, 2)
def _right(v: Any, n: Any = 1.0) -> Any:
    s = to_text(v)
    k = _count_arg(n, 1)
    if type(s) is ErrorValue:
        return s
    if type(k) is ErrorValue:
        return k
    return s[len(s) - k:] if k else ""


@register("MID", "scalar", 3, 3)
def _mid(v: Any, start: Any, n: Any) -> Any:
    s = to_text(v)
    if type(s) is ErrorValue:
        return s
    st = to_num(start)
    if type(st) is ErrorValue:
        return st
    k = _count_arg(n, 0)
    if type(k) is ErrorValue:
        return k
    if st < 1:
        return xv.VALUE
    i = int(st) - 1
    return s[i:i + k]


@register("CONCATENATE", "scalar", 1, 255)
def _concatenate(*vals: Any) -> Any:
    parts = []
    for v in vals:
        s = to_text(v)
        if type(s) is ErrorValue:
            return s
        parts.append(s)
    return "".join(parts)


@register("CONCAT", "raw", 1, 255)
def _concat(ev: Any, *args: Any) -> Any:
    parts = []
    for a in args:
        for v in values_of(ev, a):
            s = to_text(v)
            if type(s) is ErrorValue:
                return s
            parts.append(s)
    return "".join(parts)


@register("TEXTJOIN", "raw", 3, 255)
def _textjoin(ev: Any, delim: Any, skip_empty: Any, *args: Any) -> Any:
    d = to_text(scalar(ev, delim))
    if type(d) is ErrorValue:
        return d
    skip = to_bool(scalar(ev, skip_empty))
    if type(skip) is ErrorValue:
        return skip
    parts = []
    for a in args:
        for v in values_of(ev, a):
            s = to_text(v)
            if type(s) is ErrorValue:
                return s
            if s == "" and skip:
                continue
            parts.append(s)
    return d.join(parts)


@register("REPT", "scalar", 2, 2)
def _rept(v: Any, n: Any) -> Any:
    s = to_text(v)
    k = _count_arg(n, 0)
    if type(s) is ErrorValue:
        return s
    return k if type(k) is ErrorValue else s * k


@register("EXACT", "scalar", 2, 2)
def _exact(a: Any, b: Any) -> Any:
    return to_text(a) == to_text(b)


@register("SUBSTITUTE", "scalar", 3, 4)
def _substitute(v: Any, old: Any, new: Any, which: Any = None) -> Any:
    s, o, n = to_text(v), to_text(old), to_text(new)
    for x in (s, o, n):
        if type(x) is ErrorValue:
            return x
    if o == "":
        return s
    if which is None:
        return s.replace(o, n)
    k = to_num(which)
    if type(k) is ErrorValue:
        return k
    if k < 1:
        return xv.VALUE
    pos = -1
    for _ in range(int(k)):
        pos = s.find(o, pos + 1)
        if pos < 0:
            return s
    return s[:pos] + n + s[pos + len(o):]


def _finder(case: bool) -> Any:
    def impl(needle: Any, hay: Any, start: Any = 1.0) -> Any:
        a, b = to_text(needle), to_text(hay)
        for x in (a, b):
            if type(x) is ErrorValue:
                return x
        st = to_num(1.0 if start is None else start)
        if type(st) is ErrorValue:
            return st
        if st < 1 or st > len(b) + 1:
            return xv.VALUE
        if case:
            i = b.find(a, int(st) - 1)
        else:

            m = wildcard_regex(a.lower(), anchored=False).search(b.lower(), int(st) - 1)
            i = m.start() if m else -1
        return xv.VALUE if i < 0 else float(i + 1)
    return impl


register("FIND", "scalar", 2, 3)(_finder(True))
register("SEARCH", "scalar", 2, 3)(_finder(False))


@register("VALUE", "scalar", 1, 1)
def _value(v: Any) -> Any:
    if type(v) is float:
        return v
    if v is None:
        return 0.0
    if type(v) is str:
        n = xv.text_to_number(v)
        return xv.VALUE if n is None else n
    return xv.VALUE


@register("TEXT", "scalar", 2, 2)
def _text(v: Any, fmt: Any) -> Any:

    f = to_text(fmt)
    if type(f) is ErrorValue:
        return f
    try:
        return format_value(v, f)
    except Unsupported:
        try:
            return formulas_engine.call_function("TEXT", [v, f])
        except formulas_engine.FormulasError as exc:
            raise Unverifiable("unsupported", f'TEXT(..., "{f}")') from exc


# ---------------------------------------------------------------------------------------------
# dates (1900 date system)


def _ymd(v: Any) -> Any:
    if type(v) is str:
        n = xv.text_to_number(v)
        if n is None:
            return xv.VALUE
        v = n
    x = to_num(v)
    if type(x) is ErrorValue:
        return x
    got = xv.serial_ymd(x)
    return xv.NUM if got is None else got


register("YEAR", "scalar", 1, 1)(lambda v: _part(v, 0))
register("MONTH", "scalar", 1, 1)(lambda v: _part(v, 1))
register("DAY", "scalar", 1, 1)(lambda v: _part(v, 2))


def _part(v: Any, i: int) -> Any:
    got = _ymd(v)
    return got if type(got) is ErrorValue else float(got[i])


@register("DATE", "scalar", 3, 3)
def _date(y: Any, m: Any, d: Any) -> Any:
    parts = [to_num(x) for x in (y, m, d)]
    for p in parts:
        if type(p) is ErrorValue:
            return p
    got = xv.date_serial(int(parts[0]), int(parts[1]), int(parts[2]))
    return xv.NUM if got is None else got


@register("TODAY", "scalar", 0, 0)
def _today() -> Any:
    t = _dt.date.today()
    return xv.datetime_to_serial(_dt.datetime(t.year, t.month, t.day))


@register("NOW", "scalar", 0, 0)
def _now() -> Any:
    return xv.datetime_to_serial(_dt.datetime.now())
