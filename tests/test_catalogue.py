"""Every finding code the package can emit is in the one catalogue, with both languages."""

from __future__ import annotations

import re
from pathlib import Path

from lkjip_xl.catalogue import catalogue

PACKAGE = Path(__file__).resolve().parent.parent / "lkjip_xl"
EMITTED = re.compile(r'Finding\(\s*"([a-z0-9-]+)"')


def test_every_emitted_code_is_catalogued() -> None:
    table = catalogue()
    missing = {}
    for path in PACKAGE.rglob("*.py"):
        for code in EMITTED.findall(path.read_text(encoding="utf-8")):
            if code not in table:
                missing[code] = path.name
    assert missing == {}


def test_entries_are_complete() -> None:
    for code, e in catalogue().items():
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", code), code
        assert e.severity in ("error", "warning", "info"), code
        assert e.id and e.en and e.id != e.en, code


# -- one renderer: findings, the commands' lines and laporan's lines are made the same way ------


def test_lines_show_numbers_in_the_readers_form_as_findings_do() -> None:
    from lkjip_xl.catalogue.laporan import text
    from lkjip_xl.catalogue.lines import line

    assert line("causes", "id", roots=2, cells=1204) == (
        "2 penyebab perlu diperbaiki; 1.204 sel ikut salah karenanya")
    assert line("causes", "en", roots=2, cells=1204) == (
        "2 cause(s) to fix; 1,204 cell(s) are wrong because of them")
    assert line("summary", "id", path="a.xlsx", verdict="LULUS", errors=0, warnings=0,
                info=2019).endswith("2019 info")  # a plain integer is never grouped
    assert text("batch", "en", ok=1204, path="out", draf=0, failed=0).startswith(
        "1204 reports written")  # `ok` is no count kind: as before
    assert line("written", "xx", path="a") == "ditulis: a"  # any other language: Indonesian


def test_a_parameter_given_in_both_languages_follows_the_message() -> None:
    from lkjip_xl.planning.batch import fatal_report

    f = fatal_report("x.xlsx", "izin ditolak", "permission denied").findings[0]
    assert f.message("id") == "Berkas tidak dapat dibaca: izin ditolak"
    assert f.message("en") == "The file cannot be read: permission denied"


def test_a_code_the_table_does_not_know_still_says_what_was_found() -> None:
    from lkjip_xl.core.findings import Finding

    assert Finding("kode-baru", "error", "S!A1", found=3, expected=4).message("en") == (
        "kode-baru (3 -> 4)")
    assert Finding("kode-baru", "error", found="x").message() == "kode-baru ('x')"
    assert Finding("kode-baru", "error").message() == "kode-baru"


def test_an_empty_formula_result_is_named_not_left_blank() -> None:
    """A formula typed over where the right result is "" (an empty cell): the sentence says so
    instead of ending in a blank ("seharusnya rumus dengan hasil ")."""
    from lkjip_xl.catalogue import render_value
    from lkjip_xl.core.findings import Finding

    f = Finding("rumus-ditimpa-salah", "error", "'Pengukuran Kinerja'!H8", found=123, expected="")
    assert f.message("id").endswith("seharusnya rumus dengan hasil (kosong)")
    assert f.message("en").endswith("giving (empty)")
    assert render_value(f, "expected", "id") == "(kosong)"


def test_no_module_outside_the_catalogue_picks_a_language_itself() -> None:
    # `lang == "en"` chosen by hand is a second renderer: catalogue.language / pick / render
    import ast

    wrong = []
    for path in PACKAGE.rglob("*.py"):
        # cli/__init__ reads which language the command line asks for (`--lang en`)
        if path.parent.name == "catalogue" or path == PACKAGE / "cli" / "__init__.py":
            continue
        for n in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(n, ast.Compare) and any(
                    isinstance(c, ast.Constant) and c.value in ("en", "id")
                    for c in [n.left, *n.comparators]):
                wrong.append(f"{path.relative_to(PACKAGE.parent)}:{n.lineno}")
    assert not wrong, wrong
