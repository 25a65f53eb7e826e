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
import sys
from pathlib import Path

from uno_office import calc_desktop, open_hidden, store_xlsx  # beside this script


def run(job: dict[str, object]) -> None:
    with calc_desktop() as desktop:
        doc = open_hidden(desktop, job["src"])
        sheets = doc.getSheets()  # type: ignore[attr-defined]
        for sheet, cell, text in job["edits"]:  # type: ignore[attr-defined]
            sheets.getByName(sheet).getCellRangeByName(cell).setFormula(str(text))
        doc.calculateAll()  # type: ignore[attr-defined]
        store_xlsx(doc, job["dst"])
        doc.close(True)  # type: ignore[attr-defined]


if __name__ == "__main__":
    run(json.loads(Path(sys.argv[1]).read_text(encoding="utf-8")))
