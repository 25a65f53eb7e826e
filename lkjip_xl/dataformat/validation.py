"""Validation: plain data checked against the format's JSON Schema (a compiled yes/no check
first, jsonschema to find and name the problems), then what a schema cannot say (unique codes,
references, ranges, finite numbers). Every problem of the failing stage is raised at once."""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from lkjip_xl.core.errors import DataFormatError, UnsafeFileError
from lkjip_xl.core.model import Dokumen, Indikator, IndikatorProgram
from lkjip_xl.dataformat.declared import def_names, holders, references
from lkjip_xl.dataformat.limits import MAX_DEPTH, MAX_NODES, MAX_PROBLEMS
from lkjip_xl.dataformat.messages import (
    DOC,
    PathElem,
    error,
    error_place,
    error_rank,
    path_text,
    translate,
)
from lkjip_xl.dataformat.schema_check import Check, UnsupportedSchema, compile_schema
from lkjip_xl.dataformat.shape import keys
from lkjip_xl.xlsx.gc_pause import paused_gc

SCHEMA_RESOURCE = "data/lkjip-xl-1.schema.json"

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
def fast_check() -> Check | None:
    """The schema compiled to a yes/no check (schema_check), or None if it cannot be compiled."""
    try:
        return compile_schema(schema())
    except UnsupportedSchema:
        return None


def _schema_valid(doc: Any) -> bool:
    """True when the document certainly passes the schema. False means "ask jsonschema": it
    finds and names the errors (and remains the reference when the fast check is unavailable)."""
    check = fast_check()
    if check is None:
        return False
    try:
        return check(doc)
    except Exception:  # e.g. a comparison Python refuses: let jsonschema handle the value
        return False



def validate(data: Any) -> dict[str, Any]:
    """Check plain data against the format; return it JSON-shaped (every key a string).

    Raises DataFormatError naming the first problem in document order."""
    if data is None:
        raise error([], ("dokumen kosong", "empty document"))
    with paused_gc():
        try:
            doc = json_copy(data, 0, [MAX_NODES - 1])
        except Irregular:
            doc = json_shaped(data, [], 0, [0])  # names the problem
        token = DOC.set(doc)
        try:
            problems: list[DataFormatError] = []
            if not _schema_valid(doc):
                # the best-ranked error per place (an unknown key explains the missing one
                # beside it), every place in document order
                best: dict[tuple[PathElem, ...], ValidationError] = {}
                for e in _validator().iter_errors(doc):
                    here = error_place(e)
                    if here not in best or error_rank(e, doc) < error_rank(best[here], doc):
                        best[here] = e
                ranked = sorted(best.values(), key=lambda e: error_rank(e, doc))
                problems = [translate(e, doc) for e in ranked]
            if not problems:  # the semantics assume a document of the schema's shape
                problems = list(_check_semantics(doc))
            if problems:
                raise DataFormatError.combine(problems, MAX_PROBLEMS)
        finally:
            DOC.reset(token)
    return doc  # type: ignore[no-any-return]




class Irregular(Exception):
    """json_copy met a problem: json_shaped walks the data again to name it."""


_PLAIN_TYPES = frozenset({str, float, int, bool, type(None)})


def json_copy(value: Any, depth: int, budget: list[int]) -> Any:
    """json_shaped without the path bookkeeping: the same copy, or Irregular wherever
    json_shaped raises (too many values, too deep, two keys with the same text). `budget` is
    how many more values may follow; `value` itself is already counted."""
    if isinstance(value, Mapping):
        size = len(value)
    elif isinstance(value, list):
        size = len(value)
    else:
        return value
    budget[0] -= size
    if budget[0] < 0 or (size and depth >= MAX_DEPTH):
        raise Irregular
    plain = _PLAIN_TYPES
    if isinstance(value, list):
        return [item if type(item) in plain else json_copy(item, depth + 1, budget) for item in value]
    out: dict[str, Any] = {}
    for key, item in value.items():
        out[key if isinstance(key, str) else _key_text(key)] = (
            item if type(item) in plain else json_copy(item, depth + 1, budget)
        )
    if len(out) != size:
        raise Irregular  # a repeated key text, e.g. 2019 and "2019"
    return out


def json_shaped(value: Any, path: list[PathElem], depth: int, count: list[int]) -> Any:
    """A copy with string keys (YAML year keys are integers; JSON keys are strings), guarding
    against alias bombs and recursive aliases."""
    count[0] += 1
    if count[0] > MAX_NODES:
        raise UnsafeFileError(
            f"dokumen terlalu besar: lebih dari {MAX_NODES:_} nilai (alias YAML berlapis?)".replace("_", "."),
            f"document too large: more than {MAX_NODES:,} values (nested YAML aliases?)",
        )
    if depth > MAX_DEPTH:
        raise error(
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
                raise error(path + [skey], ("kunci ganda", "duplicate key"))
            out[skey] = json_shaped(item, path + [skey], depth + 1, count)
        return out
    if isinstance(value, list):
        return [json_shaped(item, path + [i], depth + 1, count) for i, item in enumerate(value)]
    return value


def _key_text(key: Any) -> str:
    if key is None:
        return "null"
    if isinstance(key, bool):
        return "true" if key else "false"
    return str(key)



def _check_semantics(doc: dict[str, Any]) -> Iterator[DataFormatError]:
    """What the schema cannot say, every problem in document order."""
    if not all_finite(doc):
        for path, number in numbers(doc, []):
            if not math.isfinite(number):
                yield error(
                    path,
                    (
                        f"harus angka terhingga, ditemukan {number}",
                        f"must be a finite number, found {number}",
                    ),
                )

    renstra = doc.get("renstra")
    if renstra and renstra["akhir"] < renstra["awal"]:
        yield error(
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
            yield error(
                ["pengaturan", "predikat", i, "min"],
                ("null hanya boleh di baris terakhir", "null is only allowed in the last band"),
            )
        low, prev = band["min"], bands[i - 1]["min"] if i else None
        if prev is not None and low is not None and low >= prev:
            yield error(
                ["pengaturan", "predikat", i, "min"],
                (
                    f"harus lebih kecil dari min baris sebelumnya ({prev}), ditemukan {low}",
                    f"must be below the previous band's min ({prev}), found {low}",
                ),
            )

    codes = _first_codes(doc)
    yield from _records(doc, Dokumen, [], codes)


# the ranges of an indicator: the lower bound may not exceed the upper
RANGES: dict[type, tuple[str, str]] = {Indikator: ("target_min", "target_maks"),
                                       IndikatorProgram: ("target_min", "target_maks")}
Scope = type | tuple[PathElem, ...]  # a record class, or one list of a class held by several
Codes = dict[Scope, dict[str, list[PathElem]]]  # per scope: kode -> where it first appears


@dataclass(frozen=True)
class _Plan:
    """What the checks visit in one record class, in the order of its keys."""

    refs: tuple[tuple[str, type], ...]  # (field, the record class whose kode it names)
    nested: tuple[tuple[str, type, bool], ...]  # (field, record class, a list of them)
    low_high: tuple[str, str] | None


@cache
def _plan(cls: type) -> _Plan:
    ks = keys(cls)
    return _Plan(
        refs=tuple((k.name, references()[(cls, k.name)]) for k in ks
                   if (cls, k.name) in references()),
        nested=tuple((k.name, k.records or k.record, k.records is not None)  # type: ignore[misc]
                     for k in ks if k.records is not None or k.record is not None),
        low_high=RANGES.get(cls),
    )


def _nested(d: dict[str, Any], cls: type, path: list[PathElem]
            ) -> Iterator[tuple[type, dict[str, Any], list[PathElem]]]:
    """The records inside a record, in document order: (class, data, path)."""
    for name, sub, many in _plan(cls).nested:
        value = d.get(name)
        if many and isinstance(value, list):
            for i, item in enumerate(value):
                yield sub, item, path + [name, i]
        elif not many and isinstance(value, dict):
            yield sub, value, path + [name]


def _first_codes(doc: dict[str, Any]) -> Codes:
    """Every record's kode and where it first appears, per scope (`_scope`)."""
    out: Codes = {}

    def walk(d: dict[str, Any], cls: type, path: list[PathElem]) -> None:
        if "kode" in d:
            out.setdefault(_scope(cls, path), {}).setdefault(d["kode"], path)
        for sub, item, at in _nested(d, cls, path):
            walk(item, sub, at)

    walk(doc, Dokumen, [])
    return out


def _scope(cls: type, path: list[PathElem]) -> Scope:
    """Where a record's kode must be unique: among all records of its class when one list holds
    the class (sasaran, their indicators, programmes; a sasaran and a programme may share a code);
    within its own list when several do (an indicator below sasaran: the workbook names it by
    its owner's codes and its own, so programmes P1 and P2 may each have an indicator 1)."""
    return cls if len(holders().get(cls, ())) < 2 else tuple(path[:-1])


def _records(d: dict[str, Any], cls: type, path: list[PathElem], codes: Codes
             ) -> Iterator[DataFormatError]:
    """A record's duplicate kode, unknown references and reversed ranges, then its records'."""
    kode = d.get("kode")
    scope = _scope(cls, path)
    if kode is not None and codes[scope][kode] != path:
        first_id, first_en = path_text(codes[scope][kode])
        yield error(path + ["kode"], (f'kode "{kode}" ganda, sudah dipakai di {first_id}',
                                      f'duplicate code "{kode}", already used at {first_en}'))
    plan = _plan(cls)
    for name, target in plan.refs:
        ref = d.get(name)
        if ref is not None and ref not in codes.get(target, {}):
            kind = def_names()[target]
            known = ", ".join(codes.get(target, {})) or "-"
            yield error(path + [name], (f'{kind} "{ref}" tidak ada (yang ada: {known})',
                                        f'{kind} "{ref}" does not exist (known: {known})'))
    if plan.low_high is not None:
        (lo, hi) = plan.low_high
        low, high = d.get(lo), d.get(hi)
        if low is not None and high is not None and low > high:
            yield error(path + [lo], (f"tidak boleh lebih besar dari {hi} ({high}), ditemukan {low}",
                                      f"must not exceed {hi} ({high}), found {low}"))
    for sub, item, at in _nested(d, cls, path):
        yield from _records(item, sub, at, codes)


def all_finite(value: Any) -> bool:
    """No float in a JSON-shaped value is inf or nan (what numbers finds, without the paths)."""
    for item in value.values() if isinstance(value, dict) else value:
        if isinstance(item, float):
            if not math.isfinite(item):
                return False
        elif isinstance(item, (dict, list)) and not all_finite(item):
            return False
    return True


def numbers(value: Any, path: list[PathElem]) -> Iterator[tuple[list[PathElem], float]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from numbers(item, path + [key])
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from numbers(item, path + [i])
    elif isinstance(value, float):
        yield path, value


