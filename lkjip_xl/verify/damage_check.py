"""What people do to a workbook that leaves plausible numbers behind (issue: verify catches what
people actually do). Each check reads a trace the act leaves, and uses only what the workbook
itself knows, so an honest outlier is not an alarm:

- a formula filled over an input column: input cells hold formulas, not reported values; a
  formula that only reads its own row (`=E5*0.9`) makes the figure up from another input;
- a subtotal row typed inside the kegiatan table: one row equals the sum of the other rows of its
  programme, exactly, in allocation (and spending), so the programme and the agency count it twice;
- sub-kegiatan that do not add up to the total stated for their kegiatan;
- a quarterly realisation that contradicts the annual one (TW IV reported, the year stated);
- the capaian cap typed into a percent-formatted cell, stored as 1.2 for 120;
- one money line typed in thousands of rupiah among lines in rupiah.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lkjip_xl.core import domain as d
from lkjip_xl.core.findings import Finding
from lkjip_xl.core.model import Dokumen
from lkjip_xl.schema import TABLES
from lkjip_xl.schema.sheets import KEGIATAN, PENGATURAN, PREDIKAT, REALISASI_KINERJA
from lkjip_xl.workbook.read import LayoutRead, RowRead, TableRead, loc
from lkjip_xl.xlsx.cells import cell_number, cell_text

_REF = re.compile(r"(?<![A-Za-z_!.])\$?([A-Z]{1,3})\$?(\d+)(?![\d(A-Za-z_])")
CAP_SCALE = 5.0  # a cap at or below 5 % is 120 % typed in a percent-formatted cell


def _own_row_only(formula: str, row: int) -> bool:
    """The formula reads only cells of its own row on its own sheet: =E5*0.9, =SUM(D5:F5)."""
    if "!" in formula:
        return False
    refs = _REF.findall(formula)
    return bool(refs) and all(int(r) == row for _, r in refs)


def formulas_in_inputs(lr: LayoutRead) -> Iterator[Finding]:
    """One finding per input column holding formulas: the cells, the first formula; an error when
    the formulas make the figures up from their own row, else a warning."""
    for key, tr in lr.tables.items():
        table = TABLES.get(key)
        if table is None or table.mirror is not None or key == PREDIKAT.key:
            continue
        sg = lr.grid.sheet(table.sheet)
        if sg is None:
            continue
        for col in table.columns:
            if not col.is_input or col.key not in tr.columns:
                continue
            c = tr.columns[col.key]
            hits = [(r.row, f) for r in tr.rows
                    if (f := sg.cells.formula(r.row, c)) is not None]
            if not hits:
                continue
            made_up = all(_own_row_only(f, r) for r, f in hits)
            first, last = hits[0][0], hits[-1][0]
            where = loc(table.sheet, first, c)
            if last != first:
                where += ":" + loc(table.sheet, last, c).split("!", 1)[1]
            yield Finding("rumus-di-isian", "error" if made_up else "warning", where,
                          found=hits[0][1], params={"count": len(hits), "header": col.header})


def _kegiatan_rows(tr: TableRead) -> list[RowRead]:
    return [r for r in tr.rows if cell_text(r.values.get("kode_sub")) is None
            and cell_text(r.values.get("kode_kegiatan")) is not None]


def subtotal_rows(lr: LayoutRead) -> Iterator[Finding]:
    tr = lr.tables.get(KEGIATAN.key)
    if tr is None:
        return
    by_program: dict[str | None, list[RowRead]] = {}
    for r in _kegiatan_rows(tr):
        by_program.setdefault(cell_text(r.values.get("kode_program")), []).append(r)
    for rows in by_program.values():
        if len(rows) < 3:  # a subtotal needs at least two rows to add up
            continue
        # a row equals the sum of the others when it is half the programme's total (one pass:
        # summing the others for every row would be quadratic in a long programme)
        money = {k: [cell_number(r.values.get(k)) for r in rows] for k in ("anggaran", "realisasi")}
        total = {k: d.jumlah(v) for k, v in money.items()}
        for n, r in enumerate(rows):
            a, t = money["anggaran"][n], total["anggaran"]
            if a is None or t is None or a <= 0 or not d.dekat(a, t - a):
                continue
            real, t_real = money["realisasi"][n], total["realisasi"]
            if real is not None and t_real is not None and not d.dekat(real, t_real - real):
                continue
            yield Finding("baris-subtotal", "error", tr.where(r.row, "anggaran"), found=a,
                          params={"kode": cell_text(r.values.get("kode_kegiatan")),
                                  "program": cell_text(r.values.get("kode_program"))})


def sub_kegiatan_sums(lr: LayoutRead, dok: Dokumen | None) -> Iterator[Finding]:
    tr = lr.tables.get(KEGIATAN.key)
    if tr is None or dok is None:
        return
    row_of = {cell_text(r.values.get("kode_kegiatan")): r.row for r in _kegiatan_rows(tr)}
    for _, k in dok.kegiatan():
        if not k.sub_kegiatan or k.kode not in row_of:
            continue
        for key in ("anggaran", "realisasi"):
            stated = getattr(k, key)
            total = d.jumlah(getattr(s, key) for s in k.sub_kegiatan)
            if stated is not None and total is not None and not d.dekat(stated, total):
                yield Finding("sub-kegiatan-tidak-cocok", "error", tr.where(row_of[k.kode], key),
                              found=stated, expected=total, params={"kode": k.kode})


def quarters_against_year(lr: LayoutRead, dok: Dokumen | None) -> Iterator[Finding]:
    """Only once TW IV is reported: mid-year, the year is not known from the quarters."""
    if dok is None:
        return
    nilai_tw = (dok.pengaturan.nilai_tw if dok.pengaturan.nilai_tw in ("kumulatif", "per_triwulan")
                else "kumulatif")
    rk = lr.tables.get(REALISASI_KINERJA.key)
    if rk is not None:
        row_of = {cell_text(r.values.get("kode")): r.row for r in rk.rows}
        for _, i in dok.indikator():
            agregasi = i.agregasi if i.agregasi in ("kumulatif", "akhir", "rata_rata") else None
            if i.realisasi is None or i.realisasi_tw[3] is None or i.kode not in row_of:
                continue
            year = d.nilai_tahunan(i.realisasi_tw, agregasi, nilai_tw)
            if year is not None and not d.dekat(year, i.realisasi):
                yield Finding("tw-beda-tahunan", "warning", rk.where(row_of[i.kode], "realisasi"),
                              found=i.realisasi, expected=year)
    kg = lr.tables.get(KEGIATAN.key)
    if kg is not None:
        row_of = {cell_text(r.values.get("kode_kegiatan")): r.row for r in _kegiatan_rows(kg)}
        for _, k in dok.kegiatan():
            if k.sub_kegiatan or k.realisasi is None or k.realisasi_tw[3] is None:
                continue
            year = d.nilai_tahunan(k.realisasi_tw, "kumulatif", nilai_tw)
            if year is not None and not d.dekat(year, k.realisasi) and k.kode in row_of:
                yield Finding("tw-beda-tahunan", "warning", kg.where(row_of[k.kode], "realisasi"),
                              found=k.realisasi, expected=year)


def cap_scale(lr: LayoutRead) -> Iterator[Finding]:
    value, row = lr.forms.get(PENGATURAN, {}).get("batas_capaian", (None, 0))
    n = cell_number(value)
    if n is not None and 0 < n <= CAP_SCALE:
        yield Finding("persen-skala-salah", "error", loc(PENGATURAN, row, 2), found=n,
                      expected=round(n * 100, 10))


THOUSANDS_AMONG = 4  # other lines needed before one line can be judged against them
TINY = 1 / 200  # a line below this share of the median is no ordinary line of the table


def thousands(lr: LayoutRead) -> Iterator[Finding]:
    """A money line typed in thousands of rupiah among lines in rupiah: a thousand times it sits
    among the other lines (within 0.2-5x their median) while it is tiny itself, and the row's
    other amount, when it is in rupiah, agrees with a thousand times it."""
    tr = lr.tables.get(KEGIATAN.key)
    if tr is None:
        return
    pair = {"anggaran": "realisasi", "realisasi": "anggaran"}
    for key, other_key in pair.items():
        values = [(r, v) for r in tr.rows if (v := cell_number(r.values.get(key))) is not None and v > 0]
        if len(values) <= THOUSANDS_AMONG:
            continue
        ordered = sorted(v for _, v in values)
        # the median of the other lines: leaving one tiny line out moves it by half a place at
        # most, so the table's median (found once: a line at a time would be quadratic) serves
        m = ordered[len(ordered) // 2]
        for r, v in values:
            if not (v < m * TINY and 0.2 <= v * 1000 / m <= 5):
                continue
            o = cell_number(r.values.get(other_key))
            if o is not None and o >= m * TINY and not 0.3 <= v * 1000 / o <= 3.3:
                continue
            yield Finding("anggaran-skala-ribuan", "warning", tr.where(r.row, key), found=v,
                          expected=v * 1000)


def check_damage(lr: LayoutRead, dok: Dokumen | None) -> list[Finding]:
    out: list[Finding] = []
    for gen in (formulas_in_inputs(lr), subtotal_rows(lr), sub_kegiatan_sums(lr, dok),
                quarters_against_year(lr, dok), cap_scale(lr), thousands(lr)):
        out.extend(gen)
    return out


__all__ = ["check_damage"]
