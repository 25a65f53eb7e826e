"""The generic formula audit: findings any .xlsx gets, whatever its layout.

`audit_grid` recomputes every formula (evaluator.py) and reports: stored values that differ from
the recomputation, error values, errors hidden by IFERROR / IFNA, a formula or a typed constant
that breaks the pattern of its neighbours, SUM / AVERAGE ranges one cell short, circular
references, iterative or manual calculation, links to other workbooks, DDE and web functions,
numbers stored as text, and hidden sheets / rows / columns / names that formulas depend on
(hidden.py).

One finding per cell per code; a run of at least GROUP_RUN cells down a column with the same
code and formula becomes one finding over the range (`{more}` says how many).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Container
from typing import Any

from lkjip_xl.audit.evaluator import MISS, Evaluator, FCell, SheetState, run_deep
from lkjip_xl.audit.hidden import Key, hidden_use
from lkjip_xl.audit.parser import RefSpec, formula_at, skeleton
from lkjip_xl.audit.values import widen
from lkjip_xl.core.findings import Finding
from lkjip_xl.core.number_text import typed_number
from lkjip_xl.xlsx.a1 import cell_name, location, range_name
from lkjip_xl.xlsx.compare import same_value
from lkjip_xl.xlsx.grid import ErrorValue, WorkbookGrid

GROUP_RUN = 10
_AGGREGATES = frozenset({"SUM", "SUBTOTAL", "AVERAGE", "COUNT", "COUNTA", "SUMIF", "SUMIFS",
                         "MIN", "MAX", "AGGREGATE", "SUMPRODUCT"})
_GROUPABLE = frozenset({"nilai-cache-basi", "nilai-galat", "galat-tersembunyi-iferror",
                        "tautan-eksternal", "fungsi-dde-web", "rumus-tidak-terbaca"})

_DIGIT = re.compile(r"\d")  # typed_number finds no number in text without one
_NOT_TEXT = frozenset({float, bool, ErrorValue})  # grid values that are never text


class _Audit:
    def __init__(self, grid: WorkbookGrid, ev: Evaluator, skip: Container[Key]) -> None:
        self.grid = grid
        self.ev = ev
        self.skip = skip
        self.book: list[Finding] = []
        # per-cell findings: (sheet index, row, col, code) -> (group key, Finding)
        self.cells: dict[tuple[int, int, int, str], tuple[Any, Finding]] = {}

    def add(self, sh: SheetState, r: int, c: int, code: str, severity: str, group: Any = None,
            **kw: Any) -> None:
        key = (sh.index, r, c, code)
        if key in self.cells:
            return
        params = kw.pop("params", {})
        params.setdefault("more", "")
        self.cells[key] = (group, Finding(code, severity, location(sh.name, r, c),  # type: ignore[arg-type]
                                          params=params, **kw))

    # -- the checks ---------------------------------------------------------------------------

    def run(self) -> list[Finding]:
        self.workbook()
        self.values()
        self.cycles()
        for sh in self.ev.sheets:
            self.patterns(sh)
            self.short_ranges(sh)
            self.text_numbers(sh)
        self.book.extend(hidden_use(self.grid, self.ev, self.skip))
        return self.book + self.grouped()

    def workbook(self) -> None:
        g = self.grid
        if g.iterate:
            self.book.append(Finding("kalkulasi-iteratif", "warning"))
        if (g.calc_mode or "").lower() == "manual":
            self.book.append(Finding("kalkulasi-manual", "warning"))
        for target in g.external_links:
            self.book.append(Finding("tautan-eksternal", "warning", "", found=target,
                                     params={"target": target or "?", "more": "",
                                             "formula": "externalLink",
                                             "location": "[workbook]"}))

    def values(self) -> None:
        missing: list[str] = []
        unsupported: dict[str, list[str]] = defaultdict(list)
        placeholder_zero = self.grid.full_calc_on_load
        zeros: list[tuple[SheetState, int, int, Any, Any, str]] = []
        calculated = 0  # formula cells whose cached value is a real (non-zero) result
        # formulas the grid reader saw fetching or running something (its list is the authority;
        # our own parse catches the same for grids built otherwise)
        hazards: dict[str, str] = {}
        for loc, hazard, _ in getattr(self.grid, "formula_hazards", []):
            hazards[loc] = ", ".join(filter(None, (hazards.get(loc), hazard)))
        for sh in self.ev.sheets:
            for (r, c) in sorted(sh.fcells):
                fc = sh.fcells[(r, c)]
                if (sh.name, r, c) in self.skip:
                    continue
                formula = fc.formula
                group = fc.shape.key
                base = {"formula": formula}
                here = location(sh.name, r, c)
                if fc.flag == "external":
                    self.add(sh, r, c, "tautan-eksternal", "warning", group, found=formula,
                             params={**base, "target": fc.detail})
                elif fc.flag == "dde-web" or here in hazards:
                    self.add(sh, r, c, "fungsi-dde-web", "error", group, found=formula,
                             params={**base, "target": hazards.get(here) or fc.detail})
                elif fc.flag == "unsupported":
                    unsupported[fc.detail].append(location(sh.name, r, c))
                elif fc.flag in ("syntax", "failed"):
                    self.add(sh, r, c, "rumus-tidak-terbaca", "info", group, found=formula,
                             params={**base, "detail": fc.detail})
                cached, value = fc.cached, fc.value
                checked = fc.flag is None
                if checked and placeholder_zero and cached == 0.0 and not same_value(cached, value):
                    # a 0 the writer left for "not calculated", or a stale 0 that viewers show:
                    # decided below, by whether the rest of the workbook was calculated
                    zeros.append((sh, r, c, group, value, formula))
                    cached = value
                if checked and cached is None:
                    if not same_value(cached, value):
                        missing.append(location(sh.name, r, c))
                    cached = value
                elif checked and placeholder_zero and cached != 0.0 and cached is not None:
                    calculated += 1
                if checked and not same_value(cached, value):
                    self.add(sh, r, c, "nilai-cache-basi", "error", group, found=cached,
                             expected=value, params=dict(base))
                shown = value if checked else cached
                if type(shown) is ErrorValue and not _deliberate_na(shown, formula):
                    self.add(sh, r, c, "nilai-galat", "error", (group, shown.code), found=shown,
                             params=dict(base))
                masked = self.ev.masked.get((sh.name, r, c))
                if masked is not None and checked:
                    self.add(sh, r, c, "galat-tersembunyi-iferror", "warning",
                             (group, masked[1].code), found=masked[1], expected=value,
                             params={**base, "function": masked[0]})
        # a workbook written with 0 for every formula (never calculated) has no other cached
        # results; where other formulas do carry results, a 0 that recomputes to something else
        # is stale: every viewer that does not recalculate shows it
        stale = calculated > 0 and len(zeros) < calculated
        for sh, r, c, group, value, formula in zeros:
            if stale:
                self.add(sh, r, c, "nilai-cache-basi", "error", group, found=0.0,
                         expected=value, params={"formula": formula})
            else:
                missing.append(location(sh.name, r, c))
        if missing:
            self.book.append(Finding("nilai-cache-tidak-ada", "info", "", found=len(missing),
                                     params={"count": len(missing), "first": missing[0]}))
        for name, where in sorted(unsupported.items()):
            self.book.append(Finding("fungsi-tidak-didukung", "info", where[0], found=name,
                                     params={"function": name, "count": len(where),
                                             "first": where[0]}))

    def cycles(self) -> None:
        seen: set[frozenset[Key]] = set()
        for members in self.ev.cycles:
            keys = [(sh.name, fc.row, fc.col) for sh, fc in members]
            ident = frozenset(keys)
            if ident in seen or all(k in self.skip for k in keys):
                continue
            seen.add(ident)
            names = [location(s, r, c) for s, r, c in keys]
            first_sheet, first_fc = members[0]
            cells = " → ".join(names + [names[0]])
            self.add(first_sheet, first_fc.row, first_fc.col, "referensi-melingkar", "error",
                     found=first_fc.formula, params={"cells": cells, "count": len(keys)})

    # -- patterns -----------------------------------------------------------------------------

    def patterns(self, sh: SheetState) -> None:
        """Odd formula / typed constant in a row or column of identical R1C1 formulas.

        A run is a line of occupied cells (formula cells, and numbers / text / booleans) down a
        column or along a row. A finding needs a formula cell at the cell itself or right next
        to it in the run, so only those cells are looked at, each with the two cells either side
        of it: the rest of the sheet is never read. Columns first, then rows (a cell odd both
        ways is reported as the column sees it)."""
        if not sh.fcells:
            return
        by_row: dict[int, list[int]] = defaultdict(list)
        for r, c in sh.fcells:
            by_row[r].append(c)
        for c, rows in sh.fcols.items():
            for r in _around(rows):
                self._check(sh, r, c, 1, 0)
        for r in sorted(by_row):
            for c in _around(sorted(by_row[r])):
                self._check(sh, r, c, 0, 1)

    def _occupant(self, sh: SheetState, r: int, c: int) -> Any:
        """The FCell or constant that occupies a cell for `patterns`, MISS when it is empty (or
        holds an error value)."""
        fc = sh.fcells.get((r, c))
        if fc is not None:
            return fc
        if r < 1 or c < 1:
            return MISS
        v = sh.value(r, c)
        t = type(v)
        return v if t is float or t is str or t is bool else MISS

    def _check(self, sh: SheetState, r: int, c: int, dr: int, dc: int) -> None:
        me_occ = self._occupant(sh, r, c)
        if me_occ is MISS or (sh.name, r, c) in self.skip:
            return
        # keys of the cells at offsets -2..2 within this cell's run (None: a constant, or not
        # in the run)
        keys: dict[int, str | None] = {0: me_occ.shape.key if type(me_occ) is FCell else None}
        for step in (-1, 1):
            keys[step] = keys[2 * step] = None
            for d in (step, 2 * step):
                o = self._occupant(sh, r + d * dr, c + d * dc)
                if o is MISS:  # the run ends here
                    break
                keys[d] = o.shape.key if type(o) is FCell else None
        me = keys[0]

        def at(d: int) -> tuple[int, int]:
            return r + d * dr, c + d * dc

        a: str | None = None
        if keys[-1] is not None and keys[-1] == keys[1] != me:
            # both neighbours agree and this cell does not
            a, pair = keys[-1], (at(-1), at(1))
        elif me is not None and keys[-1] != me and keys[1] != me:
            # a one-off formula at the edge of a pattern (the last item row above a total):
            # only a slip when it is the pattern's formula pointing elsewhere
            pair = (at(0), at(0))
            for j, k in ((-1, -2), (1, 2)):
                kj = keys[j]
                if kj is not None and kj == keys[k] and (skeleton(kj) == skeleton(me)
                                                         or _but_constants(kj) == _but_constants(me)):
                    a, pair = kj, (at(min(j, k)), at(max(j, k)))
                    break
        if a is None:
            return
        neighbours = f"{cell_name(*pair[0])}, {cell_name(*pair[1])}"
        if me is not None:
            self.add(sh, r, c, "rumus-tidak-konsisten", "warning",
                     found=me_occ.formula, expected=formula_at(a, r, c),
                     params={"neighbours": neighbours, "direction":
                             "kolom" if dr else "baris"})
            return
        value = me_occ
        if not _numberish(value):
            return
        expected = self._evaluate_shape(sh, a, r, c)
        self.add(sh, r, c, "konstanta-di-antara-rumus", "warning", found=value,
                 expected=expected, params={"neighbours": neighbours,
                                            "formula": formula_at(a, r, c)})

    def _evaluate_shape(self, sh: SheetState, key: str, r: int, c: int) -> Any:
        shape = self.ev.shape(key)
        if shape.fn is None:
            return None

        out: list[Any] = []
        # a throw-away cell, so a stand-in value never lands in the grid
        probe = FCell(r, c, formula_at(key, r, c), shape, None)

        def work() -> None:
            self.ev.enter(sh, probe)
            try:
                out.append(self.ev.finish(shape.fn(self.ev, sh, r, c), sh, r, c))  # type: ignore[misc]
            except Exception:
                out.append(None)
            finally:
                self.ev.leave()
        run_deep(work)
        self.ev.masked.pop((sh.name, r, c), None)
        return out[0] if out else None

    # -- SUM(E5:E9) above a number in E10 -----------------------------------------------------

    def short_ranges(self, sh: SheetState) -> None:
        for (r, c), fc in sh.fcells.items():
            if not fc.shape.sum_ranges or (sh.name, r, c) in self.skip:
                continue
            for fn, spec in fc.shape.sum_ranges:
                got = self._short(sh, r, c, spec)
                if got is None:
                    continue
                (tsh, nr, nc), (q1, p1, q2, p2), (e1, f1, e2, f2) = got
                self.add(sh, r, c, "rentang-kurang-satu", "warning",
                         found=range_name(q1, p1, q2, p2), expected=range_name(e1, f1, e2, f2),
                         params={"function": fn, "cell": location(tsh.name, nr, nc),
                                 "value": tsh.value(nr, nc), "formula": fc.formula})
                break

    def _short(self, sh: SheetState, r: int, c: int, spec: RefSpec) -> Any:
        target = sh if spec.sheet is None else self.ev.sheet_by_name(spec.sheet)
        if target is None:
            return None
        q1, p1, q2, p2 = spec.resolve(r, c)
        if p1 == p2 and q2 > q1:
            nxt, nxt2, last = (q2 + 1, p1), (q2 + 2, p1), (q2, p1)
            grown = (q1, p1, q2 + 1, p2)
        elif q1 == q2 and p2 > p1:
            nxt, nxt2, last = (q1, p2 + 1), (q1, p2 + 2), (q1, p2)
            grown = (q1, p1, q2, p2 + 1)
        else:
            return None
        me = (r, c) if target is sh else None
        if nxt == me or not self._number_at(target, last) or not self._number_at(target, nxt):
            return None
        fc = target.fcells.get(nxt)
        if fc is not None and fc.shape.functions & _AGGREGATES:
            return None  # the cell below is itself a total
        if nxt2 != me and self._number_at(target, nxt2):
            return None  # the block goes on: the range is a deliberate part of it
        return (target, *nxt), (q1, p1, q2, p2), grown

    @staticmethod
    def _number_at(sh: SheetState, pos: tuple[int, int]) -> bool:
        return type(sh.value(*pos)) is float

    # -- numbers stored as text ---------------------------------------------------------------

    def text_numbers(self, sh: SheetState) -> None:
        value = sh.value

        def num(r: int, c: int) -> bool:
            return type(value(r, c)) is float

        store, fcells, skip, name = sh.store, sh.fcells, self.skip, sh.name
        for r in store.rows():
            for c, v in store.row_values(r):
                # the grid's text cells (a value `widen` turns into text, e.g. an odd object
                # read by another loader, counts too); text with no digit is no number
                if type(v) is not str:
                    if v is None or type(v) in _NOT_TEXT:
                        continue
                    v = widen(v)
                    if type(v) is not str:
                        continue
                if not _DIGIT.search(v) or (r, c) in fcells or (name, r, c) in skip:
                    continue
                # the cheap test first: most text sits among text, not among numbers
                context = ((num(r - 1, c) and (num(r + 1, c) or num(r - 2, c)))
                           or (num(r, c - 1) and (num(r, c + 1) or num(r, c - 2)))
                           or (sh.index, r, c) in self._direct_refs())
                if not context:
                    continue
                got = typed_number(v)
                if got is None:
                    continue
                number, other = got
                alt = ""
                if other is not None:
                    alt = f" (atau {other:.10g})"
                self.add(sh, r, c, "angka-sebagai-teks", "warning", found=v, expected=number,
                         params={"alternative": alt, "alt_value": other})

    _direct_cache: set[tuple[int, int, int]] | None = None

    def _direct_refs(self) -> set[tuple[int, int, int]]:
        """Cells a formula reads by a single-cell reference."""
        if self._direct_cache is not None:
            return self._direct_cache
        out: set[tuple[int, int, int]] = set()
        for sh in self.ev.sheets:
            for (r, c), fc in sh.fcells.items():
                if (sh.name, r, c) in self.skip:  # judged by the layout verifier, which
                    continue  # reports text numbers in its inputs itself
                for spec in fc.shape.refs:
                    if spec.kind != "cell" or spec.external:
                        continue
                    target = sh if spec.sheet is None else self.ev.sheet_by_name(spec.sheet)
                    if target is not None:
                        q1, p1, _, _ = spec.resolve(r, c)
                        out.add((target.index, q1, p1))
        self._direct_cache = out
        return out

    # -- grouping -----------------------------------------------------------------------------

    def grouped(self) -> list[Finding]:
        items = sorted(self.cells.items())
        out: list[Finding] = []
        runs: dict[tuple[int, int, str, Any], list[tuple[int, Finding]]] = defaultdict(list)
        order: list[tuple[tuple[int, int, int, str], Any]] = []
        for (idx, r, c, code), (group, f) in items:
            if code in _GROUPABLE and group is not None:
                runs[(idx, c, code, group)].append((r, f))
                order.append(((idx, r, c, code), ("run", (idx, c, code, group))))
            else:
                order.append(((idx, r, c, code), ("one", f)))
        emitted: dict[tuple[int, int, int, str], Finding] = {}
        for gkey, members in runs.items():
            idx, c, code, _ = gkey
            i = 0
            while i < len(members):
                j = i
                while j + 1 < len(members) and members[j + 1][0] == members[j][0] + 1:
                    j += 1
                chunk = members[i:j + 1]
                if len(chunk) >= GROUP_RUN:
                    first_r, f = chunk[0]
                    last_r = chunk[-1][0]
                    sheet = self.ev.sheets[idx].name
                    f.location = location(sheet, first_r, c, last_r, c)
                    f.params["count"] = len(chunk)
                    f.params["more"] = f" (×{len(chunk)})"
                    emitted[(idx, first_r, c, code)] = f
                else:
                    for rr, ff in chunk:
                        emitted[(idx, rr, c, code)] = ff
                i = j + 1
        for key, (kind, payload) in sorted(order, key=lambda x: x[0]):
            if kind == "one":
                out.append(payload)
            elif key in emitted:
                out.append(emitted[key])
        return out


_CONSTANT_TERM = re.compile(r"[*/+\-](?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+\-]?\d+)?(?![\w`.\]])")


def _but_constants(shape: str) -> str:
    """A shape with its arithmetic on literal numbers taken out (`*1.1`, `+5`): the last row of a
    block computed as its neighbours but for a constant slipped in."""
    return _CONSTANT_TERM.sub("", shape)


def _around(sorted_ints: list[int]) -> list[int]:
    """Each of the sorted numbers and its neighbours (x - 1, x + 1), sorted, without repeats."""
    out: list[int] = []
    last = -1
    for x in sorted_ints:
        for y in (x - 1, x, x + 1):
            if y > last:
                out.append(y)
                last = y
    return out


def _numberish(v: Any) -> bool:
    if type(v) is float:
        return True
    return type(v) is str and typed_number(v) is not None and bool(re.search(r"\d", v))


def _deliberate_na(value: ErrorValue, formula: str) -> bool:
    """#N/A from an explicit NA() call: the Excel idiom for a gap in a chart, not a slip."""
    return value.code == "#N/A" and "NA()" in formula.upper().replace(" ", "")


def audit_grid(grid: WorkbookGrid, *, skip: Container[Key] | None = None) -> list[Finding]:
    """Findings of the generic formula audit for one workbook grid.

    `skip` holds (sheet, row, col) cells a layout-aware verifier judges itself: they get no
    findings here and are not recomputed: cells that depend on them read their cached value
    (the verifier has already compared it with the domain core). This keeps a layout workbook's
    audit to the few cells the layout does not own. Only membership (`(sheet, row, col) in
    skip`) and truth are asked of it: a set, or any container that answers `in` without
    holding the cells one by one.
    """
    skipped: Container[Key] = skip if skip else frozenset()
    ev = Evaluator(grid, cached_volatile=True, trusted=skipped)
    ev.run()
    return _Audit(grid, ev, skipped).run()


__all__ = ["audit_grid", "same_value", "widen"]
