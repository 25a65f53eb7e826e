"""measure's report sheets (Bab III Kinerja, Bab III Anggaran, Grafik) checked against themselves.

They are a pure function of the workbook's inputs: measure writes them from the document and its
measurement. So verify writes them again, from the document it has just read and verified, and
compares cell by cell: a figure typed over, a formula pointed elsewhere, a label edited, a row
added. The quarter they were measured up to is read back from the Grafik sheet's caption.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

from lkjip_xl.core.domain.triwulan import ROMAN
from lkjip_xl.core.findings import Finding
from lkjip_xl.core.measurement import Pengukuran
from lkjip_xl.core.model import Dokumen
from lkjip_xl.schema.report_tables import CHART_SHEET, REPORT_SHEETS
from lkjip_xl.verify.normalise import normalise
from lkjip_xl.workbook.read import loc
from lkjip_xl.xlsx.compare import same_value
from lkjip_xl.xlsx.grid import SheetGrid, WorkbookGrid
from lkjip_xl.xlsx.stream import read_grid

MAX_LISTED = 50
_CAPTION = re.compile(r"kemajuan triwulan s\.d\. TW (IV|III|II|I)\b")


def measured_triwulan(grid: WorkbookGrid) -> int:
    """The quarter a measured workbook was measured up to (4 for any other workbook)."""
    sg = grid.sheet(CHART_SHEET)
    if sg is not None:
        for (_, _), cell in sg.cells.items():
            m = _CAPTION.search(str(cell.value or ""))
            if m:
                return ROMAN.index(m.group(1)) + 1
    return 4


def _shown(v: Any) -> Any:
    return None if v == "" else v


def check_report_sheets(grid: WorkbookGrid, dok: Dokumen | None,
                        p: Pengukuran | None) -> list[Finding]:
    present = [n for n in REPORT_SHEETS if grid.sheet(n) is not None]
    if not present or dok is None or p is None:
        return []
    # measure writes with xlsxwriter: loaded only for a workbook that holds report sheets
    from lkjip_xl.measure import measure_dokumen
    from lkjip_xl.measure.draf import read_back

    with tempfile.TemporaryDirectory(prefix="lkjip-verify-") as tmp:
        out = Path(tmp) / "laporan.xlsx"
        try:
            # a DRAF output is written again with the open errors it lists
            measure_dokumen(dok, out, triwulan=measured_triwulan(grid), pengukuran=p,
                            draf=read_back(grid))
        except (ValueError, KeyError, TypeError, ArithmeticError) as exc:
            return [Finding("nilai-tidak-dapat-dihitung", "warning", "", found=str(exc))]
        ref = read_grid(out)
    found: list[Finding] = []
    for name in present:
        mine, theirs = grid.sheet(name), ref.sheet(name)
        if mine is None or theirs is None:
            continue
        places = set(theirs.cells.keys()) | set(mine.cells.keys())
        edited: list[Finding] = []
        for r, c in sorted(places):
            want, got = theirs.cells.get((r, c)), mine.cells.get((r, c))
            w_f = want.formula if want else None
            g_f = got.formula if got else None
            w_v = _shown(want.value) if want else None
            g_v = _shown(got.value) if got else None
            if _same_formula(w_f, g_f) and same_value(g_v, w_v):
                continue
            edited.append(Finding("laporan-diubah", "error", loc(name, r, c),
                                  found=g_f or g_v, expected=w_f or w_v))
        found += _row_edit(name, mine, theirs, edited) + edited
    if len(found) > MAX_LISTED:
        extra = len(found) - MAX_LISTED
        found = found[:MAX_LISTED] + [Finding("temuan-dibatasi", "info", "", found=extra + MAX_LISTED,
                                              expected=MAX_LISTED,
                                              params={"code": "laporan-diubah"})]
    return found


def _same_formula(want: str | None, got: str | None) -> bool:
    """As written, or as LibreOffice saves it (1E-9 written 0.000000001, the E.80's predicate)."""
    if want is None or got is None:
        return want == got
    return want == got or normalise(want) == normalise(got)


def _row_edit(name: str, mine: SheetGrid, theirs: SheetGrid, edited: list[Finding]
              ) -> list[Finding]:
    """A row inserted into or deleted from a report sheet: from the first differing row on,
    every cell measure writes sits one row lower (or higher) with its value. One finding at the
    row; the cells it moved follow from it (`cause`).

    A cell whose formula reads the sheet itself (the E.80's sums of its children's rows, its
    ratios and footer) follows the edit: its references move (a parent above the edit differs
    in text) or its value changes (a row deleted from a sum). Such cells neither place the edit
    nor contradict it."""
    if not edited:
        return []
    at = {f.location: _row_of(f.location) for f in edited}
    for first in sorted(set(at.values())):
        if any(not _reads_itself(theirs, f.location) for f in edited
               if at[f.location] < first):
            break  # a difference above that no row edit explains: not a row edit
        below = [(r, c) for r, c in theirs.cells.keys()
                 if r >= first and not _reads_itself_at(theirs, r, c)]
        # the last row deleted leaves nothing below to compare: its whole row is gone
        gone = all(_shown(mine.value(first, c)) is None for r, c in below if r == first)
        for code, step, rows in (("laporan-baris-disisipkan", 1, below),
                                 ("laporan-baris-dihapus", -1,
                                  [(r, c) for r, c in below if r > first])):
            if (rows or (step < 0 and gone)) and all(
                    _same_cell(mine, theirs, r, c, step) for r, c in rows):
                root = Finding(code, "error", loc(name, first, 1), found=first,
                               params={"sheet": name})
                for f in edited:
                    f.params["cause"] = root.location
                return [root]
    return []


_SELF_REF = re.compile(r"(?<![!\w$])\$[A-Z]{1,3}\$\d+")  # $I$33, not Sheet!$I$33
_CELL = re.compile(r"!\$?([A-Z]+)\$?(\d+)$")


def _row_of(location: str) -> int:
    return int(re.sub(r"^.*![A-Z]+", "", location))


def _reads_itself_at(sheet: SheetGrid, r: int, c: int) -> bool:
    cell = sheet.cells.get((r, c))
    return bool(cell and cell.formula and _SELF_REF.search(_strings_out(cell.formula)))


def _reads_itself(sheet: SheetGrid, location: str) -> bool:
    m = _CELL.search(location)
    if m is None:
        return False
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return _reads_itself_at(sheet, int(m.group(2)), col)


def _strings_out(formula: str) -> str:
    return re.sub(r'"(?:[^"]|"")*"', '""', formula)


def _same_cell(mine: SheetGrid, theirs: SheetGrid, r: int, c: int, step: int) -> bool:
    want, got = theirs.cells.get((r, c)), mine.cells.get((r + step, c))
    w_v = _shown(want.value) if want else None
    g_v = _shown(got.value) if got else None
    return same_value(g_v, w_v)


__all__ = ["check_report_sheets", "measured_triwulan"]
