"""Validation: plain data checked against the format's JSON Schema (a compiled yes/no check
first, jsonschema to find and name the problems), then what a schema cannot say (unique codes,
references, ranges, finite numbers). Every problem of the failing stage is raised at once."""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Mapping
from functools import lru_cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from lkjip_xl.core.errors import DataFormatError, UnsafeFileError
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

    seen: dict[str, dict[str, list[PathElem]]] = {}

    def unique(kind: str, path: list[PathElem], kode: str) -> DataFormatError | None:
        where = seen.setdefault(kind, {})
        if kode in where:
            first_id, first_en = path_text(where[kode])
            return error(
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
                yield error(
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
            yield error(
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


