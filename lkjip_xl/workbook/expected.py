"""What every cell of the layout holds for one document: inputs from the model, and the
computed cells' values from the domain core (the cached values written beside each formula,
and the values the verifier expects).

Rows follow the document's order: indicator i of the document sits in row i of every
per-indicator table, kegiatan rows are followed by their sub-kegiatan rows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from lkjip_xl.core import domain as d
from lkjip_xl.core.measurement import Pengukuran, ukur
from lkjip_xl.core.model import (
    FORMAT_ID,
    Dokumen,
    Indikator,
    Kegiatan,
    Pengaturan,
    Program,
    Sasaran,
    SubKegiatan,
)
from lkjip_xl.schema.sheets import PRIOR_YEARS, PROFIL, RENSTRA_SLOTS, SHEETS, TABLES
from lkjip_xl.workbook import tree
from lkjip_xl.workbook.binding import Years, fields_of, form_of
from lkjip_xl.workbook.tree import Chain

Row = dict[str, Any]
BLANK = ""  # what a quiet formula shows: the empty string


@dataclass
class Rows:
    """Which model object sits in which row of each table: the entity tree walked once
    (`workbook.tree`); the model's own lists kept for the report writers."""

    chains: dict[str, list[Chain]]

    @classmethod
    def of(cls, dok: Dokumen) -> Rows:
        return cls(tree.chains(dok))

    def count(self, table_key: str) -> int:
        return len(self.chains.get(table_key, ()))

    def _at(self, collection: str) -> list[Chain]:
        return self.chains[tree.top(collection).key]

    @cached_property
    def sasaran(self) -> list[Sasaran]:
        return [c[-1] for c in self._at("sasaran")]

    @cached_property
    def indikator(self) -> list[tuple[Sasaran, Indikator]]:
        return [(c[0], c[1]) for c in self.chains[tree.top("indikator").key]]

    @cached_property
    def program(self) -> list[Program]:
        return [c[-1] for c in self._at("program")]

    @cached_property
    def kegiatan(self) -> list[tuple[Program, Kegiatan, SubKegiatan | None]]:
        return [(c[0], c[1], c[2] if len(c) > 2 else None) for c in self._at("kegiatan")]


def capacities(dok: Dokumen, minimum: dict[str, int] | None = None) -> dict[str, int]:
    """Rows prepared per table: room for the data plus spare rows to fill in by hand (a short
    list on a settings sheet gets none)."""
    rows = Rows.of(dok)
    out: dict[str, int] = {}
    for key, t in TABLES.items():
        if t.mirror:
            continue
        n = rows.count(key)
        base = (minimum or {}).get(key, t.default_capacity)
        out[key] = max(base, n) if tree.listed(t) else max(base, n + max(10, n // 5))
    for key, t in TABLES.items():
        if t.mirror:
            out[key] = out[t.mirror]
    return out


def _blank(v: Any) -> Any:
    return BLANK if v is None else v


def _ya(v: bool | None) -> str:
    return BLANK if v is None else ("Ya" if v else "Tidak")


def input_rows(dok: Dokumen) -> dict[str, list[Row]]:
    """The values of every input table, row by row (None = leave the cell empty): the codes
    that place a row in the hierarchy from its chain, the bound columns from the model through
    the layout's declarations."""
    rows = Rows.of(dok)
    years = Years(dok.renstra.awal if dok.renstra else None, dok.tahun)
    out: dict[str, list[Row]] = {}
    for key, t in TABLES.items():
        if t.mirror is None:
            out[key] = [{**tree.place(t, c), **tree.shown(t, c[-1]), **fields_of(t, c[-1], years)}
                        for c in rows.chains[key]]
    return out


def _slot_realisasi(dok: Dokumen, i: Indikator, realisasi: float | None, n: int) -> Any:
    if dok.renstra is None:
        return BLANK
    year = dok.renstra.awal + n - 1
    if year == dok.tahun:
        return _blank(realisasi)
    if year < dok.tahun and dok.tahun - year <= PRIOR_YEARS:
        return _blank(i.realisasi_lalu.get(year))
    return BLANK


def computed_rows(dok: Dokumen, p: Pengukuran | None = None,
                  row_factory: Callable[[str, Row], Any] | None = None) -> dict[str, list[Any]]:
    """The value of every computed cell, by the domain core (blank where a formula is quiet).

    `row_factory(table_key, row)` turns each row into what is kept (a caller holding 10,000
    rows keeps them compact); by default the row dict itself."""
    p = p or ukur(dok)
    rows = Rows.of(dok)
    keep: Callable[[str, Row], Any] = row_factory or (lambda _key, row: row)
    pkk: list[Any] = []
    ptw: list[Any] = []
    for n, (s, i) in enumerate(rows.indikator, start=1):
        u = p.indikator[i.kode]
        pkk.append(keep("PKK", {
            "kode_sasaran": s.kode, "kode": i.kode, "uraian": i.uraian, "satuan": i.satuan or "",
            "polaritas": i.polaritas or "positif", "agregasi": i.agregasi or "akhir",
            "target": _blank(u.target), "target_min": _blank(u.target_min),
            "target_maks": _blank(u.target_maks), "realisasi": _blank(u.realisasi),
            "capaian": _blank(u.capaian), "capaian_dipakai": _blank(u.capaian_dipakai),
            "predikat": _blank(u.predikat), "realisasi_lalu": _blank(u.realisasi_lalu),
            "perubahan": _blank(u.perubahan), "membaik": _ya(u.membaik),
            "target_akhir": _blank(u.target_akhir_renstra), "realisasi_sd": _blank(u.realisasi_sd),
            "kemajuan": _blank(u.kemajuan_renstra),
            **{f"ry{k}": _slot_realisasi(dok, i, u.realisasi, k)
               for k in range(1, RENSTRA_SLOTS + 1)},
            "m_pk": n, "m_ra": n, "m_rk": n,
        }))
        tw: Row = {"kode": i.kode, "uraian": i.uraian}
        for q in range(1, 5):
            tw[f"t{q}"] = _blank(u.target_sd[q - 1])
            tw[f"r{q}"] = _blank(u.realisasi_sd_tw[q - 1])
            tw[f"c{q}"] = _blank(u.capaian_tw[q - 1])
        ptw.append(keep("PTW", tw))
    ak: list[Any] = []
    for prog, k, sub in rows.kegiatan:
        ku = p.kegiatan[k.kode]
        if sub is None:
            a, r, pen = ku.anggaran, ku.realisasi_anggaran, ku.penyerapan
        else:
            a, r = sub.anggaran, sub.realisasi
            pen = d.penyerapan(a, r)
        ak.append(keep("AK", {"kode_program": prog.kode, "kode_kegiatan": k.kode,
                   "kode_sub": sub.kode if sub else "", "tingkat": "Sub" if sub else "Kegiatan",
                   "uraian": (sub or k).uraian, "kode_sasaran": prog.sasaran or "",
                   "kelompok": "Sasaran" if prog.sasaran else "Pendukung",
                   "anggaran": _blank(a), "realisasi": _blank(r),
                   "penyerapan": _blank(pen)}))
    ap = [keep("AP", {"kode": g.kode, "uraian": g.uraian, "kode_sasaran": g.sasaran or "",
           "anggaran": _blank(p.program[g.kode].anggaran),
           "realisasi": _blank(p.program[g.kode].realisasi_anggaran),
           "penyerapan": _blank(p.program[g.kode].penyerapan)}) for g in rows.program]
    ae: list[Any] = []
    for s in rows.sasaran:
        su = p.sasaran[s.kode]
        unit = d.jumlah(p.indikator[i.kode].realisasi for i in s.indikator)
        ae.append(keep("AE", {"kode": s.kode, "uraian": s.uraian, "capaian": _blank(su.capaian),
                   "predikat": _blank(su.predikat), "anggaran": _blank(su.anggaran),
                   "realisasi": _blank(su.realisasi_anggaran), "penyerapan": _blank(su.penyerapan),
                   "unit_outcome": _blank(unit), "efisiensi": _blank(su.efisiensi),
                   "metode": dok.pengaturan.metode_efisiensi or Pengaturan.metode_efisiensi}))
    return {"PKK": pkk, "PTW": ptw, "AK": ak, "AP": ap, "AE": ae}


def summary_values(dok: Dokumen, p: Pengukuran | None = None) -> dict[str, Any]:
    """Values of the fixed computed cells (year headers, agency totals), by SummaryCell key."""
    p = p or ukur(dok)
    out: dict[str, Any] = {}
    awal = dok.renstra.awal if dok.renstra else None
    for n in range(1, RENSTRA_SLOTS + 1):
        out[f"Renstra & IKU:tahun_tr{n}"] = BLANK if awal is None else awal + n - 1
    for k in range(1, PRIOR_YEARS + 1):
        out[f"Realisasi Kinerja:tahun_rl{k}"] = dok.tahun - k
    for key, blok in (("pendukung", p.pendukung), ("total", p.total)):
        out[f"Anggaran & Efisiensi:{key}_anggaran"] = _blank(blok.anggaran)
        out[f"Anggaran & Efisiensi:{key}_realisasi"] = _blank(blok.realisasi_anggaran)
        out[f"Anggaran & Efisiensi:{key}_penyerapan"] = _blank(blok.penyerapan)
    return out


def form_values(dok: Dokumen) -> dict[str, dict[str, Any]]:
    """The key/value sheets' values, by sheet and field key."""
    out = {s.name: form_of(s.fields, dok) for s in SHEETS if s.fields}
    out[PROFIL] = {"format": FORMAT_ID, **out[PROFIL]}
    return out
