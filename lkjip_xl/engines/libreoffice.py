"""LibreOffice headless as an independent spreadsheet engine.

Used by the tests (the real-client check), by the benchmarks, and by `verify --engine libreoffice`
for an auditor's second opinion. Each run gets its own throw-away user profile, so parallel runs
never fight over one profile, and the profile tells Calc to recalculate every formula on load
(by default Calc trusts the values cached in an .xlsx and would prove nothing).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from lkjip_xl.core.errors import LkjipError

_RECALC_ALWAYS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
 <prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
 <prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


class LibreOfficeError(LkjipError):
    exit_code = 3


def soffice_path() -> str | None:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return None


def available() -> bool:
    return soffice_path() is not None


_FILTERS = {"xlsx": "xlsx:Calc MS Excel 2007 XML", "pdf": "pdf:calc_pdf_Export", "ods": "ods"}


def convert(src: str | os.PathLike[str], out_dir: str | os.PathLike[str], fmt: str = "xlsx",
            timeout: float = 300) -> Path:
    """Open `src` in Calc, recalculate everything, save as `fmt` into `out_dir`; return the path."""
    return convert_many([src], out_dir, fmt, timeout)[0]


def convert_many(srcs: list[str | os.PathLike[str]] | list[Path], out_dir: str | os.PathLike[str],
                 fmt: str = "xlsx", timeout: float = 600) -> list[Path]:
    """`convert` for many files in one LibreOffice start (a start costs seconds, a file less).

    The sources must have distinct file names (their outputs share `out_dir`)."""
    exe = soffice_path()
    if exe is None:
        raise LibreOfficeError("LibreOffice (soffice) tidak ditemukan", "LibreOffice (soffice) not found")
    paths = [Path(s).resolve() for s in srcs]
    if len({p.stem for p in paths}) != len(paths):
        raise ValueError("convert_many: source names must be distinct")
    out_dir = Path(out_dir).resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lkjip-lo-") as profile:
        user = Path(profile) / "user"
        user.mkdir()
        (user / "registrymodifications.xcu").write_text(_RECALC_ALWAYS, encoding="utf-8")
        cmd = [exe, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
               "--nologo", "--convert-to", _FILTERS.get(fmt, fmt), "--outdir", str(out_dir),
               *map(str, paths)]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout,
                                  env={**os.environ, "HOME": profile})
        except subprocess.TimeoutExpired as exc:
            raise LibreOfficeError("LibreOffice melewati batas waktu",
                                   "LibreOffice timed out") from exc
    # "pdf:writer_pdf_Export" (a filter named in full) still writes NAME.pdf
    outs = [out_dir / (p.stem + "." + fmt.split(":")[0]) for p in paths]
    missing = [p.name for p, o in zip(paths, outs) if not o.exists()]
    if proc.returncode != 0 or missing:
        names = ", ".join(missing) or paths[0].name
        raise LibreOfficeError(
            f"LibreOffice gagal mengonversi {names}: {proc.stderr.strip()[:300]}",
            f"LibreOffice failed to convert {names}: {proc.stderr.strip()[:300]}",
        )
    return outs


def recalculate(src: str | os.PathLike[str], out_dir: str | os.PathLike[str],
                timeout: float = 300) -> Path:
    """A copy of `src` as Calc recalculated and saved it (cached values are Calc's own)."""
    return convert(src, out_dir, "xlsx", timeout)
