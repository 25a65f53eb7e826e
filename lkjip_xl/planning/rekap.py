"""The consolidation workbook of a region (`lkjip-xl rekap DIR -o rekap.xlsx`), with xlsxwriter.

Sheets: Ringkasan (region totals and predicate counts), Instansi (one row per agency: mean
capaian, budget, absorption, efficiency, rankings), Indikator (one row per agency and indicator:
target, realisasi, capaian, predikat), Efisiensi (per agency and sasaran), Grafik (absorption and
mean capaian per agency), Evaluasi RKPD (every agency's E.81 rows under the RPJMD sasaran they
serve, planning/rekap_renja.py) and Tidak Direkap (the files left out, their verdict and why: not filled
in yet, failed verification, unreadable, not an lkjip-xl workbook).

The agencies' own figures (budget, realisasi, each indicator's capaian and predikat) are values
from each file's measurement; everything derived here is a formula (counts, means, absorption,
efficiency, RANK, totals) with its value cached, computed by the domain core the same way.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import xlsxwriter

from lkjip_xl.core import domain as d
from lkjip_xl.core.errors import UsageError
from lkjip_xl.core.findings import VERDICTS, Finding, Report
from lkjip_xl.core.model import Pengaturan
from lkjip_xl.planning import rekap_renja as rr
from lkjip_xl.planning.summary import status_of, status_word
from lkjip_xl.schema import formulas as f
from lkjip_xl.schema import printing
from lkjip_xl.schema.formats import (
    COMPUTED_FILL,
    GRID_BORDER,
    HEADER_FILL,
    LABEL_FORMATS,
    NUMBER_FORMATS,
    SECOND_SERIES,
)
from lkjip_xl.schema.rekap_tables import (
    EFISIENSI,
    EVALUASI_RKPD,
    GAGAL,
    HEADER_ROW,
    INDIKATOR,
    INSTANSI,
    S_EFISIENSI,
    S_GAGAL,
    S_GRAFIK,
    S_INDIKATOR,
    S_INSTANSI,
    S_RINGKASAN,
    S_RKPD,
)
from lkjip_xl.schema.types import Table, col_letter, quote_sheet
from lkjip_xl.xlsx.safe_text import clean_xml_text
from lkjip_xl.xlsx.whole_numbers import WholeNumbers

FIRST = HEADER_ROW + 1
DEFAULT_COL_WIDTH = 8.43  # Excel's default column width (characters)
ROW_PX = 20  # a default row (15 pt) in pixels
MAX_FINDINGS_PER_FILE = 50
RINGKASAN_VALUE_COL = 1  # 0-based: Ringkasan's labels in A, its values in B


def _spec(table: Table) -> tuple[tuple[str, str, str, float], ...]:
    """(key, header, kind, width) of each declared column, as the writing below walks them."""
    return tuple((c.key, c.header, c.kind, c.width) for c in table.columns)


INSTANSI_COLS, INDIKATOR_COLS = _spec(INSTANSI), _spec(INDIKATOR)
EFISIENSI_COLS, GAGAL_COLS = _spec(EFISIENSI), _spec(GAGAL)
RKPD_COLS = _spec(EVALUASI_RKPD)


def _letter(cols: Sequence[tuple[str, str, str, float]], key: str) -> str:
    for i, c in enumerate(cols, start=1):
        if c[0] == key:
            return col_letter(i)
    raise KeyError(key)


def _rng(sheet: str, cols: Sequence[tuple[str, str, str, float]], key: str, n: int) -> str:
    c = _letter(cols, key)
    return f"{quote_sheet(sheet)}!${c}${FIRST}:${c}${FIRST + max(n, 1) - 1}"


def _rank(value: float | None, values: Sequence[float | None]) -> int | None:
    if value is None:
        return None
    return 1 + sum(1 for v in values if v is not None and v > value)


@dataclass
class Agency:
    no: int
    path: str
    report: Report
    data: dict[str, Any]
    capaian: float | None = None
    penyerapan: float | None = None
    efisiensi: float | None = None
    indikator: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class RekapResult:
    included: list[Agency]
    failed: list[tuple[str, Report]]
    region: dict[str, Any]


NOT_CONSOLIDATED = ("belum-diisi", "bukan-format-lkjip", "tidak-terbaca")
# Ringkasan's count of files per verdict (findings.VERDICTS)
VERDICT_LABELS = {"lulus": "Berkas lulus verifikasi", "belum-diisi": "Berkas belum diisi",
                  "gagal": "Berkas gagal verifikasi",
                  "bukan-format-lkjip": "Berkas bukan format lkjip-xl",
                  "tidak-terbaca": "Berkas tidak terbaca"}


def reporting_years(results: Sequence[tuple[str, Report]]) -> dict[int, int]:
    """Reporting year -> number of consolidatable files of that year."""
    years: dict[int, int] = {}
    for _, r in results:
        data = r.stats.get("ringkasan")
        if data is not None and r.verdict() not in NOT_CONSOLIDATED and data.get("tahun"):
            years[int(data["tahun"])] = years.get(int(data["tahun"]), 0) + 1
    return years


def check_one_year(results: Sequence[tuple[str, Report]], tahun: int | None) -> None:
    """A region's rekap is of one year: several years without `tahun` chosen is refused."""
    years = reporting_years(results)
    if tahun is None and len(years) > 1:
        listed = ", ".join(f"{y} ({n})" for y, n in sorted(years.items()))
        raise UsageError(
            f"workbook dari beberapa tahun pelaporan: {listed}; pilih satu dengan --tahun",
            f"workbooks of several reporting years: {listed}; choose one with --tahun")


def select(results: Sequence[tuple[str, Report]], include_errors: bool = False,
           tahun: int | None = None) -> tuple[list[Agency], list[tuple[str, Report]]]:
    """Agencies consolidated (readable, filled in, of year `tahun` when given, no error unless
    include_errors) and files left out.

    Files with errors are listed as failed even when include_errors takes their figures in."""
    agencies: list[Agency] = []
    failed: list[tuple[str, Report]] = []
    for path, r in results:
        data = r.stats.get("ringkasan")
        usable = data is not None and r.verdict() not in NOT_CONSOLIDATED
        if usable and tahun is not None and data is not None and data.get("tahun") != tahun:
            usable = False
            r.add(Finding("tahun-lain", "error", "", found=data.get("tahun"), expected=tahun))
        if not usable or r.errors:
            failed.append((path, r))
        if usable and (include_errors or not r.errors):
            assert data is not None
            a = Agency(len(agencies) + 1, path, r, data, indikator=list(data["indikator"]))
            a.capaian = d.rerata(i["capaian_dipakai"] for i in a.indikator)
            a.penyerapan = d.penyerapan(data["anggaran"], data["realisasi"])
            metode = data.get("metode_efisiensi") or Pengaturan.metode_efisiensi
            a.efisiensi = (None if metode == "biaya_per_unit"
                           else d.efisiensi(metode, a.capaian, a.penyerapan))
            agencies.append(a)
    return agencies, failed


class _Writer:
    def __init__(self, wb: Any, kertas: str = "A4") -> None:
        self.wb = wb
        self.kertas = kertas
        self.paper = printing.paper_code(kertas)
        self.title = wb.add_format({"bold": True, "font_size": 14, "font_color": HEADER_FILL})
        self.note = wb.add_format({"italic": True, "font_color": "#555555"})
        self.header = wb.add_format({"bold": True, "text_wrap": True, "valign": "vcenter",
                                     "align": "center", "border": 1, "font_color": "#FFFFFF",
                                     "bg_color": HEADER_FILL})
        self.label = wb.add_format({"bold": True, "border": 1})
        self._fmts: dict[tuple[str, bool], Any] = {}
        self.whole = WholeNumbers(NUMBER_FORMATS["int"])  # "66", not Excel's "66."

    def fmt(self, kind: str, computed: bool = False) -> Any:
        key = (kind, computed)
        if key not in self._fmts:
            props: dict[str, Any] = {"border": 1, "border_color": GRID_BORDER, "valign": "top"}
            if kind in NUMBER_FORMATS:
                props["num_format"] = NUMBER_FORMATS[kind]
            if kind == "text":
                props["text_wrap"] = True
            if computed:
                props["bg_color"] = COMPUTED_FILL
            self._fmts[key] = self.wb.add_format(props)
        return self._fmts[key]

    def value(self, ws: Any, row: int, col: int, v: Any, kind: str) -> None:
        """0-based row/col; user text always as a string."""
        f = self.fmt(kind)
        if kind == "number":
            self.whole.add(ws, row, col, row)
        if v is None or v == "":
            ws.write_blank(row, col, None, f)
        elif isinstance(v, bool):
            ws.write_boolean(row, col, v, f)
        elif isinstance(v, (int, float)) and kind != "text":
            ws.write_number(row, col, v, f)
        else:
            ws.write_string(row, col, clean_xml_text(str(v)), f)

    def formula(self, ws: Any, row: int, col: int, text: str, cached: Any, kind: str) -> None:
        if kind == "number":
            self.whole.add(ws, row, col, row)
        ws.write_formula(row, col, "=" + text, self.fmt(kind, True), "" if cached is None else cached)

    def fit_row(self, ws: Any, row: int, cols: Sequence[tuple[str, str, str, float]],
                values: dict[str, Any]) -> None:
        """A row as tall as its longest wrapped text: spreadsheet programs keep a written row's
        height, and a long agency name would print over the next row."""
        lines = max((printing.wrapped_lines(v, width) for key, _, kind, width in cols
                     if kind == "text" and isinstance(v := values.get(key), str) and v),
                    default=1)
        if lines > 1:
            ws.set_row(row, printing.ROW_PT * lines)

    def print_plan(self, ws: Any, table: Table, rows: int) -> None:
        """The filled rows; a table too wide for one readable page split over planned pages
        with its key columns (No, Instansi...) repeated, as the agency workbook's tables."""
        pp = printing.plan(table, rows, kertas=self.kertas)
        ws.print_area(0, 0, pp.last_row - 1, pp.last_col - 1)
        ws.fit_to_pages(pp.pages_wide, 0)
        if pp.repeat_cols:
            ws.repeat_columns(0, pp.repeat_cols - 1)

    def sheet(self, name: str, title: str, note: str,
              cols: Sequence[tuple[str, str, str, float]]) -> Any:
        ws = self.wb.add_worksheet(name)
        ws.write_string(0, 0, title, self.title)
        ws.write_string(1, 0, note, self.note)
        for c, (_, header, _, width) in enumerate(cols):
            ws.write_string(HEADER_ROW - 1, c, header, self.header)
            ws.set_column(c, c, width)
        ws.set_row(HEADER_ROW - 1, 32)
        ws.freeze_panes(HEADER_ROW, 2)
        ws.set_landscape()
        ws.set_paper(self.paper)
        ws.fit_to_pages(1, 0)
        ws.repeat_rows(HEADER_ROW - 1)
        ws.set_footer("&C&8Halaman &P dari &N")
        return ws


def _col(cols: Sequence[tuple[str, str, str, float]], key: str) -> int:
    return [c[0] for c in cols].index(key)


def _write_indikator(w: _Writer, agencies: list[Agency]) -> int:
    ws = w.sheet(S_INDIKATOR, "Capaian indikator per instansi",
                 "Nilai dari pengukuran setiap workbook instansi (capaian dipakai = setelah batas "
                 "capaian).", INDIKATOR_COLS)
    row = FIRST - 1
    for a in agencies:
        for ind in a.indikator:
            vals = {"no": a.no, "instansi": a.data["instansi"], **ind}
            for c, (key, _, kind, _) in enumerate(INDIKATOR_COLS):
                w.value(ws, row, c, vals.get(key), kind)
            w.fit_row(ws, row, INDIKATOR_COLS, vals)
            row += 1
    n = row - (FIRST - 1)
    w.print_plan(ws, INDIKATOR, n)
    if n:
        ws.autofilter(HEADER_ROW - 1, 0, HEADER_ROW - 1 + n, len(INDIKATOR_COLS) - 1)
    return n


def _write_instansi(w: _Writer, agencies: list[Agency], n_ind: int, lang: str) -> None:
    ws = w.sheet(S_INSTANSI, "Rekap per instansi",
                 "Capaian rata-rata = rata-rata capaian dipakai indikator instansi; penyerapan = "
                 "realisasi / anggaran x 100; peringkat 1 = tertinggi.", INSTANSI_COLS)
    n = len(agencies)
    ind_no = _rng(S_INDIKATOR, INDIKATOR_COLS, "no", n_ind)
    ind_cap = _rng(S_INDIKATOR, INDIKATOR_COLS, "capaian_dipakai", n_ind)
    L = {k: _letter(INSTANSI_COLS, k) for k, *_ in INSTANSI_COLS}
    pen_rng = f"${L['penyerapan']}${FIRST}:${L['penyerapan']}${FIRST + max(n, 1) - 1}"
    cap_rng = f"${L['capaian']}${FIRST}:${L['capaian']}${FIRST + max(n, 1) - 1}"
    pens = [a.penyerapan for a in agencies]
    caps = [a.capaian for a in agencies]
    for i, a in enumerate(agencies):
        r0, r = FIRST - 1 + i, FIRST + i
        no = f"${L['no']}{r}"
        values = {"no": a.no, "instansi": a.data["instansi"], "pemda": a.data.get("pemda"),
                  "tahun": a.data.get("tahun"), "file": Path(a.path).name,
                  "anggaran": a.data["anggaran"], "realisasi": a.data["realisasi"],
                  "metode": a.data.get("metode_efisiensi") or Pengaturan.metode_efisiensi,
                  "status": status_word(status_of(a.report), lang), "galat": a.report.errors,
                  "peringatan": a.report.warnings}
        for key, _, kind, _ in INSTANSI_COLS:
            if key in values:
                w.value(ws, r0, _col(INSTANSI_COLS, key), values[key], kind)
        w.fit_row(ws, r0, INSTANSI_COLS, values)
        n_num = f"SUMPRODUCT(({ind_no}={no})*ISNUMBER({ind_cap}))"
        formulas: dict[str, tuple[str, Any]] = {
            "n_indikator": (f"COUNTIF({ind_no},{no})", len(a.indikator)),
            "capaian": (f'IF({n_num}=0,"",SUMIFS({ind_cap},{ind_no},{no})/{n_num})', a.capaian),
            "penyerapan": (f.penyerapan(f"${L['anggaran']}{r}", f"${L['realisasi']}{r}"),
                           a.penyerapan),
            "efisiensi": (f.efisiensi(f"${L['metode']}{r}", f"${L['capaian']}{r}",
                                      f"${L['penyerapan']}{r}"), a.efisiensi),
            "rank_penyerapan": (f'IF(ISNUMBER(${L["penyerapan"]}{r}),'
                                f'RANK(${L["penyerapan"]}{r},{pen_rng},0),"")',
                                _rank(a.penyerapan, pens)),
            "rank_capaian": (f'IF(ISNUMBER(${L["capaian"]}{r}),RANK(${L["capaian"]}{r},{cap_rng},0),"")',
                             _rank(a.capaian, caps)),
        }
        for key, (text, cached) in formulas.items():
            kind = INSTANSI_COLS[_col(INSTANSI_COLS, key)][2]
            w.formula(ws, r0, _col(INSTANSI_COLS, key), text, cached, kind)
    if n:
        ws.autofilter(HEADER_ROW - 1, 0, HEADER_ROW - 1 + n, len(INSTANSI_COLS) - 1)
    w.print_plan(ws, INSTANSI, n)


def _write_efisiensi(w: _Writer, agencies: list[Agency]) -> None:
    ws = w.sheet(S_EFISIENSI, "Anggaran dan efisiensi per sasaran",
                 "Efisiensi menurut metode efisiensi tiap instansi (lihat kolom Metode).",
                 EFISIENSI_COLS)
    row = FIRST - 1
    la, lr = _letter(EFISIENSI_COLS, "anggaran"), _letter(EFISIENSI_COLS, "realisasi")
    for a in agencies:
        for s in a.data.get("sasaran", []):
            vals = {"no": a.no, "instansi": a.data["instansi"],
                    "metode": a.data.get("metode_efisiensi") or Pengaturan.metode_efisiensi, **s}
            for c, (key, _, kind, _) in enumerate(EFISIENSI_COLS):
                if key == "penyerapan":
                    r = row + 1
                    w.formula(ws, row, c, f.penyerapan(f"${la}{r}", f"${lr}{r}"),
                              d.penyerapan(s.get("anggaran"), s.get("realisasi")), kind)
                else:
                    w.value(ws, row, c, vals.get(key), kind)
            w.fit_row(ws, row, EFISIENSI_COLS, vals)
            row += 1
    w.print_plan(ws, EFISIENSI, row - (FIRST - 1))


def _write_rkpd(w: _Writer, agencies: list[Agency]) -> None:
    """Evaluasi RKPD: each group's title, its agencies' E.81 rows (values from each file's
    evaluation) and its money line, a formula over the group's programme rows."""
    ws = w.sheet(S_RKPD, "Evaluasi hasil RKPD: E.81 perangkat daerah per sasaran RPJMD",
                 "Baris E.81 setiap instansi yang lolos verifikasi, dikelompokkan menurut acuan "
                 "RPJMD sasarannya; jumlah anggaran per kelompok = jumlah baris program.",
                 RKPD_COLS)
    tingkat = _letter(RKPD_COLS, "tingkat")
    row, start = FIRST - 1, FIRST - 1
    for line in rr.lines((a.no, list(a.data.get("renja") or [])) for a in agencies):
        if line.kind == "judul":
            ws.write_string(row, _col(RKPD_COLS, "instansi"), clean_xml_text(line.acuan),
                            w.label)
            start = row + 1
        elif line.kind == "baris":
            vals = line.values()
            for c, (key, _, kind, _) in enumerate(RKPD_COLS):
                w.value(ws, row, c, vals.get(key), kind)
            w.fit_row(ws, row, RKPD_COLS, vals)
        else:
            _rkpd_jumlah(w, ws, row, line, start, tingkat)
        row += 1
    w.print_plan(ws, EVALUASI_RKPD, row - (FIRST - 1))


def _rkpd_jumlah(w: _Writer, ws: Any, row: int, line: rr.Line, start: int, tingkat: str) -> None:
    """A group's money line: each Rp column the sum of its programme rows (empty when none
    has it), the percentages from those sums, as `kelompok_rkpd` computed them."""
    ws.write_string(row, _col(RKPD_COLS, "uraian"), rr.JUMLAH, w.label)
    rp = line.kelompok.rp if line.kelompok else None
    first, last = start + 1, row  # 1-based rows of the group's E.81 rows
    ting = f"${tingkat}${first}:${tingkat}${last}"
    for k in rr.SUMMED:
        key = f"rp{k.nomor}"
        c = _letter(RKPD_COLS, key)
        cells = f"{c}{first}:{c}{last}"
        program = f'"{rr.TINGKAT_TEXT["program"]}"'
        text = (f'IF(COUNTIFS({ting},{program},{cells},"<>")=0,"",'
                f'SUMIFS({cells},{ting},{program}))')
        w.formula(ws, row, _col(RKPD_COLS, key), text, k.of(rp), "money")
    for nomor, (pagu, real) in rr.RATIOS.items():
        key = f"rp{nomor}"
        formula = f.penyerapan(f"{_letter(RKPD_COLS, 'rp' + pagu)}{row + 1}",
                               f"{_letter(RKPD_COLS, 'rp' + real)}{row + 1}")
        cached = next(k.of(rp) for k in rr.KOLOM_E81 if k.nomor == nomor)
        w.formula(ws, row, _col(RKPD_COLS, key), formula, cached, "percent")


def _write_gagal(w: _Writer, failed: list[tuple[str, Report]], lang: str) -> None:
    ws = w.sheet(S_GAGAL, "Berkas yang tidak direkap",
                 "Belum diisi, bukan format lkjip-xl, tidak terbaca, atau gagal verifikasi "
                 "(angkanya masuk rekap hanya dengan --sertakan-galat). Satu baris per galat.",
                 GAGAL_COLS)
    row = FIRST - 1
    for n, (path, r) in enumerate(failed, start=1):
        data = r.stats.get("ringkasan") or {}
        errors: list[Finding | None] = [x for x in r.findings if x.severity == "error"]
        # no error: the finding that names the verdict (belum-diisi, bukan-format-lkjip)
        named: list[Finding | None] = [x for x in r.findings if x.code == status_of(r)]
        errors = errors or named[:1] or [None]
        for found in errors[:MAX_FINDINGS_PER_FILE]:
            vals = {"no": n, "file": Path(path).name, "instansi": data.get("instansi"),
                    "status": status_word(status_of(r), lang), "galat": r.errors,
                    "peringatan": r.warnings,
                    "kode": found.code if found else None,
                    "lokasi": found.location if found else None,
                    "pesan": (found.message(lang) if found
                              else r.stats.get("ringkasan_galat"))}
            for c, (key, _, kind, _) in enumerate(GAGAL_COLS):
                w.value(ws, row, c, vals.get(key), kind)
            w.fit_row(ws, row, GAGAL_COLS, vals)
            row += 1
    w.print_plan(ws, GAGAL, row - (FIRST - 1))


def _write_ringkasan(wb: Any, w: _Writer, agencies: list[Agency], verdicts: list[str],
                     n_ind: int) -> dict[str, Any]:
    ws = wb.add_worksheet(S_RINGKASAN)
    ws.set_column(0, 0, 44)
    ws.set_column(1, 1, 24)
    # a short two-column summary: portrait, one page wide, numbered like the other sheets
    ws.set_paper(w.paper)
    ws.set_portrait()
    ws.fit_to_pages(1, 0)
    ws.set_footer("&C&8Halaman &P dari &N")
    ws.write_string(0, 0, "Rekap kinerja instansi", w.title)
    pemda = sorted({str(a.data["pemda"]) for a in agencies if a.data.get("pemda")})
    years = sorted({int(a.data["tahun"]) for a in agencies if a.data.get("tahun") is not None})
    ws.write_string(1, 0, "Dibuat oleh lkjip-xl rekap dari workbook instansi yang lolos "
                          "verifikasi.", w.note)
    n = len(agencies)
    anggaran = d.jumlah(a.data["anggaran"] for a in agencies)
    realisasi = d.jumlah(a.data["realisasi"] for a in agencies)
    all_caps = [i["capaian_dipakai"] for a in agencies for i in a.indikator]
    region: dict[str, Any] = {
        "instansi": n, "indikator": n_ind, "anggaran": anggaran, "realisasi": realisasi,
        "penyerapan": d.penyerapan(anggaran, realisasi),
        "capaian_instansi": d.rerata(a.capaian for a in agencies),
        "capaian_indikator": d.rerata(all_caps),
    }

    def rng(key: str) -> str:
        return _rng(S_INSTANSI, INSTANSI_COLS, key, n)

    first = 5  # 1-based row of the first line below
    rows: list[tuple[str, str | None, Any, str]] = [
        ("Pemerintah daerah", None, ", ".join(pemda) or None, "text"),
        ("Tahun", None, ", ".join(str(y) for y in years) or None, "text"),
        ("Berkas diperiksa", None, len(verdicts), "int"),
        # each file by its verdict, as verify of the folder says it (belum diisi is no failure)
        *((VERDICT_LABELS[v], None, verdicts.count(v), "int") for v in VERDICTS),
        ("Instansi direkap", f"COUNT({rng('no')})", n, "int"),
        ("Jumlah indikator", f"COUNT({_rng(S_INDIKATOR, INDIKATOR_COLS, 'no', n_ind)})", n_ind,
         "int"),
    ]
    totals = first + len(rows)  # 1-based rows of the two totals the region's absorption reads
    rows += [
        ("Total anggaran", f'IF(COUNT({rng("anggaran")})=0,"",SUM({rng("anggaran")}))', anggaran,
         "money"),
        ("Total realisasi anggaran", f'IF(COUNT({rng("realisasi")})=0,"",SUM({rng("realisasi")}))',
         realisasi, "money"),
        ("Penyerapan anggaran wilayah (%)", _penyerapan_ref(totals, totals + 1),
         region["penyerapan"], "percent"),
        ("Capaian rata-rata instansi (%)",
         f'IF(COUNT({rng("capaian")})=0,"",AVERAGE({rng("capaian")}))', region["capaian_instansi"],
         "percent"),
        ("Capaian rata-rata semua indikator (%)",
         "IF(COUNT({r})=0,\"\",AVERAGE({r}))".format(
             r=_rng(S_INDIKATOR, INDIKATOR_COLS, "capaian_dipakai", n_ind)),
         region["capaian_indikator"], "percent"),
    ]
    ws.write_string(first - 2, 0, "Uraian", w.header)
    ws.write_string(first - 2, RINGKASAN_VALUE_COL, "Nilai", w.header)
    for k, (label, formula, value, kind) in enumerate(rows):
        r0 = first - 1 + k
        ws.write_string(r0, 0, label, w.label)
        if formula is None:
            w.value(ws, r0, RINGKASAN_VALUE_COL, value, kind)
        else:
            w.formula(ws, r0, RINGKASAN_VALUE_COL, formula, value, kind)
    # predicate counts: labels written as text cells, counted by exact (case-blind) comparison
    r0 = first - 1 + len(rows) + 1
    ws.write_string(r0, 0, "Predikat indikator", w.header)
    ws.write_string(r0, 1, "Jumlah indikator", w.header)
    labels: list[str] = []
    for a in agencies:
        for band in a.indikator:
            lab = band.get("predikat")
            if lab and lab.lower() not in (x.lower() for x in labels):
                labels.append(lab)
    pred = _rng(S_INDIKATOR, INDIKATOR_COLS, "predikat", n_ind)
    for k, lab in enumerate(labels, start=1):
        ws.write_string(r0 + k, 0, clean_xml_text(lab), w.label)
        count = sum(1 for x in all_preds(agencies) if x.lower() == lab.lower())
        w.formula(ws, r0 + k, 1, f"SUMPRODUCT(--({pred}=$A${r0 + k + 1}))", count, "int")
    region["predikat"] = {lab: sum(1 for x in all_preds(agencies) if x.lower() == lab.lower())
                          for lab in labels}
    return region


def _penyerapan_ref(row_anggaran: int, row_realisasi: int) -> str:
    """Absorption of the region's totals, which Ringkasan lists in its value column."""
    col = col_letter(RINGKASAN_VALUE_COL + 1)
    return f.penyerapan(f"${col}${row_anggaran}", f"${col}${row_realisasi}")


def all_preds(agencies: list[Agency]) -> list[str]:
    return [str(i["predikat"]) for a in agencies for i in a.indikator if i.get("predikat")]


CHART_COLS = 13  # A..M at the default width: the charts' 760 px and a margin, printed at 100 %
CHART_TOP = 2  # the first chart's row, under the sheet's title


def _write_charts(wb: Any, w: _Writer, agencies: list[Agency]) -> None:
    ws = wb.add_worksheet(S_GRAFIK)
    ws.write_string(0, 0, "Grafik per instansi", w.title)
    n = len(agencies)
    if not n:
        return
    # each chart whole on its own landscape page: as tall as its bars need, never taller than
    # the page holds (many agencies: thinner bars, not a chart cut in two)
    widths = [DEFAULT_COL_WIDTH] * CHART_COLS
    left, right, top, bottom = printing.REPORT_MARGINS
    page_px = int(printing.page_height_rows_pt(widths, kertas=w.kertas) / 0.75)
    height = min(max(320, 22 * n + 120), page_px - (CHART_TOP + 1) * ROW_PX)
    rows = -(-(height + 8) // ROW_PX)  # the rows the chart covers
    second = CHART_TOP + rows + 2  # a blank row, the break, a blank row, the second chart
    ws.set_landscape()
    ws.set_paper(w.paper)
    ws.set_margins(left=left, right=right, top=top, bottom=bottom)
    ws.fit_to_pages(1, 0)
    ws.set_h_pagebreaks([second - 1])
    ws.print_area(0, 0, second + rows, CHART_COLS - 1)
    ws.set_footer("&C&8Halaman &P dari &N")
    for k, (key, title) in enumerate((("penyerapan", "Penyerapan anggaran per instansi (%)"),
                                      ("capaian", "Capaian rata-rata per instansi (%)"))):
        chart = wb.add_chart({"type": "bar"})
        chart.add_series({
            "name": title,
            "categories": "=" + _rng(S_INSTANSI, INSTANSI_COLS, "instansi", n),
            "values": "=" + _rng(S_INSTANSI, INSTANSI_COLS, key, n),
            "data_labels": {"value": True, "num_format": LABEL_FORMATS["percent"]},
            "fill": {"color": HEADER_FILL if k == 0 else SECOND_SERIES},
        })
        chart.set_title({"name": title})
        chart.set_legend({"none": True})
        # percentages from 0: an axis starting at 86 makes 89.9 against 96.5 look like a gulf
        chart.set_x_axis({"min": 0})
        chart.set_size({"width": 760, "x_scale": 1, "height": height})
        ws.insert_chart(CHART_TOP if k == 0 else second, 1, chart, {"y_offset": 4})


def write_rekap(results: Sequence[tuple[str, Report]], out: str | os.PathLike[str], *,
                include_errors: bool = False, lang: str = "id",
                tahun: int | None = None, kertas: str = "A4") -> RekapResult:
    """Write the consolidation workbook to `out` (the caller makes the write atomic)."""
    agencies, failed = select(results, include_errors, tahun)
    wb = xlsxwriter.Workbook(str(out), {"strings_to_formulas": False, "strings_to_urls": False,
                                        "strings_to_numbers": False, "nan_inf_to_errors": True})
    wb.set_properties({"title": "Rekap LKjIP", "comments": "lkjip-xl rekap"})
    wb.set_calc_mode("auto")
    w = _Writer(wb, kertas)
    n_ind = sum(len(a.indikator) for a in agencies)
    region = _write_ringkasan(wb, w, agencies, [status_of(r) for _, r in results], n_ind)
    _write_instansi(w, agencies, n_ind, lang)
    _write_indikator(w, agencies)
    _write_efisiensi(w, agencies)
    _write_rkpd(w, agencies)
    _write_charts(wb, w, agencies)
    _write_gagal(w, failed, lang)
    w.whole.apply(wb)
    wb.close()
    return RekapResult(agencies, failed, region)


__all__ = ["write_rekap", "select", "check_one_year", "reporting_years", "RekapResult", "Agency"]
