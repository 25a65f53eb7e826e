"""Syntax tree -> Python closure `fn(ev, sheet, row, col)`.

Every node compiles in one of two modes: "val" (the consumer wants a value: references are read,
a range met where one value is wanted is implicitly intersected with the formula's row or column)
or "ref" (function arguments: a reference stays a reference, so SUM, INDEX, ISBLANK and ROW see it).
In array context (array formulas, SUMPRODUCT's arguments) ranges become arrays and operators
work element by element, as in Excel.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lkjip_xl.audit import values as xv
from lkjip_xl.audit.context import EvalContext
from lkjip_xl.audit.functions import FUNCS
from lkjip_xl.audit.operators import BINARY, negate, percent
from lkjip_xl.audit.parser import FormulaSyntaxError, Node, RefSpec, parse, shape_of
from lkjip_xl.audit.registry import Spec, lift
from lkjip_xl.audit.values import Arr, Rng, Unverifiable
from lkjip_xl.engines import formulas_engine
from lkjip_xl.xlsx.grid import ErrorValue

Fn = Callable[[Any, Any, int, int], Any]


class Compiler:
    def __init__(self, ev: EvalContext) -> None:
        self.ev = ev
        self._names_busy: set[str] = set()

    def compile(self, node: Node, mode: str = "val", actx: bool = False) -> Fn:
        tag = node[0]
        if tag in ("num", "str", "bool", "err"):
            const = node[1]
            return lambda ev, sh, r, c: const
        if tag == "missing":
            return lambda ev, sh, r, c: None
        if tag == "ref":
            return self._ref(node[1], mode, actx)
        if tag == "name":
            return self._name(node[1], node[2], mode, actx)
        if tag == "neg":
            return self._unary(negate, self.compile(node[1], "val", actx))
        if tag == "pct":
            return self._unary(percent, self.compile(node[1], "val", actx))
        if tag == "bin":
            return self._binary(node[1], self.compile(node[2], "val", actx),
                                self.compile(node[3], "val", actx))
        if tag == "range":
            return self._range_op(self.compile(node[1], "ref", actx),
                                  self.compile(node[2], "ref", actx), mode, actx)
        if tag == "call":
            return self._call(node[1], node[2], mode, actx)
        if tag == "arr":
            rows = [[_const_value(x) for x in row] for row in node[1]]
            arr = Arr(rows)
            return lambda ev, sh, r, c: arr
        raise FormulaSyntaxError(f"unknown node {tag}")

    # -- references ---------------------------------------------------------------------------

    def _ref(self, spec: RefSpec, mode: str, actx: bool) -> Fn:
        if spec.external:
            def external(ev: Any, sh: Any, r: int, c: int) -> Any:
                raise Unverifiable("external", spec.sheet or "")
            return external
        target = None
        if spec.sheet is not None:
            target = self.ev.sheet_by_name(spec.sheet)
            if target is None:
                return lambda ev, sh, r, c: xv.REF
        (r1, a1), (c1, b1) = spec.r1, spec.c1
        if spec.kind == "cell":
            if mode == "val":
                return _cell_reader(target, r1, a1, c1, b1)

            def cell_ref(ev: Any, sh: Any, r: int, c: int) -> Any:
                row = r1 if a1 else r + r1
                col = c1 if b1 else c + c1
                if row < 1 or col < 1:
                    return xv.REF
                return Rng(target or sh, row, col, row, col)
            return cell_ref

        if spec.r1[1] and spec.c1[1] and spec.r2[1] and spec.c2[1]:
            # fully absolute ($A:$A, $B$2:$B$90): one Rng object per sheet, made once
            q1, p1, q2, p2 = spec.resolve(0, 0)
            if target is not None:
                fixed = Rng(target, q1, p1, q2, p2)
                return _as_mode(lambda ev, sh, r, c: fixed, mode, actx)
            per_sheet: dict[Any, Rng] = {}

            def absolute(ev: Any, sh: Any, r: int, c: int) -> Any:
                got = per_sheet.get(sh)
                if got is None:
                    got = per_sheet[sh] = Rng(sh, q1, p1, q2, p2)
                return got
            return _as_mode(absolute, mode, actx)

        def area(ev: Any, sh: Any, r: int, c: int) -> Any:
            q1, p1, q2, p2 = spec.resolve(r, c)
            if q1 < 1 or p1 < 1:
                return xv.REF
            return Rng(target or sh, q1, p1, q2, p2)
        return _as_mode(area, mode, actx)

    def _name(self, name: str, scope: str | None, mode: str, actx: bool) -> Fn:
        """A defined name: a sheet-local definition for the formula's sheet wins over the
        workbook-wide one, as in Excel."""
        if scope is not None and scope.startswith("["):
            def external(ev: Any, sh: Any, r: int, c: int) -> Any:
                raise Unverifiable("external", f"{scope}!{name}")
            return external
        local = self.ev.local_names.get(name, {})
        glob = self.ev.global_names.get(name)
        if scope is not None:
            text = local.get(scope.lower(), glob)
            return _as_mode(self._name_text(name, text, actx), mode, actx)
        if not local:
            return _as_mode(self._name_text(name, glob, actx), mode, actx)
        fallback = self._name_text(name, glob, actx)
        per_sheet = {sheet: self._name_text(name, text, actx) for sheet, text in local.items()}

        def scoped(ev: Any, sh: Any, r: int, c: int) -> Any:
            return per_sheet.get(sh.name.lower(), fallback)(ev, sh, r, c)
        return _as_mode(scoped, mode, actx)

    def _name_text(self, name: str, text: str | None, actx: bool) -> Fn:
        """The compiled definition of a name (in "ref" mode; cached per text)."""
        if text is None or name in self._names_busy:
            return lambda ev, sh, r, c: xv.NAME
        key = (text, actx)
        named = self.ev.name_fns.get(key)
        if named is None:
            self._names_busy.add(name)
            try:
                inner = self.compile(parse(shape_of("=" + text.lstrip("="), 1, 1)), "ref", actx)
            finally:
                self._names_busy.discard(name)

            def named(ev: Any, sh: Any, r: int, c: int) -> Any:
                return inner(ev, sh, 1, 1)  # names hold absolute references: anchor at A1
            self.ev.name_fns[key] = named
        return named  # type: ignore[no-any-return]

    def _range_op(self, fa: Fn, fb: Fn, mode: str, actx: bool) -> Fn:
        def span(ev: Any, sh: Any, r: int, c: int) -> Any:
            a, b = fa(ev, sh, r, c), fb(ev, sh, r, c)
            if type(a) is ErrorValue:
                return a
            if type(b) is ErrorValue:
                return b
            if type(a) is not Rng or type(b) is not Rng or a.sheet is not b.sheet:
                return xv.VALUE
            return Rng(a.sheet, min(a.r1, b.r1), min(a.c1, b.c1), max(a.r2, b.r2), max(a.c2, b.c2))
        return _as_mode(span, mode, actx)

    # -- operators ----------------------------------------------------------------------------

    def _unary(self, op: Callable[[Any], Any], fa: Fn) -> Fn:
        return lambda ev, sh, r, c: op(fa(ev, sh, r, c))

    def _binary(self, op: str, fa: Fn, fb: Fn) -> Fn:
        f = BINARY[op]
        return lambda ev, sh, r, c: f(fa(ev, sh, r, c), fb(ev, sh, r, c))

    # -- functions ----------------------------------------------------------------------------

    def _call(self, name: str, args: list[Node], mode: str, actx: bool) -> Fn:
        spec = FUNCS.get(name)
        if spec is None:
            return self._fallback(name, args, mode, actx)
        if not spec.min_args <= len(args) <= spec.max_args:
            return lambda ev, sh, r, c: xv.VALUE  # Excel refuses the formula; #VALUE! is close
        inner_actx = actx or spec.array_args
        if spec.kind == "lazy":
            rest = mode if spec.ref_result else "val"
            thunks = [self.compile(a, "val" if i < spec.val_args else rest, inner_actx)
                      for i, a in enumerate(args)]
            impl = spec.impl
            fn: Fn = lambda ev, sh, r, c: impl(ev, sh, r, c, thunks)  # noqa: E731
        elif spec.kind == "scalar":
            fns = [self.compile(a, "val", inner_actx) for a in args]
            fn = _scalar_call(spec, fns)
        elif spec.kind == "pos":  # ROW(), COLUMN(): the formula's own position when no argument
            fns = [self.compile(a, "ref", inner_actx) for a in args]
            impl = spec.impl
            fn = lambda ev, sh, r, c: impl(ev, sh, r, c, [f(ev, sh, r, c) for f in fns])  # noqa: E731
        else:
            fns = [self.compile(a, "ref", inner_actx) for a in args]
            fn = _raw_call(spec, fns)
        if spec.ref_result:
            return _as_mode(fn, mode, actx)
        return fn

    def _fallback(self, name: str, args: list[Node], mode: str, actx: bool) -> Fn:
        """A function we do not implement: ask the `formulas` package for this one call."""
        if not formulas_engine.knows(name, len(args)):
            def unsupported(ev: Any, sh: Any, r: int, c: int) -> Any:
                raise Unverifiable("unsupported", name)
            return unsupported
        fns = [self.compile(a, "ref", actx) for a in args]

        def fallback(ev: Any, sh: Any, r: int, c: int) -> Any:
            vals = []
            for f in fns:
                v = f(ev, sh, r, c)
                if type(v) is Rng:
                    v = ev.get(v.sheet, v.r1, v.c1) if v.is_cell() else ev.to_arr(v)
                vals.append(v)
            try:
                return formulas_engine.call_function(name, vals)
            except formulas_engine.FormulasError as exc:
                raise Unverifiable("unsupported", name) from exc
        return fallback


def _const_value(node: Node) -> Any:
    if node[0] == "neg":
        return negate(_const_value(node[1]))
    return node[1]


def _cell_reader(target: Any, r1: int, a1: bool, c1: int, b1: bool) -> Fn:
    if target is None:
        if not a1 and not b1:
            def rel(ev: Any, sh: Any, r: int, c: int) -> Any:
                return ev.get(sh, r + r1, c + c1)
            return rel
        if a1 and b1:
            return lambda ev, sh, r, c: ev.get(sh, r1, c1)

    def reader(ev: Any, sh: Any, r: int, c: int) -> Any:
        row = r1 if a1 else r + r1
        col = c1 if b1 else c + c1
        if row < 1 or col < 1:
            return xv.REF
        return ev.get(target or sh, row, col)
    return reader


def _as_mode(fn: Fn, mode: str, actx: bool) -> Fn:
    """Adapt a function that may return a reference to a value-wanting consumer."""
    if mode == "ref":
        return fn
    if actx:
        def as_array(ev: Any, sh: Any, r: int, c: int) -> Any:
            v = fn(ev, sh, r, c)
            if type(v) is Rng:
                return ev.get(v.sheet, v.r1, v.c1) if v.is_cell() else ev.to_arr(v)
            return v
        return as_array

    def as_value(ev: Any, sh: Any, r: int, c: int) -> Any:
        v = fn(ev, sh, r, c)
        if type(v) is Rng:
            return ev.intersect(v, r, c)
        return v
    return as_value


def _scalar_call(spec: Spec, fns: list[Fn]) -> Fn:
    impl = spec.impl
    propagate = spec.propagate
    if propagate:
        def call_p(*vals: Any) -> Any:
            for v in vals:
                if type(v) is ErrorValue:
                    return v
            return impl(*vals)
        target = call_p
    else:
        target = impl

    if len(fns) == 1:
        f0 = fns[0]

        def one(ev: Any, sh: Any, r: int, c: int) -> Any:
            a = f0(ev, sh, r, c)
            if type(a) is Arr:
                return lift(target, [a])
            return target(a)
        return one
    if len(fns) == 2:
        f0, f1 = fns

        def two(ev: Any, sh: Any, r: int, c: int) -> Any:
            a, b = f0(ev, sh, r, c), f1(ev, sh, r, c)
            if type(a) is Arr or type(b) is Arr:
                return lift(target, [a, b])
            return target(a, b)
        return two

    def many(ev: Any, sh: Any, r: int, c: int) -> Any:
        vals = [f(ev, sh, r, c) for f in fns]
        for v in vals:
            if type(v) is Arr:
                return lift(target, vals)
        return target(*vals)
    return many


def _raw_call(spec: Spec, fns: list[Fn]) -> Fn:
    impl = spec.impl
    if len(fns) == 1:
        f0 = fns[0]
        return lambda ev, sh, r, c: impl(ev, f0(ev, sh, r, c))
    if len(fns) == 2:
        f0, f1 = fns
        return lambda ev, sh, r, c: impl(ev, f0(ev, sh, r, c), f1(ev, sh, r, c))
    if len(fns) == 3:
        f0, f1, f2 = fns
        return lambda ev, sh, r, c: impl(ev, f0(ev, sh, r, c), f1(ev, sh, r, c),
                                         f2(ev, sh, r, c))
    return lambda ev, sh, r, c: impl(ev, *[f(ev, sh, r, c) for f in fns])
