"""FastWorksheet writes exactly the bytes xlsxwriter's own path writes.

Every file here is written twice, once through `FastWorksheet` and once through xlsxwriter's
public per-cell path, and every part of the two packages is compared byte for byte (the core
properties part carries the time of writing, so both get the same date).
"""

from __future__ import annotations

import datetime as dt
import math
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pytest
import xlsxwriter
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange
from xlsxwriter.worksheet import Worksheet

from benchmarks.synth import synthetic_dokumen
from lkjip_xl import dataformat
from lkjip_xl.core.measurement import ukur
from lkjip_xl.core.model import Dokumen
from lkjip_xl.measure import _Extend
from lkjip_xl.measure.carry import Carry
from lkjip_xl.measure.context import Ctx
from lkjip_xl.measure.styling import Capaian
from lkjip_xl.workbook.write import write_workbook
from lkjip_xl.xlsx.fast_sheet import FastWorksheet
from lkjip_xl.xlsx.rule_ranges import MAX_RANGES_PER_RULE

ROOT = Path(__file__).resolve().parents[1]
WHEN = dt.datetime(2026, 1, 2, 3, 4, 5)


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def _assert_same_package(a: Path, b: Path) -> None:
    pa, pb = _parts(a), _parts(b)
    assert list(pa) == list(pb)
    differ = [n for n in pa if pa[n] != pb[n]]
    assert differ == []


def _both(tmp_path: Path, write: Callable[[Path, bool], None]) -> tuple[Path, Path]:
    fast, slow = tmp_path / "fast.xlsx", tmp_path / "slow.xlsx"
    write(fast, True)
    write(slow, False)
    return fast, slow


def _dated(extend: Callable[[Any], None] | None = None) -> Callable[[Any], None]:
    def hook(wb: Any) -> None:
        wb.set_properties({"created": WHEN})
        if extend is not None:
            extend(wb)
    return hook


DOCS: dict[str, Callable[[], Dokumen]] = {
    "denpasar": lambda: dataformat.load(ROOT / "samples" / "denpasar_2019.yaml"),
    "per_triwulan": lambda: dataformat.load(ROOT / "samples" / "synthetic_per_triwulan.yaml"),
    "synthetic_120": lambda: synthetic_dokumen(120, seed=7),
}


@pytest.mark.parametrize("name", DOCS)
def test_new_workbook_is_byte_identical(name: str, tmp_path: Path) -> None:
    dok = DOCS[name]()
    fast, slow = _both(tmp_path, lambda p, f: write_workbook(dok, p, extend=_dated(), fast=f))
    _assert_same_package(fast, slow)


@pytest.mark.parametrize("name", DOCS)
@pytest.mark.parametrize("triwulan", [4, 2])
def test_measured_workbook_is_byte_identical(name: str, triwulan: int, tmp_path: Path) -> None:
    dok = DOCS[name]()
    p = ukur(dok)

    def write(path: Path, fast: bool) -> None:
        extend = _Extend(Ctx(dok, p, triwulan), Carry())
        write_workbook(dok, path, pengukuran=p, extend=_dated(extend), fast=fast,
                       keep=extend.keep, rows=extend.ctx.values)  # as measure_dokumen

    fast, slow = _both(tmp_path, write)
    _assert_same_package(fast, slow)


def _odd_cells(ws: Worksheet, wb: Any) -> None:
    """Every kind of cell and row the short path meets or must leave to xlsxwriter."""
    f = wb.add_format({"bold": True})
    ws.set_row(3, 30)
    ws.set_row(9, None, None, {"hidden": True})
    ws.set_row(40, 20)  # a row with a height and no cells
    ws.write_formula(0, 0, "=A2&\"<b> & c\"", f, "<b> & c")
    ws.write_formula(0, 1, "=1/0", f, "#DIV/0!")
    ws.write_formula(0, 2, "=TRUE()", f, True)
    ws.write_formula(0, 3, "=A1=\"\"", f, False)
    ws.write_formula(0, 4, "=B1", f, "")
    ws.write_formula(0, 5, "=B1", f, None)
    ws.write_formula(0, 6, "=B1*2", f, 12345678901234567.5)
    ws.write_formula(0, 7, "=B1", None, 3)  # no format: xlsxwriter's path
    ws.write_formula(1, 0, "=STDEV.S(A1:A3)", f, 1)  # rewritten: _xlfn.
    ws.write_formula(1, 1, "=FILTER(A1:A3,A1:A3>0)", f, 1)  # dynamic array
    ws.write_formula(1, 2, "{=SUM(A1:A3*B1:B3)}", f, 1)  # array formula
    ws.write_formula(1, 3, "=_xlfn.XLOOKUP(1,A1:A3,B1:B3)", f, 1)
    ws.write_formula(1, 4, "=LOG10(100)+ATAN2(1,1)", f, 2)
    ws.write_formula(1, 5, "=T.DIST.2T(1,2)", f, 0.4)
    ws.write_formula(1, 6, "={1,2}", f, 1)
    ws.write_number(2, 0, 1.5, f)
    ws.write_number(2, 1, 1e-300, f)
    ws.write_number(2, 2, math.nan, f)
    ws.write_number(2, 3, math.inf, f)
    ws.write_number(2, 4, 7, None)
    ws.write_blank(2, 5, None, f)
    ws.write_string(2, 6, "teks & <tag>", f)
    ws.write_string(2, 7, " spasi ", None)
    ws.write_boolean(3, 0, True, f)
    ws.write_url(3, 1, "https://example.org", f)
    ws.write_comment(5, 5, "catatan")
    ws.merge_range(6, 0, 7, 2, "gabung", f)
    ws.write_rich_string(8, 0, "a", f, "b")
    ws.write_datetime(9, 0, dt.datetime(2024, 5, 6), wb.add_format({"num_format": "yyyy-mm-dd"}))
    for r in range(20, 60):
        ws.write_formula(r, 30, f"=IF(A{r}=\"\",\"\",A{r})", f, r)


@pytest.mark.parametrize("comments", [True, False])
def test_odd_cells_are_byte_identical(comments: bool, tmp_path: Path) -> None:
    def write(path: Path, fast: bool) -> None:
        wb = xlsxwriter.Workbook(str(path), {"nan_inf_to_errors": True})
        wb.set_properties({"created": WHEN})
        if fast:
            wb.worksheet_class = FastWorksheet  # type: ignore[assignment]
        ws = wb.add_worksheet("S")
        _odd_cells(ws, wb)
        if not comments:
            ws.comments.clear()
        wb.add_worksheet("kosong")  # an empty sheet: no rows at all
        wb.close()

    fast, slow = _both(tmp_path, write)
    _assert_same_package(fast, slow)


def test_plain_formula_answers() -> None:
    fast = FastWorksheet()
    assert fast.is_plain_formula('=IF(A1="","",A1)')
    assert fast.is_plain_formula("=SUMPRODUCT((KG_kode=$A5)*KG_anggaran)")
    assert fast.is_plain_formula("=A1&\"\"")
    for formula in ("=STDEV.S(A1:A3)", "=FILTER(A1:A3,A1:A3>0)", "{=SUM(A1:A3)}",
                    "=SORT(A1:A3)", "=T.DIST.2T(1,2)", "=", "", "=A1}", "{=A1"):
        assert not fast.is_plain_formula(formula), formula


def test_predicate_colour_rules_cover_exactly_the_ranges(tmp_path: Path) -> None:
    dok = dataformat.load(ROOT / "samples" / "denpasar_2019.yaml")
    path = tmp_path / "cf.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    ws_a, ws_b = wb.add_worksheet("A"), wb.add_worksheet("B")
    cap = Capaian()
    wanted: dict[str, set[tuple[int, int]]] = {"A": set(), "B": set()}

    def add(ws: Worksheet, first: int, col: int, last: int) -> None:
        cap.add(ws, first, col, last)
        wanted[ws.name] |= {(r + 1, col + 1) for r in range(first, last + 1)}

    # scattered, touching, overlapping and out of order, in two columns and two sheets
    for k in range(MAX_RANGES_PER_RULE + 37):
        add(ws_a, 1000 - 3 * k, 5, 1000 - 3 * k)
    add(ws_a, 2000, 5, 2004)
    add(ws_a, 2005, 5, 2006)
    add(ws_a, 2003, 5, 2010)
    add(ws_a, 4, 2, 9)
    add(ws_b, 7, 0, 7)
    cap.apply(wb, Ctx(dok, ukur(dok)))
    wb.close()

    # read the XML itself: openpyxl keeps a rule's ranges as a set, losing their order
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    bands = len(dok.pengaturan.predikat)
    with zipfile.ZipFile(path) as z:
        parts = {"A": z.read("xl/worksheets/sheet1.xml"), "B": z.read("xl/worksheets/sheet2.xml")}
    for name, cells in wanted.items():
        covered: set[tuple[int, int]] = set()
        for block in ET.fromstring(parts[name]).iterfind("m:conditionalFormatting", ns):
            ranges = [CellRange(r) for r in block.attrib["sqref"].split()]
            assert len(ranges) <= MAX_RANGES_PER_RULE
            tops = [(r.min_row, r.min_col) for r in ranges]
            anchor = tops[0]
            assert anchor == min(tops)  # the first range is the top-left one
            assert all(r.min_col == r.max_col == anchor[1] for r in ranges)  # one column
            letter = get_column_letter(anchor[1])
            rules = block.findall("m:cfRule/m:formula", ns)
            assert len(rules) == bands
            for rule in rules:
                assert (rule.text or "").startswith(f"AND(ISNUMBER({letter}{anchor[0]})")
            for r in ranges:
                for row in range(r.min_row, r.max_row + 1):
                    covered.add((row, r.min_col))
        assert covered == cells
