"""The JSON Schema is generated from the model and the layout (lkjip_xl.dataformat.json_schema):
the committed copy is the generator's output, every model field is in it, and every document the
last hand-written schema accepted (kept in tests/data) is still accepted."""

from __future__ import annotations

import dataclasses
import json
import typing
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from lkjip_xl.core import model
from lkjip_xl.core.model import Dokumen, Komponen
from lkjip_xl.dataformat import json_schema, schema, to_dict
from lkjip_xl.dataformat.codecs import KOMPONEN
from lkjip_xl.dataformat.declared import references, table_records
from lkjip_xl.dataformat.validation import SCHEMA_RESOURCE
from tests.docgen import build
from tests.test_schema_check import BASES, edge_mutants, mutants

ROOT = Path(__file__).resolve().parent.parent
COMMITTED = ROOT / "lkjip_xl" / SCHEMA_RESOURCE
HANDWRITTEN = ROOT / "tests" / "data" / "lkjip-xl-1.handwritten.schema.json"


def test_the_committed_schema_is_the_generated_one() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == json_schema.text(), (
        "the model or the layout changed: regenerate with "
        "python -m lkjip_xl.dataformat.json_schema lkjip_xl/data/lkjip-xl-1.schema.json")


def test_the_generated_schema_is_valid_draft_2020_12() -> None:
    Draft202012Validator.check_schema(json_schema.generate())


def _resolve(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = schema()["$defs"][node["$ref"].removeprefix("#/$defs/")]
    return node


def _model_classes(cls: type, at: dict[str, Any], out: list[tuple[type, str, dict[str, Any]]]) -> None:
    """Every (class, field, the field's schema), walking the dataclasses from Dokumen."""
    hints = typing.get_type_hints(cls, vars(model))
    props = _resolve(at)["properties"]
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if cls is Dokumen and f.name == "extra":
            out.append((cls, "pengukuran", props["pengukuran"]))  # extra's sections
            continue
        if cls is Komponen:
            part, _, leaf = KOMPONEN.paths()[f.name].partition(".")
            node = props[part]
            out.append((cls, f.name, _resolve(node)["properties"][leaf] if leaf else node))
            continue
        assert f.name in props, f"{cls.__name__}.{f.name} is not in the JSON Schema"
        out.append((cls, f.name, props[f.name]))
        tp = hints[f.name]
        for inner in (tp, *typing.get_args(tp)):
            if isinstance(inner, type) and dataclasses.is_dataclass(inner):
                node = _resolve(props[f.name])
                _model_classes(inner, node.get("items", node), out)


def test_every_model_field_is_in_the_json_schema() -> None:
    found: list[tuple[type, str, dict[str, Any]]] = []
    _model_classes(Dokumen, schema(), found)
    classes = {cls for cls, _, _ in found}
    assert {model.Indikator, model.SubKegiatan, Komponen, model.PredikatBand,
            model.SdmBaris, model.Narasi, model.Kepala} <= classes
    assert len(found) >= 80


def _documents() -> list[Any]:
    docs = list(BASES)
    docs += [to_dict(build(seed)) for seed in range(24)]
    docs += list(mutants(300)) + list(edge_mutants())
    return docs


def _as_before(doc: Any) -> Any:
    """The document as the hand-written schema's time wrote it: without the settings added since,
    at their default (the canonical form writes every setting; absent means the default)."""
    settings = doc.get("pengaturan") if isinstance(doc, dict) else None
    if not isinstance(settings, dict) or settings.get("nomenklatur") != "bebas" or (
            settings.get("e81_kolom_12a", True) is not True):
        return doc
    return {**doc, "pengaturan": {k: v for k, v in settings.items()
                                  if k not in ("nomenklatur", "e81_kolom_12a")}}


def test_every_document_the_hand_written_schema_accepted_is_accepted() -> None:
    before = Draft202012Validator(json.loads(HANDWRITTEN.read_text(encoding="utf-8")))
    now = Draft202012Validator(schema())
    accepted = 0
    for doc in map(_as_before, _documents()):
        if before.is_valid(doc):
            accepted += 1
            assert now.is_valid(doc), str(doc)[:500]
    assert accepted > 50  # the samples, the generated documents, the mutations that stay valid


def test_the_format_limits_are_in_the_generated_schema() -> None:
    found: list[tuple[type, str, dict[str, Any]]] = []
    _model_classes(Dokumen, schema(), found)
    where = {f"{cls.__name__}.{name}": node for cls, name, node in found}
    assert "Pengaturan.batas_capaian" in json_schema.LIMITS
    for path, limit in json_schema.LIMITS.items():
        assert limit.items() <= where[path].items(), path


def test_the_layout_says_which_records_a_table_holds_and_what_they_reference() -> None:
    """Validation's reference check and the schema's choices read these from the layout."""
    rows = table_records()
    assert rows["SS"] == [model.Sasaran] and rows["PG"] == [model.Program]
    assert rows["IK"] == rows["PK"] == rows["RA"] == rows["RK"] == [model.Indikator]
    assert rows["KG"] == [model.Kegiatan, model.SubKegiatan]
    assert rows["SDM"] == [model.SdmBaris] and rows["PR"] == [model.PredikatBand]
    assert references() == {(model.Program, "sasaran"): model.Sasaran}
