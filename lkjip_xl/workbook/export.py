"""Export a workbook in our layout to the interchange format, with the `pengukuran` section."""

from __future__ import annotations

import os
from typing import Any

from lkjip_xl.core.findings import Finding
from lkjip_xl.core.measurement import to_export_dict, ukur
from lkjip_xl.core.model import Dokumen
from lkjip_xl.dataformat import to_dict
from lkjip_xl.workbook.read import read_workbook


def export_dokumen(path: str | os.PathLike[str], *, with_pengukuran: bool = True,
                   findings: list[Finding] | None = None) -> Dokumen:
    """The document a workbook holds, its measurement in `extra['pengukuran']`.

    Reading notes (numbers typed as text, ...) go to `findings`."""
    sink: list[Finding] = findings if findings is not None else []
    dok, lr = read_workbook(path, sink.append)
    sink.extend(lr.grid.findings)  # macros, links, caps reached: warn and continue
    if with_pengukuran:
        dok.extra["pengukuran"] = to_export_dict(ukur(dok))
    return dok


def export_workbook(path: str | os.PathLike[str], *, with_pengukuran: bool = True,
                    findings: list[Finding] | None = None) -> dict[str, Any]:
    """`export_dokumen` as a plain dict in canonical form."""

    return to_dict(export_dokumen(path, with_pengukuran=with_pengukuran, findings=findings))
