"""Type into a workbook through LibreOffice itself, as staff do, then save it as .xlsx.

Run by the system Python that has LibreOffice's `uno` module (Debian's python3-uno), not by the
test's virtual environment: `/usr/bin/python3 tests/uno_type.py JOB.json`. The job is
{"src": path, "dst": path, "edits": [[sheet, "B7", "typed text"], ...]}, or {"jobs": [job, ...]}
for many files in one LibreOffice start. Each text goes in through `XCell.setFormula`, Calc's own
input parsing (a number typed is a number, text stays text, a cell formatted as text keeps what is
typed as text); an edit [sheet, "7", "<insert-row>"] or [sheet, "7", "<delete-row>"] inserts an
empty row before row 7 or deletes row 7 as the row header's context menu does (Calc rewrites every
reference to the rows that move). Then Calc recalculates and stores the file with its Excel 2007
filter. Nothing of lkjip-xl is imported here.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
import uuid
from pathlib import Path

import uno  # type: ignore[import-not-found]
from uno_office import calc_desktop, open_hidden, store_xlsx  # beside this script

ROW_OPS = ("<insert-row>", "<delete-row>")


def _row_op(sheet: object, index: int, insert: bool) -> None:
    """Insert or delete one row; when the sheet's protection refuses (a row holding locked
    cells), lift it as a person does (Tools > Protect Sheet: the layout sets no password)."""
    rows = sheet.getRows()  # type: ignore[attr-defined]
    for attempt in range(2):
        try:
            if insert:
                rows.insertByIndex(index, 1)
            else:
                rows.removeByIndex(index, 1)
            return
        except uno.getClass("com.sun.star.uno.RuntimeException"):
            if attempt or not sheet.isProtected():  # type: ignore[attr-defined]
                raise
            sheet.unprotect("")  # type: ignore[attr-defined]


def _edit(desktop: object, job: dict[str, object], scratch: Path) -> None:
    # a private copy: a source loaded again right after it was closed can still be locked
    copy = scratch / f"{uuid.uuid4().hex[:12]}.xlsx"
    shutil.copyfile(str(job["src"]), copy)
    doc = open_hidden(desktop, copy)
    sheets = doc.getSheets()  # type: ignore[attr-defined]
    for sheet, cell, text in job["edits"]:  # type: ignore[attr-defined]
        target = sheets.getByName(sheet)
        if text in ROW_OPS:
            _row_op(target, int(cell) - 1, text == ROW_OPS[0])
            continue
        target.getCellRangeByName(cell).setFormula(str(text))
    doc.calculateAll()  # type: ignore[attr-defined]
    store_xlsx(doc, job["dst"])
    doc.close(True)  # type: ignore[attr-defined]
    copy.unlink(missing_ok=True)


def run(job: dict[str, object]) -> None:
    with calc_desktop() as desktop, tempfile.TemporaryDirectory(prefix="lkjip-uno-") as scratch:
        jobs = job["jobs"] if "jobs" in job else [job]
        for one in jobs:  # type: ignore[attr-defined]
            _edit(desktop, one, Path(scratch))


if __name__ == "__main__":
    run(json.loads(Path(sys.argv[1]).read_text(encoding="utf-8")))
