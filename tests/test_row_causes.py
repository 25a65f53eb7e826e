"""A row the document sets aside but the sheet's formulas still read (or leave out) is the one
cause of every wrong total it moves: a kegiatan row typed twice, a sub-kegiatan without its
kegiatan row. Typed into the sample, recalculated by LibreOffice, verified: one error at the row,
every wrong total listed under it (not eight unexplained `nilai-salah` whose "should be" reads as
if the formula were wrong)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from lkjip_xl.schema import TABLES
from lkjip_xl.verify import verify

ROOT = Path(__file__).resolve().parent.parent
KG = TABLES["KG"]


def _edited(tmp: Path, name: str, values: dict[str, object] | None) -> Path:
    from lkjip_xl.engines import libreoffice

    if not libreoffice.available():
        pytest.skip("LibreOffice not installed")
    wb = openpyxl.load_workbook(ROOT / "samples" / "denpasar_2019.xlsx")
    ws = wb[KG.sheet]
    code = KG.index("kode_kegiatan")
    last = max(r for r in range(KG.first_row, ws.max_row + 1) if ws.cell(r, code).value)
    row = last + 1
    if values is None:  # the second kegiatan row typed again at the end
        for c in range(1, ws.max_column + 1):
            ws.cell(row, c).value = ws.cell(KG.first_row + 1, c).value
    else:
        for key, v in values.items():
            ws.cell(row, KG.index(key)).value = v
    src = tmp / f"{name}.xlsx"
    wb.save(src)
    return libreoffice.recalculate(src, tmp / "lo")


@pytest.mark.libreoffice
@pytest.mark.slow
@pytest.mark.parametrize("case,code", [
    ("duplicate", "kode-ganda"),
    ("orphan-sub", "sub-kegiatan-tanpa-kegiatan"),
])
def test_a_set_aside_row_is_the_cause_of_the_totals_it_moves(case: str, code: str,
                                                             tmp_path: Path) -> None:
    values = None if case == "duplicate" else {
        "kode_program": "P6", "kode_kegiatan": "P6.09", "kode_sub": "P6.09.1",
        "uraian": "Sub-kegiatan tanpa kegiatan", "anggaran": 1_000_000, "realisasi": 900_000}
    report = verify(_edited(tmp_path, case, values))
    loud = [f for f in report.findings if f.severity != "info"]
    roots = [f for f in loud if "cause" not in f.params]
    assert [(f.code, f.severity) for f in roots] == [(code, "error")]
    root = roots[0]
    wrong = [f for f in loud if f.code == "nilai-salah"]
    assert len(wrong) >= 3  # programme and agency totals at least
    assert all(f.params["cause"] == root.location for f in wrong)
    assert sorted(root.params["akibat"]) == sorted(f.location for f in wrong)
