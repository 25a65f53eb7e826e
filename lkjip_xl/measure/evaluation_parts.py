"""What the evaluation forms' footers share (the E.80 sheet uses them; the E.81's may too):
the sasaran's analysis text of one Sasaran column as a formula, and the head of Bappeda's
signature block from Profil (the dotted line to sign by hand while Profil names nobody).
"""

from __future__ import annotations

from typing import Any

from xlsxwriter.worksheet import Worksheet

from lkjip_xl.measure.context import Ctx, Formats
from lkjip_xl.measure.styling import place_of
from lkjip_xl.schema.sheets import SASARAN

BAPPEDA_JABATAN = "Kepala Badan Perencanaan Pembangunan Daerah"  # Profil's jabatan left empty
DOTTED_NAME = "(.....................................)"
DOTTED_NIP = "NIP. ....................."


def analysis(ctx: Ctx, key: str, label: str) -> tuple[str, str]:
    """(formula, cached value): every sasaran's analysis text of `key` ("S1: ...; "), or a
    placeholder naming what to fill when none is written."""
    parts, values = [], []
    for n, s in enumerate(ctx.rows.sasaran):
        a = ctx.address(SASARAN.key, key, n)
        k = ctx.address(SASARAN.key, "kode", n)
        parts.append(f'IF({a}="","",{k}&": "&{a}&"; ")')
        v = ctx.value(SASARAN.key, key, n)
        if v != "":
            values.append(f"{s.kode}: {v}; ")
    placeholder = f"[Isi: {label[:1].lower()}{label[1:]}]"  # "Renja PD" stays as written
    if not parts:
        return f'"{placeholder}"', placeholder
    joined = "&".join(parts)
    return f'IF(({joined})="","{placeholder}",{joined})', "".join(values) or placeholder


def bappeda_lines(ctx: Ctx) -> list[tuple[str, str, bool]]:
    """The head of Bappeda's block, line by line: (formula or "" for a plain line, value,
    whether it is the name line). Live: a name typed into Profil later shows on recalculation."""
    kb = ctx.dok.instansi.kepala_bappeda
    nama, nip = ctx.field_ref("bappeda_nama"), ctx.field_ref("bappeda_nip")
    jabatan, pangkat = ctx.field_ref("bappeda_jabatan"), ctx.field_ref("bappeda_pangkat")
    place = place_of(ctx.dok.instansi.pemda)
    return [
        ("", "Mengetahui,", False),
        (f'IF({jabatan}="","{BAPPEDA_JABATAN}",{jabatan}&"")', kb.jabatan or BAPPEDA_JABATAN,
         False),
        ("", place, False),
        ("", "", False), ("", "", False), ("", "", False),
        (f'IF({nama}="","{DOTTED_NAME}",{nama}&"")', kb.nama or DOTTED_NAME, True),
        (f'{pangkat}&""', kb.pangkat or "", False),
        (f'IF({nip}="","{DOTTED_NIP}","NIP. "&{nip})',
         f"NIP. {kb.nip}" if kb.nip else DOTTED_NIP, False),
    ]


def bappeda_signature(ws: Worksheet, row: int, first: int, last: int, ctx: Ctx,
                      fm: Formats) -> int:
    """The head of Bappeda's block over columns `first`..`last` from `row + 1`; the row after."""
    lines = bappeda_lines(ctx)
    for i, (formula, value, is_name) in enumerate(lines):
        r = row + 1 + i
        fmt = fm.sign_name if is_name else fm.sign
        if not formula and not value:
            continue
        if last > first:
            ws.merge_range(r, first, r, last, "", fmt)
        if formula:
            ws.write_formula(r, first, "=" + formula, fmt, value)
        else:
            ws.write_string(r, first, value, fmt)
    return row + 1 + len(lines)


def cached(value: Any) -> Any:
    """A cached value as a formula cell holds it: None is the empty string."""
    return "" if value is None else value


__all__ = ["BAPPEDA_JABATAN", "analysis", "bappeda_lines", "bappeda_signature", "cached"]
