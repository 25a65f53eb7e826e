"""verify(): the API, the CLI (exit codes, JSON = library, --annotate, --strict, --lang), the
input left untouched, the findings docs, and the formula normaliser."""

from __future__ import annotations

import json
import os
import re
import time
import types
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from lkjip_xl import dataformat
from lkjip_xl.catalogue import catalogue
from lkjip_xl.cli import main
from lkjip_xl.verify import verify
from lkjip_xl.verify.findings_doc import render as render_findings_doc
from lkjip_xl.verify.normalise import normalise
from lkjip_xl.verify.render import render_text
from lkjip_xl.workbook.write import write_workbook
from tests import corrupt as c
from tests.test_verify_corruption import ON_PURPOSE

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("verify") / "denpasar.xlsx"
    write_workbook(dataformat.load(ROOT / "samples" / "denpasar_2019.yaml"), path)
    return path


@pytest.fixture(scope="module")
def broken(clean: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One error (a wrong typed-over number), one warning (a text number) and a formula-like text."""
    out = tmp_path_factory.mktemp("verify") / "broken.xlsx"
    mid = out.with_name("mid.xlsx")
    c.typed_constants([("PKK", "capaian", 0, 93.0)])(clean, mid)
    c.edit(mid, out, lambda wb: (c.set_value("PK", "target", "66%")(wb),
                                 c.set_value("PKK", "predikat", "=1+1")(wb),
                                 c.set_value("SS", "uraian", "=HYPERLINK(\"http://x\")",
                                             as_text=True)(wb)))
    return out


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), standalone_mode=False, catch_exceptions=False)
    code = result.return_value if isinstance(result.return_value, int) else result.exit_code
    return code, result.output


def test_clean_exit_0_and_summary_line(clean: Path) -> None:
    code, out = _run("verify", str(clean))
    assert code == 0
    # the infos: realisation equals target everywhere; the report's own text not written yet
    assert out.strip().splitlines()[-1].endswith("LULUS: 0 galat, 0 peringatan, 2 info")


def test_errors_exit_1_and_grouped_by_sheet(broken: Path) -> None:
    code, out = _run("verify", str(broken))
    assert code == 1
    assert "== Pengukuran Kinerja ==" in out and "== PK ==" in out
    assert "rumus-ditimpa-salah" in out and "angka-sebagai-teks" in out


def test_strict_fails_on_warnings(clean: Path, tmp_path: Path) -> None:
    # a number typed as text that no formula reads: a warning, nothing computed changes
    warned = c.edit(clean, tmp_path / "w.xlsx", c.set_value("PK", "standar_nasional", "95%"))
    assert _run("verify", str(warned))[0] == 0
    assert _run("verify", str(warned), "--strict")[0] == 1


def test_text_number_that_formulas_skip_is_an_error_with_its_consequences(clean: Path,
                                                                            tmp_path: Path) -> None:
    """The PK target typed as '66%': the workbook computes capaian without it, so the input is
    the error and the computed cells it changes are listed under it, not reported one by one."""
    bad = c.edit(clean, tmp_path / "t.xlsx", c.set_value("PK", "target", "66%"))
    report = verify(bad)
    roots = [f for f in report.findings if f.code == "angka-sebagai-teks"]
    assert len(roots) == 1 and roots[0].severity == "error"
    assert roots[0].params["akibat"] and "nilai-salah" not in report.codes()


def test_usage_and_unreadable_exit_codes(tmp_path: Path) -> None:
    from lkjip_xl.cli import run_main

    assert run_main(["verify", str(tmp_path / "missing.xlsx")]) == 3  # unreadable, as elsewhere
    assert run_main(["verify"]) == 2
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"this is not a zip file")
    assert run_main(["verify", str(junk)]) == 3
    report = verify(junk)
    assert report.fatal and report.exit_code() == 3
    assert report.codes() == ["berkas-tidak-terbaca"]


def test_json_equals_library_result(broken: Path) -> None:
    for lang in ("id", "en"):
        code, out = _run("--lang", lang, "verify", str(broken), "--format", "json")
        assert code == 1
        assert json.loads(out) == json.loads(json.dumps(verify(broken).to_dict(lang)))
    _, out = _run("verify", str(broken), "--format", "json", "--lang", "en")
    assert "was replaced by the constant" in out


def test_lang_en_text(broken: Path) -> None:
    _, out = _run("verify", str(broken), "--lang", "en")
    assert "FAILED" in out and "ERROR" in out


def test_input_never_changes(broken: Path, tmp_path: Path) -> None:
    before = broken.read_bytes()
    mtime = os.stat(broken).st_mtime_ns
    time.sleep(0.01)
    verify(broken)
    _run("verify", str(broken), "--annotate", str(tmp_path / "a.xlsx"), "--format", "json")
    assert broken.read_bytes() == before
    assert os.stat(broken).st_mtime_ns == mtime


def test_annotate_marks_cells_and_lists_findings(broken: Path, tmp_path: Path) -> None:
    out = tmp_path / "annotated.xlsx"
    code, _ = _run("verify", str(broken), "--annotate", str(out))
    assert code == 1 and out.exists()
    report = verify(broken)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[0] == "Temuan"
    ws = wb["Temuan"]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert [[r[0], r[2] or ""] for r in rows] == report.flatten("code", "location")
    sheet, ref = c.cell_ref("PKK", "capaian")
    target = wb[sheet][ref]
    assert target.comment is not None and "rumus-ditimpa-salah" in target.comment.text
    link = next(row[2] for row in ws.iter_rows(min_row=2) if row[0].value == "rumus-ditimpa-salah")
    assert link.hyperlink is not None and link.hyperlink.location.endswith(f"!{ref}")
    # user text that looks like a formula stays text, in the copy and in the Temuan sheet
    sheet, ref = c.cell_ref("SS", "uraian")
    assert wb[sheet][ref].data_type == "s"
    edited = next(row for row in ws.iter_rows(min_row=2) if row[0].value == "rumus-diubah")
    assert edited[3].value == "=1+1" and edited[3].data_type == "s"
    # printable: messages wrap inside a page-wide layout (no scaling down to the longest
    # message), each row tall enough for its wrapped lines, the header on every page
    assert ws.print_title_rows == "$1:$1"
    widths = [ws.column_dimensions[col].width for col in "ABCDEF"]
    assert sum(widths) <= 180
    for row in ws.iter_rows(min_row=2):
        message = row[5]
        assert message.alignment.wrap_text
        lines = -(-len(message.value) // int(widths[5]))
        if lines > 1:
            assert ws.row_dimensions[message.row].height >= 12 * lines
    # an existing output is not overwritten without --force
    from lkjip_xl.cli import run_main

    assert run_main(["verify", str(broken), "--annotate", str(out)]) == 2
    assert run_main(["verify", str(broken), "--annotate", str(out), "--force"]) == 1


def test_annotating_a_workbook_with_self_closed_styles_keeps_them_well_formed(
        tmp_path: Path) -> None:
    """The first release's workbook keeps cell styles as `<xf .../>`: the marked style was
    written `<xf ... xfId="0"/ applyFill="1">`, a styles.xml no spreadsheet opens."""
    from xml.etree import ElementTree

    src = Path(__file__).parent / "data" / "release-1" / "denpasar_2019.xlsx"
    styles = zipfile.ZipFile(src).read("xl/styles.xml").decode()
    assert re.search(r"<xf\b[^>]*/>", styles)  # the case this test is about
    out = tmp_path / "annotated.xlsx"
    code, _ = _run("verify", str(src), "--annotate", str(out))
    assert code == 0 and out.exists()
    ElementTree.fromstring(zipfile.ZipFile(out).read("xl/styles.xml"))
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[0] == "Temuan" and wb["Temuan"].max_row > 1


@pytest.mark.libreoffice
def test_annotated_copy_opens_in_libreoffice(broken: Path, tmp_path: Path) -> None:
    from lkjip_xl.engines import libreoffice

    if not libreoffice.available():
        pytest.skip("LibreOffice not installed")
    out = tmp_path / "annotated.xlsx"
    _run("verify", str(broken), "--annotate", str(out))
    pdf = libreoffice.convert(out, tmp_path / "pdf", "pdf")
    assert pdf.stat().st_size > 1000


@pytest.mark.libreoffice
@pytest.mark.parametrize("sample", ["denpasar_2019", "synthetic_rules", "synthetic_per_triwulan"])
def test_libreoffice_resaved_workbook_verifies_clean(sample: str, tmp_path: Path) -> None:
    from lkjip_xl.engines import libreoffice

    if not libreoffice.available():
        pytest.skip("LibreOffice not installed")
    src = tmp_path / f"{sample}.xlsx"
    write_workbook(dataformat.load(ROOT / "samples" / f"{sample}.yaml"), src)
    saved = libreoffice.recalculate(src, tmp_path / "lo")
    report = verify(saved)
    assert [(f.code, f.location) for f in report.findings
            if f.severity != "info"] == ON_PURPOSE.get(sample, [])


@pytest.mark.libreoffice
def test_engine_second_opinion_agrees_on_clean(clean: Path) -> None:
    from lkjip_xl.engines import libreoffice

    if not libreoffice.available():
        pytest.skip("LibreOffice not installed")
    report = verify(clean, engine="libreoffice")
    assert [f for f in report.findings if f.severity != "info"] == []


def test_not_our_layout_gets_only_the_generic_audit(tmp_path: Path) -> None:
    path = tmp_path / "other.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = 2
    wb.active["A2"] = "=A1*3"
    wb.save(path)
    report = verify(path)
    assert "bukan-format-lkjip" in report.codes()
    assert report.verdict() == "bukan-format-lkjip" and report.exit_code() == 5


def test_render_text_is_reusable(broken: Path) -> None:
    text = render_text(verify(broken), "en", strict=True)
    assert text.splitlines()[-1].startswith(str(broken))


@pytest.mark.parametrize("a, b", [
    ("=IF($A5>1E-9,1,0)", "if($A5 > 0.000000001, 1, 0)"),
    ("='RKT'!$B5+TRUE()", "=RKT!$B5+TRUE"),
    ("=_xlfn.STDEV.S(A1:A5)", "=STDEV.S(A1:A5)"),
])
def test_normalise_equal(a: str, b: str) -> None:
    assert normalise(a) == normalise(b)


@pytest.mark.parametrize("a, b", [
    ('=IF(A1="x","")', '=IF(A1="X","")'),  # string literals keep their case
    ("=A5/B5*100", "=A5/B5*10"),
    ("=$A5", "=$A6"),
])
def test_normalise_different(a: str, b: str) -> None:
    assert normalise(a) != normalise(b)


def test_findings_doc_is_generated_from_the_catalogue() -> None:
    text = (ROOT / "docs" / "findings.md").read_text(encoding="utf-8")
    assert text == render_findings_doc(), "regenerate: python -m lkjip_xl.verify.findings_doc"
    for code in catalogue():
        assert f"`{code}`" in text


def test_every_code_verify_emits_is_catalogued(broken: Path) -> None:
    for f in verify(broken).findings:
        assert f.code in catalogue()


def test_library_entry_points_are_the_documented_imports(clean: Path) -> None:
    import lkjip_xl.verify
    from lkjip_xl.measure import measure
    from lkjip_xl.verify import verify

    assert verify(clean).exit_code() == 0
    assert isinstance(lkjip_xl.verify, types.ModuleType)  # the package, never replaced
    assert callable(measure)


def test_a_workbook_without_indicators_or_kegiatan_is_judged(tmp_path: Path) -> None:
    """Computed tables with no rows at all (found by the fuzz test: a KeyError once)."""
    dok = dataformat.load(ROOT / "samples" / "denpasar_2019.yaml")
    for s in dok.sasaran:
        s.indikator.clear()
    dok.program.clear()
    path = tmp_path / "kosong.xlsx"
    write_workbook(dok, path)
    report = verify(path)
    assert not report.fatal
    assert not [f for f in report.findings if f.code == "nilai-tidak-dapat-dihitung"]
    assert report.verdict() == "belum-diisi" and report.exit_code() == 4
