"""Fuzzing: mutated lkjip-xl workbooks never crash, hang or exhaust memory in any reading command.

Starting from valid workbooks written by `lkjip_xl.workbook.write.write_workbook` (the Denpasar sample
and the small synthetic per-triwulan sample), hypothesis mutates
  (a) the bytes of the zip: flip, insert, delete, truncate;
  (b) the XML of the sheets, workbook.xml and sharedStrings.xml: delete or duplicate elements,
      change r="..." references and t="..." types, put huge numbers, NaN, unicode or random
      tokens in values and formulas;
  (c) the values of input cells: text where numbers belong, Indonesian text numbers, negative,
      huge, boolean and error values;
then runs `verify`, `export` and `measure` in-process through `lkjip_xl.cli.run_main`. Each must
succeed or fail cleanly: exit code in {0, 1, 2, 3}, no traceback, no "internal error" (run_main's
catch-all: an uncaught exception is a bug), a short stderr, and within TIME_LIMIT seconds. A few
examples run `lkjip-xl verify` in a subprocess under RLIMIT_AS = 1 GiB.

CI budget: FUZZ_EXAMPLES examples (derandomised, about a minute); `LKJIP_FUZZ_EXAMPLES=500`
runs a longer, random campaign.
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
import re
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lkjip_xl.cli import run_main
from lkjip_xl.dataformat import load
from lkjip_xl.workbook.write import write_workbook

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ("denpasar_2019.yaml", "synthetic_per_triwulan.yaml")
TIME_LIMIT = 20.0
MAX_STDERR = 64_000
_ENV_EXAMPLES = os.environ.get("LKJIP_FUZZ_EXAMPLES")
FUZZ_EXAMPLES = int(_ENV_EXAMPLES) if _ENV_EXAMPLES else 30
FUZZ_SETTINGS = settings(
    max_examples=FUZZ_EXAMPLES, deadline=None, derandomize=_ENV_EXAMPLES is None, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                           HealthCheck.large_base_example])


@functools.cache
def base_parts(sample: str) -> tuple[bytes, dict[str, bytes]]:
    """The valid workbook of `sample` (bytes) and its zip members, written once per session."""
    folder = Path(tempfile.mkdtemp(prefix="lkjip_fuzz_base_"))
    path = folder / (Path(sample).stem + ".xlsx")
    write_workbook(load(ROOT / "samples" / sample), path)
    data = path.read_bytes()
    with zipfile.ZipFile(path) as zf:
        parts = {i.filename: zf.read(i) for i in zf.infolist()}
    return data, parts


def _zip(parts: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return buf.getvalue()


# ---------------------------------------------------------------------------------------------
# (a) bytes of the zip


@st.composite
def byte_mutations(draw: st.DrawFn, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(["flip", "insert", "delete", "truncate", "overwrite"]))
        if not out:
            break
        i = draw(st.integers(0, len(out) - 1))
        if op == "flip":
            out[i] ^= 1 << draw(st.integers(0, 7))
        elif op == "insert":
            out[i:i] = draw(st.binary(min_size=1, max_size=64))
        elif op == "delete":
            del out[i:i + draw(st.integers(1, 256))]
        elif op == "truncate":
            del out[i:]
        else:
            chunk = draw(st.binary(min_size=1, max_size=16))
            out[i:i + len(chunk)] = chunk
    return bytes(out)


# ---------------------------------------------------------------------------------------------
# (b) XML of the parts, (c) values of input cells

ELEMENT = re.compile(rb"<(c|row|f|v|sheet|definedName|si|mergeCell|col)\b[^>]*?(/>|>.*?</\1>)",
                     re.S)
CELL = re.compile(rb'<c r="([A-Z]+[0-9]+)"([^>]*?)(/>|>(.*?)</c>)', re.S)
ATTR = re.compile(rb'\b(r|t|s|ref|si|sheetId|r:id|name|localSheetId|spans)="([^"]*)"')

WEIRD_TEXT = st.sampled_from([
    "NaN", "nan", "inf", "-inf", "1e309", "-1e309", "1E+308", "9" * 400, "0x1F", "", " ",
    "1.234,56", "1,5", "75%", "Rp 1.000.000", "seratus", "−5", "١٢٣", "１２", "12\u00a0000",
    "#DIV/0!", "#REF!", "#N/A", "TRUE", "=1+1", "+A1", "@SUM(A1)", "\t", "é" * 50, "😀",
    "A1", "XFD1048576", "ZZZ9999999", "-0", "1e-320", "<>&'\"",
])
TOKENS = st.sampled_from([
    "SUM(", ")", "(", "A1", "$B$5", "IK_kode", "'Renstra & IKU'!A1:A9", ",", ";", "+", "-", "*",
    "/", "^", "&", "=", "<>", "\"teks\"", "1E+308", "#REF!", "INDIRECT(\"A1\")", "OFFSET(A1,1,1)",
    "IF(", "IFERROR(", "VLOOKUP(", "INDEX(", "MATCH(", "SUMPRODUCT(", "1/0", "[1]Sheet1!A1",
    "cmd|' /c calc'!A0", "WEBSERVICE(\"http://x\")", "LAMBDA(x,x)", "A1:XFD1048576", "%", "{1,2}",
    "TRUE", "FALSE", "ROW()", "Sheet9!A1", "_xlfn.XLOOKUP(", " ", "!", ":",
])
NUMBERS = st.one_of(st.floats(allow_nan=True, allow_infinity=True).map(repr),
                    st.integers(-(10 ** 30), 10 ** 30).map(str))


def _esc(text: str) -> bytes:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").encode("utf-8", "surrogatepass"))


def _ref(draw: st.DrawFn) -> str:
    col = draw(st.sampled_from(["A", "B", "C", "J", "Z", "AA", "XFD", "XFE", "", "a"]))
    row = draw(st.sampled_from(["1", "4", "5", "6", "64", "1048576", "1048577", "0", "", "-1"]))
    return col + row


@st.composite
def xml_mutation(draw: st.DrawFn, parts: dict[str, bytes]) -> dict[str, bytes]:
    names = sorted(n for n in parts if n.startswith("xl/worksheets/") or n in (
        "xl/workbook.xml", "xl/sharedStrings.xml"))
    out = dict(parts)
    for _ in range(draw(st.integers(1, 4))):
        name = draw(st.sampled_from(names))
        xml = out[name]
        matches = list(ELEMENT.finditer(xml))
        if not matches:
            continue
        m = matches[draw(st.integers(0, len(matches) - 1))]
        op = draw(st.sampled_from(["delete", "duplicate", "attr", "value", "formula", "unicode"]))
        whole = m.group(0)
        if op == "delete":
            new = b""
        elif op == "duplicate":
            new = whole * draw(st.integers(2, 3))
        elif op == "attr":
            attrs = list(ATTR.finditer(whole))
            if not attrs:
                continue
            a = attrs[draw(st.integers(0, len(attrs) - 1))]
            key = a.group(1)
            if key == b"r":
                val = _ref(draw)
            elif key == b"t":
                val = draw(st.sampled_from(["s", "n", "str", "b", "e", "inlineStr", "d", "x", ""]))
            else:
                val = draw(st.one_of(NUMBERS, WEIRD_TEXT))
            new = whole[:a.start(2)] + _esc(val) + whole[a.end(2):]
        elif op == "value":
            val = draw(st.one_of(NUMBERS, WEIRD_TEXT))
            new = re.sub(rb"<v>[^<]*</v>", b"<v>" + _esc(val) + b"</v>", whole, count=1) \
                if b"<v>" in whole else whole.replace(b"/>", b"><v>" + _esc(val) + b"</v></c>", 1)
        elif op == "formula":
            text = "".join(draw(st.lists(TOKENS, min_size=0, max_size=12)))
            new = re.sub(rb"<f>[^<]*</f>", b"<f>" + _esc(text) + b"</f>", whole, count=1) \
                if b"<f>" in whole else whole
        else:
            junk = draw(st.text(min_size=1, max_size=20))
            new = whole.replace(b">", b">" + _esc(junk), 1) if b"</" in whole else whole
        out[name] = xml[:m.start()] + new + xml[m.end():]
    return out


INPUT_SHEETS = [f"xl/worksheets/sheet{i}.xml" for i in range(2, 12)]  # Pengaturan..Realisasi Ang.


@st.composite
def cell_values(draw: st.DrawFn, parts: dict[str, bytes]) -> dict[str, bytes]:
    out = dict(parts)
    for _ in range(draw(st.integers(1, 8))):
        name = draw(st.sampled_from([n for n in INPUT_SHEETS if n in out]))
        xml = out[name]
        cells = [m for m in CELL.finditer(xml) if b"<f" not in (m.group(4) or b"")]
        if not cells:
            continue
        m = cells[draw(st.integers(0, len(cells) - 1))]
        ref = m.group(1)
        kind = draw(st.sampled_from(["text", "number", "bool", "error", "empty"]))
        if kind == "text":
            body = b' t="inlineStr"><is><t>' + _esc(draw(WEIRD_TEXT)) + b"</t></is></c>"
        elif kind == "number":
            body = b"><v>" + _esc(draw(st.one_of(NUMBERS, st.sampled_from(
                ["-1", "-100", "0", "1e300", "-1e300", "4.9e-324", "120", "99.999999999"])))) \
                + b"</v></c>"
        elif kind == "bool":
            body = b' t="b"><v>' + draw(st.sampled_from([b"0", b"1", b"2", b"x"])) + b"</v></c>"
        elif kind == "error":
            body = b' t="e"><v>' + draw(st.sampled_from(
                [b"#DIV/0!", b"#N/A", b"#VALUE!", b"#REF!", b"#NAME?", b"#NUM!", b"#SPILL!"])) \
                + b"</v></c>"
        else:
            body = b"/>"
        out[name] = xml[:m.start()] + b'<c r="' + ref + b'"' + body + xml[m.end():]
    return out


@st.composite
def mutated_workbook(draw: st.DrawFn) -> bytes:
    data, parts = base_parts(draw(st.sampled_from(SAMPLES)))
    how = draw(st.sampled_from(["bytes", "xml", "cells", "xml+cells"]))
    if how == "bytes":
        return draw(byte_mutations(data))
    if how in ("xml", "xml+cells"):
        parts = draw(xml_mutation(parts))
    if how in ("cells", "xml+cells"):
        parts = draw(cell_values(parts))
    return _zip(parts)


# ---------------------------------------------------------------------------------------------


def run_cli(argv: list[str]) -> tuple[int, str, str, float]:
    out, err = io.StringIO(), io.StringIO()
    start = time.monotonic()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = run_main(argv)
    return code, out.getvalue(), err.getvalue(), time.monotonic() - start


def check_clean(argv: list[str], code: int, out: str, err: str, took: float) -> None:
    where = " ".join(argv)
    assert code in (0, 1, 2, 3), (where, code, err[-2000:])
    assert "Traceback" not in out + err, (where, err[-2000:])
    assert "galat internal" not in err, (where, err[-2000:])  # run_main's catch-all: a bug
    assert len(err) < MAX_STDERR, (where, len(err))
    assert took < TIME_LIMIT, (where, took)


def exercise(data: bytes) -> None:
    with tempfile.TemporaryDirectory(prefix="lkjip_fuzz_") as tmp:
        src = Path(tmp) / "mutasi.xlsx"
        src.write_bytes(data)
        for argv in (["verify", str(src)], ["export", str(src)],
                     ["measure", str(src), "-o", str(Path(tmp) / "terukur.xlsx")]):
            check_clean(argv, *run_cli(argv))
        assert src.read_bytes() == data


@FUZZ_SETTINGS
@given(mutated_workbook())
def test_mutated_workbooks_fail_cleanly(data: bytes) -> None:
    exercise(data)


@settings(max_examples=3, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated_workbook())
def test_mutated_workbooks_stay_within_1gb(data: bytes) -> None:
    """The same, as a separate process with its address space capped at 1 GiB."""
    with tempfile.TemporaryDirectory(prefix="lkjip_fuzz_") as tmp:
        src = Path(tmp) / "mutasi.xlsx"
        src.write_bytes(data)
        proc = subprocess.run(
            [sys.executable, "-c", LIMITED, "verify", str(src)], capture_output=True, text=True,
            timeout=60)
        check_clean(["verify", "(subprocess)"], proc.returncode, proc.stdout, proc.stderr, 0.0)


LIMITED = (
    "import resource, sys\n"
    "resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))\n"
    "from lkjip_xl.cli import run_main\n"
    "sys.exit(run_main(sys.argv[1:]))\n")


# ---------------------------------------------------------------------------------------------
# Regressions the fuzzer found (each a minimal case of the bug it reported).


def test_base_workbooks_are_clean() -> None:
    """The starting points themselves pass every command (the mutations are what differ)."""
    for sample in SAMPLES:
        data, _ = base_parts(sample)
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / "asli.xlsx"
            src.write_bytes(data)
            assert run_cli(["verify", str(src)])[0] == 0
            assert run_cli(["export", str(src)])[0] == 0
            assert run_cli(["measure", str(src), "-o", str(Path(tmp) / "m.xlsx")])[0] == 0


@pytest.mark.parametrize("sample", SAMPLES)
def test_byte_flip_everywhere_in_the_directory(sample: str) -> None:
    """A flipped bit in each central-directory record: always a clean refusal or a read."""
    data, _ = base_parts(sample)
    start = data.rfind(b"PK\x05\x06")
    cd = int.from_bytes(data[start + 16:start + 20], "little")
    for i in range(cd, len(data), 97):
        mutated = bytearray(data)
        mutated[i] ^= 0x10
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / "x.xlsx"
            src.write_bytes(bytes(mutated))
            check_clean(["verify"], *run_cli(["verify", str(src)]))


@pytest.mark.parametrize("sheet_key, value", [
    ("metode_efisiensi", "NaN"), ("nilai_tw", "bulanan"), ("rumus_negatif", "=1+1")])
def test_unknown_setting_is_reported_not_a_crash(sheet_key: str, value: str) -> None:
    """Found by the fuzzer: Pengaturan!B7 = 'NaN' made export and measure raise ValueError."""
    from lkjip_xl.schema.sheets import PENGATURAN, SHEETS

    _, parts = base_parts(SAMPLES[0])
    sheet = next(s for s in SHEETS if s.name == PENGATURAN)
    row = 5 + [f.key for f in sheet.fields].index(sheet_key)
    name = "xl/worksheets/sheet2.xml"  # Pengaturan, the second sheet
    xml = parts[name]
    m = re.search(rb'<c r="B%d"[^>]*?(/>|>.*?</c>)' % row, xml, re.S)
    assert m is not None, row
    mutated = dict(parts)
    mutated[name] = (xml[:m.start()] + b'<c r="B%d" t="inlineStr"><is><t>' % row + _esc(value)
                     + b"</t></is></c>" + xml[m.end():])
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "pengaturan.xlsx"
        src.write_bytes(_zip(mutated))
        for argv in (["export", str(src)], ["measure", str(src), "-o", str(Path(tmp) / "m.xlsx")],
                     ["verify", str(src)]):
            code, out, err, took = run_cli(argv)
            check_clean(argv, code, out, err, took)
            assert code in (0, 1), (argv, err)
            text = out if argv[0] == "verify" else err
            assert f"Nilai {value} di Pengaturan!B{row} tidak dikenal" in text, (argv, text[:800])
            assert text.count(f"Pengaturan!B{row} tidak dikenal") == 1 or argv[0] != "verify"


@pytest.mark.parametrize("text", ["1e309", "-1e309", "9" * 400])
def test_overflowing_text_number_is_not_a_number(text: str) -> None:
    """Found by the fuzzer: a realisasi typed as the text "1e309" was read as infinity and made
    measure raise TypeError in xlsxwriter's write_number. Now it is `bukan-angka`, and the
    writers turn any infinity that still reaches them into an Excel error."""
    from lkjip_xl.core.number_text import parse

    assert parse(text) is None
    _, parts = base_parts(SAMPLES[0])
    name = "xl/worksheets/sheet9.xml"  # Realisasi Kinerja: column G holds the annual realisasi
    xml = parts[name]
    m = re.search(rb'<c r="G5"[^>]*?(/>|>.*?</c>)', xml, re.S)
    assert m is not None
    mutated = dict(parts)
    mutated[name] = (xml[:m.start()] + b'<c r="G5" t="inlineStr"><is><t>' + text.encode()
                     + b"</t></is></c>" + xml[m.end():])
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "besar.xlsx"
        src.write_bytes(_zip(mutated))
        for argv in (["export", str(src)], ["measure", str(src), "-o", str(Path(tmp) / "m.xlsx")],
                     ["verify", str(src)]):
            code, out, err, took = run_cli(argv)
            check_clean(argv, code, out, err, took)
            assert "Realisasi Kinerja'!G5" in out + err, (argv, (out + err)[:600])
        assert (Path(tmp) / "m.xlsx").exists()
