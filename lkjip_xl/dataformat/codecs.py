"""The format's shaped values: the only model values not written as the model holds them.

Every other field travels under its own name, as its own value (`shape.py` derives them). A codec
says how one kind of value is read, written and declared in the JSON Schema; it is chosen by the
field's type, so a new quarter list or year map on any record needs no edit here.
"""

from __future__ import annotations

import copy
from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any

from lkjip_xl.core.model import Komponen, Quarters, empty_quarters


@dataclass(frozen=True)
class Codec(ABC):
    """How one shaped kind of value is read (`decode`), written (`encode`: None, {} or []
    leave the key out) and declared (`schema`, a fragment of the JSON Schema)."""

    name: str

    @abstractmethod
    def decode(self, value: Any) -> Any: ...

    @abstractmethod
    def encode(self, value: Any) -> Any: ...

    def schema(self) -> dict[str, Any]:
        return {"$ref": f"#/$defs/{self.name}"}


class _Quarters(Codec):
    """TW I..TW IV: always four entries in the model; written only when one is known."""

    def decode(self, value: Any) -> Quarters:
        return list(value) if value is not None else empty_quarters()

    def encode(self, value: Quarters) -> list[float | None] | None:
        return list(value) if any(v is not None for v in value) else None


class _Years(Codec):
    """Year -> value: integer keys in the model and in YAML, string keys in JSON; sorted."""

    def decode(self, value: Any) -> dict[int, float | None]:
        return {int(year): v for year, v in (value or {}).items()}

    def encode(self, value: dict[int, float | None]) -> dict[int, float | None]:
        return dict(sorted(value.items()))


# Komponen's parts: the model is flat (pembilang_uraian, pembilang), the format nests each part
# as {uraian, nilai}; the field names pair up by their prefix
_PARTS = ("pembilang", "penyebut")


class _Komponen(Codec):
    """pembilang / penyebut x pengali, each part `{uraian, nilai}` in the format."""

    def decode(self, value: Any) -> Komponen | None:
        if value is None:
            return None
        out = Komponen(pengali=value.get("pengali"))
        for part in _PARTS:
            bagian = value.get(part) or {}
            setattr(out, f"{part}_uraian", bagian.get("uraian"))
            setattr(out, part, bagian.get("nilai"))
        return out

    def encode(self, value: Komponen | None) -> dict[str, Any] | None:
        if value is None:
            return None
        out: dict[str, Any] = {}
        for part in _PARTS:
            bagian = {k: v for k, v in (("uraian", getattr(value, f"{part}_uraian")),
                                        ("nilai", getattr(value, part))) if v is not None}
            if bagian:
                out[part] = bagian
        if value.pengali is not None:
            out["pengali"] = value.pengali
        return out

    def schema(self) -> dict[str, Any]:
        return {
            "description": "Raw numbers the realisation is computed from: pembilang / penyebut x pengali.",
            "type": ["object", "null"],
            "additionalProperties": False,
            "properties": {
                **{part: {"$ref": "#/$defs/komponen_bagian"} for part in _PARTS},
                "pengali": {"$ref": "#/$defs/angka_opsional"},
            },
        }

    @staticmethod
    def paths() -> dict[str, str]:
        """Each Komponen field's place in the format (for the test that every field is there)."""
        out = {"pengali": "pengali"}
        for part in _PARTS:
            out[f"{part}_uraian"] = f"{part}.uraian"
            out[part] = f"{part}.nilai"
        return out


class _Extra(Codec):
    """Dokumen.extra: sections beside the document's own keys (`pengukuran` on export), kept
    as they are and written last."""

    def decode(self, value: Any) -> dict[str, Any]:
        return dict(value)

    def encode(self, value: dict[str, Any]) -> dict[str, Any]:
        return {key: copy.deepcopy(item) for key, item in value.items()}

    def schema(self) -> dict[str, Any]:
        return {"pengukuran": {"$ref": "#/$defs/pengukuran"}}


QUARTERS = _Quarters("triwulan")
YEARS = _Years("peta_tahun")
KOMPONEN = _Komponen("komponen")
EXTRA = _Extra("extra")

# by the field's type, None left out of a union: the model's aliases are the format's shapes
BY_TYPE: dict[Any, Codec] = {
    Quarters: QUARTERS,
    dict[int, float | None]: YEARS,
    Komponen: KOMPONEN,
    dict[str, Any]: EXTRA,
}
