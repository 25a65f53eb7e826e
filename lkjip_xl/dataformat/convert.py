"""Plain data <-> model, by walking the format's shape (`shape.keys`): one reader and one writer
per record class, built once from its keys, so a field added to the model travels with no edit
here."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from lkjip_xl.core.model import Dokumen
from lkjip_xl.dataformat.shape import Key, keys
from lkjip_xl.dataformat.validation import validate
from lkjip_xl.xlsx.gc_pause import paused_gc

_MISSING: Any = object()  # "leave the field at the model's default"
_CONTAINERS = (dict, list)  # left out when empty, as None is


def from_dict(data: Any) -> Dokumen:
    """Validate plain data (as yaml.safe_load / json.load give it) and build the model."""
    with paused_gc():
        dok: Dokumen = _reader(Dokumen)(validate(data))
        return dok


def to_dict(dok: Dokumen) -> dict[str, Any]:
    """The canonical plain form: keys in the model's order (`format` first, `extra` last);
    optional keys that are None or empty left out, but the slots `shape.WRITTEN_EMPTY` names;
    quarter lists only when an entry is known; year maps sorted."""
    return _writer(Dokumen)(dok)  # type: ignore[no-any-return]


# --------------------------------------------------------------------------------------------
# Reading


def _value_reader(k: Key) -> Callable[[Any], Any]:
    """The model value of one key's data (already valid), or _MISSING for the default."""
    if k.codec is not None:
        return k.codec.decode
    if k.record is not None:
        sub = _reader(k.record)
        empty = None if k.nullable else _MISSING
        return lambda v: empty if v is None else sub(v)
    if k.records is not None:
        item = _reader(k.records)
        return lambda v: [item(x) for x in v]
    if k.base is int:
        return lambda v: v if v is None else int(v)  # JSON may write 2019.0
    return lambda v: v


@cache
def _reader(cls: type) -> Callable[[dict[str, Any]], Any]:
    plan = [(k.name, _value_reader(k)) for k in keys(cls) if not k.flattened]
    own = {k.name for k in keys(cls)}
    flat = next((k for k in keys(cls) if k.flattened), None)
    missing = _MISSING

    def read(d: dict[str, Any]) -> Any:
        kwargs: dict[str, Any] = {}
        for name, conv in plan:
            v = d.get(name, missing)
            if v is not missing:
                v = conv(v)
                if v is not missing:
                    kwargs[name] = v
        if flat is not None:
            rest = {key: v for key, v in d.items() if key not in own}
            kwargs[flat.name] = flat.codec.decode(rest) if flat.codec else rest
        return cls(**kwargs)

    return read


# --------------------------------------------------------------------------------------------
# Writing


def _value_writer(k: Key) -> Callable[[Any], Any] | None:
    if k.codec is not None:
        return k.codec.encode
    if k.record is not None:
        sub = _writer(k.record)
        return lambda v: None if v is None else sub(v)
    if k.records is not None:
        item = _writer(k.records)
        return lambda v: [item(x) for x in v]
    return None


@cache
def _writer(cls: type) -> Callable[[Any], dict[str, Any]]:
    plan = [(k.name, _value_writer(k), k.required, k.written_empty)
            for k in keys(cls) if not k.flattened]
    flat = next((k for k in keys(cls) if k.flattened), None)

    def write(obj: Any) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, conv, required, written_empty in plan:
            v = getattr(obj, name)
            if conv is not None:
                v = conv(v)
            if (required or (v is not None and (v or type(v) not in _CONTAINERS))
                    or (written_empty is not None and written_empty(obj))):
                out[name] = v
        if flat is not None:
            extra = getattr(obj, flat.name)
            out.update(flat.codec.encode(extra) if flat.codec else extra)
        return out

    return write
