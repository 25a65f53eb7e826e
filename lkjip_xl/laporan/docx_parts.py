"""The Word mechanics the report needs and python-docx has no call for: fields (TOC, PAGE),
which rows are safe to keep whole (the tables themselves: `table_xml`), paper and landscape
sections, a body cleared out of a template."""

from __future__ import annotations

from typing import Any

from docx.enum.section import WD_ORIENT, WD_SECTION
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


def row_lines_pt(cells: list[tuple[str, float]], size: float = 9) -> float:
    """An over-estimate of a row's height: its tallest cell's wrapped lines (each cell's text
    and its width in points, its columns spanned)."""
    tallest = 1
    for text, width_pt in cells:
        tallest = max(tallest, _lines(text, max(width_pt - 11.0, 10.0), size))  # cell margins
    return tallest * size * _LINE_EM + _ROW_PAD_PT


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
