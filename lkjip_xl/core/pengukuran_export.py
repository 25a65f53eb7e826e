"""The whole `pengukuran` section of an exported document: the measurement's
(`measurement.to_export_dict`), the Renja evaluation's (`renja`, Formulir E.81) and the Renstra
evaluation's (`renstra_eval`, Formulir E.80).

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

`renstra_eval` lays out `evaluasi_renstra.evaluasi_renstra(dok)` the same way, and only when the
document has a Renstra period:

    renstra_eval:
      awal: 2016
      akhir: 2021
      program:       {P4: {uraian, sasaran, rp: {target_akhir, realisasi_sd, tahun: [...]},
                           indikator: {kode: {kondisi_awal, target_akhir, tahun: [...]}}}}
      kegiatan:      {P4.01: ...}
      sub_kegiatan:  {P4.01.01: ...}
      ringkasan:     {rata_rata_rasio, predikat, penyerapan, rasio}

each `tahun` a list over the period, `{tahun, target, realisasi, rasio}` (K: `rasio` the
achievement by polarity; Rp: the absorption); the years after this one have null realisations.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from lkjip_xl.core.domain.renja import Kolom
from lkjip_xl.core.domain.renstra_eval import BarisE80
from lkjip_xl.core.evaluasi import EvaluasiRenja, PemilikRenja, evaluasi_renja
from lkjip_xl.core.evaluasi_renstra import EvaluasiRenstra, PemilikRenstra, evaluasi_renstra
from lkjip_xl.core.measurement import Pengukuran, to_export_dict, ukur
from lkjip_xl.core.model import Dokumen

RENJA_KEY = "renja"
RENSTRA_KEY = "renstra_eval"


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


def _footer(values: dict[str, Any], count: str) -> dict[str, Any]:
    """A footer's numbers as floats (its count and predicate as they are)."""
    return {k: (float(v) if isinstance(v, (int, float)) and k != count else v)
            for k, v in values.items()}


def renja_dict(ev: EvaluasiRenja) -> dict[str, Any]:
    """`pengukuran.renja`: every owner of the form by level and code, then the footer."""
    out: dict[str, Any] = {"program": {}, "kegiatan": {}, "sub_kegiatan": {}}
    for p in ev.pemilik:
        out[p.tingkat][p.kode] = _pemilik(p)
    out["ringkasan"] = _footer(asdict(ev.ringkasan), "baris")
    return out


def e80_dict(b: BarisE80, side: str) -> dict[str, Any]:
    """One side of an E.80 row (`side` "k" or "rp") as plain numbers, year by year."""
    years = [{"tahun": t.tahun, "target": _num(getattr(t, f"target_{side}")),
              "realisasi": _num(getattr(t, f"realisasi_{side}")),
              "rasio": _num(getattr(t, f"rasio_{side}"))} for t in b.tahun]
    if side == "k":
        return {"kondisi_awal": _num(b.kondisi_awal), "target_akhir": _num(b.target_akhir_k),
                "tahun": years}
    return {"target_akhir": _num(b.target_akhir_rp), "realisasi_sd": _num(b.realisasi_rp_sd),
            "tahun": years}


def _pemilik_renstra(p: PemilikRenstra) -> dict[str, Any]:
    return {"uraian": p.renja.uraian, "sasaran": p.renja.kode_sasaran,
            "rp": e80_dict(p.rp, "rp"),
            "indikator": {b.indikator.kode: e80_dict(b.e80, "k") for b in p.indikator}}


def renstra_dict(ev: EvaluasiRenstra) -> dict[str, Any]:
    """`pengukuran.renstra_eval`: the period, every owner by level and code, the footer."""
    out: dict[str, Any] = {"awal": ev.awal, "akhir": ev.akhir,
                           "program": {}, "kegiatan": {}, "sub_kegiatan": {}}
    for p in ev.pemilik:
        out[p.tingkat][p.kode] = _pemilik_renstra(p)
    out["ringkasan"] = _footer(asdict(ev.ringkasan), "rasio")
    return out


def pengukuran_section(dok: Dokumen, p: Pengukuran | None = None) -> dict[str, Any]:
    """What `export` writes as `pengukuran`: the measurement's sections, `renja`, and
    `renstra_eval` when the document has a Renstra period."""
    out = to_export_dict(p if p is not None else ukur(dok))
    out[RENJA_KEY] = renja_dict(evaluasi_renja(dok))
    e80 = evaluasi_renstra(dok)
    if e80 is not None:
        out[RENSTRA_KEY] = renstra_dict(e80)
    return out


__all__ = ["RENJA_KEY", "RENSTRA_KEY", "e80_dict", "kolom_dict", "pengukuran_section",
           "renja_dict", "renstra_dict"]
