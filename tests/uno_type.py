"""Type into a workbook through LibreOffice itself, as staff do, then save it as .xlsx.

Run by the system Python that has LibreOffice's `uno` module (Debian's python3-uno), not by the
test's virtual environment: `/usr/bin/python3 tests/uno_type.py JOB.json`. The job is
{"src": path, "dst": path, "edits": [[sheet, "B7", "typed text"], ...]}. Each text goes in through
`XCell.setFormula`, Calc's own input parsing (a number typed is a number, text stays text, a cell
formatted as text keeps what is typed as text), then Calc recalculates and stores the file with its
Excel 2007 filter. Nothing of lkjip-xl is imported here.
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
            src = uno.systemPathToFileUrl(str(Path(str(job["src"])).resolve()))
            doc = desktop.loadComponentFromURL(src, "_blank", 0, (_prop("Hidden", True),))
            sheets = doc.getSheets()
            for sheet, cell, text in job["edits"]:  # type: ignore[attr-defined]
                sheets.getByName(sheet).getCellRangeByName(cell).setFormula(str(text))
            doc.calculateAll()
            dst = uno.systemPathToFileUrl(str(Path(str(job["dst"])).resolve()))
            doc.storeToURL(dst, (_prop("FilterName", "Calc MS Excel 2007 XML"),))
            doc.close(True)
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
