"""The planning unit: templates, carry-over, many workbooks at once, the batch summary."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest

from lkjip_xl.cli import run_main
from lkjip_xl.core.errors import DataFormatError, InputError
from lkjip_xl.core.findings import Finding, Report
from lkjip_xl.dataformat import load
from lkjip_xl.planning.batch import check_file, collect_paths, fatal_report, verify_many
from lkjip_xl.planning.carry import carry_notes, carry_over
from lkjip_xl.planning.roster import load_roster, output_name, slug
from lkjip_xl.planning.summary import render_csv, render_json, render_text
from lkjip_xl.planning.templates import (
    bundled_templates,
    load_template,
    parse_template,
)
from lkjip_xl.workbook.export import export_dokumen

SAMPLE = Path(__file__).parent.parent / "samples" / "denpasar_2019.yaml"


# ---------------------------------------------------------------- templates
def test_bundled_templates_load() -> None:
    assert {"default", "contoh-kota"} <= set(bundled_templates())
    t = load_template("contoh-kota")
    assert t.pengaturan.batas_capaian == 120
    assert t.pemda == "Kota Contoh"
    assert t.minimum_capacity()["PK"] == 80 and t.minimum_capacity()["KG"] == 400
    assert t.guide_lines()[1] == "Ketentuan Bappeda Kota Contoh"
    d = load_template("default")
    assert d.pengaturan.metode_efisiensi == "selisih" and d.guide_lines() == []


@pytest.mark.parametrize("data, key", [
    ({"pengaturan": {"metode_efisiensi": "rata"}}, "pengaturan.metode_efisiensi"),
    ({"pengaturan": {"batas_capaian": "120"}}, "pengaturan.batas_capaian"),
    ({"pengaturan": {"predikat": [{"min": 50, "label": "A"}, {"min": 70, "label": "B"}]}},
     "pengaturan.predikat"),
    ({"pengaturan": {"predikat": [{"min": None, "label": "A"}, {"min": 70, "label": "B"}]}},
     "pengaturan.predikat"),
    ({"pengaturan": {"predikat": [{"min": 50}]}}, "pengaturan.predikat[0].label"),
    ({"pengaturan": {"rumus": "lan"}}, "pengaturan.rumus"),
    ({"kapasitas": {"indikator": 0}}, "kapasitas.indikator"),
    ({"kapasitas": {"tabel": 5}}, "kapasitas.tabel"),
    ({"petunjuk": {"baris": ["ok", 5]}}, "petunjuk.baris[1]"),
    ({"warna": "biru"}, "warna"),
    ({"versi": 2}, "versi"),
])
def test_template_errors_name_the_key(data: dict, key: str) -> None:
    with pytest.raises(DataFormatError) as exc:
        parse_template(data, "t.yaml")
    assert f"t.yaml: {key}:" in exc.value.message("id")
    assert f"t.yaml: {key}:" in exc.value.message("en")


def test_unknown_template_lists_the_available() -> None:
    with pytest.raises(InputError, match="contoh-kota"):
        load_template("tidak-ada")


def test_template_applied_to_a_new_workbook(tmp_path: Path) -> None:
    out = tmp_path / "baru.xlsx"
    assert run_main(["new", "--tahun", "2025", "--instansi", "Dinas Kominfo", "--template",
                     "contoh-kota", "-o", str(out)]) == 0
    dok = export_dokumen(out, with_pengukuran=False)
    assert dok.pengaturan.batas_capaian == 120 and dok.instansi.pemda == "Kota Contoh"
    wb = openpyxl.load_workbook(out)
    guide = [c.value for c in wb["Petunjuk"]["A"] if c.value]
    assert "Ketentuan Bappeda Kota Contoh" in guide and guide[-1].startswith("D. Pertanyaan")
    # the template's lines print too: the print area reaches the last of them
    last = max(c.row for c in wb["Petunjuk"]["A"] if c.value)
    assert str(wb["Petunjuk"].print_area).endswith(f"$A${last}")
    assert wb["PK"].max_row >= 4 + 80  # the template's indicator capacity


def test_template_file_by_path(tmp_path: Path) -> None:
    f = tmp_path / "kota.yaml"
    f.write_text("pengaturan: {nilai_tw: per_triwulan, rumus_negatif: invers}\n", encoding="utf-8")
    out = tmp_path / "x.xlsx"
    assert run_main(["new", "--tahun", "2025", "--instansi", "X", "--template", str(f),
                     "-o", str(out)]) == 0
    dok = export_dokumen(out, with_pengukuran=False)
    assert (dok.pengaturan.nilai_tw, dok.pengaturan.rumus_negatif) == ("per_triwulan", "invers")
    f.write_text("pengaturan: {nilai_tw: bulanan}\n", encoding="utf-8")
    assert run_main(["new", "--tahun", "2025", "--template", str(f), "-o",
                     str(tmp_path / "y.xlsx")]) == 3
    assert not (tmp_path / "y.xlsx").exists()


# ---------------------------------------------------------------- carry-over
def test_carry_over_rules_on_the_sample() -> None:
    last = load(SAMPLE)
    new = carry_over(last, 2020)
    ind = {i.kode: i for _, i in new.indikator()}
    assert ind["S1.1"].realisasi_lalu == {2019: 66, 2018: 63}
    assert ind["S2.1"].realisasi_lalu == {2019: 0.5, 2018: 0.5, 2017: 0.5}
    assert (ind["S1.1"].target, ind["S1.1"].target_rkt) == (70, 70)
    assert ind["S1.1"].realisasi is None and ind["S1.1"].realisasi_tw == [None] * 4
    assert ind["S1.1"].target_tw == [None] * 4
    assert ind["S1.1"].target_renstra == last.indikator()[0][1].target_renstra
    assert all(k.anggaran is None and k.realisasi is None for _, k in new.kegiatan())
    assert [k.kode for _, k in new.kegiatan()] == [k.kode for _, k in last.kegiatan()]
    assert new.pengaturan == last.pengaturan and new.renstra == last.renstra
    # the report's text about 2019 is not next year's; the text about the agency is a start
    assert last.narasi.kata_pengantar and last.narasi.simpulan and last.sasaran[0].pendorong
    assert (new.narasi.kata_pengantar, new.narasi.simpulan, new.narasi.langkah_ke_depan) == (
        None, None, None)
    assert all((s.pendorong, s.penghambat, s.upaya, s.program_penunjang) == (None,) * 4
               for s in new.sasaran)
    assert new.narasi.tugas_fungsi == last.narasi.tugas_fungsi and new.sdm == last.sdm
    assert any("periksa dan perbarui" in note for note, _ in carry_notes(last, new))
    later = carry_over(last, 2025)  # five years on: only the years the workbook keeps
    assert later.indikator()[0][1].realisasi_lalu == {}  # 2019 is older than 2020..2024
    assert later.indikator()[0][1].target is None  # no Renstra target for 2025


def test_new_from_last_year_workbook(tmp_path: Path) -> None:
    w2019, w2020 = tmp_path / "d2019.xlsx", tmp_path / "d2020.xlsx"
    assert run_main(["new", "--data", str(SAMPLE), "-o", str(w2019)]) == 0
    assert run_main(["new", "--from", str(w2019), "--tahun", "2020", "-o", str(w2020)]) == 0
    dok = export_dokumen(w2020)
    assert dok.tahun == 2020
    ind = {i.kode: i for _, i in dok.indikator()}
    assert ind["S1.1"].realisasi_lalu == {2019: 66, 2018: 63}
    assert ind["S2.1"].realisasi_lalu == {2019: 0.5, 2018: 0.5, 2017: 0.5}
    assert ind["S1.1"].target == 70 and ind["S1.1"].realisasi is None
    assert all(k.anggaran is None for _, k in dok.kegiatan())
    pk = dok.extra["pengukuran"]["indikator"]["S1.1"]
    assert pk["realisasi_lalu"] == 66 and pk["capaian"] is None
    assert run_main(["new", "--from", str(w2019), "--data", str(SAMPLE), "-o",
                     str(tmp_path / "z.xlsx")]) == 2


# ---------------------------------------------------------------- many workbooks
def test_slug_and_output_name() -> None:
    assert slug("Dinas Koperasi & UMKM Kota Denpasar") == "dinas-koperasi-umkm-kota-denpasar"
    assert slug("Dinas Pekerjaan Umum dan Penataan Ruang (PUPR) — Bidang Jalan") == \
        "dinas-pekerjaan-umum-dan-penataan-ruang-pupr-bidang-jalan"
    assert output_name("Dinas Sosial", 2025) == "dinas-sosial-2025.xlsx"
    assert output_name("Dinas Sosial", 2025, "sosial") == "sosial.xlsx"
    with pytest.raises(DataFormatError):
        output_name("x", 2025, "../luar.xlsx")


def test_roster_csv_and_yaml(tmp_path: Path) -> None:
    (tmp_path / "daftar.csv").write_text(
        "nama;pemda;kepala;nip;keluaran\nDinas Sosial;Kota A;Budi;1970;\n"
        "Dinas Kesehatan;Kota A;Sari;1980;kesehatan\n", encoding="utf-8")
    entries = load_roster(tmp_path / "daftar.csv")
    assert [(e.nama, e.kepala, e.keluaran) for e in entries] == [
        ("Dinas Sosial", "Budi", None), ("Dinas Kesehatan", "Sari", "kesehatan")]
    (tmp_path / "daftar.yaml").write_text(
        "tahun: 2025\npemda: Kota B\ninstansi:\n  - nama: Dinas A\n  - {nama: Dinas B, pemda: Kota C}\n",
        encoding="utf-8")
    e = load_roster(tmp_path / "daftar.yaml")
    assert [(x.nama, x.pemda, x.tahun) for x in e] == [("Dinas A", "Kota B", 2025),
                                                        ("Dinas B", "Kota C", 2025)]
    (tmp_path / "salah.csv").write_text("nama,warna\nA,biru\n", encoding="utf-8")
    with pytest.raises(DataFormatError, match="warna"):
        load_roster(tmp_path / "salah.csv")
    (tmp_path / "kosong.csv").write_text("nama,pemda\n,Kota A\n", encoding="utf-8")
    with pytest.raises(DataFormatError, match="baris 2"):
        load_roster(tmp_path / "kosong.csv")


def test_new_batch_from_master_list(tmp_path: Path) -> None:
    (tmp_path / "daftar.csv").write_text(
        "nama,kepala,nip\nDinas Sosial,Budi,\"19700101 199003 1 001\"\n"
        "Badan Keuangan Daerah,Sari,\n=HYPERLINK(\"x\"),Eve,\n", encoding="utf-8")
    out = tmp_path / "hasil"
    code = run_main(["new", "--batch", str(tmp_path / "daftar.csv"), "--tahun", "2025",
                     "--template", "contoh-kota", "--jobs", "2", "-o", str(out)])
    assert code == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == ["badan-keuangan-daerah-2025.xlsx", "dinas-sosial-2025.xlsx",
                     "hyperlink-x-2025.xlsx"]
    dok = export_dokumen(out / "dinas-sosial-2025.xlsx", with_pengukuran=False)
    assert (dok.instansi.nama, dok.instansi.pemda, dok.instansi.kepala.nip) == (
        "Dinas Sosial", "Kota Contoh", "19700101 199003 1 001")
    assert dok.pengaturan.batas_capaian == 120
    evil = export_dokumen(out / "hyperlink-x-2025.xlsx", with_pengukuran=False)
    assert evil.instansi.nama == '=HYPERLINK("x")'  # kept as text, never a formula
    # again without --force: every entry refused, none overwritten, the batch still finishes
    assert run_main(["new", "--batch", str(tmp_path / "daftar.csv"), "--tahun", "2025",
                     "-o", str(out)]) == 2


def test_new_batch_from_last_years_folder(tmp_path: Path) -> None:
    last = tmp_path / "2019"
    last.mkdir()
    assert run_main(["new", "--data", str(SAMPLE), "-o", str(last / "a.xlsx")]) == 0
    (last / "b.yaml").write_text(SAMPLE.read_text(encoding="utf-8").replace(
        "Dinas Koperasi Usaha Mikro Kecil dan Menengah", "Dinas Sosial"), encoding="utf-8")
    (last / "rusak.xlsx").write_bytes(b"not a zip")
    out = tmp_path / "2020"
    assert run_main(["new", "--batch", str(last), "--tahun", "2020", "-o", str(out),
                     "--jobs", "1"]) == 3  # the broken file fails alone
    made = sorted(p.name for p in out.iterdir())
    assert made == ["dinas-koperasi-usaha-mikro-kecil-dan-menengah-kota-denpasar-2020.xlsx",
                    "dinas-sosial-kota-denpasar-2020.xlsx"]
    carried = export_dokumen(out / made[0])
    assert carried.indikator()[0][1].realisasi_lalu == {2019: 66, 2018: 63}


def test_duplicate_names_refused_before_writing(tmp_path: Path) -> None:
    (tmp_path / "d.csv").write_text("nama\nDinas Sosial\nDINAS  SOSIAL\n", encoding="utf-8")
    assert run_main(["new", "--batch", str(tmp_path / "d.csv"), "--tahun", "2025", "-o",
                     str(tmp_path / "o")]) == 2
    assert not any((tmp_path / "o").iterdir())


# ---------------------------------------------------------------- batch verification
def test_one_bad_file_never_stops_the_batch(tmp_path: Path) -> None:
    good = tmp_path / "good.xlsx"
    assert run_main(["new", "--data", str(SAMPLE), "-o", str(good)]) == 0
    (tmp_path / "bad.xlsx").write_bytes(b"PK\x03\x04 broken")
    (tmp_path / "empty.xlsx").write_bytes(b"")
    (tmp_path / "~$lock.xlsx").write_bytes(b"")
    paths = collect_paths([tmp_path])
    assert [Path(p).name for p in paths] == ["bad.xlsx", "empty.xlsx", "good.xlsx"]
    results = verify_many(paths, jobs=2, progress=False)
    by = {Path(p).name: r for p, r in results}
    assert by["bad.xlsx"].fatal and by["empty.xlsx"].fatal
    assert by["good.xlsx"].valid and by["good.xlsx"].stats["ringkasan"]["penyerapan"] == \
        pytest.approx(89.89068751239418)
    text = render_text(results)
    assert "tidak terbaca" in text and "Dinas Koperasi" in text
    # the worst verdict's code, as verify of the folder: an unreadable file is 3
    assert run_main(["rekap", str(tmp_path), "-o", str(tmp_path / "r.xlsx")]) == 3


def test_rekap_says_belum_diisi_and_exits_by_the_verdicts(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """#22: an unfilled template is "belum diisi", not a failure; rekap exits with the worst
    verdict, as `verify FOLDER` does (README's exit codes)."""
    from lkjip_xl.schema.rekap_tables import S_GAGAL, S_RINGKASAN

    folder = tmp_path / "masuk"
    folder.mkdir()
    assert run_main(["new", "--data", str(SAMPLE), "-o", str(folder / "terisi.xlsx")]) == 0
    assert run_main(["new", "--tahun", "2019", "--instansi", "Dinas Belum", "-o",
                     str(folder / "kosong.xlsx")]) == 0
    capsys.readouterr()

    def rekap(name: str) -> tuple[int, int, dict[str, object], list[str]]:
        out = tmp_path / name
        code = run_main(["rekap", str(folder), "-o", str(out), "--jobs", "1"])
        err = capsys.readouterr().err.splitlines()
        verify_code = run_main(["verify", str(folder), "--jobs", "1"])
        capsys.readouterr()
        wb = openpyxl.load_workbook(out, data_only=True)
        counts = {str(r[0]): r[1] for r in wb[S_RINGKASAN].iter_rows(min_row=5, values_only=True)
                  if r[0]}
        statuses = [str(r[3]) for r in wb[S_GAGAL].iter_rows(min_row=5, values_only=True)
                    if r[1]]
        assert "Traceback" not in " ".join(err)
        assert [ln.split(":", 1)[0] for ln in err] == statuses  # one line per file left out
        return code, verify_code, counts, statuses

    code, verify_code, counts, statuses = rekap("r1.xlsx")  # filled and unfilled
    assert code == verify_code == 4
    assert statuses == ["belum diisi"]
    assert (counts["Berkas lulus verifikasi"], counts["Berkas belum diisi"],
            counts["Berkas gagal verifikasi"], counts["Berkas tidak terbaca"]) == (1, 1, 0, 0)
    (folder / "rusak.xlsx").write_bytes(b"PK\x03\x04 rusak")
    bad = folder / "gagal.xlsx"
    wb = openpyxl.load_workbook(folder / "terisi.xlsx")
    wb["PK"]["C5"] = 0.8  # a percent target typed as a fraction: an error
    wb.save(bad)
    code, verify_code, counts, statuses = rekap("r2.xlsx")  # + broken, + failing
    assert code == verify_code == 3
    assert sorted(statuses) == ["belum diisi", "gagal", "tidak terbaca"]
    assert (counts["Berkas lulus verifikasi"], counts["Berkas belum diisi"],
            counts["Berkas gagal verifikasi"], counts["Berkas tidak terbaca"]) == (1, 1, 1, 1)
    (folder / "rusak.xlsx").unlink()
    assert rekap("r3.xlsx")[:2] == (1, 1)  # failing beats unfilled, as in verify's table
    bad.unlink()
    (folder / "kosong.xlsx").unlink()
    assert rekap("r4.xlsx")[:2] == (0, 0)


def test_a_crashing_verifier_becomes_a_fatal_report(tmp_path: Path) -> None:
    def boom(path: str) -> Report:
        raise ZeroDivisionError("x")

    path, r = check_file(str(tmp_path / "a.xlsx"), boom)
    assert r.fatal and r.codes() == ["berkas-tidak-terbaca"]
    assert "ZeroDivisionError" in r.findings[0].found


def _results() -> list[tuple[str, Report]]:
    ok = Report("=cmd|' /c calc'!A0.xlsx")
    ok.stats["ringkasan"] = {"instansi": "-Dinas +Evil", "capaian_rata": 91.5, "penyerapan": -1.0}
    bad = Report("b.xlsx")
    bad.add(Finding("realisasi-melebihi-anggaran", "error", "'Realisasi Anggaran'!F5", 2, 1))
    return [(ok.path, ok), (bad.path, bad), ("c.xlsx", fatal_report("c.xlsx", "rusak", "broken"))]


def test_summary_csv_is_neutralised() -> None:
    rows = list(csv.reader(io.StringIO(render_csv(_results()))))
    assert rows[0] == ["File", "Instansi", "Status", "Galat", "Peringatan", "Capaian rata-rata (%)",
                       "Penyerapan (%)"]  # the chosen language's headers
    assert rows[1][:3] == ["'=cmd|' /c calc'!A0.xlsx", "'-Dinas +Evil", "lulus"]
    # numbers in the reader's form (docs/numbers.md), a negative one not taken for a formula
    assert rows[1][5:] == ["91,50", "-1,00"]
    assert list(csv.reader(io.StringIO(render_csv(_results(), "en"))))[1][5:] == ["91.50", "-1.00"]
    assert rows[2][2:4] == ["gagal", "1"] and rows[3][2] == "tidak terbaca"
    for row in rows:
        assert not any(c[:1] in ("=", "+", "@", "\t", "\r") for c in row)


def test_summary_json_and_english() -> None:
    data = json.loads(render_json(_results(), "en"))
    assert [f["status"] for f in data["files"]] == ["passed", "failed", "unreadable"]
    assert [f["report"]["verdict"] for f in data["files"]] == ["lulus", "gagal", "tidak-terbaca"]
    assert data["summary"] == {"lulus": 1, "belum-diisi": 0, "gagal": 1, "bukan-format-lkjip": 0,
                               "tidak-terbaca": 1}
    assert data["files"][2]["report"]["findings"][0]["message"] == "The file cannot be read: broken"


def test_verify_command_dispatches_folders_and_many_files(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "masuk"
    folder.mkdir()
    assert run_main(["new", "--data", str(SAMPLE), "-o", str(folder / "a.xlsx")]) == 0
    (folder / "b.xlsx").write_bytes(b"rusak")
    capsys.readouterr()
    out = tmp_path / "ringkasan.csv"
    assert run_main(["verify", str(folder), "--jobs", "2", "--format", "csv", "-o", str(out)]) == 3
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [r[2] for r in rows[1:]] == ["lulus", "tidak terbaca"]
    assert run_main(["--lang", "en", "verify", str(folder / "a.xlsx"), str(folder / "a.xlsx"),
                     "--format", "json", "--jobs", "1"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [f["status"] for f in data["files"]] == ["passed", "passed"]
    assert run_main(["verify", str(folder), "--annotate", str(tmp_path / "x.xlsx")]) == 2


def test_batch_reads_each_file_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """verify's located tables give the batch summary (and so rekap) its document: one read of
    the file, and the same summary a separate read gives (a number typed as text included)."""
    import lkjip_xl.verify as verify_pkg
    import lkjip_xl.workbook.read as read_mod
    from lkjip_xl.planning.batch import ringkasan
    from tests import corrupt as c

    src = Path(__file__).resolve().parent.parent / "samples" / "denpasar_2019.xlsx"
    path = c.edit(src, tmp_path / "teks.xlsx", c.set_value("RK", "realisasi", "66%"))
    reads: list[str] = []
    for mod in (verify_pkg, read_mod):
        real = mod.read_grid

        def counting(p, *a, _real=real, **k):  # type: ignore[no-untyped-def]
            reads.append(str(p))
            return _real(p, *a, **k)

        monkeypatch.setattr(mod, "read_grid", counting)
    _path, report = check_file(str(path))
    assert reads == [str(path)]
    assert report.layout is None  # nothing heavy travels back from a worker
    monkeypatch.undo()
    assert report.stats["ringkasan"] == ringkasan(str(path))
    assert report.stats["ringkasan"]["indikator"][0]["realisasi"] == 66.0
