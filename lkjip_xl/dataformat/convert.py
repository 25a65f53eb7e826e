"""Plain data <-> model."""

from __future__ import annotations

import copy
import dataclasses
from typing import Any

from lkjip_xl.core.model import (
    Dokumen,
    Indikator,
    Instansi,
    Kegiatan,
    Kepala,
    Komponen,
    Narasi,
    Pengaturan,
    PredikatBand,
    Program,
    Quarters,
    Renstra,
    Sasaran,
    SdmBaris,
    SubKegiatan,
    empty_quarters,
)
from lkjip_xl.dataformat.validation import validate
from lkjip_xl.xlsx.gc_pause import paused_gc


def from_dict(data: Any) -> Dokumen:
    """Validate plain data (as yaml.safe_load / json.load give it) and build the model."""
    with paused_gc():
        return _dokumen(validate(data))


def _dokumen(d: dict[str, Any]) -> Dokumen:
    inst = d["instansi"]
    kep = inst.get("kepala") or {}
    ren = d.get("renstra")
    atur = d.get("pengaturan", {})
    default = Pengaturan()
    return Dokumen(
        format=d["format"],
        tahun=int(d["tahun"]),
        instansi=Instansi(
            nama=inst["nama"],
            pemda=inst.get("pemda"),
            kepala=Kepala(**{k: kep.get(k) for k in ("nama", "nip", "jabatan", "pangkat")}),
        ),
        renstra=Renstra(int(ren["awal"]), int(ren["akhir"])) if ren else None,
        pengaturan=Pengaturan(
            rumus_negatif=atur.get("rumus_negatif", default.rumus_negatif),
            batas_capaian=atur.get("batas_capaian", default.batas_capaian),
            predikat=[PredikatBand(b["min"], b["label"]) for b in atur["predikat"]]
            if "predikat" in atur
            else default.predikat,
            metode_efisiensi=atur.get("metode_efisiensi", default.metode_efisiensi),
            nilai_tw=atur.get("nilai_tw", default.nilai_tw),
            kertas=atur.get("kertas", default.kertas),
        ),
        sasaran=[
            Sasaran(
                kode=s["kode"],
                uraian=s["uraian"],
                indikator=[_indikator(i) for i in s.get("indikator", [])],
                **{name: s.get(name) for name in _SASARAN_PLAIN},
            )
            for s in d.get("sasaran", [])
        ],
        program=[
            Program(
                kode=p["kode"],
                uraian=p["uraian"],
                sasaran=p.get("sasaran"),
                kegiatan=[_kegiatan(k) for k in p.get("kegiatan", [])],
            )
            for p in d.get("program", [])
        ],
        narasi=Narasi(**{f.name: (d.get("narasi") or {}).get(f.name)
                         for f in dataclasses.fields(Narasi)}),
        sdm=[SdmBaris(b["kelompok"], b["uraian"], b.get("jumlah")) for b in d.get("sdm", [])],
        extra={"pengukuran": d["pengukuran"]} if "pengukuran" in d else {},
    )


# Indikator fields with a shape of their own in the format; every other field is an optional text
# or number under the model's own name, read and written without naming it here
_SHAPED = frozenset({"kode", "uraian", "polaritas", "target_renstra", "realisasi_lalu", "target_tw",
                     "realisasi_tw", "target", "target_min", "target_maks", "realisasi", "komponen"})
_PLAIN = tuple(f.name for f in dataclasses.fields(Indikator) if f.name not in _SHAPED)
# likewise a sasaran's optional texts (tujuan, the analysis of Bab III)
_SASARAN_PLAIN = tuple(f.name for f in dataclasses.fields(Sasaran)
                       if f.name not in ("kode", "uraian", "indikator"))


def _indikator(i: dict[str, Any]) -> Indikator:
    kom = i.get("komponen")
    return Indikator(
        kode=i["kode"],
        uraian=i["uraian"],
        polaritas=i.get("polaritas", "positif"),
        target_renstra=_years(i.get("target_renstra")),
        target=i.get("target"),
        target_min=i.get("target_min"),
        target_maks=i.get("target_maks"),
        target_tw=_quarters(i.get("target_tw")),
        realisasi_tw=_quarters(i.get("realisasi_tw")),
        realisasi=i.get("realisasi"),
        realisasi_lalu=_years(i.get("realisasi_lalu")),
        komponen=None
        if kom is None
        else Komponen(
            pembilang_uraian=(kom.get("pembilang") or {}).get("uraian"),
            pembilang=(kom.get("pembilang") or {}).get("nilai"),
            penyebut_uraian=(kom.get("penyebut") or {}).get("uraian"),
            penyebut=(kom.get("penyebut") or {}).get("nilai"),
            pengali=kom.get("pengali"),
        ),
        **{name: i.get(name) for name in _PLAIN},
    )


def _kegiatan(k: dict[str, Any]) -> Kegiatan:
    return Kegiatan(
        kode=k["kode"],
        uraian=k["uraian"],
        anggaran=k.get("anggaran"),
        realisasi=k.get("realisasi"),
        anggaran_tw=_quarters(k.get("anggaran_tw")),
        realisasi_tw=_quarters(k.get("realisasi_tw")),
        sub_kegiatan=[
            SubKegiatan(
                kode=s["kode"],
                uraian=s["uraian"],
                anggaran=s.get("anggaran"),
                realisasi=s.get("realisasi"),
                anggaran_tw=_quarters(s.get("anggaran_tw")),
                realisasi_tw=_quarters(s.get("realisasi_tw")),
            )
            for s in k.get("sub_kegiatan", [])
        ],
    )


def _years(m: dict[str, Any] | None) -> dict[int, float | None]:
    return {int(year): value for year, value in (m or {}).items()}


def _quarters(q: list[float | None] | None) -> Quarters:
    return list(q) if q is not None else empty_quarters()


def to_dict(dok: Dokumen) -> dict[str, Any]:
    """The canonical plain form: keys in the spec's order; optional keys that are None or empty
    left out, except the slots a reader fills (indicator target / target_min + target_maks and
    realisasi, kegiatan anggaran and realisasi, program sasaran: null there means "not known" or
    "support program"); quarter lists only when an entry is known; pengaturan always in full;
    year maps sorted; `extra` (pengukuran) last."""
    out: dict[str, Any] = {"format": dok.format, "tahun": dok.tahun}
    instansi: dict[str, Any] = {"nama": dok.instansi.nama}
    _put(instansi, "pemda", dok.instansi.pemda)
    kep = dok.instansi.kepala
    kepala: dict[str, Any] = {}
    for key in ("nama", "nip", "jabatan", "pangkat"):
        _put(kepala, key, getattr(kep, key))
    _put(instansi, "kepala", kepala)
    out["instansi"] = instansi
    if dok.renstra is not None:
        out["renstra"] = {"awal": dok.renstra.awal, "akhir": dok.renstra.akhir}
    atur = dok.pengaturan
    out["pengaturan"] = {
        "rumus_negatif": atur.rumus_negatif,
        "batas_capaian": atur.batas_capaian,
        "predikat": [{"min": b.min, "label": b.label} for b in atur.predikat],
        "metode_efisiensi": atur.metode_efisiensi,
        "nilai_tw": atur.nilai_tw,
        "kertas": atur.kertas,
    }
    out["sasaran"] = [_sasaran_dict(s) for s in dok.sasaran]
    out["program"] = [_program_dict(p) for p in dok.program]
    _put(out, "narasi", {k: v for k, v in dataclasses.asdict(dok.narasi).items() if v is not None})
    _put(out, "sdm", [{"kelompok": b.kelompok, "uraian": b.uraian, "jumlah": b.jumlah}
                      for b in dok.sdm])
    for key, value in dok.extra.items():
        out[key] = copy.deepcopy(value)
    return out


def _put(out: dict[str, Any], key: str, value: Any) -> None:
    if value is not None and value != {} and value != []:
        out[key] = value


def _put_quarters(out: dict[str, Any], key: str, q: Quarters) -> None:
    if any(v is not None for v in q):
        out[key] = list(q)


def _sasaran_dict(s: Sasaran) -> dict[str, Any]:
    out: dict[str, Any] = {"kode": s.kode, "uraian": s.uraian}
    _put(out, "tujuan", s.tujuan)
    _put(out, "indikator", [_indikator_dict(i) for i in s.indikator])
    for name in _SASARAN_PLAIN:
        if name != "tujuan":
            _put(out, name, getattr(s, name))
    return out


def _indikator_dict(i: Indikator) -> dict[str, Any]:
    rentang = i.polaritas == "rentang"
    out: dict[str, Any] = {}
    for f in dataclasses.fields(Indikator):  # the model's order is the format's
        key, value = f.name, getattr(i, f.name)
        if key in ("kode", "uraian", "polaritas", "realisasi"):
            out[key] = value
        elif key in ("target_renstra", "realisasi_lalu"):
            _put(out, key, dict(sorted(value.items())))
        elif key == "target":
            if not rentang or value is not None:
                out[key] = value
        elif key in ("target_min", "target_maks"):
            if rentang or value is not None:
                out[key] = value
        elif key in ("target_tw", "realisasi_tw"):
            _put_quarters(out, key, value)
        elif key != "komponen":
            _put(out, key, value)
    if i.komponen is not None:
        k = i.komponen
        komponen: dict[str, Any] = {}
        for part, uraian, nilai in (
            ("pembilang", k.pembilang_uraian, k.pembilang),
            ("penyebut", k.penyebut_uraian, k.penyebut),
        ):
            bagian: dict[str, Any] = {}
            _put(bagian, "uraian", uraian)
            _put(bagian, "nilai", nilai)
            _put(komponen, part, bagian)
        _put(komponen, "pengali", k.pengali)
        _put(out, "komponen", komponen)
    return out


def _program_dict(p: Program) -> dict[str, Any]:
    out: dict[str, Any] = {"kode": p.kode, "uraian": p.uraian, "sasaran": p.sasaran}
    _put(out, "kegiatan", [_kegiatan_dict(k) for k in p.kegiatan])
    return out


def _kegiatan_dict(k: Kegiatan | SubKegiatan) -> dict[str, Any]:
    out: dict[str, Any] = {
        "kode": k.kode,
        "uraian": k.uraian,
        "anggaran": k.anggaran,
        "realisasi": k.realisasi,
    }
    _put_quarters(out, "anggaran_tw", k.anggaran_tw)
    _put_quarters(out, "realisasi_tw", k.realisasi_tw)
    if isinstance(k, Kegiatan):
        _put(out, "sub_kegiatan", [_kegiatan_dict(s) for s in k.sub_kegiatan])
    return out

