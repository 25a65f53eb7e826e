"""Hand-made and hostile .xlsx files, generated into a temporary directory at test time.

Nothing made here is committed: the zip bombs in particular exist only inside pytest's tmp_path
and stay small on disk (a few tens of kB). `build_xlsx` writes a minimal but complete package
from raw XML, so each test controls exactly the bytes a reader sees; the `HOSTILE` table maps a
name to a maker `fn(tmp_dir) -> Path`.

Run as a script to write every file into a folder for manual trials:
    python -m tests.hostile /tmp/hostile
"""

from __future__ import annotations

import struct
import sys
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml"

STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="{MAIN}">
<numFmts count="3"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165"
 formatCode="0.0&quot;%&quot;"/><numFmt numFmtId="166" formatCode="@"/></numFmts>
<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="1"><fill><patternFill patternType="none"/></fill></fills>
<borders count="1"><border/></borders>
<cellStyleXfs count="1"><xf numFmtId="10"/></cellStyleXfs>
<cellXfs count="7"><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="10"/><xf numFmtId="164"/>
<xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="49"/></cellXfs>
</styleSheet>"""


def sheet_xml(sheet_data: str, before: str = "", after: str = "", prefix: str = "") -> str:
    """A worksheet part around `sheet_data` (the <row> elements)."""
    p = f"{prefix}:" if prefix else ""
    ns = f'xmlns:{prefix}="{MAIN}"' if prefix else f'xmlns="{MAIN}"'
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<{p}worksheet {ns} xmlns:r="{REL}">{before}<{p}sheetData>{sheet_data}'
            f"</{p}sheetData>{after}</{p}worksheet>")


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def build_xlsx(path: Path, sheets: dict[str, str], *, shared_strings: Iterable[str] | None = None,
               shared_strings_xml: str | None = None, styles: str | None = STYLES,
               workbook_inner: str = "", sheet_attrs: dict[str, str] | None = None,
               extra_parts: dict[str, str | bytes] | None = None,
               extra_rels: Iterable[tuple[str, str]] = (), extra_types: str = "",
               omit: Iterable[str] = (), compression: int = zipfile.ZIP_DEFLATED) -> Path:
    """Write a minimal .xlsx whose parts are exactly these (sheet name -> worksheet XML)."""
    sheet_attrs = sheet_attrs or {}
    parts: dict[str, str | bytes] = {}
    rels = []
    entries = []
    overrides = [f'<Override PartName="/xl/workbook.xml" ContentType="{CT_MAIN}.sheet.main+xml"/>']
    for i, (name, xml) in enumerate(sheets.items(), start=1):
        part = f"xl/worksheets/sheet{i}.xml"
        parts[part] = xml
        rels.append((f"rId{i}", "worksheet", f"worksheets/sheet{i}.xml"))
        entries.append(f'<sheet name="{_esc(name)}" sheetId="{i}" r:id="rId{i}" '
                       f'{sheet_attrs.get(name, "")}/>')
        overrides.append(f'<Override PartName="/{part}" ContentType="{CT_MAIN}.worksheet+xml"/>')
    n = len(rels)
    if shared_strings is not None or shared_strings_xml is not None:
        if shared_strings_xml is None:
            items = "".join(f'<si><t xml:space="preserve">{_esc(s)}</t></si>'
                            for s in shared_strings or ())
            shared_strings_xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                                  f'<sst xmlns="{MAIN}">{items}</sst>')
        parts["xl/sharedStrings.xml"] = shared_strings_xml
        n += 1
        rels.append((f"rId{n}", "sharedStrings", "sharedStrings.xml"))
    if styles is not None:
        parts["xl/styles.xml"] = styles
        n += 1
        rels.append((f"rId{n}", "styles", "styles.xml"))
    for rel_type, target in extra_rels:
        n += 1
        rels.append((f"rId{n}", rel_type, target))
    parts["xl/workbook.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>{"".join(entries)}</sheets>'
        f"{workbook_inner}</workbook>")
    parts["xl/_rels/workbook.xml.rels"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PKG_REL}">'
        + "".join(f'<Relationship Id="{rid}" Type="{REL}/{t}" Target="{target}"/>'
                  for rid, t, target in rels)
        + "</Relationships>")
    parts["_rels/.rels"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PKG_REL}">'
        f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>")
    parts["[Content_Types].xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        + "".join(overrides) + extra_types + "</Types>")
    parts.update(extra_parts or {})
    for name in omit:
        parts.pop(name, None)
    with zipfile.ZipFile(path, "w", compression) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


def cell(ref: str, value: object, t: str | None = None, s: int | None = None,
         f: str | None = None, f_attrs: str = "") -> str:
    attrs = f' r="{ref}"' + (f' t="{t}"' if t else "") + (f' s="{s}"' if s is not None else "")
    inner = ""
    if f is not None:
        inner += f"<f{(' ' + f_attrs) if f_attrs else ''}>{_esc(f)}</f>" if f else \
            f"<f {f_attrs}/>"
    if value is not None:
        inner += f"<v>{_esc(str(value))}</v>"
    return f"<c{attrs}>{inner}</c>"


def simple_sheet(rows: dict[int, str]) -> str:
    return sheet_xml("".join(f'<row r="{r}">{cells}</row>' for r, cells in sorted(rows.items())))


def good(tmp: Path, name: str = "good.xlsx") -> Path:
    """A small ordinary workbook written by xlsxwriter."""
    import xlsxwriter

    path = tmp / name
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("Data")
    ws.write_row(0, 0, ["Indikator", "Target", "Realisasi", "Capaian"])
    for r in range(1, 6):
        ws.write_string(r, 0, f"Indikator {r}")
        ws.write_number(r, 1, 100 + r)
        ws.write_number(r, 2, 90 + r)
        ws.write_formula(r, 3, f"=C{r + 1}/B{r + 1}*100", None, (90 + r) / (100 + r) * 100)
    wb.close()
    return path


# ---------------------------------------------------------------------------------------------
# Not an .xlsx at all.


def truncated(tmp: Path) -> Path:
    src = good(tmp, "_full.xlsx").read_bytes()
    path = tmp / "truncated.xlsx"
    path.write_bytes(src[: len(src) // 2])
    return path


def html_renamed(tmp: Path) -> Path:
    path = tmp / "laporan.xlsx"
    path.write_text("<!DOCTYPE html>\n<html><head><meta charset='utf-8'></head><body><table>"
                    "<tr><td>Indikator</td><td>100</td></tr></table></body></html>",
                    encoding="utf-8")
    return path


def csv_renamed(tmp: Path) -> Path:
    path = tmp / "data.xlsx"
    path.write_text("indikator;target;realisasi\nIndikator 1;100;90\nIndikator 2;50;55\n",
                    encoding="utf-8")
    return path


def empty(tmp: Path) -> Path:
    path = tmp / "kosong.xlsx"
    path.write_bytes(b"")
    return path


def _ole2(entries: list[tuple[str, int]]) -> bytes:
    """A compound-file header plus one directory sector holding `entries` (name, type).

    Enough for the guard's heuristic (docs/security.md): the 512-byte header with the magic, then
    128-byte directory entries at aligned offsets with name, name length and object type.
    """
    header = bytearray(512)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<I", header, 48, 0)  # first directory sector
    directory = bytearray(512)
    for i, (name, kind) in enumerate(entries[:4]):
        raw = name.encode("utf-16le") + b"\x00\x00"
        off = i * 128
        directory[off:off + len(raw)] = raw
        struct.pack_into("<HB", directory, off + 64, len(raw), kind)
    return bytes(header + directory + bytes(3072))


def encrypted_ole2(tmp: Path) -> Path:
    path = tmp / "rahasia.xlsx"
    path.write_bytes(_ole2([("Root Entry", 5), ("EncryptionInfo", 2), ("EncryptedPackage", 2),
                            ("\x06DataSpaces", 1)]))
    return path


def legacy_xls(tmp: Path) -> Path:
    path = tmp / "lama.xlsx"
    path.write_bytes(_ole2([("Root Entry", 5), ("Workbook", 2), ("\x05SummaryInformation", 2)]))
    return path


def ods(tmp: Path) -> Path:
    path = tmp / "calc.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                    compress_type=zipfile.ZIP_STORED)
        zf.writestr("content.xml", "<office:document-content/>")
        zf.writestr("META-INF/manifest.xml", "<manifest:manifest/>")
    return path


def xlsb(tmp: Path) -> Path:
    path = tmp / "biner.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.bin", b"\x83\x01\x00")
        zf.writestr("xl/worksheets/sheet1.bin", b"\x81\x01\x00")
    return path


# ---------------------------------------------------------------------------------------------
# Zip bombs: refused from the zip directory alone, before anything is inflated.


def zip_bomb_ratio(tmp: Path, mib: int = 24) -> Path:
    """A sheet that really inflates to `mib` MiB at ~1000:1 (a few tens of kB on disk)."""
    path = build_xlsx(tmp / "bom_rasio.xlsx", {"Data": simple_sheet({1: cell("A1", 1)})})
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as zf, \
            zf.open("xl/worksheets/padding.xml", "w") as fh:
        block = b" " * (1 << 20)
        for _ in range(mib):
            fh.write(block)
    return path


def _patch_declared_size(path: Path, member: str, size: int) -> None:
    data = bytearray(path.read_bytes())
    name = member.encode()
    i = data.find(b"PK\x01\x02")
    while i != -1:
        (n_len,) = struct.unpack_from("<H", data, i + 28)
        if bytes(data[i + 46:i + 46 + n_len]) == name:
            struct.pack_into("<I", data, i + 24, size)
        i = data.find(b"PK\x01\x02", i + 4)
    path.write_bytes(bytes(data))


def zip_bomb_declared(tmp: Path) -> Path:
    """A tiny file whose zip directory declares a 4 GiB sheet."""
    path = build_xlsx(tmp / "bom_ukuran.xlsx", {"Data": simple_sheet({1: cell("A1", 1)})})
    _patch_declared_size(path, "xl/worksheets/sheet1.xml", 0xFFFFFFF0)
    return path


def unsafe_member_name(tmp: Path) -> Path:
    return build_xlsx(tmp / "jalur.xlsx", {"Data": simple_sheet({1: cell("A1", 1)})},
                      extra_parts={"../../evil.txt": "x"})


def duplicate_member(tmp: Path) -> Path:
    path = build_xlsx(tmp / "ganda.xlsx", {"Data": simple_sheet({1: cell("A1", 1)})})
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with zipfile.ZipFile(path, "a") as zf:
            zf.writestr("xl/worksheets/sheet1.xml", sheet_xml(""))
    return path


# ---------------------------------------------------------------------------------------------
# Readable packages with hostile content.


def huge_shared_string(tmp: Path, chars: int = 300_000) -> Path:
    return build_xlsx(tmp / "teks_besar.xlsx",
                      {"Data": simple_sheet({1: cell("A1", 0, t="s") + cell("B1", 1, t="s")})},
                      shared_strings=["pendek", "A" * chars])


def far_cell(tmp: Path) -> Path:
    """One cell at the very last cell of the grid, XFD1048576, and one at A1."""
    return build_xlsx(tmp / "sel_jauh.xlsx", {"Data": simple_sheet({
        1: cell("A1", 1), 1048576: cell("XFD1048576", 2)})})


def beyond_grid(tmp: Path) -> Path:
    """Cells at XFE1 and A1048577: outside Excel's grid."""
    return build_xlsx(tmp / "luar_kisi.xlsx", {"Data": simple_sheet({
        1: cell("A1", 1) + cell("XFE1", 2), 1048577: cell("A1048577", 3)})})


def forged_dimension(tmp: Path) -> Path:
    return build_xlsx(tmp / "dimensi.xlsx", {"Data": sheet_xml(
        '<row r="1">' + cell("A1", 1) + "</row>",
        before='<dimension ref="A1:XFD1048576"/>')})


def missing_sheet_part(tmp: Path) -> Path:
    return build_xlsx(tmp / "lembar_hilang.xlsx",
                      {"Data": simple_sheet({1: cell("A1", 1)}),
                       "Hilang": simple_sheet({1: cell("A1", 2)})},
                      omit=["xl/worksheets/sheet2.xml"])


_EXT_LINK = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<externalLink '
             f'xmlns="{MAIN}" xmlns:r="{REL}"><externalBook r:id="rId1"><sheetNames>'
             '<sheetName val="Sheet1"/></sheetNames></externalBook></externalLink>')
_EXT_LINK_RELS = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships '
                  f'xmlns="{PKG_REL}"><Relationship Id="rId1" Type="{REL}/externalLinkPath" '
                  'Target="file:///C:/rahasia/anggaran.xlsx" TargetMode="External"/>'
                  "</Relationships>")
_DDE_LINK = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<externalLink '
             f'xmlns="{MAIN}"><ddeLink ddeService="cmd" ddeTopic="/c calc.exe"><ddeItems>'
             '<ddeItem name="A0" advise="1"/></ddeItems></ddeLink></externalLink>')


def external_links(tmp: Path) -> Path:
    """A link to another workbook, and a DDE link part without its relationships part."""
    return build_xlsx(
        tmp / "tautan.xlsx",
        {"Data": simple_sheet({1: cell("A1", 5, f="[1]Sheet1!A1") + cell("B1", 0, f="[2]!A0")})},
        extra_parts={"xl/externalLinks/externalLink1.xml": _EXT_LINK,
                     "xl/externalLinks/_rels/externalLink1.xml.rels": _EXT_LINK_RELS,
                     "xl/externalLinks/externalLink2.xml": _DDE_LINK},
        extra_rels=[("externalLink", "externalLinks/externalLink1.xml"),
                    ("externalLink", "externalLinks/externalLink2.xml")])


def dde_and_webservice_formulas(tmp: Path) -> Path:
    return build_xlsx(tmp / "rumus_luar.xlsx", {"Data": simple_sheet({1: (
        cell("A1", 0, f="cmd|' /c calc'!A0")
        + cell("B1", "", t="str", f='_xlfn.WEBSERVICE("http://example.org/x")')
        + cell("C1", "", t="str", f='"WEBSERVICE(" & "x|y"')
        + cell("D1", 1, f="SUM(A1:B1)"))})},
        workbook_inner='<definedNames><definedName name="Ambil">'
                       'FILTERXML(WEBSERVICE("http://x"),"//a")</definedName></definedNames>')


_LAUGHS = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
           + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
                     for i in range(1, 10))
           + f']>\n<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr">'
           "<is><t>&lol9;</t></is></c></row></sheetData></worksheet>")


def billion_laughs(tmp: Path) -> Path:
    return build_xlsx(tmp / "tawa.xlsx", {"Data": _LAUGHS})


def external_entity(tmp: Path) -> Path:
    xml = ('<?xml version="1.0"?>\n<!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
           f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&x;'
           "</t></is></c></row></sheetData></worksheet>")
    return build_xlsx(tmp / "entitas_luar.xlsx", {"Data": xml})


def deep_nesting(tmp: Path, levels: int = 200_000) -> Path:
    """Elements nested 200,000 deep (expat keeps a record per open element)."""
    import random

    rnd = random.Random(7)
    names = [rnd.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(levels)]
    xml = sheet_xml("", after="".join(f"<{n}>" for n in names) + "".join(
        f"</{n}>" for n in reversed(names)))
    return build_xlsx(tmp / "sarang.xlsx", {"Data": xml})


def name_flood(tmp: Path, count: int = 60_000) -> Path:
    """60,000 distinct element names (expat keeps a record per distinct name)."""
    xml = sheet_xml("", after="".join(f"<n{i:x}/>" for i in range(count)))
    return build_xlsx(tmp / "banjir_nama.xlsx", {"Data": xml})


def huge_token(tmp: Path, mib: int = 9) -> Path:
    """One attribute value of `mib` MiB (expat buffers a token whole), random so it stays
    under the compression-ratio limit."""
    import base64
    import os

    value = base64.b64encode(os.urandom(mib * 3 * 1024 * 1024 // 4)).decode()
    xml = sheet_xml(f'<row r="1"><c r="A1" t="{value}"/></row>')
    return build_xlsx(tmp / "token_besar.xlsx", {"Data": xml})


def macro_workbook(tmp: Path) -> Path:
    return build_xlsx(
        tmp / "makro.xlsm", {"Data": simple_sheet({1: cell("A1", 1)})},
        extra_parts={"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0 not really vba"},
        extra_types='<Default Extension="bin" ContentType="application/vnd.ms-office.'
                    'vbaProject"/>')


def connections(tmp: Path) -> Path:
    return build_xlsx(tmp / "koneksi.xlsx", {"Data": simple_sheet({1: cell("A1", 1)})},
                      extra_parts={"xl/connections.xml": f'<connections xmlns="{MAIN}">'
                                   '<connection id="1" name="q"/></connections>'},
                      extra_rels=[("connections", "connections.xml")])


def many_cells(tmp: Path, rows: int, cols: int = 10, name: str = "banyak.xlsx") -> Path:
    """rows x cols numeric cells, written as raw XML (fast to make)."""
    from openpyxl.utils import get_column_letter

    letters = [get_column_letter(c) for c in range(1, cols + 1)]
    data = "".join(f'<row r="{r}">' + "".join(f'<c r="{x}{r}"><v>{r}</v></c>' for x in letters)
                   + "</row>" for r in range(1, rows + 1))
    return build_xlsx(tmp / name, {"Data": sheet_xml(data)})


HOSTILE: dict[str, Callable[[Path], Path]] = {
    "truncated": truncated,
    "html": html_renamed,
    "csv": csv_renamed,
    "empty": empty,
    "encrypted": encrypted_ole2,
    "xls": legacy_xls,
    "ods": ods,
    "xlsb": xlsb,
    "bomb-ratio": zip_bomb_ratio,
    "bomb-declared": zip_bomb_declared,
    "unsafe-name": unsafe_member_name,
    "duplicate-member": duplicate_member,
    "huge-shared-string": huge_shared_string,
    "far-cell": far_cell,
    "beyond-grid": beyond_grid,
    "forged-dimension": forged_dimension,
    "missing-sheet-part": missing_sheet_part,
    "external-links": external_links,
    "dde-webservice": dde_and_webservice_formulas,
    "billion-laughs": billion_laughs,
    "external-entity": external_entity,
    "deep-nesting": deep_nesting,
    "name-flood": name_flood,
    "huge-token": huge_token,
    "macro": macro_workbook,
    "connections": connections,
}



# ---------------------------------------------------------------------------------------------
# The same hostile content inside a real lkjip-xl workbook (`src`, e.g. written by
# `lkjip_xl.workbook.write.write_workbook`): what `measure`, `export` and `new --from` meet when an agency's
# otherwise valid workbook carries it. The first sheet of a generated workbook is the free-text
# "Petunjuk" sheet, so cells added there do not disturb the tables.


def _rewrite(src: Path, dst: Path, edit: Callable[[dict[str, bytes]], None]) -> Path:
    with zipfile.ZipFile(src) as zf:
        parts = {i.filename: zf.read(i) for i in zf.infolist()}
    edit(parts)
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)
    return dst


def _first_sheet(parts: dict[str, bytes]) -> str:
    return "xl/worksheets/sheet1.xml"


def _append_rows(parts: dict[str, bytes], rows: str) -> None:
    name = _first_sheet(parts)
    parts[name] = parts[name].replace(b"</sheetData>", rows.encode() + b"</sheetData>", 1)


def _add_rel(parts: dict[str, bytes], rid: str, rel_type: str, target: str) -> None:
    rels = "xl/_rels/workbook.xml.rels"
    parts[rels] = parts[rels].replace(
        b"</Relationships>", f'<Relationship Id="{rid}" Type="{REL}/{rel_type}" '
        f'Target="{target}"/></Relationships>'.encode())


def _lk_macro(parts: dict[str, bytes]) -> None:
    parts["xl/vbaProject.bin"] = b"\xd0\xcf\x11\xe0 not really vba"
    ct = "[Content_Types].xml"
    parts[ct] = parts[ct].replace(
        b"</Types>", b'<Default Extension="bin" ContentType="application/vnd.ms-office.'
        b'vbaProject"/></Types>').replace(
        b"spreadsheetml.sheet.main+xml", b"ms-excel.sheet.macroEnabled.main+xml")
    _add_rel(parts, "rId900", "vbaProject", "vbaProject.bin")


def _lk_far_cell(parts: dict[str, bytes]) -> None:
    _append_rows(parts, '<row r="1048576"><c r="XFD1048576"><v>2</v></c></row>')


def _lk_far_cell_in_table(parts: dict[str, bytes]) -> None:
    """A value at row 1048576 under an input table (Realisasi Kinerja, the 9th sheet): found by
    the fuzzer to make every reader walk a million rows (40 s, 1.7 GB in measure)."""
    name = "xl/worksheets/sheet9.xml"
    parts[name] = parts[name].replace(
        b"</sheetData>", b'<row r="1048576"><c r="G1048576"><v>5</v></c></row></sheetData>', 1)


def _lk_beyond_grid(parts: dict[str, bytes]) -> None:
    name = _first_sheet(parts)
    parts[name] = parts[name].replace(b"</c></row>", b'</c><c r="XFE1"><v>2</v></c></row>', 1)
    _append_rows(parts, '<row r="1048577"><c r="A1048577"><v>3</v></c></row>')


def _lk_forged_dimension(parts: dict[str, bytes]) -> None:
    import re

    for name in [n for n in parts if n.startswith("xl/worksheets/sheet")]:
        parts[name] = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>',
                             parts[name], count=1)


def _lk_huge_shared_string(parts: dict[str, bytes]) -> None:
    sst = "xl/sharedStrings.xml"
    count = parts[sst].count(b"<si>")
    parts[sst] = parts[sst].replace(b"</sst>", b"<si><t>" + b"A" * 300_000 + b"</t></si></sst>")
    _append_rows(parts, f'<row r="2000"><c r="A2000" t="s"><v>{count}</v></c></row>')


def _lk_missing_sheet_part(parts: dict[str, bytes]) -> None:
    del parts["xl/worksheets/sheet2.xml"]


def _lk_bomb(parts: dict[str, bytes]) -> None:
    parts["xl/worksheets/padding.xml"] = b" " * (24 << 20)


def _lk_external_links(parts: dict[str, bytes]) -> None:
    parts["xl/externalLinks/externalLink1.xml"] = _EXT_LINK.encode()
    parts["xl/externalLinks/_rels/externalLink1.xml.rels"] = _EXT_LINK_RELS.encode()
    parts["xl/externalLinks/externalLink2.xml"] = _DDE_LINK.encode()  # no rels part
    _add_rel(parts, "rId901", "externalLink", "externalLinks/externalLink1.xml")
    _add_rel(parts, "rId902", "externalLink", "externalLinks/externalLink2.xml")
    _append_rows(parts, '<row r="2001"><c r="A2001"><f>[1]Sheet1!A1</f><v>5</v></c>'
                        '<c r="B2001"><f>cmd|\' /c calc\'!A0</f><v>0</v></c></row>')


def _lk_dde_webservice(parts: dict[str, bytes]) -> None:
    wb = "xl/workbook.xml"
    parts[wb] = parts[wb].replace(
        b"<definedNames>", b'<definedNames><definedName name="Ambil">FILTERXML(WEBSERVICE('
        b'&quot;http://x&quot;),&quot;//a&quot;)</definedName>', 1)


def _lk_entities(parts: dict[str, bytes]) -> None:
    name = _first_sheet(parts)
    parts[name] = _LAUGHS.encode()


LKJIP_VARIANTS: dict[str, Callable[[dict[str, bytes]], None]] = {
    "macro": _lk_macro,
    "far-cell": _lk_far_cell,
    "far-cell-in-table": _lk_far_cell_in_table,
    "beyond-grid": _lk_beyond_grid,
    "forged-dimension": _lk_forged_dimension,
    "huge-shared-string": _lk_huge_shared_string,
    "missing-sheet-part": _lk_missing_sheet_part,
    "bomb-ratio": _lk_bomb,
    "external-links": _lk_external_links,
    "dde-webservice": _lk_dde_webservice,
    "billion-laughs": _lk_entities,
}


def lkjip_variant(src: Path, tmp: Path, kind: str) -> Path:
    """A copy of the lkjip-xl workbook `src` carrying the hostile content `kind`."""
    suffix = ".xlsm" if kind == "macro" else ".xlsx"
    return _rewrite(src, tmp / f"lkjip_{kind}{suffix}", LKJIP_VARIANTS[kind])



# ---------------------------------------------------------------------------------------------
# Large inputs (up to ~20 MB on disk) for benchmarks/hostile.py: each stresses one cap.


def hidden_rows(tmp: Path, rows: int = 700_000) -> Path:
    data = "".join(f'<row r="{r}" hidden="1"/>' for r in range(1, rows + 1))
    return build_xlsx(tmp / "baris_tersembunyi.xlsx", {"Data": sheet_xml(data)})


def many_shared_strings(tmp: Path, count: int = 600_000) -> Path:
    return build_xlsx(tmp / "teks_bersama_banyak.xlsx",
                      {"Data": simple_sheet({1: cell("A1", 0, t="s")})},
                      shared_strings=(f"teks {i}" for i in range(count)))


def random_shared_strings(tmp: Path, count: int = 230_000, chars: int = 100) -> Path:
    """Random 100-character shared strings and a cell for each (about 19.6 MB on disk)."""
    import random
    import string

    rnd = random.Random(3)
    alphabet = string.ascii_letters + string.digits
    texts = ["".join(rnd.choices(alphabet, k=chars)) for _ in range(count)]
    data = "".join(f'<row r="{i + 1}"><c r="A{i + 1}" t="s"><v>{i}</v></c></row>'
                   for i in range(count))
    return build_xlsx(tmp / "teks_acak.xlsx", {"Data": sheet_xml(data)}, shared_strings=texts)


def junk_elements(tmp: Path, mib: int = 48) -> Path:
    """`mib` MiB of varied elements after <sheetData> (under the compression-ratio cap)."""
    import random

    rnd = random.Random(5)
    chunk = "".join(f'<x{rnd.randrange(500)} a="{rnd.random()}"/>' for _ in range(40_000))
    body = chunk * max(1, (mib << 20) // len(chunk))
    return build_xlsx(tmp / "sampah.xlsx", {"Data": sheet_xml("", after=body)})


def huge_random_shared_string(tmp: Path, mib: int = 14) -> Path:
    """One shared string of `mib` MiB of random text (incompressible: ~`mib` MB on disk)."""
    import base64
    import os

    text = base64.b64encode(os.urandom(mib * 3 * 1024 * 1024 // 4)).decode()
    return build_xlsx(tmp / "teks_raksasa.xlsx",
                      {"Data": simple_sheet({1: cell("A1", 0, t="s")})}, shared_strings=[text])


LARGE: dict[str, Callable[[Path], Path]] = {
    "cells-1.2M": lambda tmp: many_cells(tmp, 120_000, 10, "sel_1_2jt.xlsx"),
    "hidden-rows-700k": hidden_rows,
    "shared-strings-600k": many_shared_strings,
    "random-strings-230k": random_shared_strings,
    "junk-48MiB": junk_elements,
    "huge-shared-string-14MiB": huge_random_shared_string,
    "bomb-ratio-1GiB": lambda tmp: zip_bomb_ratio(tmp, 1024),
    "deep-nesting-3M": lambda tmp: deep_nesting(tmp, 3_000_000),
    "name-flood-2M": lambda tmp: name_flood(tmp, 2_000_000),
    "huge-token-20MiB": lambda tmp: huge_token(tmp, 20),
}


if __name__ == "__main__":  # pragma: no cover - manual trials
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-files")
    out.mkdir(parents=True, exist_ok=True)
    for key, make in HOSTILE.items():
        print(key, make(out))
