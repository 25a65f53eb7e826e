"""Our evaluator against LibreOffice: workbooks recalculated by headless Calc, then every formula
cell recomputed by `evaluate_grid` must equal the value Calc cached.

The only differences allowed are listed in LIBREOFFICE_DIFFERS, each where Calc parts from Excel
(we follow Excel) or lacks the function.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
import xlsxwriter

from lkjip_xl.audit import evaluate_grid, same_value, second_opinion
from lkjip_xl.audit.values import widen
from lkjip_xl.engines import libreoffice
from lkjip_xl.xlsx.grid import ErrorValue
from lkjip_xl.xlsx.stream import read_grid
from tests.test_audit_eval import CASES, CELLS, OTHER

pytestmark = [pytest.mark.libreoffice,
              pytest.mark.skipif(not libreoffice.available(), reason="LibreOffice not installed")]

_NO_LOGICALS = "Calc has no logical type: TRUE in A5 is the number 1 there"
LIBREOFFICE_DIFFERS = {
    "=0^0": "Calc gives 1, Excel #NUM!",
    '=1E20&""': "Calc writes 1E+020",
    '=SUM(1,"3",TRUE)': "Calc refuses text typed into SUM, Excel reads it",
    "=TRUE>5": _NO_LOGICALS, '=TRUE&""': _NO_LOGICALS, "=SUM(A1:A8)": _NO_LOGICALS,
    "=COUNT(A1:A8)": _NO_LOGICALS, '=COUNT(A1:A8,"3",TRUE)': _NO_LOGICALS,
    "=AVERAGE(A1:A8)": _NO_LOGICALS, "=COUNTIF(A1:A8,TRUE)": _NO_LOGICALS,
    '=CONCATENATE("a",1.5,TRUE)': _NO_LOGICALS,
    "=COUNTIF(I1:I6,12)": "Calc's numeric criterion skips numbers stored as text; Excel's counts them",
    "=LARGE(B1:B5,6)": "k past the end: Calc #VALUE!, Excel #NUM!",
    "=RANK(35,B1:B5)": "a number not in the list: Calc ranks it anyway, Excel #N/A",
    "=VLOOKUP(5,D1:F5,4)": "column past the table: Calc #VALUE!, Excel #REF!",
    "=INDEX(D1:F5,6,1)": "row past the range: Calc #VALUE!, Excel #REF!",
    "=MATCH(2,D1:E2,0)": "a 2-D lookup range: Calc #VALUE!, Excel #N/A",
    '=MATCH(1,(H1:H5="Dinas B")*(I1:I5=20),0)':
        "Calc evaluates arrays in a plain formula; Excel intersects (it needs an array formula)",
    "=SQRT(-1)": "Calc #VALUE!, Excel #NUM!",
    "=Hilang!A1": "a missing sheet: Calc #NAME?, we say #REF!",
    "=XLOOKUP(7,D1:D5,F1:F5)": "no XLOOKUP before LibreOffice 24.8",
    '=XLOOKUP(8,D1:D5,F1:F5,"tidak ada")': "no XLOOKUP before LibreOffice 24.8",
}


def _write_cases(path: Path) -> dict[str, tuple[int, int]]:
    """CELLS on sheet S, every CASES formula in column Z from row 100 (where Calc computes it)."""
    # future functions (IFNA, IFS, CONCAT...) carry their _xlfn. prefix, as Excel writes them
    wb = xlsxwriter.Workbook(str(path), {"use_future_functions": True})
    ws = wb.add_worksheet("S")
    other = wb.add_worksheet("Data Lain")
    for sheet, cells in ((ws, CELLS), (other, OTHER)):
        for ref, v in cells.items():
            if isinstance(v, ErrorValue):
                sheet.write_formula(ref, "=1/0")
            elif isinstance(v, str) and v.startswith("="):
                sheet.write_formula(ref, v)
            elif isinstance(v, str):
                sheet.write_string(ref, v)
            else:
                sheet.write(ref, v)
    wb.define_name("Tarif", "=S!$B$1")
    wb.define_name("Daftar", "=S!$B$1:$B$5")
    wb.define_name("Konstanta", "=0.1")
    where = {}
    for i, (formula, _) in enumerate(CASES):
        if "TODAY" in formula:
            continue
        ws.write_formula(99 + i, 25, formula)
        where[formula] = (100 + i, 26)
    wb.close()
    return where


def test_every_case_matches_libreoffice(tmp_path: Path) -> None:
    src = tmp_path / "cases.xlsx"
    where = _write_cases(src)
    out = libreoffice.recalculate(src, tmp_path / "lo")
    grid = read_grid(out)
    lo = {(s.name, r, c): widen(cell.value) for s in grid.sheets
          for (r, c), cell in s.cells.items() if cell.formula}
    ours = evaluate_grid(grid)
    differ = {}
    for formula, (r, c) in where.items():
        mine, theirs = ours.get(("S", r, c), "(not computed)"), lo[("S", r, c)]
        if not same_value(theirs, mine):
            differ[formula] = (mine, theirs)
    unexpected = {f: v for f, v in differ.items() if f not in LIBREOFFICE_DIFFERS}
    assert not unexpected, unexpected


def realistic(path: Path, rows: int = 300) -> None:
    """A data sheet and a computation sheet with the shapes LKjIP workbooks use."""
    wb = xlsxwriter.Workbook(str(path))
    data = wb.add_worksheet("Data")
    calc = wb.add_worksheet("Hitung Kinerja")
    data.write_row(0, 0, ["Kode", "Unit", "Target", "Realisasi", "Anggaran", "Serapan", "Tanggal"])
    for k in range(1, rows + 1):
        data.write_string(k, 0, f"K{k:04d}")
        data.write_string(k, 1, f"Unit {k % 7}")
        data.write_number(k, 2, 0 if k % 37 == 0 else 50 + k % 50)
        data.write_number(k, 3, 40 + (k * 7) % 60 + (k % 3) * 0.125)
        data.write_number(k, 4, 1000 + k * 13.5)
        data.write_number(k, 5, 900 + (k * 3) % 200 + 0.005 * k)
        data.write_datetime(k, 6, dt.datetime(2023, 1 + k % 12, 1 + k % 28),
                            wb.add_format({"num_format": "dd/mm/yyyy"}))
    formulas = [
        "=Data!A{r}", "=Data!B{r}",
        '=IF(Data!C{r}=0,"",Data!D{r}/Data!C{r}*100)',
        '=IF(C{r}="","",ROUND(C{r},2))',
        "=INDEX(Data!$B:$B,MATCH($A{r},Data!$A:$A,0))",
        "=SUMIFS(Data!$E:$E,Data!$B:$B,$B{r})",
        '=COUNTIFS(Data!$B:$B,$B{r},Data!$D:$D,">50")',
        "=IFERROR(VLOOKUP($A{r},Data!$A:$F,6,FALSE),0)",
        "=ROUND(Data!F{r}/Data!E{r}*100,2)",
        '=IF(D{r}="","-",IF(D{r}>=91,"Sangat Tinggi",IF(D{r}>=76,"Tinggi",'
        'IF(D{r}>=66,"Sedang",IF(D{r}>=51,"Rendah","Sangat Rendah")))))',
        "=SUMIF(Data!$B:$B,$B{r},Data!$F:$F)",
        "=AVERAGEIFS(Data!$C:$C,Data!$B:$B,$B{r},Data!$C:$C,\">0\")",
        "=ROUNDUP(I{r}/3,1)", "=ROUNDDOWN(I{r}*1.005,1)",
        "=IF(AND(F{r}>0,K{r}>0),ROUND(K{r}/F{r}*100,2),0)",
        "=RANK(I{r},$I$2:$I${last})", "=YEAR(Data!G{r})&\"-\"&TEXT(MONTH(Data!G{r}),\"00\")",
        "=SUMPRODUCT((Data!$B$2:$B${last}=$B{r})*(Data!$D$2:$D${last}>D{r}))",
        "=LEFT($A{r},2)&MID($A{r},3,2)&LEN(B{r})", '=IF(D{r}="",0,MAX(0,MIN(100,ROUND(I{r}-D{r},1))))',
        "=SUM(I$2:I{r})", "=COUNTIF(J$2:J{r},J{r})",
    ]
    for r in range(2, rows + 2):
        for j, f in enumerate(formulas):
            calc.write_formula(r - 1, j, f.format(r=r, last=rows + 1))
    calc.write_formula(rows + 1, 8, f"=AVERAGE(I2:I{rows + 1})")
    calc.write_formula(rows + 2, 8, f"=SUBTOTAL(9,I2:I{rows + 1})")
    wb.close()


def test_realistic_workbook_matches_libreoffice(tmp_path: Path) -> None:
    src = tmp_path / "kinerja.xlsx"
    realistic(src)
    lo = second_opinion(src, "libreoffice")
    grid = read_grid(libreoffice.recalculate(src, tmp_path / "lo"))
    t = time.perf_counter()
    ours = evaluate_grid(grid)
    elapsed = time.perf_counter() - t
    assert len(ours) == len(lo) > 6000
    bad = {k: (ours.get(k), v) for k, v in lo.items() if not same_value(v, ours.get(k))}
    assert not bad, dict(list(bad.items())[:10])
    assert elapsed < 30


def test_audit_of_a_libreoffice_file_is_clean(tmp_path: Path) -> None:
    """Calc's own cached values agree with ours: no stale-value or pattern findings at all."""
    from lkjip_xl.audit import audit_grid

    src = tmp_path / "kinerja.xlsx"
    realistic(src, rows=60)
    grid = read_grid(libreoffice.recalculate(src, tmp_path / "lo"))
    codes = {f.code for f in audit_grid(grid)}
    assert codes <= {"galat-tersembunyi-iferror"}, codes
