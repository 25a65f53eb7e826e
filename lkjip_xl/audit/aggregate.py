"""SUM, COUNT, AVERAGE, MIN, MAX and their *IF / *IFS forms, SUMPRODUCT, LARGE, SMALL, RANK,
SUBTOTAL.

Excel's rule for what counts: inside a reference or array only numbers count (text, logicals and
empty cells are skipped; an error is the answer); an argument typed directly is coerced (TRUE is 1,
"3" is 3, "abc" is #VALUE!). Totals of a big range are memoised on its RangeData, so a column of
`=A2/SUM($A$2:$A$5001)` sums the column once.
"""

from __future__ import annotations

import math
import statistics
from bisect import bisect_left, bisect_right
from typing import Any

from lkjip_xl.audit import values as xv
from lkjip_xl.audit.criteria import NOKEY, criterion, norm
from lkjip_xl.audit.registry import grid_of, number_arg, register, scalar, values_of
from lkjip_xl.audit.values import Arr, RangeData, Rng, text_to_number
from lkjip_xl.xlsx.grid import ErrorValue


def _direct(a: Any) -> Any:
    """A directly typed argument as a number, None to skip, or an error."""
    t = type(a)
    if t is float:
        return a
    if t is bool:
        return 1.0 if a else 0.0
    if a is None:
        return None
    if t is str:
        n = text_to_number(a)
        return xv.VALUE if n is None else n
    return a  # ErrorValue


def _stats(ev: Any, a: Any) -> tuple[list[float], ErrorValue | None]:
    """Numbers of one reference / array argument, and its first error."""
    if type(a) is Rng and not a.is_cell():
        rd = ev.data(a)
        got = rd.cache.get("nums")
        if got is None:
            nums: list[float] = []
            err = None
            for v in rd.vals:
                t = type(v)
                if t is float:
                    nums.append(v)
                elif t is ErrorValue and err is None:
                    err = v
            got = rd.cache["nums"] = (nums, err)
        return got  # type: ignore[no-any-return]
    nums = []
    for v in values_of(ev, a):
        t = type(v)
        if t is float:
            nums.append(v)
        elif t is ErrorValue:
            return nums, v
    return nums, None


def numbers(ev: Any, args: tuple[Any, ...]) -> Any:
    """All numbers the arguments contribute under Excel's rules, or the first error."""
    out: list[float] = []
    for a in args:
        if type(a) is Rng or type(a) is Arr:
            nums, err = _stats(ev, a)
            if err is not None:
                return err
            out.extend(nums)
        else:
            n = _direct(a)
            if type(n) is ErrorValue:
                return n
            if n is not None:
                out.append(n)
    return out


def _sum(nums: list[float]) -> Any:
    total = 0.0
    for x in nums:
        total += x
    return xv.checked(total)


@register("SUM", "raw", 1, 255)
def _sum_fn(ev: Any, *args: Any) -> Any:
    if len(args) == 1 and type(args[0]) is Rng and not args[0].is_cell():
        rd = ev.data(args[0])
        got = rd.cache.get("sum")
        if got is None:
            nums, err = _stats(ev, args[0])
            got = rd.cache["sum"] = err if err is not None else _sum(nums)
        return got
    nums = numbers(ev, args)
    return nums if type(nums) is ErrorValue else _sum(nums)


@register("AVERAGE", "raw", 1, 255)
def _average(ev: Any, *args: Any) -> Any:
    nums = numbers(ev, args)
    if type(nums) is ErrorValue:
        return nums
    return xv.DIV0 if not nums else xv.checked(_sum(nums) / len(nums))


@register("MIN", "raw", 1, 255)
def _min(ev: Any, *args: Any) -> Any:
    nums = numbers(ev, args)
    return nums if type(nums) is ErrorValue else (min(nums) if nums else 0.0)


@register("MAX", "raw", 1, 255)
def _max(ev: Any, *args: Any) -> Any:
    nums = numbers(ev, args)
    return nums if type(nums) is ErrorValue else (max(nums) if nums else 0.0)


@register("PRODUCT", "raw", 1, 255)
def _product(ev: Any, *args: Any) -> Any:
    nums = numbers(ev, args)
    if type(nums) is ErrorValue:
        return nums
    return xv.checked(math.prod(nums)) if nums else 0.0


@register("MEDIAN", "raw", 1, 255)
def _median(ev: Any, *args: Any) -> Any:
    nums = numbers(ev, args)
    if type(nums) is ErrorValue:
        return nums
    return statistics.median(nums) if nums else xv.NUM


@register("COUNT", "raw", 1, 255)
def _count(ev: Any, *args: Any) -> Any:
    n = 0
    for a in args:
        if type(a) is Rng or type(a) is Arr:
            n += sum(1 for v in values_of(ev, a) if type(v) is float)
        elif type(a) in (float, bool) or (type(a) is str and text_to_number(a) is not None):
            n += 1
    return float(n)


@register("COUNTA", "raw", 1, 255)
def _counta(ev: Any, *args: Any) -> Any:
    n = 0
    for a in args:
        if type(a) is Rng or type(a) is Arr:
            n += sum(1 for v in values_of(ev, a) if v is not None)
        elif a is not None:
            n += 1
    return float(n)


@register("COUNTBLANK", "raw", 1, 1)
def _countblank(ev: Any, a: Any) -> Any:
    if type(a) is not Rng:
        return xv.VALUE
    vals = ev.flat(a)
    beyond = a.rows * a.cols - len(vals)
    return float(sum(1 for v in vals if v is None or v == "") + beyond)


# ---------------------------------------------------------------------------------------------
# criteria functions


def _same_shape(a: Rng | Arr, b: Rng | Arr) -> bool:
    def dims(x: Rng | Arr) -> tuple[int, int]:
        return (x.rows, x.cols) if type(x) is Rng else (x.height, x.width)  # type: ignore[union-attr]
    return dims(a) == dims(b)


def _data(ev: Any, a: Any) -> Any:
    if type(a) is Rng:
        return ev.data(a)
    if type(a) is Arr:
        return RangeData(a.flat(), a.height, a.width, a.height * a.width)
    return None


def match_rows(ev: Any, pairs: list[tuple[Any, Any]]) -> Any:
    """Positions (row-major offsets) where every (range, criterion value) pair matches, plus the
    count of matching positions beyond the used area (all empty), or an error."""
    datas = []
    crits = []
    first = pairs[0][0]
    for rng, cv in pairs:
        if type(rng) not in (Rng, Arr) or not _same_shape(first, rng):
            return xv.VALUE
        crits.append(criterion(cv))
        datas.append(_data(ev, rng))
    length = max(len(d.vals) for d in datas)
    keyed = []
    for d, cr in zip(datas, crits):
        if cr.key is not NOKEY:
            index = d.cache.get("eq")
            if index is None:
                index = {}
                keys = d.cache["keys"] = [norm(v) for v in d.vals]
                for i, k in enumerate(keys):
                    index.setdefault(k, []).append(i)
                d.cache["eq"] = index
            hits = index.get(cr.key, [])
            if cr.blank:  # empty cells past this range's used part also match
                hits = hits + list(range(len(d.vals), length))
            keyed.append((len(hits), hits, d, cr))
    if keyed:
        keyed.sort(key=lambda x: x[0])
        candidates: Any = keyed[0][1]
        checks = [(d, cr) for _, _, d, cr in keyed[1:]] + [
            (d, cr) for d, cr in zip(datas, crits) if cr.key is NOKEY]
    else:
        candidates = range(length)
        checks = list(zip(datas, crits))
    if checks:
        out = []
        for i in candidates:
            for d, cr in checks:
                vals = d.vals
                if cr.key is not NOKEY:
                    k = d.cache["keys"][i] if i < len(vals) else norm(None)
                    if k != cr.key:
                        break
                elif not cr.test(vals[i] if i < len(vals) else None):
                    break
            else:
                out.append(i)
    else:
        out = list(candidates)
    nominal = datas[0].nominal
    beyond = nominal - length if all(cr.blank for cr in crits) else 0
    return out, beyond


def _pairs(args: tuple[Any, ...]) -> list[tuple[Any, Any]] | None:
    if len(args) % 2:
        return None
    return [(args[i], args[i + 1]) for i in range(0, len(args), 2)]


def _resize(a: Any, like: Any) -> Any:
    """SUMIF's sum range takes its size from the criteria range, from its own top-left cell."""
    if type(a) is Rng and type(like) is Rng:
        return Rng(a.sheet, a.r1, a.c1, a.r1 + like.rows - 1, a.c1 + like.cols - 1)
    return a


def _picked(ev: Any, target: Any, rows: list[int]) -> Any:
    d = _data(ev, target)
    if d is None:
        return xv.VALUE
    vals = d.vals
    out = []
    for i in rows:
        if i < len(vals):
            v = vals[i]
            if type(v) is float:
                out.append(v)
            elif type(v) is ErrorValue:
                return v
    return out


def _ifs(kind: str, target: Any, pairs: list[tuple[Any, Any]] | None, ev: Any) -> Any:
    if pairs is None or not pairs:
        return xv.VALUE
    if target is not None and type(target) in (Rng, Arr) and not _same_shape(target, pairs[0][0]):
        return xv.VALUE
    pairs = [(rng, scalar(ev, cval)) for rng, cval in pairs]
    # ranges do not change once evaluated: one answer per (ranges, criteria), so a column of
    # SUMIFS by unit costs one scan per unit, not one per row
    memo_key: Any = None
    if all(type(rng) is Rng for rng, _ in pairs) and type(target) in (Rng, type(None)):
        memo_key = (kind, _key(target), tuple((_key(rng), type(cv), cv) for rng, cv in pairs))
        got = ev.memo.get(memo_key)
        if got is not None:
            return got
    result = _ifs_compute(kind, target, pairs, ev)
    if memo_key is not None:
        ev.memo[memo_key] = result
    return result


def _key(rng: Any) -> Any:
    return None if rng is None else (rng.sheet.index, rng.r1, rng.c1, rng.r2, rng.c2)


def _ifs_compute(kind: str, target: Any, pairs: list[tuple[Any, Any]], ev: Any) -> Any:
    got = match_rows(ev, pairs)
    if type(got) is ErrorValue:
        return got
    rows, beyond = got
    if kind == "count":
        return float(len(rows) + beyond)
    nums = _picked(ev, target, rows)
    if type(nums) is ErrorValue:
        return nums
    if kind == "sum":
        return _sum(nums)
    if kind == "average":
        return xv.DIV0 if not nums else xv.checked(_sum(nums) / len(nums))
    if kind == "max":
        return max(nums) if nums else 0.0
    return min(nums) if nums else 0.0


@register("SUMIF", "raw", 2, 3)
def _sumif(ev: Any, rng: Any, crit: Any, sum_rng: Any = None) -> Any:
    target = rng if sum_rng is None else _resize(sum_rng, rng)
    return _ifs("sum", target, [(rng, crit)], ev)


@register("AVERAGEIF", "raw", 2, 3)
def _averageif(ev: Any, rng: Any, crit: Any, avg_rng: Any = None) -> Any:
    target = rng if avg_rng is None else _resize(avg_rng, rng)
    return _ifs("average", target, [(rng, crit)], ev)


@register("COUNTIF", "raw", 2, 2)
def _countif(ev: Any, rng: Any, crit: Any) -> Any:
    return _ifs("count", None, [(rng, crit)], ev)


register("COUNTIFS", "raw", 2, 254)(lambda ev, *a: _ifs("count", None, _pairs(a), ev))
register("SUMIFS", "raw", 3, 255)(lambda ev, t, *a: _ifs("sum", t, _pairs(a), ev))
register("AVERAGEIFS", "raw", 3, 255)(lambda ev, t, *a: _ifs("average", t, _pairs(a), ev))
register("MAXIFS", "raw", 3, 255)(lambda ev, t, *a: _ifs("max", t, _pairs(a), ev))
register("MINIFS", "raw", 3, 255)(lambda ev, t, *a: _ifs("min", t, _pairs(a), ev))


# ---------------------------------------------------------------------------------------------


@register("SUMPRODUCT", "raw", 1, 255, array_args=True)
def _sumproduct(ev: Any, *args: Any) -> Any:
    grids = [grid_of(ev, a) for a in args]
    h, w = grids[0].height, grids[0].width
    if any(g.height != h or g.width != w for g in grids):
        return xv.VALUE
    flats = [g.flat() for g in grids]
    for f in flats:
        for v in f:
            if type(v) is ErrorValue:
                return v
    total = 0.0
    for vals in zip(*flats):
        p = 1.0
        for v in vals:
            p *= v if type(v) is float else 0.0
        total += p
    return xv.checked(total)


def _k_numbers(ev: Any, a: Any, k: Any) -> Any:
    nums, err = _stats(ev, a) if type(a) in (Rng, Arr) else ([], None)
    if type(a) not in (Rng, Arr):
        n = _direct(a)
        if type(n) is ErrorValue:
            return n
        nums = [] if n is None else [n]
    if err is not None:
        return err
    kk = number_arg(ev, k)
    if type(kk) is ErrorValue:
        return kk
    kk = math.ceil(kk)
    if kk < 1 or kk > len(nums):
        return xv.NUM
    return sorted(nums), kk


@register("LARGE", "raw", 2, 2)
def _large(ev: Any, a: Any, k: Any) -> Any:
    got = _k_numbers(ev, a, k)
    return got if type(got) is ErrorValue else got[0][-got[1]]


@register("SMALL", "raw", 2, 2)
def _small(ev: Any, a: Any, k: Any) -> Any:
    got = _k_numbers(ev, a, k)
    return got if type(got) is ErrorValue else got[0][got[1] - 1]


@register("RANK RANK.EQ", "raw", 2, 3)
def _rank(ev: Any, x: Any, ref: Any, order: Any = None) -> Any:
    v = xv.to_num(scalar(ev, x))
    if type(v) is ErrorValue:
        return v
    if type(ref) not in (Rng, Arr):
        return xv.NA
    nums, err = _stats(ev, ref)
    if err is not None:
        return err
    key = "sorted"
    srt = None
    if type(ref) is Rng and not ref.is_cell():
        srt = ev.data(ref).cache.get(key)
    if srt is None:
        srt = sorted(nums)
        if type(ref) is Rng and not ref.is_cell():
            ev.data(ref).cache[key] = srt
    lo, hi = bisect_left(srt, v), bisect_right(srt, v)
    if lo == hi:
        return xv.NA
    desc = order is None or not xv.to_num(scalar(ev, order))
    return float(len(srt) - hi + 1) if desc else float(lo + 1)


_SUBTOTAL = {1: "average", 2: "count", 3: "counta", 4: "max", 5: "min", 6: "product",
             7: "stdev", 8: "stdevp", 9: "sum", 10: "var", 11: "varp"}


@register("SUBTOTAL", "raw", 2, 255)
def _subtotal(ev: Any, fn: Any, *refs: Any) -> Any:
    """SUBTOTAL skips cells that are themselves SUBTOTALs; 101-111 also skip hidden rows."""
    code = number_arg(ev, fn)
    if type(code) is ErrorValue:
        return code
    code = int(code)
    kind = _SUBTOTAL.get(code % 100 if code > 100 else code)
    if kind is None or code not in range(1, 12) and code not in range(101, 112):
        return xv.VALUE
    vals: list[Any] = []
    for a in refs:
        if type(a) is not Rng:
            return xv.VALUE
        sh = a.sheet
        nrows, ncols = ev.clamp(a)
        ev.ensure(a)
        for r in range(a.r1, a.r1 + nrows):
            if code > 100 and r in sh.hidden_rows:
                continue
            for c in range(a.c1, a.c1 + ncols):
                fc = sh.fcells.get((r, c))
                if fc is not None and fc.shape.functions & {"SUBTOTAL", "AGGREGATE"}:
                    continue
                vals.append(sh.value(r, c))
    for v in vals:
        if type(v) is ErrorValue:
            return v
    if kind == "counta":
        return float(sum(1 for v in vals if v is not None))
    nums = [v for v in vals if type(v) is float]
    if kind == "count":
        return float(len(nums))
    if kind == "sum":
        return _sum(nums)
    if kind == "product":
        return xv.checked(math.prod(nums)) if nums else 0.0
    if kind in ("max", "min"):
        return (max(nums) if kind == "max" else min(nums)) if nums else 0.0
    if kind == "average":
        return xv.DIV0 if not nums else _sum(nums) / len(nums)
    need = 1 if kind.endswith("p") else 2
    if len(nums) < need:
        return xv.DIV0
    fn2 = {"stdev": statistics.stdev, "stdevp": statistics.pstdev,
           "var": statistics.variance, "varp": statistics.pvariance}[kind]
    return float(fn2(nums))
