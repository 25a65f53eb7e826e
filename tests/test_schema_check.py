"""The compiled schema checker (lkjip_xl.dataformat.schema_check) says "valid" exactly when jsonschema does.

Differential: the bundled samples and templates, then hundreds of seeded random mutations of them
(wrong types, bools for numbers, 1.0 for integers, missing and unknown keys, enum values, NaN,
empty strings, codes with spaces, wrong quarter lengths, year keys that are not 4 digits, rentang
rules), each checked by both. Weakened schemas show the mutations reach every rule.
"""

from __future__ import annotations

import copy
import functools
import json
import random
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

from lkjip_xl import dataformat as df
from lkjip_xl.core.errors import DataFormatError
from lkjip_xl.dataformat import validation
from lkjip_xl.dataformat.schema_check import UnsupportedSchema, compile_schema, json_equal

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_FILES = sorted((ROOT / "samples").glob("*.yaml"))
TEMPLATE_FILES = sorted((ROOT / "workbook_templates").glob("*.yaml")) + sorted(
    (ROOT / "lkjip_xl" / "templates").glob("*.yaml")
)
SCHEMA = df.schema()
REFERENCE = Draft202012Validator(SCHEMA)
FAST = compile_schema(SCHEMA)
MUTANTS = 400


def raw(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def shaped(data: Any) -> Any:
    return validation.json_shaped(data, [], 0, [0])


def full_document() -> dict[str, Any]:
    """A sample with every optional part: a rentang indicator, komponen, renstra, pengukuran."""
    doc = shaped(raw(ROOT / "samples" / "synthetic_rules.yaml"))
    indikator = doc["sasaran"][0]["indikator"]
    indikator[0]["komponen"] = {
        "pembilang": {"uraian": "a", "nilai": 1},
        "penyebut": {"uraian": "b", "nilai": 2},
        "pengali": 100,
    }
    indikator[0].update(target_perubahan=5, alasan_perubahan="revisi", standar_nasional=3)
    indikator.append(
        {"kode": "S1.9", "uraian": "rentang", "polaritas": "rentang", "target_min": 1, "target_maks": 2}
    )
    doc["pengukuran"] = {"indikator": {"S1.1": {"capaian": 101.6}}, "total": {"a": 1}, "metode": {}}
    doc["renstra"] = {"awal": 2021, "akhir": 2026}
    return doc


def base_documents() -> list[Any]:
    docs: list[Any] = []
    for path in SAMPLE_FILES:
        docs += [raw(path), shaped(raw(path))]  # YAML has integer year keys, JSON string ones
    docs.append(full_document())
    docs += [raw(path) for path in TEMPLATE_FILES]  # not documents: all invalid
    return docs


BASES = base_documents()


def agree(doc: Any) -> bool:
    expected = REFERENCE.is_valid(doc)
    assert FAST(doc) is expected, json.dumps(doc, default=repr)[:2000]
    return expected


# ---------------------------------------------------------------------------------------------
# The bundled documents


def test_the_project_schema_compiles() -> None:
    assert validation.fast_check() is not None


@pytest.mark.parametrize("index", range(len(BASES)))
def test_bundled_documents_agree(index: int) -> None:
    agree(BASES[index])


def test_samples_valid_templates_not() -> None:
    assert all(FAST(raw(p)) for p in SAMPLE_FILES)
    assert FAST(full_document())
    assert TEMPLATE_FILES and not any(FAST(raw(p)) for p in TEMPLATE_FILES)


# ---------------------------------------------------------------------------------------------
# Seeded random mutations


def _property_names(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        yield from node.get("properties", {}) if isinstance(node.get("properties"), dict) else ()
        for value in node.values():
            yield from _property_names(value)
    elif isinstance(node, list):
        for value in node:
            yield from _property_names(value)


KEYS = sorted(set(_property_names(SCHEMA))) + ["unknown", "kode ", "Kode", "2019", "", "targte"]
NAN, INF = float("nan"), float("inf")
VALUES: list[Any] = [
    None, True, False, 0, 1, -1, 1.0, 0.5, -0.0, 2019, 2019.0, 2019.5, 1899, 1900, 2999, 3000, 10**30,
    NAN, INF, -INF, "", " ", "x", " x", "x ", "a b", "x\n", "\n", "S1", "S1.1", "P1",
    "lkjip-xl/1", "lkjip-xl/2", "rentang", "positif", "negatif", "kumulatif", "akhir", "rata_rata",
    "lan", "invers", "selisih", "hemat", "rasio", "biaya_per_unit", "per_triwulan", "2019", "66",
    [], [None, None, None, None], [1, 2, 3, 4], [1, 2, 3], [1, 2, 3, 4, 5], [1, "2", 3, 4],
    [True, 1, 2, 3], [1.0, None, 2.5, NAN], [{}], ["S1"],
    {}, {"2019": 1}, {"2019": "1"}, {"19": 1}, {2019: 1.5}, {"nilai": 1}, {"uraian": "x", "nilai": None},
    {"min": None, "label": "x"}, {"min": 1, "label": ""}, {"awal": 2019, "akhir": 2024},
    {"nama": "x"}, {"kode": "X", "uraian": "y"}, {"kode": "X"},
]
YEAR_KEYS: list[Any] = ["201", "20190", "abcd", " 2019", "2019 ", "2019\n", "\u0662\u0660\u0661\u0669", 2019,
                        "0000", "9999", ""]


def _slots(node: Any) -> Iterator[tuple[Any, Any]]:
    """(container, key) for every value below `node`."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield node, key
            yield from _slots(value)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield node, index
            yield from _slots(value)


def _containers(node: Any, kind: type) -> list[Any]:
    found = [node] if isinstance(node, kind) else []
    return found + [c[k] for c, k in _slots(node) if isinstance(c[k], kind)]


def _indicators(doc: Any) -> list[dict[str, Any]]:
    return [d for d in _containers(doc, dict) if "uraian" in d and ("polaritas" in d or "target" in d)]


def _pick(rng: random.Random, doc: Any, kind: type | tuple[type, ...] = object) -> tuple[Any, Any] | None:
    """A slot holding a `kind`, the key's name chosen first (so that `tahun` is as likely as the
    hundreds of `uraian`)."""
    groups: dict[str, list[tuple[Any, Any]]] = {}
    for container, key in _slots(doc):
        if isinstance(container[key], kind):
            groups.setdefault(str(key) if isinstance(container, dict) else "[]", []).append((container, key))
    return rng.choice(groups[rng.choice(sorted(groups))]) if groups else None


def _replace(rng: random.Random, doc: Any) -> None:
    slot = _pick(rng, doc)
    if slot:
        slot[0][slot[1]] = copy.deepcopy(rng.choice(VALUES))


def _delete(rng: random.Random, doc: Any) -> None:
    slot = _pick(rng, doc)
    if slot:
        del slot[0][slot[1]]


def _add_key(rng: random.Random, doc: Any) -> None:
    rng.choice(_containers(doc, dict))[rng.choice(KEYS)] = copy.deepcopy(rng.choice(VALUES))


def _rename(rng: random.Random, doc: Any) -> None:
    dicts = [d for d in _containers(doc, dict) if d]
    if dicts:
        target = rng.choice(dicts)
        key = rng.choice(list(target))
        target[rng.choice(KEYS + [f"{key} ", str(key).upper()])] = target.pop(key)


def _year_key(rng: random.Random, doc: Any) -> None:
    maps = [d for d in _containers(doc, dict) if d and all(str(k).isdigit() for k in d)]
    if maps:
        rng.choice(maps)[rng.choice(YEAR_KEYS)] = rng.choice([1, None, "1", True])


def _rentang(rng: random.Random, doc: Any) -> None:
    found = _indicators(doc)
    if found:
        ind = rng.choice(found)
        ind["polaritas"] = rng.choice(["rentang", "rentang", "positif", "negatif", "Rentang", None])
        for key in rng.sample(["target", "target_min", "target_maks", "target_perubahan"], 2):
            if rng.random() < 0.5:
                ind.pop(key, None)
            else:
                ind[key] = rng.choice([1, 2.5, None, "1", True])


def _lists(rng: random.Random, doc: Any) -> None:
    lists = [x for x in _containers(doc, list) if x]
    if lists:
        target = rng.choice(lists)
        rng.choice([target.pop, lambda: target.append(copy.deepcopy(target[0])), target.clear])()


def _text(rng: random.Random, doc: Any) -> None:
    slot = _pick(rng, doc, str)
    if slot:
        container, key = slot
        old = container[key]
        container[key] = rng.choice(["", "", " ", f"{old} ", f" {old}", f"{old}\n", "a b", "\t"])


def _number(rng: random.Random, doc: Any) -> None:
    """A number near a limit, or a bool / integral float / NaN in its place."""
    slot = _pick(rng, doc, (int, float))
    if slot:
        container, key = slot
        old = container[key]
        container[key] = rng.choice([1899, 1900, 2999, 3000, old + 0.5, float(old), True, False,
                                     0, -0.0, -1, NAN, INF, str(old)])


def _drop_polaritas(rng: random.Random, doc: Any) -> None:
    found = _indicators(doc)
    if found:
        rng.choice(found).pop("polaritas", None)


MUTATIONS: list[Callable[[random.Random, Any], None]] = [
    _replace, _replace, _replace, _delete, _add_key, _rename, _year_key, _rentang, _rentang, _lists,
    _text, _text, _number, _number, _drop_polaritas,
]


def mutants(count: int, seed: int = 20240601) -> Iterator[Any]:
    rng = random.Random(seed)
    for _ in range(count):
        doc = copy.deepcopy(rng.choice(BASES))
        for _ in range(rng.choice([1, 1, 1, 1, 1, 2, 3])):
            rng.choice(MUTATIONS)(rng, doc)
        yield doc


# Values at the edge of each rule, each put alone into a valid document (random mutants reach
# them too rarely to be sure of it)
EDGES: list[tuple[tuple[str, ...], list[Any]]] = [
    (("uraian", "nama", "label"), ["", " ", "x", None, 1]),
    (("kode",), ["", " S1", "S1 ", "S 1", "S1\n", "\tS1", 1, 1.5, None]),
    (("tahun", "awal", "akhir"), [1899, 1900, 2999, 3000, 2019.0, 2019.5, True, "2019", NAN, INF]),
    (("batas_capaian",), [0, -0.0, 1e-9, -1, None, NAN, INF, True, "100"]),
    (("min", "target", "realisasi", "anggaran"), [None, 0, -0.0, 1.5, True, False, "0", NAN, 10**30]),
    (("polaritas", "agregasi", "rumus_negatif", "metode_efisiensi", "nilai_tw"),
     ["rentang", "positif", "akhir", "invers", "rasio", "per_triwulan", None, "", "Akhir", True]),
    (("target_tw", "realisasi_tw", "anggaran_tw"),
     [[], [1, 2, 3], [1, 2, 3, 4, 5], [None] * 4, [1, 2, 3, True]]),
    (("predikat", "sasaran", "program"), [[], None, {}]),
]
EDGE_BASES = [shaped(raw(ROOT / "samples" / "denpasar_2019.yaml")), full_document()]


def edge_mutants(seed: int = 7) -> Iterator[Any]:
    rng = random.Random(seed)
    for base in EDGE_BASES:
        for keys, values in EDGES:
            for value in values:
                doc = copy.deepcopy(base)
                container, key = rng.choice([(c, k) for c, k in _slots(doc) if k in keys])
                container[key] = copy.deepcopy(value)
                yield doc


MUTANT_DOCS = list(mutants(MUTANTS)) + list(edge_mutants())


@functools.cache
def reference_verdicts() -> list[bool]:
    return [REFERENCE.is_valid(doc) for doc in MUTANT_DOCS]


def test_mutations_agree() -> None:
    verdicts = reference_verdicts()
    disagree = [doc for doc, valid in zip(MUTANT_DOCS, verdicts) if FAST(doc) is not valid]
    assert not disagree, json.dumps(disagree[0], default=repr)[:3000]
    valid = sum(verdicts)
    # both answers must be common, or agreement would prove little
    assert len(verdicts) * 0.15 < valid < len(verdicts) * 0.85, valid


def _strip(keyword: str) -> Callable[[dict[str, Any]], None]:
    """Remove a keyword from every subschema."""

    def change(node: Any) -> None:
        if isinstance(node, dict):
            node.pop(keyword, None)
            for value in node.values():
                change(value)
        elif isinstance(node, list):
            for value in node:
                change(value)

    return change


STRIPPED = ["required", "additionalProperties", "minLength", "pattern", "minItems", "maxItems",
            "propertyNames", "enum", "const", "minimum", "maximum", "exclusiveMinimum", "if", "type"]
WEAKENINGS: list[tuple[str, Callable[[dict[str, Any]], None]]] = [(f"no {k}", _strip(k)) for k in STRIPPED]
WEAKENINGS += [
    ("tahun any number", lambda s: s["$defs"]["tahun"].update(type="number")),
    ("bool for a number", lambda s: s["$defs"]["angka_opsional"].update(type=["number", "null", "boolean"])),
    ("no rentang rule", lambda s: s["$defs"]["indikator"].pop("then")),
    ("no non-rentang rule", lambda s: s["$defs"]["indikator"].pop("else")),
]


@pytest.mark.parametrize("change", [w[1] for w in WEAKENINGS], ids=[w[0] for w in WEAKENINGS])
def test_mutations_reach_every_rule(change: Callable[[dict[str, Any]], None]) -> None:
    """A checker for a weakened schema must disagree with the reference on some mutant: the
    mutations exercise that rule (and the differential test above could catch a bug there)."""
    weak = copy.deepcopy(SCHEMA)
    change(weak)
    weak_check = compile_schema(weak)
    assert any(weak_check(doc) != valid for doc, valid in zip(MUTANT_DOCS, reference_verdicts()))


def test_validate_messages_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    """dataformat.validate with the fast check gives the message it gave without it."""
    docs = MUTANT_DOCS[:100]
    fast = [_outcome(doc) for doc in docs]
    monkeypatch.setattr(validation, "fast_check", lambda: None)
    assert [_outcome(doc) for doc in docs] == fast
    assert sum(kind == "error" for kind, _ in fast) > 30


def _outcome(doc: Any) -> tuple[str, str]:
    try:
        df.validate(copy.deepcopy(doc))
    except DataFormatError as exc:
        return "error", f"{exc.message_id} | {exc.message_en}"
    return "ok", ""


# ---------------------------------------------------------------------------------------------
# Values where JSON Schema and Python disagree


def _sample() -> dict[str, Any]:
    return shaped(raw(ROOT / "samples" / "denpasar_2019.yaml"))


def _ind(doc: dict[str, Any]) -> dict[str, Any]:
    return doc["sasaran"][0]["indikator"][0]  # type: ignore[no-any-return]


TRICKY: list[tuple[str, Callable[[dict[str, Any]], Any], bool]] = [
    ("bool is not a number", lambda d: _ind(d).update(target=True), False),
    ("bool is not an integer", lambda d: d.update(tahun=True), False),
    ("1.0 is an integer", lambda d: d.update(tahun=2019.0), True),
    ("2019.5 is not", lambda d: d.update(tahun=2019.5), False),
    ("big int is a number", lambda d: _ind(d).update(target=10**40), True),
    ("nan passes the schema", lambda d: _ind(d).update(target=NAN), True),
    ("nan is not an integer", lambda d: d.update(tahun=NAN), False),
    ("inf is not an integer", lambda d: d.update(tahun=INF), False),
    ("nan cap passes exclusiveMinimum", lambda d: d["pengaturan"].update(batas_capaian=NAN), True),
    ("cap 0 fails exclusiveMinimum", lambda d: d["pengaturan"].update(batas_capaian=0), False),
    ("cap -0.0 fails", lambda d: d["pengaturan"].update(batas_capaian=-0.0), False),
    ("year 2999 inclusive", lambda d: d.update(tahun=2999), True),
    ("year 3000 out", lambda d: d.update(tahun=3000), False),
    ("null agregasi is in the enum", lambda d: _ind(d).update(agregasi=None), True),
    ("False is not null", lambda d: _ind(d).update(agregasi=False), False),
    ("enum is case sensitive", lambda d: _ind(d).update(polaritas="Positif"), False),
    ("const needs the exact text", lambda d: d.update(format="lkjip-xl/1 "), False),
    ("code with inner space", lambda d: _ind(d).update(kode="S 1"), True),
    ("code with a trailing space", lambda d: _ind(d).update(kode="S1 "), False),
    ("code with a trailing newline", lambda d: _ind(d).update(kode="S1\n"), True),  # $ before \n
    ("one-letter code", lambda d: _ind(d).update(kode="S"), True),
    ("empty code", lambda d: _ind(d).update(kode=""), False),
    ("blank uraian is not empty", lambda d: _ind(d).update(uraian=" "), True),
    ("year key with newline", lambda d: _ind(d).update(target_renstra={"2019\n": 1}), True),
    ("year key in Arabic digits", lambda d: _ind(d).update(target_renstra={"\u0662\u0660\u0661\u0669": 1}),
     False),
    ("integer year key (YAML)", lambda d: _ind(d).update(target_renstra={2019: 1}), True),
    ("three quarters", lambda d: _ind(d).update(target_tw=[1, 2, 3]), False),
    ("bool quarter", lambda d: _ind(d).update(target_tw=[1, 2, 3, False]), False),
    ("rentang with target", lambda d: _ind(d).update(polaritas="rentang"), False),
    ("rentang with null target", lambda d: _ind(d).update(polaritas="rentang", target=None), False),
    ("rentang without target", lambda d: (_ind(d).update(polaritas="rentang"), _ind(d).pop("target")), True),
    ("positif with target_min", lambda d: _ind(d).update(target_min=1), False),
    ("no polaritas with target_maks",
     lambda d: (_ind(d).pop("polaritas", None), _ind(d).update(target_maks=1)), False),
    ("kepala null", lambda d: d["instansi"].update(kepala=None), True),
    ("renstra null", lambda d: d.update(renstra=None), True),
    ("pengaturan null", lambda d: d.update(pengaturan=None), False),
    ("empty predikat", lambda d: d["pengaturan"].update(predikat=[]), False),
    ("pengukuran entry not an object", lambda d: d.update(pengukuran={"indikator": {"S1": 1}}), False),
]


@pytest.mark.parametrize("mutate,expected", [t[1:] for t in TRICKY], ids=[t[0] for t in TRICKY])
def test_tricky_values(mutate: Callable[[dict[str, Any]], Any], expected: bool) -> None:
    doc = _sample()
    mutate(doc)
    assert agree(doc) is expected


# ---------------------------------------------------------------------------------------------
# The compiler on small schemas


SMALL: list[tuple[Any, list[Any] | None]] = [
    ({"enum": [1, True, None, "a", [1], {"a": 1}]},
     [1, 1.0, True, False, 0, None, "a", "b", [1], [1.0], [True], {"a": 1}, {"a": True}, {"a": 1.0}]),
    ({"const": 0}, [0, 0.0, -0.0, False, None, "0", [0]]),
    ({"const": False}, [False, 0, None, []]),
    ({"const": [1, {"b": [True]}]},
     [[1, {"b": [True]}], [1.0, {"b": [1]}], [1, {"b": [True], "c": 1}], (1,)]),
    ({"type": "integer"}, [1, 1.0, 1.5, True, NAN, INF, -0.0, 10**30, "1", None]),
    ({"type": ["integer", "boolean"]}, [1, True, 1.5, None]),
    ({"type": ["string", "array"]}, ["", [], {}, 1]),
    ({"type": "number", "minimum": 1, "maximum": 2}, [0.5, 1, 1.5, 2, 2.5, NAN, INF, True, "1.5"]),
    ({"exclusiveMinimum": 0}, [0, 0.0, -0.0, 1e-300, -1, "x", False, True]),
    ({"pattern": "b", "minLength": 2}, ["abc", "b", "ac", "bb", 5, None]),
    ({"minLength": 2}, ["\u00e9\u00e9", "\u00e9", "ab", ""]),
    ({"items": False}, [[], [1], {}, "x"]),
    ({"items": {"type": "string"}, "minItems": 1, "maxItems": 2},
     [[], ["a"], ["a", "b", "c"], ["a", 1], "ab"]),
    ({"properties": {"a": {"type": "integer"}}, "additionalProperties": {"type": "string"},
      "required": ["a"]}, [{"a": 1}, {"a": 1, "b": "x"}, {"a": 1, "b": 2}, {}, {"b": "x"}, [1], "a"]),
    ({"additionalProperties": False, "properties": {"a": True, "b": False}},
     [{}, {"a": 1}, {"b": 1}, {"c": 1}]),
    ({"propertyNames": {"pattern": "^x"}}, [{"x1": 1}, {"y": 1}, {1: 1}, {}]),
    ({"propertyNames": {"maxLength": 1}}, None),  # unsupported: refused
    ({"not": {"type": "string"}}, ["a", 1, None]),
    ({"not": {}}, [1, None, "a"]),
    ({"not": False}, [1]),
    ({"if": {"minimum": 5}, "then": {"multipleOf": 5}}, None),
    ({"if": {"required": ["k"]}, "then": {"required": ["v"]}, "else": {"maxItems": 1}},
     [{"k": 1}, {"k": 1, "v": 2}, {}, [1], [1, 2], "x"]),
    ({"then": {"type": "string"}}, [1, "a"]),  # then without if does nothing
    ({"if": {"type": "string"}}, [1, "a"]),
    ({"$defs": {"tree": {"type": "object", "additionalProperties": False, "properties": {
        "v": {"type": "integer"}, "kids": {"type": "array", "items": {"$ref": "#/$defs/tree"}}}}},
      "$ref": "#/$defs/tree"},
     [{"v": 1, "kids": [{"v": 2, "kids": []}, {"kids": [{"v": "x"}]}]},
      {"v": 1, "kids": [{"v": 2}, {"kids": [{"v": 3}]}]}, {"kids": [{"w": 1}]}]),
    (True, [1, None]),
    (False, [1, None]),
]


@pytest.mark.parametrize("index", range(len(SMALL)))
def test_small_schemas_agree(index: int) -> None:
    schema, instances = SMALL[index]
    if instances is None:
        with pytest.raises(UnsupportedSchema):
            compile_schema(schema)
        return
    check = compile_schema(schema)
    reference = Draft202012Validator(schema)
    for instance in instances:
        assert check(instance) is reference.is_valid(instance), (schema, instance)


@pytest.mark.parametrize(
    "schema",
    [
        {"oneOf": [{}]},
        {"format": "date"},
        {"uniqueItems": True},
        {"$ref": "other.json"},
        {"$ref": "#/definitions/x"},
        {"$ref": "#/$defs/missing"},
        {"$ref": "#/$defs/a~1b", "$defs": {"a/b": {}}},
        {"type": "strnig"},
        {"type": []},
        {"minLength": -1},
        {"minItems": 1.5},
        {"maxItems": True},
        {"minimum": "1"},
        {"enum": "ab"},
        {"required": "a"},
        {"pattern": "("},
        {"items": [{}]},
        {"properties": {"a": {"$id": "x"}}},
        {"properties": {"a": {"$schema": "https://json-schema.org/draft/2020-12/schema"}}},
        {"$schema": "http://json-schema.org/draft-07/schema#"},
        {"properties": {"a": {"default": 1}}},
        {"not": {"unevaluatedProperties": False}},
        [],
    ],
    ids=repr,
)
def test_unknown_or_malformed_schemas_are_refused(schema: Any) -> None:
    with pytest.raises(UnsupportedSchema):
        compile_schema(schema)


def test_json_equal() -> None:
    assert json_equal(1, 1.0) and json_equal([1, {"a": 0}], [1.0, {"a": -0.0}])
    assert not json_equal(True, 1) and not json_equal(0, False) and not json_equal([True], [1])
    assert json_equal(True, True) and not json_equal({"a": 1}, {"a": 1, "b": 2})
    assert not json_equal("1", 1) and not json_equal(float("nan"), float("nan"))


# ---------------------------------------------------------------------------------------------
# dataformat.validate keeps working when the fast check cannot help


def test_validate_without_fast_check(monkeypatch: pytest.MonkeyPatch) -> None:
    good, bad = _sample(), _sample()
    _ind(bad).update(target="0,5%")
    expected = 'sasaran S1 (#1) › indikator S1.1 (#1) › target: must be a number, found "0,5%"; write 0.5'
    for fast_check in (lambda: None, lambda: _raises):
        monkeypatch.setattr(validation, "fast_check", fast_check)
        assert df.validate(copy.deepcopy(good)) == good
        with pytest.raises(DataFormatError) as info:
            df.validate(copy.deepcopy(bad))
        assert info.value.message_en == expected


def _raises(value: Any) -> bool:
    raise TypeError("not comparable")
