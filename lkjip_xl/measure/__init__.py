"""`measure`: the finished workbook from whatever the staff filled in.

Reads the input sheets (`reader.read_workbook`), measures them with the domain core, and writes a
new workbook: the input sheets regenerated from what was read, the computed sheets afresh (live
formulas, cached values from the domain core), the Bab III tables of the LKjIP, and charts.
Nothing of the user's that cannot be carried over goes silently: see `carry`.

    report = measure("isian.xlsx", "terukur.xlsx", triwulan=2)
    report.exit_code()  # 0 ok, 1 reading found errors (e.g. a non-number); OUT is written anyway

`measure.verified.measure_verified` runs verify first: with its errors open, the Bab III and
chart sheets say DRAF and list them (measure/draf.py), as laporan's document does.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from xlsxwriter.workbook import Workbook

from lkjip_xl.core.domain.triwulan import ROMAN
from lkjip_xl.core.errors import UsageError
from lkjip_xl.core.evaluasi_renstra import evaluasi_renstra
from lkjip_xl.core.findings import Finding, Report
from lkjip_xl.core.measurement import Pengukuran, ukur
from lkjip_xl.core.model import Dokumen
from lkjip_xl.measure.bab3 import Bab3
from lkjip_xl.measure.carry import Carry, check, copy_extra_sheets, rewritten_sheets
from lkjip_xl.measure.charts import MAX_TW_CHARTS, SOURCES, Charts
from lkjip_xl.measure.context import Ctx, Formats, escape_header
from lkjip_xl.measure.draf import Draf, write_sheet
from lkjip_xl.measure.e80 import E80
from lkjip_xl.measure.e81 import E81
from lkjip_xl.measure.styling import Capaian
from lkjip_xl.schema import SHEETS, TABLES
from lkjip_xl.schema.formats import GRID_BORDER
from lkjip_xl.schema.report_tables import CHART_SHEET
from lkjip_xl.schema.sheets import ANGGARAN_SASARAN, PENGUKURAN, PENGUKURAN_TW
from lkjip_xl.workbook.generate import check_fits_layout
from lkjip_xl.workbook.read import read_workbook, to_dokumen
from lkjip_xl.workbook.write import write_workbook
from lkjip_xl.workbook.year_end import check_year_end
from lkjip_xl.xlsx.atomic import write_atomic

QUARTERS = (1, 2, 3, 4)


def _blank_later_quarters(wb: Workbook, ctx: Ctx) -> None:
    """Mid-year reporting: the quarters after the reported one are left empty."""
    t = PENGUKURAN_TW
    ws = wb.get_worksheet_by_name(t.sheet)
    if ws is None or ctx.triwulan >= 4:
        return
    fmt = wb.add_format({"bg_color": "#F2F2F2", "border": 1, "border_color": GRID_BORDER})
    for q in range(ctx.triwulan + 1, 5):
        for key in (f"t{q}", f"r{q}", f"c{q}"):
            col = t.index(key) - 1
            for i in range(ctx.caps[t.key]):
                ws.write_blank(t.first_row - 1 + i, col, None, fmt)
    roman = ROMAN[ctx.triwulan - 1]
    note = wb.add_format({"italic": True, "font_color": "#C00000"})
    ws.write_string(1, 0, f"Dihitung otomatis. Dilaporkan s.d. TW {roman}: kolom triwulan "
                          "berikutnya dikosongkan (jalankan measure lagi dengan --triwulan).", note)


def _computed_capaian(wb: Workbook, ctx: Ctx, capaian: Capaian) -> None:
    """Predicate colours on the computed sheets' capaian columns."""
    cols = [(PENGUKURAN.key, "capaian"), (PENGUKURAN.key, "capaian_dipakai"),
            (ANGGARAN_SASARAN.key, "capaian")]
    cols += [(PENGUKURAN_TW.key, f"c{q}") for q in QUARTERS if q <= ctx.triwulan]
    for key, col in cols:
        t = TABLES[key]
        ws = wb.get_worksheet_by_name(t.sheet)
        if ws is not None:
            capaian.add(ws, t.first_row - 1, t.index(col) - 1, t.first_row - 2 + ctx.caps[key])


def _page_headers(wb: Workbook, ctx: Ctx) -> None:
    agency = escape_header(f"{ctx.dok.instansi.nama} - {ctx.dok.tahun}")
    for s in SHEETS:
        ws = wb.get_worksheet_by_name(s.name)
        if ws is not None and s.kind != "guide":
            ws.set_header(f"&L&8{agency}&C&8{escape_header(s.title)}&R&8lkjip-xl")


class _Extend:
    """The `extend` hook of `writer.write_workbook`: everything measure adds to the workbook."""

    PARTS = 5  # progress steps: the two Bab III sheets, the charts, the E.81 and the E.80

    def __init__(self, ctx: Ctx, carry: Carry, progress: Callable[[], None] | None = None) -> None:
        self.ctx, self.carry = ctx, carry
        self.tick = progress or (lambda: None)
        # the tables of the workbook this hook still writes into or charts: held until `close`,
        # the others are written out as they are made (`write_workbook(keep=)`)
        self.keep = frozenset(SOURCES) | ({PENGUKURAN_TW.key} if ctx.triwulan < 4 else frozenset())
        self.tables: list[str] = []
        self.charts = 0
        self.skipped_tw = 0

    def __call__(self, wb: Workbook) -> None:
        fm = Formats(wb)
        capaian = Capaian()
        _blank_later_quarters(wb, self.ctx)
        _computed_capaian(wb, self.ctx, capaian)
        _page_headers(wb, self.ctx)
        if self.ctx.draf is not None:
            write_sheet(wb, self.ctx.draf, self.ctx.dok.pengaturan.kertas)
        bab3 = Bab3(wb, self.ctx, fm, capaian)
        bab3.kinerja_sheet()
        self.tick()
        bab3.anggaran_sheet()
        self.tick()
        charts = Charts(wb, self.ctx, fm, capaian)
        charts.sheet()
        self.tick()
        E81(wb, self.ctx, fm, capaian).sheet()
        self.tick()
        renstra = evaluasi_renstra(self.ctx.dok)
        if renstra is not None:  # the Renstra evaluation needs the plan's period
            E80(wb, self.ctx, fm, capaian, renstra).sheet()
        self.tick()
        copy_extra_sheets(wb, self.carry.extra_sheets)
        capaian.apply(wb, self.ctx)
        fm.whole.apply(wb)
        self.tables, self.charts, self.skipped_tw = bab3.tables, charts.count, charts.skipped_tw


def measure_dokumen(dok: Dokumen, out: str | os.PathLike[str], *, triwulan: int = 4,
                    force: bool = False, inputs: tuple[str | os.PathLike[str], ...] = (),
                    carry: Carry | None = None, pengukuran: Pengukuran | None = None,
                    draf: Draf | None = None,
                    progress: Callable[[], None] | None = None) -> dict[str, object]:
    """Write the measured workbook of `dok` to `out` atomically; return what was written.
    `progress()` is called `steps()` times as the work goes (a progress bar's)."""

    if triwulan not in QUARTERS:

        raise UsageError("--triwulan harus 1, 2, 3 atau 4", "--triwulan must be 1, 2, 3 or 4")
    check_fits_layout(dok)
    p = pengukuran or ukur(dok)
    ctx = Ctx(dok, p, triwulan, draf)
    tick = progress or (lambda: None)
    hook = _Extend(ctx, carry or Carry(), tick)
    write_atomic(out, lambda tmp: write_workbook(dok, tmp, pengukuran=p, extend=hook,
                                                 keep=hook.keep, rows=ctx.values,
                                                 progress=lambda _sheet: tick()),
                 inputs=inputs, force=force)
    tick()
    return {"tables": hook.tables, "charts": hook.charts, "triwulan": triwulan,
            "quarterly_charts_skipped": hook.skipped_tw, "draf": draf.count if draf else 0}


def steps() -> int:
    """How many times `measure_dokumen` calls `progress`: each layout sheet as it is begun
    (`write_workbook`), the Bab III sheets and the charts, the file written."""
    return len(SHEETS) + _Extend.PARTS + 1


def _guessed_is_error(add: Callable[[Finding], None]) -> Callable[[Finding], None]:
    """A number typed as text is written to the output as the number it probably means: a guess
    staff must confirm, so it fails the run (exit 1) as measure's help promises for input that
    is not a number."""
    def report(f: Finding) -> None:
        if f.code == "angka-sebagai-teks":
            f.severity = "error"
        add(f)
    return report


def measure(src: str | os.PathLike[str], out: str | os.PathLike[str], *, triwulan: int = 4,
            force: bool = False, judged: Report | None = None,
            progress: Callable[[], None] | None = None) -> Report:
    """Read `src`, write the measured workbook to `out`; the report owns the exit code.

    `judged`: verify's report of `src`. Its tables are read again for the document (no second
    read of the file; its `layout` is taken, None afterwards, so the grid is let go before the
    workbook is written) and its errors make the output a DRAF, listed in this report (exit 1).
    Raises InputError (exit 3) for an unreadable input, OutputError (exit 2) for an existing
    `out` without `force` or `out` being the input.
    """

    report = Report(str(src))
    if judged is not None and judged.layout is not None and not judged.fatal:
        lr, judged.layout = judged.layout, None
        dok = to_dokumen(lr, _guessed_is_error(report.add))
    else:
        dok, lr = read_workbook(src, _guessed_is_error(report.add), skim=rewritten_sheets())
    report.extend(lr.grid.findings)
    open_errors = judged.open_errors() if judged is not None else []
    seen = {(f.code, f.location) for f in report.findings}
    report.extend(f for f in open_errors if (f.code, f.location) not in seen)
    carry = check(str(src), lr)
    report.extend(carry.findings)
    # a year computed from fewer quarters than due: the same warning as verify's, on stderr
    # (Bab III says it under Table 3.1)
    report.extend(check_year_end(lr, dok, triwulan))
    del lr  # the grid read: the largest thing held (issue #25), not needed to write
    stats = measure_dokumen(dok, out, triwulan=triwulan, force=force, inputs=(src,),
                            carry=carry, draf=Draf.of(open_errors), progress=progress)
    skipped = int(str(stats["quarterly_charts_skipped"]))
    if skipped:
        total = len(dok.indikator())
        report.add(Finding("grafik-triwulan-dibatasi", "info", CHART_SHEET,
                           params={"shown": MAX_TW_CHARTS, "total": total}))
    report.stats = {"output": str(Path(out)), **stats}
    if judged is not None and judged.stats.get("belum_diisi"):
        report.stats["belum_diisi"] = True  # exit 4 as verify's; the output is a DRAF
    return report


__all__ = ["measure", "measure_dokumen", "steps"]
