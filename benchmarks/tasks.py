"""One benchmark task, run in a fresh Python process so that its time and memory are its own.

    python benchmarks/tasks.py TASK RESULT_JSON ARG...

The parent (`benchmarks/run.py`) measures the whole process (wall time, peak RSS from wait4);
this side writes to RESULT_JSON the time of the work alone (`work_s`, after the imports the task
needs, `import_s`) and any detail (formualizer's load/evaluate split, cells read...).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from typing import Any

Detail = dict[str, Any]


def _quiet(fn: Callable[[], Any]) -> Any:
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        return fn()


def task_cli(argv: list[str]) -> tuple[float, Detail]:
    """`lkjip-xl ARGV` in-process: the command's own time without interpreter start-up."""
    t0 = time.perf_counter()
    from lkjip_xl.cli import run_main

    t1 = time.perf_counter()
    code = _quiet(lambda: run_main(argv))
    t2 = time.perf_counter()
    return t1 - t0, {"work_s": t2 - t1, "exit_code": code}


def task_verify_lib(path: str) -> tuple[float, Detail]:
    """`lkjip_xl.verify.verify(path)`, the library call behind `lkjip-xl verify`."""
    t0 = time.perf_counter()
    from lkjip_xl.verify import verify  # type: ignore[import-not-found,unused-ignore]

    t1 = time.perf_counter()
    report = verify(path)
    t2 = time.perf_counter()
    findings = getattr(report, "findings", None)
    detail: Detail = {"work_s": t2 - t1}
    if findings is not None:
        detail["findings"] = len(findings)
    code = getattr(report, "exit_code", None)
    if callable(code):
        code = code()
    if isinstance(code, int):
        detail["exit_code"] = code
    codes = sorted({getattr(f, "code", "?") for f in findings or ()})
    detail["finding_codes"] = codes[:20]
    return t1 - t0, detail


def task_new_lib(data: str, out: str) -> tuple[float, Detail]:
    """Load the data document and write the workbook (what `lkjip-xl new --data` does)."""
    t0 = time.perf_counter()
    from lkjip_xl.dataformat import load
    from lkjip_xl.workbook.write import write_workbook

    t1 = time.perf_counter()
    dok = load(data)
    t2 = time.perf_counter()
    write_workbook(dok, out)
    t3 = time.perf_counter()
    return t1 - t0, {"work_s": t3 - t1, "load_s": t2 - t1, "write_s": t3 - t2}


def task_read_grid(path: str) -> tuple[float, Detail]:
    t0 = time.perf_counter()
    from lkjip_xl.xlsx.stream import read_grid

    t1 = time.perf_counter()
    grid = read_grid(path)
    t2 = time.perf_counter()
    cells = sum(len(s.cells) for s in grid.sheets)
    return t1 - t0, {"work_s": t2 - t1, "cells": cells,
                     "grid_findings": [f.code for f in grid.findings][:5]}


def task_read_workbook(path: str) -> tuple[float, Detail]:
    """Grid, layout location and the Dokumen: the reading every command shares."""
    t0 = time.perf_counter()
    from lkjip_xl.workbook.read import locate, to_dokumen
    from lkjip_xl.xlsx.stream import read_grid

    t1 = time.perf_counter()
    grid = read_grid(path)
    t2 = time.perf_counter()
    lr = locate(grid)
    t3 = time.perf_counter()
    to_dokumen(lr, None)
    t4 = time.perf_counter()
    return t1 - t0, {"work_s": t4 - t1, "grid_s": t2 - t1, "locate_s": t3 - t2,
                     "to_dokumen_s": t4 - t3}


def task_libreoffice(path: str) -> tuple[float, Detail]:
    """Full recalculation by LibreOffice headless (open, recalculate all, save as xlsx)."""
    t0 = time.perf_counter()
    from lkjip_xl.engines.libreoffice import recalculate

    t1 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="lkjip-bench-lo-") as tmp:
        recalculate(path, tmp, timeout=3600)
    t2 = time.perf_counter()
    return t1 - t0, {"work_s": t2 - t1}


def task_formulas(path: str) -> tuple[float, Detail]:
    """`formulas`' ExcelModel: load, compile (finish) and calculate every cell."""
    t0 = time.perf_counter()
    import formulas

    t1 = time.perf_counter()
    model = _quiet(lambda: formulas.ExcelModel().loads(path).finish())
    t2 = time.perf_counter()
    _quiet(model.calculate)
    t3 = time.perf_counter()
    return t1 - t0, {"work_s": t3 - t1, "load_s": t2 - t1, "calculate_s": t3 - t2}


def task_formualizer(path: str) -> tuple[float, Detail]:
    """formualizer (Rust engine): load the workbook, evaluate all formulas."""
    t0 = time.perf_counter()
    import formualizer

    t1 = time.perf_counter()
    wb = formualizer.load_workbook(path)
    t2 = time.perf_counter()
    wb.evaluate_all()
    t3 = time.perf_counter()
    return t1 - t0, {"work_s": t3 - t1, "load_s": t2 - t1, "evaluate_s": t3 - t2}


def task_openpyxl(path: str) -> tuple[float, Detail]:
    """Floor: openpyxl read_only, every cell of every sheet visited (formula text)."""
    t0 = time.perf_counter()
    import openpyxl

    t1 = time.perf_counter()
    wb = openpyxl.load_workbook(path, read_only=True, data_only=False)
    cells = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            cells += len(row)
    wb.close()
    t2 = time.perf_counter()
    return t1 - t0, {"work_s": t2 - t1, "cells": cells}


def task_calamine(path: str) -> tuple[float, Detail]:
    """Floor: python-calamine (Rust), every sheet's cached values read into Python lists."""
    t0 = time.perf_counter()
    import python_calamine

    t1 = time.perf_counter()
    wb = python_calamine.CalamineWorkbook.from_path(path)
    cells = 0
    for name in wb.sheet_names:
        for row in wb.get_sheet_by_name(name).to_python():
            cells += len(row)
    t2 = time.perf_counter()
    return t1 - t0, {"work_s": t2 - t1, "cells": cells}


TASKS: dict[str, Callable[..., tuple[float, Detail]]] = {
    "verify-lib": task_verify_lib,
    "new-lib": task_new_lib,
    "read-grid": task_read_grid,
    "read-workbook": task_read_workbook,
    "libreoffice": task_libreoffice,
    "formulas": task_formulas,
    "formualizer": task_formualizer,
    "openpyxl": task_openpyxl,
    "calamine": task_calamine,
}


def main(argv: list[str]) -> int:
    name, result, *args = argv
    if name == "cli":
        import_s, detail = task_cli(args)
    else:
        import_s, detail = TASKS[name](*args)
    detail["import_s"] = import_s
    import resource

    detail["self_maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with open(result, "w", encoding="utf-8") as fh:
        json.dump(detail, fh)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    sys.exit(main(sys.argv[1:]))
