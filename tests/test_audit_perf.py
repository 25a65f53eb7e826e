"""Speed: 5,000 rows x 16 formula columns of the shapes LKjIP workbooks use (IF, INDEX/MATCH,
SUMIFS / COUNTIFS / AVERAGEIFS over whole columns, VLOOKUP, ROUND) must evaluate in seconds.

Measured on the development machine (2 cores): evaluate_grid about 3 s for the 80,000 formula
cells, audit_grid about 5 s. The bounds below leave room for a slow CI machine, not for an
O(n^2) regression (which takes minutes here).
"""

from __future__ import annotations

import time

from lkjip_xl.audit import audit_grid, evaluate_grid
from lkjip_xl.xlsx.grid import Cell, SheetGrid, WorkbookGrid

FORMULAS = [
    "=Data!A{r}",
    "=Data!B{r}",
    '=IF(Data!C{r}=0,"",Data!D{r}/Data!C{r}*100)',
    "=ROUND(C{r},2)",
    "=INDEX(Data!$B:$B,MATCH($A{r},Data!$A:$A,0))",
    "=SUMIFS(Data!$E:$E,Data!$B:$B,$B{r})",
    '=COUNTIFS(Data!$B:$B,$B{r},Data!$D:$D,">50")',
    "=IFERROR(VLOOKUP($A{r},Data!$A:$F,6,FALSE),0)",
    "=ROUND(Data!F{r}/Data!E{r}*100,2)",
    '=IF(D{r}>=91,"Sangat Tinggi",IF(D{r}>=76,"Tinggi",IF(D{r}>=66,"Sedang",'
    'IF(D{r}>=51,"Rendah","Sangat Rendah"))))',
    "=SUMIF(Data!$B:$B,$B{r},Data!$F:$F)",
    "=AVERAGEIFS(Data!$C:$C,Data!$B:$B,$B{r})",
    "=MATCH($A{r},Data!$A:$A,0)",
    "=MAX(0,MIN(100,D{r}))",
    "=ROUNDUP(I{r}/3,1)",
    "=IF(AND(F{r}>0,K{r}>0),ROUND(K{r}/F{r}*100,2),0)",
]


def build(n: int = 5000, units: int = 40) -> WorkbookGrid:
    data, calc = SheetGrid("Data"), SheetGrid("Hitung Kinerja")
    for i, h in enumerate(["Kode", "Unit", "Target", "Realisasi", "Anggaran", "Serapan"], 1):
        data.cells[(1, i)] = Cell(value=h)
    for r in range(2, n + 2):
        k = r - 1
        for c, v in enumerate([f"K{k:05d}", f"Unit {k % units}", float(50 + k % 50),
                               float(40 + (k * 7) % 60), float(1000 + k),
                               float(900 + (k * 3) % 200)], 1):
            data.cells[(r, c)] = Cell(value=v)
        for j, f in enumerate(FORMULAS, 1):
            calc.cells[(r, j)] = Cell(formula=f.format(r=r))
    return WorkbookGrid("bench.xlsx", sheets=[data, calc])


def test_5000_rows_evaluate_in_seconds() -> None:
    grid = build()
    t = time.perf_counter()
    values = evaluate_grid(grid)
    elapsed = time.perf_counter() - t
    print(f"\nevaluate_grid: {len(values)} formula cells in {elapsed:.2f} s")
    assert len(values) == 80_000
    assert values[("Hitung Kinerja", 2, 5)] == "Unit 1"
    assert values[("Hitung Kinerja", 2, 6)] == sum(1000.0 + k for k in range(1, 5001)
                                                  if k % 40 == 1)
    assert elapsed < 30

    for (_sheet, r, c), v in values.items():  # as if a spreadsheet had saved them
        grid.sheets[1].cells.set_value(r, c, v)
    t = time.perf_counter()
    findings = audit_grid(grid)
    elapsed = time.perf_counter() - t
    print(f"audit_grid: {len(findings)} findings in {elapsed:.2f} s")
    assert findings == []
    assert elapsed < 45


def test_trusted_cells_are_not_copied() -> None:
    """With every formula cell trusted (verify's common case) the audit reads the grid where it
    lies: no copy of its values, no set of the trusted cells, no Cell objects built."""
    import tracemalloc

    grid = build()
    trusted = frozenset((s.name, r, c) for s in grid.sheets for r, c, _ in s.cells.formulas())

    class MembershipOnly:
        def __contains__(self, key: object) -> bool:
            return key in trusted

        def __bool__(self) -> bool:
            return True

    audit_grid(build(50), skip=MembershipOnly())  # imports and first-use caches out of the way
    tracemalloc.start()
    try:
        findings = audit_grid(grid, skip=MembershipOnly())
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert findings == []
    # 110,000 cells: a dict of their values alone is ~12 MB, a copy of the skip set ~4 MB
    assert peak < 4_000_000, peak
