"""`verify --annotate OUT.xlsx`: a copy of the input with every finding marked.

The copy is the input's own package with parts added, not a workbook loaded and saved again: every
value the spreadsheet cached, every chart and every style stays as it was (a library round trip
drops cached values and charts, and its styles part is not what Excel expects). Added:
- for each finding's cell, a style that is the cell's own plus a fill by severity and a thick
  border, so the mark shows in black-and-white print too, and a comment with the messages;
- a `Temuan` sheet, first, listing every finding with a link to its cell, printed landscape.
The input file itself is only read. User text is always written as text (shared strings).
"""

from __future__ import annotations

import math
import os
import posixpath
import re
import zipfile
from collections.abc import Callable
from xml.sax.saxutils import escape

from lkjip_xl.catalogue import render_value
from lkjip_xl.catalogue.lines import line
from lkjip_xl.core.errors import InputError
from lkjip_xl.core.findings import Report
from lkjip_xl.schema import printing
from lkjip_xl.schema.sheets import PENGATURAN
from lkjip_xl.schema.types import col_letter
from lkjip_xl.verify.follow_on import cell_count, grouped
from lkjip_xl.xlsx.a1 import col_index
from lkjip_xl.xlsx.atomic import write_atomic

FILLS = {"error": "FFC7CE", "warning": "FFEB9C", "info": "DDEBF7"}
SHEET_NAME = "Temuan"
RANK = {"info": 0, "warning": 1, "error": 2}
_CELL = re.compile(r"^(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Z]{1,3}\$?\d+)(?::\$?([A-Z]{1,3}\$?\d+))?$")
_REF = re.compile(r"([A-Z]{1,3})(\d+)")
NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
T_SHEET = NS_REL + "/worksheet"
T_COMMENTS = NS_REL + "/comments"
T_VML = NS_REL + "/vmlDrawing"
T_SST = NS_REL + "/sharedStrings"
CT_SHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
CT_COMMENTS = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"
CT_SST = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
CT_VML = "application/vnd.openxmlformats-officedocument.vmlDrawing"
# worksheet children that come after legacyDrawing (ECMA-376 order): it is inserted before them
_AFTER_LEGACY = ("<legacyDrawingHF", "<drawingHF", "<picture", "<oleObjects", "<controls",
                 "<webPublishItems", "<tableParts", "<extLst")


def _split(location: str) -> tuple[str, str] | None:
    m = _CELL.match(location or "")
    if not m:
        return None
    sheet = (m.group(1) or "").replace("''", "'") or m.group(2)
    return sheet, m.group(3).replace("$", "")


def _unescape(text: str) -> str:
    return (text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
            .replace("&apos;", "'").replace("&amp;", "&"))


class _Package:
    """The parts of an .xlsx held in memory, edited as text, written back in their order."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        with zipfile.ZipFile(path) as z:
            self.order = [i.filename for i in z.infolist()]
            self.parts = {n: z.read(n) for n in self.order}

    def text(self, name: str) -> str:
        return self.parts[name].decode("utf-8")

    def put(self, name: str, text: str) -> None:
        if name not in self.parts:
            self.order.append(name)
        self.parts[name] = text.encode("utf-8")

    def rels_of(self, part: str) -> str:
        d, f = posixpath.split(part)
        return posixpath.join(d, "_rels", f + ".rels")

    def add_rel(self, part: str, rel_type: str, target: str) -> str:
        rels = self.rels_of(part)
        xml = (self.text(rels) if rels in self.parts else
               '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               f'<Relationships xmlns="{NS_PKG_REL}"></Relationships>')
        ids = {int(m) for m in re.findall(r'Id="rId(\d+)"', xml)}
        rid = f"rId{max(ids, default=0) + 1}"
        xml = xml.replace("</Relationships>",
                          f'<Relationship Id="{rid}" Type="{rel_type}" Target="{target}"/>'
                          "</Relationships>")
        self.put(rels, xml)
        return rid

    def content_type(self, part: str, ct: str) -> None:
        xml = self.text("[Content_Types].xml")
        if f'PartName="/{part}"' not in xml:
            xml = xml.replace("</Types>", f'<Override PartName="/{part}" ContentType="{ct}"/></Types>')
            self.put("[Content_Types].xml", xml)

    def default_type(self, ext: str, ct: str) -> None:
        xml = self.text("[Content_Types].xml")
        if f'Extension="{ext}"' not in xml:
            xml = xml.replace("</Types>", f'<Default Extension="{ext}" ContentType="{ct}"/></Types>')
            self.put("[Content_Types].xml", xml)

    def write(self, path: str) -> None:
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            for name in self.order:
                z.writestr(name, self.parts[name])


def _sheets(pkg: _Package) -> dict[str, str]:
    """Sheet name -> its part (worksheets only)."""
    wb = pkg.text("xl/workbook.xml")
    rels = pkg.text("xl/_rels/workbook.xml.rels")
    target = {m.group(1): m.group(2) for m in re.finditer(
        r'<Relationship\b[^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"', rels)}
    target.update({m.group(2): m.group(1) for m in re.finditer(
        r'<Relationship\b[^>]*?Target="([^"]+)"[^>]*?Id="([^"]+)"', rels)})
    out = {}
    for m in re.finditer(r"<sheet\b([^>]*)/>", wb):
        attrs = m.group(1)
        name = re.search(r'name="([^"]*)"', attrs)
        rid = re.search(r'r:id="([^"]*)"', attrs)
        if name and rid and rid.group(1) in target:
            t = target[rid.group(1)]
            part = t.lstrip("/") if t.startswith("/") else posixpath.normpath(posixpath.join("xl", t))
            if part.startswith("xl/worksheets/"):
                out[_unescape(name.group(1))] = part
    return out


class _Styles:
    def __init__(self, pkg: _Package) -> None:
        self.pkg = pkg
        self.xml = pkg.text("xl/styles.xml")
        self.xfs = re.findall(r"<xf\b[^>]*?(?:/>|>.*?</xf>)",
                              re.search(r"<cellXfs\b.*?</cellXfs>", self.xml, re.S).group(0),  # type: ignore[union-attr]
                              re.S)
        self.fill: dict[str, int] = {}
        self.border = -1
        self.made: dict[tuple[int, str], int] = {}
        self.new_xfs: list[str] = []

    def _append(self, section: str, element: str) -> int:
        m = re.search(rf"<{section}\b([^>]*)>(.*?)</{section}>", self.xml, re.S)
        if m is None:
            raise InputError(f"styles.xml tanpa {section}", f"styles.xml without {section}")
        n = len(re.findall(rf"<{section[:-1]}\b", m.group(2)))
        attrs = re.sub(r'count="\d+"', f'count="{n + 1}"', m.group(1))
        self.xml = self.xml[:m.start()] + f"<{section}{attrs}>{m.group(2)}{element}</{section}>" \
            + self.xml[m.end():]
        return n

    def style(self, base: int, severity: str) -> int:
        key = (base, severity)
        if key in self.made:
            return self.made[key]
        if severity not in self.fill:
            self.fill[severity] = self._append(
                "fills", f'<fill><patternFill patternType="solid"><fgColor rgb="FF{FILLS[severity]}"/>'
                '<bgColor indexed="64"/></patternFill></fill>')
        if self.border < 0:
            side = '<{0} style="thick"><color rgb="FF000000"/></{0}>'
            self.border = self._append("borders", "<border>" + "".join(
                side.format(s) for s in ("left", "right", "top", "bottom")) + "<diagonal/></border>")
        xf = (self.xfs[base] if base < len(self.xfs)
              else '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>')
        # the attributes stop before "/>" of a self-closed <xf .../> (the first release wrote them)
        head = re.match(r"<xf\b[^>]*?(?=/?>)", xf).group(0)  # type: ignore[union-attr]
        rest = xf[len(head):]
        for attr, value in (("fillId", self.fill[severity]), ("borderId", self.border),
                            ("applyFill", 1), ("applyBorder", 1)):
            if f' {attr}="' in head:
                head = re.sub(rf' {attr}="[^"]*"', f' {attr}="{value}"', head)
            else:
                head += f' {attr}="{value}"'
        self.made[key] = len(self.xfs) + len(self.new_xfs)
        self.new_xfs.append(head + rest)
        return self.made[key]

    def wrapped(self) -> int:
        """The default style with text wrapped at the top of its cell (the Temuan sheet's long
        messages stay inside their column, so the page is not scaled down to their length)."""
        key = (0, "wrap")
        if key not in self.made:
            self.made[key] = len(self.xfs) + len(self.new_xfs)
            self.new_xfs.append('<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" '
                                'applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>')
        return self.made[key]

    def save(self) -> None:
        if self.new_xfs:
            m = re.search(r"<cellXfs\b([^>]*)>(.*?)</cellXfs>", self.xml, re.S)
            assert m is not None
            total = len(self.xfs) + len(self.new_xfs)
            attrs = re.sub(r'count="\d+"', f'count="{total}"', m.group(1))
            self.xml = self.xml[:m.start()] + f"<cellXfs{attrs}>{m.group(2)}{''.join(self.new_xfs)}" \
                "</cellXfs>" + self.xml[m.end():]
        self.pkg.put("xl/styles.xml", self.xml)


class _Strings:
    """The shared-string table: text added as shared strings, as Excel writes it."""

    def __init__(self, pkg: _Package) -> None:
        self.pkg = pkg
        self.part = "xl/sharedStrings.xml"
        if self.part not in pkg.parts:
            pkg.put(self.part, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                    'count="0" uniqueCount="0"></sst>')
            pkg.add_rel("xl/workbook.xml", T_SST, "sharedStrings.xml")
            pkg.content_type(self.part, CT_SST)
        self.xml = pkg.text(self.part)
        self.count = len(re.findall(r"<si\b", self.xml))
        self.added: list[str] = []

    def index(self, text: str) -> int:
        self.added.append(f'<si><t xml:space="preserve">{escape(_clean(text))}</t></si>')
        return self.count + len(self.added) - 1

    def save(self) -> None:
        total = self.count + len(self.added)
        xml = re.sub(r'uniqueCount="\d+"', f'uniqueCount="{total}"', self.xml)
        xml = re.sub(r'(<sst\b[^>]*?) count="\d+"', rf'\1 count="{total}"', xml)
        if "</sst>" in xml:
            xml = xml.replace("</sst>", "".join(self.added) + "</sst>")
        else:
            xml = xml.replace("/>", ">" + "".join(self.added) + "</sst>", 1)
        self.pkg.put(self.part, xml)


def _clean(text: str) -> str:
    """XML 1.0 cannot hold control characters: they become spaces."""
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", " ", text)


def _mark_cell(xml: str, ref: str, restyle: Callable[[int], int]) -> str:
    """Give cell `ref` the style `restyle(its own)`, adding the cell (and its row) if empty."""
    m = re.search(rf'<c r="{ref}"(?=[ />])([^>]*?)(/?)>', xml)
    if m is not None:
        attrs = m.group(1)
        s = re.search(r' s="(\d+)"', attrs)
        new = restyle(int(s.group(1)) if s else 0)
        attrs = re.sub(r' s="\d+"', "", attrs) + f' s="{new}"'
        return xml[:m.start()] + f'<c r="{ref}"{attrs}{m.group(2)}>' + xml[m.end():]
    letters, digits = _REF.fullmatch(ref).groups()  # type: ignore[union-attr]
    row, col = int(digits), col_index(letters)
    cell = f'<c r="{ref}" s="{restyle(0)}"/>'
    rm = re.search(rf'<row r="{row}"(?=[ />])([^>]*?)(/?)>', xml)
    if rm is None:  # a new row, in order among the others
        later = [mm for mm in re.finditer(r'<row r="(\d+)"', xml) if int(mm.group(1)) > row]
        at = later[0].start() if later else xml.index("</sheetData>") if "</sheetData>" in xml else -1
        if at < 0:
            xml = xml.replace("<sheetData/>", "<sheetData></sheetData>")
            at = xml.index("</sheetData>")
        return xml[:at] + f'<row r="{row}">{cell}</row>' + xml[at:]
    if rm.group(2) == "/":
        return xml[:rm.start()] + f'<row r="{row}"{rm.group(1)}>{cell}</row>' + xml[rm.end():]
    end = xml.index("</row>", rm.end())
    body = xml[rm.end():end]
    after = [cm.start() for cm in re.finditer(r'<c r="([A-Z]+)\d+"', body)
             if col_index(cm.group(1)) > col]
    pos = after[0] if after else len(body)
    body = body[:pos] + cell + body[pos:]
    return xml[:rm.end()] + body + xml[end:]


def _vml(shapes: list[tuple[int, int]]) -> str:
    out = ['<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
           'xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit">'
           '<o:idmap v:ext="edit" data="1"/></o:shapelayout><v:shapetype id="_x0000_t202" '
           'coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">'
           '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/>'
           "</v:shapetype>"]
    for n, (row, col) in enumerate(shapes, start=1):
        out.append(
            f'<v:shape id="_x0000_s{1024 + n}" type="#_x0000_t202" style="position:absolute;'
            'margin-left:59.25pt;margin-top:1.5pt;width:315pt;height:120pt;z-index:1;'
            'visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/>'
            '<v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>'
            '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>'
            '<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>'
            f"<x:Anchor>{col}, 15, {max(row - 1, 0)}, 2, {col + 5}, 15, {row + 7}, 16</x:Anchor>"
            f"<x:AutoFill>False</x:AutoFill><x:Row>{row - 1}</x:Row><x:Column>{col - 1}</x:Column>"
            "</x:ClientData></v:shape>")
    out.append("</xml>")
    return "".join(out)


def _comments(pkg: _Package, part: str, xml: str, notes: dict[str, list[str]], k: int) -> str:
    """Comments with the messages, unless the sheet has comments of its own already."""
    if "<legacyDrawing" in xml:
        return xml
    items = []
    shapes = []
    for ref, lines in sorted(notes.items(), key=lambda kv: (int(_REF.fullmatch(kv[0]).group(2)),  # type: ignore[union-attr]
                                                            col_index(_REF.fullmatch(kv[0]).group(1)))):  # type: ignore[union-attr]
        letters, digits = _REF.fullmatch(ref).groups()  # type: ignore[union-attr]
        text = escape(_clean("\n".join(lines)[:30000]))
        items.append(f'<comment ref="{ref}" authorId="0"><text><r><t xml:space="preserve">{text}</t>'
                     "</r></text></comment>")
        shapes.append((int(digits), col_index(letters)))
    comments = f"xl/comments_lkjip{k}.xml"
    pkg.put(comments, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            "<authors><author>lkjip-xl verify</author></authors>"
            f"<commentList>{''.join(items)}</commentList></comments>")
    pkg.content_type(comments, CT_COMMENTS)
    vml = f"xl/drawings/vmlDrawing_lkjip{k}.vml"
    pkg.put(vml, _vml(shapes))
    pkg.default_type("vml", CT_VML)
    pkg.add_rel(part, T_COMMENTS, "../" + comments[3:])
    rel_v = pkg.add_rel(part, T_VML, "../" + vml[3:])
    tag = f'<legacyDrawing xmlns:r="{NS_REL}" r:id="{rel_v}"/>'
    positions = [xml.find(t) for t in _AFTER_LEGACY if xml.find(t) >= 0]
    at = min(positions) if positions else xml.rindex("</worksheet>")
    return xml[:at] + tag + xml[at:]


_TEMUAN_WIDTHS = (24, 9, 28, 18, 18, 80)  # characters: code, level, cell, found, expected, message


def _temuan_sheet(report: Report, lang: str, strings: _Strings, sheets: dict[str, str],
                  wrap: int) -> str:
    headers = line("temuan.headers", lang).split("|")
    rows = [headers]
    # each consequence right under its cause, indented, saying what it follows from
    for f, follows in grouped(report.findings):
        message = f.message(lang)
        if follows:
            message = line("causes.cause", lang, cause=f.params["cause"]).strip() + ": " + message
        elif f.params.get("akibat"):
            message += " " + line("causes.count", lang,
                                  count=sum(cell_count(c) for c in f.params["akibat"]))
        rows.append([("  -> " if follows else "") + f.code, line(f"level.label.{f.severity}", lang),
                     f.location, render_value(f, "found", lang),
                     render_value(f, "expected", lang), message])
    out = []
    links = []
    for r, values in enumerate(rows, start=1):
        cells = []
        for c, v in enumerate(values, start=1):
            if v == "":
                continue
            ref = f"{col_letter(c)}{r}"
            style = f' s="{wrap}"'
            cells.append(f'<c r="{ref}"{style} t="s"><v>{strings.index(v)}</v></c>')
        # rows sized for their wrapped text: neither Excel nor LibreOffice fits them on opening
        lines = max((math.ceil(len(v) * 1.1 / w) for v, w in zip(values, _TEMUAN_WIDTHS) if v),
                    default=1)
        height = f' ht="{12.75 * lines + 2:g}" customHeight="1"' if lines > 1 else ""
        out.append(f'<row r="{r}"{height}>{"".join(cells)}</row>')
        where = _split(values[2]) if r > 1 else None
        if where is not None and where[0] in sheets:
            quoted = "'" + where[0].replace("'", "''") + "'"
            links.append(f'<hyperlink ref="C{r}" location="{escape(quoted, {chr(34): "&quot;"})}!{where[1]}" '
                         f'display="{escape(values[2], {chr(34): "&quot;"})}"/>')
    cols = "".join(f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>'
                   for i, w in enumerate(_TEMUAN_WIDTHS, start=1))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            f'xmlns:r="{NS_REL}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
            '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" '
            'activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
            f"<cols>{cols}</cols><sheetData>{''.join(out)}</sheetData>"
            + (f"<hyperlinks>{''.join(links)}</hyperlinks>" if links else "")
            + '<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>'
            f'<pageSetup paperSize="{_paper(report)}" orientation="landscape" fitToWidth="1" '
            'fitToHeight="0"/>'
            '<headerFooter><oddFooter>&amp;C&amp;8&amp;P / &amp;N</oddFooter></headerFooter>'
            "</worksheet>")


def _paper(report: Report) -> int:
    """The paper the workbook declares (Pengaturan, A4 or F4), read from the tables verify
    located; A4 for a workbook without it."""
    forms = report.layout.forms if report.layout is not None else {}
    value = forms.get(PENGATURAN, {}).get("kertas", (None, 0))[0]
    return printing.paper_code(value if value in printing.PAPERS else None)


def _add_first_sheet(pkg: _Package, name: str, xml: str) -> None:
    """The Temuan sheet goes first: sheet-scoped names move one place along."""
    n = 1
    while f"xl/worksheets/sheet_lkjip{n}.xml" in pkg.parts:
        n += 1
    part = f"xl/worksheets/sheet_lkjip{n}.xml"
    pkg.put(part, xml)
    pkg.content_type(part, CT_SHEET)
    rid = pkg.add_rel("xl/workbook.xml", T_SHEET, f"worksheets/sheet_lkjip{n}.xml")
    wb = pkg.text("xl/workbook.xml")
    ids = [int(x) for x in re.findall(r'<sheet\b[^>]*?sheetId="(\d+)"', wb)]
    # the r prefix declared on the element itself: not every writer declares it at the root
    tag = (f'<sheet xmlns:r="{NS_REL}" name="{escape(name)}" sheetId="{max(ids, default=0) + 1}" '
           f'r:id="{rid}"/>')
    wb = re.sub(r"(<sheets\b[^>]*>)", lambda m: m.group(1) + tag, wb, count=1)
    wb = re.sub(r'localSheetId="(\d+)"', lambda m: f'localSheetId="{int(m.group(1)) + 1}"', wb)
    wb = re.sub(r'(<workbookView\b[^>]*?) activeTab="\d+"', r"\1", wb)
    wb = re.sub(r'(<workbookView\b[^>]*?) firstSheet="\d+"', r"\1", wb)
    pkg.put("xl/workbook.xml", wb)
    # the first sheet is the one shown: no other sheet stays selected with it
    for other in _sheets(pkg).values():
        if other != part and other in pkg.parts:
            pkg.put(other, re.sub(r' tabSelected="1"', "", pkg.text(other)))


def _repeat_header_row(pkg: _Package, name: str) -> None:
    """The Temuan sheet (first, localSheetId 0) prints its header row on every page."""
    quoted = "'" + name.replace("'", "''") + "'"
    tag = f'<definedName name="_xlnm.Print_Titles" localSheetId="0">{escape(quoted)}!$1:$1</definedName>'
    wb = pkg.text("xl/workbook.xml")
    if "<definedNames>" in wb:
        wb = wb.replace("<definedNames>", "<definedNames>" + tag, 1)
    elif "<definedNames/>" in wb:
        wb = wb.replace("<definedNames/>", f"<definedNames>{tag}</definedNames>", 1)
    else:
        wb = re.sub(r"(</sheets>)", lambda m: m.group(1) + f"<definedNames>{tag}</definedNames>",
                    wb, count=1)
    pkg.put("xl/workbook.xml", wb)


def annotate_copy(src: str | os.PathLike[str], report: Report, out: str | os.PathLike[str], *,
                  lang: str = "id", force: bool = False) -> None:
    try:
        pkg = _Package(src)
        sheets = _sheets(pkg)
        styles = _Styles(pkg)
        strings = _Strings(pkg)
    except (zipfile.BadZipFile, KeyError, AttributeError, UnicodeDecodeError) as exc:
        raise InputError(f"salinan bertanda tidak dapat dibuat: {exc}",
                         f"the annotated copy cannot be made: {exc}") from exc
    notes: dict[str, dict[str, list[str]]] = {}
    worst: dict[tuple[str, str], str] = {}
    for f in report.findings:
        where = _split(f.location)
        if where is None or where[0] not in sheets:
            continue
        notes.setdefault(where[0], {}).setdefault(where[1], []).append(f"[{f.code}] {f.message(lang)}")
        if RANK[f.severity] >= RANK[worst.get(where, "info")]:
            worst[where] = f.severity
    for k, (sheet, cells) in enumerate(notes.items(), start=1):
        part = sheets[sheet]
        xml = pkg.text(part)
        for ref in cells:
            severity = worst[(sheet, ref)]
            xml = _mark_cell(xml, ref, lambda base, sev=severity: styles.style(base, sev))  # type: ignore[misc]
        xml = _comments(pkg, part, xml, cells, k)
        pkg.put(part, xml)
    name = SHEET_NAME
    while name in sheets:
        name += "_"
    _add_first_sheet(pkg, name, _temuan_sheet(report, lang, strings, sheets, styles.wrapped()))
    _repeat_header_row(pkg, name)
    styles.save()
    strings.save()
    write_atomic(out, pkg.write, inputs=(src,), force=force)


__all__ = ["annotate_copy"]
