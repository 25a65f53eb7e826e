"""What the evaluation forms (E.81, E.80) share: a sasaran's heading row and its analysis text
of one Sasaran column, as formulas. Their signatures are `styling.evaluation_signatures`.
"""

from __future__ import annotations

from typing import Any

from lkjip_xl.measure.context import Ctx
from lkjip_xl.schema.sheets import SASARAN


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


def sasaran_heading(ctx: Ctx, kode: str | None) -> tuple[str, str] | None:
    """(formula, cached value) of a sasaran's heading row in the evaluation forms: its code and
    name and the RPJMD / RKPD sasaran it serves; None for programmes serving no sasaran of the
    document (the forms print PENDUKUNG there)."""
    index = None if kode is None else ctx.sasaran_index(kode)
    if index is None:
        return None
    uraian = ctx.address(SASARAN.key, "uraian", index)
    acuan = ctx.address(SASARAN.key, "acuan_rpjmd", index)
    v_uraian = ctx.value(SASARAN.key, "uraian", index)
    v_acuan = ctx.value(SASARAN.key, "acuan_rpjmd", index)
    formula = (f'"Sasaran "&{ctx.address(SASARAN.key, "kode", index)}&": "&{uraian}'
               f'&IF({acuan}="","","  (acuan RPJMD/RKPD: "&{acuan}&")")')
    value = f"Sasaran {kode}: {v_uraian}" + (f"  (acuan RPJMD/RKPD: {v_acuan})"
                                             if v_acuan != "" else "")
    return formula, value


def cached(value: Any) -> Any:
    """A cached value as a formula cell holds it: None is the empty string."""
    return "" if value is None else value


__all__ = ["analysis", "cached", "sasaran_heading"]
