"""The seed test: the seed report's published numbers typed by hand into the computed cells of a
workbook in our layout. verify must report exactly the seed's slips (samples/denpasar_2019.yaml,
comments) and accept the right numbers; a right number typed over a formula is still reported,
with its own code and a lower severity than a wrong one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lkjip_xl import dataformat
from lkjip_xl.verify import verify
from lkjip_xl.workbook.write import write_workbook
from tests import corrupt as c

ROOT = Path(__file__).resolve().parent.parent

RIGHT = [  # typed, right: Table 3.1 capaian 100 %, Table 3.4 totals of the S1 block
    ("PKK", "capaian", 0, 100.0),
    ("PKK", "capaian", 1, 100.0),
    ("AE", "anggaran", 0, 2072337900.0),
    ("AE", "realisasi", 0, 1934956185.0),
]
WRONG_KEMAJUAN = [("PKK", "kemajuan", 1, 80.0)]  # Table 3.8: 80 %, the inputs give 60 %
VARIANTS = {
    # Table 3.13 fills the efficiency column with the absorption
    "table-3.13": ([("AE", "efisiensi", 0, 93.37), ("AE", "efisiensi", 1, 90.77)],
                   {("AE", "efisiensi", 0): 6.63, ("AE", "efisiensi", 1): 9.23}),
    # Table 3.11 rounds S2's efficiency to 9
    "table-3.11": ([("AE", "efisiensi", 1, 9.0)], {("AE", "efisiensi", 1): 9.23}),
}


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("seed") / "denpasar.xlsx"
    write_workbook(dataformat.load(ROOT / "samples" / "denpasar_2019.yaml"), path)
    return path


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_seed_numbers_typed_by_hand(clean: Path, tmp_path: Path, variant: str) -> None:
    wrong_eff, expected_eff = VARIANTS[variant]
    typed = tmp_path / "typed.xlsx"
    c.typed_constants(RIGHT + WRONG_KEMAJUAN + wrong_eff)(clean, typed)
    report = verify(typed)
    serious = {(f.code, f.location): f for f in report.findings if f.severity != "info"}
    expected = {("rumus-ditimpa", c.location(t, k, i)) for t, k, i, _ in RIGHT}
    expected |= {("rumus-ditimpa-salah", c.location(t, k, i))
                 for t, k, i, _ in WRONG_KEMAJUAN + wrong_eff}
    assert set(serious) == expected
    for t, k, i, _ in RIGHT:
        f = serious[("rumus-ditimpa", c.location(t, k, i))]
        assert f.severity == "warning"
    kemajuan = serious[("rumus-ditimpa-salah", c.location("PKK", "kemajuan", 1))]
    assert (kemajuan.severity, kemajuan.found, round(kemajuan.expected, 9)) == ("error", 80.0, 60.0)
    for (t, k, i), value in expected_eff.items():
        f = serious[("rumus-ditimpa-salah", c.location(t, k, i))]
        assert f.severity == "error" and round(f.expected, 2) == value
    assert report.exit_code() == 1
