"""Every command that reads a workbook, fed every hostile class, through the real CLI entry point.

`lkjip_xl.cli.run_main` is called in-process (capsys) with each hostile file of tests/hostile.py
(generated once per module, never committed) and with the same hostile content planted into a
real lkjip-xl workbook. For a file that cannot be read every command must exit 3 with exactly
one clear line on stderr (Bahasa Indonesia, English with --lang en), no traceback, no output
file or temporary file left behind, and the input's bytes unchanged. Content that can be read
(macros, links, far cells...) is warned about and the command carries on. `rekap` and batch
`verify` move on past a bad file and name it.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from lkjip_xl.cli import run_main
from lkjip_xl.core.findings import VERDICTS
from lkjip_xl.dataformat import load
from lkjip_xl.planning.summary import status_word
from lkjip_xl.workbook.write import write_workbook
from tests import hostile
from tests.test_guard import REFUSED

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "denpasar_2019.yaml"

# hostile content planted into a real lkjip-xl workbook that makes it unreadable
LKJIP_REFUSED = {
    "missing-sheet-part": ("lembar 'Pengaturan'", "sheet 'Pengaturan'"),
    "bomb-ratio": ("rasio kompresi", "compression ratio"),
    "billion-laughs": ("DOCTYPE/entitas", "DOCTYPE/entity"),
}
# readable hostile content in a real workbook -> (exit of verify, measure, export, new --from;
# words every reading command must show: in verify's report, on the others' stderr)
LKJIP_READ: dict[str, tuple[tuple[int, int, int, int], str]] = {
    "macro": ((0, 0, 0, 0), "makro"),
    "far-cell": ((0, 0, 0, 0), ""),
    # a stray value at row 1048576 under a table: a verify error, so measure writes a DRAF (exit 1)
    "far-cell-in-table": ((1, 1, 0, 0), ""),
    "forged-dimension": ((0, 0, 0, 0), ""),
    "beyond-grid": ((1, 1, 0, 0), "XFE1"),
    "huge-shared-string": ((1, 1, 0, 0), "lebih panjang dari 100000 karakter"),
    "external-links": ((1, 1, 0, 0), "Tautan DDE cmd|/c calc.exe"),
    "dde-webservice": ((1, 1, 0, 0), "WEBSERVICE"),
}
COMMANDS = ("verify", "measure", "export", "new")
PREFIXES = ("galat: ", "peringatan: ", "catatan: ", "error: ", "warning: ", "note: ")


class Files:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.paths: dict[str, Path] = {}
        self.digests: dict[str, str] = {}

    def add(self, key: str, path: Path) -> None:
        self.paths[key] = path
        self.digests[key] = hashlib.sha256(path.read_bytes()).hexdigest()

    def unchanged(self, key: str) -> bool:
        return hashlib.sha256(self.paths[key].read_bytes()).hexdigest() == self.digests[key]


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Files:
    root = tmp_path_factory.mktemp("hostile_cli")
    made = Files(root)
    plain = root / "plain"
    plain.mkdir()
    for kind, make in hostile.HOSTILE.items():
        made.add(kind, make(plain))
    good = root / "good"
    good.mkdir()
    write_workbook(load(SAMPLE), good / "denpasar_2019.xlsx")
    made.add("good", good / "denpasar_2019.xlsx")
    lk = root / "lkjip"
    lk.mkdir()
    for kind in hostile.LKJIP_VARIANTS:
        made.add("lkjip:" + kind, hostile.lkjip_variant(made.paths["good"], lk, kind))
    return made


def _argv(command: str, src: Path, out_dir: Path) -> list[str]:
    if command == "verify":
        return ["verify", str(src)]
    if command == "measure":
        return ["measure", str(src), "-o", str(out_dir / "terukur.xlsx")]
    if command == "export":
        return ["export", str(src), "-o", str(out_dir / "ekspor.yaml")]
    return ["new", "--from", str(src), "--tahun", "2020", "-o", str(out_dir / "baru.xlsx")]


Run = Callable[[list[str]], tuple[int, str, str]]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    def go(argv: list[str]) -> tuple[int, str, str]:
        capsys.readouterr()
        code = run_main(argv)
        out, err = capsys.readouterr()
        assert "Traceback" not in out + err
        assert "galat internal" not in err and "internal error" not in err, err
        return code, out, err

    return go


def _assert_refused(files: Files, key: str, words: str, command: str, lang: str,
                    out_dir: Path, run: Run) -> None:
    src = files.paths[key]
    before = sorted(p.name for p in src.parent.iterdir())
    argv = (["--lang", "en"] if lang == "en" else []) + _argv(command, src, out_dir)
    code, out, err = run(argv)
    assert code == 3, (code, out, err)
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("galat: " if lang == "id" else "error: "), lines[0]
    assert src.name in lines[0] and words in lines[0], lines[0]
    assert list(out_dir.iterdir()) == []  # no output, no temporary file
    assert sorted(p.name for p in src.parent.iterdir()) == before
    assert files.unchanged(key)


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("kind", sorted(REFUSED))
def test_unreadable_file_is_one_clear_line(files: Files, kind: str, command: str,
                                           tmp_path: Path, run: Run) -> None:
    _assert_refused(files, kind, REFUSED[kind][0], command, "id", tmp_path, run)


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("kind", ["encrypted", "xls", "html", "bomb-declared", "truncated"])
def test_unreadable_file_in_english(files: Files, kind: str, command: str, tmp_path: Path,
                                    run: Run) -> None:
    _assert_refused(files, kind, REFUSED[kind][1], command, "en", tmp_path, run)


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("kind", sorted(LKJIP_REFUSED))
def test_unreadable_lkjip_workbook(files: Files, kind: str, command: str, tmp_path: Path,
                                   run: Run) -> None:
    _assert_refused(files, "lkjip:" + kind, LKJIP_REFUSED[kind][0], command, "id", tmp_path, run)
    _assert_refused(files, "lkjip:" + kind, LKJIP_REFUSED[kind][1], command, "en", tmp_path, run)


@pytest.mark.parametrize("command", ["measure", "export", "new"])
@pytest.mark.parametrize("kind", sorted(set(hostile.HOSTILE) - set(REFUSED)))
def test_readable_hostile_file_outside_the_layout(files: Files, kind: str, command: str,
                                                  tmp_path: Path, run: Run) -> None:
    """Readable, but not an lkjip-xl workbook: the layout commands refuse it in one line."""
    _assert_refused(files, kind, "bukan format lkjip-xl", command, "id", tmp_path, run)


@pytest.mark.parametrize("kind", sorted(set(hostile.HOSTILE) - set(REFUSED)))
def test_readable_hostile_file_is_audited(files: Files, kind: str, run: Run) -> None:
    code, out, err = run(["verify", str(files.paths[kind])])
    assert code == 5 and err == ""  # BUKAN FORMAT LKJIP: audited, never accepted
    assert "bukan-format-lkjip" in out
    assert files.unchanged(kind)


@pytest.mark.parametrize("index", range(len(COMMANDS)))
@pytest.mark.parametrize("kind", sorted(LKJIP_READ))
def test_hostile_content_in_a_real_workbook_warns_and_continues(
        files: Files, kind: str, index: int, tmp_path: Path, run: Run) -> None:
    command = COMMANDS[index]
    codes, words = LKJIP_READ[kind]
    key = "lkjip:" + kind
    src = files.paths[key]
    start = time.monotonic()
    code, out, err = run(_argv(command, src, tmp_path))
    assert time.monotonic() - start < 10.0  # a far cell costs one cell, not a million rows
    assert code == codes[index], (code, out, err)
    for line in err.splitlines():
        assert line.startswith(PREFIXES) or line.startswith("ditulis: "), line
        assert len(line) < 400, line
    assert words in (out if command == "verify" else err)
    written = sorted(p.name for p in tmp_path.iterdir())
    expected = {"verify": [], "measure": ["terukur.xlsx"], "export": ["ekspor.yaml"],
                "new": ["baru.xlsx"]}[command]
    assert written == expected
    assert files.unchanged(key)


def _rekap_case(files: Files, key: str, tmp_path: Path, run: Run, lang: str = "id") -> None:
    folder = tmp_path / "masuk"
    folder.mkdir()
    bad = folder / files.paths[key].name
    bad.write_bytes(files.paths[key].read_bytes())
    (folder / "zz_baik.xlsx").write_bytes(files.paths["good"].read_bytes())
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    argv = (["--lang", "en"] if lang == "en" else []) + [
        "rekap", str(folder), "-o", str(folder / "rekap.xlsx"), "-j", "1"]
    code, out, err = run(argv)
    # the verdicts' exit code, as verify of the same folder gives it (the good file passes)
    assert code == run(["verify", str(bad)])[0], (code, out, err)
    lines = err.splitlines()
    assert len(lines) == 1, err
    status = {v: status_word(v, lang) for v in VERDICTS}
    assert any(lines[0].startswith(f"{s}: {bad.name}: ") for s in status.values()), lines[0]
    assert not lines[0].startswith(status["lulus"])
    assert ("1 instansi direkap, 1 berkas tidak direkap" if lang == "id"
            else "1 agencies consolidated, 1 files left out") in out
    assert sorted(p.name for p in folder.iterdir()) == sorted([*before, "rekap.xlsx"])
    assert all((folder / n).read_bytes() == b for n, b in before.items())


REKAP_BAD = sorted(REFUSED) + ["lkjip:" + k for k in sorted(LKJIP_REFUSED)] + [
    "lkjip:" + k for k, (codes, _) in sorted(LKJIP_READ.items()) if codes[0] == 1]


@pytest.mark.parametrize("key", REKAP_BAD)
def test_rekap_moves_past_a_bad_file_and_names_it(files: Files, key: str, tmp_path: Path,
                                                  run: Run) -> None:
    _rekap_case(files, key, tmp_path, run)


def test_rekap_names_the_bad_file_in_english(files: Files, tmp_path: Path, run: Run) -> None:
    _rekap_case(files, "encrypted", tmp_path, run, "en")


def test_rekap_consolidates_readable_hostile_content(files: Files, tmp_path: Path,
                                                     run: Run) -> None:
    """A macro workbook, a far cell and a forged dimension verify clean: all consolidated."""
    folder = tmp_path / "masuk"
    folder.mkdir()
    for kind in ("macro", "far-cell", "forged-dimension"):
        src = files.paths["lkjip:" + kind]
        (folder / src.name).write_bytes(src.read_bytes())
    code, out, err = run(["rekap", str(folder), "-o", str(tmp_path / "rekap.xlsx"), "-j", "1"])
    assert code == 0 and err == "", err
    assert "3 instansi direkap, 0 berkas tidak direkap" in out


def test_batch_verify_lists_every_bad_file(files: Files, tmp_path: Path, run: Run) -> None:
    """verify FOLDER: every file gets its line in the summary; exit 3 as one was unreadable."""
    folder = tmp_path / "masuk"
    folder.mkdir()
    keys = [*sorted(REFUSED), "good"]
    for key in keys:
        (folder / files.paths[key].name).write_bytes(files.paths[key].read_bytes())
    code, out, err = run(["verify", str(folder), "-j", "1"])
    assert code == 3 and err == "", err
    for key in sorted(REFUSED):
        name = files.paths[key].name
        assert f"{name}:\n  [berkas-tidak-terbaca]" in out, name
        assert REFUSED[key][0] in out
    assert f"{len(keys)} berkas: 1 lulus, {len(REFUSED)} tidak terbaca" in out
    summary = tmp_path / "ringkasan.csv"
    code, out, err = run(["verify", str(folder), "-j", "1", "--format", "csv", "-o", str(summary)])
    assert code == 3 and summary.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["masuk", "ringkasan.csv"]


# ---------------------------------------------------------------------------------------------
# What we write never turns user text into a formula.

INJECTIONS = ["=HYPERLINK(\"http://contoh.id\",\"klik\")", "+62 361 222", "-cmd|' /c calc'!A0",
              "@SUM(A1:A9)", "\t=1+1", "\r=2+2"]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture(scope="module")
def injected(files: Files) -> Path:
    """One agency workbook per injection: its name and its first sasaran carry the text."""
    folder = files.root / "injeksi"
    folder.mkdir()
    for n, text in enumerate(INJECTIONS):
        dok = load(SAMPLE)
        dok.instansi.nama = text
        dok.sasaran[0].uraian = text
        write_workbook(dok, folder / f"opd_{n}.xlsx")
    return folder


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def test_csv_summary_neutralises_formula_text(injected: Path, tmp_path: Path, run: Run) -> None:
    import csv

    folder = tmp_path / "masuk"
    folder.mkdir()
    for p in injected.iterdir():
        (folder / p.name).write_bytes(p.read_bytes())
    (folder / "=1+1.xlsx").write_bytes((injected / "opd_0.xlsx").read_bytes())
    out = tmp_path / "ringkasan.csv"
    code, _, err = run(["verify", str(folder), "--format", "csv", "-o", str(out), "-j", "1"])
    assert code == 0, err
    rows = list(csv.reader(out.open(encoding="utf-8", newline="")))
    cells = [c for row in rows for c in row]
    for text in INJECTIONS:  # the agency's name (read stripped, as every text input), prefixed
        assert "'" + text.strip() in cells, text
    assert any(c.endswith("=1+1.xlsx") and not c.startswith("=") for c in cells)
    for c in cells:
        assert not c.startswith(FORMULA_START) or _is_number(c), repr(c)


def _formula_free(path: Path) -> list[str]:
    """Every text cell of `path` that begins like a formula; asserts none holds a formula with
    the injected text."""
    from lkjip_xl.xlsx.stream import read_grid

    grid = read_grid(path)
    texts = []
    for sheet in grid.sheets:
        for cell in sheet.cells.values():
            if cell.formula is not None:
                assert "calc" not in cell.formula and "HYPERLINK" not in cell.formula, cell.formula
                assert "contoh.id" not in cell.formula and "361" not in cell.formula
            elif isinstance(cell.value, str) and cell.value.startswith(FORMULA_START):
                texts.append(cell.value)
    return texts


def test_rekap_writes_agency_names_as_text(injected: Path, tmp_path: Path, run: Run) -> None:
    out = tmp_path / "rekap.xlsx"
    code, _, err = run(["rekap", str(injected), "-o", str(out), "-j", "1"])
    assert code == 0, err
    texts = _formula_free(out)
    for text in INJECTIONS:
        assert text.strip() in texts, text


def test_annotated_copy_keeps_user_text_as_text(injected: Path, tmp_path: Path, run: Run) -> None:
    out = tmp_path / "bertanda.xlsx"
    code, _, err = run(["verify", str(injected / "opd_2.xlsx"), "--annotate", str(out)])
    assert code == 0 and out.exists(), err
    assert INJECTIONS[2] in _formula_free(out)
