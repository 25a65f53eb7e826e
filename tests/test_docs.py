"""Every command has help text and is documented in the README."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from lkjip_xl.cli import COMMANDS, main

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", list(COMMANDS))
def test_command_has_help_and_docs(name: str) -> None:
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output and len(result.output.splitlines()) > 5
    assert f"lkjip-xl {name}" in README


def test_top_level_help_lists_every_command() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    for name in COMMANDS:
        assert f"  {name}" in result.output


def test_python_dash_m_runs_the_cli() -> None:
    out = subprocess.run([sys.executable, "-m", "lkjip_xl", "--version"], capture_output=True,
                         text=True, check=True)
    assert "lkjip-xl" in out.stdout


def test_unknown_command_is_a_usage_error() -> None:
    from lkjip_xl.cli import run_main

    assert run_main(["no-such-command"]) == 2


def test_cell_cap_is_an_option_and_a_capped_file_is_unreadable(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]
                                                               ) -> None:
    """A file cut short by a cap is never judged or exported half-read (exit 3, one line)."""
    from lkjip_xl.cli import run_main
    from lkjip_xl.xlsx import guard

    sample = ROOT / "samples" / "denpasar_2019.xlsx"
    before = guard.DEFAULT_LIMITS.max_cells
    try:
        assert run_main(["--max-sel", "2000", "export", str(sample)]) == 3
        assert "--max-sel" in capsys.readouterr().err
        assert run_main(["--max-sel", "2000", "verify", str(sample)]) == 3
        assert run_main(["--max-sel", "2000", "measure", str(sample), "-o",
                         str(tmp_path / "m.xlsx")]) == 3
        assert not (tmp_path / "m.xlsx").exists()
    finally:
        guard.configure(max_cells=before)
    assert run_main(["verify", str(sample)]) == 0


def test_text_numbers_one_parser() -> None:
    from lkjip_xl.core.number_text import parse

    cases = {"66%": 66.0, "0,5": 0.5, "1.234.567,89": 1234567.89, "Rp 2.072.337.900": 2072337900.0,
             "0,50 %": 0.5, "19610804 198603 1 019": None, "abc": None}
    assert {k: parse(k) for k in cases} == cases


def _readme_examples() -> list[str]:
    """The README's first block of examples, one command a line."""
    block = README.split("Examples:", 1)[1].split("```bash", 1)[1].split("```", 1)[0]
    return [line.strip() for line in block.strip().splitlines() if line.startswith("lkjip-xl ")]


def test_readme_examples_run_in_order_and_again(tmp_path: Path) -> None:
    """A new user pastes the examples in order, then once more: every one succeeds both times."""
    import shlex
    import shutil

    shutil.copytree(ROOT / "samples", tmp_path / "samples")
    lines = _readme_examples()
    assert len(lines) >= 5
    for attempt in (1, 2):
        for line in lines:
            args = shlex.split(line)[1:]
            proc = subprocess.run([sys.executable, "-m", "lkjip_xl", *args], cwd=tmp_path,
                                  capture_output=True, text=True, timeout=300)
            assert proc.returncode == 0, f"run {attempt}: {line}: {proc.stderr}"
