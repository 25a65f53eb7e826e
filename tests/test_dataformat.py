"""The data interchange format: samples round-trip, the schema is valid, every error says where."""

from __future__ import annotations

import contextlib
import copy
import io
import json
import math
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

from lkjip_xl import dataformat as df
from lkjip_xl.core.errors import DataFormatError, InputError, UnsafeFileError
from lkjip_xl.core.model import Dokumen, Indikator, Kegiatan, Komponen, Pengaturan, Program, Sasaran
from lkjip_xl.dataformat import lean_yaml, validation

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SAMPLE_FILES = sorted(SAMPLES.glob("*.yaml"))
DENPASAR = SAMPLES / "denpasar_2019.yaml"


def ordered(value: Any) -> Any:
    """Make key order count in comparisons (dict == dict ignores it)."""
    if isinstance(value, dict):
        return [(k, ordered(v)) for k, v in value.items()]
    if isinstance(value, list):
        return [ordered(v) for v in value]
    return value


def raw(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


# ---------------------------------------------------------------------------------------------
# Round trips


def test_the_three_samples_exist() -> None:
    names = {p.name for p in SAMPLE_FILES}
    assert {"denpasar_2019.yaml", "synthetic_rules.yaml", "synthetic_per_triwulan.yaml"} <= names


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_sample_is_canonical(path: Path) -> None:
    data = raw(path)
    out = df.to_dict(df.load(path))
    assert out == data
    assert ordered(out) == ordered(data)  # written in canonical key order too


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_json_round_trip(path: Path, tmp_path: Path) -> None:
    dok = df.load(path)
    target = tmp_path / "doc.json"
    df.dump(dok, target)
    text = target.read_text(encoding="utf-8")
    as_json = json.loads(text)
    assert as_json["format"] == "lkjip-xl/1"
    Draft202012Validator(df.schema()).validate(as_json)  # string year keys, as JSON has them
    again = df.load(target)
    assert again == dok
    assert ordered(df.to_dict(again)) == ordered(df.to_dict(dok))


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_yaml_dump_round_trip(path: Path) -> None:
    dok = df.load(path)
    text = df.dumps(dok)
    assert "&id" not in text and "*id" not in text
    assert df.loads(text) == dok
    assert ordered(yaml.safe_load(text)) == ordered(raw(path))


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_schema_accepts_samples_directly(path: Path) -> None:
    # a third party validating our YAML with plain jsonschema (integer year keys) must pass too
    Draft202012Validator(df.schema()).validate(raw(path))


def test_schema_is_valid_draft_2020_12() -> None:
    schema = df.schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_schema_closes_every_object() -> None:
    def walk(node: Any, where: str) -> None:
        if isinstance(node, dict):
            if node.get("type") in ("object", ["object", "null"]) and "properties" in node:
                assert node.get("additionalProperties") is False, where
            for key, value in node.items():
                walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{where}/{i}")

    walk(df.schema(), "#")


def full_document() -> Dokumen:
    """Every optional field set: to_dict must write them all and read them back."""
    dok = df.load(SAMPLES / "synthetic_rules.yaml")
    ind = dok.sasaran[0].indikator[0]
    ind.target_perubahan, ind.alasan_perubahan = 89, "revisi"
    ind.komponen = Komponen("a", 1, "b", 2, 100)
    dok.sasaran[0].indikator.append(
        Indikator(
            kode="S1.9", uraian="rentang", polaritas="rentang", target_min=1, target_maks=2, agregasi=None
        )
    )
    dok.program.append(Program(kode="X", uraian="kosong"))
    dok.extra["pengukuran"] = {"indikator": {"S1.1": {"capaian": 101.6}}, "total": {"a": 1}}
    return dok


def test_every_optional_field_round_trips() -> None:
    dok = full_document()
    data = df.to_dict(dok)
    assert df.from_dict(data) == dok
    assert df.loads(df.dumps(dok, "json"), "json") == dok
    rentang = data["sasaran"][0]["indikator"][-1]
    assert rentang == {
        "kode": "S1.9",
        "uraian": "rentang",
        "polaritas": "rentang",
        "target_min": 1,
        "target_maks": 2,
        "realisasi": None,
    }
    assert data["program"][-1] == {"kode": "X", "uraian": "kosong", "sasaran": None}
    assert list(data)[-1] == "pengukuran"


def test_canonical_form_keeps_meaningful_nulls_only() -> None:
    dok = Dokumen(tahun=2024)
    dok.instansi.nama = "Dinas"
    dok.sasaran.append(Sasaran("S1", "s", indikator=[Indikator("S1.1", "i")]))
    dok.program.append(Program("P1", "p", kegiatan=[Kegiatan("P1.01", "k")]))
    data = df.to_dict(dok)
    assert data == {
        "format": "lkjip-xl/1",
        "tahun": 2024,
        "instansi": {"nama": "Dinas"},
        "pengaturan": {
            "rumus_negatif": "lan",
            "batas_capaian": None,
            "predikat": [
                {"min": 91, "label": "Sangat Tinggi"},
                {"min": 76, "label": "Tinggi"},
                {"min": 66, "label": "Sedang"},
                {"min": 51, "label": "Rendah"},
                {"min": None, "label": "Sangat Rendah"},
            ],
            "metode_efisiensi": "selisih",
            "nilai_tw": "kumulatif",
            "kertas": "A4",
            "nomenklatur": "bebas",
            "e81_kolom_12a": True,
        },
        "sasaran": [
            {
                "kode": "S1",
                "uraian": "s",
                "indikator": [
                    {"kode": "S1.1", "uraian": "i", "polaritas": "positif", "target": None, "realisasi": None}
                ],
            }
        ],
        "program": [
            {
                "kode": "P1",
                "uraian": "p",
                "sasaran": None,
                "kegiatan": [{"kode": "P1.01", "uraian": "k", "anggaran": None, "realisasi": None}],
            }
        ],
    }
    assert df.from_dict(data) == dok


def test_minimal_document_gets_defaults() -> None:
    dok = df.loads("format: lkjip-xl/1\ntahun: 2020\ninstansi: {nama: Dinas}\n")
    assert dok.pengaturan == Pengaturan()
    assert dok.sasaran == [] and dok.program == [] and dok.renstra is None


def test_json_year_keys_become_integers() -> None:
    dok = df.loads(json.dumps(df.to_dict(df.load(DENPASAR))), "json")
    assert dok.sasaran[1].indikator[0].realisasi_lalu == {2017: 0.5, 2018: 0.5}


def test_yaml_output_is_readable() -> None:
    dok = df.load(DENPASAR)
    dok.instansi.pemda = "Kota Denpasar — Bali"
    text = df.dumps(dok)
    assert "Kota Denpasar — Bali" in text  # unicode kept, not \u2014
    assert 'nip: "19610804 198603 1 019"' in text
    assert "target_tw: [null, null, null, 66]" in text
    assert "target_renstra: {2017: 60, 2018: 63, 2019: 66, 2020: 70, 2021: 75}" in text
    assert "\n  - kode: S1\n" in text  # block style, lists indented under their key
    stream = io.StringIO()
    df.dump(dok, stream)
    assert stream.getvalue() == text


def test_load_from_stream_and_by_content() -> None:
    text = DENPASAR.read_text(encoding="utf-8")
    assert df.load(io.StringIO(text)) == df.load(DENPASAR)
    assert df.load(io.BytesIO(text.encode("utf-8"))) == df.load(DENPASAR)
    as_json = df.dumps(df.load(DENPASAR), "json")
    assert df.loads(as_json) == df.load(DENPASAR)  # auto: starts with "{"
    assert df.loads("\ufeff" + text) == df.load(DENPASAR)  # byte order mark


# ---------------------------------------------------------------------------------------------
# The Denpasar transcription


def test_denpasar_budget_totals_match_the_seed() -> None:
    dok = df.load(DENPASAR)

    def totals(sasaran: str | None) -> tuple[float, float]:
        rows = [k for p, k in dok.kegiatan() if p.sasaran == sasaran]
        return sum(k.anggaran or 0 for k in rows), sum(k.realisasi or 0 for k in rows)

    assert totals("S1") == (2_072_337_900, 1_934_956_185)  # Table 3.4
    assert totals("S2") == (1_122_946_600, 1_019_301_260)  # Table 3.9
    assert totals(None) == (
        1_463_523_490 + 930_750_000 + 81_000_000,
        1_350_962_018 + 712_206_700 + 79_877_400,
    )


def test_denpasar_structure() -> None:
    dok = df.load(DENPASAR)
    assert [p.kode for p in dok.program] == ["P1", "P2", "P3", "P4", "P5", "P6"]
    assert [p.sasaran for p in dok.program] == [None, None, None, "S1", "S2", "S2"]
    assert [len(p.kegiatan) for p in dok.program] == [1, 1, 1, 14, 3, 2]
    assert dok.program[3].kegiatan[8].uraian == "Sosialisasi Informasi Penyediaan Permodalan"
    s11, s21 = (i for _, i in dok.indikator())
    assert (s11.agregasi, s21.agregasi) == ("akhir", "kumulatif")
    assert s11.target_renstra == {2017: 60, 2018: 63, 2019: 66, 2020: 70, 2021: 75}
    assert (s11.target, s11.target_rkt, s11.realisasi) == (66, 66, 66)
    assert (s21.target, s21.target_rkt, s21.realisasi) == (0.5, 0.5, 0.5)
    assert s21.komponen is None
    assert dok.instansi.kepala.nip == "19610804 198603 1 019"


# ---------------------------------------------------------------------------------------------
# The synthetic samples are consistent


def _all_money(dok: Dokumen) -> list[Any]:
    rows: list[Any] = []
    for _, k in dok.kegiatan():
        rows.append(k)
        rows.extend(k.sub_kegiatan)
    return rows


@pytest.mark.parametrize("name", ["synthetic_rules.yaml", "synthetic_per_triwulan.yaml"])
def test_synthetic_money_is_consistent(name: str) -> None:
    dok = df.load(SAMPLES / name)
    per_quarter = dok.pengaturan.nilai_tw == "per_triwulan"
    for row in _all_money(dok):
        assert row.anggaran is not None and row.realisasi is not None
        assert 0 <= row.realisasi <= row.anggaran, row.kode
        for q, year in ((row.anggaran_tw, row.anggaran), (row.realisasi_tw, row.realisasi)):
            if any(v is not None for v in q):
                assert (sum(q) if per_quarter else q[3]) == year, row.kode
                assert per_quarter or q == sorted(q), row.kode
    for _, k in dok.kegiatan():
        if k.sub_kegiatan:
            assert k.anggaran == sum(s.anggaran or 0 for s in k.sub_kegiatan)
            assert k.realisasi == sum(s.realisasi or 0 for s in k.sub_kegiatan)


@pytest.mark.parametrize("name", ["synthetic_rules.yaml", "synthetic_per_triwulan.yaml"])
def test_synthetic_indicators_follow_their_declarations(name: str) -> None:
    dok = df.load(SAMPLES / name)
    per_quarter = dok.pengaturan.nilai_tw == "per_triwulan"
    for _, ind in dok.indikator():
        reported = [v for v in ind.realisasi_tw if v is not None]
        if not reported:
            assert ind.realisasi is None
            continue
        if ind.agregasi == "kumulatif":
            expected = sum(reported) if per_quarter else ind.realisasi_tw[3]
        elif ind.agregasi == "akhir":
            expected = reported[-1]
        else:
            expected = sum(reported) / len(reported)
        assert ind.realisasi == expected, ind.kode
        target = ind.target_efektif
        if target is not None and any(v is not None for v in ind.target_tw):
            tw = ind.target_tw
            if ind.agregasi == "kumulatif":
                assert (sum(tw) if per_quarter else tw[3]) == target, ind.kode  # type: ignore[arg-type]
            else:
                assert tw[3] == target, ind.kode


def test_synthetic_rules_covers_every_rule() -> None:
    dok = df.load(SAMPLES / "synthetic_rules.yaml")
    inds = [i for _, i in dok.indikator()]
    assert len(dok.sasaran) == 4 and len(inds) == 8
    assert {i.polaritas for i in inds} == {"positif", "negatif", "rentang"}
    assert {i.agregasi for i in inds} == {"kumulatif", "akhir", "rata_rata"}
    assert any(i.target_perubahan is not None and i.alasan_perubahan for i in inds)
    assert any(i.realisasi is None for i in inds)
    assert any(i.target == 0 for i in inds)
    assert all(i.target_min is not None for i in inds if i.polaritas == "rentang")
    assert {p.sasaran is None for p in dok.program} == {True, False}
    assert len(dok.kegiatan()) == 12
    assert any(k.sub_kegiatan for _, k in dok.kegiatan())
    assert dok.pengaturan.nilai_tw == "kumulatif"


def test_synthetic_per_triwulan_declares_other_rules() -> None:
    atur = df.load(SAMPLES / "synthetic_per_triwulan.yaml").pengaturan
    assert (atur.nilai_tw, atur.rumus_negatif, atur.batas_capaian, atur.metode_efisiensi) == (
        "per_triwulan",
        "invers",
        120,
        "rasio",
    )
    assert [b.min for b in atur.predikat] == [85, 70, 55, None]


# ---------------------------------------------------------------------------------------------
# Errors: one line naming the path, in Bahasa Indonesia and English


def base() -> dict[str, Any]:
    return copy.deepcopy(raw(DENPASAR))


def s11(d: dict[str, Any]) -> dict[str, Any]:
    return d["sasaran"][0]["indikator"][0]


def s21(d: dict[str, Any]) -> dict[str, Any]:
    return d["sasaran"][1]["indikator"][0]


def make_rentang(d: dict[str, Any]) -> None:
    ind = s11(d)
    del ind["target"]
    ind.update(polaritas="rentang", target_min=7, target_maks=5)


CASES = [
    (
        "wrong type",
        lambda d: s21(d).update(target="0,5%"),
        'sasaran S2 (ke-2) › indikator S2.1 (ke-1) › target: harus angka, ditemukan "0,5%"; tulis 0.5',
        'sasaran S2 (#2) › indikator S2.1 (#1) › target: must be a number, found "0,5%"; write 0.5',
    ),
    (
        "unknown key",
        lambda d: s11(d).update(targte=66),
        "sasaran S1 (ke-1) › indikator S1.1 (ke-1) › targte: kunci tidak dikenal",
        "sasaran S1 (#1) › indikator S1.1 (#1) › targte: unknown key",
    ),
    (
        "unknown key beats the missing one",
        lambda d: s11(d).update(kdoe=s11(d).pop("kode")),
        "sasaran S1 (ke-1) › indikator ke-1 › kdoe: kunci tidak dikenal",
        "sasaran S1 (#1) › indikator #1 › kdoe: unknown key",
    ),
    (
        "missing key",
        lambda d: s11(d).pop("uraian"),
        "sasaran S1 (ke-1) › indikator S1.1 (ke-1) › uraian: kunci wajib tidak ada",
        "sasaran S1 (#1) › indikator S1.1 (#1) › uraian: required key missing",
    ),
    (
        "missing top-level key",
        lambda d: d.pop("tahun"),
        "tahun: kunci wajib tidak ada",
        "tahun: required key missing",
    ),
    (
        "enum",
        lambda d: s11(d).update(polaritas="positive"),
        "sasaran S1 (ke-1) › indikator S1.1 (ke-1) › polaritas: harus salah satu dari positif, "
        'negatif, rentang; ditemukan "positive"',
        'sasaran S1 (#1) › indikator S1.1 (#1) › polaritas: must be one of positif, negatif, rentang; found "positive"',
    ),
    (
        "enum setting",
        lambda d: d["pengaturan"].update(metode_efisiensi="ratio"),
        "pengaturan › metode_efisiensi: harus salah satu dari selisih, hemat, rasio, "
        'biaya_per_unit; ditemukan "ratio"',
        'pengaturan › metode_efisiensi: must be one of selisih, hemat, rasio, biaya_per_unit; found "ratio"',
    ),
    (
        "quarter length",
        lambda d: s11(d).update(target_tw=[None, None, 66]),
        "sasaran S1 (ke-1) › indikator S1.1 (ke-1) › target_tw: harus tepat 4 nilai (TW I-TW IV), ditemukan 3",
        "sasaran S1 (#1) › indikator S1.1 (#1) › target_tw: must have exactly 4 entries (TW I-TW IV), found 3",
    ),
    (
        "quarter entry",
        lambda d: d["program"][0]["kegiatan"][0].update(anggaran_tw=[1, 2, "3", 4]),
        'program P1 (ke-1) › kegiatan P1.01 (ke-1) › anggaran_tw TW III: harus angka, ditemukan "3"; tulis 3',
        'program P1 (#1) › kegiatan P1.01 (#1) › anggaran_tw TW III: must be a number, found "3"; write 3',
    ),
    (
        "format",
        lambda d: d.update(format="lkjip-xl/2"),
        'format: harus "lkjip-xl/1", ditemukan "lkjip-xl/2"',
        'format: must be "lkjip-xl/1", found "lkjip-xl/2"',
    ),
    (
        "year key",
        lambda d: s11(d)["target_renstra"].update({"akhir": 75}),
        "sasaran S1 (ke-1) › indikator S1.1 (ke-1) › target_renstra › akhir: kunci harus tahun (4 angka)",
        "sasaran S1 (#1) › indikator S1.1 (#1) › target_renstra › akhir: key must be a year (4 digits)",
    ),
    (
        "code typed as a number",
        lambda d: d["program"][0].update(kode=4.01),
        "program ke-1 › kode: harus teks, ditemukan angka 4.01 (tulis dalam tanda kutip)",
        "program #1 › kode: must be a string, found the number 4.01 (put it in quotes)",
    ),
    (
        "code with a space",
        lambda d: d["program"][0].update(kode="P1 "),
        'program P1 (ke-1) › kode: kode tidak boleh diawali atau diakhiri spasi, ditemukan "P1 "',
        'program P1 (#1) › kode: a code must not start or end with a space, found "P1 "',
    ),
    (
        "rentang takes no target",
        lambda d: s11(d).update(polaritas="rentang"),
        "sasaran S1 (ke-1) › indikator S1.1 (ke-1) › target: indikator rentang memakai target_min dan target_maks, bukan target",
        "sasaran S1 (#1) › indikator S1.1 (#1) › target: a rentang indicator takes target_min and target_maks, not target",
    ),
    (
        "range bounds on a positif indicator",
        lambda d: s11(d).update(target_maks=70),
        "sasaran S1 (ke-1) › indikator S1.1 (ke-1) › target_maks: hanya untuk indikator rentang (polaritas: rentang)",
        "sasaran S1 (#1) › indikator S1.1 (#1) › target_maks: only for rentang indicators (polaritas: rentang)",
    ),
    (
        "unknown top-level key",
        lambda d: d.update(pengukran={}),
        "pengukran: kunci tidak dikenal",
        "pengukran: unknown key",
    ),
    (
        "list instead of mapping",
        lambda d: d.update(renstra=[2016, 2021]),
        "renstra: harus pemetaan (kunci: nilai), ditemukan daftar",
        "renstra: must be a mapping (key: value), found a list",
    ),
    (
        "empty text",
        lambda d: d["instansi"].update(nama=""),
        "instansi › nama: tidak boleh kosong",
        "instansi › nama: must not be empty",
    ),
    (
        "batas_capaian",
        lambda d: d["pengaturan"].update(batas_capaian=0),
        "pengaturan › batas_capaian: harus lebih besar dari 0, ditemukan 0",
        "pengaturan › batas_capaian: must be greater than 0, found 0",
    ),
    # semantic checks, after the schema
    (
        "duplicate kegiatan code",
        lambda d: d["program"][4]["kegiatan"][1].update(kode="P4.01"),
        'program P5 (ke-5) › kegiatan P4.01 (ke-2) › kode: kode "P4.01" ganda, sudah dipakai di program P4 (ke-4) › kegiatan P4.01 (ke-1)',
        'program P5 (#5) › kegiatan P4.01 (#2) › kode: duplicate code "P4.01", already used at program P4 (#4) › kegiatan P4.01 (#1)',
    ),
    (
        "duplicate indikator code",
        lambda d: s21(d).update(kode="S1.1"),
        'sasaran S2 (ke-2) › indikator S1.1 (ke-1) › kode: kode "S1.1" ganda, sudah dipakai di sasaran S1 (ke-1) › indikator S1.1 (ke-1)',
        'sasaran S2 (#2) › indikator S1.1 (#1) › kode: duplicate code "S1.1", already used at sasaran S1 (#1) › indikator S1.1 (#1)',
    ),
    (
        "duplicate sasaran code",
        lambda d: d["sasaran"][1].update(kode="S1"),
        '3 masalah dalam data:\n  sasaran S1 (ke-2) › kode: kode "S1" ganda, sudah dipakai di sasaran S1 (ke-1)\n  program P5 (ke-5) › sasaran: sasaran "S2" tidak ada (yang ada: S1)\n  program P6 (ke-6) › sasaran: sasaran "S2" tidak ada (yang ada: S1)',
        '3 problems in the data:\n  sasaran S1 (#2) › kode: duplicate code "S1", already used at sasaran S1 (#1)\n  program P5 (#5) › sasaran: sasaran "S2" does not exist (known: S1)\n  program P6 (#6) › sasaran: sasaran "S2" does not exist (known: S1)',
    ),
    (
        "duplicate program code",
        lambda d: d["program"][1].update(kode="P1"),
        'program P1 (ke-2) › kode: kode "P1" ganda, sudah dipakai di program P1 (ke-1)',
        'program P1 (#2) › kode: duplicate code "P1", already used at program P1 (#1)',
    ),
    (
        "unknown sasaran",
        lambda d: d["program"][3].update(sasaran="S9"),
        'program P4 (ke-4) › sasaran: sasaran "S9" tidak ada (yang ada: S1, S2)',
        'program P4 (#4) › sasaran: sasaran "S9" does not exist (known: S1, S2)',
    ),
    (
        "rentang min above max",
        make_rentang,
        "sasaran S1 (ke-1) › indikator S1.1 (ke-1) › target_min: tidak boleh lebih besar dari target_maks (5), ditemukan 7",
        "sasaran S1 (#1) › indikator S1.1 (#1) › target_min: must not exceed target_maks (5), found 7",
    ),
    (
        "predikat order",
        lambda d: d["pengaturan"]["predikat"][2].update(min=80),
        "pengaturan › predikat ke-3 › min: harus lebih kecil dari min baris sebelumnya (76), ditemukan 80",
        "pengaturan › predikat #3 › min: must be below the previous band's min (76), found 80",
    ),
    (
        "predikat null too early",
        lambda d: d["pengaturan"]["predikat"][1].update(min=None),
        "pengaturan › predikat ke-2 › min: null hanya boleh di baris terakhir",
        "pengaturan › predikat #2 › min: null is only allowed in the last band",
    ),
    (
        "renstra reversed",
        lambda d: d.update(renstra={"awal": 2021, "akhir": 2016}),
        "renstra › akhir: tidak boleh lebih kecil dari renstra.awal (2021), ditemukan 2016",
        "renstra › akhir: must not be before renstra.awal (2021), found 2016",
    ),
    (
        "not a finite number",
        lambda d: s21(d).update(realisasi=float("nan")),
        "sasaran S2 (ke-2) › indikator S2.1 (ke-1) › realisasi: harus angka terhingga, ditemukan nan",
        "sasaran S2 (#2) › indikator S2.1 (#1) › realisasi: must be a finite number, found nan",
    ),
]


@pytest.mark.parametrize("mutate,msg_id,msg_en", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_error_messages(mutate: Any, msg_id: str, msg_en: str) -> None:
    data = base()
    mutate(data)
    with pytest.raises(DataFormatError) as info:
        df.from_dict(data)
    assert (info.value.message_id, info.value.message_en) == (msg_id, msg_en)
    # one line per problem: a single problem is one line
    assert len(info.value.problems) == 1 or msg_id.count("\n") == len(info.value.problems)


TEXT_CASES = [
    (
        "yaml syntax",
        "yaml",
        "format: lkjip-xl/1\ninstansi:\n  nama: x\n   pemda: y\n",
        "baris 4, kolom 9: YAML tidak sah (mapping values are not allowed here)",
        "line 4, column 9: invalid YAML (mapping values are not allowed here)",
    ),
    (
        "unquoted percent",
        "yaml",
        "format: lkjip-xl/1\nsatuan: %\n",
        "baris 2, kolom 9: YAML tidak sah (found character '%' that cannot start any token)",
        "line 2, column 9: invalid YAML (found character '%' that cannot start any token)",
    ),
    (
        "yaml duplicate key",
        "yaml",
        "format: lkjip-xl/1\ntahun: 2019\ntahun: 2020\n",
        'baris 3, kolom 1: kunci "tahun" ganda',
        'line 3, column 1: duplicate key "tahun"',
    ),
    (
        "json syntax",
        "json",
        '{"format": "lkjip-xl/1",\n  "tahun": 2019,}',
        "baris 2, kolom 17: JSON tidak sah (Expecting property name enclosed in double quotes)",
        "line 2, column 17: invalid JSON (Expecting property name enclosed in double quotes)",
    ),
    (
        "json duplicate key",
        "json",
        '{"tahun": 2019, "tahun": 2020}',
        'JSON tidak sah (kunci "tahun" ganda dalam satu objek)',
        'invalid JSON (duplicate key "tahun" in one object)',
    ),
    ("empty", "yaml", "", "(dokumen): dokumen kosong", "(document): empty document"),
    (
        "not a mapping",
        "yaml",
        "- 1\n- 2\n",
        "(dokumen): harus pemetaan (kunci: nilai), ditemukan daftar",
        "(document): must be a mapping (key: value), found a list",
    ),
    (
        "date for a year",
        "yaml",
        "format: lkjip-xl/1\ntahun: 2019-12-31\ninstansi: {nama: x}\n",
        "tahun: harus bilangan bulat, ditemukan 2019-12-31",
        "tahun: must be an integer, found 2019-12-31",
    ),
    (
        "recursive alias",
        "yaml",
        "format: &a [*a]\n",
        "format: struktur terlalu dalam (lebih dari 32 tingkat)",
        "format: nested too deeply (more than 32 levels)",
    ),
    (
        "deep nesting",
        "json",
        "[" * 5000 + "]" * 5000,
        "struktur dokumen terlalu dalam",
        "document nested too deeply",
    ),
]


@pytest.mark.parametrize(
    "fmt,text,msg_id,msg_en", [c[1:] for c in TEXT_CASES], ids=[c[0] for c in TEXT_CASES]
)
def test_text_error_messages(fmt: str, text: str, msg_id: str, msg_en: str) -> None:
    with pytest.raises(DataFormatError) as info:
        df.loads(text, fmt)
    assert (info.value.message_id, info.value.message_en) == (msg_id, msg_en)


def test_alias_bomb_is_refused() -> None:
    lines = ["a0: &a0 [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]"]
    for n in range(1, 8):
        lines.append(f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 10) + "]")
    with pytest.raises(UnsafeFileError) as info:
        df.loads("\n".join(lines))
    assert info.value.message_en == ("document too large: more than 1,000,000 values (nested YAML aliases?)")


def test_size_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as f:
        f.truncate(df.MAX_BYTES + 1)
    with pytest.raises(UnsafeFileError) as info:
        df.load(big)
    assert info.value.message_id == "berkas data terlalu besar (20,0 MB, batas 20 MB)"


def test_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        df.load(tmp_path / "nope.yaml")
    assert info.value.message_en == f"no such file: {tmp_path / 'nope.yaml'}"
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("nama: Dinas Pariwisata Bali \xe9".encode("latin-1"))
    with pytest.raises(DataFormatError) as info2:
        df.load(latin)
    assert info2.value.message_en == "latin.yaml: file is not UTF-8 text (byte offset 28)"  # named


def test_every_problem_in_document_order() -> None:
    data = base()
    s21(data).update(target="x")  # later in the file
    d0 = data["sasaran"][0]
    d0["indikator"][0]["satuan"] = 5  # earlier
    with pytest.raises(DataFormatError) as info:
        df.from_dict(data)
    assert info.value.problems == [
        ("sasaran S1 (ke-1) › indikator S1.1 (ke-1) › satuan: harus teks, ditemukan angka 5 "
         "(tulis dalam tanda kutip)",
         "sasaran S1 (#1) › indikator S1.1 (#1) › satuan: must be a string, found the number 5 "
         "(put it in quotes)"),
        ('sasaran S2 (ke-2) › indikator S2.1 (ke-1) › target: harus angka, ditemukan "x"',
         'sasaran S2 (#2) › indikator S2.1 (#1) › target: must be a number, found "x"'),
    ]  # every problem, in document order


# ---------------------------------------------------------------------------------------------
# The fast reading paths give what the reference paths give


def typed(value: Any, seen: tuple[int, ...] = ()) -> Any:
    """A comparable form that tells 1, 1.0, True, -0.0 and nan apart and keeps key order."""
    if id(value) in seen:
        return "<cycle>"
    if isinstance(value, dict):
        inner = (*seen, id(value))
        return ("dict", [(typed(k, inner), typed(v, inner)) for k, v in value.items()])
    if isinstance(value, list):
        inner = (*seen, id(value))
        return ("list", [typed(v, inner) for v in value])
    return type(value).__name__, repr(value)


def outcome(run: Any, *args: Any) -> Any:
    try:
        return "ok", typed(run(*args))
    except (DataFormatError, UnsafeFileError) as exc:
        return type(exc).__name__, exc.message_id, exc.message_en
    except Exception as exc:  # e.g. PyYAML's ValueError on "0b_": the same one either way
        return type(exc).__name__, str(exc)


def reference_yaml(text: str) -> Any:
    """dataformat's YAML reading before the lean loader: libyaml, else pure Python."""
    try:
        return yaml.load(text, Loader=lean_yaml.StrictFastLoader)
    except yaml.YAMLError:
        return lean_yaml.parse_yaml_reference(text)


PLAIN_SCALARS = [
    "1", "01", "0", "-0", "+1", "0b101", "0x1F", "0x_1", "0o17", "017", "08", "1_000", "1__0", "1:30",
    "-1:30", "190:20:30", "1:60", "1.5", "-0.0", ".5", "+.5", "1.", "0.", "1.5e+3", "1.5e3", "1e5",
    "1e+5", "1_0.5", "685.230_15e+03", "190:20:30.15", ".inf", "-.Inf", "+.INF", ".nan", ".NaN",
    "NaN", "inf", "yes", "Yes", "YES", "no", "on", "Off", "true", "True", "TRUE", "tRue", "false",
    "y", "n", "~", "null", "Null", "NULL", "nUll", "2019-12-31", "2019-1-1", "2019-12-31T10:00:00Z",
    "2019-12-31 10:00:00.5 +7", "=", "<<", "S1.1", "1.2.3", "19610804 198603 1 019", "-", "._",
    "+", "+.", "0b", "0b_", "0x_", "0_", "6.8523015e+5", "12:30:45", "2019", "104.62", "-3.25", "1e-3",
    "0.1e-3",
    "\u0661\u0662", "x y", "'q'", '"d"', "%", "@x", "`x", "a: b", "[1]", "{a: 1}", "!x 1", "&a 1",
]
YAML_TEXTS = [
    "",
    "# only a comment\n",
    "---\n",
    "~",
    "[]",
    "{}",
    "- 1\n- 2\n",
    "just text",
    "a: 1\n---\nb: 2\n",
    "a: &x [1, 2]\nb: *x\nc: &y {k: v}\nd: *y\ne: *y\n",
    "a: &s text\nb: *s\n",
    "r: &r [*r]\nm: &m {self: *m, r: *r}\n",
    "base: &b {x: 1}\nd:\n  <<: *b\n  y: 2\n",
    "<<: 1\n",
    "=: 1\n",
    "a: 1\na: 2\n",
    "'a': 1\na: 2\n",
    "1: a\n01: b\n",
    "1: a\n'1': b\n",
    "1: a\n1.0: b\n",
    "true: a\n1: b\n",
    "null: 1\n~: 2\n",
    "2019: 1\n2020: 2\n",
    "? [1, 2]\n: x\n",
    "? {a: 1}\n: x\n",
    "a: !foo 1\n",
    "a: !!str 5\nb: !!int '7'\nc: !!float 1\nd: !!null ''\ne: !!bool yes\n",
    "a: ! 12\nb: ! [1]\n",
    "a: !!binary aGVsbG8=\n",
    "a: !!set {x, y}\nb: !!omap [c: 1]\nc: !!pairs [d: 1]\n",
    "!!map {a: 1}",
    "!!seq [1]",
    "a: !!seq {b: 1}\n",
    "a: |\n  line 1\n  line 2\nb: >\n  folded\n  text\nc: 'x\u2028y'\nd: \u00e9\n",
    "a:\n\t- 1\n",
    "a: [1, 2\n",
    "a: 'unterminated\n",
    "a: b: c\n",
    "a: &x 1\nb: &x 2\nc: *x\n",
    "a: *nope\n",
    "[" * 40 + "]" * 40,
    "[" * 80 + "]" * 80,
    "a:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, 70)) + "  " * 70 + "v: 1\n",
]
YAML_TEXTS += [f"a: {s}\n" for s in PLAIN_SCALARS] + [f"{s}: v\n" for s in PLAIN_SCALARS]
YAML_TEXTS += [f"[{s}, x]\n" for s in PLAIN_SCALARS] + [f"- {s}\n- {s}\n" for s in PLAIN_SCALARS]
YAML_TEXTS += [p.read_text(encoding="utf-8") for p in SAMPLE_FILES]


@pytest.mark.parametrize("text", YAML_TEXTS, ids=repr)
def test_lean_yaml_loader_matches_the_reference(text: str) -> None:
    assert outcome(lean_yaml.parse_yaml, text) == outcome(reference_yaml, text)


def test_lean_yaml_loader_handles_the_usual_document() -> None:
    # the samples must take the lean path, not the fallbacks
    for path in SAMPLE_FILES:
        assert lean_yaml.load_lean(path.read_text(encoding="utf-8")) == raw(path)


def test_lean_yaml_loader_keeps_aliases_shared() -> None:
    data = lean_yaml.parse_yaml("a: &x [1]\nb: *x\nc: &r [*r]\n")
    assert data["a"] is data["b"]
    assert data["c"][0] is data["c"]


def nested(levels: int, kind: str) -> Any:
    value: Any = 1
    for _ in range(levels):
        value = [value] if kind == "list" else {"k": value}
    return value


SHAPES: list[Any] = [
    raw(DENPASAR),
    {1: "a", "1": "b"},
    {True: 1, "true": 2},
    {None: 1, "null": 2, 1.5: 3, 2019: {2020: [1, {3: None}]}},
    {1: "a", "x": {2: "b", "2": "c"}},
    {"t": (1, 2), "s": {1, 2}, "b": b"x"},
    {"shared": (shared := [1, 2]), "again": shared},
    [nested(n, kind) for n in (31, 32, 33) for kind in ("list", "dict")],
    nested(32, "list"),
    nested(33, "list"),
    nested(34, "list"),
    nested(33, "dict"),
    nested(34, "dict"),
    [[]] * 3,
    [],
    {},
    "scalar",
    [float("nan"), {"x": [1, float("inf")]}],
]


@pytest.mark.parametrize("data", SHAPES, ids=lambda d: repr(d)[:40])
@pytest.mark.parametrize("max_nodes", [df.MAX_NODES, 4, 5, 6])
def test_fast_json_copy_matches_json_shaped(
    data: Any, max_nodes: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(validation, "MAX_NODES", max_nodes)

    def fast(value: Any) -> Any:
        try:
            return validation.json_copy(value, 0, [validation.MAX_NODES - 1])
        except validation.Irregular:
            return "irregular"

    expected = outcome(validation.json_shaped, data, [], 0, [0])
    got = outcome(fast, data)
    if expected[0] == "ok":
        assert got == expected
    else:
        assert got == ("ok", typed("irregular"))


def test_fast_json_copy_counts_like_json_shaped(monkeypatch: pytest.MonkeyPatch) -> None:
    data = {"a": [1, 2, {"b": 3}], "c": 4}  # 7 values with the document itself
    for limit, refused in ((6, True), (7, False)):
        monkeypatch.setattr(validation, "MAX_NODES", limit)
        with pytest.raises(validation.Irregular) if refused else contextlib.nullcontext():
            validation.json_copy(data, 0, [validation.MAX_NODES - 1])
        with pytest.raises(UnsafeFileError) if refused else contextlib.nullcontext():
            validation.json_shaped(data, [], 0, [0])


@pytest.mark.parametrize(
    "data",
    [
        {"a": [1.5, {"b": float("nan")}]},
        {"a": [float("-inf")]},
        {"a": 1, "b": [2, "x", None]},
        {"a": [0.0, -0.0]},
        {"a": [1e308 * 10]},
    ],
)
def test_all_finite_matches_numbers(data: Any) -> None:
    assert validation.all_finite(data) == all(math.isfinite(n) for _, n in validation.numbers(data, []))


@pytest.mark.parametrize("text", ["format: lkjip-xl/1\ntahun: 0b_\n", "tahun: 0x_\n", "tahun: 0b__\n"])
def test_a_number_pyyaml_cannot_convert_is_a_data_error(text: str) -> None:
    with pytest.raises(DataFormatError, match="YAML tidak sah"):
        df.loads(text, "yaml")


def test_every_problem_at_once_capped() -> None:
    """One round for all the mistakes: each listed by kode and 1-based position, at most
    MAX_PROBLEMS lines and a count of the rest."""
    data = base()
    inds = [i for s in data["sasaran"] for i in s.get("indikator", [])]
    for n in range(60):
        inds[n % len(inds)][f"salah{n}"] = 1
    with pytest.raises(DataFormatError) as info:
        df.from_dict(data)
    err = info.value
    assert len(err.problems) == 60
    lines = err.message_id.splitlines()
    assert lines[0] == "60 masalah dalam data:" and len(lines) == df.MAX_PROBLEMS + 2
    assert lines[-1] == f"  ... dan {60 - df.MAX_PROBLEMS} masalah lain"
    assert "(ke-1)" in lines[1] and "[0]" not in err.message_id


def test_a_number_typed_the_indonesian_way_gets_the_value_meant() -> None:
    data = base()
    s21(data).update(target="66,5")
    with pytest.raises(DataFormatError) as info:
        df.from_dict(data)
    assert info.value.message_id.endswith('ditemukan "66,5"; tulis 66.5')
    assert info.value.message_en.endswith('found "66,5"; write 66.5')


def test_a_round_number_with_three_decimals_is_a_warning(tmp_path: Path) -> None:
    text = (SAMPLES / "synthetic_rules.yaml").read_text(encoding="utf-8")
    path = tmp_path / "d.yaml"
    path.write_text(text.replace("target: 90\n", "target: 90.000\n", 1), encoding="utf-8")
    notes: list[tuple[str, str]] = []
    dok = df.load(path, notes=notes)
    assert dok.sasaran[0].indikator[0].target == 90  # read as YAML reads it
    assert len(notes) == 1 and "90.000 dibaca sebagai 90; bila maksudnya 90000" in notes[0][0]
    assert df.ambiguous_decimals("x: 4.625\ny: '66.500'\nz: 1.5\n") == []  # decimals, quoted
    # a number inside a text is text, kept as typed: no warning in the middle of a recovery
    assert df.ambiguous_decimals("uraian: Angka kecelakaan per 100.000 penduduk\n"
                                 "simpulan: |\n  mencapai 1.050 unit usaha\n") == []
    flagged = ("a: 90.000\nb: [1.500, 2]\nc: {d: 3.000}\n- 45.000\n"
               '{"e": 12.000}\n')
    assert [m[0].split(":")[0] for m in df.ambiguous_decimals(flagged)] == [
        "baris 1", "baris 2", "baris 3", "baris 4", "baris 5"]


def test_a_workbook_given_as_data_points_to_from(tmp_path: Path) -> None:
    book = SAMPLES / "denpasar_2019.xlsx"
    with pytest.raises(DataFormatError) as info:
        df.load(book)
    assert "denpasar_2019.xlsx adalah buku kerja Excel" in info.value.message_id
    assert "--from denpasar_2019.xlsx" in info.value.message_en
