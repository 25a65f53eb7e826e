"""Workbook templates: the planning unit's defaults for every workbook it hands out.

A template is a small YAML file (`workbook_templates/*.yaml`, documented in docs/planning.md):
default measurement settings (predicate table, batas_capaian, metode_efisiensi, rumus_negatif,
nilai_tw), a default local government name, lines added to the Petunjuk sheet and minimum table
capacities. It is read strictly: an unknown key or a wrong value is refused with the key's path.

`lkjip-xl new --template NAME_OR_PATH`: NAME is a bundled template (`default`, `contoh-kota`),
PATH any YAML file.
"""

from __future__ import annotations

import copy
import dataclasses
import os
import sys
import sysconfig
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from lkjip_xl.core.errors import DataFormatError, InputError
from lkjip_xl.core.model import (
    KERTAS,
    METODE_EFISIENSI,
    NILAI_TW,
    RUMUS_NEGATIF,
    Dokumen,
    Pengaturan,
    PredikatBand,
)
from lkjip_xl.workbook.tree import capacity_key, coded, joined_to

TEMPLATE_VERSION = 1
MAX_TEMPLATE_BYTES = 256 * 1024
MAX_GUIDE_LINES = 60
MAX_LINE = 500

# capacity key (the model a coded table's rows are, in snake case: sasaran, indikator ...) ->
# the input tables it sizes (the tables joined to the indicators by code share their size)
CAPACITY_TABLES: dict[str, tuple[str, ...]] = {
    capacity_key(t): (t.key, *(j.key for j in joined_to(t))) for t in coded()
}
# the planning unit's bounds; a table declared later is bounded as the largest
CAPACITY_LIMITS: dict[str, int] = {"sasaran": 500, "indikator": 2000, "program": 1000,
                                   "kegiatan": 5000}
MAX_CAPACITY = max(CAPACITY_LIMITS.values())

SETTING_KEYS = tuple(f.name for f in dataclasses.fields(Pengaturan))  # the model's settings
TOP_KEYS = ("versi", "nama", "keterangan", "pengaturan", "instansi", "petunjuk", "kapasitas")
# where the bundled templates are installed by the wheel (setup.cfg [options.data_files])
DATA_SUBDIR = ("share", "lkjip-xl", "workbook_templates")


@dataclass
class WorkbookTemplate:
    nama: str = "default"
    keterangan: str = ""
    pengaturan: Pengaturan = field(default_factory=Pengaturan)
    pemda: str | None = None
    petunjuk_judul: str | None = None
    petunjuk: list[str] = field(default_factory=list)
    kapasitas: dict[str, int] = field(default_factory=dict)  # capacity key -> minimum rows
    source: str = ""

    def guide_lines(self) -> list[str]:
        """Lines appended to the Petunjuk sheet (empty when the template adds none)."""
        if not self.petunjuk and not self.petunjuk_judul:
            return []
        head = [self.petunjuk_judul] if self.petunjuk_judul else []
        return ["", *head, *self.petunjuk]

    def minimum_capacity(self) -> dict[str, int]:
        """Minimum rows per input table key, for `writer.write_workbook(minimum_capacity=)`."""
        out: dict[str, int] = {}
        for key, rows in self.kapasitas.items():
            for table in CAPACITY_TABLES[key]:
                out[table] = rows
        return out

    def apply(self, dok: Dokumen, *, settings: bool = True) -> Dokumen:
        """A copy of `dok` with the template's defaults where the document leaves them open.

        `settings=True` (a new workbook) sets the measurement settings from the template;
        carried-over workbooks keep last year's settings (`settings=False`). The pemda is filled
        only when the document has none."""
        out = copy.deepcopy(dok)
        if settings:
            out.pengaturan = copy.deepcopy(self.pengaturan)
        if not out.instansi.pemda and self.pemda:
            out.instansi.pemda = self.pemda
        return out


class TemplateError(DataFormatError):
    """A template file breaks the template format; the message names the key."""


def _err(source: str, path: str, id_msg: str, en_msg: str) -> TemplateError:
    where = f"{source}: {path}" if path else source
    return TemplateError(f"{where}: {id_msg}", f"{where}: {en_msg}")


def _found(v: Any) -> str:
    return "kosong" if v is None else repr(v) if isinstance(v, str) else str(v)


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _text(source: str, path: str, v: Any, *, allow_none: bool = True) -> str | None:
    if v is None and allow_none:
        return None
    if not isinstance(v, str) or len(v) > MAX_LINE:
        raise _err(source, path, f"harus teks (maks. {MAX_LINE} karakter), ditemukan {_found(v)}",
                   f"must be text (at most {MAX_LINE} characters), found {_found(v)}")
    return v


def _choice(source: str, path: str, v: Any, choices: tuple[str, ...]) -> str:
    if v not in choices:
        opts = ", ".join(choices)
        raise _err(source, path, f"harus salah satu dari {opts}; ditemukan {_found(v)}",
                   f"must be one of {opts}; found {_found(v)}")
    return str(v)


def _mapping(source: str, path: str, v: Any, allowed: tuple[str, ...]) -> dict[str, Any]:
    if not isinstance(v, dict):
        raise _err(source, path, f"harus berupa pemetaan (kunci: nilai), ditemukan {_found(v)}",
                   f"must be a mapping (key: value), found {_found(v)}")
    for k in v:
        if k not in allowed:
            key = f"{path}.{k}" if path else str(k)
            raise _err(source, key, "kunci tidak dikenal; yang boleh: " + ", ".join(allowed),
                       "unknown key; allowed: " + ", ".join(allowed))
    return v


def _predikat(source: str, v: Any) -> list[PredikatBand]:
    path = "pengaturan.predikat"
    if not isinstance(v, list) or not v:
        raise _err(source, path, "harus daftar pita {min, label} yang tidak kosong",
                   "must be a non-empty list of {min, label} bands")
    if len(v) > 10:
        raise _err(source, path, "paling banyak 10 pita (kapasitas tabel predikat)",
                   "at most 10 bands (the predicate table's capacity)")
    bands: list[PredikatBand] = []
    for n, band in enumerate(v):
        p = f"{path}[{n}]"
        b = _mapping(source, p, band, ("min", "label"))
        if "label" not in b:
            raise _err(source, f"{p}.label", "wajib diisi", "is required")
        label = _text(source, f"{p}.label", b["label"], allow_none=False)
        low = b.get("min")
        if low is not None and not _is_number(low):
            raise _err(source, f"{p}.min", f"harus angka atau kosong, ditemukan {_found(low)}",
                       f"must be a number or empty, found {_found(low)}")
        bands.append(PredikatBand(None if low is None else float(low), label or ""))
    mins = [b.min for b in bands]
    if any(m is None for m in mins[:-1]):
        raise _err(source, path, "hanya pita terakhir yang boleh tanpa min",
                   "only the last band may have no min")
    numeric = [m for m in mins if m is not None]
    if any(a <= b for a, b in zip(numeric, numeric[1:])):
        raise _err(source, path, "urutkan min dari yang tertinggi, tanpa nilai kembar",
                   "order the bands by min, highest first, without ties")
    return bands


def _pengaturan(source: str, v: Any) -> Pengaturan:
    m = _mapping(source, "pengaturan", v, SETTING_KEYS)
    out = Pengaturan()
    if "rumus_negatif" in m:
        out.rumus_negatif = _choice(source, "pengaturan.rumus_negatif", m["rumus_negatif"],
                                    RUMUS_NEGATIF)
    if "metode_efisiensi" in m:
        out.metode_efisiensi = _choice(source, "pengaturan.metode_efisiensi",
                                       m["metode_efisiensi"], METODE_EFISIENSI)
    if "nilai_tw" in m:
        out.nilai_tw = _choice(source, "pengaturan.nilai_tw", m["nilai_tw"], NILAI_TW)
    if "kertas" in m:
        out.kertas = _choice(source, "pengaturan.kertas", m["kertas"], KERTAS)
    if "batas_capaian" in m:
        cap = m["batas_capaian"]
        if cap is not None and (not _is_number(cap) or not 0 < cap <= 1000):
            raise _err(source, "pengaturan.batas_capaian",
                       f"harus angka > 0 dan <= 1000 atau kosong, ditemukan {_found(cap)}",
                       f"must be a number > 0 and <= 1000 or empty, found {_found(cap)}")
        out.batas_capaian = None if cap is None else float(cap)
    if "predikat" in m:
        out.predikat = _predikat(source, m["predikat"])
    return out


def _kapasitas(source: str, v: Any) -> dict[str, int]:
    m = _mapping(source, "kapasitas", v, tuple(CAPACITY_TABLES))
    out: dict[str, int] = {}
    for k, n in m.items():
        limit = CAPACITY_LIMITS.get(k, MAX_CAPACITY)
        if not isinstance(n, int) or isinstance(n, bool) or not 1 <= n <= limit:
            raise _err(source, f"kapasitas.{k}",
                       f"harus bilangan bulat 1..{limit}, ditemukan {_found(n)}",
                       f"must be a whole number 1..{limit}, found {_found(n)}")
        out[k] = n
    return out


def _petunjuk(source: str, v: Any) -> tuple[str | None, list[str]]:
    m = _mapping(source, "petunjuk", v, ("judul", "baris"))
    judul = _text(source, "petunjuk.judul", m.get("judul"))
    lines = m.get("baris") or []
    if not isinstance(lines, list) or len(lines) > MAX_GUIDE_LINES:
        raise _err(source, "petunjuk.baris", f"harus daftar teks (maks. {MAX_GUIDE_LINES} baris)",
                   f"must be a list of texts (at most {MAX_GUIDE_LINES} lines)")
    out = [_text(source, f"petunjuk.baris[{n}]", line, allow_none=False) or ""
           for n, line in enumerate(lines)]
    return judul, out


def parse_template(data: Any, source: str = "template") -> WorkbookTemplate:
    """Validate a template's plain data (as yaml.safe_load gives it)."""
    if data is None:
        data = {}
    m = _mapping(source, "", data, TOP_KEYS)
    versi = m.get("versi", TEMPLATE_VERSION)
    if versi != TEMPLATE_VERSION:
        raise _err(source, "versi", f"versi template {TEMPLATE_VERSION} yang didukung, "
                   f"ditemukan {_found(versi)}",
                   f"template version {TEMPLATE_VERSION} is supported, found {_found(versi)}")
    t = WorkbookTemplate(source=source)
    t.nama = _text(source, "nama", m.get("nama")) or Path(source).stem
    t.keterangan = _text(source, "keterangan", m.get("keterangan")) or ""
    if "pengaturan" in m:
        t.pengaturan = _pengaturan(source, m["pengaturan"])
    if "instansi" in m:
        inst = _mapping(source, "instansi", m["instansi"], ("pemda",))
        t.pemda = _text(source, "instansi.pemda", inst.get("pemda"))
    if "petunjuk" in m:
        t.petunjuk_judul, t.petunjuk = _petunjuk(source, m["petunjuk"])
    if "kapasitas" in m:
        t.kapasitas = _kapasitas(source, m["kapasitas"])
    return t


def load_template_file(path: str | os.PathLike[str]) -> WorkbookTemplate:
    p = Path(path)
    try:
        if p.stat().st_size > MAX_TEMPLATE_BYTES:
            raise InputError(f"template terlalu besar: {p}", f"template too large: {p}")
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"template tidak ditemukan: {p}", f"template not found: {p}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"template tidak dapat dibaca: {p} ({exc})",
                         f"template cannot be read: {p} ({exc})") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" (baris {mark.line + 1})" if mark is not None else ""
        at_en = f" (line {mark.line + 1})" if mark is not None else ""
        raise TemplateError(f"{p}: YAML tidak valid{at}", f"{p}: invalid YAML{at_en}") from None
    return parse_template(data, str(p))


def template_dirs() -> list[Path]:
    """Where bundled templates are looked for: the source tree, then the installed data."""
    dirs = [Path(__file__).resolve().parents[2] / "workbook_templates"]
    for base in (sysconfig.get_path("data"), sys.prefix, getattr(sys, "base_prefix", "")):
        if base:
            dirs.append(Path(base).joinpath(*DATA_SUBDIR))
    seen: list[Path] = []
    for d in dirs:
        if d not in seen:
            seen.append(d)
    return seen


def bundled_templates() -> dict[str, Path]:
    """name -> file of every bundled template found (the first directory wins)."""
    out: dict[str, Path] = {}
    for d in template_dirs():
        if d.is_dir():
            for f in sorted(d.glob("*.yaml")):
                out.setdefault(f.stem, f)
    return out


def load_template(name_or_path: str | os.PathLike[str] | None) -> WorkbookTemplate:
    """A bundled template by name (`default`, `contoh-kota`) or a template file by path."""
    if name_or_path is None:
        found = bundled_templates().get("default")
        return load_template_file(found) if found else WorkbookTemplate()
    text = str(name_or_path)
    p = Path(text)
    looks_like_path = p.suffix.lower() in (".yaml", ".yml") or os.sep in text or "/" in text
    if looks_like_path or p.is_file():
        return load_template_file(p)
    bundled = bundled_templates()
    if text in bundled:
        return load_template_file(bundled[text])
    names = ", ".join(sorted(bundled)) or "(tidak ada)"
    raise InputError(f"template tidak dikenal: {text}; yang tersedia: {names}",
                     f"unknown template: {text}; available: {names}")


__all__ = ["WorkbookTemplate", "TemplateError", "parse_template", "load_template",
           "load_template_file", "bundled_templates", "template_dirs"]
