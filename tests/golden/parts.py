"""Normalised parts of an .xlsx/.docx, stored as files a reviewer can read and diff.

Every XML part is parsed and written back canonically (C14N 2.0: sorted attributes, one
namespace form) and indented one element per line, so a diff points at the cell or paragraph
that moved. What legitimately changes between two runs is replaced by a placeholder (IGNORED).
Binary parts (images) are kept as their SHA-256. A part over GZIP_ABOVE bytes is stored gzipped
(`.gz`, written without a timestamp so it is byte-stable); `git diff` shows it as text with the
`gz` textconv in docs/testing.md.
"""

from __future__ import annotations

import difflib
import gzip
import hashlib
import shutil
import struct
import zipfile
from importlib.metadata import version
from pathlib import Path

from lxml import etree

OUTPUTS = Path(__file__).resolve().parent / "outputs"
GZIP_ABOVE = 64_000
XML_SUFFIXES = (".xml", ".rels", ".vml")
DCTERMS = "http://purl.org/dc/terms/"
# when the file was written, not what it says: openpyxl stamps created/modified with now()
IGNORED = {("docProps/core.xml", f"{{{DCTERMS}}}created"),
           ("docProps/core.xml", f"{{{DCTERMS}}}modified")}
REGENERATE = "python -m tests.golden --update"


def _xml(name: str, data: bytes) -> str:
    root = etree.fromstring(data)
    for part, tag in IGNORED:
        if part == name:
            for el in root.iter(tag):
                el.text = "IGNORED"
    # indent changes only whitespace between elements (no part here has mixed content)
    etree.indent(root, space=" ")
    return etree.tostring(root, method="c14n2").decode("utf-8") + "\n"


def normalise(path: Path) -> dict[str, str]:
    """{part name: normalised text} of the package at `path`, binary parts as 'sha256 HEX'."""
    parts: dict[str, str] = {}
    with zipfile.ZipFile(path) as z:
        for info in z.infolist():
            data = z.read(info)
            if info.filename.endswith(XML_SUFFIXES) or info.filename == "[Content_Types].xml":
                parts[info.filename] = _xml(info.filename, data)
            else:
                parts[info.filename] = _binary(data)
    return parts


def _binary(data: bytes) -> str:
    """A picture's hash; a PNG (our charts) also names its size and the matplotlib that drew it,
    because another matplotlib release draws the same chart with other pixels (see `_same`)."""
    digest = f"sha256 {hashlib.sha256(data).hexdigest()}\n"
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        return digest
    width, height = struct.unpack(">II", data[16:24])
    return f"png {width}x{height} matplotlib {version('matplotlib')}\n{digest}"


def _same(expected: str, actual: str) -> bool:
    """Equal, or the same-sized PNG drawn by another matplotlib release: a fresh environment
    may install a newer one, and its antialiasing is not our output's to pin."""
    if expected == actual:
        return True
    if not (expected.startswith("png ") and actual.startswith("png ")):
        return False
    e, a = expected.split(), actual.split()
    return e[3] != a[3] and e[1] == a[1]


def _stored_name(part: str, text: str) -> str:
    if text.startswith(("sha256 ", "png ")):
        return part + ".sha256"
    return part + ".gz" if len(text.encode()) > GZIP_ABOVE else part


def write(output: str, parts: dict[str, str], root: Path = OUTPUTS) -> None:
    """Replace the stored parts of `output` by `parts` (and its list of parts)."""
    folder = root / output
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    (folder / "PARTS").write_text("".join(f"{p}\n" for p in sorted(parts)), encoding="utf-8")
    for part, text in parts.items():
        target = folder / _stored_name(part, text)
        target.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        if target.suffix == ".gz":
            data = gzip.compress(data, mtime=0)
        target.write_bytes(data)


def read(output: str, root: Path = OUTPUTS) -> dict[str, str]:
    """The stored parts of `output`: {part name: normalised text}."""
    folder = root / output
    names = (folder / "PARTS").read_text(encoding="utf-8").split()
    parts = {}
    for part in names:
        for stored in (part, part + ".gz", part + ".sha256"):
            f = folder / stored
            if f.is_file():
                data = f.read_bytes()
                parts[part] = (gzip.decompress(data) if stored.endswith(".gz") else data).decode()
                break
        else:
            raise FileNotFoundError(f"{folder}: part {part} listed in PARTS but not stored")
    return parts


def differences(expected: dict[str, str], actual: dict[str, str], context: int = 3,
                max_lines: int = 40) -> list[str]:
    """One message per differing part: its name and the diff around its first difference."""
    out = [f"part missing from the output: {p}" for p in sorted(expected.keys() - actual.keys())]
    out += [f"part new in the output: {p}" for p in sorted(actual.keys() - expected.keys())]
    for part in sorted(expected.keys() & actual.keys()):
        if _same(expected[part], actual[part]):
            continue
        diff = list(difflib.unified_diff(expected[part].splitlines(), actual[part].splitlines(),
                                         f"golden/{part}", f"now/{part}", n=context, lineterm=""))
        first_hunk_end = next((i for i, line in enumerate(diff[3:], 3) if line.startswith("@@")),
                              len(diff))
        shown = diff[:min(first_hunk_end, max_lines)]
        more = len(diff) - len(shown)
        out.append(f"part differs: {part}\n" + "\n".join(shown)
                   + (f"\n... ({more} more diff lines in this part)" if more else ""))
    return out
