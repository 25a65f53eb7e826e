"""One exit code and one language for each kind of problem, across every command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from openpyxl.styles import PatternFill

from lkjip_xl.planning.synthetic import patch_cell
from lkjip_xl.schema import TABLES

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_XLSX = ROOT / "samples" / "denpasar_2019.xlsx"

MISSING = [
    ["verify", "{x}"],
    ["measure", "{x}", "-o", "{out}"],
    ["export", "{x}"],
    ["rekap", "{x}", "-o", "{out}"],
    ["new", "--data", "{x}", "-o", "{out}"],
    ["new", "--from", "{x}", "--tahun", "2020", "-o", "{out}"],
]


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "lkjip_xl", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=300)


@pytest.mark.parametrize("lang", ["id", "en", "EN"])
@pytest.mark.parametrize("argv", MISSING, ids=lambda a: "-".join(a[:2]))
def test_a_missing_input_is_one_line_exit_3_in_the_chosen_language(argv: list[str], lang: str,
                                                                    tmp_path: Path) -> None:
    args = [a.format(x="tidak-ada.xlsx", out=str(tmp_path / "o.xlsx")) for a in argv]
    proc = _run(["--lang", lang, *args], tmp_path)
    assert proc.returncode == 3, proc.stderr
    err = proc.stderr.strip().splitlines()
    assert len(err) == 1, proc.stderr
    want = ("galat: ", "tidak ada: ") if lang == "id" else ("error: ", "no such file")
    assert err[0].startswith(want[0]) and want[1] in err[0] and "tidak-ada.xlsx" in err[0]
    assert "Errno" not in proc.stderr and "Usage:" not in proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout


def _text_typed(tmp_path: Path) -> Path:
    bad = tmp_path / "teks.xlsx"
    bad.write_bytes(SAMPLE_XLSX.read_bytes())
    rk = TABLES["RK"]
    patch_cell(bad, rk.sheet, f"{rk.letter('realisasi')}{rk.first_row}", "86,5")
    return bad


def test_measure_and_export_exit_1_on_a_number_typed_as_text(tmp_path: Path) -> None:
    """Both helps promise 1 for input that is not a number; the output is still written."""
    bad = _text_typed(tmp_path)
    proc = _run(["measure", str(bad), "-o", str(tmp_path / "m.xlsx")], tmp_path)
    assert proc.returncode == 1 and (tmp_path / "m.xlsx").exists()
    assert "galat: " in proc.stderr and "86,5" in proc.stderr
    proc = _run(["export", str(bad), "-o", str(tmp_path / "e.yaml")], tmp_path)
    assert proc.returncode == 1 and (tmp_path / "e.yaml").exists()
    assert proc.stderr.count("'Realisasi Kinerja'!G5") == 1  # the place said once
    assert _run(["measure", str(SAMPLE_XLSX), "-o", str(tmp_path / "ok.xlsx")],
                tmp_path).returncode == 0


def test_formatting_note_only_when_the_user_had_colours_of_their_own(tmp_path: Path) -> None:
    proc = _run(["measure", str(SAMPLE_XLSX), "-o", str(tmp_path / "a.xlsx")], tmp_path)
    assert proc.returncode == 0 and "catatan" not in proc.stderr
    wb = openpyxl.load_workbook(SAMPLE_XLSX)
    wb["PK"]["C5"].fill = PatternFill("solid", fgColor="FFFF0000")
    wb.save(tmp_path / "merah.xlsx")
    proc = _run(["measure", str(tmp_path / "merah.xlsx"), "-o", str(tmp_path / "b.xlsx")], tmp_path)
    assert proc.returncode == 0 and "#FF0000" in proc.stderr


def test_every_cli_line_has_both_languages_with_the_same_placeholders() -> None:
    import string

    from lkjip_xl.catalogue.lines import LINES

    def fields(t: str) -> set[str]:
        return {f for _, f, _, _ in string.Formatter().parse(t) if f}

    for key, (text_id, text_en) in LINES.items():
        assert text_id and text_en, key
        assert fields(text_id) == fields(text_en), key


@pytest.mark.parametrize("command", ["new", "verify", "measure", "export", "rekap"])
def test_every_command_help_has_an_english_paragraph(command: str, tmp_path: Path) -> None:
    out = _run([command, "--help"], tmp_path).stdout
    paragraphs = [p for p in out.split("\n\n") if p.strip()]
    assert any(p.strip().split()[0] in ("Make", "Verify", "Recompute", "Export", "Consolidate")
               for p in paragraphs), out
