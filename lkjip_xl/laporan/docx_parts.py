"""The Word mechanics the report needs and python-docx has no call for: fields (TOC, PAGE),
repeated header rows, rows kept whole only where that is safe, paper and landscape sections, a
body cleared out of a template."""

from __future__ import annotations

from typing import Any

from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm

from lkjip_xl.schema.printing import PAPERS

HEADER_FILL = "D9E1F2"  # the same blue as measure's Bab III header rows


def _char(kind: str) -> Any:
    r = OxmlElement("w:r")
    fc = OxmlElement("w:fldChar")
    fc.set(qn("w:fldCharType"), kind)
    r.append(fc)
    return r


def _field_start(instruction: str) -> list[Any]:
    """begin, the instruction, separate: what precedes a field's shown result."""
    r = OxmlElement("w:r")
    it = OxmlElement("w:instrText")
    it.set(qn("xml:space"), "preserve")
    it.text = f" {instruction} "
    r.append(it)
    return [_char("begin"), r, _char("separate")]


def add_field(paragraph: Any, instruction: str, shown: str = "") -> None:
    """A complex field (PAGE ...): Word/LibreOffice compute it; `shown` until they do."""
    for el in _field_start(instruction):
        paragraph._p.append(el)
    paragraph.add_run(shown)
    paragraph._p.append(_char("end"))


def field_around(first: Any, last: Any, instruction: str) -> None:
    """A field whose shown result is the paragraphs from `first` to `last` (a table of contents
    listed before Word or LibreOffice recompute it)."""
    at = 1 if first._p.pPr is not None else 0
    for k, el in enumerate(_field_start(instruction)):
        first._p.insert(at + k, el)
    last._p.append(_char("end"))


# what follows w:updateFields in CT_Settings' sequence: it goes before the first of them
_AFTER_UPDATE_FIELDS = ("hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars",
                        "rsids", "attachedSchema", "themeFontLang", "clrSchemeMapping",
                        "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade",
                        "captions", "readModeInkLockDown", "smartTagType", "shapeDefaults",
                        "doNotEmbedSmartTags", "decimalSymbol", "listSeparator")


def update_fields_on_open(document: Any) -> None:
    """Word asks to refresh the table of contents when the file opens."""
    settings = document.settings.element
    if settings.find(qn("w:updateFields")) is not None:
        return
    el = OxmlElement("w:updateFields")
    el.set(qn("w:val"), "on")
    later = {qn(f"w:{n}") for n in _AFTER_UPDATE_FIELDS} | {
        "{http://schemas.openxmlformats.org/officeDocument/2006/math}mathPr",
        "{http://schemas.openxmlformats.org/schemaLibrary/2006/main}schemaLibrary"}
    for child in settings:
        if child.tag in later:
            child.addprevious(el)
            return
    settings.append(el)


def drop_styles_with_effects(document: Any) -> None:
    """python-docx's own template carries a Word 2010 stylesWithEffects part that no longer
    matches styles.xml (validators flag it, Word may "repair" the file); the part is optional."""
    part = document.part
    for r_id, rel in list(part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            part.drop_rel(r_id)


def repeat_header(row: Any) -> None:
    row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))  # no val: on


def no_split(row: Any) -> None:
    tr = getattr(row, "_tr", row)
    tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


# What LibreOffice Writer (7.4) does with rows kept whole (w:cantSplit), found on our tables:
# - a header row kept whole, at the foot of a page where only it fits, takes every row after
#   it out of the PDF: the page shows the header, the next page starts with what follows the
#   table (issue #22's Tabel L.3). So the header row is never cantSplit: it repeats (tblHeader)
#   and, one or two lines tall, is never split in practice;
# - a row kept whole that is taller than what a page holds below the repeated header loses its
#   last lines: the cell closes early, a line prints in the bottom margin, the rest is gone
#   (reported upstream as CollaboraOnline/online#16066; #11629 for whole rows lost). So only
#   rows whose height is surely a small part of the page are kept whole; a taller row may
#   split, which Word and Writer both lay out completely, the header repeated above the rest.
KEEP_WHOLE_SHARE = 1 / 3  # of the page's text height
_CHAR_EM = 0.6  # a generous average character width (DejaVu Serif, Writer's fallback font)
_LINE_EM = 1.25
_ROW_PAD_PT = 4.0


def _lines(text: str, width_pt: float, size: float) -> int:
    """Lines the text wraps to at word boundaries (a word longer than a line breaks)."""
    per_line = max(1, int(width_pt / (size * _CHAR_EM)))
    total = 0
    for par in text.split("\n"):
        n, used = 1, 0
        for word in par.split():
            if used and used + 1 + len(word) > per_line:
                n, used = n + 1, 0
            used += len(word) + (1 if used else 0)
            while used > per_line:
                n, used = n + 1, used - per_line
        total += n
    return total


def row_height_pt(tr: Any, widths_pt: list[float], size: float = 9) -> float:
    """An over-estimate of a row's height: its tallest cell's wrapped lines."""
    col = 0
    tallest = 1
    for tc in tr.tc_lst:
        span = tc.grid_span
        width = max(sum(widths_pt[col:col + span]) - 11.0, 10.0)  # cell margins
        text = "\n".join("".join(t.text or "" for t in p.iter(qn("w:t")))
                         for p in tc.iter(qn("w:p")))
        tallest = max(tallest, _lines(text, width, size))
        col += span
    return tallest * size * _LINE_EM + _ROW_PAD_PT


def keep_short_rows_whole(table: Any, widths_emu: list[int], body_height_emu: int) -> None:
    """w:cantSplit on every row short enough to be kept whole safely (see KEEP_WHOLE_SHARE)."""
    widths_pt = [w / 12700 for w in widths_emu]
    limit = body_height_emu / 12700 * KEEP_WHOLE_SHARE
    for tr in table._tbl.tr_lst[1:]:  # never the header row (above)
        tr_pr = tr.trPr
        if tr_pr is not None and (tr_pr.find(qn("w:cantSplit")) is not None
                                  or tr_pr.find(qn("w:tblHeader")) is not None):
            continue
        if row_height_pt(tr, widths_pt) <= limit:
            no_split(tr)


def shade(cell: Any, fill: str = HEADER_FILL) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    el = OxmlElement("w:shd")
    el.set(qn("w:val"), "clear")
    el.set(qn("w:color"), "auto")
    el.set(qn("w:fill"), fill)
    tc_pr.append(el)


def _el(tag: str, **attrs: str) -> Any:
    el = OxmlElement(tag)
    for k, v in attrs.items():
        el.set(qn(f"w:{k}"), v)
    return el


def set_cell(cell: Any, text: str, *, bold: bool = False, right: bool = False,
             size: float = 9) -> None:
    """One run of text in a cell (`cell` a python-docx cell or its w:tc). Built as XML: the
    python-docx calls cost a minute for a 1,000-indicator report, this a few seconds."""
    tc = getattr(cell, "_tc", cell)
    p = tc.find(qn("w:p"))
    p_pr = _el("w:pPr")
    p_pr.append(_el("w:spacing", after="0"))
    if right:
        p_pr.append(_el("w:jc", val="right"))
    p.append(p_pr)
    r = OxmlElement("w:r")
    r_pr = OxmlElement("w:rPr")
    if bold:
        r_pr.append(OxmlElement("w:b"))
    half_points = str(int(size * 2))
    r_pr.append(_el("w:sz", val=half_points))
    r_pr.append(_el("w:szCs", val=half_points))
    r.append(r_pr)
    t = OxmlElement("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    r.append(t)
    p.append(r)


# what follows w:tcBorders in CT_TcPr's sequence
_AFTER_TC_BORDERS = ("shd", "noWrap", "tcMar", "textDirection", "tcFitText", "vAlign", "hideMark",
                     "headers", "cellIns", "cellDel", "cellMerge", "tcPrChange")


def _open_edges(tc: Any, top: bool, bottom: bool) -> None:
    tc_pr = tc.get_or_add_tcPr()
    borders = _el("w:tcBorders")
    for side, on in (("top", top), ("bottom", bottom)):
        if on:
            borders.append(_el(f"w:{side}", val="nil"))
    later = {qn(f"w:{n}") for n in _AFTER_TC_BORDERS}
    nxt = next((c for c in tc_pr if c.tag in later), None)
    if nxt is None:
        tc_pr.append(borders)
    else:
        nxt.addprevious(borders)


def group_down(tcs: list[Any]) -> Any:
    """Cells of one column over consecutive rows shown as one: the top one holds the text, the
    lines between them are left out. Not a vertical merge (w:vMerge): LibreOffice Writer drops
    the rows a merged cell spans past a page break (the rest of the group and the next rows
    vanish from the PDF), while cells grouped by their borders lay out whole in Word and
    Writer; a group that runs onto the next page shows its label on the first page only."""
    for k, tc in enumerate(tcs):
        if k:
            set_cell(tc, "")
        _open_edges(tc, top=k > 0, bottom=k < len(tcs) - 1)
    return tcs[0]


def grid_table(document: Any, headers: list[str], style: str | None) -> Any:
    """A bordered table whose header row repeats on every page it runs onto."""
    table = document.add_table(rows=1, cols=len(headers))
    if style:
        table.style = style
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, headers):
        set_cell(cell, text, bold=True, size=8)
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        shade(cell)
    repeat_header(table.rows[0])
    return table


def fit_columns(table: Any, kinds: list[str], width_emu: int) -> list[int]:
    """Shares of the width by kind: names wrap less, a rupiah amount stays on one line."""
    shares = [{"money": 2.3, "percent": 1.8, "number": 1.8, "int": 1.0}.get(k, 2.6)
              for k in kinds]
    total = sum(shares)
    widths = [int(width_emu * sh / total) for sh in shares]
    table.autofit = False
    for col, w in zip(table.columns, widths):
        col.width = w
    for tr in table._tbl.tr_lst:  # a merged cell is as wide as the columns it spans
        col = 0
        for tc in tr.tc_lst:
            span = tc.grid_span
            tc.width = sum(widths[col:col + span])
            col += span
    return widths


def paper_size(kertas: str | None) -> tuple[Any, Any]:
    """The portrait page of the workbook's paper (`schema.printing.PAPERS`, in inches there),
    to the whole millimetre: A4 210 x 297 mm, F4 216 x 330 mm."""
    _code, w, h = PAPERS.get(kertas or "A4", PAPERS["A4"])
    return Mm(round(w * 25.4)), Mm(round(h * 25.4))


# margins fit for binding: the bound edge gets 4 cm. On a portrait page that is the left edge; a
# landscape page is bound along its top (turned a quarter to the left in the book), so there the
# top gets it.
BINDING_CM = 4.0
OTHER_CM = 2.5
TOP_CM = 3.0


def set_page(section: Any, kertas: str | None, landscape: bool, margins: bool = True) -> None:
    """The paper turned as asked, with binding margins (`margins=False`: a template's stay)."""
    w, h = paper_size(kertas)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (h, w) if landscape else (w, h)
    if not margins:
        return
    if landscape:
        section.top_margin, section.left_margin = Cm(BINDING_CM), Cm(OTHER_CM)
    else:
        section.top_margin, section.left_margin = Cm(TOP_CM), Cm(BINDING_CM)
    section.right_margin = section.bottom_margin = Cm(OTHER_CM)
    section.header_distance = section.footer_distance = Cm(1.25)
    section.gutter = 0


def new_section(document: Any, landscape: bool, kertas: str | None = "A4",
                margins: bool = True) -> Any:
    """A section on a new page, on the document's paper, turned as asked; headers and footers
    follow the previous one, and only the first section (the cover's) has a first page of its
    own."""
    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.different_first_page_header_footer = False
    set_page(section, kertas, landscape, margins)
    return section


def clear_body(document: Any) -> None:
    """A template's content goes; its styles, headers, footers and page set-up stay."""
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def has_style(document: Any, name: str) -> bool:
    return any(s.name == name for s in document.styles)
