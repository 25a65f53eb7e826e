"""The whole `pengukuran` section of an exported document: the measurement's
(`measurement.to_export_dict`) and the Renja evaluation's (`renja`, Formulir E.81).

Pure, and no arithmetic of its own: `renja` lays out `evaluasi.evaluasi_renja(dok)`, the one
source of the E.81's numbers (docs/renja-evaluation.md), as plain numbers keyed by level and
code, the way the other sections key theirs:

    renja:
      program:       {P4: {uraian, sasaran, acuan_rpjmd, rp: {k5 .. k14}, indikator: {kode: {k5 ..}}}}
      kegiatan:      {P4.01: ...}
      sub_kegiatan:  {P4.01.01: ...}
      ringkasan:     {rata_rata_capaian, predikat, rata_rata_capaian_renstra, penyerapan, baris}

Each column keeps the form's number (`k5` .. `k14`, `tw` the quarters 8-11, `k12a` the Renja
achievement; K also `capaian_dipakai`, 12a capped); an empty column is null, never 0.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from lkjip_xl.core.domain.renja import Kolom
from lkjip_xl.core.evaluasi import EvaluasiRenja, PemilikRenja, evaluasi_renja
from lkjip_xl.core.measurement import Pengukuran, to_export_dict, ukur
from lkjip_xl.core.model import Dokumen

RENJA_KEY = "renja"


def _num(v: float | None) -> float | None:
    return None if v is None else float(v)


def kolom_dict(k: Kolom, *, kinerja: bool) -> dict[str, Any]:
    """One side's columns as plain numbers (the reasons stay with the workbook's findings)."""
    out: dict[str, Any] = {"k5": _num(k.k5), "k6": _num(k.k6), "k7": _num(k.k7),
                           "tw": [_num(v) for v in k.tw], "k12": _num(k.k12),
                           "k12a": _num(k.k12a), "k13": _num(k.k13), "k14": _num(k.k14)}
    if kinerja:
        out["capaian_dipakai"] = _num(k.capaian_dipakai)
    return out


def _pemilik(p: PemilikRenja) -> dict[str, Any]:
    return {"uraian": p.uraian, "sasaran": p.kode_sasaran, "acuan_rpjmd": p.acuan_rpjmd,
            "rp": kolom_dict(p.rp, kinerja=False),
            "indikator": {b.indikator.kode: kolom_dict(b.k, kinerja=True) for b in p.indikator}}


def renja_dict(ev: EvaluasiRenja) -> dict[str, Any]:
    """`pengukuran.renja`: every owner of the form by level and code, then the footer."""
    out: dict[str, Any] = {"program": {}, "kegiatan": {}, "sub_kegiatan": {}}
    for p in ev.pemilik:
        out[p.tingkat][p.kode] = _pemilik(p)
    footer = asdict(ev.ringkasan)
    out["ringkasan"] = {k: (float(v) if isinstance(v, (int, float)) and k != "baris" else v)
                        for k, v in footer.items()}
    return out


def pengukuran_section(dok: Dokumen, p: Pengukuran | None = None) -> dict[str, Any]:
    """What `export` writes as `pengukuran`: the measurement's sections and `renja`."""
    out = to_export_dict(p if p is not None else ukur(dok))
    out[RENJA_KEY] = renja_dict(evaluasi_renja(dok))
    return out


__all__ = ["RENJA_KEY", "kolom_dict", "pengukuran_section", "renja_dict"]
