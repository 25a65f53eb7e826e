"""Root causes first, and how much of the workbook is filled in.

A number typed as text ("86,5", "Rp 120.000.000") is no number to the workbook's formulas
(ISNUMBER-guarded, docs/rules.md): every computed cell that depends on it silently works without
it. verify reads the inputs as the formulas do, so those cells are consistent and not reported one
by one; instead the input finding says how many computed cells take a different value than the
person meant, found by recomputing with that one input read as meant (no rule about which formula
reads which column: the domain core recomputes, the difference is the answer). Such an input is an
error; one that changes nothing stays a warning. A `nilai-salah` on one of those cells (a file
whose cached values were computed another way) is linked to its cause.

`completeness` tells how many indicators and kegiatan have no realisation yet: none at all makes
the verdict "belum diisi" (findings.Report.verdict), some makes an info finding.
"""

from __future__ import annotations

from typing import Any

from lkjip_xl.catalogue import pick
from lkjip_xl.catalogue.lines import line
from lkjip_xl.core.findings import Finding
from lkjip_xl.core.model import Dokumen
from lkjip_xl.core.number_display import tampil
from lkjip_xl.core.year_end import reported_indikator, reported_kegiatan
from lkjip_xl.schema.sheets import ANALISIS, NARASI_FIELDS, SASARAN
from lkjip_xl.verify.follow_on import cell_count
from lkjip_xl.verify.formulas_check import MirrorMap
from lkjip_xl.verify.structure import Structure
from lkjip_xl.verify.values_check import Expected, differing_cells, expected_values
from lkjip_xl.workbook.binding import get
from lkjip_xl.workbook.read import to_dokumen

PER_INPUT = 8  # inputs recomputed one by one; more are recomputed together
LISTED = 5  # codes named in a completeness message


def link_root_causes(st: Structure, mirror: MirrorMap, ex: Expected, typed_as_text: list[Finding],
                     wrong_values: list[Finding]) -> None:
    """Fill each text-number finding's `akibat` (the computed cells it changes) and severity;
    mark `nilai-salah` findings on those cells with `cause`."""
    groups = ([[f] for f in typed_as_text] if len(typed_as_text) <= PER_INPUT
              else [typed_as_text])
    cause_of: dict[str, str] = {}
    for group in groups:
        meant = {f.location for f in group}
        dok = to_dokumen(st.lr, None, meant)
        cells = differing_cells(st, ex, expected_values(st, dok, mirror))
        for f in group:
            f.params["akibat"] = cells
            if cells:
                f.severity = "error"
        for cell in cells:
            cause_of.setdefault(cell, group[0].location)
    for f in wrong_values:
        if f.location in cause_of:
            f.params["cause"] = cause_of[f.location]


def consequences(findings: list[Finding]) -> tuple[int, int]:
    """(causes to fix, cells that follow from them) for the text summary."""
    roots = [f for f in findings if f.params.get("akibat")]
    cells = {c for f in roots for c in f.params["akibat"]}
    cells |= {f.location for f in findings if f.params.get("cause")}
    return len(roots), sum(cell_count(c) for c in cells)


def completeness(dok: Dokumen, stats: dict[str, Any]) -> list[Finding]:
    """`belum-diisi` when no indicator and no kegiatan has a realisation, `kelengkapan` (info)
    naming what is still empty otherwise; the counts go to `stats["kelengkapan"]`."""
    ind = [i for _, i in dok.indikator()]
    keg = [k for _, k in dok.kegiatan()]
    ind_empty = [i.kode for i in ind if not reported_indikator(i)]
    keg_empty = [k.kode for k in keg if not reported_kegiatan(k)]
    counts = {"indikator": len(ind), "indikator_kosong": len(ind_empty),
              "kegiatan": len(keg), "kegiatan_kosong": len(keg_empty)}
    stats["kelengkapan"] = counts
    params: dict[str, Any] = {**counts, "indikator_kode": _names(ind_empty),
                              "kegiatan_kode": _names(keg_empty)}
    if len(ind_empty) == len(ind) and len(keg_empty) == len(keg):
        stats["belum_diisi"] = True
        return [Finding("belum-diisi", "info", "", params=params)]
    # only the parts that have something missing ("0 dari 12 kegiatan (-)" says nothing)
    parts = [key for key, empty in (("kelengkapan.indikator", ind_empty),
                                    ("kelengkapan.kegiatan", keg_empty)) if empty]
    params |= {f"bagian{sfx}": "; ".join(line(key, lang, **_counts(params, lang)) for key in parts)
               for sfx, lang in (("", "id"), ("_en", "en"))}
    out = [Finding("kelengkapan", "info", "", params=params)] if parts else []
    return out + narrative_gaps(dok, stats)


def narrative_gaps(dok: Dokumen, stats: dict[str, Any]) -> list[Finding]:
    """What of the report's own text is still empty (the LKjIP document shows a placeholder
    there): the Narasi sheet's fields, the SDM table, each sasaran's analysis (naming the fields a
    sasaran still lacks: "S1 (faktor penghambat)")."""
    empty = [f.label for f in NARASI_FIELDS if f.bind and not get(dok, f.bind)]
    if not dok.sdm:
        empty.append("SDM")
    analysis = [(SASARAN.column(key), label_id, label_en)
                for key, label_id, label_en, _ in ANALISIS]
    # a sasaran without a code only gathers indicators whose sasaran code is empty: it has no row
    # to type an analysis in, and the empty code is already an error of its own
    missing = {s.kode: [(i, e) for c, i, e in analysis if not get(s, c.bind)]  # type: ignore[arg-type]
               for s in dok.sasaran if s.kode.strip()}
    sasaran = [kode for kode, fields in missing.items() if fields]
    stats["narasi_kosong"] = {"narasi": empty, "sasaran": sasaran}
    if not empty and not sasaran:
        return []

    def lacking(kode: str, lang: str) -> str:
        fields = missing[kode]
        if len(fields) == len(analysis):
            return f"{kode} ({line('narasi.all', lang)})"
        return f"{kode} ({', '.join(pick((i, e), lang).lower() for i, e in fields)})"

    def bagian(lang: str) -> str:
        # only the parts that have something missing (an empty list is no clause)
        parts = [line("narasi.fields", lang, narasi=", ".join(empty))] if empty else []
        if sasaran:
            parts.append(line("narasi.sasaran", lang,
                              sasaran=_names([lacking(k, lang) for k in sasaran])))
        return "; ".join(parts)

    return [Finding("narasi-belum-lengkap", "info", "", params={
        "narasi": ", ".join(empty) or "-", "sasaran": _names(sasaran),
        "bagian": bagian("id"), "bagian_en": bagian("en")})]


def _counts(params: dict[str, Any], lang: str) -> dict[str, Any]:
    """The counts in the reader's form ("1.204"), for a clause built before the message is."""
    return {k: tampil(v, "count", lang) if isinstance(v, int) else v for k, v in params.items()}


def _names(codes: list[str]) -> str:
    if not codes:
        return "-"
    more = len(codes) - LISTED
    return ", ".join(codes[:LISTED]) + (f" +{more}" if more > 0 else "")


__all__ = ["completeness", "consequences", "link_root_causes"]
