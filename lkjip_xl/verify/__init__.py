"""`verify`: recompute and validate every formula and every input of a filled workbook.

One pure function per file: read (guarded), locate the layout, then
structure -> formulas (exact layout text) -> values (domain core) -> inputs, plus the generic
formula audit for every cell the layout does not own. Nothing is ever written to the input.
"""

from __future__ import annotations

import os
import re
from collections.abc import Container
from typing import Any

from lkjip_xl.audit import audit_grid, second_opinion
from lkjip_xl.core.errors import LkjipError
from lkjip_xl.core.findings import Finding, Report
from lkjip_xl.core.model import Dokumen
from lkjip_xl.schema import TABLES
from lkjip_xl.schema.sheets import PENGUKURAN_TW
from lkjip_xl.verify.causes import completeness, link_root_causes
from lkjip_xl.verify.follow_on import link_follow_ons, link_report_followers
from lkjip_xl.verify.formulas_check import check_formulas
from lkjip_xl.verify.inputs_check import check_inputs
from lkjip_xl.verify.number_kinds import attach_number_kinds
from lkjip_xl.verify.print_check import check_print_areas
from lkjip_xl.verify.report_sheets import check_report_sheets, measured_triwulan
from lkjip_xl.verify.row_edits import detect_shifts
from lkjip_xl.verify.structure import Structure, inspect_structure
from lkjip_xl.verify.values_check import check_values, expected_values
from lkjip_xl.workbook.read import loc, to_dokumen
from lkjip_xl.workbook.year_end import check_year_end
from lkjip_xl.xlsx.compare import same_value
from lkjip_xl.xlsx.grid import WorkbookGrid
from lkjip_xl.xlsx.stream import read_grid

ENGINES = ("libreoffice", "formulas")


def verify(path: str | os.PathLike[str], *, lang: str = "id", engine: str | None = None,
           strict: bool = False, triwulan: int | None = None) -> Report:
    """Verify one workbook; the Report owns the exit code (`report.exit_code(strict)`).

    `lang` only matters when the report is rendered (`to_dict(lang)`); `strict` is recorded in
    the stats so that a renderer can show which rule the exit code follows. `triwulan` is the
    last quarter reported (a mid-year report): the quarters after it are not due yet; None reads
    it from a measured workbook's own caption (`measure --triwulan`), else TW IV.
    """
    if triwulan not in (None, 1, 2, 3, 4):
        raise ValueError(f"triwulan is 1..4, got {triwulan}")
    report = Report(str(path))
    report.stats["strict"] = strict
    try:
        grid = read_grid(path)
    except LkjipError as exc:
        report.fatal = True
        report.add(Finding("berkas-tidak-terbaca", "error", "", found=exc.message(lang),
                           params={"found_en": exc.message("en")}))  # for batch summaries
        return report
    report.extend(grid.findings)
    if not all(s.complete for s in grid.sheets):
        # a cap or the time budget stopped reading: judging the cells that were not read would
        # report phantom deleted formulas, so the file counts as unreadable within the limits
        report.fatal = True
        report.stats["incomplete"] = [s.name for s in grid.sheets if not s.complete]
        report.findings = _sorted(report.findings, grid)
        return report
    layout_cells: Container[tuple[str, int, int]] = set()
    # what verify accepted per cell: only kept when a second engine is to be compared with it
    expected_cells: dict[tuple[str, int, int], Any] | None = {} if engine else None
    st = inspect_structure(grid)
    if not st.lr.is_layout:
        report.add(Finding("bukan-format-lkjip", "info"))
        report.stats["layout"] = False
    else:
        report.stats["layout"] = True
        report.layout = st.lr
        triwulan = triwulan or measured_triwulan(grid)
        report.stats["triwulan"] = triwulan
        layout_cells = _check_layout(st, report, expected_cells, triwulan)
    report.extend(_generic_audit(grid, layout_cells))
    link_report_followers(report.findings)
    if engine:
        report.extend(_second_opinion(path, engine, grid, expected_cells or {}))
    report.findings = _sorted(_unique(report.findings), grid)
    if st.lr.is_layout:  # each number in its messages as its column shows it
        attach_number_kinds(report.findings, st)
    return report


def _check_layout(st: Structure, report: Report,
                  expected_cells: dict[tuple[str, int, int], Any] | None, triwulan: int = 4
                  ) -> Container[tuple[str, int, int]]:

    report.extend(st.findings)
    reader_notes: list[Finding] = []
    dok: Dokumen | None
    try:
        # as the workbook's own formulas read it: a number typed as text is no number
        dok = to_dokumen(st.lr, reader_notes.append, "excel")
    except LkjipError as exc:  # e.g. no reporting year: nothing can be recomputed
        dok = None
        report.add(Finding("nilai-tidak-dapat-dihitung", "warning", "Profil!B6",
                           found=exc.message_id))
    # unknown choices are reported by check_inputs below, with the same code and location; an
    # indicator row naming no owner by the chain checks, at the code to fix
    report.extend(f for f in _unique(reader_notes)
                  if f.code not in ("pilihan-tidak-dikenal", "indikator-program-tidak-dibaca"))
    mirror, shifts = detect_shifts(st)
    report.extend(shifts)
    ex = expected_values(st, dok, mirror)
    fr = check_formulas(st, mirror, ex.value)
    blanked = _blanked_quarters(st, measured_triwulan(st.grid))
    report.extend(f for f in fr.findings
                  if not (f.code == "rumus-dihapus" and f.location in blanked))
    settled = set(fr.settled)
    for key, row in ex.duplicates:

        p, sg = st.placed.get(key), st.sheet(TABLES[key].sheet)
        if p is not None and sg is not None:
            settled.update((sg.name, row, c) for c in p.columns.values())
    values = check_values(st, ex, settled, expected_cells)
    report.extend(values)
    report.extend(check_inputs(st.lr, dok, ex.pengukuran))
    report.extend(check_year_end(st.lr, dok, triwulan))
    typed_as_text = [f for f in report.findings if f.code == "angka-sebagai-teks"]
    if typed_as_text and ex.error is None:
        link_root_causes(st, mirror, ex, typed_as_text, values)
    if dok is not None:
        report.extend(completeness(dok, report.stats))
        report.extend(check_report_sheets(st.grid, dok, ex.pengukuran))
    report.extend(check_print_areas(st))
    link_follow_ons(st.grid, report.findings)
    report.stats["formula_cells"] = fr.checked
    report.stats["tables"] = {k: p.capacity for k, p in st.placed.items()}
    return fr.layout_cells


def _blanked_quarters(st: Structure, triwulan: int) -> set[str]:
    """The Pengukuran Triwulan cells `measure --triwulan N` leaves empty on purpose (the
    quarters after N): no formula is missing there."""
    t, p = PENGUKURAN_TW, st.placed.get(PENGUKURAN_TW.key)
    if triwulan >= 4 or p is None:
        return set()
    cols = [p.columns[k] for q in range(triwulan + 1, 5) for k in (f"t{q}", f"r{q}", f"c{q}")
            if k in p.columns]
    return {loc(t.sheet, r, c) for c in cols for r in range(p.first, p.last + 1)}


def _unique(findings: list[Finding]) -> list[Finding]:
    """One finding per code and cell (the reader and the generic audit both see a number typed
    as text in an input cell; the first, the reader's, carries its consequences). Findings about
    the whole file (no location) are all kept: their parameters tell them apart."""
    seen: set[tuple[str, str]] = set()
    out = []
    for f in findings:
        key = (f.code, f.location)
        if not f.location or key not in seen:
            seen.add(key)
            out.append(f)
    return out


def _generic_audit(grid: WorkbookGrid, skip: Container[tuple[str, int, int]]) -> list[Finding]:

    found: list[Finding] = audit_grid(grid, skip=skip)
    return found


def _second_opinion(path: str | os.PathLike[str], engine: str, grid: WorkbookGrid,
                    expected: dict[tuple[str, int, int], Any]) -> list[Finding]:
    """Cells where an independent engine disagrees with what verify accepted: the domain's
    value for layout cells, the cached value for every other formula cell."""
    try:
        values = second_opinion(path, engine)
    except (LkjipError, ValueError, OSError) as exc:
        message = exc.message_id if isinstance(exc, LkjipError) else str(exc)
        return [Finding("mesin-tidak-tersedia", "warning", "", found=message,
                        params={"engine": engine})]
    out: list[Finding] = []
    for sg in grid.sheets:
        for (r, c), cell in sg.cells.items():
            if not cell.formula or (sg.name, r, c) not in values:
                continue
            key = (sg.name, r, c)
            ours = key in expected  # a layout cell verify recomputed from the inputs
            if not ours and _plain(cell.value) is None:
                continue  # no stored value and none of verify's: nothing to set against it
            reference = expected[key] if ours else cell.value
            other = values[key]
            if not same_value(_plain(other), _plain(reference)):
                # each value named for what it is: the engine's, the file's stored one and,
                # only where verify computed one, verify's
                out.append(Finding("mesin-berbeda" if ours else "mesin-berbeda-tersimpan",
                                   "warning", loc(sg.name, r, c), found=_plain(other),
                                   expected=_plain(reference),
                                   params={"engine": engine, "stored": _plain(cell.value)}))
    return out


def _plain(v: Any) -> Any:
    return None if v == "" else (str(v) if v is not None and not isinstance(
        v, (int, float, str, bool)) else v)


_LOC = re.compile(r"^(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Z]{1,3})\$?(\d+)")


def _sort_key(f: Finding, order: dict[str, int]) -> tuple[int, int, int, str]:
    m = _LOC.match(f.location or "")
    if not m:
        return (order.get(f.sheet, -1), 0, 0, f.code)
    sheet = (m.group(1) or "").replace("''", "'") or m.group(2)
    col = 0
    for ch in m.group(3):
        col = col * 26 + ord(ch) - 64
    return (order.get(sheet, len(order)), int(m.group(4)), col, f.code)


def _sorted(findings: list[Finding], grid: WorkbookGrid) -> list[Finding]:
    order = {name: i for i, name in enumerate(grid.sheet_names)}
    return sorted(findings, key=lambda f: _sort_key(f, order))


__all__ = ["verify", "ENGINES"]
