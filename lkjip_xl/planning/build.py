"""Write one agency's workbook with a planning unit's template applied."""

from __future__ import annotations

import os
from typing import Any

from lkjip_xl.core.model import Dokumen
from lkjip_xl.planning.templates import WorkbookTemplate
from lkjip_xl.schema.sheets import GUIDE
from lkjip_xl.workbook.generate import check_fits_layout
from lkjip_xl.workbook.guide import extend_guide
from lkjip_xl.workbook.write import write_workbook
from lkjip_xl.xlsx.atomic import write_atomic


def _guide_extender(lines: list[str], kertas: str | None) -> Any:
    """An `extend(wb)` hook that appends the template's lines to the Petunjuk sheet."""

    def extend(wb: Any) -> None:
        ws = wb.get_worksheet_by_name(GUIDE.name)
        if ws is None or not lines:
            return
        fmt = wb.add_format({"text_wrap": True, "valign": "top"})
        bold = wb.add_format({"bold": True, "text_wrap": True, "valign": "top"})
        extend_guide(ws, lines, fmt, bold, kertas)

    return extend


def write_agency_workbook(dok: Dokumen, out: str | os.PathLike[str],
                          template: WorkbookTemplate | None = None, *, force: bool = False,
                          inputs: tuple[str | os.PathLike[str], ...] = ()) -> None:
    """Write `dok`'s workbook to `out` atomically, with the template's capacities and Petunjuk.

    The template's settings are not applied here (see `WorkbookTemplate.apply`)."""

    check_fits_layout(dok)
    t = template or WorkbookTemplate()
    extra = t.guide_lines()
    kwargs: dict[str, Any] = {"minimum_capacity": t.minimum_capacity() or None}
    if extra:
        kwargs["extend"] = _guide_extender(extra, dok.pengaturan.kertas)
    write_atomic(out, lambda tmp: write_workbook(dok, tmp, **kwargs), inputs=inputs, force=force)
