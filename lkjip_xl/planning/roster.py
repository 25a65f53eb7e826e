"""The list of agencies a batch of workbooks is made for.

Either one master file (CSV with a header row, or YAML) with one entry per agency, or a folder of
data files (.yaml/.json: one agency's document each) and/or last year's workbooks (.xlsx: carried
over to the new year). Master-file columns / keys (only `nama` is required, unless `data` or
`dari` gives the agency):

    nama, pemda, kepala, nip, jabatan, pangkat  the agency and its head
    keluaran                                     output file name (default: slug-of-nama-TAHUN.xlsx)
    data                                         a data document to prefill from (relative to the list)
    dari                                         last year's workbook to carry over (relative to the list)
    tahun                                        reporting year of this entry (default: --tahun)

A YAML master file is a list of entries, or a mapping with `instansi:` (the list) and defaults
for every entry (`tahun`, `pemda`).
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from lkjip_xl.core.errors import DataFormatError, InputError, file_error
from lkjip_xl.xlsx.cells import plain_text

FIELDS = ("nama", "pemda", "kepala", "nip", "jabatan", "pangkat", "keluaran", "data", "dari",
          "tahun")
ALIASES = {"name": "nama", "agency": "nama", "instansi": "nama", "opd": "nama",
           "local_government": "pemda", "head": "kepala", "kepala_nama": "kepala",
           "kepala_nip": "nip", "output": "keluaran", "file": "keluaran", "from": "dari",
           "year": "tahun"}
DATA_SUFFIXES = (".yaml", ".yml", ".json")
MAX_ENTRIES = 5000
MAX_LIST_BYTES = 5 * 1024 * 1024


@dataclass
class Entry:
    """One agency of the batch; `where` names the list line or the file it came from."""

    where: str
    nama: str | None = None
    pemda: str | None = None
    kepala: str | None = None
    nip: str | None = None
    jabatan: str | None = None
    pangkat: str | None = None
    keluaran: str | None = None
    data: str | None = None
    dari: str | None = None
    tahun: int | None = None


def slug(text: str, max_len: int = 80) -> str:
    """ASCII, lower case, words joined by '-': 'Dinas Koperasi & UMKM' -> 'dinas-koperasi-umkm'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    s = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return s[:max_len].rstrip("-") or "instansi"


def output_name(nama: str, tahun: int, keluaran: str | None = None) -> str:
    """The workbook's file name: `keluaran` when given, else slug(nama)-tahun.xlsx."""
    if keluaran:
        name = keluaran.strip()
        if not name or "/" in name or "\\" in name or name in (".", "..") or name.startswith("."):
            raise DataFormatError(f"keluaran: harus nama file saja, ditemukan {name!r}",
                                  f"keluaran: must be a bare file name, found {name!r}")
        return name if name.lower().endswith(".xlsx") else name + ".xlsx"
    return f"{slug(nama)}-{tahun}.xlsx"


def _entry(raw: dict[str, Any], where: str, base: Path, defaults: dict[str, Any]) -> Entry:
    e = Entry(where)
    merged = {**defaults}
    for k, v in raw.items():
        key = ALIASES.get(str(k).strip().lower(), str(k).strip().lower())
        if key not in FIELDS:
            raise DataFormatError(f"{where}: kolom/kunci tidak dikenal '{k}'; yang boleh: "
                                  + ", ".join(FIELDS),
                                  f"{where}: unknown column/key '{k}'; allowed: " + ", ".join(FIELDS))
        if plain_text(v) is not None:
            merged[key] = v
    for key in FIELDS:
        v = plain_text(merged.get(key))
        if key == "tahun" and v is not None:
            try:
                year = int(float(v))
            except ValueError:
                raise DataFormatError(f"{where}: tahun harus angka, ditemukan {v!r}",
                                      f"{where}: tahun must be a number, found {v!r}") from None
            if not 2000 <= year <= 2100:
                raise DataFormatError(f"{where}: tahun di luar 2000-2100: {year}",
                                      f"{where}: tahun outside 2000-2100: {year}")
            e.tahun = year
        elif key in ("data", "dari") and v is not None:
            setattr(e, key, str((base / v) if not Path(v).is_absolute() else Path(v)))
        else:
            setattr(e, key, v)
    if not e.nama and not e.data and not e.dari:
        raise DataFormatError(f"{where}: nama instansi kosong", f"{where}: the agency name is empty")
    return e


def _read_text(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_LIST_BYTES:
            raise InputError(f"daftar instansi terlalu besar: {path}", f"agency list too large: {path}")
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise file_error(path, exc) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"berkas tidak dapat dibaca: {path} ({exc})",
                         f"file cannot be read: {path} ({exc})") from None


def _from_csv(path: Path) -> list[Entry]:
    text = _read_text(path)
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    out = []
    for n, row in enumerate(reader, start=2):
        if None in row:
            raise DataFormatError(f"{path.name} baris {n}: lebih banyak sel daripada judul kolom",
                                  f"{path.name} line {n}: more cells than column headers")
        if all(plain_text(v) is None for v in row.values()):
            continue
        out.append(_entry(dict(row), f"{path.name} baris {n}", path.parent, {}))
    return out


def _from_yaml(path: Path) -> list[Entry]:
    try:
        data = yaml.safe_load(_read_text(path))
    except yaml.YAMLError:
        raise DataFormatError(f"{path.name}: YAML tidak valid", f"{path.name}: invalid YAML") from None
    defaults: dict[str, Any] = {}
    if isinstance(data, dict):
        items = data.get("instansi")
        defaults = {k: v for k, v in data.items() if k != "instansi"}
        for k in defaults:
            if k not in ("tahun", "pemda"):
                raise DataFormatError(f"{path.name}: kunci tidak dikenal '{k}' (boleh: tahun, "
                                      "pemda, instansi)",
                                      f"{path.name}: unknown key '{k}' (allowed: tahun, pemda, "
                                      "instansi)")
    else:
        items = data
    if not isinstance(items, list):
        raise DataFormatError(f"{path.name}: harus daftar instansi (atau 'instansi:' berisi daftar)",
                              f"{path.name}: must be a list of agencies (or 'instansi:' holding one)")
    out = []
    for n, item in enumerate(items):
        where = f"{path.name} instansi[{n}]"
        if not isinstance(item, dict):
            raise DataFormatError(f"{where}: harus pemetaan (nama: ...)",
                                  f"{where}: must be a mapping (nama: ...)")
        out.append(_entry(item, where, path.parent, defaults))
    return out


def _from_folder(folder: Path) -> list[Entry]:
    out = []
    for f in sorted(folder.iterdir()):
        if not f.is_file() or f.name.startswith((".", "~$")):
            continue
        suffix = f.suffix.lower()
        if suffix in DATA_SUFFIXES:
            out.append(Entry(f.name, data=str(f)))
        elif suffix == ".xlsx":
            out.append(Entry(f.name, dari=str(f)))
    return out


def load_roster(source: str | Path) -> list[Entry]:
    """The entries of a master list (.csv, .yaml/.yml) or of a folder of data files / workbooks."""
    p = Path(source)
    if p.is_dir():
        entries = _from_folder(p)
    elif p.suffix.lower() == ".csv":
        entries = _from_csv(p)
    elif p.suffix.lower() in (".yaml", ".yml"):
        entries = _from_yaml(p)
    elif not p.exists():
        raise InputError(f"file atau folder tidak ada: {p}", f"no such file or folder: {p}")
    else:
        raise InputError(f"daftar instansi harus .csv, .yaml atau folder: {p}",
                         f"the agency list must be .csv, .yaml or a folder: {p}")
    if not entries:
        raise InputError(f"tidak ada instansi di {p}", f"no agency in {p}")
    if len(entries) > MAX_ENTRIES:
        raise InputError(f"terlalu banyak instansi ({len(entries)} > {MAX_ENTRIES})",
                         f"too many agencies ({len(entries)} > {MAX_ENTRIES})")
    return entries


__all__ = ["Entry", "load_roster", "slug", "output_name"]
