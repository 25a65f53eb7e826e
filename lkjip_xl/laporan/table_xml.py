"""The report's tables written as WordprocessingML text, a row at a time.

python-docx's table calls re-walk the XML for every row and cell (`add_row` looks up the grid,
every child is placed by scanning its siblings, a width is set through three property layers):
the 20,000-row report spent most of its four minutes there, and held every cell as objects. A
table here is a list of rows of `Cell`s, written out once its column widths are known, to the
same XML those calls made: the properties LibreOffice needs to keep every row at a page break
(the header row repeated and never kept whole, short rows kept whole, grouped cells drawn by
their borders, never vMerge) are the same, byte for byte (tests/test_laporan_tables.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from lkjip_xl.laporan.docx_parts import HEADER_FILL, KEEP_WHOLE_SHARE, row_lines_pt

EMU_PER_TWIP = 635
_TBL_LOOK = ('<w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" '
             'w:noHBand="0" w:noVBand="1" w:val="04A0"/>')
_SHD = f'<w:shd w:val="clear" w:color="auto" w:fill="{HEADER_FILL}"/>'
_BORDERS = {(True, False): '<w:tcBorders><w:top w:val="nil"/></w:tcBorders>',
            (False, True): '<w:tcBorders><w:bottom w:val="nil"/></w:tcBorders>',
            (True, True): '<w:tcBorders><w:top w:val="nil"/><w:bottom w:val="nil"/>'
                          '</w:tcBorders>'}


@dataclass(slots=True)
class Cell:
    """One cell's single run of text; `span` grid columns wide; `open_top` / `open_bottom`:
    the line above / below left out (a group of cells shown as one, `grouped`)."""

    text: str
    bold: bool = False
    right: bool = False
    span: int = 1
    open_top: bool = False
    open_bottom: bool = False


def grouped(text: str, rows: int) -> list[Cell]:
    """One column's cells over `rows` consecutive rows shown as one: the top one holds the
    text, the lines between them are left out. Not a vertical merge (w:vMerge): LibreOffice
    Writer drops the rows a merged cell spans past a page break, while cells grouped by their
    borders lay out whole in Word and Writer; a group that runs onto the next page shows its
    label on the first page only."""
    if rows == 1:
        return [Cell(text)]
    return [Cell(text if k == 0 else "", open_top=k > 0, open_bottom=k < rows - 1)
            for k in range(rows)]


def fit_to_text(kinds: list[str], width_emu: int, need_pt: list[float]) -> list[int]:
    """Columns of `need_pt` > 0 exactly that wide (numbers kept on one line), the others
    sharing what is left by kind (`fit_widths`); a table too wide for that falls back to
    `fit_widths`."""
    fixed = sum(need_pt) * 12700
    flexible = [k for k, n in zip(kinds, need_pt) if n <= 0]
    if not flexible or fixed >= width_emu * 0.85:
        return fit_widths(kinds, width_emu)
    rest = iter(fit_widths(flexible, int(width_emu - fixed)))
    return [int(n * 12700) if n > 0 else next(rest) for n in need_pt]


def twips(emu: int) -> int:
    return int(round(emu / EMU_PER_TWIP))


def fit_widths(kinds: list[str], width_emu: int) -> list[int]:
    """Shares of the width by kind: names wrap less, a rupiah amount stays on one line."""
    shares = [{"money": 2.3, "percent": 1.8, "number": 1.8, "int": 1.0}.get(k, 2.6)
              for k in kinds]
    total = sum(shares)
    return [int(width_emu * sh / total) for sh in shares]


def _cell(c: Cell, width_emu: int, size_half_points: int, header: bool) -> str:
    pr = [f'<w:tcW w:type="dxa" w:w="{twips(width_emu)}"/>']
    if c.span > 1:
        pr.append(f'<w:gridSpan w:val="{c.span}"/>')
    if c.open_top or c.open_bottom:
        pr.append(_BORDERS[(c.open_top, c.open_bottom)])
    if header:
        pr.append(_SHD)
    jc = '<w:jc w:val="center"/>' if header else ('<w:jc w:val="right"/>' if c.right else "")
    bold = "<w:b/>" if c.bold else ""
    return (f'<w:tc><w:tcPr>{"".join(pr)}</w:tcPr><w:p><w:pPr><w:spacing w:after="0"/>{jc}'
            f'</w:pPr><w:r><w:rPr>{bold}<w:sz w:val="{size_half_points}"/>'
            f'<w:szCs w:val="{size_half_points}"/></w:rPr>'
            f'<w:t xml:space="preserve">{escape(c.text)}</w:t></w:r></w:p></w:tc>')


def _row(cells: list[Cell], widths: list[int], size_half_points: int, header: bool,
         keep_limit_pt: float) -> str:
    col = 0
    parts = []
    spans = []
    for c in cells:
        w = sum(widths[col:col + c.span])
        parts.append(_cell(c, w, size_half_points, header))
        spans.append((c.text, sum(x / 12700 for x in widths[col:col + c.span])))
        col += c.span
    if header:
        tr_pr = "<w:trPr><w:tblHeader/></w:trPr>"  # repeats; never kept whole (docx_parts)
    elif row_lines_pt(spans, max(size_half_points / 2, 9)) <= keep_limit_pt:
        tr_pr = "<w:trPr><w:cantSplit/></w:trPr>"
    else:
        tr_pr = ""
    return f"<w:tr>{tr_pr}{''.join(parts)}</w:tr>"


def table_xml(headers: list[str], rows: list[list[Cell]], kinds: list[str], style_id: str | None,
              text_width_emu: int, text_height_emu: int, size_half_points: int = 18,
              need_pt: list[float] | None = None) -> Iterator[str]:
    """The whole `w:tbl` in pieces (the `w` namespace is declared by the document around it):
    bordered (`style_id`), centred, fixed column widths by kind, the header row repeated on
    every page, rows short enough kept whole (KEEP_WHOLE_SHARE of the page's text height).
    `size_half_points`: the rows' type (9 pt; the wide E.81 lampiran prints smaller), the header
    one point smaller. `need_pt`: the columns given a width of their own (`fit_to_text`)."""
    widths = (fit_widths(kinds, text_width_emu) if need_pt is None
              else fit_to_text(kinds, text_width_emu, need_pt))
    limit = text_height_emu / 12700 * KEEP_WHOLE_SHARE
    style = f"<w:tblStyle w:val={quoteattr(style_id)}/>" if style_id else ""
    yield (f'<w:tbl><w:tblPr>{style}<w:tblW w:type="auto" w:w="0"/><w:jc w:val="center"/>'
           f'<w:tblLayout w:type="fixed"/>{_TBL_LOOK}</w:tblPr><w:tblGrid>'
           + "".join(f'<w:gridCol w:w="{twips(w)}"/>' for w in widths) + "</w:tblGrid>"
           + _row([Cell(h, bold=True) for h in headers], widths, size_half_points - 2, True,
                  limit))
    for k in range(0, len(rows), 200):
        yield "".join(_row(r, widths, size_half_points, False, limit) for r in rows[k:k + 200])
    yield "</w:tbl>"
