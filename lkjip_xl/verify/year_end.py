"""Is the year (or, mid-year, the quarters to date) complete for every indicator of the PK?

A year computed from fewer quarters than due (`core.year_end.partial_years`: TW IV empty, the
annual cell empty) is a warning at the cell that is missing, saying which value the measurement
used; an indicator of the PK without a row in Realisasi Kinerja (a deleted row) is a warning at
its PK row. An indicator whose row is there with nothing typed yet stays the info `kelengkapan`.

Kegiatan budgets are not checked here: a kegiatan's year is only its annual spending cell (or its
sub-kegiatan's), never a quarter, so no quarter can stand in for the year (docs/rules.md).
"""

from __future__ import annotations

from collections.abc import Iterator

from lkjip_xl.core.findings import Finding
from lkjip_xl.core.model import Dokumen
from lkjip_xl.core.year_end import partial_years, tw_names
from lkjip_xl.workbook.read import LayoutRead, _Conv

_text = _Conv(None).text


def check_year_end(lr: LayoutRead, dok: Dokumen | None, triwulan: int = 4) -> Iterator[Finding]:
    if dok is None:
        return
    pk, rk = lr.tables.get("PK"), lr.tables.get("RK")
    if pk is None or rk is None:
        return
    pk_rows: dict[str, int] = {}
    for r in pk.rows:
        kode = _text(r.values.get("kode"))
        if kode is not None:
            pk_rows.setdefault(kode, r.row)
    rk_rows: dict[str, int] = {}
    for r in rk.rows:
        kode = _text(r.values.get("kode"))
        if kode is not None:
            rk_rows.setdefault(kode, r.row)
    short = partial_years(dok, triwulan)
    sampai = tw_names((triwulan - 1,))
    for _, i in dok.indikator():
        if i.kode not in pk_rows:
            continue  # an IKU indicator outside this year's agreement is not measured
        if i.kode not in rk_rows:
            yield Finding("realisasi-tanpa-baris", "warning", pk.where(pk_rows[i.kode], "kode"),
                          found=i.kode, params={"kode": i.kode})
            continue
        k = short.get(i.kode)
        if k is None:
            continue
        yield Finding("tahun-belum-lengkap", "warning",
                      rk.where(rk_rows[i.kode], f"r{k.kosong[0] + 1}"),
                      # nothing is "expected" in the empty cell: the value used is a parameter
                      params={"kode": i.kode, "kosong": tw_names(k.kosong),
                              "dari": tw_names(k.dari), "dipakai": k.dipakai, "sampai": sampai})


__all__ = ["check_year_end"]
