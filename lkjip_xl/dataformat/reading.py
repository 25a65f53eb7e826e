"""Reading a data file within limits: the file (size, UTF-8, a workbook given by mistake), the
syntax (YAML or JSON, a key written twice), then validation and the model. Also the warning
about numbers that read two ways (66.500)."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import IO, Any

from lkjip_xl.core.errors import DataFormatError, InputError, UsageError, file_error
from lkjip_xl.core.model import Dokumen
from lkjip_xl.dataformat.convert import from_dict
from lkjip_xl.dataformat.lean_yaml import parse_yaml
from lkjip_xl.dataformat.limits import MAX_BYTES, too_large
from lkjip_xl.dataformat.messages import literal
from lkjip_xl.xlsx.gc_pause import paused_gc

Source = str | os.PathLike[str] | IO[str] | IO[bytes]


def load(source: Source, fmt: str | None = None,
         notes: list[tuple[str, str]] | None = None) -> Dokumen:
    """Read a YAML or JSON document from a path or an open file.

    `fmt` is "yaml", "json" or None: by the file extension (.json, .yaml, .yml), else by content.
    Raises InputError (unreadable), UnsafeFileError (over MAX_BYTES), DataFormatError (invalid:
    every problem found, in document order, up to MAX_PROBLEMS). `notes` receives warnings
    (message_id, message_en) about values that read two ways, such as 66.500.
    """
    name = ""
    if hasattr(source, "read"):
        data: str | bytes = source.read(MAX_BYTES + 1)
        name = str(getattr(source, "name", ""))
        if len(data) > MAX_BYTES:
            raise too_large(len(data))
    else:
        path = Path(source)  # type: ignore[arg-type]
        name = path.name
        try:
            size = path.stat().st_size
            if size > MAX_BYTES:
                raise too_large(size)
            data = path.read_bytes()
        except OSError as exc:
            if isinstance(exc, (FileNotFoundError, IsADirectoryError)):
                raise file_error(path, exc) from None
            reason = exc.strerror or type(exc).__name__
            raise InputError(
                f"berkas tidak dapat dibaca: {path} ({reason})",
                f"file cannot be read: {path} ({reason})",
            ) from None
    if fmt is None:
        suffix = Path(name).suffix.lower()
        fmt = "json" if suffix == ".json" else "yaml" if suffix in (".yaml", ".yml") else "auto"
    head = data[:4].encode("latin-1", "replace") if isinstance(data, str) else data[:4]
    if head == b"PK\x03\x04":  # a zip: an .xlsx workbook handed over as a data file
        raise DataFormatError(
            f"{name or '(berkas)'} adalah buku kerja Excel, bukan berkas data YAML/JSON; untuk "
            f"memakai isi workbook sebagai awal tahun berikutnya pakai --from {name or 'FILE'}",
            f"{name or '(file)'} is an Excel workbook, not a YAML/JSON data file; to start a new "
            f"year from a workbook use --from {name or 'FILE'}")
    try:
        dok = loads(data, fmt)
    except DataFormatError as exc:
        if name and not exc.message_id.startswith(name):
            raise DataFormatError(f"{name}: {exc.message_id}", f"{name}: {exc.message_en}",
                                  exc.problems) from None
        raise
    if notes is not None:
        notes.extend(ambiguous_decimals(data))
    return dok


# "66.500": YAML and JSON read 66.5, an Indonesian reader may mean sixty-six thousand five hundred.
# Only three decimals ending in 0: nobody writing a decimal pads it so ("4.625" is left alone),
# while thousands grouped by a dot always look like that when they are round.
# The number must be the whole value (after "key:", a list's "-", in a flow list or object):
# "per 100.000 penduduk" inside a name or a text block is text, kept as typed.
_AMBIGUOUS = re.compile(r"(?:^\s*(?:-\s+)?|:\s*|[\[{,]\s*)(-?\d{1,3}\.\d\d0)\s*(?=$|[,\]}])")


def ambiguous_decimals(text: str | bytes) -> list[tuple[str, str]]:
    """(message_id, message_en) for each unquoted number like 66.500 (three decimals, the last
    0): read as 66.5, but in Indonesian writing the dot groups thousands."""
    if isinstance(text, bytes):
        text = text.decode("utf-8-sig", "replace")
    out: list[tuple[str, str]] = []
    for n, line in enumerate(text.splitlines(), start=1):
        code = line.split("#", 1)[0]
        for m in _AMBIGUOUS.finditer(code):
            t = m.group(1)
            read, grouped = float(t), t.replace(".", "")
            out.append((f"baris {n}: {t} dibaca sebagai {literal(read)}; bila maksudnya {grouped} "
                        f"(titik sebagai pemisah ribuan), tulis {grouped}",
                        f"line {n}: {t} is read as {literal(read)}; if {grouped} is meant (the dot "
                        f"grouping thousands), write {grouped}"))
    return out


def loads(text: str | bytes, fmt: str = "auto") -> Dokumen:
    """Parse a document held in memory; `fmt` is "yaml", "json" or "auto" (JSON if it starts
    with `{`)."""
    with paused_gc():
        return from_dict(parse(text, fmt))


def parse(text: str | bytes, fmt: str = "auto") -> Any:
    """Parse YAML / JSON text into plain Python data without checking it against the format.

    YAML is read with a safe loader that also rejects duplicate keys (PyYAML silently keeps the
    last one, which hides typing mistakes)."""
    if len(text) > MAX_BYTES:
        raise too_large(len(text))
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise DataFormatError(
                f"berkas bukan teks UTF-8 (posisi bita {exc.start})",
                f"file is not UTF-8 text (byte offset {exc.start})",
            ) from None
    text = text.removeprefix("\ufeff")
    if fmt == "auto":
        fmt = "json" if text.lstrip().startswith("{") else "yaml"
    if fmt not in ("yaml", "json"):
        raise UsageError(
            f"format data tidak dikenal: {fmt} (yaml, json)",
            f"unknown data format: {fmt} (yaml, json)",
        )
    try:
        # a document is hundreds of thousands of small containers that all stay alive: without
        # the pause the collector rescans them again and again (YAML, 5,000 rows: 3.5 s -> 1.0 s)
        with paused_gc():
            return _parse_json(text) if fmt == "json" else parse_yaml(text)
    except RecursionError:
        raise DataFormatError("struktur dokumen terlalu dalam", "document nested too deeply") from None
    except (ValueError, OverflowError) as exc:  # e.g. PyYAML's own int() on `tahun: 0b_`
        kind = "JSON" if fmt == "json" else "YAML"
        problem = " ".join(str(exc).split())[:200]
        raise DataFormatError(f"{kind} tidak sah ({problem})", f"invalid {kind} ({problem})") from None


def _parse_json(text: str) -> Any:
    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in items:
            if key in out:
                raise DataFormatError(
                    f'JSON tidak sah (kunci "{key}" ganda dalam satu objek)',
                    f'invalid JSON (duplicate key "{key}" in one object)',
                )
            out[key] = value
        return out

    try:
        return json.loads(text, object_pairs_hook=pairs)
    except json.JSONDecodeError as exc:
        raise DataFormatError(
            f"baris {exc.lineno}, kolom {exc.colno}: JSON tidak sah ({exc.msg})",
            f"line {exc.lineno}, column {exc.colno}: invalid JSON ({exc.msg})",
        ) from None

