"""The benchmark inputs: per size, the data document and the workbook as a user would save it.

A synthetic document (benchmarks/synth.py) is written with `writer.write_workbook`, then opened,
recalculated and saved by LibreOffice, so every cached value is a spreadsheet's own and the file
has the structure of a file saved by a real client. Inputs are cached in the work directory under
a key of the size and the source of the code that shapes them, so reruns skip the slow part.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import lkjip_xl
from benchmarks.synth import kegiatan_rows, synthetic_dokumen
from lkjip_xl.dataformat import dump
from lkjip_xl.engines.libreoffice import recalculate
from lkjip_xl.workbook.write import write_workbook

_SHAPING = ("writer.py", "layout/sheets.py", "layout/model.py", "layout/formulas.py",
            "layout/values.py", "measurement.py", "dataformat.py")


@dataclass
class Inputs:
    size: int
    indikator_rows: int
    kegiatan_rows: int
    yaml: Path
    json: Path
    written: Path  # as xlsxwriter wrote it (cached values from the domain core)
    workbook: Path  # as LibreOffice recalculated and saved it: what verify/measure read
    write_s: float | None  # None when taken from the cache
    lo_prepare_s: float | None


def _key(size: int) -> str:
    h = hashlib.sha256(f"{size}".encode())
    pkg = Path(lkjip_xl.__file__).parent
    for name in _SHAPING:
        f = pkg / name
        if f.exists():
            h.update(f.read_bytes())
    h.update((Path(__file__).parent / "synth.py").read_bytes())
    return h.hexdigest()[:12]


def prepare(size: int, workdir: Path, log: object = print) -> Inputs:
    folder = workdir / f"n{size}-{_key(size)}"
    dok = synthetic_dokumen(size)
    ik, kg = len(dok.indikator()), kegiatan_rows(dok)
    names = {"yaml": folder / f"synthetic-{size}.yaml", "json": folder / f"synthetic-{size}.json",
             "written": folder / f"synthetic-{size}-written.xlsx",
             "workbook": folder / f"synthetic-{size}.xlsx"}
    if all(p.exists() for p in names.values()):
        return Inputs(size, ik, kg, names["yaml"], names["json"], names["written"],
                      names["workbook"], None, None)
    folder.mkdir(parents=True, exist_ok=True)
    dump(dok, names["yaml"])
    dump(dok, names["json"])
    t0 = time.perf_counter()
    write_workbook(dok, names["written"])
    t1 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="lkjip-bench-prep-") as tmp:
        out = recalculate(names["written"], tmp, timeout=3600)
        shutil.move(str(out), names["workbook"])
    t2 = time.perf_counter()
    if callable(log):
        log(f"  prepared n={size}: write {t1 - t0:.1f} s, LibreOffice {t2 - t1:.1f} s")
    return Inputs(size, ik, kg, names["yaml"], names["json"], names["written"], names["workbook"],
                  t1 - t0, t2 - t1)
