"""The canonical YAML written by `dataformat.yaml_emit` is PyYAML's own text, byte for byte.

`dumps` writes the structure itself and leaves to PyYAML only the scalars it cannot be sure are
plain (issue #25: PyYAML's Python emitter was three quarters of `export` at 5,000 rows). These
tests hold the two equal on real documents and on text chosen to need every YAML style.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml

from lkjip_xl import dataformat
from lkjip_xl.dataformat import to_dict
from lkjip_xl.dataformat.dump import FLOW_KEYS, QUOTE, dump_data, pyyaml_text, render_scalars
from lkjip_xl.dataformat.lean_yaml import load_lean
from lkjip_xl.dataformat.yaml_emit import Emitter, Unsupported
from tests import docgen

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "denpasar_2019.yaml"

ODD = ["", " ", "a ", " a", "a  b", "yes", "No", "on", "null", "~", "true", "1.5", "1e3", "0x1F",
       "2024-01-01", "12:30", "1_000", ".inf", "-", "- a", "-a", "a: b", "a:b", "a #b", "#a",
       "a#b", "'q'", '"q"', "it's", "a, b", "[a]", "{a}", "a]", "&a", "*a", "!a", "|a", ">a",
       "%a", "@a", "`a", "?a", "? a", "a\tb", "é", "Dinas Pekerjaan Umum (PU)", "100%",
       "S1.1", "19610804 198603 1 019", "1.082", "+62", "k1: x", "baris\nk1: dua", "a\n\nb",
       "a\n", "\na", "trailing \nspace ", "x" * 5000, ("kata " * 1200).strip(), "a\u00a0b",
       "a\x85b", "\u2028", "=", "a=b", "(a)", "a/b", "a & b", "ＡＢＣ", "9.01.2.01", " 1", "1 ",
       "1  2", "-1", "+", ".", ",", "1,5", "1 - 2", "0", "  ", "1" * 300]


def _emitter() -> Emitter:
    return Emitter(render_scalars, FLOW_KEYS, QUOTE)


def _same(data: dict) -> None:
    """What `dumps` writes (the emitter, or PyYAML for a shape it leaves) is PyYAML's text."""
    assert dump_data(data) == pyyaml_text(data)


def test_a_shape_the_canonical_form_never_has_is_left_to_pyyaml() -> None:
    data = {"mixed": [{"a": 1}, [1, {"b": "x"}]]}
    with pytest.raises(Unsupported):
        _emitter().emit(data)
    _same(data)


def test_sample_and_generated_documents_are_written_as_pyyaml_writes_them() -> None:
    dok = dataformat.load(SAMPLE)
    assert _emitter().emit(to_dict(dok)) == dataformat.dumps(dok) == pyyaml_text(to_dict(dok))
    for seed in range(4):
        data = to_dict(docgen.build(seed))
        assert _emitter().emit(data) == pyyaml_text(data)  # the emitter's own text, no fallback


@pytest.mark.parametrize("text", ODD)
def test_text_needing_every_style_in_every_context(text: str) -> None:
    """As a mapping's value (top level and nested under sequences), as a key, inside flow lists
    and flow maps, as a scalar item of a block sequence."""
    data = {"format": text, "k": 1,
            "sasaran": [{"kode": text, "uraian": text,
                         "indikator": [{"kode": "S1.1", "uraian": text, "q": [None, text, 1.5],
                                        "predikat": {"min": 1, "label": text}}]}],
            "mixed": [{"a": 1}, text, [1, text]],
            "empty": [], "nothing": {}}
    _same(data)


@pytest.mark.parametrize("text", ODD)
def test_a_key_is_written_plain_or_left_to_pyyaml(text: str) -> None:
    data = {text: 1, "m": {text: 2}}
    _same(data)


def test_an_export_with_its_pengukuran_is_the_emitters_own(tmp_path: Path) -> None:
    """Codes that read as numbers ("9.01") are keys of the pengukuran maps."""
    from lkjip_xl.workbook.export import export_workbook
    from lkjip_xl.workbook.write import write_workbook

    book = tmp_path / "b.xlsx"
    write_workbook(docgen.build(3), book)
    data = export_workbook(book)
    data["pengukuran"]["program"]["9.01"] = {"10": 1, "1e3": None, "S1.1": [1]}
    assert _emitter().emit(data) == pyyaml_text(data)


def test_plain_text_in_every_context_is_the_emitters_own() -> None:
    text = "Dinas Pekerjaan Umum (PU) 100% a/b"
    data = {"u": text, "l": [{"u": text, "f": [text], "p": {"min": 1, "label": text}}]}
    assert _emitter().emit(data) == pyyaml_text(data)


def test_random_text_round_trips_and_matches() -> None:
    rng = random.Random(25)
    alphabet = "abc XYZ019:#-'\"\n\t,.%&*!|>?[]{}()é"
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        data = {"v": text, "l": [{"u": text, "f": [text, None]}]}
        _same(data)
        assert yaml.safe_load(pyyaml_text(data)) == data


def test_numbers_as_pyyaml_writes_them() -> None:
    _same({"n": [0, -1, 10**20, 0.1, 1e20, 1e-7, -0.0, float("inf"), float("-inf"), 2.5e-300],
           "m": {2019: 1.0, 2020: 66.66666666666667}, "b": [True, False]})


def test_loading_a_large_document_holds_no_node_graph() -> None:
    """The lean loader walks libyaml's events (issue #25): composing the node graph first held
    about 30 times the text (250 MB for 20,000 rows); the data alone is a few times the text."""
    import tracemalloc

    from benchmarks.synth import agency_of_rows

    text = dataformat.dumps(agency_of_rows(2000))
    tracemalloc.start()
    try:
        data = load_lean(text)
        _size, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert data == yaml.load(text, Loader=yaml.CSafeLoader)
    assert peak < 8 * len(text), (peak, len(text))
