"""The layout's declarations (`schema/sheets.py`) of the model fields the format holds: which
column or form field binds each field (its choices, kind and English header), the record class a
table's rows are, and the references between records. Read by the JSON Schema's generator and
by validation's reference check.

A table's rows are the record classes of its levels in the layout's entity tree (`Table.levels`
under `Table.parent`); a form field is found by its path from the document.
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
    """Each record class's name in `$defs`: the key of its first holder (`holders`); a
    different class whose first holder has the same key (a second `indikator` list of another
    class) is named after its holder's owner too (`program_indikator`), so no class takes
    another's entry. Dokumen is the root."""
    out: dict[type, str] = {Dokumen: "dokumen"}
    for cls, ((owner, name), *_more) in holders().items():
        out[cls] = f"{out[owner]}_{name}" if name in out.values() else name
    return out


@cache
def holders() -> dict[type, list[tuple[type, str]]]:
    """Each record class (but Dokumen) and the (class, key) pairs that hold it, first first as
    the format nests them (`IndikatorProgram`: `Program.indikator`, then kegiatan's and
    sub-kegiatan's)."""
    out: dict[type, list[tuple[type, str]]] = {}
    for cls in records():
        for k in keys(cls):
            inner = k.record or k.records
            if inner is not None and inner is not Dokumen:
                out.setdefault(inner, []).append((cls, k.name))
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
    sub-kegiatan), as the layout's entity tree declares them (`Table.levels` under
    `Table.parent`; a table joined by code has its code's table's rows); a table outside the
    tree (the predicate bands, SDM) the record class holding every field it binds. Guessing
    from the fields alone (as before the tree was declared) named two classes for Renstra &
    IKU once a programme's indicators had the same fields."""
    out: dict[str, list[type]] = {}
    for key, table in TABLES.items():
        names = {m.group() for c in table.columns if c.bind
                 for m in [_FIRST_STEP.match(c.bind)] if m}
        if not names:
            continue
        tree = _tree_records(key)
        out[key] = list(tree) if tree else [cls for cls in records()
                                            if names <= {k.name for k in keys(cls)}]
    return out


@cache
def _tree_records(key: str) -> tuple[type, ...]:
    """The record classes of a table's levels in the entity tree; () for a table outside it."""
    table = TABLES[key]
    if not table.levels:
        ref = next((c.ref for c in table.columns if c.key == table.row_key), None)
        return _tree_records(ref.table) if ref is not None else ()
    owner: type = _tree_records(table.parent.table)[-1] if table.parent else Dokumen
    out: list[type] = []
    for level in table.levels:
        for step in level.collection.split("."):  # a list in a part: pengaturan.predikat
            k = next(k for k in keys(owner) if k.name == step)
            owner = k.records or k.record  # type: ignore[assignment]
        out.append(owner)
    return tuple(out)


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
