"""DRAF: what measure writes when verify finds errors in its input (laporan's rule, the report's
`open_errors`): a red line under the title of each Bab III sheet and the Grafik sheet, DRAF in
their page header, and the sheet *Temuan Terbuka* listing each open error with its cell.

The sheet is written from rendered rows (code, location, message), so `verify` of a measured
workbook reads them back (`read_back`) and writes the same sheets again to compare them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from lkjip_xl.catalogue.lines import line
from lkjip_xl.core.findings import Finding
from lkjip_xl.schema import printing
from lkjip_xl.schema.formats import REPORT_HEADER_FILL
from lkjip_xl.schema.report_tables import DRAF_SHEET
from lkjip_xl.xlsx.grid import WorkbookGrid
from lkjip_xl.xlsx.safe_text import clean_xml_text

MAX_LISTED = 200  # findings listed on the sheet; the count says how many there are
MARK_ROW = 4  # 0-based: the blank row between a report sheet's agency header and its first table
FIRST_ROW = 4  # 0-based: the first finding's row on the DRAF sheet (headers just above)
WIDTHS = (5, 26, 28, 90)
_COUNT = re.compile(r"(\d+)")


@dataclass(frozen=True)
class Draf:
    count: int  # open errors in all
    rows: tuple[tuple[str, str, str], ...]  # (code, location, message) of the first MAX_LISTED

    @classmethod
    def of(cls, findings: Sequence[Finding]) -> Draf | None:
        """None for a workbook without open errors: its outputs are final."""
        if not findings:
            return None
        rows = tuple((f.code, f.location, clean_xml_text(f.message("id")))
                     for f in findings[:MAX_LISTED])
        return cls(len(findings), rows)

    def mark(self) -> str:
        return line("draf.mark", "id", count=self.count, sheet=DRAF_SHEET)


def header_title(draf: Draf | None, title: str) -> str:
    """A report sheet's page-header title: DRAF first while errors are open."""
    return f"{line('draf.header', 'id')} - {title}" if draf is not None else title


def write_mark(ws: Worksheet, draf: Draf | None, ncols: int, fmt: object) -> None:
    if draf is not None:
        ws.merge_range(MARK_ROW, 0, MARK_ROW, ncols - 1, draf.mark(), fmt)


def write_sheet(wb: Workbook, draf: Draf, kertas: str | None) -> Worksheet:
    """The open errors, one a row, on the workbook's paper, one page wide, headers repeated."""
    ws = wb.add_worksheet(DRAF_SHEET)
    red = wb.add_format({"bold": True, "font_size": 13, "font_color": "#C00000"})
    note = wb.add_format({"italic": True, "text_wrap": True, "valign": "top"})
    # the report sheets' header fill: a colour of lkjip-xl's own (carry.own_fills), so
    # measuring this output again does not take it for the user's formatting
    header = wb.add_format({"bold": True, "border": 1, "bg_color": REPORT_HEADER_FILL})
    cell = wb.add_format({"border": 1, "valign": "top", "text_wrap": True})
    for c, w in enumerate(WIDTHS):
        ws.set_column(c, c, w)
    ws.write_string(0, 0, line("draf.title", "id", count=draf.count), red)
    ws.merge_range(1, 0, 1, len(WIDTHS) - 1, line("draf.note", "id"), note)
    ws.set_row(1, printing.ROW_PT * 2)
    for c, h in enumerate(line("draf.headers", "id").split("|")):
        ws.write_string(FIRST_ROW - 1, c, h, header)
    r = FIRST_ROW
    for n, (code, where, text) in enumerate(draf.rows, start=1):
        ws.write_number(r, 0, n, cell)
        ws.write_string(r, 1, code, cell)
        ws.write_string(r, 2, where, cell)
        ws.write_string(r, 3, text, cell)
        lines = max(printing.wrapped_lines(text, WIDTHS[3]),
                    printing.wrapped_lines(where, WIDTHS[2]))
        if lines > 1:
            ws.set_row(r, printing.ROW_PT * lines)
        r += 1
    if draf.count > len(draf.rows):
        ws.write_string(r, 0, line("draf.more", "id", count=draf.count - len(draf.rows)), note)
        r += 1
    ws.print_area(0, 0, r, len(WIDTHS) - 1)
    ws.repeat_rows(FIRST_ROW - 1)
    ws.set_paper(printing.paper_code(kertas))
    ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.set_header(f"&C&8{line('draf.header', 'id')} - {DRAF_SHEET}")
    ws.set_footer("&C&8Halaman &P dari &N")
    return ws


def read_back(grid: WorkbookGrid) -> Draf | None:
    """The Draf a measured workbook was written with, from its DRAF sheet (None: none)."""
    sg = grid.sheet(DRAF_SHEET)
    if sg is None:
        return None
    title = sg.cells.get((1, 1))
    m = _COUNT.search(str(title.value if title is not None else ""))
    rows: list[tuple[str, str, str]] = []
    r = FIRST_ROW + 1  # 1-based
    while True:
        code, where, text = ("" if x is None or x.value is None else str(x.value)
                             for x in (sg.cells.get((r, c)) for c in (2, 3, 4)))
        if not code:
            break
        rows.append((code, where, text))
        r += 1
    return Draf(int(m.group(1)) if m else len(rows), tuple(rows))


__all__ = ["Draf", "header_title", "read_back", "write_mark", "write_sheet"]
