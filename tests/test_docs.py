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
