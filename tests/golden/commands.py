"""The commands whose outputs are golden, run in-process through the real CLI on the samples.

Each output gets a stable name (the folder of its parts under `tests/golden/outputs/`). The
edits for `verify --annotate` are the realistic ones of tests/corrupt.py: a computed cell typed
over with a number, an input off by a factor of 100, a realisation above its budget.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from lkjip_xl.cli import main
from tests import corrupt as c

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
NEW = ("denpasar_2019", "synthetic_per_triwulan", "synthetic_rules")
# exit codes each command is expected to give: a changed verdict is a changed output too
EXPECTED_EXIT = {"rekap": 1, "verify": 1}
NAMES = (*(f"new-{n}" for n in NEW), "measure-denpasar_2019", "measure-synthetic_per_triwulan",
         "rekap-2019", "verify-annotate-denpasar_2019", "laporan-denpasar_2019")


def _run(args: list[str], expect: int = 0) -> None:
    result = CliRunner().invoke(main, ["--lang", "id", *args], catch_exceptions=False)
    if result.exit_code != expect:
        raise AssertionError(f"lkjip-xl {' '.join(args)}: exit {result.exit_code}, "
                             f"expected {expect}\n{result.output}")


def _edits(wb: Any) -> None:
    """Three things people do: type a number over a formula, type a percentage as a fraction,
    report more spending than the budget."""
    c.set_value("PKK", "capaian", 95)(wb)
    sheet, ref = c.cell_ref("PK", "target", 0)
    wb[sheet][ref].value = wb[sheet][ref].value / 100
    sheet, ref = c.cell_ref("KG", "anggaran", 0)
    budget = wb[sheet][ref].value
    c.set_value("KG", "realisasi", budget * 1.1, 0)(wb)


def produce(folder: Path) -> dict[str, Path]:
    """Run every golden command into `folder`; {output name: file written}."""
    folder.mkdir(parents=True, exist_ok=True)
    out: dict[str, Path] = {}
    for name in NEW:
        out[f"new-{name}"] = folder / f"{name}.xlsx"
        _run(["new", "--data", str(SAMPLES / f"{name}.yaml"), "-o", str(out[f"new-{name}"])])
    for name in ("denpasar_2019", "synthetic_per_triwulan"):
        out[f"measure-{name}"] = folder / f"{name}-terukur.xlsx"
        _run(["measure", str(out[f"new-{name}"]), "-o", str(out[f"measure-{name}"])])
    # the three samples are of three years: 2019 is consolidated, the other two are listed
    agencies = folder / "kiriman"
    agencies.mkdir()
    for name in NEW:
        shutil.copy(out[f"new-{name}"], agencies / f"{name}.xlsx")
    out["rekap-2019"] = folder / "rekap-2019.xlsx"
    _run(["rekap", str(agencies), "-o", str(out["rekap-2019"]), "--tahun", "2019", "-j", "1"],
         EXPECTED_EXIT["rekap"])
    edited = c.edit(out["new-denpasar_2019"], folder / "denpasar_2019-diedit.xlsx", _edits)
    out["verify-annotate-denpasar_2019"] = folder / "denpasar_2019-temuan.xlsx"
    _run(["verify", str(edited), "--annotate", str(out["verify-annotate-denpasar_2019"])],
         EXPECTED_EXIT["verify"])
    out["laporan-denpasar_2019"] = folder / "denpasar_2019.docx"
    _run(["laporan", str(out["new-denpasar_2019"]), "-o", str(out["laporan-denpasar_2019"])])
    return out

