"""Each computed cell's cached value equals the domain core's value for the workbook's inputs.

Rows are matched by code, not by position: computed row r mirrors input row m (after any
inserted or deleted row, formulas_check.detect_shifts), and the expected values are the domain
core's for the code found in row m (`layout.values.computed_rows`). Numbers agree within 1e-9
relative plus 1e-9 absolute: LibreOffice snaps differences near zero.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from ..findings import Finding
from ..layout import TABLES
from ..layout.values import BLANK, Row, computed_rows, summary_values
from ..model import Dokumen
from ..reader import _Conv, loc
from .formulas_check import _UNKNOWN, MirrorMap
from .structure import Structure, placed_summary

REL, ABS = 1e-9, 1e-9
UNCALCULATED_SHARE = 0.9  # this share of non-blank expectations cached as blank: never calculated

_text = _Conv(None).text


def same_value(found: Any, expected: Any) -> bool:
    if expected is None or expected == BLANK:
        return found is None or found == ""
    if isinstance(expected, bool):
        return found is expected or found == expected
    if isinstance(expected, (int, float)):
        if isinstance(found, bool) or not isinstance(found, (int, float)):
            return False
        if math.isnan(found):
            return False
        return abs(found - expected) <= REL * max(abs(found), abs(expected)) + ABS
    if isinstance(found, float) and found.is_integer():
        found = int(found)
    # text inputs are read stripped (reader._Conv.text): a mirrored "\t=1+1" is the input "=1+1"
    return found is not None and str(found).strip() == str(expected).strip()


def _keys(table_key: str) -> tuple[str, ...]:
    return {"PKK": ("kode",), "PTW": ("kode",), "AK": ("kode_kegiatan", "kode_sub"),
            "AP": ("kode",), "AE": ("kode",)}[table_key]


_MIRROR_KEYS = {"IK": ("kode",), "KG": ("kode_kegiatan", "kode_sub"), "PG": ("kode",),
                "SS": ("kode",)}


@dataclass
class Expected:
    rows: dict[str, dict[int, Row]] = field(default_factory=dict)  # table -> actual row -> values
    summary: dict[str, Any] = field(default_factory=dict)
    duplicates: set[tuple[str, int]] = field(default_factory=set)
    error: str | None = None

    def value(self, table_or_sheet: str, row: int, key: str) -> Any:
        if table_or_sheet in self.rows:
            r = self.rows[table_or_sheet].get(row)
            return _UNKNOWN if r is None or key not in r else r[key]
        v = self.summary.get(f"{table_or_sheet}:{key}", _UNKNOWN)
        return v


def _match_positions(st: Structure, table_key: str) -> dict[str, int]:
    p, sg = st.placed.get(table_key), st.sheet(TABLES[table_key].sheet)
    out: dict[str, int] = {}
    if p is None or sg is None or "kode" not in p.columns:
        return out
    for r in range(p.first, max(p.last, sg.max_row) + 1):
        code = _text(sg.value(r, p.columns["kode"]))
        if code is not None and code not in out:
            out[code] = r - p.first + 1
    return out


def expected_values(st: Structure, dok: Dokumen | None, mirror: MirrorMap) -> Expected:
    ex = Expected()
    if dok is None:
        ex.error = "no document"
        return ex
    try:
        from ..measurement import ukur

        p = ukur(dok)
        computed = computed_rows(dok, p)
        ex.summary = summary_values(dok, p)
    except (ValueError, TypeError, KeyError, ZeroDivisionError, ArithmeticError) as exc:
        ex.error = f"{type(exc).__name__}: {exc}"
        return ex
    match = {k: _match_positions(st, k) for k in ("PK", "RA", "RK")}
    for key, rows in computed.items():
        by_key: dict[tuple[str, ...], Row] = {}
        for row in rows:
            by_key.setdefault(tuple(str(row.get(k) or "") for k in _keys(key)), row)
        table = TABLES[key]
        mkey = table.mirror or ""
        pm = st.placed.get(mkey)
        msg = st.sheet(TABLES[mkey].sheet) if mkey else None
        seen: set[tuple[str, ...]] = set()
        out: dict[int, Row] = {}
        for r, m in mirror.get(key, {}).items():
            if m is None or pm is None or msg is None:
                continue
            ident = tuple(_text(msg.value(m, pm.columns[k])) or "" if k in pm.columns else ""
                          for k in _MIRROR_KEYS[mkey])
            if not any(ident):
                out[r] = {c.key: BLANK for c in table.columns}
                continue
            if ident in seen:
                ex.duplicates.add((key, r))
                continue
            seen.add(ident)
            found = by_key.get(ident)
            if found is None:
                continue
            row = found
            if key == "PKK":
                code = ident[0]
                row = {**row, **{f"m_{t.lower()}": match[t].get(code, BLANK) for t in match}}
            out[r] = row
        ex.rows[key] = out
    return ex


def check_values(st: Structure, ex: Expected, settled: set[tuple[str, int, int]],
                 expected_cells: dict[tuple[str, int, int], Any] | None = None) -> list[Finding]:
    """Cached values of the layout's formula cells against the domain's values.

    `expected_cells` (optional) receives every (sheet, row, col) -> expected value compared."""
    if ex.error is not None:
        return [Finding("nilai-tidak-dapat-dihitung", "warning", "", found=ex.error)]
    wrong: list[Finding] = []
    non_blank = blank_cached = 0
    cells: list[tuple[str, int, int, Any]] = []
    for key, rows in ex.rows.items():
        table, p = TABLES[key], st.placed.get(key)
        sg = st.sheet(table.sheet)
        if p is None or sg is None:
            continue
        for r, expected in rows.items():
            for c in table.columns:
                col = p.columns.get(c.key)
                if col is None or c.key not in expected:
                    continue
                cells.append((table.sheet, r, col, expected[c.key]))
    for sheet_name, sc, row, col in placed_summary(st):
        exp = ex.summary.get(f"{sheet_name}:{sc.key}", _UNKNOWN)
        if exp is not _UNKNOWN:
            cells.append((sheet_name, row, col, exp))
    for sheet_name, r, col, exp in cells:
        sg = st.sheet(sheet_name)
        if sg is None or (sg.name, r, col) in settled:
            continue
        cell = sg.get(r, col)
        if cell is None or not cell.formula:
            continue
        if expected_cells is not None:
            expected_cells[(sg.name, r, col)] = exp
        found = cell.value
        if exp not in (None, BLANK):
            non_blank += 1
            if found in (None, ""):
                blank_cached += 1
        if not same_value(found, exp):
            wrong.append(Finding("nilai-salah", "error", loc(sheet_name, r, col),
                                 found=found if found != "" else None,
                                 expected=exp if exp != BLANK else None))
    if non_blank and blank_cached >= UNCALCULATED_SHARE * non_blank:
        return [Finding("nilai-belum-dihitung", "info", "", params={"count": blank_cached})]
    return wrong


__all__ = ["Expected", "check_values", "expected_values", "same_value"]
