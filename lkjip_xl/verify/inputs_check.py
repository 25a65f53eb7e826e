"""Checks of what was typed into the input cells (docs/findings.md, area "inputs").

Each check is a generator of findings over the located tables (reader.LayoutRead), with the
location of the offending cell. Text numbers (`66%`, `0,5`, `Rp 2.072.337.900`) are reported by
the reader itself while it builds the document, with the number probably meant.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterator
from typing import TYPE_CHECKING

from lkjip_xl.core import domain as d
from lkjip_xl.core.findings import Finding
from lkjip_xl.core.measurement import ukur
from lkjip_xl.core.model import Dokumen
from lkjip_xl.schema import SHEETS, TABLES
from lkjip_xl.schema.sheets import (
    INDIKATOR_PROGRAM,
    PENGATURAN,
    PENGUKURAN,
    PK,
    PREDIKAT,
    REALISASI_KINERJA,
    RENCANA_AKSI,
)
from lkjip_xl.verify.chain_check import check_chain
from lkjip_xl.verify.damage_check import check_damage
from lkjip_xl.workbook import tree
from lkjip_xl.workbook.read import LayoutRead, RowRead, TableRead, loc, match_key
from lkjip_xl.xlsx.cells import cell_number, cell_text
from lkjip_xl.xlsx.grid import WorkbookGrid

if TYPE_CHECKING:
    from lkjip_xl.core.measurement import Pengukuran

CAPAIAN_PLAUSIBLE = 150.0
# the numbers written in the indicator's own unit, per table (Column.unit)
_PERCENT_COLS = {key: cols for key, t in TABLES.items()
                 if (cols := tuple(c.key for c in t.columns if c.unit))}
_IP_NUMBERS = tuple(c.key for c in INDIKATOR_PROGRAM.columns if c.kind == "number")



def _rows(lr: LayoutRead, key: str) -> tuple[TableRead | None, list[RowRead]]:
    tr = lr.tables.get(key)
    return tr, (tr.rows if tr else [])


def required(lr: LayoutRead) -> Iterator[Finding]:
    for s in SHEETS:
        form = lr.forms.get(s.name)
        if form is None:
            continue
        for f in s.fields:
            value, row = form.get(f.key, (None, f.row))
            if f.required and cell_text(value) is None:
                yield Finding("isian-wajib-kosong", "error", loc(s.name, row or f.row, 2),
                              params={"header": f.label})
    for key, table in TABLES.items():
        if table.mirror is not None:
            continue
        tr, rows = _rows(lr, key)
        nested = len(table.levels) > 1
        for trow in rows:
            for c in table.columns:
                if c.required and c.is_input and c.key in trow.values \
                        and cell_text(trow.values[c.key]) is None:
                    if nested and c.bind:
                        continue  # a sub-total kegiatan row may carry its name in the sub rows
                    assert tr is not None
                    yield Finding("isian-wajib-kosong", "error", tr.where(trow.row, c.key),
                                  params={"header": c.header})


def choices(lr: LayoutRead) -> Iterator[Finding]:
    for s in SHEETS:
        form = lr.forms.get(s.name, {})
        for f in s.fields:
            if f.kind != "choice" or f.key not in form:
                continue
            value, row = form[f.key]
            t = cell_text(value)
            if t is not None and t not in f.choices:
                yield Finding("pilihan-tidak-dikenal", "error", loc(s.name, row, 2), found=t,
                              expected=", ".join(f.choices))
    for key, table in TABLES.items():
        if table.mirror is not None:
            continue
        tr, rows = _rows(lr, key)
        for c in table.columns:
            if c.kind != "choice" or not c.choices:
                continue
            for trow in rows:
                t = cell_text(trow.values.get(c.key))
                if t is not None and t not in c.choices and tr is not None:
                    yield Finding("pilihan-tidak-dikenal", "error", tr.where(trow.row, c.key),
                                  found=t, expected=", ".join(c.choices))


def settings(lr: LayoutRead) -> Iterator[Finding]:
    value, row = lr.forms.get(PENGATURAN, {}).get("batas_capaian", (None, 0))
    n = cell_number(value)
    if n is not None and n <= 0:
        yield Finding("batas-capaian-tidak-valid", "error", loc(PENGATURAN, row, 2), found=n)
    tr, rows = _rows(lr, PREDIKAT.key)
    prev: tuple[float, RowRead] | None = None
    for r in rows:
        m = cell_number(r.values.get("min"))
        if m is None:
            continue
        if prev is not None and m >= prev[0] and tr is not None:
            yield Finding("predikat-tidak-urut", "error", tr.where(r.row, "min"), found=m,
                          expected=prev[0])
        prev = (m, r)


def codes(lr: LayoutRead) -> Iterator[Finding]:
    """Codes that must be unique (`Table.unique`) and codes that must name another table's
    (`Column.ref`), as the layout declares them."""
    known: dict[str, set[str]] = {}
    for key, table in TABLES.items():
        cols = table.unique
        if not cols:
            continue
        tr, rows = _rows(lr, key)
        first: dict[tuple[str | None, ...], int] = {}
        for row in rows:
            ident = tuple(cell_text(row.values.get(c)) for c in cols)
            if ident[0] is None or tr is None:
                continue
            if ident in first:
                yield Finding("kode-ganda", "error", tr.where(row.row, cols[-1] if ident[-1]
                                                              else cols[0]),
                              found=".".join(i for i in ident if i) if len(ident) > 1 else ident[0],
                              expected=tr.where(first[ident], cols[0]))
            else:
                first[ident] = row.row
        known[key] = {i[0] for i in first if i[0] is not None}
    # as the workbook's MATCH finds an indicator code (case-insensitive, spaces kept): a code
    # with a stray space is found nowhere, and every computed cell of that indicator stays empty;
    # the tables matched so are those others join by code (Renstra & IKU)
    matched = {t.key: t.row_key for t in map(tree.source, TABLES.values())
               if any(tree.joined_to(t))}
    match_keys = {key: {match_key(r.values.get(col)) for r in _rows(lr, key)[1]} - {None}
                  for key, col in matched.items()}
    clean = {key: {k.casefold(): k for k in known.get(key, set())} for key in matched}
    for key, table in TABLES.items():
        tr, rows = _rows(lr, key)
        if tr is None or table.mirror is not None:
            continue
        for c in table.columns:
            ref = c.ref
            if ref is None:
                continue
            for row in rows:
                raw = row.values.get(c.key)
                k = cell_text(raw)
                if k is None:
                    continue
                if ref.table in matched:
                    if match_key(raw) in match_keys[ref.table]:
                        continue
                    if k.casefold() in clean[ref.table]:
                        yield Finding("kode-berspasi", "error", tr.where(row.row, c.key),
                                      found=str(raw), expected=clean[ref.table][k.casefold()])
                        continue
                elif k in known.get(ref.table, set()):
                    continue
                yield Finding(ref.finding, "error", tr.where(row.row, c.key), found=k)
    yield from _orphans(lr)


def _orphans(lr: LayoutRead) -> Iterator[Finding]:
    """A sub-kegiatan row whose kegiatan has no row of its own (a nested level's parent code
    found on no row of the level above)."""
    for table in tree.coded():
        tr, rows = _rows(lr, table.key)
        for upper, lower in zip(table.levels, table.levels[1:]):
            up, low = upper.code or "", lower.code or ""
            own_rows = {cell_text(r.values.get(up)) for r in rows if cell_text(r.values.get(low)) is None}
            for row in rows:
                k = cell_text(row.values.get(up))
                if cell_text(row.values.get(low)) is not None and k not in own_rows and tr:
                    yield Finding("sub-kegiatan-tanpa-kegiatan", "warning", tr.where(row.row, up),
                                  found=k)


def money(lr: LayoutRead) -> Iterator[Finding]:
    for table in TABLES.values():
        if table.mirror is None and any(c.kind == "money" for c in table.columns):
            yield from _money(*_rows(lr, table.key))


def _money(tr: TableRead | None, rows: list[RowRead]) -> Iterator[Finding]:
    if tr is None:
        return
    money_cols = [c.key for c in tr.table.columns if c.kind == "money"]
    for row in rows:
        for k in money_cols:
            v = cell_number(row.values.get(k))
            if v is not None and v < 0:
                yield Finding("anggaran-negatif", "error", tr.where(row.row, k), found=v)
        a, r = cell_number(row.values.get("anggaran")), cell_number(row.values.get("realisasi"))
        if a is not None and r is not None and d.lebih(r, a):
            yield Finding("realisasi-melebihi-anggaran", "error", tr.where(row.row, "realisasi"),
                          found=r, expected=a)


def percent_scale(lr: LayoutRead, grid: WorkbookGrid) -> Iterator[Finding]:
    """0.66 where the unit is % and the indicator's other numbers say 66."""
    indikator = {tree.source(TABLES[key]) for key in _PERCENT_COLS}  # the rows they are about
    ik_rows = [r for t in indikator for r in _rows(lr, t.key)[1]]
    percent_codes = {cell_text(r.values.get("kode")) for r in ik_rows
                     if (cell_text(r.values.get("satuan")) or "").strip() == "%"}
    cells: dict[object, list[tuple[TableRead, RowRead, str, float]]] = {}
    # an indicator below sasaran states its unit on its own row (codes repeat per owner)
    ip_tr, ip_rows = _rows(lr, INDIKATOR_PROGRAM.key)
    for row in ip_rows:
        if ip_tr is not None and (cell_text(row.values.get("satuan")) or "").strip() == "%":
            for k in _IP_NUMBERS:
                if (v := cell_number(row.values.get(k))) is not None:
                    cells.setdefault(row.row, []).append((ip_tr, row, k, v))
    for key, cols in _PERCENT_COLS.items():
        tr, rows = _rows(lr, key)
        if tr is None:
            continue
        for row in rows:
            code = cell_text(row.values.get("kode"))
            if code not in percent_codes or code is None:
                continue
            for k in cols:
                v = cell_number(row.values.get(k))
                if v is not None:
                    cells.setdefault(code, []).append((tr, row, k, v))
    for entries in cells.values():
        # the indicator's whole-percent entries: a fraction typed in several cells (TW IV and the
        # year) must not hide behind the others, so the reference leaves every fraction out and
        # needs the whole numbers to be the majority (an indicator of 0.5 % a year stays quiet)
        whole = [abs(x) for _, _, _, x in entries if abs(x) > 1]
        fractions = sum(1 for _, _, _, x in entries if 0 < abs(x) < 1)
        for tr, row, k, v in entries:
            if v == 0 or abs(v) >= 1:
                continue
            sg = grid.sheet(tr.table.sheet)
            cell = sg.get(row.row, tr.columns[k]) if sg else None
            styled = cell is not None and cell.style_id in grid.percent_styles
            if styled or (len(whole) >= 2 and len(whole) > fractions
                          and 0.2 <= abs(v) * 100 / statistics.median(whole) <= 5):
                yield Finding("persen-skala-salah", "error", tr.where(row.row, k), found=v,
                              expected=round(v * 100, 10))


def targets(lr: LayoutRead, dok: Dokumen | None) -> Iterator[Finding]:
    if dok is None:
        return
    pk_tr, pk_rows = _rows(lr, PK.key)
    ra_tr, ra_rows = _rows(lr, RENCANA_AKSI.key)
    rk_tr, rk_rows = _rows(lr, REALISASI_KINERJA.key)
    by_code = {i.kode: i for _, i in dok.indikator()}
    first_row: dict[tuple[str, str | None], int] = {}
    for tr, rows in ((pk_tr, pk_rows), (ra_tr, ra_rows), (rk_tr, rk_rows)):
        if tr is None:
            continue
        for r in rows:
            first_row.setdefault((tr.table.key, cell_text(r.values.get("kode"))), r.row)
    ps = dok.pengaturan
    nilai_tw = ps.nilai_tw if ps.nilai_tw in ("kumulatif", "per_triwulan") else "kumulatif"
    for kode, i in by_code.items():
        pk_row = first_row.get((PK.key, kode))
        if pk_tr is not None and pk_row is not None:
            tr_year = i.target_renstra.get(dok.tahun)
            if i.target is not None and tr_year is not None and not d.dekat(i.target, tr_year):
                # "130.000" typed where Excel reads the dot as a decimal point: 1000 times less
                slip = bool(i.target) and d.dekat(i.target * 1000, tr_year)
                yield Finding("target-skala-ribuan" if slip else "target-pk-beda-renstra",
                              "error" if slip else "warning", pk_tr.where(pk_row, "target"),
                              found=i.target, expected=tr_year,
                              params={"tahun": dok.tahun, "kode": kode})
            if i.target_perubahan is not None and not (i.alasan_perubahan or "").strip():
                yield Finding("alasan-perubahan-kosong", "warning",
                              pk_tr.where(pk_row, "alasan_perubahan"), found=i.target_perubahan)
        agregasi = i.agregasi if i.agregasi in (None, "kumulatif", "akhir", "rata_rata") else None
        annual = i.target_perubahan if i.target_perubahan is not None else i.target
        for tr, values, prefix, goal in ((ra_tr, i.target_tw, "t", annual),
                                         (rk_tr, i.realisasi_tw, "r", None)):
            row = first_row.get((tr.table.key, kode)) if tr else None
            if tr is None or row is None:
                continue
            for kind, q in d.cek_tw(values, agregasi, nilai_tw, goal):
                found = values[q]
                if kind == d.TW_MENURUN:
                    earlier = max(v for v in values[:q] if v is not None)
                    yield Finding(kind, "warning", tr.where(row, f"{prefix}{q + 1}"), found=found,
                                  expected=earlier)
                else:
                    tw4 = d.nilai_sd(values, agregasi, nilai_tw)[3]
                    yield Finding(_tw4_code(agregasi, nilai_tw), "warning",
                                  tr.where(row, f"{prefix}{q + 1}"), found=tw4, expected=goal,
                                  params={"kode": kode,
                                          **{f"t{n}": v for n, v in enumerate(values, start=1)}})


def _tw4_code(agregasi: str | None, nilai_tw: str) -> str:
    """TW IV to date is the cell itself, or (named in the message, with the four quarters) the
    mean of the four (rata_rata) or their sum (kumulatif written per quarter)."""
    if agregasi == "rata_rata":
        return "tw4-rerata-beda-target"
    if agregasi == "kumulatif" and nilai_tw == "per_triwulan":
        return "tw4-jumlah-beda-target"
    return d.TW4_BEDA_TARGET


def plausibility(lr: LayoutRead, dok: Dokumen | None,
                 p: Pengukuran | None = None) -> Iterator[Finding]:
    if dok is None:
        return
    if p is None:
        try:

            p = ukur(dok)
        except (ValueError, TypeError, KeyError, ArithmeticError):
            return
    pkk = lr.tables.get(PENGUKURAN.key)
    pkk_row: dict[str | None, int] = {}
    if pkk is not None:
        for r in reversed(pkk.rows):  # the first row of a code wins
            pkk_row[cell_text(r.values.get("kode"))] = r.row
    rk_tr, rk_rows = _rows(lr, REALISASI_KINERJA.key)
    rk_row = {cell_text(r.values.get("kode")): r.row for r in rk_rows}
    pairs = 0
    equal = 0
    for _, i in dok.indikator():
        u = p.indikator.get(i.kode)
        if u is None:
            continue
        if u.capaian is not None and u.capaian > CAPAIAN_PLAUSIBLE:
            where = ""
            if pkk is not None:
                row = pkk_row.get(i.kode)
                if row is not None:
                    where = pkk.where(row, "capaian")
            if not where and rk_tr is not None and i.kode in rk_row:
                where = rk_tr.where(rk_row[i.kode], "realisasi")
            yield Finding("capaian-tidak-wajar", "warning", where, found=round(u.capaian, 2),
                          expected=CAPAIAN_PLAUSIBLE, params={"kode": i.kode})
        if u.target is not None and u.realisasi is not None:
            pairs += 1
            equal += d.dekat(u.target, u.realisasi) if u.target or u.realisasi else 1
    if pairs >= 2 and equal == pairs:
        yield Finding("realisasi-sama-target", "info", "", found=pairs)


def check_inputs(lr: LayoutRead, dok: Dokumen | None,
                 p: Pengukuran | None = None) -> list[Finding]:
    """Every input check; `p` is the document's measurement when the caller has it already."""
    out: list[Finding] = []
    for gen in (required(lr), choices(lr), settings(lr), codes(lr), money(lr),
                percent_scale(lr, lr.grid), targets(lr, dok), plausibility(lr, dok, p),
                check_chain(lr, dok)):
        out.extend(gen)
    out.extend(check_damage(lr, dok))
    _fold_target_slips(out)
    return out


# what a PK target typed a thousand times too small makes wrong in the same indicator
_SLIP_FOLLOWERS = ("tw4-beda-target", "tw4-rerata-beda-target", "tw4-jumlah-beda-target",
                   "capaian-tidak-wajar")


def _fold_target_slips(findings: list[Finding]) -> None:
    """The quarterly targets that no longer add up to it and the absurd capaian are
    consequences of a `target-skala-ribuan`: printed under it, not as findings of their own."""
    roots = {f.params.get("kode"): f for f in findings if f.code == "target-skala-ribuan"}
    for f in findings:
        root = roots.get(f.params.get("kode"))
        if root is not None and f.code in _SLIP_FOLLOWERS and f.location:
            f.params["cause"] = root.location
            root.params.setdefault("akibat", []).append(f.location)


__all__ = ["check_inputs"]
