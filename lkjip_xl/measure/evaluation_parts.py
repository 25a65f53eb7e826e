"""What the evaluation forms' footers share (E.81, E.80): the sasaran's analysis text of one
Sasaran column as a formula. Their signatures are `styling.evaluation_signatures`.
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


def cached(value: Any) -> Any:
    """A cached value as a formula cell holds it: None is the empty string."""
    return "" if value is None else value


__all__ = ["analysis", "cached"]
