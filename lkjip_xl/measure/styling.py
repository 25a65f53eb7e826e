"""Print-ready touches: the agency header, the signature block, page setup, predicate colours.

Predicate colours are conditional formats whose rules read the workbook's own predicate table
(Pengaturan), so a band edited there recolours every capaian cell without running measure again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from lkjip_xl.measure.context import Ctx, Formats, escape_header
from lkjip_xl.measure.draf import header_title, write_mark
from lkjip_xl.schema import printing
from lkjip_xl.schema.sheets import PREDIKAT
from lkjip_xl.schema.types import quote_sheet
from lkjip_xl.xlsx.rule_ranges import rule_ranges

# the report columns that show a capaian (percent of target): coloured by predicate
CAPAIAN_SOURCES = frozenset({"PKK.capaian", "PKK.capaian_dipakai", "AE.capaian"})

SIGN_WIDTH = 44  # characters: the signature block's width
AGENCY_HEADER_PT = 5 * printing.ROW_PT + 5  # agency_header's rows, its first in a larger font
_GREEN, _YELLOW, _RED = (0x63, 0xBE, 0x7B), (0xFF, 0xEB, 0x84), (0xF8, 0x69, 0x6B)


def _hex(rgb: tuple[int, ...]) -> str:
    return "#" + "".join(f"{x:02X}" for x in rgb)


def band_colours(n: int) -> list[str]:
    """n colours from green (best band) through yellow to red (worst)."""
    if n <= 1:
        return [_hex(_GREEN)][:n]
    out = []
    for i in range(n):
        t = i / (n - 1)
        a, b, u = (_GREEN, _YELLOW, t * 2) if t <= 0.5 else (_YELLOW, _RED, t * 2 - 1)
        out.append(_hex(tuple(round(x + (y - x) * u) for x, y in zip(a, b))))
    return out


@dataclass
class Capaian:
    """Collects capaian ranges; `apply` gives each the predicate colour rules."""

    ranges: list[tuple[Worksheet, int, int, int]] = field(default_factory=list)  # 0-based

    def add(self, ws: Worksheet, first_row: int, col: int, last_row: int) -> None:
        self.ranges.append((ws, first_row, col, last_row))

    def apply(self, wb: Workbook, ctx: Ctx) -> int:
        """One set of band rules per column of a sheet, over all its capaian ranges at once: a
        rule per table would be thousands of rules in a big workbook. The ranges are listed top
        to bottom, so the rule's relative reference is anchored at the first range's top cell,
        which is also the top-left of them all (spreadsheets read the anchor either way)."""
        pr = PREDIKAT
        n = len(ctx.dok.pengaturan.predikat)
        formats = [wb.add_format({"bg_color": c}) for c in band_colours(n)]
        sheet = quote_sheet(pr.sheet)
        for rr in rule_ranges(self.ranges):
            x = rr.anchor  # relative: the rule moves with the cell
            for i, fmt in enumerate(formats):
                r = pr.first_row + i
                lo = f"{sheet}!${pr.letter('min')}${r}"
                label = f"{sheet}!${pr.letter('label')}${r}"
                rule = f"=AND(ISNUMBER({x}),{label}<>\"\",OR(NOT(ISNUMBER({lo})),{x}>={lo}))"
                rr.ws.conditional_format(rr.top, rr.col, rr.bottom, rr.col, {
                    "type": "formula", "criteria": rule, "format": fmt, "stop_if_true": True,
                    "multi_range": rr.sqref})
        return len(self.ranges)


def _merged_formula(ws: Worksheet, row: int, ncols: int, formula: str, value: Any,
                    fmt: Any) -> None:
    ws.merge_range(row, 0, row, ncols - 1, "", fmt)
    ws.write_formula(row, 0, "=" + formula, fmt, value)


def agency_header(ws: Worksheet, ctx: Ctx, fm: Formats, ncols: int, subtitle: str) -> int:
    """Report title with the year, agency and local government (live from Profil); next row."""
    dok = ctx.dok
    tahun = ctx.field_ref("tahun")
    _merged_formula(ws, 0, ncols, f'"LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP) TAHUN "&{tahun}',
                    f"LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP) TAHUN {dok.tahun}", fm.title)
    _merged_formula(ws, 1, ncols, f'UPPER({ctx.field_ref("nama")})&""',
                    dok.instansi.nama.upper(), fm.subtitle)
    _merged_formula(ws, 2, ncols, f'UPPER({ctx.field_ref("pemda")})&""',
                    (dok.instansi.pemda or "").upper(), fm.subtitle)
    ws.merge_range(3, 0, 3, ncols - 1, subtitle, fm.subtitle)
    write_mark(ws, ctx.draf, ncols, fm.draf)  # the blank row under the title
    return 5


def place_of(pemda: str | None) -> str:
    """Where the report is signed: the local government's name without its kind."""
    text = (pemda or "").strip()
    return re.sub(r"^(Pemerintah\s+)?(Kota|Kabupaten|Kab\.|Provinsi)\s+", "", text,
                  flags=re.IGNORECASE) or "........"


def position_lines(jabatan: str | None, nama: str | None, pemda: str | None) -> list[str]:
    """The lines above the signature naming who signs, as the seed does ("Kepala Dinas Koperasi
    UMKM" / "Kota Denpasar"): the position with the agency named once (a position "Kepala Dinas"
    and an agency "Dinas Perhubungan" give "Kepala Dinas Perhubungan", not both), then the local
    government unless the position already names it. A position and an agency that do not
    overlap stay two lines."""
    pos, agency, place = ((t or "").strip() for t in (jabatan, nama, pemda))
    lines: list[str]
    if not agency or agency.casefold() in pos.casefold():
        lines = [pos or "Kepala"]
    elif not pos:
        lines = [f"Kepala {agency}"]
    else:
        words, names = pos.split(), agency.split()
        overlap = next((n for n in range(min(len(words), len(names)), 0, -1)
                        if [w.casefold() for w in words[-n:]]
                        == [w.casefold() for w in names[:n]]), 0)
        lines = [" ".join(words + names[overlap:])] if overlap else [pos, agency]
    if place and place.casefold() not in " ".join(lines).casefold():
        lines.append(place)
    return lines


def signature(ws: Worksheet, row: int, widths: tuple[int, ...], ctx: Ctx, fm: Formats) -> int:
    """The signature block of the seed: place and date, position, agency, name, rank, NIP.

    It spans the rightmost columns, at least SIGN_WIDTH characters wide."""
    dok, kep = ctx.dok, ctx.dok.instansi.kepala
    ncols = len(widths)
    first = ncols - 1
    while first > 0 and sum(widths[first:]) < SIGN_WIDTH:
        first -= 1
    span = sum(widths[first:])
    place = place_of(dok.instansi.pemda).replace('"', '""')
    lines: list[tuple[str, Any, Any]] = [
        (f'"{place}, ........................ "&({ctx.field_ref("tahun")}+1)',
         f"{place_of(dok.instansi.pemda)}, ........................ {dok.tahun + 1}", fm.sign),
        (f'{ctx.field_ref("kepala_jabatan")}&""', kep.jabatan or "", fm.sign),
        (f'{ctx.field_ref("nama")}&""', dok.instansi.nama, fm.sign),
        ("", None, None), ("", None, None), ("", None, None),
        (f'{ctx.field_ref("kepala_nama")}&""', kep.nama or "", fm.sign_name),
        (f'{ctx.field_ref("kepala_pangkat")}&""', kep.pangkat or "", fm.sign),
        (f'"NIP. "&{ctx.field_ref("kepala_nip")}', f"NIP. {kep.nip or ''}", fm.sign),
    ]
    r = row + 1
    for formula, value, fmt in lines:
        if formula:
            if ncols - first > 1:
                ws.merge_range(r, first, r, ncols - 1, "", fmt)
            ws.write_formula(r, first, "=" + formula, fmt, value)
            if isinstance(value, str) and len(value) > span:
                ws.set_row(r, 15 * -(-len(value) // span))
        r += 1
    return r


# the head of Bappeda's block of the evaluation forms when Profil does not name them: the
# dotted lines signed by hand, never an invented name
BAPPEDA_JABATAN = "Kepala Bappeda"
DOTTED_NAME = "(.....................................)"
DOTTED_NIP = "NIP. ....................."
BAPPEDA_SPAN = 4  # columns: the block's width, after the form's columns 1-4


def _q(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def bappeda_signature(ws: Worksheet, row: int, widths: tuple[int, ...], first: int, ctx: Ctx,
                      fm: Formats) -> int:
    """The head of Bappeda's block over the BAPPEDA_SPAN columns from `first` (`widths`: the
    sheet's column widths, in characters), from row `row + 1`:
    "Mengetahui,", the position (Profil's *Jabatan kepala Bappeda*, else "Kepala Bappeda"),
    the place unless the position names it, three blank rows, the name, the rank and the NIP,
    each a formula on Profil's `bappeda_*` cells showing the dotted line to sign by hand while
    the cell is empty. Its rows align with `signature`'s. Returns the row after it."""
    kb = ctx.dok.instansi.kepala_bappeda
    place = place_of(ctx.dok.instansi.pemda)
    jab, nama = ctx.field_ref("bappeda_jabatan"), ctx.field_ref("bappeda_nama")
    pangkat, nip = ctx.field_ref("bappeda_pangkat"), ctx.field_ref("bappeda_nip")
    jabatan = kb.jabatan or BAPPEDA_JABATAN
    lines: list[tuple[str, str, Any]] = [
        ('"Mengetahui,"', "Mengetahui,", fm.sign),
        (f'IF({jab}="",{_q(BAPPEDA_JABATAN)},{jab}&"")', jabatan, fm.sign),
        (f'IF(ISNUMBER(SEARCH({_q(place)},{jab}&"")),"",{_q(place)})',
         "" if place.casefold() in (kb.jabatan or "").casefold() else place, fm.sign),
        ("", "", None), ("", "", None), ("", "", None),
        (f'IF({nama}="",{_q(DOTTED_NAME)},{nama}&"")', kb.nama or DOTTED_NAME, fm.sign_name),
        (f'{pangkat}&""', kb.pangkat or "", fm.sign),
        (f'IF({nip}="",{_q(DOTTED_NIP)},"NIP. "&{nip})',
         f"NIP. {kb.nip}" if kb.nip else DOTTED_NIP, fm.sign),
    ]
    last = first + BAPPEDA_SPAN - 1
    span = max(1, sum(widths[first:last + 1]))
    r = row + 1
    for formula, value, fmt in lines:
        if formula:
            if last > first:
                ws.merge_range(r, first, r, last, "", fmt)
            ws.write_formula(r, first, "=" + formula, fmt, value)
            if len(value) > span:  # a long position wraps: the row as tall as its lines
                ws.set_row(r, 15 * -(-len(value) // span))
        r += 1
    return r


def evaluation_signatures(ws: Worksheet, row: int, widths: tuple[int, ...], lead: int,
                          ctx: Ctx, fm: Formats) -> int:
    """The two signatures of the Renja / Renstra evaluation forms (E.81, E.80): the head of
    Bappeda on the left (the planning unit signs the evaluation it receives), over the
    BAPPEDA_SPAN columns after the form's `lead` columns 1-4, and the head of the agency on the
    right (`signature`, over the rightmost of `widths`, the first page's columns). Returns the
    row after the taller block."""
    left = bappeda_signature(ws, row, widths, lead, ctx, fm)
    return max(signature(ws, row, widths, ctx, fm), left)


def page_setup(ws: Worksheet, ctx: Ctx, title: str, portrait: bool = False,
               widths: list[float] | None = None) -> None:
    """The workbook's paper (A4 or F4), one page wide, the agency and year in the page header,
    page numbers below. The page breaks planned before tables and charts assume the scale that
    fitting `widths` gives on that paper."""
    ws.set_paper(printing.paper_code(ctx.dok.pengaturan.kertas))
    if portrait:
        ws.set_portrait()
    else:
        ws.set_landscape()
    ws.fit_to_pages(1, 0)
    left, right, top, bottom = printing.REPORT_MARGINS
    ws.set_margins(left=left, right=right, top=top, bottom=bottom)
    agency = escape_header(f"{ctx.dok.instansi.nama} - {ctx.dok.tahun}")
    title = header_title(ctx.draf, title)
    ws.set_header(f"&L&8{agency}&C&8{escape_header(title)}&R&8lkjip-xl")
    ws.set_footer("&C&8Halaman &P dari &N")
