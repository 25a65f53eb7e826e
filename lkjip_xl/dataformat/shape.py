"""The format's shape, derived from the model: every dataclass field is a key of the same name,
in the model's order, holding a record, a list of records, a shaped value (`codecs`) or the value
itself. Adding a field to the model adds it to YAML, JSON, `export` and the JSON Schema.

What the model cannot say is declared here, once, as the canonical form's rules:
- `format` is the document's header, written first; `extra` (pengukuran) is flattened, last;
- the keys a document must have beyond the fields without a default (`REQUIRED`);
- the "slots" written even when null or empty, because null there means something
  (`WRITTEN_EMPTY`: not reported, a support programme, a record without rows);
- the record fields that may be null in the file and read as their default (`NULL_AS_DEFAULT`).
"""

from __future__ import annotations

import dataclasses
import functools
import operator
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from lkjip_xl.core import model
from lkjip_xl.core.model import (
    Dokumen,
    Indikator,
    IndikatorProgram,
    Instansi,
    Kegiatan,
    Pengaturan,
    Program,
    SdmBaris,
    SubKegiatan,
)
from lkjip_xl.dataformat.codecs import BY_TYPE, Codec

HEADER = ("format",)  # Dokumen's keys written before its fields in model order

# keys a document must have although the model gives them a default
REQUIRED: dict[type, frozenset[str]] = {
    Dokumen: frozenset({"format", "instansi"}),
    Instansi: frozenset({"nama"}),
}


def _rentang(i: Indikator | IndikatorProgram) -> bool:
    return i.polaritas == "rentang"


def _not_rentang(i: Indikator | IndikatorProgram) -> bool:
    return i.polaritas != "rentang"


def _always(_obj: Any) -> bool:
    return True


# written even when null / empty: the slots a reader fills in ("not known yet" is null, never
# absent), a program's sasaran (null: a support programme), the document's two lists, and the
# settings in full
WRITTEN_EMPTY: dict[type, dict[str, Callable[[Any], bool]]] = {
    Dokumen: {"sasaran": _always, "program": _always},
    Indikator: {"target": _not_rentang, "target_min": _rentang, "target_maks": _rentang,
                "realisasi": _always},
    IndikatorProgram: {"target": _not_rentang, "target_min": _rentang, "target_maks": _rentang,
                       "realisasi": _always},
    Kegiatan: {"anggaran": _always, "realisasi": _always},
    SubKegiatan: {"anggaran": _always, "realisasi": _always},
    Program: {"sasaran": _always},
    SdmBaris: {"jumlah": _always},
    Pengaturan: {f.name: _always for f in dataclasses.fields(Pengaturan)},
}

# a record the file may write as null, read as the record's default (an empty head of agency)
NULL_AS_DEFAULT = frozenset({(Instansi, "kepala"), (Instansi, "kepala_bappeda")})


@dataclass(frozen=True)
class Key:
    """One key of a record in the format: a model field."""

    name: str
    owner: type
    base: Any  # the field's type, None left out of a union
    nullable: bool  # the model allows None
    required: bool  # the document must have the key
    record: type | None = None  # a nested record (dataclass)
    records: type | None = None  # a list of records
    codec: Codec | None = None
    written_empty: Callable[[Any], bool] | None = None
    flattened: bool = False  # Dokumen.extra: its entries are keys of the document itself

    @property
    def path(self) -> str:
        return f"{self.owner.__name__}.{self.name}"


def _split_none(tp: Any) -> tuple[Any, bool]:
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        nullable = len(args) < len(typing.get_args(tp))
        return functools.reduce(operator.or_, args), nullable
    return tp, False


def _is_record(tp: Any) -> bool:
    return isinstance(tp, type) and dataclasses.is_dataclass(tp)


@cache
def keys(cls: type) -> tuple[Key, ...]:
    """The keys of `cls`'s records, in the format's order."""
    hints = typing.get_type_hints(cls, vars(model))
    out: list[Key] = []
    for f in dataclasses.fields(cls):
        base, nullable = _split_none(hints[f.name])
        no_default = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        codec = BY_TYPE.get(base)
        item = typing.get_args(base)[0] if typing.get_origin(base) is list else None
        out.append(Key(
            name=f.name, owner=cls, base=base, nullable=nullable,
            required=no_default or f.name in REQUIRED.get(cls, ()),
            record=base if codec is None and _is_record(base) else None,
            records=item if codec is None and _is_record(item) else None,
            codec=codec,
            written_empty=WRITTEN_EMPTY.get(cls, {}).get(f.name),
            flattened=cls is Dokumen and f.name == "extra",
        ))
    head = [k for k in out if cls is Dokumen and k.name in HEADER]
    return tuple(head + [k for k in out if k not in head])


def records() -> list[type]:
    """Every record class of the format, Dokumen first, each once, as the format nests them."""
    seen: list[type] = []

    def walk(cls: type) -> None:
        if cls in seen:
            return
        seen.append(cls)
        for k in keys(cls):
            if k.record or k.records:
                walk(k.record or k.records)  # type: ignore[arg-type]

    walk(Dokumen)
    return seen
