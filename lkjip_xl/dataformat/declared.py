"""The layout's declarations (`schema/sheets.py`) of the model fields the format holds: which
column or form field binds each field (its choices, kind and English header), the record class a
table's rows are, and the references between records. Read by the JSON Schema's generator and
by validation's reference check.

A table's rows are found as the record class holding every field the table binds (the layout does
not name it yet); a form field by its path from the document.
"""

from __future__ import annotations

import re
from functools import cache

from lkjip_xl.core.model import Dokumen
from lkjip_xl.dataformat.shape import keys, records
from lkjip_xl.schema.sheets import SHEETS, TABLES
from lkjip_xl.schema.types import Column, FormField

_FIRST_STEP = re.compile(r"[a-z_0-9]+")
Declaration = Column | FormField


@cache
def def_names() -> dict[type, str]:
    """Each record class's name in `$defs`: the key that holds it (Dokumen is the root)."""
    out: dict[type, str] = {Dokumen: "dokumen"}
    for cls in records():
        for k in keys(cls):
            inner = k.record or k.records
            if inner is not None and inner not in out:
                out[inner] = k.name
    return out


@cache
def declarations() -> dict[tuple[type, str], Declaration]:
    """The layout's declaration of each model field it binds: form fields by their path from
    the document, a table's columns on the record class that holds every field the table binds."""
    out: dict[tuple[type, str], Declaration] = {}
    for s in SHEETS:
        for fld in s.fields:
            if fld.bind:
                owner, name = _walk(fld.bind)
                out.setdefault((owner, name), fld)
        for table in ((s.table,) if s.table else ()) + s.extra_tables:
            bound = [(c, m.group()) for c in table.columns if c.bind
                     for m in [_FIRST_STEP.match(c.bind)] if m]
            if not bound:
                continue
            for cls in table_records()[table.key]:
                for c, name in bound:
                    out.setdefault((cls, name), c)
    return out


def _walk(path: str) -> tuple[type, str]:
    cls: type = Dokumen
    *parents, last = path.split(".")
    for step in parents:
        k = next(k for k in keys(cls) if k.name == step)
        cls = k.record or k.records  # type: ignore[assignment]
    return cls, last


@cache
def table_records() -> dict[str, list[type]]:
    """The record classes each input table's rows are (Realisasi Anggaran: kegiatan and
    sub-kegiatan)."""
    out: dict[str, list[type]] = {}
    for key, table in TABLES.items():
        names = {m.group() for c in table.columns if c.bind
                 for m in [_FIRST_STEP.match(c.bind)] if m}
        if names:
            out[key] = [cls for cls in records() if names <= {k.name for k in keys(cls)}]
    return out


@cache
def references() -> dict[tuple[type, str], type]:
    """(record class, field) -> the record class whose kode the field must name, from the
    layout's `ref` columns that bind a field (a program's sasaran)."""
    out: dict[tuple[type, str], type] = {}
    for key, table in TABLES.items():
        for c in table.columns:
            if c.ref is None or c.bind is None or c.ref.table not in table_records():
                continue
            (target,) = table_records()[c.ref.table]
            for cls in table_records().get(key, []):
                out[(cls, c.bind)] = target
    return out
