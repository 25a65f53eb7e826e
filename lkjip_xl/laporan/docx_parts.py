"""The Word mechanics the report needs and python-docx has no call for: fields (TOC, PAGE),
repeated header rows, landscape sections, a body cleared out of a template."""

from __future__ import annotations

from typing import Any

from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

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
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


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


def merge_down(tcs: list[Any]) -> Any:
    """Merge cells of one column over consecutive rows (w:vMerge); the top one holds the text.
    python-docx's own merge re-walks the table grid each time (quadratic in rows)."""
    for k, tc in enumerate(tcs):
        tc_pr = tc.get_or_add_tcPr()
        tc_pr.append(_el("w:vMerge", val="restart") if k == 0 else OxmlElement("w:vMerge"))
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
    no_split(table.rows[0])
    return table


def fit_columns(table: Any, kinds: list[str], width_emu: int) -> None:
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


def new_section(document: Any, landscape: bool) -> Any:
    """A section on a new page, turned as asked; headers and footers follow the previous one."""
    section = document.add_section(WD_SECTION.NEW_PAGE)
    w, h = section.page_width, section.page_height
    if landscape != (w > h):
        section.page_width, section.page_height = h, w
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    return section


def clear_body(document: Any) -> None:
    """A template's content goes; its styles, headers, footers and page set-up stay."""
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def has_style(document: Any, name: str) -> bool:
    return any(s.name == name for s in document.styles)
