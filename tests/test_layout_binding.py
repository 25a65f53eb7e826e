"""The layout is the one source of every workbook fact: bindings cover the model, enums and
defaults agree with the model and the JSON Schema, the golden snapshot pins what older
workbooks rely on, and workbooks written by an earlier release still read and verify."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from lkjip_xl import dataformat
from lkjip_xl.core import model
from lkjip_xl.schema import TABLES
from lkjip_xl.schema.sheets import NARASI_FIELDS, PENGATURAN_FIELDS, PROFIL_FIELDS
from lkjip_xl.schema.snapshot import dumps
from lkjip_xl.verify import verify
from lkjip_xl.workbook.binding import Years, get, joined, put, steps
from lkjip_xl.workbook.read import read_workbook
from lkjip_xl.workbook.tree import level_types, structural
from tests.docgen import build

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden" / "layout.json"
RELEASE_1 = ROOT / "tests" / "data" / "release-1"

# the model fields no column binds: the tree's own (a level's list, a code that places a row
# without binding: kode_kegiatan, kode_sub), as the layout declares the tree
STRUCTURAL = {cls.__name__: names for cls, names in structural().items()}
# the model class each input table's rows are, from the entity tree the layout declares
ROW_TYPES = {k: level_types(t)[0] for k, t in TABLES.items() if t.mirror is None}


def _bound_paths() -> dict[type, set[str]]:
    out: dict[type, set[str]] = {}
    for key, t in TABLES.items():
        if t.mirror is not None:
            continue
        owner = ROW_TYPES[key]
        for c in t.columns:
            if c.bind:
                out.setdefault(owner, set()).add(c.bind)
    for f in PROFIL_FIELDS + PENGATURAN_FIELDS + NARASI_FIELDS:
        if f.bind:
            out.setdefault(model.Dokumen, set()).add(f.bind)
    return out


@pytest.mark.parametrize("cls", [model.Sasaran, model.Indikator, model.Program,
                                 model.SubKegiatan, model.PredikatBand, model.Komponen,
                                 model.SdmBaris])
def test_every_model_field_is_bound_once_or_structural(cls):
    paths = _bound_paths()
    tops: dict[str, int] = {}
    owner = {model.Komponen: model.Indikator, model.SubKegiatan: model.Kegiatan}.get(cls, cls)
    for p in paths.get(owner, set()):
        first = steps(p)[0].attr
        if cls is model.Komponen:
            if first != "komponen":
                continue
            first = steps(p)[1].attr
        tops[first] = tops.get(first, 0) + 1
    names = {f.name for f in dataclasses.fields(cls)}
    unbound = names - set(tops) - STRUCTURAL.get(cls.__name__, set())
    assert not unbound, f"{cls.__name__}: no column binds {sorted(unbound)}"
    assert set(tops) <= names
    # a field bound by several columns is a list or a year-keyed dict, one slot per column
    for name, n in tops.items():
        if n > 1:
            assert name in ("target_renstra", "target_tw", "realisasi_tw", "realisasi_lalu",
                            "anggaran_tw", "komponen", "pagu_renstra",
                            "realisasi_anggaran_lalu"), name


def test_kegiatan_and_sub_kegiatan_share_their_bound_fields():
    kg = {c.bind for c in TABLES["KG"].columns if c.bind}
    for cls in (model.Kegiatan, model.SubKegiatan):
        names = {f.name for f in dataclasses.fields(cls)}
        assert {steps(p)[0].attr for p in kg} <= names


def test_every_document_field_has_a_form_field():
    bound = {f.bind for f in PROFIL_FIELDS + PENGATURAN_FIELDS if f.bind}
    for f in dataclasses.fields(model.Kepala):
        assert f"instansi.kepala.{f.name}" in bound
    for f in dataclasses.fields(model.Pengaturan):
        if f.name != "predikat":
            assert f"pengaturan.{f.name}" in bound
    assert {"tahun", "renstra.awal", "renstra.akhir", "instansi.nama", "instansi.pemda"} <= bound
    narasi = {f"narasi.{f.name}" for f in dataclasses.fields(model.Narasi)}
    assert narasi == {f.bind for f in NARASI_FIELDS}


def test_choices_and_defaults_agree_with_model_and_json_schema():
    schema = json.loads((ROOT / "lkjip_xl" / "data" / "lkjip-xl-1.schema.json").read_text())
    text = json.dumps(schema)
    defaults = model.Pengaturan()
    for f in PENGATURAN_FIELDS:
        if f.kind != "choice":
            continue
        if isinstance(f.default, bool):  # a yes/no setting: Ya / Tidak in the sheet, a boolean
            assert f.default == getattr(defaults, f.key) and f.choices == ("Ya", "Tidak")
            assert schema["$defs"]["pengaturan"]["properties"][f.key]["type"] == "boolean"
            continue
        const = getattr(model, f.key.upper())
        assert f.choices == const
        assert f.default == getattr(defaults, f.key)
        assert json.dumps({"enum": list(const)})[1:-1] in text, f.key
    ik = TABLES["IK"]
    assert ik.column("polaritas").choices == model.POLARITAS
    assert ik.column("agregasi").choices == model.AGREGASI
    assert ik.column("polaritas").default == model.Indikator("x", "").polaritas
    assert json.dumps({"enum": list(model.POLARITAS)})[1:-1] in text
    assert json.dumps({"enum": [*model.AGREGASI, None]})[1:-1] in text  # null: not declared


def test_joined_tables_are_the_per_indicator_tables():
    assert joined(TABLES) == ["RKT", "PK", "RA", "RK"]


@pytest.mark.parametrize("seed", range(12))
def test_binding_round_trips_every_bound_value(seed):
    """get then put into a fresh object gives the same value for every binding."""
    dok = build(seed)
    years = Years(dok.renstra.awal if dok.renstra else None, dok.tahun)
    for _s, i in dok.indikator():
        fresh = model.Indikator(i.kode, "")
        for key in ["IK", *joined(TABLES)]:
            for c in TABLES[key].columns:
                if c.bind:
                    put(fresh, c.bind, get(i, c.bind, years), years)
        for c in (c for key in ["IK", *joined(TABLES)] for c in TABLES[key].columns if c.bind):
            assert get(fresh, c.bind, years) == get(i, c.bind, years), c.key


def test_the_sample_written_today_reads_back_as_its_data(sample_workbook):
    dok, _lr = read_workbook(sample_workbook)
    ours = dataformat.load(ROOT / "samples" / "denpasar_2019.yaml")
    assert dataformat.to_dict(dok) == dataformat.to_dict(ours)


def test_layout_matches_its_golden_snapshot():
    assert GOLDEN.read_text(encoding="utf-8") == dumps(), (
        "the layout changed: if deliberate, keep older workbooks readable (keep headers, add "
        "the old template to Column.earlier, mark new columns `since`) and regenerate with "
        "`python -m lkjip_xl.schema.snapshot tests/golden/layout.json`")


def test_previous_release_sample_still_reads_and_passes():
    """The bundled sample as the first release wrote it (before the rata_rata fix)."""
    path = RELEASE_1 / "denpasar_2019.xlsx"
    before = path.read_bytes()
    dok, _lr = read_workbook(path)
    ours = dataformat.load(ROOT / "samples" / "denpasar_2019.yaml")
    # the first release had no place for the report's own text, which the sample now carries
    ours.narasi, ours.sdm = type(ours.narasi)(), []
    for s in ours.sasaran:
        s.pendorong = s.penghambat = s.upaya = s.program_penunjang = None
    assert dataformat.to_dict(dok) == dataformat.to_dict(ours)
    rep = verify(path)
    loud = sorted((f.code, f.location) for f in rep.findings if f.severity != "info")
    # the rata_rata fix, and the kegiatan's sub-kegiatan count that compares text copies of the
    # codes (a code Calc took for a number was never counted)
    assert loud == [("rumus-versi-lama", "'Anggaran Kegiatan'!H5:H304"),
                    ("rumus-versi-lama", "'Anggaran Kegiatan'!I5:I304"),
                    ("rumus-versi-lama", "'Pengukuran Kinerja'!R5:R64")], loud
    infos = {f.code for f in rep.findings if f.severity == "info"}
    assert {"kolom-versi-baru", "sheet-versi-baru"} <= infos
    assert rep.verdict() == "lulus"
    assert path.read_bytes() == before


def test_an_edited_formula_is_not_taken_for_an_earlier_version(tmp_path):
    import openpyxl

    src = RELEASE_1 / "denpasar_2019.xlsx"
    wb = openpyxl.load_workbook(src)
    ws = wb["Pengukuran Kinerja"]
    ws["R5"] = ws["R5"].value.replace("rata_rata", "rata-rata")
    out = tmp_path / "edited.xlsx"
    wb.save(out)
    findings = verify(out).findings
    codes = {f.code: f for f in findings}
    assert "rumus-diubah" in codes and codes["rumus-diubah"].location.endswith("!R5")
    older = {f.location: f.params["count"] for f in findings if f.code == "rumus-versi-lama"}
    assert older["'Pengukuran Kinerja'!R6:R64"] == 59, older


def test_earlier_formula_recalculated_by_libreoffice_is_judged_by_todays_rule(tmp_path):
    """A workbook of the first release, recalculated by a real client: its rata_rata indicator
    with a missing year gets the old partial mean, which verify reports at exactly those cells
    (the formula itself is recognised once, as an earlier version)."""
    from lkjip_xl.engines import libreoffice

    if not libreoffice.available():
        pytest.skip("LibreOffice not installed")
    out = libreoffice.convert(RELEASE_1 / "rata_rata_gap.xlsx", tmp_path)
    rep = verify(out)
    errors = sorted((f.code, f.location) for f in rep.findings if f.severity == "error")
    assert errors == [("nilai-salah", "'Pengukuran Kinerja'!R5"),
                      ("nilai-salah", "'Pengukuran Kinerja'!S5")], errors
    # S3.1 is the generator's indicator left unreported on purpose: at year end that is the
    # warning realisasi-kosong (issue #21), the only one besides the formula version
    unreported = [("realisasi-kosong", "'Realisasi Kinerja'!G7")]
    assert [(f.code, f.location) for f in rep.findings if f.severity == "warning"] == [
        *unreported, ("rumus-versi-lama", "'Pengukuran Kinerja'!R5:R64"),
        ("rumus-versi-lama", "'Anggaran Kegiatan'!H5:H304"),
        ("rumus-versi-lama", "'Anggaran Kegiatan'!I5:I304")]
    # the same data in today's workbook, recalculated the same way, is clean
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    from lkjip_xl.workbook.write import write_workbook

    src = fresh / "gap.xlsx"
    write_workbook(dataformat.load(RELEASE_1 / "rata_rata_gap.yaml"), src)
    again = libreoffice.convert(src, tmp_path / "fresh-lo")
    assert [(f.code, f.location) for f in verify(again).findings
            if f.severity != "info"] == unreported


def test_a_field_added_to_the_layout_flows_through_every_view(tmp_path):
    """`standar_nasional_sumber` was added with three edits (the model field, its column in
    schema/sheets.py, the JSON Schema); the data format, the workbook, the reader, verify,
    export and the LKjIP document carry it with no further edit."""
    from lkjip_xl.workbook.write import write_workbook

    dok = dataformat.load(ROOT / "samples" / "denpasar_2019.yaml")
    _s, first = dok.indikator()[0]
    first.standar_nasional, first.standar_nasional_sumber = 70.0, "Permendagri 100/2018"
    data = tmp_path / "data.yaml"
    dataformat.dump(dok, data)
    assert "standar_nasional_sumber: Permendagri 100/2018" in data.read_text(encoding="utf-8")
    again = dataformat.load(data)
    assert again.indikator()[0][1].standar_nasional_sumber == "Permendagri 100/2018"
    book = tmp_path / "book.xlsx"
    write_workbook(again, book)
    read, lr = read_workbook(book)
    assert read.indikator()[0][1].standar_nasional_sumber == "Permendagri 100/2018"
    pk = lr.tables["PK"]
    assert pk.columns["standar_nasional_sumber"] == TABLES["PK"].index("standar_nasional_sumber")
    assert [f for f in verify(book).findings if f.severity != "info"] == []
    # an older workbook without the column: read, one info, the field empty
    old = RELEASE_1 / "denpasar_2019.xlsx"
    rep = verify(old)
    info = [f.location for f in rep.findings if f.code == "kolom-versi-baru"]
    assert "PK!I4" in info and all(loc.startswith(("PK!", "Sasaran!", "Program!",
                                                   "'Realisasi Anggaran'!")) for loc in info)
    assert read_workbook(old)[0].indikator()[0][1].standar_nasional_sumber is None


def test_the_shipped_sample_workbook_holds_the_sample_data():
    """samples/denpasar_2019.xlsx is what `new --data samples/denpasar_2019.yaml` writes: a
    newcomer opening the shipped workbook sees the same agency (its narrative included) as the
    README's first command makes, and it passes verify."""
    path = ROOT / "samples" / "denpasar_2019.xlsx"
    dok, _lr = read_workbook(path)
    ours = dataformat.load(ROOT / "samples" / "denpasar_2019.yaml")
    assert dataformat.to_dict(dok) == dataformat.to_dict(ours), (
        "regenerate it: lkjip-xl new --data samples/denpasar_2019.yaml "
        "-o samples/denpasar_2019.xlsx --force")
    assert verify(path).verdict() == "lulus"
