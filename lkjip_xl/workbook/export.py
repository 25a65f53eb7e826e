"""Export a workbook in our layout to the interchange format, with the `pengukuran` section."""

from __future__ import annotations

import os
from typing import Any

from lkjip_xl.core.findings import Finding
from lkjip_xl.core.model import Dokumen
from lkjip_xl.core.pengukuran_export import pengukuran_section
from lkjip_xl.dataformat import to_dict
from lkjip_xl.schema import TABLES
from lkjip_xl.workbook.binding import joined
from lkjip_xl.workbook.read import LayoutRead, match_key, read_workbook
from lkjip_xl.workbook.tree import source


def export_dokumen(path: str | os.PathLike[str], *, with_pengukuran: bool = True,
                   findings: list[Finding] | None = None) -> Dokumen:
    """The document a workbook holds, its measurement and Renja evaluation in
    `extra['pengukuran']`.

    Reading notes (numbers typed as text, ...) go to `findings`."""
    sink: list[Finding] = findings if findings is not None else []
    dok, lr = read_workbook(path, sink.append)
    sink.extend(lr.grid.findings)  # macros, links, caps reached: warn and continue
    sink.extend(left_behind(lr))
    if with_pengukuran:
        dok.extra["pengukuran"] = pengukuran_section(dok)
    return dok


def left_behind(lr: LayoutRead) -> list[Finding]:
    """Rows of the tables joined to an indicator by code (RKT, PK, Rencana Aksi, Realisasi
    Kinerja) whose indicator has no row in Renstra & IKU: the data format holds an indicator's
    rows under it, so these cannot travel. Said, one finding a row, never dropped silently: a
    deleted Renstra row leaves them behind (verify's `baris-dihapus`), and typing that row back
    before exporting carries them."""
    out: list[Finding] = []
    for key in joined(TABLES):
        tr, top = lr.tables.get(key), lr.tables.get(source(TABLES[key]).key)
        if tr is None:
            continue
        known = {match_key(r.values.get("kode")) for r in (top.rows if top else [])}
        for row in tr.rows:
            raw = row.values.get("kode")
            if match_key(raw) is not None and match_key(raw) not in known:
                out.append(Finding("indikator-tidak-diekspor", "error", tr.where(row.row, "kode"),
                                   found=str(raw).strip(), params={"sheet": tr.table.sheet}))
    return out


def export_workbook(path: str | os.PathLike[str], *, with_pengukuran: bool = True,
                    findings: list[Finding] | None = None) -> dict[str, Any]:
    """`export_dokumen` as a plain dict in canonical form."""

    return to_dict(export_dokumen(path, with_pengukuran=with_pengukuran, findings=findings))
