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
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]
from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found]


def _prop(name: str, value: object) -> PropertyValue:
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def _connect(pipe: str, deadline: float) -> object:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver",
                                                             local)
    while True:
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except NoConnectException:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.25)


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
    src = uno.systemPathToFileUrl(str(copy))
    doc = desktop.loadComponentFromURL(src, "_blank", 0,  # type: ignore[attr-defined]
                                       (_prop("Hidden", True),))
    sheets = doc.getSheets()
    for sheet, cell, text in job["edits"]:  # type: ignore[attr-defined]
        target = sheets.getByName(sheet)
        if text in ROW_OPS:
            _row_op(target, int(cell) - 1, text == ROW_OPS[0])
            continue
        target.getCellRangeByName(cell).setFormula(str(text))
    doc.calculateAll()
    dst = uno.systemPathToFileUrl(str(Path(str(job["dst"])).resolve()))
    doc.storeToURL(dst, (_prop("FilterName", "Calc MS Excel 2007 XML"),))
    doc.close(True)
    copy.unlink(missing_ok=True)


def run(job: dict[str, object]) -> None:
    pipe = f"lkjip{uuid.uuid4().hex[:12]}"
    with tempfile.TemporaryDirectory(prefix="lkjip-uno-") as profile:
        office = subprocess.Popen(
            ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--invisible",
             "--norestore", "--nologo", "--nodefault", f"--accept=pipe,name={pipe};urp;"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            env={**os.environ, "HOME": profile})
        try:
            ctx = _connect(pipe, time.monotonic() + 60)
            desktop = ctx.ServiceManager.createInstanceWithContext(  # type: ignore[attr-defined]
                "com.sun.star.frame.Desktop", ctx)
            jobs = job["jobs"] if "jobs" in job else [job]
            for one in jobs:  # type: ignore[attr-defined]
                _edit(desktop, one, Path(profile))
            try:
                desktop.terminate()
            except Exception:  # noqa: BLE001 - the bridge goes away while answering
                pass
        finally:
            try:
                office.wait(timeout=30)
            except subprocess.TimeoutExpired:
                office.kill()


if __name__ == "__main__":
    run(json.loads(Path(sys.argv[1]).read_text(encoding="utf-8")))
