"""The one mapping between the layout's cells and the model's fields.

Every input column and form field declares `bind`, a path into the object its row (or the
document) stands for. This module walks those paths both ways: `fields_of` turns a model
object into a row of cell values for the writer, `put` sets a read value into a model object
for the reader. Adding an input field is then a model field plus one declaration.

Paths: `name` (attribute), `a.b` (an attribute of an optional part, created when a value is
set), `name[2]` (a list slot), `name[awal+2]` / `name[tahun-1]` (a dict keyed by a year counted
from the Renstra's first year or the reporting year).
"""

from __future__ import annotations

import dataclasses
import re
import typing
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any, NamedTuple

from lkjip_xl.schema.types import Column, FormField, Table

_STEP = re.compile(r"^([a-z_][a-z_0-9]*)(?:\[(?:(awal|tahun)([+-]\d+)|(\d+))\])?$")


class Years(NamedTuple):
    """The years that year-keyed paths count from (None: that path has no place)."""

    awal: int | None = None
    tahun: int | None = None


NO_YEARS = Years()


class _Step(NamedTuple):
    attr: str
    base: str | None = None  # "awal" / "tahun": a dict keyed by year
    offset: int = 0
    slot: int | None = None  # a list slot

    def key(self, years: Years) -> int | None:
        if self.base is None:
            return self.slot
        start = years.awal if self.base == "awal" else years.tahun
        return None if start is None else start + self.offset


@cache
def steps(path: str) -> tuple[_Step, ...]:
    out = []
    for part in path.split("."):
        m = _STEP.match(part)
        if m is None:
            raise ValueError(f"bad binding path {path!r}")
        attr, base, off, idx = m.groups()
        out.append(_Step(attr, base, int(off) if off else 0, int(idx) if idx else None))
    return tuple(out)


def get(obj: Any, path: str, years: Years = NO_YEARS) -> Any:
    """The value at `path`, None where any part of it is missing."""
    for st in steps(path):
        if obj is None:
            return None
        obj = getattr(obj, st.attr)
        if st.base is not None:
            key = st.key(years)
            obj = None if key is None else obj.get(key)
        elif st.slot is not None:
            obj = obj[st.slot]
    return obj


def put(obj: Any, path: str, value: Any, years: Years = NO_YEARS) -> None:
    """Set `value` at `path`; a missing optional part is created only for a real value, and a
    year-keyed value only when its year is known and the value is not empty."""
    *parents, last = steps(path)
    for st in parents:
        part = getattr(obj, st.attr)
        if part is None:
            if value is None:
                return
            part = _part_type(type(obj), st.attr)()  # type: ignore[arg-type]
            setattr(obj, st.attr, part)
        obj = part
    if last.base is not None:
        key = last.key(years)
        if key is not None and value is not None:
            getattr(obj, last.attr)[key] = value
    elif last.slot is not None:
        getattr(obj, last.attr)[last.slot] = value
    else:
        setattr(obj, last.attr, value)


def setter(path: str, years: Years = NO_YEARS) -> Callable[[Any, Any], None]:
    """`put` for one path, compiled: the reader sets thousands of cells through a few paths."""
    st = steps(path)
    if len(st) == 1:
        last = st[0]
        attr = last.attr
        if last.base is not None:
            key = last.key(years)

            def set_year(obj: Any, value: Any) -> None:
                if key is not None and value is not None:
                    getattr(obj, attr)[key] = value
            return set_year
        if last.slot is not None:
            index = last.slot

            def set_slot(obj: Any, value: Any) -> None:
                getattr(obj, attr)[index] = value
            return set_slot

        def set_attr(obj: Any, value: Any) -> None:
            setattr(obj, attr, value)
        return set_attr
    return lambda obj, value: put(obj, path, value, years)


@cache
def _part_type(owner: type, attr: str) -> type:
    """The dataclass an optional attribute holds (`komponen: Komponen | None` -> Komponen)."""
    hint = typing.get_type_hints(owner)[attr]
    for arg in typing.get_args(hint) or (hint,):
        if dataclasses.is_dataclass(arg):
            return arg  # type: ignore[return-value]
    raise TypeError(f"{owner.__name__}.{attr} is not an optional dataclass part")


def bound(table: Table) -> Iterator[Column]:
    """The table's columns that bind a model field."""
    return (c for c in table.columns if c.bind is not None)


def fields_of(table: Table, obj: Any, years: Years = NO_YEARS) -> dict[str, Any]:
    """The bound cells of one row, by column key, from the object the row stands for."""
    return {c.key: get(obj, c.bind, years) for c in bound(table)}  # type: ignore[arg-type]


def form_of(fields: tuple[FormField, ...], root: Any) -> dict[str, Any]:
    """A key/value sheet's bound values, by field key, from the document."""
    out: dict[str, Any] = {}
    for f in fields:
        if f.bind is None:
            continue
        v = get(root, f.bind)
        if isinstance(v, bool):  # a yes/no setting shows as the sheet's choice: Ya / Tidak
            v = f.choices[0] if v else f.choices[1]
        out[f.key] = v
    return out


def refs_to(target: str, tables: dict[str, Table]) -> list[tuple[Table, Column]]:
    """Every input column that must name a code of table `target`."""
    return [(t, c) for t in tables.values() if t.mirror is None
            for c in t.columns if c.ref is not None and c.ref.table == target]


def joined(tables: dict[str, Table]) -> list[str]:
    """The input tables whose rows are another table's rows, joined by their own code (one row
    per indicator: no levels of their own in the entity tree)."""
    return [t.key for t in tables.values() if t.mirror is None and not t.levels]


__all__ = ["Years", "get", "put", "setter", "bound", "fields_of", "form_of", "refs_to", "joined"]
