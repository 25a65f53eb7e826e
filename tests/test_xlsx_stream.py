"""Streamed rows (issue #25): rows written out before `close` give the very package xlsxwriter
writes from cells held until `close`, and nothing can be written or charted over them later.

Files are written twice, through `FastWorksheet` with rows streamed and through xlsxwriter's
public path with every cell held, and every part is compared byte for byte.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import xlsxwriter

from benchmarks.synth import synthetic_dokumen
from lkjip_xl.core.measurement import ukur
from lkjip_xl.measure import _Extend, bab3
from lkjip_xl.measure.carry import Carry
from lkjip_xl.measure.context import Ctx
from lkjip_xl.workbook import write
from lkjip_xl.workbook.write import write_workbook
from lkjip_xl.xlsx import fast_sheet
from lkjip_xl.xlsx.fast_sheet import FastWorksheet
from tests.test_xlsx_sheet import _assert_same_package

WHEN = dt.datetime(2026, 1, 2, 3, 4, 5)




@pytest.mark.parametrize("triwulan", [4, 2])
def test_measured_workbook_streamed_in_small_chunks_is_byte_identical(
        triwulan: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every table and Bab III sheet written out every 16 rows: dozens of runs per sheet, rows
    held between them (merged headers, the PTW table mid-year), marks cut across reads."""
    monkeypatch.setattr(write, "STREAM_ROWS", 16)
    monkeypatch.setattr(bab3, "STREAM_ROWS", 16)
    dok = synthetic_dokumen(150, seed=11)
    p = ukur(dok)
    paths = {}
    for fast in (True, False):
        extend = _Extend(Ctx(dok, p, triwulan), Carry())

        def hook(wb: Any, extend: _Extend = extend) -> None:
            wb.set_properties({"created": WHEN})
            extend(wb)

        paths[fast] = tmp_path / f"{fast}.xlsx"
        write_workbook(dok, paths[fast], pengukuran=p, extend=hook, fast=fast, keep=extend.keep,
                       rows=extend.ctx.values)
    _assert_same_package(paths[True], paths[False])


def _odd_rows(ws: Any, wb: Any, stream: bool) -> None:
    """Streamed runs with held rows inside them, rows written above and below them afterwards,
    heights on empty rows, and formats first used after a run (style numbers in row order)."""
    f = wb.add_format({"bold": True})
    g = wb.add_format({"italic": True})
    for r in range(20, 60):
        ws.write_formula(r, 3, f"=IF(A{r}=\"\",\"\",A{r})", f, "teks & <b> ü—€" if r % 3 else r)
        ws.write_number(r, 1, r / 7, g if r > 40 else f)
    ws.write_string(25, 0, "tanpa format")  # held: xlsxwriter writes a cell with no format
    ws.set_row(30, None, g)  # held: a formatted row
    ws.set_row(33, 30)
    ws.set_row(35, 12)  # an empty row with a height
    ws.merge_range(44, 0, 46, 2, "gabung", f)
    if stream:
        ws.stream_rows(20, 50)
    ws.write_string(5, 4, "di atas", wb.add_format({"underline": 1}))  # first used after
    ws.write_number(18, 9, 1.5, f)  # the same block of 16 rows as streamed row 20: wider spans
    ws.write_string(70, 0, "di bawah", f)
    ws.merge_range(52, 0, 52, 3, "lagi", f)
    if stream:
        ws.stream_rows(0, 100)


@pytest.mark.parametrize("memory, read", [(1 << 20, 1 << 20), (50, 7)])
def test_odd_rows_streamed_are_byte_identical(memory: int, read: int, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Also with the streamed text in a temporary file from the first rows on, read back 7
    bytes at a time: marks and three-byte characters cut across reads."""
    monkeypatch.setattr(fast_sheet, "SPILL_MEMORY", memory)
    monkeypatch.setattr(fast_sheet, "SPILL_READ", read)
    paths = {}
    for fast in (True, False):
        paths[fast] = tmp_path / f"{fast}.xlsx"
        wb = xlsxwriter.Workbook(str(paths[fast]))
        wb.set_properties({"created": WHEN})
        if fast:
            wb.worksheet_class = FastWorksheet  # type: ignore[assignment]
        _odd_rows(wb.add_worksheet("S"), wb, fast)
        wb.close()
    _assert_same_package(paths[True], paths[False])


def test_nothing_is_written_or_charted_over_streamed_rows(tmp_path: Path) -> None:
    wb = xlsxwriter.Workbook(str(tmp_path / "x.xlsx"))
    wb.worksheet_class = FastWorksheet  # type: ignore[assignment]
    ws = wb.add_worksheet("S")
    fmt = wb.add_format({"bold": True})
    for r in range(40):
        ws.write_number(r, 0, r, fmt)
    ws.stream_rows(10, 29)
    for write_over in (lambda: ws.write_number(15, 1, 1, fmt), lambda: ws.set_row(20, 30),
                       lambda: ws.merge_range(28, 0, 31, 0, "", fmt)):
        with pytest.raises(RuntimeError, match="already written"):
            write_over()
    ws.write_number(9, 1, 1, fmt)  # above and below the streamed rows: fine
    ws.write_number(30, 1, 1, fmt)
    ws.conditional_format(0, 0, 39, 0, {"type": "cell", "criteria": ">", "value": 5,
                                        "format": fmt})  # a rule over them: no cell written
    chart = wb.add_chart({"type": "column"})
    chart.add_series({"values": ["S", 0, 0, 39, 0]})
    ws.insert_chart(0, 3, chart)
    with pytest.raises(RuntimeError, match="already streamed"):
        wb.close()
