"""Golden outputs: `new`, `measure`, `rekap`, `verify --annotate` and `laporan` of the samples,
part by part as normalised XML, equal to the parts committed under tests/golden/outputs/.

A refactor must leave every output as it was; a deliberate change is regenerated with
`python -m tests.golden --update` and reviewed as a diff (docs/testing.md). No LibreOffice:
every command here writes its file with openpyxl/xlsxwriter/python-docx alone.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from tests.golden import commands, parts


@pytest.fixture(scope="module")
def produced(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, str]]:
    files = commands.produce(tmp_path_factory.mktemp("golden"))
    assert tuple(files) == commands.NAMES
    return {name: parts.normalise(path) for name, path in files.items()}


@pytest.mark.parametrize("name", commands.NAMES)
def test_output_equals_golden(name: str, produced: dict[str, dict[str, str]]) -> None:
    if not (parts.OUTPUTS / name).is_dir():
        pytest.fail(f"{name}: no golden parts stored; run `{parts.REGENERATE}`")
    found = parts.differences(parts.read(name), produced[name])
    assert not found, (f"{name}: {len(found)} part(s) differ from tests/golden/outputs/{name}. "
                       f"If the change is deliberate, run `{parts.REGENERATE}` and commit the "
                       "reviewed diff.\n\n" + "\n\n".join(found[:5]))


def test_outputs_are_deterministic(produced: dict[str, dict[str, str]],
                                   tmp_path: Path) -> None:
    """A second run (another folder, another second) writes the same normalised parts."""
    again = commands.produce(tmp_path / "again")
    for name, path in again.items():
        assert not parts.differences(produced[name], parts.normalise(path)), name


def test_golden_covers_every_part_kind(produced: dict[str, dict[str, str]]) -> None:
    """The measure output's charts and the document's pictures are among the compared parts."""
    assert any(p.startswith("xl/charts/chart") for p in produced["measure-denpasar_2019"])
    pictures = [p for p in produced["laporan-denpasar_2019"] if p.startswith("word/media/")]
    assert pictures and all(produced["laporan-denpasar_2019"][p].startswith("png ")
                            for p in pictures)


def test_normalising_ignores_only_the_timestamps(tmp_path: Path) -> None:
    """Two packages that differ only in docProps' created/modified compare equal; a changed cell
    is reported with its part and the changed line."""
    core = ('<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            'metadata/core-properties" xmlns:dcterms="http://purl.org/dc/terms/">'
            '<dcterms:created>{t}</dcterms:created><dcterms:modified>{t}</dcterms:modified>'
            '</cp:coreProperties>')
    sheet = '<worksheet><sheetData><row r="1"><c r="A1"><v>{v}</v></c></row></sheetData></worksheet>'

    def package(name: str, t: str, v: int) -> Path:
        path = tmp_path / name
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("docProps/core.xml", core.format(t=t))
            z.writestr("xl/worksheets/sheet1.xml", sheet.format(v=v))
        return path

    a = parts.normalise(package("a.xlsx", "2020-01-01T00:00:00Z", 1))
    assert not parts.differences(a, parts.normalise(package("b.xlsx", "2031-05-05T09:09:09Z", 1)))
    found = parts.differences(a, parts.normalise(package("c.xlsx", "2020-01-01T00:00:00Z", 2)))
    assert len(found) == 1 and found[0].startswith("part differs: xl/worksheets/sheet1.xml")
    assert "\n-    <v>1</v>\n+    <v>2</v>\n" in found[0]


def test_stored_parts_read_back(tmp_path: Path, produced: dict[str, dict[str, str]]) -> None:
    """What `--update` writes (plain, gzipped, hashed) reads back exactly."""
    parts.write("x", produced["laporan-denpasar_2019"], root=tmp_path)
    assert parts.read("x", root=tmp_path) == produced["laporan-denpasar_2019"]


def test_a_chart_drawn_by_another_matplotlib_compares_by_size_only() -> None:
    """A fresh environment may install a newer matplotlib: its chart is compared by size; under
    the same matplotlib every pixel counts, and a resized chart differs under either."""
    drawn = "png 800x400 matplotlib 3.11.2\nsha256 aa\n"
    assert not parts.differences({"c.png": drawn}, {"c.png": "png 800x400 matplotlib 3.12.0\nsha256 bb\n"})
    assert parts.differences({"c.png": drawn}, {"c.png": "png 800x400 matplotlib 3.11.2\nsha256 bb\n"})
    assert parts.differences({"c.png": drawn}, {"c.png": "png 640x400 matplotlib 3.12.0\nsha256 bb\n"})
