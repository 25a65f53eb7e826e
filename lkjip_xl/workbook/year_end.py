"""Is the year (or, mid-year, the quarters to date) complete in a read workbook? Findings at the
cell to fill, for verify and measure alike.

One rule for a PK indicator's missing year, whatever shape it takes: at year end (TW IV due),
in a workbook where anything is reported (not "belum diisi"), an indicator without a row in
Realisasi Kinerja (`realisasi-tanpa-baris`, at its PK row) and one whose row is empty
(`realisasi-kosong`, at the annual cell) are warnings; mid-year, or before anything is reported,
neither is (the info `kelengkapan` lists them). A year computed from fewer quarters than due
(`core.year_end.partial_years`) is `tahun-belum-lengkap` at year end and
`triwulan-belum-lengkap` mid-year, at the missing quarter, saying which value the measurement
used. A kegiatan (or sub-kegiatan) whose quarters' spending is typed and the annual cell not is
`anggaran-tahun-kosong` at year end: the workbook's formulas read only the annual cell, so its
year's spending is empty and the totals leave it out (`core.year_end.partial_budgets`).
"""

from __future__ import annotations

from collections.abc import Iterator

from lkjip_xl.core.findings import Finding
from lkjip_xl.core.model import Dokumen
from lkjip_xl.core.year_end import (
    anything_reported,
    partial_budgets,
    partial_years,
    reported_indikator,
    tw_names,
)
from lkjip_xl.schema.sheets import KEGIATAN, PK, REALISASI_KINERJA
from lkjip_xl.workbook.read import LayoutRead, TableRead
from lkjip_xl.xlsx.cells import cell_text


def _rows(t: TableRead, *keys: str) -> dict[tuple[str | None, ...], int]:
    """The first row of every code (tuple of `keys`' texts) in a read table."""
    out: dict[tuple[str | None, ...], int] = {}
    for r in t.rows:
        code = tuple(cell_text(r.values.get(k)) for k in keys)
        if code[0] is not None:
            out.setdefault(code, r.row)
    return out


def check_year_end(lr: LayoutRead, dok: Dokumen | None, triwulan: int = 4) -> Iterator[Finding]:
    if dok is None:
        return
    pk, rk, kg = lr.tables.get(PK.key), lr.tables.get(REALISASI_KINERJA.key), lr.tables.get(KEGIATAN.key)
    year_end = triwulan == 4 and anything_reported(dok)
    if kg is not None and year_end:
        kg_rows = _rows(kg, "kode_kegiatan", "kode_sub")
        quarters: dict[tuple[str, str | None], list[float | None]] = {
            (k.kode, None): k.realisasi_tw for _, k in dok.kegiatan()}
        quarters.update({(k.kode, s.kode): s.realisasi_tw
                         for _, k in dok.kegiatan() for s in k.sub_kegiatan})
        for code in partial_budgets(dok):
            row = kg_rows.get(code)
            if row is not None:
                filled = tuple(q for q, v in enumerate(quarters[code]) if v is not None)
                yield Finding("anggaran-tahun-kosong", "warning", kg.where(row, "realisasi"),
                              params={"kode": code[1] or code[0], "diisi": tw_names(filled)})
    if pk is None or rk is None:
        return
    pk_rows, rk_rows = _rows(pk, "kode"), _rows(rk, "kode")
    short = partial_years(dok, triwulan)
    sampai = tw_names((triwulan - 1,))
    for _, i in dok.indikator():
        if (i.kode,) not in pk_rows:
            continue  # an IKU indicator outside this year's agreement is not measured
        rk_row = rk_rows.get((i.kode,))
        if rk_row is None:
            if year_end:
                yield Finding("realisasi-tanpa-baris", "warning",
                              pk.where(pk_rows[(i.kode,)], "kode"), found=i.kode,
                              params={"kode": i.kode})
            continue
        if not reported_indikator(i):
            if year_end:
                yield Finding("realisasi-kosong", "warning", rk.where(rk_row, "realisasi"),
                              params={"kode": i.kode})
            continue
        k = short.get(i.kode)
        if k is None:
            continue
        # nothing is "expected" in the empty cell: the value used is a parameter
        yield Finding("tahun-belum-lengkap" if triwulan == 4 else "triwulan-belum-lengkap",
                      "warning", rk.where(rk_row, f"r{k.kosong[0] + 1}"),
                      params={"kode": i.kode, "kosong": tw_names(k.kosong),
                              "dari": tw_names(k.dari), "dipakai": k.dipakai, "sampai": sampai})


__all__ = ["check_year_end"]
