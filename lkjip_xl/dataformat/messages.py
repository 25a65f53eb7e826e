"""Validation's messages: a jsonschema error, or a check the schema cannot express, as one line
in Bahasa Indonesia and one in English that names the place the way people find it in the file
(`sasaran S1 (ke-1) › indikator S1.1 (ke-2) › target: harus angka, ditemukan "0,5%"`)."""

from __future__ import annotations

import contextvars
import json
from collections.abc import Mapping
from typing import Any

from jsonschema.exceptions import ValidationError

from lkjip_xl.core.domain.triwulan import ROMAN
from lkjip_xl.core.errors import DataFormatError
from lkjip_xl.core.number_text import typed_number
from lkjip_xl.dataformat.codecs import QUARTERS
from lkjip_xl.dataformat.limits import MAX_PROBLEMS
from lkjip_xl.dataformat.shape import keys, records

PathElem = str | int

_ROOT = ("(dokumen)", "(document)")
# the document validation is checking: paths name its records by kode
DOC: contextvars.ContextVar[Any] = contextvars.ContextVar("lkjip_xl_dataformat_doc", default=None)


def literal(value: float) -> str:
    """A number as the data file writes it (YAML and JSON: a decimal point, no grouping, in
    either language, every digit; `:g` printed 1463523490 as 1.46352e+09)."""
    return str(int(value)) if float(value).is_integer() and abs(value) < 1e15 else repr(value)



def error_place(err: ValidationError) -> tuple[PathElem, ...]:
    """The record an error belongs to: errors about the keys of one mapping share a place."""
    path = tuple(err.absolute_path)
    if err.validator in ("required", "additionalProperties"):
        return path + ("{keys}",)
    return path

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


def error_rank(err: ValidationError, doc: Any) -> tuple[tuple[int, ...], int]:
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


def translate(err: ValidationError, doc: Any) -> DataFormatError:
    path: list[PathElem] = list(err.absolute_path)
    kind, value, inst = err.validator, err.validator_value, err.instance
    found_id, found_en = _found(inst)

    if kind == "additionalProperties":
        known = err.schema.get("properties", {}) if isinstance(err.schema, dict) else {}
        unknown = [error(path + [k], ("kunci tidak dikenal", "unknown key"))
                   for k in inst if k not in known]
        return DataFormatError.combine(unknown, MAX_PROBLEMS)
    if kind == "required":
        missing = next(k for k in value if k not in inst)
        return error(path + [missing], ("kunci wajib tidak ada", "required key missing"))
    if kind == "type":
        types = [value] if isinstance(value, str) else list(value)
        names = [_TYPE_NAMES[t] for t in types if t != "null"] or [_TYPE_NAMES["null"]]
        want_id = " atau ".join(n[0] for n in names)
        want_en = " or ".join(n[1] for n in names)
        if "string" in types and isinstance(inst, (int, float)) and not isinstance(inst, bool):
            return error(
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
                hint_id, hint_en = f"; tulis {literal(meant)}", f"; write {literal(meant)}"
        return error(
            path,
            (f"harus {want_id}, ditemukan {found_id}{hint_id}",
             f"must be {want_en}, found {found_en}{hint_en}"),
        )
    if kind == "enum":
        allowed = ", ".join(str(v) for v in value if v is not None)
        return error(
            path,
            (
                f"harus salah satu dari {allowed}; ditemukan {found_id}",
                f"must be one of {allowed}; found {found_en}",
            ),
        )
    if kind == "const":
        want = json.dumps(value, ensure_ascii=False)
        return error(path, (f"harus {want}, ditemukan {found_id}", f"must be {want}, found {found_en}"))
    if kind in ("minItems", "maxItems"):
        if err.schema.get("minItems") == err.schema.get("maxItems") == 4:
            return error(
                path,
                (
                    f"harus tepat 4 nilai (TW I-TW IV), ditemukan {len(inst)}",
                    f"must have exactly 4 entries (TW I-TW IV), found {len(inst)}",
                ),
            )
        if kind == "minItems":
            return error(
                path,
                (
                    f"harus berisi paling sedikit {value} isi, ditemukan {len(inst)}",
                    f"must have at least {value} entries, found {len(inst)}",
                ),
            )
        return error(
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
        return error(
            path,
            (
                f"harus {words[0]} {value}, ditemukan {found_id}",
                f"must be {words[1]} {value}, found {found_en}",
            ),
        )
    if kind == "minLength":
        return error(path, ("tidak boleh kosong", "must not be empty"))
    if kind == "pattern":
        if "propertyNames" in err.schema_path:
            return error(
                path + [str(inst)], ("kunci harus tahun (4 angka)", "key must be a year (4 digits)")
            )
        return error(
            path,
            (
                f"kode tidak boleh diawali atau diakhiri spasi, ditemukan {found_id}",
                f"a code must not start or end with a space, found {found_en}",
            ),
        )
    if kind == "not" or kind is None:
        field = path[-1] if path else ""
        if field in ("target", "target_perubahan"):
            return error(
                path,
                (
                    f"indikator rentang memakai target_min dan target_maks, bukan {field}",
                    f"a rentang indicator takes target_min and target_maks, not {field}",
                ),
            )
        if field in ("target_min", "target_maks"):
            return error(
                path,
                (
                    "hanya untuk indikator rentang (polaritas: rentang)",
                    "only for rentang indicators (polaritas: rentang)",
                ),
            )
        return error(path, ("tidak diizinkan di sini", "not allowed here"))
    return error(path, (f"tidak sah ({kind}), ditemukan {found_id}", f"invalid ({kind}), found {found_en}"))


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


# the quarter lists, named TW I..TW IV in a path: every field the quarters codec carries
_QUARTERS = frozenset(k.name for cls in records() for k in keys(cls) if k.codec is QUARTERS)


def path_text(path: list[PathElem]) -> tuple[str, str]:
    """A path as people find it in the file: records by their kode and 1-based position
    (`sasaran S1 (ke-1) › indikator S1.1 (ke-2) › target`), quarters by name (TW III)."""
    out_id: list[str] = []
    out_en: list[str] = []
    node: Any = DOC.get()
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


def error(path: list[PathElem], messages: tuple[str, str]) -> DataFormatError:
    where_id, where_en = path_text(path) if path else _ROOT
    return DataFormatError(f"{where_id}: {messages[0]}", f"{where_en}: {messages[1]}")

