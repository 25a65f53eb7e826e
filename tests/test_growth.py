"""What a command holds grows with its rows, and stays small per row (issue #25)."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

from benchmarks.synth import agency_of_rows
from lkjip_xl.core.measurement import ukur
from lkjip_xl.workbook.write import write_workbook


def test_new_keeps_formulas_as_templates_until_the_sheet_is_written(tmp_path: Path) -> None:
    """xlsxwriter holds every cell until `close`; a formula cell is held as its column's template
    and its row (fast_sheet.RowFormula), not its rendered text: 14 KB a row before, under 8
    now (2,000 rows of issue #25's shape); the E.81's Renja sheets (issue #24) write about 40
    more formula cells per kegiatan row: 9.8 KB a row before them, 11.0 with them."""
    rows = 2000
    dok = agency_of_rows(rows)
    p = ukur(dok)
    tracemalloc.start()
    try:
        write_workbook(dok, tmp_path / "a.xlsx", pengukuran=p)
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak / rows < 12_000, peak / rows
