"""The entity tree the layout declares (`Table.levels`, `Table.parent`), walked.

An input table's rows are model objects: the sasaran of the document, the indicators of each
sasaran, the kegiatan of each program followed by their sub-kegiatan. A row is held as its
chain, the objects from the top of the tree down to it ((sasaran, indikator), (program,
kegiatan, sub-kegiatan)), so the codes that place it are its ancestors' codes. The writer's rows,
the capacities, the reader's assembly and verify's row identities are all this one walk.
"""

from __future__ import annotations

import dataclasses
import re
import typing
from collections.abc import Iterator
from functools import cache
from typing import Any

from lkjip_xl.core.model import Dokumen
from lkjip_xl.schema.sheets import TABLES, table_sheet
from lkjip_xl.schema.types import Table
from lkjip_xl.workbook.binding import get, steps

Chain = tuple[Any, ...]  # the model objects from the top of the tree down to a row's own


def source(table: Table) -> Table:
    """The input table whose levels a table's rows are: itself, the table a per-indicator table
    joins by its code (RKT, PK ... have Renstra & IKU's rows), or the one a computed table mirrors."""
    if table.mirror is not None:
        table = TABLES[table.mirror]
    if table.levels:
        return table
    ref = table.column(table.row_key).ref
    if ref is None:
        raise ValueError(f"{table.key}: no levels and no code joining another table's rows")
    return TABLES[ref.table]


def identity(table: Table) -> tuple[str, ...]:
    """The code columns that name a row (its level's codes): ("kode",), or
    ("kode_kegiatan", "kode_sub") for a kegiatan table; the same keys in a computed table. Under
    a partial parent the owner's codes too (an indicator `1` of each programme)."""
    src = source(table)
    above = src.parent.columns if src.parent and src.parent.partial else ()
    return above + tuple(lv.code for lv in src.levels if lv.code)


def listed(table: Table) -> bool:
    """A short fixed list on a settings sheet (the predicate bands, SDM): sized to its rows,
    without the spare rows a coded table gets."""
    return table_sheet(table).kind == "settings"


def chains(dok: Any) -> dict[str, list[Chain]]:
    """Every table's rows as chains, in document order (a joined or computed table shares the
    list of the table whose rows it has)."""
    out: dict[str, list[Chain]] = {}
    for key, t in TABLES.items():
        if not t.levels:
            continue
        tops: list[Chain] = ((_owners(out, t.parent.table) if t.parent.partial
                              else out[t.parent.table]) if t.parent else [()])
        rows: list[Chain] = []
        for chain in tops:
            _walk(chain[-1] if chain else dok, chain, t.levels, rows)
        out[key] = rows
    for key, t in TABLES.items():
        if key not in out:
            out[key] = out[source(t).key]
    return out


def _owners(out: dict[str, list[Chain]], key: str) -> list[Chain]:
    """A partial parent's rows: those of table `key` and of the tables above it, each object
    followed by the ones below it (a programme, its first kegiatan, that kegiatan's
    sub-kegiatan, its next kegiatan ...)."""
    t = TABLES[key]
    if t.parent is None:
        return out[key]
    below: dict[int, list[Chain]] = {}
    for chain in out[key]:
        below.setdefault(id(chain[len(t.parent.columns) - 1]), []).append(chain)
    rows: list[Chain] = []
    for top_chain in _owners(out, t.parent.table):
        rows.append(top_chain)
        if len(top_chain) == len(t.parent.columns):
            rows += below.get(id(top_chain[-1]), [])
    return rows


def _walk(owner: Any, chain: Chain, levels: tuple[Any, ...], rows: list[Chain]) -> None:
    level, deeper = levels[0], levels[1:]
    for obj in get(owner, level.collection):
        here = chain + (obj,)
        rows.append(here)
        if deeper:
            _walk(obj, here, deeper, rows)


def place(table: Table, chain: Chain) -> dict[str, Any]:
    """The codes that place a row: its ancestors' (the parent columns) and its own level's
    (a deeper level's code column empty on a shallower row); a joined table's own code."""
    n = len(chain)
    if table.parent is not None and table.parent.partial:  # owners of any depth: codes from
        own = len(table.levels)                             # the top, then the row's own
        above = {col: chain[i].kode if i < n - own else None
                 for i, col in enumerate(table.parent.columns)}
        return {**above, **{lv.code: chain[n - own + d].kode
                            for d, lv in enumerate(table.levels) if lv.code}}
    return {col: chain[i].kode if i < n else None for col, i in _placing(table.key)}


@cache
def _placing(key: str) -> tuple[tuple[str, int], ...]:
    """Each placing code column and the depth in the chain of the object whose code it holds."""
    table = TABLES[key]
    if not table.levels:
        return ((table.row_key, -1),)
    above = table.parent.columns if table.parent else ()
    out = [(col, i) for i, col in enumerate(above)]
    out += [(level.code, len(above) + d) for d, level in enumerate(table.levels) if level.code]
    return tuple(out)


def shown(table: Table, obj: Any) -> dict[str, Any]:
    """A lookup column's value on an input row (the indicator's name beside its code)."""
    return {key: get(obj, path) for key, path in _lookups(table.key)}


@cache
def _lookups(key: str) -> tuple[tuple[str, str], ...]:
    return tuple((c.key, c.value) for c in TABLES[key].columns
                 if c.formula is not None and c.value is not None)


def top(collection: str) -> Table:
    """The input table whose first level is the model list `collection`."""
    for t in TABLES.values():
        if t.levels and t.levels[0].collection == collection:
            return t
    raise KeyError(collection)


def coded() -> Iterator[Table]:
    """The input tables with levels of their own that name their rows by code."""
    return (t for t in TABLES.values() if t.mirror is None and t.levels and identity(t))


def capacity_key(table: Table) -> str:
    """A coded table's name for sizing: its rows' model in snake case (sasaran, indikator,
    program, kegiatan), unique where two levels share a list name (Program.indikator)."""
    name = level_types(table)[0].__name__
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def joined_to(table: Table) -> list[Table]:
    """The input tables that have `table`'s rows, joined by code (RKT, PK ... of Renstra & IKU)."""
    return [t for t in TABLES.values() if t.mirror is None and not t.levels
            and source(t) is table]


@cache
def item_type(owner: type, path: str) -> type:
    """The dataclass a model list holds (`Sasaran.indikator: list[Indikator]` -> Indikator)."""
    *parents, last = steps(path)
    for st in parents:
        owner = _hint_class(owner, st.attr)
    hint = typing.get_type_hints(owner)[last.attr]
    (arg,) = typing.get_args(hint)
    return arg  # type: ignore[no-any-return]


def _hint_class(owner: type, attr: str) -> type:
    hint = typing.get_type_hints(owner)[attr]
    for arg in typing.get_args(hint) or (hint,):
        if dataclasses.is_dataclass(arg):
            return arg  # type: ignore[return-value]
    raise TypeError(f"{owner.__name__}.{attr} is not a dataclass part")


def blank(cls: type, code: str | None) -> Any:
    """A new object of a row's model with only its code: required text empty, numbers None."""
    fixed, coded = _blank_args(cls)
    return cls(**fixed, kode=code) if coded else cls(**fixed)


@cache
def _blank_args(cls: type) -> tuple[dict[str, Any], bool]:
    """The required arguments but `kode` (read once per class: the reader makes one object a
    row), and whether `kode` is one of them."""
    args: dict[str, Any] = {}
    coded = False
    hints = typing.get_type_hints(cls)
    for f in dataclasses.fields(cls):
        if f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING:
            continue
        if f.name == "kode":
            coded = True
        else:
            args[f.name] = None if type(None) in typing.get_args(hints[f.name]) else ""
    return args, coded




def level_types(table: Table) -> tuple[type, ...]:
    """The model class of each level of a table's rows (Kegiatan, then SubKegiatan)."""
    return _level_types(table.key)


@cache
def _level_types(key: str) -> tuple[type, ...]:
    t = source(TABLES[key])
    owner: type = level_types(TABLES[t.parent.table])[-1] if t.parent else Dokumen
    out: list[type] = []
    for level in t.levels:
        owner = item_type(owner, level.collection)
        out.append(owner)
    return tuple(out)



def _owner_types(t: Table) -> tuple[type, ...]:
    """The model classes a table's top-level rows hang under: the parent's deepest level, every
    level above it too under a partial parent (Program, Kegiatan, SubKegiatan)."""
    if t.parent is None:
        return (Dokumen,)
    parent = TABLES[t.parent.table]
    if not t.parent.partial:
        return (level_types(parent)[-1],)
    out: list[type] = []
    while True:
        out[:0] = level_types(parent)
        if parent.parent is None:
            return tuple(out)
        parent = TABLES[parent.parent.table]


def structural() -> dict[type, set[str]]:
    """The model fields the tree itself fills, by class: each level's list (on the document, a
    part of it or the parent level's class) and a level's `kode` where its code column binds none."""
    out: dict[type, set[str]] = {}
    for t in TABLES.values():
        if t.mirror is not None or not t.levels:
            continue
        types = level_types(t)
        for first in _owner_types(t):
            owner = first
            for level, cls in zip(t.levels, types):
                *parts, last = steps(level.collection)
                for st in parts:
                    owner = _hint_class(owner, st.attr)
                out.setdefault(owner, set()).add(last.attr)
                if level.code and t.column(level.code).bind is None:
                    out.setdefault(cls, set()).add("kode")
                owner = cls
    return out

__all__ = ["Chain", "source", "identity", "listed", "chains", "place", "shown", "top", "coded",
           "joined_to", "item_type", "blank", "level_types", "capacity_key", "structural"]
