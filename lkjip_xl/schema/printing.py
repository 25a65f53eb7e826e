"""How a table sheet prints: the facts every writer reads (issue: every workbook prints well).

- The print area covers the rows a document fills, never the spare capacity rows below them (an
  untouched template prints its header and a few rows to fill by hand).
- It covers the columns the document fills too: trailing optional columns no row fills (the
  money history of Program and Realisasi Anggaran, the quarterly columns, the realisasi of past
  years) would print as pages across showing nothing but the repeated key columns.
- A table fits the page width when its columns are few enough to stay readable (landscape A4 at
  about three quarters of full size, the wider F4 in proportion); a wider one is split over
  planned pages with its key columns (codes and names) repeated on each, instead of being
  shrunk until nobody can read it.
- An empty table (an unused sheet, an untouched template) prints on one page, never pages
  across of empty columns: its key columns and the columns after them that one page holds at
  the readable size, over a few rows to fill by hand (fitting all of a wide table's header on
  one page would print it at a third of full size, unreadable).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from lkjip_xl.schema.types import Table

PAPER_A4 = 9  # Excel's paper codes
PAPER_F4 = 14  # folio 8.5 x 13 in, the F4 Indonesian offices use
# paper name -> (Excel's code, width and height in inches, portrait)
PAPERS: dict[str, tuple[int, float, float]] = {"A4": (PAPER_A4, 8.27, 11.69),
                                               "F4": (PAPER_F4, 8.5, 13.0)}


def paper_mm(kertas: str | None) -> str:
    """"216 x 330 mm": the paper's size as every note and help names it, from PAPERS (F4 is
    8.5 x 13 in, 215.9 x 330.2 mm, so to the whole millimetre 216, as the document is laid out)."""
    _, w, h = PAPERS.get(kertas or "A4", PAPERS["A4"])
    return f"{round(w * 25.4)} x {round(h * 25.4)} mm"


def paper_code(kertas: str | None) -> int:
    return PAPERS.get(kertas or "A4", PAPERS["A4"])[0]


def landscape_pt(kertas: str | None = "A4") -> tuple[float, float]:
    """Width and height of the landscape page, in points."""
    _, w, h = PAPERS.get(kertas or "A4", PAPERS["A4"])
    return h * 72, w * 72
MIN_ROWS = 5  # rows an empty table still prints, to be filled by hand
PAGE_CHARS = 190.0  # column width (Excel characters) one landscape A4 page holds readably
KEY_COLUMNS = ("kode_sasaran", "kode", "kode_program", "kode_kegiatan", "kode_sub", "uraian",
               "no", "file", "instansi")  # the last three: rekap's agency tables
MARGINS = {"left": 0.4, "right": 0.4, "top": 0.6, "bottom": 0.6}  # inches


@dataclass(frozen=True)
class PrintPlan:
    last_row: int  # 1-based, inclusive
    last_col: int  # 1-based, inclusive
    pages_wide: int
    repeat_cols: int  # how many leading columns repeat on every page (0: none)


def key_columns(table: Table) -> int:
    """The leading columns that name a row (codes, then the name): repeated on split pages."""
    n = 0
    for col in table.columns:
        if col.key not in KEY_COLUMNS:
            break
        n += 1
    return n


def page_chars(kertas: str | None = "A4") -> float:
    """The column width (Excel characters) one landscape page of the paper holds readably:
    PAGE_CHARS on A4, in proportion to the printable width on another paper (F4 is wider)."""
    def body(k: str | None) -> float:
        return landscape_pt(k)[0] - (MARGINS["left"] + MARGINS["right"]) * 72
    return PAGE_CHARS * body(kertas) / body("A4")


def printed_columns(table: Table) -> int:
    """The leading columns a printout may show: up to the first working column (`prints`)."""
    return next((i for i, c in enumerate(table.columns) if not c.prints), len(table.columns))


def filled_columns(table: Table, rows: Sequence[Mapping[str, object]]) -> int:
    """How many leading columns print: up to the last one a row fills (a formula column always
    shows a value), never fewer than the key columns; every column of an empty table (`plan`
    chooses what of it one page holds)."""
    printed = printed_columns(table)
    if not rows:
        return printed
    last = 0
    for i, col in enumerate(table.columns[:printed], start=1):
        if col.formula is not None or any(r.get(col.key) not in (None, "") for r in rows):
            last = i
    return max(last, key_columns(table), 1)


def plan(table: Table, filled_rows: int, filled_cols: int | None = None,
         kertas: str | None = "A4", template: bool = False) -> PrintPlan:
    """`filled_cols`: the columns to print (`filled_columns`; None: all). `template`: the
    document fills nothing yet (`new --tahun`): every column prints, split over pages as a
    filled table, since all of them are still to be typed and a print area does not grow."""
    last_row = table.first_row + max(filled_rows, MIN_ROWS) - 1
    widths = [c.width for c in table.columns[:filled_cols or printed_columns(table)]]
    if filled_rows == 0 and not template:  # unused in a filled document: one readable page
        room, n = page_chars(kertas), 0
        while n < len(widths) and (n < key_columns(table) or sum(widths[:n + 1]) <= room):
            n += 1
        return PrintPlan(last_row, max(n, 1), 1, 0)
    pages = max(1, math.ceil(sum(widths) / page_chars(kertas)))
    return PrintPlan(last_row, len(widths), pages, key_columns(table) if pages > 1 else 0)


ROW_PT = 15.0  # a default row


def text_lines(text: str, per_line: int) -> int:
    """Lines a wrapped cell takes: each paragraph of `per_line` characters a line."""
    return sum(max(1, -(-len(par) // max(per_line, 1))) for par in text.split("\n"))


def wrapped_lines(text: str, width: float) -> int:
    """Lines a text takes in a wrapped cell `width` (Excel characters) wide: spreadsheet
    programs do not grow a written row for its text, so every writer sizes rows with this."""
    return text_lines(text, int(width * 1.05) - 1)
MEMO_BREAK_PT = 250.0  # long texts above a form sheet's table taller than this: table on a new page
HEADER_FOOTER_PT = 20.0  # page header and footer lines, where a program prints them in the body
SAFETY = 0.97
REPORT_MARGINS = (0.5, 0.5, 0.75, 0.75)  # left, right, top, bottom (inches): measure's sheets


def print_scale(col_widths: list[float], margins: tuple[float, float, float, float]
                = REPORT_MARGINS, kertas: str | None = "A4") -> int:
    """The percentage that fitting the columns to one landscape page wide comes to."""
    left, right, _, _ = margins
    width_pt = landscape_pt(kertas)[0] - (left + right) * 72
    sheet_pt = sum(w * 7 + 5 for w in col_widths) * 0.75  # Excel: a character is 7 px
    return max(10, min(100, int(100 * width_pt / sheet_pt))) if sheet_pt else 100


def page_height_rows_pt(col_widths: list[float], margins: tuple[float, float, float, float]
                        = REPORT_MARGINS, kertas: str | None = "A4") -> float:
    """How many points of rows one landscape page holds at the sheet's print scale."""
    _, _, top, bottom = margins
    # LibreOffice takes the page header and footer out of the body (Excel prints them in the
    # margins): plan for the smaller of the two, with a little room for rounding
    height_pt = (landscape_pt(kertas)[1] - (top + bottom) * 72 - HEADER_FOOTER_PT) * SAFETY
    return height_pt * 100 / print_scale(col_widths, margins, kertas)


class Pages:
    """A report sheet laid out page by page as it is written, every break planned.

    Each page ends at a planned break, never where a program would break by itself: the plan
    assumes no more room than Excel has at the sheet's scale (LibreOffice, with Carlito, prints
    the same sheet slightly smaller), so no program breaks earlier, and a chart, a table's
    first rows, a merged group or a signature block that the writer asks to `keep` together is
    never cut. Rows written with `add`; `breaks` for `set_h_pagebreaks`."""

    def __init__(self, page_pt: float) -> None:
        self.page_pt = page_pt
        self.used = 0.0  # points of the current page already written
        self.breaks: list[int] = []  # 0-based rows a new page starts at
        self.repeat_pt = 0.0  # the sheet's print-title rows, printed atop each new page

    def fits(self, pt: float) -> bool:
        return self.used + pt <= self.page_pt

    def fits_a_page(self, pt: float) -> bool:
        return pt <= self.page_pt

    def new_page(self, row: int) -> None:
        if self.used > self.repeat_pt:
            self.breaks.append(row)
            self.used = self.repeat_pt

    def keep(self, row: int, pt: float) -> None:
        """The next `pt` points from `row` go on one page: a new one if this one cannot hold
        them (a block taller than a page starts a page and is cut where it must be)."""
        if not self.fits(pt):
            self.new_page(row)

    def add(self, row: int, pt: float = ROW_PT) -> None:
        """Row `row`, `pt` high, written: a new page first when this one is full."""
        if not self.fits(pt):
            self.new_page(row)
        self.used += pt

    def add_rows(self, first: int, last: int, pt: float = ROW_PT) -> None:
        for r in range(first, last + 1):
            self.add(r, pt)


__all__ = ["MARGINS", "PAPER_A4", "PAPER_F4", "PAPERS", "ROW_PT", "Pages", "PrintPlan",

           "filled_columns", "key_columns", "landscape_pt", "page_chars", "page_height_rows_pt",
           "paper_code", "plan", "printed_columns",
           "print_scale", "text_lines", "wrapped_lines"]
