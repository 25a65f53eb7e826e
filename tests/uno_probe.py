"""Row edits in LibreOffice Calc as staff make them, and what Calc then says about the workbook.

Run by the system Python that has LibreOffice's `uno` (python3-uno): `/usr/bin/python3
tests/uno_probe.py JOB.json`. The job is {"src": path, "dst": path or null, "out": path,
"ops": [...], "names": [defined names], "validations": [[sheet, "A5"], ...]} where each op is
["insert_row", sheet, row], ["delete_row", sheet, row] (1-based; the sheet's protection is lifted
first, as Excel's allowed row edits are) or ["type", sheet, "B7", text]. Calc recalculates, saves
to `dst` (if given) as .xlsx, and writes to `out` the content of each defined name and the type
and source of each cell's validation. Nothing of lkjip-xl is imported here.
"""

from __future__ import annotations

import json
import os
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


def _desktop(pipe: str) -> object:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver",
                                                             local)
    deadline = time.monotonic() + 60
    while True:
        try:
            ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            break
        except NoConnectException:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.25)
    return ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)


def _run(job: dict, desktop: object) -> None:
    src = uno.systemPathToFileUrl(str(Path(job["src"]).resolve()))
    doc = desktop.loadComponentFromURL(src, "_blank", 0, (_prop("Hidden", True),))  # type: ignore[attr-defined]
    sheets = doc.getSheets()
    for op, sheet, *args in job.get("ops", []):
        sh = sheets.getByName(sheet)
        if op in ("insert_row", "delete_row"):
            sh.unprotect("")
            rows = sh.getRows()
            (rows.insertByIndex if op == "insert_row" else rows.removeByIndex)(args[0] - 1, 1)
        elif op == "type":
            sh.getCellRangeByName(args[0]).setFormula(str(args[1]))
        else:
            raise ValueError(op)
    doc.calculateAll()
    out: dict[str, object] = {"names": {}, "validations": {}}
    for name in job.get("names", []):
        out["names"][name] = doc.NamedRanges.getByName(name).getContent()  # type: ignore[index]
    for sheet, cell in job.get("validations", []):
        v = sheets.getByName(sheet).getCellRangeByName(cell).getPropertyValue("Validation")
        out["validations"][f"{sheet}!{cell}"] = [v.Type.value, v.getFormula1()]  # type: ignore[index]
    if job.get("dst"):
        dst = uno.systemPathToFileUrl(str(Path(job["dst"]).resolve()))
        doc.storeToURL(dst, (_prop("FilterName", "Calc MS Excel 2007 XML"),))
    Path(job["out"]).write_text(json.dumps(out), encoding="utf-8")
    doc.close(True)
    try:
        desktop.terminate()  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - the bridge goes away while answering
        pass


def run(job: dict) -> None:
    pipe = f"lkjipprobe{uuid.uuid4().hex[:12]}"
    with tempfile.TemporaryDirectory(prefix="lkjip-uno-") as profile:
        office = subprocess.Popen(
            ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--invisible",
             "--norestore", "--nologo", "--nodefault", f"--accept=pipe,name={pipe};urp;"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            env={**os.environ, "HOME": profile})
        try:
            _run(job, _desktop(pipe))
        finally:
            try:
                office.wait(timeout=30)
            except subprocess.TimeoutExpired:
                office.kill()


if __name__ == "__main__":
    run(json.loads(Path(sys.argv[1]).read_text(encoding="utf-8")))
