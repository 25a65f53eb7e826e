"""Long single-file work shows a progress bar on a terminal, and nothing when piped (issue #25).

The terminal is a real pseudo-terminal (util-linux `script`), the commands real processes on a
workbook large enough to take seconds (`cli.LARGE_BYTES`)."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.synth import agency_of_rows
from lkjip_xl.cli import LARGE_BYTES
from lkjip_xl.measure.verified import verified_steps
from lkjip_xl.workbook.write import write_workbook

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "denpasar_2019.xlsx"
needs_script = pytest.mark.skipif(shutil.which("script") is None, reason="needs util-linux script")


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("progress") / "besar.xlsx"
    write_workbook(agency_of_rows(2000), out)
    assert out.stat().st_size >= LARGE_BYTES
    return out


def _cli(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "lkjip_xl", *map(str, args)]


def _on_terminal(cmd: list[str]) -> str:
    """stdout and stderr of `cmd` run on a pseudo-terminal, as a person at a shell runs it."""
    env = dict(os.environ, COLUMNS="100")
    done = subprocess.run(["script", "-qec", shlex.join(cmd), "/dev/null"], cwd=str(ROOT),
                          env=env, capture_output=True, text=True, timeout=600,
                          stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stdout[-2000:]
    return done.stdout


@needs_script
def test_export_and_laporan_of_a_large_workbook_show_progress_on_a_terminal(
        big: Path, tmp_path: Path) -> None:
    shown = _on_terminal(_cli("export", big, "-o", tmp_path / "e.yaml"))
    assert "mengekspor" in shown and "2/2" in shown
    assert (tmp_path / "e.yaml").stat().st_size > 0
    shown = _on_terminal(_cli("--lang", "en", "laporan", big, "-o", tmp_path / "l.docx"))
    assert "writing the report" in shown and "7/7" in shown
    # the bar is closed before the command's own lines, which start on a line of their own
    assert "\nwritten: " in shown.replace("\r", "\n")


@needs_script
def test_measure_of_a_large_workbook_shows_progress_on_a_terminal(big: Path,
                                                                  tmp_path: Path) -> None:
    shown = _on_terminal(_cli("--lang", "en", "measure", big, "-o", tmp_path / "m.xlsx"))
    steps = verified_steps()
    assert "measuring" in shown and f"{steps}/{steps}" in shown
    assert (tmp_path / "m.xlsx").stat().st_size > 0
    # the bar is closed before the command's own lines, which start on a line of their own
    assert "\nwritten: " in shown.replace("\r", "\n")


def test_nothing_when_piped(big: Path, tmp_path: Path) -> None:
    for cmd, label, said in (
            (_cli("export", big, "-o", tmp_path / "e.yaml"), "mengekspor", "stderr"),
            (_cli("laporan", big, "-o", tmp_path / "l.docx"), "membuat laporan", "stderr"),
            (_cli("measure", big, "-o", tmp_path / "m.xlsx"), "mengukur", "stdout")):
        done = subprocess.run(cmd, cwd=str(ROOT), capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr
        assert label not in done.stderr and "\r" not in done.stderr
        assert getattr(done, said).startswith("ditulis: ")


@needs_script
def test_a_small_workbook_shows_no_bar_even_on_a_terminal(tmp_path: Path) -> None:
    shown = _on_terminal(_cli("export", SAMPLE, "-o", tmp_path / "e.yaml"))
    assert "mengekspor" not in shown and "ditulis: " in shown
