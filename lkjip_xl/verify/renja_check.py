"""The chain's content (issue #24 item 3, docs/renja-evaluation.md): a sasaran no programme
serves, programmes and kegiatan without an indicator below sasaran, a Renja target that is not
the Renstra's, a percentage added over time, a programme's Renstra money that is not its
kegiatan's sum, original pagu that do not add up, a pagu changed by the APBD-P, and the Renja
evaluation rows' reasons that deserve a finding.

The reasons are `core.evaluasi.evaluasi_renja(dok)`'s (`Kolom.alasan`), never recomputed here:
the E.81 sheet, export, laporan and rekap show the same numbers for the same reasons. Each
finding points at the cell to fix, found through the rows as typed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any, cast

from lkjip_xl.core import domain as d
from lkjip_xl.core.domain import renja
from lkjip_xl.core.evaluasi import KEGIATAN as T_KEGIATAN
from lkjip_xl.core.evaluasi import PROGRAM as T_PROGRAM
from lkjip_xl.core.evaluasi import SUB_KEGIATAN as T_SUB
from lkjip_xl.core.evaluasi import EvaluasiRenja, PemilikRenja, evaluasi_renja, indikator_renja
from lkjip_xl.core.findings import Finding
from lkjip_xl.core.model import Dokumen, IndikatorProgram, Kegiatan, SubKegiatan
from lkjip_xl.schema.input_tables import PRIOR_YEARS, RENSTRA_SLOTS
from lkjip_xl.schema.sheets import INDIKATOR_PROGRAM, KEGIATAN, PROGRAM, SASARAN
from lkjip_xl.workbook.read import LayoutRead, TableRead
from lkjip_xl.xlsx.cells import cell_text

# a level in a message, in both languages
_NAMA = {T_PROGRAM: ("program", "programme"), T_KEGIATAN: ("kegiatan", "kegiatan"),
         T_SUB: ("sub-kegiatan", "sub-kegiatan")}
# the Rp history columns a programme states on the Program sheet: (field, column prefix, its
# name in both languages)
_RIWAYAT = (("pagu_renstra", "pr", "Pagu Renstra", "The strategic-plan allocation"),
            ("realisasi_anggaran_lalu", "ral", "Realisasi anggaran", "The spending"))
# the chain findings about something missing from a table (code -> table): a row deleted from
# that table is their cause (follow_on folds them under it)
MISSING_IN = {"sasaran-tanpa-program": PROGRAM.key, "program-tanpa-indikator": INDIKATOR_PROGRAM.key,
              "kegiatan-tanpa-indikator": INDIKATOR_PROGRAM.key,
              "indikator-program-tanpa-sub-kegiatan": KEGIATAN.key,
              "indikator-program-beda-program": KEGIATAN.key}
# the E.81 reasons a finding of its own says (the others explain an empty cell the input checks
# already report: docs/renja-evaluation.md)
_REASONS = (renja.TW_SD_DI_PER_TRIWULAN, renja.REALISASI_LALU_KOSONG, renja.TAHUN_DI_LUAR_RENSTRA,
            renja.TW_MENURUN, renja.TW_BEDA_TAHUNAN)


@dataclass
class _Rows:
    """Where each object's row is, by the codes that name it (the first row of a code)."""

    ss: TableRead | None
    pg: TableRead | None
    kg: TableRead | None
    ip: TableRead | None
    row: dict[tuple[str, tuple[str | None, ...]], int]

    @classmethod
    def of(cls, lr: LayoutRead) -> _Rows:
        row: dict[tuple[str, tuple[str | None, ...]], int] = {}
        keys = {SASARAN.key: ("kode",), PROGRAM.key: ("kode",),
                KEGIATAN.key: ("kode_kegiatan", "kode_sub"),
                INDIKATOR_PROGRAM.key: ("kode_program", "kode_kegiatan", "kode_sub", "kode")}
        for key, cols in keys.items():
            tr = lr.tables.get(key)
            for r in tr.rows if tr else []:
                ident = tuple(cell_text(r.values.get(c)) for c in cols)
                row.setdefault((key, ident), r.row)
                if key == KEGIATAN.key:  # a kegiatan typed only through its sub-kegiatan rows
                    row.setdefault((key, (ident[0], "*")), r.row)
        ss, pg, kg, ip = (lr.tables.get(k) for k in keys)
        return cls(ss, pg, kg, ip, row)

    def where(self, tr: TableRead | None, ident: tuple[str | None, ...], key: str) -> str:
        if tr is None:
            return ""
        r = self.row.get((tr.table.key, ident))
        if r is None and tr.table.key == KEGIATAN.key and ident[1] is None:
            r = self.row.get((tr.table.key, (ident[0], "*")))
        return "" if r is None else tr.where(r, key)

    def owner(self, p: PemilikRenja, key: str) -> str:
        """A cell of the owner's own row: Program for a programme, Realisasi Anggaran else."""
        if p.kode_kegiatan is None:
            return self.where(self.pg, (p.kode_program,), key)
        return self.where(self.kg, (p.kode_kegiatan, p.kode_sub), key)

    def number(self, p: PemilikRenja) -> int:
        """The owner's row on its sheet (sheet order for a list of owners)."""
        key = (PROGRAM.key, (p.kode_program,)) if p.kode_kegiatan is None else (
            KEGIATAN.key, (p.kode_kegiatan, p.kode_sub))
        return self.row.get(key, self.row.get((KEGIATAN.key, (p.kode_kegiatan, "*")), 0))

    def indikator(self, p: PemilikRenja, i: IndikatorProgram, key: str) -> str:
        return self.where(self.ip, (p.kode_program, p.kode_kegiatan, p.kode_sub, i.kode), key)


def _pemilik(p: PemilikRenja) -> dict[str, str]:
    name, name_en = _NAMA[p.tingkat]
    return {"pemilik": f"{name} {p.kode}", "pemilik_en": f"{name_en} {p.kode}"}


def check_renja(lr: LayoutRead, dok: Dokumen | None) -> Iterator[Finding]:
    if dok is None:
        return
    rows = _Rows.of(lr)
    yield from _sasaran(dok, rows)
    yield from _riwayat_program(dok, rows)
    yield from _pagu(dok, rows)
    try:
        ev = evaluasi_renja(dok)
    except (ValueError, TypeError, KeyError, ArithmeticError):
        return  # an unknown setting: the choices check reports it
    yield from _indikator(ev, dok, rows)
    yield from _alasan(ev, dok, rows)


def _sasaran(dok: Dokumen, rows: _Rows) -> Iterator[Finding]:
    """Only once the Program sheet has a programme: a workbook filled sheet by sheet is not
    flooded (its empty Program sheet is the completeness info's)."""
    served = {p.sasaran for p in dok.program}
    if not dok.program:
        return
    for s in dok.sasaran:
        if s.kode not in served:
            yield Finding("sasaran-tanpa-program", "warning",
                          rows.where(rows.ss, (s.kode,), "kode"), found=s.kode,
                          params={"kode": s.kode})


def _tahun_kolom(dok: Dokumen, prefix: str, y: int) -> str | None:
    """The column of year `y` in a year map's cells: `pr1..6` from the Renstra's first year,
    `ral1..5` back from this one."""
    if prefix == "pr":
        n = None if dok.renstra is None else y - dok.renstra.awal + 1
        return f"pr{n}" if n is not None and 1 <= n <= RENSTRA_SLOTS else None
    n = dok.tahun - y
    return f"{prefix}{n}" if 1 <= n <= PRIOR_YEARS else None


def _riwayat_program(dok: Dokumen, rows: _Rows) -> Iterator[Finding]:
    """A programme's own Renstra money (the only pagu the Program sheet states: its Renstra
    funding and spending by year) against the sum of its kegiatan's for the same year, where any
    kegiatan states one; a kegiatan without its own figure for the year counts its sub-kegiatan's.
    The E.81 prints a programme's own history over its kegiatan's sums (`evaluasi.rp_program`),
    so the two must agree."""
    for prog in dok.program:
        for field, prefix, label, label_en in _RIWAYAT:
            own: Mapping[int, float | None] = getattr(prog, field)
            for y, stated in sorted(own.items()):
                col = _tahun_kolom(dok, prefix, y)
                if stated is None or col is None:
                    continue
                total = d.jumlah(_tahun_kegiatan(k, field, y) for k in prog.kegiatan)
                if total is not None and not d.dekat(stated, total):
                    yield Finding("pagu-program-beda-jumlah", "error",
                                  rows.where(rows.pg, (prog.kode,), col), found=stated,
                                  expected=total,
                                  params={"kode": prog.kode, "kolom": f"{label} {y}",
                                          "kolom_en": f"{label_en} {y}"})


def _tahun_kegiatan(k: Any, field: str, y: int) -> float | None:
    own = getattr(k, field).get(y)
    if own is not None:
        return float(own)
    return d.jumlah(getattr(s, field).get(y) for s in k.sub_kegiatan)


def _pagu(dok: Dokumen, rows: _Rows) -> Iterator[Finding]:
    """Original pagu of sub-kegiatan against their kegiatan's (as `sub-kegiatan-tidak-cocok`),
    and every row whose pagu the APBD-P changed."""
    for _, k in dok.kegiatan():
        murni = d.jumlah(s.anggaran_murni for s in k.sub_kegiatan)
        where = rows.where(rows.kg, (k.kode, None), "anggaran_murni")
        if (k.anggaran_murni is not None and murni is not None and where
                and not d.dekat(k.anggaran_murni, murni)):
            yield Finding("anggaran-murni-tidak-cocok", "error", where, found=k.anggaran_murni,
                          expected=murni, params={"kode": k.kode})
        rows_: list[tuple[Kegiatan | SubKegiatan, tuple[str | None, ...], str]] = [
            (k, (k.kode, None), T_KEGIATAN)]
        rows_ += [(s, (k.kode, s.kode), T_SUB) for s in k.sub_kegiatan]
        for x, ident, tingkat in rows_:
            if (x.anggaran is not None and x.anggaran_murni is not None
                    and not d.dekat(x.anggaran, x.anggaran_murni)):
                name, name_en = _NAMA[tingkat]
                yield Finding("pagu-berubah", "info", rows.where(rows.kg, ident, "anggaran"),
                              found=x.anggaran,  # the original is no "should be"
                              params={"kode": x.kode, "tingkat": name, "tingkat_en": name_en,
                                      "murni": x.anggaran_murni})


def _indikator(ev: EvaluasiRenja, dok: Dokumen, rows: _Rows) -> Iterator[Finding]:
    if ev.ada_indikator:  # older workbooks, with no indicator below sasaran, are not flooded
        yield from _tanpa_indikator(ev, rows)
    for p in ev.pemilik:
        for b in p.indikator:
            i = b.indikator
            beda = renja.target_renja_beda(indikator_renja(i), dok.tahun)
            if beda is not None:
                col = _tahun_kolom(dok, "pr", dok.tahun)
                renstra = rows.indikator(p, i, "tr" + col[2:]) if col else ""
                yield Finding("target-renja-beda-renstra", "warning",
                              rows.indikator(p, i, "target"), found=beda.rincian["target"],
                              expected=beda.rincian["renstra"],
                              params={"kode": i.kode, "tahun": dok.tahun, "renstra": renstra,
                                      **_pemilik(p)})
            if renja.persen_kumulatif(i.satuan, i.agregasi):
                yield Finding("persen-kumulatif", "warning", rows.indikator(p, i, "agregasi"),
                              found=i.agregasi, params={"kode": i.kode, "satuan": i.satuan,
                                                         **_pemilik(p)})


@dataclass(frozen=True)
class _Sumber:
    """An E.81 row's inputs: its cells (`cell(column key)`), its quarters as typed, how a
    message names it, and its earlier years' columns (`rl` indicators, `ral` money)."""

    cell: Callable[[str], str]
    tw: Sequence[float | None]
    kode: str
    kode_en: str
    apa: tuple[str, str]
    lalu: str
    pagu: float | None = None


def _tanpa_indikator(ev: EvaluasiRenja, rows: _Rows) -> Iterator[Finding]:
    """One line for the programmes serving a sasaran without an indicator, one for the kegiatan
    (support programmes' too), in sheet order, at the first one's code: a workbook just starting
    to fill the sheet is not flooded with a line per row."""
    for tingkat, code, key in ((T_PROGRAM, "program-tanpa-indikator", "kode"),
                               (T_KEGIATAN, "kegiatan-tanpa-indikator", "kode_kegiatan")):
        bare = sorted((p for p in ev.pemilik if p.tingkat == tingkat and not p.indikator
                       and (tingkat == T_KEGIATAN or p.kode_sasaran is not None)),
                      key=rows.number)
        if bare:
            kode = [p.kode for p in bare]
            yield Finding(code, "info", rows.owner(bare[0], key), found=len(bare),
                          params={"count": len(bare), "semua": kode, "daftar": _daftar(kode)})


DAFTAR = 10  # codes named in one line; the count in the message says how many there are


def _daftar(kode: list[str]) -> str:
    return ", ".join(kode[:DAFTAR]) + (", ..." if len(kode) > DAFTAR else "")


def _alasan(ev: EvaluasiRenja, dok: Dokumen, rows: _Rows) -> Iterator[Finding]:
    """The E.81 rows' reasons that deserve a finding, at the input cell behind them."""
    uang = _uang(dok)
    for p in ev.pemilik:
        nama = _pemilik(p)
        for b in p.indikator:
            i = b.indikator
            src = _Sumber(partial(rows.indikator, p, i), i.realisasi_tw,
                          f"{i.kode} ({nama['pemilik']})", f"{i.kode} ({nama['pemilik_en']})",
                          ("indikator", "indicator"), "rl")
            for a in b.k.alasan:
                if a.kode in _REASONS:
                    yield from _finding(a, dok, src)
        x = uang.get((p.kode_program, p.kode_kegiatan, p.kode_sub))
        if x is None:
            continue
        src = _Sumber(partial(rows.owner, p), getattr(x, "realisasi_tw", (None,) * 4),
                      nama["pemilik"], nama["pemilik_en"], ("anggaran", "the budget of"), "ral",
                      getattr(x, "anggaran", None))
        for a in p.rp.alasan:
            if a.kode in _REASONS and a.kode != renja.TAHUN_DI_LUAR_RENSTRA:
                yield from _finding(a, dok, src)


def _uang(dok: Dokumen) -> dict[tuple[str, str | None, str | None], Any]:
    """The model object behind each owner's money, by the owner's codes."""
    out: dict[tuple[str, str | None, str | None], Any] = {}
    for prog in dok.program:
        out.setdefault((prog.kode, None, None), prog)
        for k in prog.kegiatan:
            out.setdefault((prog.kode, k.kode, None), k)
            for s in k.sub_kegiatan:
                out.setdefault((prog.kode, k.kode, s.kode), s)
    return out


def _pembanding(a: renja.Alasan, pagu: float | None) -> tuple[str, str]:
    """What the quarters' sum was set against: the pagu, or the annual figure."""
    v = a.rincian.get("pembanding")
    if pagu is not None and isinstance(v, (int, float)) and d.dekat(v, pagu):
        return "pagu", "the allocation"
    return "realisasi tahunan", "the annual figure"


def _finding(a: renja.Alasan, dok: Dokumen, src: _Sumber) -> Iterator[Finding]:
    r, cell = a.rincian, src.cell
    named = {"kode": src.kode, "kode_en": src.kode_en}
    if a.kode == renja.TW_SD_DI_PER_TRIWULAN:
        first, last = cell("r1"), cell("r4")
        where = f"{first}:{last.split('!', 1)[1]}" if first and last else first
        pembanding, pembanding_en = _pembanding(a, src.pagu)
        yield Finding(a.kode, "warning", where, found=r.get("jumlah"), expected=r.get("terakhir"),
                      params={**named, "persen_jumlah": r.get("persen_jumlah"),
                              "persen_terakhir": r.get("persen_terakhir"),
                              "pembanding": pembanding, "pembanding_en": pembanding_en})
    elif a.kode == renja.REALISASI_LALU_KOSONG:
        years = sorted(cast("tuple[int, ...]", r.get("tahun", ())))
        # the empty years' cells: N-1 leftmost, so the latest year's cell starts the range
        ks = sorted(int(c[len(src.lalu):]) for y in years if (c := _tahun_kolom(dok, src.lalu, y)))
        if not ks:
            return
        first, last = cell(f"{src.lalu}{ks[0]}"), cell(f"{src.lalu}{ks[-1]}")
        where = first if len(ks) == 1 or not last else f"{first}:{last.split('!', 1)[1]}"
        yield Finding(a.kode, "warning", where, params={
            **named, "tahun": ", ".join(map(str, years)), "apa": src.apa[0], "apa_en": src.apa[1]})
    elif a.kode == renja.TAHUN_DI_LUAR_RENSTRA:
        col = _tahun_kolom(dok, "pr", dok.tahun)
        yield Finding(a.kode, "info", cell("tr" + col[2:] if col else "target"),
                      params={**named, "tahun": dok.tahun})
    elif a.kode == renja.TW_MENURUN:
        q = cast(int, r.get("triwulan", 0))
        yield Finding(a.kode, "warning", cell(f"r{q}"), found=r.get("nilai"),
                      expected=r.get("sebelumnya"))
    elif a.kode == renja.TW_BEDA_TAHUNAN and src.tw[3] is not None:
        # once TW IV is reported, as the checks of Realisasi Kinerja and kegiatan rows wait for it
        yield Finding(a.kode, "warning", cell("realisasi"), found=r.get("tahunan"),
                      expected=r.get("dari_tw"))


__all__ = ["MISSING_IN", "check_renja"]
