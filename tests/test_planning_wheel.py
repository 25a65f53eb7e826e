"""The installed command finds the bundled workbook templates: built as a wheel, installed into a
fresh virtual environment, run from outside the source tree."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import openpyxl
import pytest

from lkjip_xl.schema.sheets import PENGATURAN_FIELDS, value_cell

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_installed_wheel_finds_bundled_templates(tmp_path: Path) -> None:
    wheels, venv = tmp_path / "wheels", tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q",
                    "-w", str(wheels)], check=True, timeout=600)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    py = venv / "bin" / "python"
    # the dependencies come from the environment running the tests (a virtual environment or
    # not: --system-site-packages would see the base interpreter's), added after the venv's own
    # site-packages; a plain path line does not run that folder's .pth files, so the editable
    # checkout of lkjip_xl stays out and the wheel's copy is the one imported
    inner = subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                           check=True, capture_output=True, text=True).stdout.strip()
    outer = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    Path(inner, "outer-deps.pth").write_text("\n".join(sorted(outer)) + "\n", encoding="utf-8")
    wheel = next(wheels.glob("lkjip_xl-*.whl"))
    subprocess.run([str(py), "-m", "pip", "install", "-q", "--no-deps", "--no-index",
                    str(wheel)], check=True, timeout=300)
    out = tmp_path / "kota.xlsx"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH",)}
    run = subprocess.run([str(venv / "bin" / "lkjip-xl"), "new", "--template", "contoh-kota",
                          "--tahun", "2025", "--instansi", "Dinas Sosial", "-o", str(out)],
                         cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    where = subprocess.run([str(py), "-c", "import lkjip_xl; print(lkjip_xl.__file__)"],
                           cwd=tmp_path, env=env, capture_output=True, text=True, check=True)
    assert str(venv) in where.stdout  # the installed copy ran, not the source tree
    wb = openpyxl.load_workbook(out)
    cap = next(f for f in PENGATURAN_FIELDS if f.key == "batas_capaian")
    assert wb["Pengaturan"][value_cell(cap)].value == 120  # batas_capaian of contoh-kota
    assert "Ketentuan Bappeda Kota Contoh" in [c.value for c in wb["Petunjuk"]["A"]]
