"""Read and write the lkjip-xl data interchange format, version 1 (docs/data-format.md).

One agency's year as YAML or JSON <-> `model.Dokumen`. Reading is strict: the structure is checked
against the JSON Schema shipped in `lkjip_xl/data/lkjip-xl-1.schema.json`, then a few checks the
schema cannot express (unique codes, references, ranges). The first problem, in document order,
becomes a `DataFormatError` with one line in Bahasa Indonesia and one in English that names the
path: `sasaran[1].indikator[0].target: harus angka, ditemukan "0,5%"`.

Writing is canonical (`to_dict`): keys in the order of the spec, unknown / empty optional keys left
out, so that `to_dict(load(f)) == yaml.safe_load(f)` holds for every canonical file.
"""

from __future__ import annotations

import contextvars
import copy
import dataclasses
import json
import math
import os
import re
from collections.abc import Iterator, Mapping
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import IO, Any

import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from lkjip_xl.core.domain.triwulan import ROMAN
from lkjip_xl.core.errors import (
    DataFormatError,
    InputError,
    OutputError,
    UnsafeFileError,
    UsageError,
    file_error,
)
from lkjip_xl.core.model import (
    Dokumen,
    Indikator,
    Instansi,
    Kegiatan,
    Kepala,
    Komponen,
    Narasi,
    Pengaturan,
    PredikatBand,
    Program,
    Quarters,
    Renstra,
    Sasaran,
    SdmBaris,
    SubKegiatan,
    empty_quarters,
)
from lkjip_xl.core.number_display import tampil
from lkjip_xl.core.number_text import typed_number
from lkjip_xl.dataformat.schema_check import Check, UnsupportedSchema, compile_schema
from lkjip_xl.dataformat.yaml_emit import Emitter, Unsupported
from lkjip_xl.xlsx.gc_pause import paused_gc

__all__ = [
    "MAX_BYTES",
    "SCHEMA_RESOURCE",
    "dump",
    "dumps",
    "from_dict",
    "load",
    "loads",
    "parse",
    "schema",
    "to_dict",
    "validate",
]

MAX_BYTES = 20 * 1024 * 1024  # one agency's year is kilobytes; anything near this is not a report
MAX_NODES = 1_000_000  # values after YAML aliases are expanded ("billion laughs" files are small)
MAX_DEPTH = 32  # the format nests 7 levels; recursive YAML aliases nest forever
SCHEMA_RESOURCE = "data/lkjip-xl-1.schema.json"

Source = str | os.PathLike[str] | IO[str] | IO[bytes]
PathElem = str | int

_ROOT = ("(dokumen)", "(document)")
MAX_PROBLEMS = 50  # problems listed at once; the rest are counted
# the document validate() is checking: paths name its records by kode
_DOC: contextvars.ContextVar[Any] = contextvars.ContextVar("lkjip_xl_dataformat_doc", default=None)

# --------------------------------------------------------------------------------------------
# Schema
# --------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The JSON Schema of format version 1 (a shared object: do not modify it)."""
    text = resources.files("lkjip_xl").joinpath(SCHEMA_RESOURCE).read_text(encoding="utf-8")
    result: dict[str, Any] = json.loads(text)
    return result


@lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    return Draft202012Validator(schema())


@lru_cache(maxsize=1)
def _fast_check() -> Check | None:
    """The schema compiled to a yes/no check (schema_check), or None if it cannot be compiled."""
    try:
        return compile_schema(schema())
    except UnsupportedSchema:
        return None


def _schema_valid(doc: Any) -> bool:
    """True when the document certainly passes the schema. False means "ask jsonschema": it
    finds and names the errors (and remains the reference when the fast check is unavailable)."""
    check = _fast_check()
    if check is None:
        return False
    try:
        return check(doc)
    except Exception:  # e.g. a comparison Python refuses: let jsonschema handle the value
        return False


# --------------------------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------------------------


def load(source: Source, fmt: str | None = None,
         notes: list[tuple[str, str]] | None = None) -> Dokumen:
    """Read a YAML or JSON document from a path or an open file.

    `fmt` is "yaml", "json" or None: by the file extension (.json, .yaml, .yml), else by content.
    Raises InputError (unreadable), UnsafeFileError (over MAX_BYTES), DataFormatError (invalid:
    every problem found, in document order, up to MAX_PROBLEMS). `notes` receives warnings
    (message_id, message_en) about values that read two ways, such as 66.500.
    """
    name = ""
    if hasattr(source, "read"):
        data: str | bytes = source.read(MAX_BYTES + 1)
        name = str(getattr(source, "name", ""))
        if len(data) > MAX_BYTES:
            raise _too_large(len(data))
    else:
        path = Path(source)  # type: ignore[arg-type]
        name = path.name
        try:
            size = path.stat().st_size
            if size > MAX_BYTES:
                raise _too_large(size)
            data = path.read_bytes()
        except OSError as exc:
            if isinstance(exc, (FileNotFoundError, IsADirectoryError)):
                raise file_error(path, exc) from None
            reason = exc.strerror or type(exc).__name__
            raise InputError(
                f"berkas tidak dapat dibaca: {path} ({reason})",
                f"file cannot be read: {path} ({reason})",
            ) from None
    if fmt is None:
        suffix = Path(name).suffix.lower()
        fmt = "json" if suffix == ".json" else "yaml" if suffix in (".yaml", ".yml") else "auto"
    head = data[:4].encode("latin-1", "replace") if isinstance(data, str) else data[:4]
    if head == b"PK\x03\x04":  # a zip: an .xlsx workbook handed over as a data file
        raise DataFormatError(
            f"{name or '(berkas)'} adalah buku kerja Excel, bukan berkas data YAML/JSON; untuk "
            f"memakai isi workbook sebagai awal tahun berikutnya pakai --from {name or 'FILE'}",
            f"{name or '(file)'} is an Excel workbook, not a YAML/JSON data file; to start a new "
            f"year from a workbook use --from {name or 'FILE'}")
    try:
        dok = loads(data, fmt)
    except DataFormatError as exc:
        if name and not exc.message_id.startswith(name):
            raise DataFormatError(f"{name}: {exc.message_id}", f"{name}: {exc.message_en}",
                                  exc.problems) from None
        raise
    if notes is not None:
        notes.extend(ambiguous_decimals(data))
    return dok


# "66.500": YAML and JSON read 66.5, an Indonesian reader may mean sixty-six thousand five hundred.
# Only three decimals ending in 0: nobody writing a decimal pads it so ("4.625" is left alone),
# while thousands grouped by a dot always look like that when they are round.
# The number must be the whole value (after "key:", a list's "-", in a flow list or object):
# "per 100.000 penduduk" inside a name or a text block is text, kept as typed.
_AMBIGUOUS = re.compile(r"(?:^\s*(?:-\s+)?|:\s*|[\[{,]\s*)(-?\d{1,3}\.\d\d0)\s*(?=$|[,\]}])")


def _literal(value: float) -> str:
    """A number as the data file writes it (YAML and JSON: a decimal point, no grouping, in
    either language, every digit; `:g` printed 1463523490 as 1.46352e+09)."""
    return str(int(value)) if float(value).is_integer() and abs(value) < 1e15 else repr(value)


def ambiguous_decimals(text: str | bytes) -> list[tuple[str, str]]:
    """(message_id, message_en) for each unquoted number like 66.500 (three decimals, the last
    0): read as 66.5, but in Indonesian writing the dot groups thousands."""
    if isinstance(text, bytes):
        text = text.decode("utf-8-sig", "replace")
    out: list[tuple[str, str]] = []
    for n, line in enumerate(text.splitlines(), start=1):
        code = line.split("#", 1)[0]
        for m in _AMBIGUOUS.finditer(code):
            t = m.group(1)
            read, grouped = float(t), t.replace(".", "")
            out.append((f"baris {n}: {t} dibaca sebagai {_literal(read)}; bila maksudnya {grouped} "
                        f"(titik sebagai pemisah ribuan), tulis {grouped}",
                        f"line {n}: {t} is read as {_literal(read)}; if {grouped} is meant (the dot "
                        f"grouping thousands), write {grouped}"))
    return out


def loads(text: str | bytes, fmt: str = "auto") -> Dokumen:
    """Parse a document held in memory; `fmt` is "yaml", "json" or "auto" (JSON if it starts
    with `{`)."""
    with paused_gc():
        return from_dict(parse(text, fmt))


def parse(text: str | bytes, fmt: str = "auto") -> Any:
    """Parse YAML / JSON text into plain Python data without checking it against the format.

    YAML is read with a safe loader that also rejects duplicate keys (PyYAML silently keeps the
    last one, which hides typing mistakes)."""
    if len(text) > MAX_BYTES:
        raise _too_large(len(text))
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise DataFormatError(
                f"berkas bukan teks UTF-8 (posisi bita {exc.start})",
                f"file is not UTF-8 text (byte offset {exc.start})",
            ) from None
    text = text.removeprefix("\ufeff")
    if fmt == "auto":
        fmt = "json" if text.lstrip().startswith("{") else "yaml"
    if fmt not in ("yaml", "json"):
        raise UsageError(
            f"format data tidak dikenal: {fmt} (yaml, json)",
            f"unknown data format: {fmt} (yaml, json)",
        )
    try:
        # a document is hundreds of thousands of small containers that all stay alive: without
        # the pause the collector rescans them again and again (YAML, 5,000 rows: 3.5 s -> 1.0 s)
        with paused_gc():
            return _parse_json(text) if fmt == "json" else _parse_yaml(text)
    except RecursionError:
        raise DataFormatError("struktur dokumen terlalu dalam", "document nested too deeply") from None
    except (ValueError, OverflowError) as exc:  # e.g. PyYAML's own int() on `tahun: 0b_`
        kind = "JSON" if fmt == "json" else "YAML"
        problem = " ".join(str(exc).split())[:200]
        raise DataFormatError(f"{kind} tidak sah ({problem})", f"invalid {kind} ({problem})") from None


class _DuplicateKeyError(yaml.MarkedYAMLError):
    pass


class _RefuseDuplicateKeys:
    """Loader mixin that refuses a key written twice in one mapping."""

    def construct_mapping(self, node: yaml.Node, deep: bool = False) -> dict[Any, Any]:
        if isinstance(node, yaml.MappingNode):
            seen: set[tuple[str, str]] = set()
            for key_node, _ in node.value:
                if isinstance(key_node, yaml.ScalarNode) and key_node.tag != "tag:yaml.org,2002:merge":
                    key = (key_node.tag, key_node.value)
                    if key in seen:
                        raise _DuplicateKeyError(problem=key_node.value, problem_mark=key_node.start_mark)
                    seen.add(key)
        return super().construct_mapping(node, deep=deep)  # type: ignore[misc]


class _StrictSafeLoader(_RefuseDuplicateKeys, yaml.SafeLoader):
    """yaml.SafeLoader that refuses duplicate keys: the reference parser, stable messages."""


_CLoader = getattr(yaml, "CSafeLoader", None)
_StrictFastLoader: Any = (type("_StrictFastLoader", (_RefuseDuplicateKeys, _CLoader), {})
                          if _CLoader is not None else None)


def _parse_yaml(text: str) -> Any:
    if _CLoader is not None:
        try:
            return _load_lean(text)
        except _Unusual:
            pass  # tags, merge keys, repeated keys, deep nesting: the full loaders below decide
        except yaml.YAMLError:
            return _parse_yaml_reference(text)
        try:
            return yaml.load(text, Loader=_StrictFastLoader)  # a CSafeLoader subclass
        except yaml.YAMLError:
            pass  # parse again with the pure-Python loader for the same message everywhere
    return _parse_yaml_reference(text)


def _parse_yaml_reference(text: str) -> Any:
    try:
        return yaml.load(text, Loader=_StrictSafeLoader)  # a SafeLoader subclass
    except _DuplicateKeyError as exc:
        where_id, where_en = _mark(exc.problem_mark)
        raise DataFormatError(
            f'{where_id}: kunci "{exc.problem}" ganda', f'{where_en}: duplicate key "{exc.problem}"'
        ) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = " ".join(str(exc.problem or exc.context or "").split())
        if mark is None:
            raise DataFormatError(f"YAML tidak sah ({problem})", f"invalid YAML ({problem})") from None
        where_id, where_en = _mark(mark)
        raise DataFormatError(
            f"{where_id}: YAML tidak sah ({problem})", f"{where_en}: invalid YAML ({problem})"
        ) from None
    except yaml.YAMLError as exc:
        problem = " ".join(str(exc).split())
        raise DataFormatError(f"YAML tidak sah ({problem})", f"invalid YAML ({problem})") from None


class _Unusual(Exception):
    """The lean YAML loader met something it leaves to the full loaders."""


_STR_TAG = "tag:yaml.org,2002:str"
_LEAN_MAX_DEPTH = 2 * MAX_DEPTH  # deeper documents are refused later; the full loaders handle them
_FLOAT_TAG = "tag:yaml.org,2002:float"
_SCALAR_TAGS = ("tag:yaml.org,2002:null", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", _FLOAT_TAG)


def _load_lean(text: str) -> Any:
    """yaml.load(text, CSafeLoader) with the same result for the documents lkjip-xl reads, at a
    fraction of the cost and memory: libyaml parses, one small recursive walk over its events
    builds the data (no node graph: composing one held ~30x the text, 250 MB for 20,000 rows).
    Raises _Unusual for what only the full loader handles (explicit tags, anchors and aliases,
    merge keys, timestamps, keys that repeat, deep nesting, several documents) and
    yaml.YAMLError for what libyaml refuses."""
    loader = _LeanLoader(text)
    try:
        loader.get_event()  # stream start
        if loader.check_event(yaml.StreamEndEvent):
            return None
        loader.get_event()  # document start
        data = _LeanBuilder(loader).build(loader.get_event(), 0)
        loader.get_event()  # document end
        if not loader.check_event(yaml.StreamEndEvent):
            raise _Unusual  # a second document: the full loader words the refusal
        return data
    finally:
        loader.dispose()


class _LeanBuilder:
    """Plain data from parse events, as SafeConstructor builds it for the tags it handles."""

    def __init__(self, loader: Any) -> None:
        self.loader = loader
        self.plain: dict[str, Any] = {}  # plain scalar text -> its value (keys and nulls repeat)
        table = loader.yaml_implicit_resolvers
        wildcard = list(table.get(None, []))
        self.resolvers = {first: [*pairs, *wildcard] for first, pairs in table.items() if first is not None}
        self.wildcard = wildcard

    def build(self, event: Any, depth: int) -> Any:
        kind = type(event)
        if event.anchor is not None or getattr(event, "tag", None) is not None:
            raise _Unusual  # anchors (aliases follow) and explicit tags
        if kind is yaml.ScalarEvent:
            if not event.implicit[0]:
                return event.value  # quoted or block: text
            value = self.plain.get(event.value, self)
            return self.scalar(event.value) if value is self else value
        if depth > _LEAN_MAX_DEPTH:
            raise _Unusual
        get = self.loader.get_event
        if kind is yaml.SequenceStartEvent:
            items: list[Any] = []
            while True:
                item = get()
                if type(item) is yaml.SequenceEndEvent:
                    return items
                items.append(self.build(item, depth + 1))
        if kind is yaml.MappingStartEvent:
            out: dict[Any, Any] = {}
            while True:
                k = get()
                if type(k) is yaml.MappingEndEvent:
                    return out
                if type(k) is not yaml.ScalarEvent or k.tag is not None or k.anchor is not None:
                    raise _Unusual  # a container, tagged or anchored key
                if k.implicit[0]:
                    key = self.plain.get(k.value, self)
                    if key is self:
                        key = self.scalar(k.value)
                else:
                    key = k.value
                if key in out:
                    raise _Unusual  # written twice (or 1 and 1.0): the duplicate-key check decides
                out[key] = self.build(get(), depth + 1)
        raise _Unusual  # an alias

    def scalar(self, text: str) -> Any:
        """A plain scalar typed as the implicit resolvers say (remembered per text)."""
        tag = self.implicit_tag(text)
        if tag == _STR_TAG:
            value: Any = text
        elif tag == _FLOAT_TAG and not any(c in text for c in "_:nN"):
            value = float(text)  # what construct_yaml_float gives when there is no _, :, inf, nan
        elif tag in _SCALAR_TAGS:
            value = self.loader.yaml_constructors[tag](self.loader, yaml.ScalarNode(tag, text))
        else:
            raise _Unusual  # timestamp, merge key "<<", value key "="
        self.plain[text] = value
        return value

    def implicit_tag(self, text: str) -> str:
        """Resolver.resolve for a plain scalar."""
        for tag, regexp in self.resolvers.get(text[:1] if text else "", self.wildcard):
            if regexp.match(text):
                return str(tag)
        return _STR_TAG


_LeanLoader: Any = _CLoader  # the libyaml parser; its events are walked, never composed


def _mark(mark: Any) -> tuple[str, str]:
    line, col = mark.line + 1, mark.column + 1
    return f"baris {line}, kolom {col}", f"line {line}, column {col}"


def _parse_json(text: str) -> Any:
    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in items:
            if key in out:
                raise DataFormatError(
                    f'JSON tidak sah (kunci "{key}" ganda dalam satu objek)',
                    f'invalid JSON (duplicate key "{key}" in one object)',
                )
            out[key] = value
        return out

    try:
        return json.loads(text, object_pairs_hook=pairs)
    except json.JSONDecodeError as exc:
        raise DataFormatError(
            f"baris {exc.lineno}, kolom {exc.colno}: JSON tidak sah ({exc.msg})",
            f"line {exc.lineno}, column {exc.colno}: invalid JSON ({exc.msg})",
        ) from None


def _too_large(size: int) -> UnsafeFileError:
    mb, limit = size / 1024 / 1024, MAX_BYTES // 1024 // 1024
    return UnsafeFileError(
        f"berkas data terlalu besar ({tampil(mb, 'points', 'id', 1)} MB, batas {limit} MB)",
        f"data file too large ({tampil(mb, 'points', 'en', 1)} MB, limit {limit} MB)",
    )


# --------------------------------------------------------------------------------------------
# Validation
# --------------------------------------------------------------------------------------------


def validate(data: Any) -> dict[str, Any]:
    """Check plain data against the format; return it JSON-shaped (every key a string).

    Raises DataFormatError naming the first problem in document order."""
    if data is None:
        raise _error([], ("dokumen kosong", "empty document"))
    with paused_gc():
        try:
            doc = _json_copy(data, 0, [MAX_NODES - 1])
        except _Irregular:
            doc = _json_shaped(data, [], 0, [0])  # names the problem
        token = _DOC.set(doc)
        try:
            problems: list[DataFormatError] = []
            if not _schema_valid(doc):
                # the best-ranked error per place (an unknown key explains the missing one
                # beside it), every place in document order
                best: dict[tuple[PathElem, ...], ValidationError] = {}
                for e in _validator().iter_errors(doc):
                    here = _error_place(e)
                    if here not in best or _error_rank(e, doc) < _error_rank(best[here], doc):
                        best[here] = e
                ranked = sorted(best.values(), key=lambda e: _error_rank(e, doc))
                problems = [_translate(e, doc) for e in ranked]
            if not problems:  # the semantics assume a document of the schema's shape
                problems = list(_check_semantics(doc))
            if problems:
                raise DataFormatError.combine(problems, MAX_PROBLEMS)
        finally:
            _DOC.reset(token)
    return doc  # type: ignore[no-any-return]


def _error_place(err: ValidationError) -> tuple[PathElem, ...]:
    """The record an error belongs to: errors about the keys of one mapping share a place."""
    path = tuple(err.absolute_path)
    if err.validator in ("required", "additionalProperties"):
        return path + ("{keys}",)
    return path


class _Irregular(Exception):
    """_json_copy met a problem: _json_shaped walks the data again to name it."""


_PLAIN_TYPES = frozenset({str, float, int, bool, type(None)})


def _json_copy(value: Any, depth: int, budget: list[int]) -> Any:
    """_json_shaped without the path bookkeeping: the same copy, or _Irregular wherever
    _json_shaped raises (too many values, too deep, two keys with the same text). `budget` is
    how many more values may follow; `value` itself is already counted."""
    if isinstance(value, Mapping):
        size = len(value)
    elif isinstance(value, list):
        size = len(value)
    else:
        return value
    budget[0] -= size
    if budget[0] < 0 or (size and depth >= MAX_DEPTH):
        raise _Irregular
    plain = _PLAIN_TYPES
    if isinstance(value, list):
        return [item if type(item) in plain else _json_copy(item, depth + 1, budget) for item in value]
    out: dict[str, Any] = {}
    for key, item in value.items():
        out[key if isinstance(key, str) else _key_text(key)] = (
            item if type(item) in plain else _json_copy(item, depth + 1, budget)
        )
    if len(out) != size:
        raise _Irregular  # a repeated key text, e.g. 2019 and "2019"
    return out


def _json_shaped(value: Any, path: list[PathElem], depth: int, count: list[int]) -> Any:
    """A copy with string keys (YAML year keys are integers; JSON keys are strings), guarding
    against alias bombs and recursive aliases."""
    count[0] += 1
    if count[0] > MAX_NODES:
        raise UnsafeFileError(
            f"dokumen terlalu besar: lebih dari {MAX_NODES:_} nilai (alias YAML berlapis?)".replace("_", "."),
            f"document too large: more than {MAX_NODES:,} values (nested YAML aliases?)",
        )
    if depth > MAX_DEPTH:
        raise _error(
            path[:1],  # the whole path of a recursive alias is endless: name the section
            (
                f"struktur terlalu dalam (lebih dari {MAX_DEPTH} tingkat)",
                f"nested too deeply (more than {MAX_DEPTH} levels)",
            ),
        )
    if isinstance(value, Mapping):
        out: dict[str, Any] = {}
        for key, item in value.items():
            skey = key if isinstance(key, str) else _key_text(key)
            if skey in out:
                raise _error(path + [skey], ("kunci ganda", "duplicate key"))
            out[skey] = _json_shaped(item, path + [skey], depth + 1, count)
        return out
    if isinstance(value, list):
        return [_json_shaped(item, path + [i], depth + 1, count) for i, item in enumerate(value)]
    return value


def _key_text(key: Any) -> str:
    if key is None:
        return "null"
    if isinstance(key, bool):
        return "true" if key else "false"
    return str(key)


_TYPE_NAMES = {
    "number": ("angka", "a number"),
    "integer": ("bilangan bulat", "an integer"),
    "string": ("teks", "a string"),
    "object": ("pemetaan (kunci: nilai)", "a mapping (key: value)"),
    "array": ("daftar", "a list"),
    "boolean": ("true/false", "true/false"),
    "null": ("null", "null"),
}

# When several errors sit at the same place, the one that explains most comes first: an unknown
# key (often a typo) explains the "required key missing" error beside it.
_RANK = {"additionalProperties": 0, "not": 1, "type": 2, "const": 3, "enum": 3, "required": 9}


def _error_rank(err: ValidationError, doc: Any) -> tuple[tuple[int, ...], int]:
    return _position(doc, list(err.absolute_path)), _RANK.get(str(err.validator), 5)


def _position(doc: Any, path: list[PathElem]) -> tuple[int, ...]:
    """Where a path sits in document order (dicts keep the file's key order)."""
    pos: list[int] = []
    node = doc
    for elem in path:
        if isinstance(node, dict) and isinstance(elem, str):
            keys = list(node)
            pos.append(keys.index(elem) if elem in node else len(keys))
            node = node.get(elem)
        elif isinstance(node, list) and isinstance(elem, int):
            pos.append(elem)
            node = node[elem] if elem < len(node) else None
        else:
            break
    return tuple(pos)


def _translate(err: ValidationError, doc: Any) -> DataFormatError:
    path: list[PathElem] = list(err.absolute_path)
    kind, value, inst = err.validator, err.validator_value, err.instance
    found_id, found_en = _found(inst)

    if kind == "additionalProperties":
        known = err.schema.get("properties", {}) if isinstance(err.schema, dict) else {}
        unknown = [_error(path + [k], ("kunci tidak dikenal", "unknown key"))
                   for k in inst if k not in known]
        return DataFormatError.combine(unknown, MAX_PROBLEMS)
    if kind == "required":
        missing = next(k for k in value if k not in inst)
        return _error(path + [missing], ("kunci wajib tidak ada", "required key missing"))
    if kind == "type":
        types = [value] if isinstance(value, str) else list(value)
        names = [_TYPE_NAMES[t] for t in types if t != "null"] or [_TYPE_NAMES["null"]]
        want_id = " atau ".join(n[0] for n in names)
        want_en = " or ".join(n[1] for n in names)
        if "string" in types and isinstance(inst, (int, float)) and not isinstance(inst, bool):
            return _error(
                path,
                (
                    f"harus {want_id}, ditemukan angka {found_id} (tulis dalam tanda kutip)",
                    f"must be {want_en}, found the number {found_en} (put it in quotes)",
                ),
            )
        hint_id = hint_en = ""
        if "number" in types and isinstance(inst, str):
            meant = _meant_number(inst)
            if meant is not None:
                hint_id, hint_en = f"; tulis {_literal(meant)}", f"; write {_literal(meant)}"
        return _error(
            path,
            (f"harus {want_id}, ditemukan {found_id}{hint_id}",
             f"must be {want_en}, found {found_en}{hint_en}"),
        )
    if kind == "enum":
        allowed = ", ".join(str(v) for v in value if v is not None)
        return _error(
            path,
            (
                f"harus salah satu dari {allowed}; ditemukan {found_id}",
                f"must be one of {allowed}; found {found_en}",
            ),
        )
    if kind == "const":
        want = json.dumps(value, ensure_ascii=False)
        return _error(path, (f"harus {want}, ditemukan {found_id}", f"must be {want}, found {found_en}"))
    if kind in ("minItems", "maxItems"):
        if err.schema.get("minItems") == err.schema.get("maxItems") == 4:
            return _error(
                path,
                (
                    f"harus tepat 4 nilai (TW I-TW IV), ditemukan {len(inst)}",
                    f"must have exactly 4 entries (TW I-TW IV), found {len(inst)}",
                ),
            )
        if kind == "minItems":
            return _error(
                path,
                (
                    f"harus berisi paling sedikit {value} isi, ditemukan {len(inst)}",
                    f"must have at least {value} entries, found {len(inst)}",
                ),
            )
        return _error(
            path,
            (
                f"harus berisi paling banyak {value} isi, ditemukan {len(inst)}",
                f"must have at most {value} entries, found {len(inst)}",
            ),
        )
    if kind in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        words = {
            "minimum": ("paling kecil", "at least"),
            "maximum": ("paling besar", "at most"),
            "exclusiveMinimum": ("lebih besar dari", "greater than"),
            "exclusiveMaximum": ("lebih kecil dari", "less than"),
        }[kind]
        return _error(
            path,
            (
                f"harus {words[0]} {value}, ditemukan {found_id}",
                f"must be {words[1]} {value}, found {found_en}",
            ),
        )
    if kind == "minLength":
        return _error(path, ("tidak boleh kosong", "must not be empty"))
    if kind == "pattern":
        if "propertyNames" in err.schema_path:
            return _error(
                path + [str(inst)], ("kunci harus tahun (4 angka)", "key must be a year (4 digits)")
            )
        return _error(
            path,
            (
                f"kode tidak boleh diawali atau diakhiri spasi, ditemukan {found_id}",
                f"a code must not start or end with a space, found {found_en}",
            ),
        )
    if kind == "not" or kind is None:
        field = path[-1] if path else ""
        if field in ("target", "target_perubahan"):
            return _error(
                path,
                (
                    f"indikator rentang memakai target_min dan target_maks, bukan {field}",
                    f"a rentang indicator takes target_min and target_maks, not {field}",
                ),
            )
        if field in ("target_min", "target_maks"):
            return _error(
                path,
                (
                    "hanya untuk indikator rentang (polaritas: rentang)",
                    "only for rentang indicators (polaritas: rentang)",
                ),
            )
        return _error(path, ("tidak diizinkan di sini", "not allowed here"))
    return _error(path, (f"tidak sah ({kind}), ditemukan {found_id}", f"invalid ({kind}), found {found_en}"))


def _check_semantics(doc: dict[str, Any]) -> Iterator[DataFormatError]:
    """What the schema cannot say, every problem in document order."""
    if not _all_finite(doc):
        for path, number in _numbers(doc, []):
            if not math.isfinite(number):
                yield _error(
                    path,
                    (
                        f"harus angka terhingga, ditemukan {number}",
                        f"must be a finite number, found {number}",
                    ),
                )

    renstra = doc.get("renstra")
    if renstra and renstra["akhir"] < renstra["awal"]:
        yield _error(
            ["renstra", "akhir"],
            (
                f"tidak boleh lebih kecil dari renstra.awal ({renstra['awal']}), "
                f"ditemukan {renstra['akhir']}",
                f"must not be before renstra.awal ({renstra['awal']}), found {renstra['akhir']}",
            ),
        )

    bands = doc.get("pengaturan", {}).get("predikat", [])
    for i, band in enumerate(bands):
        if band["min"] is None and i < len(bands) - 1:
            yield _error(
                ["pengaturan", "predikat", i, "min"],
                ("null hanya boleh di baris terakhir", "null is only allowed in the last band"),
            )
        low, prev = band["min"], bands[i - 1]["min"] if i else None
        if prev is not None and low is not None and low >= prev:
            yield _error(
                ["pengaturan", "predikat", i, "min"],
                (
                    f"harus lebih kecil dari min baris sebelumnya ({prev}), ditemukan {low}",
                    f"must be below the previous band's min ({prev}), found {low}",
                ),
            )

    seen: dict[str, dict[str, list[PathElem]]] = {}

    def unique(kind: str, path: list[PathElem], kode: str) -> DataFormatError | None:
        where = seen.setdefault(kind, {})
        if kode in where:
            first_id, first_en = _path_text(where[kode])
            return _error(
                path + ["kode"],
                (
                    f'kode "{kode}" ganda, sudah dipakai di {first_id}',
                    f'duplicate code "{kode}", already used at {first_en}',
                ),
            )
        where[kode] = path
        return None

    for s, sas in enumerate(doc.get("sasaran", [])):
        dup = unique("sasaran", ["sasaran", s], sas["kode"])
        if dup is not None:
            yield dup
        for i, ind in enumerate(sas.get("indikator", [])):
            ipath: list[PathElem] = ["sasaran", s, "indikator", i]
            dup = unique("indikator", ipath, ind["kode"])
            if dup is not None:
                yield dup
            low, high = ind.get("target_min"), ind.get("target_maks")
            if low is not None and high is not None and low > high:
                yield _error(
                    ipath + ["target_min"],
                    (
                        f"tidak boleh lebih besar dari target_maks ({high}), ditemukan {low}",
                        f"must not exceed target_maks ({high}), found {low}",
                    ),
                )
    kode_sasaran = list(seen.get("sasaran", {}))
    for p, prog in enumerate(doc.get("program", [])):
        dup = unique("program", ["program", p], prog["kode"])
        if dup is not None:
            yield dup
        ref = prog.get("sasaran")
        if ref is not None and ref not in kode_sasaran:
            known = ", ".join(kode_sasaran) or "-"
            yield _error(
                ["program", p, "sasaran"],
                (
                    f'sasaran "{ref}" tidak ada (yang ada: {known})',
                    f'sasaran "{ref}" does not exist (known: {known})',
                ),
            )
        for k, keg in enumerate(prog.get("kegiatan", [])):
            dup = unique("kegiatan", ["program", p, "kegiatan", k], keg["kode"])
            if dup is not None:
                yield dup
            for j, sub in enumerate(keg.get("sub_kegiatan", [])):
                dup = unique("sub_kegiatan", ["program", p, "kegiatan", k, "sub_kegiatan", j], sub["kode"])
                if dup is not None:
                    yield dup


def _all_finite(value: Any) -> bool:
    """No float in a JSON-shaped value is inf or nan (what _numbers finds, without the paths)."""
    for item in value.values() if isinstance(value, dict) else value:
        if isinstance(item, float):
            if not math.isfinite(item):
                return False
        elif isinstance(item, (dict, list)) and not _all_finite(item):
            return False
    return True


def _numbers(value: Any, path: list[PathElem]) -> Iterator[tuple[list[PathElem], float]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _numbers(item, path + [key])
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _numbers(item, path + [i])
    elif isinstance(value, float):
        yield path, value


def _meant_number(text: str) -> float | None:
    """The number a text such as "66,5", "0,5%" or "Rp 1.500.000" was meant to be, in the
    indicator's own unit (so "0,5%" is 0.5, not 0.005)."""

    read = typed_number(text.strip().removesuffix("%"))
    return None if read is None else read[0]


def _found(value: Any) -> tuple[str, str]:
    if value is None:
        return "null", "null"
    if isinstance(value, bool):
        return ("true", "true") if value else ("false", "false")
    if isinstance(value, str):
        text = value if len(value) <= 60 else value[:57] + "..."
        quoted = json.dumps(text, ensure_ascii=False)
        return quoted, quoted
    if isinstance(value, Mapping):
        return "pemetaan", "a mapping"
    if isinstance(value, list):
        return "daftar", "a list"
    return str(value), str(value)


_QUARTERS = ("target_tw", "realisasi_tw", "anggaran_tw")


def _path_text(path: list[PathElem]) -> tuple[str, str]:
    """A path as people find it in the file: records by their kode and 1-based position
    (`sasaran S1 (ke-1) › indikator S1.1 (ke-2) › target`), quarters by name (TW III)."""
    out_id: list[str] = []
    out_en: list[str] = []
    node: Any = _DOC.get()
    parent: PathElem | None = None
    for elem in path:
        if isinstance(elem, int):
            item = node[elem] if isinstance(node, list) and 0 <= elem < len(node) else None
            kode = item.get("kode") if isinstance(item, dict) else None
            if parent in _QUARTERS and 0 <= elem < 4:
                out_id[-1] += f" TW {ROMAN[elem]}"
                out_en[-1] += f" TW {ROMAN[elem]}"
            elif isinstance(kode, str) and kode.strip():
                kode = kode.strip()
                out_id[-1] += f" {kode} (ke-{elem + 1})"
                out_en[-1] += f" {kode} (#{elem + 1})"
            else:
                out_id[-1] += f" ke-{elem + 1}"
                out_en[-1] += f" #{elem + 1}"
            node = item
        else:
            out_id.append(str(elem))
            out_en.append(str(elem))
            node = node.get(elem) if isinstance(node, dict) else None
        parent = elem
    return " › ".join(out_id), " › ".join(out_en)


def _error(path: list[PathElem], messages: tuple[str, str]) -> DataFormatError:
    where_id, where_en = _path_text(path) if path else _ROOT
    return DataFormatError(f"{where_id}: {messages[0]}", f"{where_en}: {messages[1]}")


# --------------------------------------------------------------------------------------------
# Plain data <-> model
# --------------------------------------------------------------------------------------------


def from_dict(data: Any) -> Dokumen:
    """Validate plain data (as yaml.safe_load / json.load give it) and build the model."""
    with paused_gc():
        return _dokumen(validate(data))


def _dokumen(d: dict[str, Any]) -> Dokumen:
    inst = d["instansi"]
    kep = inst.get("kepala") or {}
    ren = d.get("renstra")
    atur = d.get("pengaturan", {})
    default = Pengaturan()
    return Dokumen(
        format=d["format"],
        tahun=int(d["tahun"]),
        instansi=Instansi(
            nama=inst["nama"],
            pemda=inst.get("pemda"),
            kepala=Kepala(**{k: kep.get(k) for k in ("nama", "nip", "jabatan", "pangkat")}),
        ),
        renstra=Renstra(int(ren["awal"]), int(ren["akhir"])) if ren else None,
        pengaturan=Pengaturan(
            rumus_negatif=atur.get("rumus_negatif", default.rumus_negatif),
            batas_capaian=atur.get("batas_capaian", default.batas_capaian),
            predikat=[PredikatBand(b["min"], b["label"]) for b in atur["predikat"]]
            if "predikat" in atur
            else default.predikat,
            metode_efisiensi=atur.get("metode_efisiensi", default.metode_efisiensi),
            nilai_tw=atur.get("nilai_tw", default.nilai_tw),
            kertas=atur.get("kertas", default.kertas),
        ),
        sasaran=[
            Sasaran(
                kode=s["kode"],
                uraian=s["uraian"],
                indikator=[_indikator(i) for i in s.get("indikator", [])],
                **{name: s.get(name) for name in _SASARAN_PLAIN},
            )
            for s in d.get("sasaran", [])
        ],
        program=[
            Program(
                kode=p["kode"],
                uraian=p["uraian"],
                sasaran=p.get("sasaran"),
                kegiatan=[_kegiatan(k) for k in p.get("kegiatan", [])],
            )
            for p in d.get("program", [])
        ],
        narasi=Narasi(**{f.name: (d.get("narasi") or {}).get(f.name)
                         for f in dataclasses.fields(Narasi)}),
        sdm=[SdmBaris(b["kelompok"], b["uraian"], b.get("jumlah")) for b in d.get("sdm", [])],
        extra={"pengukuran": d["pengukuran"]} if "pengukuran" in d else {},
    )


# Indikator fields with a shape of their own in the format; every other field is an optional text
# or number under the model's own name, read and written without naming it here
_SHAPED = frozenset({"kode", "uraian", "polaritas", "target_renstra", "realisasi_lalu", "target_tw",
                     "realisasi_tw", "target", "target_min", "target_maks", "realisasi", "komponen"})
_PLAIN = tuple(f.name for f in dataclasses.fields(Indikator) if f.name not in _SHAPED)
# likewise a sasaran's optional texts (tujuan, the analysis of Bab III)
_SASARAN_PLAIN = tuple(f.name for f in dataclasses.fields(Sasaran)
                       if f.name not in ("kode", "uraian", "indikator"))


def _indikator(i: dict[str, Any]) -> Indikator:
    kom = i.get("komponen")
    return Indikator(
        kode=i["kode"],
        uraian=i["uraian"],
        polaritas=i.get("polaritas", "positif"),
        target_renstra=_years(i.get("target_renstra")),
        target=i.get("target"),
        target_min=i.get("target_min"),
        target_maks=i.get("target_maks"),
        target_tw=_quarters(i.get("target_tw")),
        realisasi_tw=_quarters(i.get("realisasi_tw")),
        realisasi=i.get("realisasi"),
        realisasi_lalu=_years(i.get("realisasi_lalu")),
        komponen=None
        if kom is None
        else Komponen(
            pembilang_uraian=(kom.get("pembilang") or {}).get("uraian"),
            pembilang=(kom.get("pembilang") or {}).get("nilai"),
            penyebut_uraian=(kom.get("penyebut") or {}).get("uraian"),
            penyebut=(kom.get("penyebut") or {}).get("nilai"),
            pengali=kom.get("pengali"),
        ),
        **{name: i.get(name) for name in _PLAIN},
    )


def _kegiatan(k: dict[str, Any]) -> Kegiatan:
    return Kegiatan(
        kode=k["kode"],
        uraian=k["uraian"],
        anggaran=k.get("anggaran"),
        realisasi=k.get("realisasi"),
        anggaran_tw=_quarters(k.get("anggaran_tw")),
        realisasi_tw=_quarters(k.get("realisasi_tw")),
        sub_kegiatan=[
            SubKegiatan(
                kode=s["kode"],
                uraian=s["uraian"],
                anggaran=s.get("anggaran"),
                realisasi=s.get("realisasi"),
                anggaran_tw=_quarters(s.get("anggaran_tw")),
                realisasi_tw=_quarters(s.get("realisasi_tw")),
            )
            for s in k.get("sub_kegiatan", [])
        ],
    )


def _years(m: dict[str, Any] | None) -> dict[int, float | None]:
    return {int(year): value for year, value in (m or {}).items()}


def _quarters(q: list[float | None] | None) -> Quarters:
    return list(q) if q is not None else empty_quarters()


def to_dict(dok: Dokumen) -> dict[str, Any]:
    """The canonical plain form: keys in the spec's order; optional keys that are None or empty
    left out, except the slots a reader fills (indicator target / target_min + target_maks and
    realisasi, kegiatan anggaran and realisasi, program sasaran: null there means "not known" or
    "support program"); quarter lists only when an entry is known; pengaturan always in full;
    year maps sorted; `extra` (pengukuran) last."""
    out: dict[str, Any] = {"format": dok.format, "tahun": dok.tahun}
    instansi: dict[str, Any] = {"nama": dok.instansi.nama}
    _put(instansi, "pemda", dok.instansi.pemda)
    kep = dok.instansi.kepala
    kepala: dict[str, Any] = {}
    for key in ("nama", "nip", "jabatan", "pangkat"):
        _put(kepala, key, getattr(kep, key))
    _put(instansi, "kepala", kepala)
    out["instansi"] = instansi
    if dok.renstra is not None:
        out["renstra"] = {"awal": dok.renstra.awal, "akhir": dok.renstra.akhir}
    atur = dok.pengaturan
    out["pengaturan"] = {
        "rumus_negatif": atur.rumus_negatif,
        "batas_capaian": atur.batas_capaian,
        "predikat": [{"min": b.min, "label": b.label} for b in atur.predikat],
        "metode_efisiensi": atur.metode_efisiensi,
        "nilai_tw": atur.nilai_tw,
        "kertas": atur.kertas,
    }
    out["sasaran"] = [_sasaran_dict(s) for s in dok.sasaran]
    out["program"] = [_program_dict(p) for p in dok.program]
    _put(out, "narasi", {k: v for k, v in dataclasses.asdict(dok.narasi).items() if v is not None})
    _put(out, "sdm", [{"kelompok": b.kelompok, "uraian": b.uraian, "jumlah": b.jumlah}
                      for b in dok.sdm])
    for key, value in dok.extra.items():
        out[key] = copy.deepcopy(value)
    return out


def _put(out: dict[str, Any], key: str, value: Any) -> None:
    if value is not None and value != {} and value != []:
        out[key] = value


def _put_quarters(out: dict[str, Any], key: str, q: Quarters) -> None:
    if any(v is not None for v in q):
        out[key] = list(q)


def _sasaran_dict(s: Sasaran) -> dict[str, Any]:
    out: dict[str, Any] = {"kode": s.kode, "uraian": s.uraian}
    _put(out, "tujuan", s.tujuan)
    _put(out, "indikator", [_indikator_dict(i) for i in s.indikator])
    for name in _SASARAN_PLAIN:
        if name != "tujuan":
            _put(out, name, getattr(s, name))
    return out


def _indikator_dict(i: Indikator) -> dict[str, Any]:
    rentang = i.polaritas == "rentang"
    out: dict[str, Any] = {}
    for f in dataclasses.fields(Indikator):  # the model's order is the format's
        key, value = f.name, getattr(i, f.name)
        if key in ("kode", "uraian", "polaritas", "realisasi"):
            out[key] = value
        elif key in ("target_renstra", "realisasi_lalu"):
            _put(out, key, dict(sorted(value.items())))
        elif key == "target":
            if not rentang or value is not None:
                out[key] = value
        elif key in ("target_min", "target_maks"):
            if rentang or value is not None:
                out[key] = value
        elif key in ("target_tw", "realisasi_tw"):
            _put_quarters(out, key, value)
        elif key != "komponen":
            _put(out, key, value)
    if i.komponen is not None:
        k = i.komponen
        komponen: dict[str, Any] = {}
        for part, uraian, nilai in (
            ("pembilang", k.pembilang_uraian, k.pembilang),
            ("penyebut", k.penyebut_uraian, k.penyebut),
        ):
            bagian: dict[str, Any] = {}
            _put(bagian, "uraian", uraian)
            _put(bagian, "nilai", nilai)
            _put(komponen, part, bagian)
        _put(komponen, "pengali", k.pengali)
        _put(out, "komponen", komponen)
    return out


def _program_dict(p: Program) -> dict[str, Any]:
    out: dict[str, Any] = {"kode": p.kode, "uraian": p.uraian, "sasaran": p.sasaran}
    _put(out, "kegiatan", [_kegiatan_dict(k) for k in p.kegiatan])
    return out


def _kegiatan_dict(k: Kegiatan | SubKegiatan) -> dict[str, Any]:
    out: dict[str, Any] = {
        "kode": k.kode,
        "uraian": k.uraian,
        "anggaran": k.anggaran,
        "realisasi": k.realisasi,
    }
    _put_quarters(out, "anggaran_tw", k.anggaran_tw)
    _put_quarters(out, "realisasi_tw", k.realisasi_tw)
    if isinstance(k, Kegiatan):
        _put(out, "sub_kegiatan", [_kegiatan_dict(s) for s in k.sub_kegiatan])
    return out


# --------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------


class _Dumper(yaml.SafeDumper):
    """Block style, sequences indented under their key, no aliases (&id001) ever."""

    def ignore_aliases(self, data: Any) -> bool:
        return True

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


_FLOW_KEYS = ({"min", "label"}, {"awal", "akhir"}, {"uraian", "nilai"}, {"uraian"}, {"nilai"})
_QUOTE = re.compile(r"[\d\s.,+-]+")  # "19610804 198603 1 019" is a NIP, not a number: quote it


def _scalar(value: Any) -> bool:
    return not isinstance(value, (dict, list))


def _represent_list(dumper: yaml.SafeDumper, data: list[Any]) -> yaml.Node:
    flow = bool(data) and all(_scalar(v) for v in data)  # quarter lists: [null, null, null, 66]
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


def _represent_dict(dumper: yaml.SafeDumper, data: dict[Any, Any]) -> yaml.Node:
    # year maps {2017: 60, ...}, predikat bands, renstra and komponen parts on one line
    flow = (
        bool(data)
        and all(_scalar(v) for v in data.values())
        and (all(isinstance(k, int) for k in data) or set(data) in _FLOW_KEYS)
    )
    return dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=flow)


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    style = '"' if _QUOTE.fullmatch(data) else "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(list, _represent_list)
_Dumper.add_representer(dict, _represent_dict)
_Dumper.add_representer(str, _represent_str)


def _pyyaml(data: Any) -> str:
    """The canonical YAML by PyYAML's own emitter (the reference `yaml_emit` is held to)."""
    return yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=4096,
        indent=2,
    )


_ENTRY = re.compile(r"^k\d+:", re.M)


def _render_scalars(values: list[Any], flow: bool) -> list[str]:
    """PyYAML's text of each scalar as a mapping's value (lines after the first indented from
    0) or as an item of a flow list, in one call: the entries of one mapping, each of whose
    lines after the first is indented, so every line starting "kN:" starts an entry."""
    text = _pyyaml({f"k{n}": [v] if flow else v for n, v in enumerate(values)})
    starts = [m.start() for m in _ENTRY.finditer(text)] + [len(text)]
    out = []
    for n, (a, b) in enumerate(zip(starts, starts[1:])):
        entry = text[a + len(f"k{n}: "):b - 1]  # without the key and the final newline
        out.append(entry[1:-1] if flow else entry)
    if len(out) != len(values):
        raise AssertionError("YAML rendering lost its entries")
    return out


def _dump_data(data: dict[str, Any]) -> str:
    try:
        return Emitter(_render_scalars, _FLOW_KEYS, _QUOTE).emit(data)
    except Unsupported:  # a shape the canonical form never has
        return _pyyaml(data)


def dumps(dok: Dokumen, fmt: str = "yaml") -> str:
    """The canonical document as YAML (unicode kept, block style) or JSON (indented)."""
    data = to_dict(dok)
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    if fmt == "yaml":
        return _dump_data(data)
    raise UsageError(
        f"format data tidak dikenal: {fmt} (yaml, json)", f"unknown data format: {fmt} (yaml, json)"
    )


def dump(dok: Dokumen, target: str | os.PathLike[str] | IO[str], fmt: str | None = None) -> None:
    """Write the canonical document to a path or a text stream. `fmt` None: JSON for a .json
    path, YAML otherwise."""
    if hasattr(target, "write"):
        target.write(dumps(dok, fmt or "yaml"))
        return
    path = Path(target)  # type: ignore[arg-type]
    fmt = fmt or ("json" if path.suffix.lower() == ".json" else "yaml")
    text = dumps(dok, fmt)
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise OutputError(
            f"tidak dapat menulis {path} ({reason})", f"cannot write {path} ({reason})"
        ) from None
