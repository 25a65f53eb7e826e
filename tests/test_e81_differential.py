"""The E.81's live formulas, the domain core (`core.evaluasi`) and verify agree (issue #24, Must show).

Generated documents (`tests/docgen.py` with `tests/docgen_renja.py`: indicators at programme,
kegiatan and sub-kegiatan level over every polaritas x agregasi, both `nilai_tw`, with and
without money history) go through `new` and `measure`; LibreOffice recalculates every file;
then the differential of `tests/test_differential.py` holds (every formula's recalculated value
equals the cached one, verify says nothing above info before and after), and every cell of the
three Renja sheets and the E.81 report sheet, as LibreOffice computed it, equals the column
`core.evaluasi.evaluasi_renja` gives for its owner; and every K and Rp cell of the E.80 sheet
(*Evaluasi Renstra*, with its footer), recalculated in the same LibreOffice run, equals
`core.evaluasi_renstra` through `kolom_e80(...).of`.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest

from lkjip_xl.core.domain.renja import Kolom
from lkjip_xl.core.evaluasi import PROGRAM, evaluasi_renja
from lkjip_xl.core.model import NILAI_TW, Dokumen
from lkjip_xl.schema.e81_form import E81_SHEET, PAIRS
from lkjip_xl.schema.renja_tables import EVALUASI_INDIKATOR, EVALUASI_KEGIATAN, EVALUASI_PROGRAM
from lkjip_xl.workbook import tree
from lkjip_xl.xlsx.grid import SheetGrid
from lkjip_xl.xlsx.stream import read_grid
from tests import docgen, docgen_renja
from tests.test_differential import run_documents
from tests.test_e80_sheet import compare_with_evaluasi_renstra

pytestmark = [pytest.mark.libreoffice, pytest.mark.slow]


def documents() -> list[Dokumen]:
    """Both nilai_tw, each with and without money history; every polaritas x agregasi at
    every level across the set."""
    out = []
    for n, (tw, history) in enumerate([(tw, h) for tw in NILAI_TW for h in (True, False)] * 2):
        dok = docgen.build(2400 + n, nilai_tw=tw, kinds=docgen_renja.KINDS[n % 3::3])
        out.append(docgen_renja.renja(dok, 2400 + n, history=history))
    return out


def _num(v: Any) -> Any:
    if v is None or v == "":
        return None
    return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else v


def _same(a: Any, b: Any) -> bool:
    a, b = _num(a), _num(b)
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-6)
    return bool(a == b)


def _kolom(k: Kolom) -> dict[str, float | None]:
    out = {"5": k.k5, "6": k.k6, "7": k.k7, "12": k.k12, "12a": k.k12a, "13": k.k13,
           "14": k.k14}
    out.update({str(8 + q): k.tw[q] for q in range(4)})
    return out


def _row(sheet: SheetGrid, table: Any, index: int, prefix: str) -> dict[str, Any]:
    return {p.nomor: sheet.value(table.first_row + index, table.index(prefix + p.nomor))
            for p in PAIRS}


def compare_with_evaluasi(dok: Dokumen, lo_file: Path) -> tuple[int, list[str]]:
    """Every K and Rp cell of the Renja sheets, as LibreOffice computed it, against the E.81 of
    `core.evaluasi` for its owner; and the form's printed sums where they hold."""
    grid = read_grid(lo_file)
    eip, erk, erp = (grid.sheet(t.sheet) for t in (EVALUASI_INDIKATOR, EVALUASI_KEGIATAN,
                                                  EVALUASI_PROGRAM))
    assert eip is not None and erk is not None and erp is not None
    ev = evaluasi_renja(dok)
    chains = tree.chains(dok)  # which row of each table holds which object
    ip_rows = {id(c[-1]): n for n, c in enumerate(chains["IP"])}
    kg_rows = {(c[1].kode, c[2].kode if len(c) > 2 else None): n
               for n, c in enumerate(chains["KG"])}
    pg_rows = {c[-1].kode: n for n, c in enumerate(chains["PG"])}
    n, bad = 0, []
    for owner in ev.pemilik:
        if owner.tingkat == PROGRAM:
            got = _row(erp, EVALUASI_PROGRAM, pg_rows[owner.kode_program], "rp")
        else:
            got = _row(erk, EVALUASI_KEGIATAN, kg_rows[(owner.kode_kegiatan, owner.kode_sub)],
                       "rp")
        want = _kolom(owner.rp)
        for col, value in want.items():
            n += 1
            if not _same(got[col], value):
                bad.append(f"{lo_file.name} Rp {owner.tingkat} {owner.kode} col {col}: "
                           f"LibreOffice {got[col]!r}, core.evaluasi {value!r}")
        # the printed sums hold for money: 12 = 8+9+10+11 on a row of its own money typed in
        # quarters (a parent's sums may hold children typed annually only), 13 = 6+12
        own = owner.rp_sendiri and owner.tingkat != PROGRAM
        if own and owner.rp.k12 is not None and all(v is not None for v in owner.rp.tw):
            if not math.isclose(sum(owner.rp.tw), owner.rp.k12, rel_tol=1e-9, abs_tol=1e-3):
                if not any(a.kode == "tw-beda-tahunan" for a in owner.rp.alasan):
                    bad.append(f"{owner.kode}: 12 Rp is not 8+9+10+11")
        # (a parent summing children of which some have no 6 says so: `jumlah-sebagian`)
        partial = any(a.kode == "jumlah-sebagian" for a in owner.rp.alasan)
        if None not in (owner.rp.k6, owner.rp.k12, owner.rp.k13) and not partial:
            assert owner.rp.k6 is not None and owner.rp.k12 is not None
            if not math.isclose(owner.rp.k6 + owner.rp.k12, owner.rp.k13 or 0, rel_tol=1e-9):
                bad.append(f"{owner.kode}: 13 Rp is not 6+12")
        for b in owner.indikator:
            got = _row(eip, EVALUASI_INDIKATOR, ip_rows[id(b.indikator)], "k")
            for col, value in _kolom(b.k).items():
                n += 1
                if not _same(got[col], value):
                    bad.append(f"{lo_file.name} K {owner.kode}/{b.indikator.kode} col {col}: "
                               f"LibreOffice {got[col]!r}, core.evaluasi {value!r}")
    return n, bad


def test_e81_formulas_agree_with_core_evaluasi_and_verify(tmp_path: Path) -> None:
    from lkjip_xl.engines import libreoffice

    if not libreoffice.available():
        pytest.skip("LibreOffice (soffice) is not installed")
    doks = documents()
    cov = docgen_renja.coverage(doks)
    assert set(cov["tingkat"]) == {"program", "kegiatan", "sub_kegiatan"}
    assert len(cov["polaritas x agregasi"]) == len(docgen_renja.KINDS)
    assert set(cov["uang"]) == {"riwayat program", "riwayat kegiatan", "riwayat sub-kegiatan",
                                "kegiatan menjumlah sub"}
    cells, bad = run_documents(doks, tmp_path)  # cached = LibreOffice, verify quiet
    assert cells > 50_000
    compared = e80 = 0
    for n, dok in enumerate(doks):
        for name in (f"d{n}.xlsx", f"m{n}.xlsx"):
            c, b = compare_with_evaluasi(dok, tmp_path / "lo" / name)
            compared += c
            bad += b
        measured = read_grid(tmp_path / "lo" / f"m{n}.xlsx").sheet(E81_SHEET)
        assert measured is not None and measured.cells  # the form, recalculated
        c, b = compare_with_evaluasi_renstra(dok, tmp_path / "lo" / f"m{n}.xlsx")
        e80 += c
        bad += b
    assert compared > 1000 and e80 > 1000
    assert bad == [], "\n".join(bad[:40])
