"""`verify --annotate OUT.xlsx`: a copy of the input with every finding marked.

Each finding's cell gets a fill by severity and a comment with the message; a `Temuan` sheet
lists every finding with a hyperlink to its cell. openpyxl loads and saves the copy, which drops
the values cached beside formulas: the copy shows them again once opened in Excel/LibreOffice
(docs/verify.md). The input file itself is only read. User text is always written as text.
"""

from __future__ import annotations

import os
import re
from typing import Any

from ..atomic import write_atomic
from ..catalogue.lines import line
from ..errors import InputError
from ..findings import Report

FILLS = {"error": "FFC7CE", "warning": "FFEB9C", "info": "DDEBF7"}
SHEET_NAME = "Temuan"
_CELL = re.compile(r"^(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Z]{1,3}\$?\d+)(?::\$?([A-Z]{1,3}\$?\d+))?$")


def _split(location: str) -> tuple[str, str] | None:
    m = _CELL.match(location or "")
    if not m:
        return None
    sheet = (m.group(1) or "").replace("''", "'") or m.group(2)
    return sheet, m.group(3).replace("$", "")


def _text_cell(ws: Any, row: int, col: int, value: Any) -> Any:
    cell = ws.cell(row=row, column=col)
    if value is None:
        return cell
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        cell.value = value
        return cell
    cell.value = str(value)
    cell.data_type = "s"  # text such as "=HYPERLINK(...)" stays text, never a formula
    return cell


def annotate_copy(src: str | os.PathLike[str], report: Report, out: str | os.PathLike[str], *,
                  lang: str = "id", force: bool = False) -> None:
    import openpyxl
    from openpyxl.comments import Comment
    from openpyxl.styles import Font, PatternFill
    from openpyxl.worksheet.hyperlink import Hyperlink

    try:
        wb = openpyxl.load_workbook(src)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise InputError(f"salinan bertanda tidak dapat dibuat: {exc}",
                         f"the annotated copy cannot be made: {exc}") from exc
    notes: dict[tuple[str, str], list[str]] = {}
    worst: dict[tuple[str, str], str] = {}
    rank = {"info": 0, "warning": 1, "error": 2}
    for f in report.findings:
        where = _split(f.location)
        if where is None or where[0] not in wb.sheetnames:
            continue
        notes.setdefault(where, []).append(f"[{f.code}] {f.message(lang)}")
        if rank[f.severity] >= rank.get(worst.get(where, "info"), 0):
            worst[where] = f.severity
    for (sheet, ref), lines in notes.items():
        cell = wb[sheet][ref]
        cell.fill = PatternFill("solid", start_color=FILLS[worst[(sheet, ref)]],
                                end_color=FILLS[worst[(sheet, ref)]])
        cell.comment = Comment("\n".join(lines)[:30000], "lkjip-xl verify", width=420, height=160)
    name = SHEET_NAME
    while name in wb.sheetnames:
        name += "_"
    ws = wb.create_sheet(name, 0)
    headers = (["Kode", "Tingkat", "Lokasi", "Ditemukan", "Seharusnya", "Pesan"] if lang == "id"
               else ["Code", "Severity", "Location", "Found", "Expected", "Message"])
    for c, h in enumerate(headers, start=1):
        _text_cell(ws, 1, c, h).font = Font(bold=True)
    for r, f in enumerate(report.findings, start=2):
        _text_cell(ws, r, 1, f.code)
        _text_cell(ws, r, 2, line(f"level.label.{f.severity}", lang))
        link = _text_cell(ws, r, 3, f.location)
        where = _split(f.location)
        if where is not None and where[0] in wb.sheetnames:
            quoted = "'" + where[0].replace("'", "''") + "'"
            # an internal link (location, no relationship): works in Excel and LibreOffice
            link.hyperlink = Hyperlink(ref=link.coordinate, location=f"{quoted}!{where[1]}")
            link.font = Font(color="0563C1", underline="single")
        _text_cell(ws, r, 4, f.found)
        _text_cell(ws, r, 5, f.expected)
        _text_cell(ws, r, 6, f.message(lang))
    for col, width in zip("ABCDEF", (26, 11, 34, 30, 30, 100)):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A2"
    wb.active = 0

    def write(tmp: str) -> None:
        wb.save(tmp)

    write_atomic(out, write, inputs=(src,), force=force)


__all__ = ["annotate_copy"]
