"""The single guarded way into an .xlsx: every check done before (and while) an XML parser runs.

`inspect(path)` looks at the bytes first (size, magic numbers: encrypted OOXML, legacy .xls, .ods,
.xlsb, CSV, HTML, empty, truncated zip), then at the zip's own directory (member count, names,
declared sizes, compression ratios, encryption, methods), then reads the small package parts
(content types, relationships, workbook.xml) with a safe expat parser that refuses any DOCTYPE, and
checks that every part the workbook names exists. It raises `UnsafeFileError(message_id,
message_en)` for a file that must not be read, and returns a `ContainerInfo` for one that may:
findings for macros, DDE link parts, defined names using web functions and data connections, and
the external links as data (the formula audit reports those). Nothing is ever run or fetched.

`xlsx.stream.read_grid` calls `open_guarded` so that the checked file handle is the one read.
The limits and the reasons for each default are in docs/security.md.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import posixpath
import re
import struct
import time
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import IO, Any, cast
from xml.parsers import expat

from lkjip_xl.catalogue.guard import ENTRIES
from lkjip_xl.core.errors import InputError, UnsafeFileError, file_error
from lkjip_xl.core.findings import Finding, Severity

MiB = 1024 * 1024

# The grid of Excel 2007+ (and of the OOXML spec): references beyond it are refused.
MAX_ROW = 1_048_576
MAX_COL = 16_384


@dataclass(frozen=True)
class Limits:
    """Caps on what a workbook may cost. Each can be raised by the caller (CLI options).

    Defaults keep any input of up to 20 MB under ~300 MB of memory and ~10 s (docs/security.md).
    The grid size (MAX_ROW x MAX_COL) is Excel's and is not a limit one can raise.
    """

    max_file_bytes: int = 100 * MiB  # size of the .xlsx on disk
    max_members: int = 10_000  # zip members
    max_member_bytes: int = 512 * MiB  # declared uncompressed size of one member
    max_total_bytes: int = 1024 * MiB  # declared uncompressed size of all members
    max_ratio: float = 200.0  # uncompressed / compressed, for members above ratio_min_bytes
    ratio_min_bytes: int = 1 * MiB  # small members may compress better (empty styled cells)
    # cells kept in memory, whole workbook, plus xlsx.stream.ROW_COST per row holding cells and
    # one per hidden row: a filled 10,000-row workbook is ~1.9 million (~150 MB in a CellStore)
    max_cells: int = 2_500_000
    max_string_chars: int = 100_000  # one string (Excel's own cell limit is 32,767)
    max_shared_strings: int = 500_000  # entries in sharedStrings.xml
    max_shared_strings_bytes: int = 64 * MiB  # uncompressed sharedStrings.xml read
    max_token_bytes: int = 8 * MiB  # one XML token (tag, attribute, comment) expat must buffer
    max_xml_depth: int = 128  # element nesting (OOXML sheets nest about 8 deep)
    max_xml_names: int = 5_000  # distinct element and attribute names in one part
    timeout_s: float = 30.0  # wall clock for inspect + read_grid (10,000 rows: ~10 s)
    max_findings_per_code: int = 100  # more of one code become one "temuan-dibatasi" finding


DEFAULT_LIMITS = Limits()


def configure(**changes: float | int | None) -> Limits:
    """Raise (or lower) the limits every reader uses by default: the CLI's --max-sel and
    --batas-waktu. Unknown names are refused; None leaves a limit as it is."""
    names = {f.name for f in fields(Limits)}
    for name, value in changes.items():
        if name not in names:
            raise ValueError(f"unknown limit {name}")
        if value is not None:
            object.__setattr__(DEFAULT_LIMITS, name, type(getattr(DEFAULT_LIMITS, name))(value))
    return DEFAULT_LIMITS


def _from_environment() -> None:
    """LKJIP_XL_MAX_CELLS / LKJIP_XL_TIMEOUT raise the limits for library callers too."""
    for var, name in (("LKJIP_XL_MAX_CELLS", "max_cells"), ("LKJIP_XL_TIMEOUT", "timeout_s")):
        text = os.environ.get(var)
        if text:
            with contextlib.suppress(ValueError):
                configure(**{name: float(text)})


_from_environment()

# ---------------------------------------------------------------------------------------------
# Findings, with a cap per code so that a hostile file cannot grow the report without bound.


class FindingSink:
    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.findings: list[Finding] = []
        self._counts: dict[str, int] = {}

    def add(self, code: str, location: str = "", found: Any = None, expected: Any = None,
            severity: str | None = None, **params: Any) -> None:
        n = self._counts.get(code, 0) + 1
        self._counts[code] = n
        if n > self.limits.max_findings_per_code:
            return
        if severity is None:

            severity = next((e.severity for e in ENTRIES if e.code == code), "error")
        self.findings.append(Finding(code, cast(Severity, severity), location, found, expected,
                                     params))

    def close(self) -> list[Finding]:
        """The findings, plus one `temuan-dibatasi` per code whose findings were cut."""
        cap = self.limits.max_findings_per_code
        for code, n in self._counts.items():
            if n > cap:
                self.findings.append(Finding("temuan-dibatasi", "info", "", n, cap,
                                             {"code": code, "dropped": n - cap}))
        self._counts = {}
        return self.findings


# ---------------------------------------------------------------------------------------------
# The safe XML parser: pyexpat with DOCTYPE (so every entity declaration) refused. OOXML parts
# never carry a DOCTYPE, so refusing it outright costs nothing and stops billion-laughs and
# external entities before any expansion. We do not use openpyxl's parser and so do not depend on
# OPENPYXL_DEFUSEDXML.


class _DoctypeRefused(Exception):
    pass


def _refuse_doctype(*_args: Any) -> None:
    raise _DoctypeRefused()


def _refuse_external(*_args: Any) -> int:
    raise _DoctypeRefused()


def new_parser(namespaces: bool = True) -> expat.XMLParserType:
    """A pyexpat parser that refuses any DOCTYPE; names are "uri local" when `namespaces`."""
    p = expat.ParserCreate(namespace_separator=" ") if namespaces else expat.ParserCreate()
    p.StartDoctypeDeclHandler = _refuse_doctype
    p.EntityDeclHandler = _refuse_doctype
    p.UnparsedEntityDeclHandler = _refuse_doctype
    p.ExternalEntityRefHandler = _refuse_external
    p.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    p.buffer_text = True
    p.buffer_size = 1 << 16
    return p


class Deadline:
    def __init__(self, timeout_s: float) -> None:
        self.end = time.monotonic() + timeout_s

    def expired(self) -> bool:
        return time.monotonic() > self.end


class PartTimeout(Exception):
    """The time budget ran out while reading a part (read_grid turns it into a finding)."""


def feed_part(zf: zipfile.ZipFile, member: str, parser: expat.XMLParserType, path: str,
              deadline: Deadline | None = None, max_bytes: int | None = None,
              after_chunk: Callable[[], None] | None = None,
              limits: Limits = DEFAULT_LIMITS, depth: Callable[[], int] | None = None) -> bool:
    """Stream one member into `parser`. Returns False if `max_bytes` stopped it early.

    Exceptions raised by the parser's handlers propagate unchanged (caps use that to stop a
    part); damaged compression or XML and a DOCTYPE become UnsafeFileError. So does a single
    token (a tag, an attribute value, a comment) longer than `limits.max_token_bytes`: expat
    keeps a token whole in memory, so a 500 MB attribute would cost 500 MB before any handler
    runs. And so does nesting deeper than `limits.max_xml_depth` or more than
    `limits.max_xml_names` distinct names: expat keeps a record per open element and per
    distinct name (3 million random names cost 250 MB inside expat). These are checked after
    each 256 kB chunk, so one chunk bounds what they can cost. `depth` returns the current
    nesting; without it the element handlers are wrapped to count it.
    """
    if depth is None:
        depth = _count_depth(parser)
    max_token = limits.max_token_bytes
    names: dict[str, str] = parser.intern
    read = 0
    try:
        fh = zf.open(member)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError,
            NotImplementedError, ValueError, KeyError) as exc:
        raise _corrupt(path, f"{member}: {exc}") from exc
    with fh:
        while True:
            if deadline is not None and deadline.expired():
                raise PartTimeout(member)
            try:
                chunk = fh.read(1 << 18)
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError,
                    NotImplementedError, ValueError) as exc:
                raise _corrupt(path, f"{member}: {exc}") from exc
            final = not chunk
            read += len(chunk)
            if max_bytes is not None and read > max_bytes:
                return False
            # Exceptions raised by handlers (caps) pass through untouched.
            try:
                parser.Parse(chunk, final)
            except _DoctypeRefused as exc:
                raise _doctype_error(path, member) from exc
            except expat.ExpatError as exc:
                raise UnsafeFileError(
                    f"{_name(path)}: XML tidak valid di bagian {member} ({exc}); file rusak",
                    f"{_name(path)}: invalid XML in part {member} ({exc}); the file is damaged",
                ) from exc
            if final:
                break
            if read - max(parser.CurrentByteIndex, 0) > max_token:
                raise _token_error(path, member, max_token)
            if depth() > limits.max_xml_depth or len(names) > limits.max_xml_names:
                raise UnsafeFileError(
                    f"{_name(path)}: struktur XML bagian {member} tidak wajar (bersarang lebih "
                    f"dari {limits.max_xml_depth} tingkat atau lebih dari {limits.max_xml_names} "
                    "nama berbeda); file ditolak",
                    f"{_name(path)}: part {member} has an abnormal XML structure (nested more "
                    f"than {limits.max_xml_depth} deep or more than {limits.max_xml_names} "
                    "distinct names); file refused",
                )
            if after_chunk is not None:
                after_chunk()
    return True


def _count_depth(parser: expat.XMLParserType) -> Callable[[], int]:
    counter = [0]
    start0: Any = parser.StartElementHandler
    end0: Any = parser.EndElementHandler

    def start(name: str, attrs: Any) -> None:
        counter[0] += 1
        if start0 is not None:
            start0(name, attrs)

    def end(name: str) -> None:
        counter[0] -= 1
        if end0 is not None:
            end0(name)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    return lambda: counter[0]


def _token_error(path: str, member: str, max_token: int) -> UnsafeFileError:
    return UnsafeFileError(
        f"{_name(path)}: bagian {member} berisi satu unsur XML (tag, atribut atau komentar) lebih "
        f"dari {max_token} byte; file ditolak",
        f"{_name(path)}: part {member} holds one XML token (tag, attribute or comment) of more "
        f"than {max_token} bytes; file refused",
    )


class _RootSeen(Exception):
    pass


def _root_seen(*_args: Any) -> None:
    raise _RootSeen()


def probe_doctype(zf: zipfile.ZipFile, member: str, path: str, deadline: Deadline) -> None:
    """Refuse `member` if its prolog holds a DOCTYPE; stop at the root element.

    A DOCTYPE can only stand before the root element, so reading up to it is a full check, and
    inspect() can vouch for every XML part before any other reader (openpyxl) parses it.
    Malformed XML is left for the reader of that part to report.
    """
    p = new_parser(namespaces=False)
    p.StartElementHandler = _root_seen
    fed = 0
    max_token = DEFAULT_LIMITS.max_token_bytes
    try:
        fh = zf.open(member)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError,
            NotImplementedError, ValueError, KeyError) as exc:
        raise _corrupt(path, f"{member}: {exc}") from exc
    with fh:
        while not deadline.expired():
            try:
                chunk = fh.read(1 << 16)
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError,
                    NotImplementedError, ValueError) as exc:
                raise _corrupt(path, f"{member}: {exc}") from exc
            try:
                p.Parse(chunk, not chunk)
            except _RootSeen:
                return
            except _DoctypeRefused as exc:
                raise _doctype_error(path, member) from exc
            except expat.ExpatError:
                return
            if not chunk:
                return
            fed += len(chunk)
            if fed - max(p.CurrentByteIndex, 0) > max_token:
                raise _token_error(path, member, max_token)
    raise PartTimeout(member)


def _doctype_error(path: str, member: str) -> UnsafeFileError:
    return UnsafeFileError(
        f"{_name(path)}: bagian {member} berisi deklarasi DOCTYPE/entitas XML; file ditolak (pola "
        "serangan ekspansi entitas)",
        f"{_name(path)}: part {member} contains an XML DOCTYPE/entity declaration; file refused "
        "(entity-expansion attack pattern)",
    )


def _local(name: str) -> str:
    return name.rsplit(" ", 1)[-1]


_META_MAX_BYTES = 32 * MiB  # content types, relationships, workbook.xml, external links


def _small_parse(zf: zipfile.ZipFile, member: str, path: str, deadline: Deadline,
                 keep: frozenset[str], want_text: frozenset[str] = frozenset()
                 ) -> list[tuple[str, dict[str, str], str]]:
    """The elements named in `keep` of a small part as (local name, attributes, text).

    Attributes are keyed by local name; text is collected only for the names in `want_text`.
    Package parts are small: one over _META_MAX_BYTES is refused rather than parsed.
    """
    out: list[tuple[str, dict[str, str], str]] = []
    collecting = [False]
    buf: list[str] = []
    p = new_parser()

    def start(name: str, attrs: dict[str, str]) -> None:
        local = _local(name)
        if local in keep:
            out.append((local, {_local(k): v for k, v in attrs.items()}, ""))
            if local in want_text:
                collecting[0] = True
                buf.clear()

    def end(name: str) -> None:
        if collecting[0] and _local(name) == out[-1][0]:
            collecting[0] = False
            out[-1] = (out[-1][0], out[-1][1], "".join(buf))
            buf.clear()

    def text(data: str) -> None:
        if collecting[0]:
            buf.append(data)

    p.StartElementHandler = start
    p.EndElementHandler = end
    p.CharacterDataHandler = text
    if not feed_part(zf, member, p, path, deadline, _META_MAX_BYTES):
        raise UnsafeFileError(
            f"{_name(path)}: bagian {member} lebih dari {_META_MAX_BYTES} byte; file ditolak",
            f"{_name(path)}: part {member} is over {_META_MAX_BYTES} bytes; file refused",
        )
    return out


# ---------------------------------------------------------------------------------------------
# What inspect() returns.


@dataclass
class SheetPart:
    name: str
    sheet_id: str
    rel_id: str
    state: str  # visible / hidden / veryHidden
    kind: str  # worksheet / chartsheet / macrosheet / dialogsheet / other
    part: str  # zip member name as stored


@dataclass
class DefinedName:
    name: str
    text: str  # formula text without "="
    local_sheet: int | None = None  # localSheetId (index into the workbook's sheets)
    hidden: bool = False


@dataclass
class ExternalLink:
    part: str
    kind: str  # "book" (another workbook), "dde", "ole"
    target: str | None = None  # the external file / URL, as written; never opened
    dde_service: str | None = None
    dde_topic: str | None = None


@dataclass
class ContainerInfo:
    path: str
    size: int
    member_count: int = 0
    total_uncompressed: int = 0
    workbook_part: str = ""
    sheets: list[SheetPart] = field(default_factory=list)
    shared_strings_part: str | None = None
    styles_part: str | None = None
    defined_names: list[DefinedName] = field(default_factory=list)
    calc_mode: str | None = None
    iterate: bool = False
    full_calc_on_load: bool = False
    date1904: bool = False
    has_macros: bool = False
    macro_parts: list[str] = field(default_factory=list)
    external_links: list[ExternalLink] = field(default_factory=list)
    connections: bool = False
    findings: list[Finding] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# Magic numbers.

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_SIGS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")


def _name(path: str | os.PathLike[str]) -> str:
    return os.path.basename(os.fspath(path)) or os.fspath(path)


def _corrupt(path: str, detail: str = "", detail_en: str | None = None) -> UnsafeFileError:
    d = f" ({detail})" if detail else ""
    d_en = f" ({detail_en})" if detail_en else d
    return UnsafeFileError(
        f"{_name(path)}: file zip rusak atau terpotong{d}; simpan ulang dari Excel sebagai .xlsx",
        f"{_name(path)}: the zip file is damaged or truncated{d_en}; save it again from Excel as "
        ".xlsx",
    )


def _refuse(path: str, what_id: str, what_en: str, advice_id: str = "", advice_en: str = ""
            ) -> UnsafeFileError:
    advice_id = advice_id or "buka di Excel lalu simpan sebagai Buku Kerja Excel (.xlsx)"
    advice_en = advice_en or "open it in Excel and save as Excel Workbook (.xlsx)"
    return UnsafeFileError(f"{_name(path)}: {what_id}; {advice_id}",
                           f"{_name(path)}: {what_en}; {advice_en}")


def _ole2_streams(fh: IO[bytes], size: int, names: tuple[str, ...]) -> set[str]:
    """Which of `names` appear as directory entries of an OLE2 compound file.

    Heuristic without an OLE2 parser: a directory entry is 128 bytes, always at an offset that is
    a multiple of 128 (sectors are 512 or 4096 bytes, the header takes the first sector); it
    starts with the name in UTF-16LE, and at +64 holds the name's length in bytes including the
    terminating NUL, at +66 the object type (1 storage, 2 stream). A name matching all three at an
    aligned offset is taken as present. The file is scanned in aligned 4 MiB chunks.
    """
    needles = {n: n.encode("utf-16le") + b"\x00\x00" for n in names}
    found: set[str] = set()
    fh.seek(0)
    pos = 0
    chunk_size = 4 * MiB  # a multiple of 128: entries never straddle chunks
    while pos < size and len(found) < len(names):
        data = fh.read(chunk_size)
        if not data:
            break
        for name, needle in needles.items():
            if name in found:
                continue
            i = data.find(needle)
            while i != -1:
                if (pos + i) % 128 == 0 and i + 68 <= len(data):
                    (length,) = struct.unpack_from("<H", data, i + 64)
                    if length == len(needle) and data[i + 66] in (1, 2):
                        found.add(name)
                        break
                i = data.find(needle, i + 2)
        pos += len(data)
    return found


def _sniff_text(head: bytes) -> str | None:
    """Decode the head of a non-zip file if it is text; None if it looks binary."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return head.decode("utf-16", errors="replace")
    if head.startswith(codecs.BOM_UTF8):
        head = head[3:]
    if b"\x00" in head:
        return None
    try:
        return codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        text = head.decode("latin-1")
        bad = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\r\n\f")
        return text if bad <= len(text) // 100 else None


def _refuse_not_zip(path: str, fh: IO[bytes], size: int, head: bytes) -> UnsafeFileError:
    if head.startswith(_OLE2):
        streams = _ole2_streams(fh, size, ("EncryptionInfo", "EncryptedPackage", "Workbook",
                                           "Book"))
        if streams & {"EncryptionInfo", "EncryptedPackage"}:
            return _refuse(path, "file dilindungi kata sandi (terenkripsi)",
                           "the file is password-protected (encrypted)",
                           "buka di Excel, hapus kata sandinya (File > Info > Lindungi Buku "
                           "Kerja), lalu simpan ulang sebagai .xlsx",
                           "open it in Excel, remove the password (File > Info > Protect "
                           "Workbook), then save again as .xlsx")
        if streams & {"Workbook", "Book"}:
            return _refuse(path, "ini file Excel lama (.xls, Excel 97-2003), bukan .xlsx",
                           "this is a legacy Excel file (.xls, Excel 97-2003), not .xlsx")
        return _refuse(path, "ini dokumen OLE2 (Office lama) yang bukan buku kerja Excel",
                       "this is an OLE2 (legacy Office) document that is not an Excel workbook")
    if head.startswith(b"%PDF"):
        return _refuse(path, "ini file PDF, bukan buku kerja .xlsx",
                       "this is a PDF file, not an .xlsx workbook",
                       "gunakan file .xlsx aslinya", "use the original .xlsx file")
    text = _sniff_text(head)
    if text is None:
        return _refuse(path, "format file tidak dikenali (bukan .xlsx)",
                       "unrecognised file format (not .xlsx)")
    low = text.lstrip("\ufeff \t\r\n").lower()
    if (low.startswith(("<!doctype html", "<html", "<head", "<body", "<table", "<meta"))
            or "<html" in low[:4096]):
        return _refuse(path, "ini halaman HTML (mungkin ekspor aplikasi web yang diberi nama "
                       ".xls/.xlsx), bukan buku kerja .xlsx",
                       "this is an HTML page (perhaps a web application export named "
                       ".xls/.xlsx), not an .xlsx workbook")
    if low.startswith("<?xml") or low.startswith("<"):
        if "urn:schemas-microsoft-com:office:spreadsheet" in low:
            return _refuse(path, "ini XML Spreadsheet 2003, bukan .xlsx",
                           "this is an XML Spreadsheet 2003 file, not .xlsx")
        return _refuse(path, "ini file XML, bukan buku kerja .xlsx",
                       "this is an XML file, not an .xlsx workbook")
    return _refuse(path, "ini file teks/CSV, bukan buku kerja .xlsx",
                   "this is a text/CSV file, not an .xlsx workbook",
                   "impor ke Excel lalu simpan sebagai Buku Kerja Excel (.xlsx)",
                   "import it into Excel and save as Excel Workbook (.xlsx)")


# ---------------------------------------------------------------------------------------------
# The zip's own directory, read before zipfile parses it (so a directory of a million entries is
# refused before it costs memory).


def _check_central_directory(path: str, fh: IO[bytes], size: int, limits: Limits) -> None:
    tail_len = min(size, 65_536 + 22)
    fh.seek(size - tail_len)
    tail = fh.read(tail_len)
    i = tail.rfind(b"PK\x05\x06")
    if i < 0 or i + 22 > len(tail):
        raise _corrupt(path, "akhir direktori zip tidak ada", "end of central directory missing")
    entries, cd_size = struct.unpack_from("<HI", tail, i + 10)
    if (entries == 0xFFFF or cd_size == 0xFFFFFFFF) and i >= 20 \
            and tail[i - 20:i - 16] == b"PK\x06\x07":
        (z64_off,) = struct.unpack_from("<Q", tail, i - 20 + 8)
        if z64_off + 56 <= size:
            fh.seek(z64_off)
            rec = fh.read(56)
            if rec[:4] == b"PK\x06\x06":
                entries, cd_size = struct.unpack_from("<QQ", rec, 32)
    if entries > limits.max_members:
        raise _too_many(path, entries, limits)
    max_cd = limits.max_members * 1024
    if cd_size > max_cd or cd_size > size:
        raise UnsafeFileError(
            f"{_name(path)}: direktori zip berukuran {cd_size} byte melebihi batas; file ditolak",
            f"{_name(path)}: the zip directory of {cd_size} bytes exceeds the limit; file refused",
        )
    eocd = size - tail_len + i
    start = eocd - cd_size
    if start < 0:
        raise _corrupt(path, "direktori zip tidak valid", "invalid central directory")
    fh.seek(start)
    real = fh.read(cd_size).count(b"PK\x01\x02")
    if real > limits.max_members:
        raise _too_many(path, real, limits)


def _too_many(path: str, n: int, limits: Limits) -> UnsafeFileError:
    return UnsafeFileError(
        f"{_name(path)}: zip berisi {n} anggota, melebihi batas {limits.max_members}; file ditolak",
        f"{_name(path)}: the zip holds {n} members, over the limit of {limits.max_members}; "
        "file refused",
    )


def _check_members(path: str, zf: zipfile.ZipFile, limits: Limits) -> dict[str, str]:
    """Names, sizes, ratios, methods; returns lower-case part name -> stored name."""
    infos = zf.infolist()
    if len(infos) > limits.max_members:
        raise _too_many(path, len(infos), limits)
    by_lower: dict[str, str] = {}
    total = 0
    for info in infos:
        name = info.filename
        bad = (name.startswith(("/", "\\")) or "\\" in name or "\x00" in name
               or (len(name) > 1 and name[1] == ":")
               or any(seg == ".." for seg in name.split("/")))
        if bad:
            raise UnsafeFileError(
                f"{_name(path)}: nama anggota zip tidak aman {name!r} (path absolut atau '..'); "
                "file ditolak",
                f"{_name(path)}: unsafe zip member name {name!r} (absolute path or '..'); "
                "file refused",
            )
        key = name.lower()
        if key in by_lower:
            raise UnsafeFileError(
                f"{_name(path)}: nama anggota zip ganda {name!r}; file ditolak",
                f"{_name(path)}: duplicate zip member name {name!r}; file refused",
            )
        by_lower[key] = name
        if info.flag_bits & 0x1:
            raise _refuse(path, f"anggota zip {name} terenkripsi (file dilindungi kata sandi)",
                          f"zip member {name} is encrypted (password-protected file)")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _refuse(path, f"metode kompresi {info.compress_type} pada {name} tidak "
                          "dipakai Excel", f"compression method {info.compress_type} on "
                          f"{name} is not one Excel writes")
        if info.file_size > limits.max_member_bytes:
            raise UnsafeFileError(
                f"{_name(path)}: anggota {name} mengembang menjadi {info.file_size} byte, "
                f"melebihi batas {limits.max_member_bytes} byte (bom zip?); file ditolak",
                f"{_name(path)}: member {name} inflates to {info.file_size} bytes, over the "
                f"limit of {limits.max_member_bytes} bytes (zip bomb?); file refused",
            )
        total += info.file_size
        if info.file_size > limits.ratio_min_bytes:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > limits.max_ratio:
                raise UnsafeFileError(
                    f"{_name(path)}: rasio kompresi anggota {name} {ratio:.0f}:1 melebihi batas "
                    f"{limits.max_ratio:.0f}:1 (bom zip?); file ditolak",
                    f"{_name(path)}: member {name} has a compression ratio of {ratio:.0f}:1, "
                    f"over the limit of {limits.max_ratio:.0f}:1 (zip bomb?); file refused",
                )
    if total > limits.max_total_bytes:
        raise UnsafeFileError(
            f"{_name(path)}: isi zip mengembang menjadi {total} byte, melebihi batas "
            f"{limits.max_total_bytes} byte (bom zip?); file ditolak",
            f"{_name(path)}: the zip inflates to {total} bytes, over the limit of "
            f"{limits.max_total_bytes} bytes (zip bomb?); file refused",
        )
    return by_lower


def _classify_foreign_zip(path: str, zf: zipfile.ZipFile, by_lower: dict[str, str]
                          ) -> UnsafeFileError | None:
    if "mimetype" in by_lower:
        try:
            with zf.open(by_lower["mimetype"]) as fh:
                mime = fh.read(200).decode("ascii", "replace").strip()
        except Exception:  # noqa: BLE001 - any damage: classify by name only
            mime = ""
        if "spreadsheet" in mime or not mime:
            return _refuse(path, "ini file OpenDocument Spreadsheet (.ods), bukan .xlsx",
                           "this is an OpenDocument Spreadsheet (.ods), not .xlsx",
                           "buka di LibreOffice/Excel lalu simpan sebagai .xlsx",
                           "open it in LibreOffice/Excel and save as .xlsx")
        return _refuse(path, f"ini dokumen OpenDocument ({mime}), bukan buku kerja .xlsx",
                       f"this is an OpenDocument file ({mime}), not an .xlsx workbook")
    if "xl/workbook.bin" in by_lower:
        return _refuse(path, "ini buku kerja biner Excel (.xlsb), bukan .xlsx",
                       "this is an Excel Binary Workbook (.xlsb), not .xlsx")
    if "word/document.xml" in by_lower:
        return _refuse(path, "ini dokumen Word (.docx), bukan buku kerja .xlsx",
                       "this is a Word document (.docx), not an .xlsx workbook",
                       "gunakan file .xlsx", "use the .xlsx file")
    if any(k.startswith("ppt/") for k in by_lower):
        return _refuse(path, "ini presentasi PowerPoint (.pptx), bukan buku kerja .xlsx",
                       "this is a PowerPoint presentation (.pptx), not an .xlsx workbook",
                       "gunakan file .xlsx", "use the .xlsx file")
    return None


# ---------------------------------------------------------------------------------------------
# Package parts: content types, relationships, workbook.xml.


def _rels_name(part: str) -> str:
    d, base = posixpath.split(part)
    return posixpath.join(d, "_rels", base + ".rels")


def _resolve(source_part: str, target: str) -> str | None:
    """A relationship target as a part name (no leading "/"); None if it leaves the package."""
    target = target.replace("\\", "/")
    if target.startswith("/"):
        joined = target
    else:
        joined = posixpath.join("/" + posixpath.dirname(source_part), target)
    norm = posixpath.normpath(joined)
    if not norm.startswith("/") or norm.startswith("//"):
        return None
    return norm[1:]


@dataclass
class _Rel:
    rid: str
    type: str  # the last path segment of the relationship type, e.g. "worksheet"
    target: str
    external: bool


def _read_rels(zf: zipfile.ZipFile, by_lower: dict[str, str], part: str, path: str,
               deadline: Deadline) -> dict[str, _Rel]:
    member = by_lower.get(_rels_name(part).lower())
    if member is None:
        return {}
    rels: dict[str, _Rel] = {}
    for local, a, _ in _small_parse(zf, member, path, deadline, frozenset({"Relationship"})):
        if local == "Relationship" and "Id" in a:
            rels[a["Id"]] = _Rel(a["Id"], a.get("Type", "").rsplit("/", 1)[-1],
                                 a.get("Target", ""), a.get("TargetMode") == "External")
    return rels


def _xbool(value: str | None) -> bool:
    return value is not None and value.strip().lower() in ("1", "true", "on")


_MACRO_CT = ("macroenabled", "vbaproject", "ms-office.activex", "macrosheet")


def open_guarded(path: str | os.PathLike[str], limits: Limits = DEFAULT_LIMITS,
                 deadline: Deadline | None = None
                 ) -> contextlib.AbstractContextManager[tuple[zipfile.ZipFile, ContainerInfo]]:
    """Inspect the file and keep it open: `with open_guarded(p) as (zf, info): ...`."""
    return _open_guarded(os.fspath(path), limits, deadline or Deadline(limits.timeout_s))


@contextlib.contextmanager
def _open_guarded(path: str, limits: Limits, deadline: Deadline
                  ) -> Iterator[tuple[zipfile.ZipFile, ContainerInfo]]:
    p = Path(path)
    try:
        st = p.stat()
    except OSError as exc:
        raise file_error(path, exc) from exc
    if not p.is_file():
        raise InputError(f"{_name(path)}: bukan file biasa", f"{_name(path)}: not a regular file")
    size = st.st_size
    if size == 0:
        raise UnsafeFileError(f"{_name(path)}: file kosong (0 byte), bukan buku kerja .xlsx",
                              f"{_name(path)}: the file is empty (0 bytes), not an .xlsx workbook")
    if size > limits.max_file_bytes:
        raise UnsafeFileError(
            f"{_name(path)}: ukuran file {size} byte melebihi batas {limits.max_file_bytes} byte",
            f"{_name(path)}: the file size of {size} bytes exceeds the limit of "
            f"{limits.max_file_bytes} bytes",
        )
    try:
        fh = open(p, "rb")  # noqa: SIM115 - closed by the ExitStack below
    except OSError as exc:
        raise InputError(f"{_name(path)}: file tidak dapat dibuka ({exc})",
                         f"{_name(path)}: cannot open the file ({exc})") from exc
    with contextlib.ExitStack() as stack:
        stack.enter_context(fh)
        head = fh.read(8192)
        if not head.startswith(_ZIP_SIGS):
            raise _refuse_not_zip(path, fh, size, head)
        _check_central_directory(path, fh, size, limits)
        fh.seek(0)
        try:
            zf = zipfile.ZipFile(fh)
        except Exception as exc:  # noqa: BLE001 - zipfile raises many types on damage
            raise _corrupt(path, str(exc)[:120]) from exc
        stack.enter_context(zf)
        by_lower = _check_members(path, zf, limits)
        try:
            info = _inspect_package(path, zf, by_lower, size, limits, deadline)
        except PartTimeout as exc:
            raise UnsafeFileError(
                f"{_name(path)}: pemeriksaan paket melewati batas waktu {limits.timeout_s} s "
                f"(bagian {exc}); file ditolak",
                f"{_name(path)}: checking the package exceeded the {limits.timeout_s} s time "
                f"limit (part {exc}); file refused",
            ) from exc
        yield zf, info


def inspect(path: str | os.PathLike[str], limits: Limits = DEFAULT_LIMITS) -> ContainerInfo:
    """Check a file before any workbook reader touches it; raise UnsafeFileError if refused.

    Also raises InputError for a missing or unreadable path. Never anything else: an unexpected
    error on a damaged file becomes UnsafeFileError too.
    """
    try:
        with open_guarded(path, limits) as (_zf, info):
            return info
    except (InputError, UnsafeFileError):
        raise
    except Exception as exc:  # noqa: BLE001 - never a traceback to the user; the cause is chained
        raise UnsafeFileError(
            f"{_name(path)}: file tidak dapat dibaca ({type(exc).__name__}: {str(exc)[:200]})",
            f"{_name(path)}: the file cannot be read ({type(exc).__name__}: {str(exc)[:200]})",
        ) from exc


def _inspect_package(path: str, zf: zipfile.ZipFile, by_lower: dict[str, str], size: int,
                     limits: Limits, deadline: Deadline) -> ContainerInfo:
    foreign = _classify_foreign_zip(path, zf, by_lower)
    if foreign is not None:
        raise foreign
    sink = FindingSink(limits)
    info = ContainerInfo(path=path, size=size, member_count=len(by_lower),
                         total_uncompressed=sum(i.file_size for i in zf.infolist()))

    # Every XML part's prolog, before any parser reads the part for its content.
    for key, member in by_lower.items():
        if key.endswith((".xml", ".rels", ".vml")):
            probe_doctype(zf, member, path, deadline)

    if "[content_types].xml" not in by_lower:
        raise _refuse(path, "paket tidak lengkap: [Content_Types].xml tidak ada (bukan .xlsx)",
                      "incomplete package: [Content_Types].xml is missing (not an .xlsx)")
    content_types: list[str] = []
    for local, a, _ in _small_parse(zf, by_lower["[content_types].xml"], path, deadline,
                                    frozenset({"Default", "Override"})):
        if local in ("Default", "Override"):
            content_types.append(a.get("ContentType", "").lower())

    root_rels = _read_rels(zf, by_lower, "", path, deadline)
    wb_part: str | None = None
    for rel in root_rels.values():
        if rel.type == "officeDocument" and not rel.external:
            wb_part = _resolve("", rel.target)
            break
    if wb_part is None and "xl/workbook.xml" in by_lower:
        wb_part = "xl/workbook.xml"
    if wb_part is None or wb_part.lower() not in by_lower:
        raise _refuse(path, "paket tidak berisi buku kerja (workbook.xml tidak ada)",
                      "the package holds no workbook (workbook.xml is missing)")
    info.workbook_part = by_lower[wb_part.lower()]

    # Macros, ActiveX: recorded, never run, the workbook is read as data (docs/security.md).
    macro_parts = sorted(n for k, n in by_lower.items()
                         if k.endswith("vbaproject.bin") or k.startswith(("xl/macrosheets/",
                                                                          "xl/activex/")))
    if macro_parts or any(m in ct for ct in content_types for m in _MACRO_CT):
        info.has_macros = True
        info.macro_parts = macro_parts
        sink.add("makro-diabaikan", "", ", ".join(macro_parts) or "content type",
                 parts=", ".join(macro_parts) or "[Content_Types].xml")

    wb_rels = _read_rels(zf, by_lower, info.workbook_part, path, deadline)

    def part_of(rel: _Rel, what_id: str, what_en: str) -> str:
        target = None if rel.external else _resolve(info.workbook_part, rel.target)
        if target is None or target.lower() not in by_lower:
            raise UnsafeFileError(
                f"{_name(path)}: file rusak: {what_id} menunjuk bagian {rel.target!r} yang tidak "
                "ada di dalam paket",
                f"{_name(path)}: damaged file: {what_en} names part {rel.target!r} that is not "
                "in the package",
            )
        return by_lower[target.lower()]

    for rel in wb_rels.values():
        if rel.type == "sharedStrings":
            info.shared_strings_part = part_of(rel, "sharedStrings", "sharedStrings")
        elif rel.type == "styles":
            info.styles_part = part_of(rel, "styles", "styles")
        elif rel.type == "connections":
            info.connections = True
    if info.connections or "xl/connections.xml" in by_lower:
        info.connections = True
        sink.add("koneksi-data-eksternal", "", "xl/connections.xml")

    elements = _small_parse(zf, info.workbook_part, path, deadline,
                            frozenset({"sheet", "definedName", "calcPr", "workbookPr"}),
                            want_text=frozenset({"definedName"}))
    for local, a, text in elements:
        if local == "sheet":
            rid = a.get("id", "")
            name = a.get("name", "")
            rel_ = wb_rels.get(rid)
            if rel_ is None:
                raise UnsafeFileError(
                    f"{_name(path)}: file rusak: lembar {name!r} tidak punya relasi {rid!r} ke "
                    "bagiannya (lembar hilang)",
                    f"{_name(path)}: damaged file: sheet {name!r} has no relationship {rid!r} "
                    "to its part (sheet missing)",
                )
            part = part_of(rel_, f"lembar {name!r}", f"sheet {name!r}")
            kind = rel_.type if rel_.type in ("worksheet", "chartsheet", "macrosheet",
                                              "dialogsheet") else "other"
            if kind == "macrosheet" and not info.has_macros:
                info.has_macros = True
                info.macro_parts.append(part)
                sink.add("makro-diabaikan", name, part, parts=part)
            info.sheets.append(SheetPart(name, a.get("sheetId", ""), rid,
                                         a.get("state", "visible"), kind, part))
        elif local == "definedName":
            lsi = a.get("localSheetId")
            info.defined_names.append(DefinedName(
                a.get("name", ""), text, int(lsi) if lsi and lsi.isdigit() else None,
                _xbool(a.get("hidden"))))
        elif local == "calcPr":
            info.calc_mode = a.get("calcMode")
            info.iterate = _xbool(a.get("iterate"))
            info.full_calc_on_load = _xbool(a.get("fullCalcOnLoad"))
        elif local == "workbookPr":
            info.date1904 = _xbool(a.get("date1904"))
    if not info.sheets:
        raise _refuse(path, "buku kerja tidak berisi lembar apa pun",
                      "the workbook holds no sheet")

    # External links: the targets are reported, never opened.
    link_parts = [r for r in wb_rels.values() if r.type == "externalLink"]
    seen: set[str] = set()
    for rel in link_parts:
        target = None if rel.external else _resolve(info.workbook_part, rel.target)
        if target is not None and target.lower() in by_lower:
            seen.add(target.lower())
    seen.update(k for k in by_lower if k.startswith("xl/externallinks/") and k.endswith(".xml"))
    for key in sorted(seen):
        member = by_lower[key]
        link = _read_external_link(zf, by_lower, member, path, deadline)
        info.external_links.append(link)
        if link.kind == "dde":  # links to workbooks are the formula audit's (tautan-eksternal)
            sink.add("tautan-dde", "", f"{link.dde_service}|{link.dde_topic}", where=member,
                     service=link.dde_service, topic=link.dde_topic)
    for dn in info.defined_names:
        for hazard in formula_hazards(dn.text):
            sink.add("nama-fungsi-eksternal", "", "=" + dn.text[:200], name=dn.name,
                     function=hazard)
    info.findings = sink.close()
    return info


def _read_external_link(zf: zipfile.ZipFile, by_lower: dict[str, str], member: str, path: str,
                        deadline: Deadline) -> ExternalLink:
    rels = _read_rels(zf, by_lower, member, path, deadline)
    link = ExternalLink(part=member, kind="book")
    for local, a, _ in _small_parse(zf, member, path, deadline,
                                    frozenset({"ddeLink", "externalBook", "oleLink"})):
        if local == "ddeLink":
            link.kind = "dde"
            link.dde_service = a.get("ddeService")
            link.dde_topic = a.get("ddeTopic")
        elif local in ("externalBook", "oleLink"):
            if local == "oleLink":
                link.kind = "ole"
            rel = rels.get(a.get("id", ""))
            link.target = rel.target if rel is not None else None
    return link


# ---------------------------------------------------------------------------------------------
# Formula text that reaches outside the workbook when a spreadsheet recalculates it.

_NET_FUNCTIONS = ("WEBSERVICE", "FILTERXML", "RTD", "CALL", "REGISTER.ID", "EXEC")
# A cheap first sieve for the hot loop: a formula matching it gets the exact check below.
HAZARD_HINT = re.compile(r"(?i)(?:WEBSERVICE|FILTERXML|RTD|CALL|REGISTER\.ID|EXEC)\s*\(|\|")


def _strip_strings(formula: str) -> str:
    if '"' not in formula:
        return formula
    parts = formula.split('"')
    return "".join(parts[0::2])


def formula_hazards(formula: str) -> list[str]:
    """Functions that fetch or run something, and DDE syntax (`app|topic!item`), in `formula`."""
    upper = _strip_strings(formula).upper()
    out: list[str] = []
    if "(" in upper:
        for fn in _NET_FUNCTIONS:
            i = upper.find(fn + "(")
            while i != -1:
                before = upper[i - 1] if i else " "
                if not (before.isalnum() or before == "_"):
                    out.append(fn)
                    break
                i = upper.find(fn + "(", i + 1)
    if "|" in upper:
        out.append("DDE")
    return out
