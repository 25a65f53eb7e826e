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
import sys
from pathlib import Path

from uno_office import calc_desktop, open_hidden, store_xlsx  # beside this script


def _run(job: dict, desktop: object) -> None:
    doc = open_hidden(desktop, job["src"])
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
        store_xlsx(doc, job["dst"])
    Path(job["out"]).write_text(json.dumps(out), encoding="utf-8")
    doc.close(True)


def run(job: dict) -> None:
    with calc_desktop("lkjipprobe") as desktop:
        _run(job, desktop)


if __name__ == "__main__":
    run(json.loads(Path(sys.argv[1]).read_text(encoding="utf-8")))
