"""`laporan`: the LKjIP document (.docx, optionally .pdf) from one workbook.

    result = laporan("lkjip-2019.xlsx", "LKjIP-2019.docx", pdf=True)
    result.draf      # verify found errors: the document says DRAF on every page
    result.report    # verify's Report (its exit code is the command's)

The workbook is verified with verify's own library call and measured with `measurement.ukur`;
the input file is never changed, outputs are written atomically to new paths.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lkjip_xl.catalogue.laporan import text as line
from lkjip_xl.core.errors import InputError
from lkjip_xl.core.findings import Report
from lkjip_xl.core.measurement import ukur
from lkjip_xl.engines.libreoffice import LibreOfficeError, convert, soffice_path
from lkjip_xl.laporan.document import Laporan
from lkjip_xl.verify import verify
from lkjip_xl.workbook.read import to_dokumen
from lkjip_xl.xlsx.atomic import check_target, write_atomic

PathLike = str | os.PathLike[str]


@dataclass
class Hasil:
    report: Report
    docx: Path | None = None
    pdf: Path | None = None
    tables: int = 0
    placeholders: list[str] = field(default_factory=list)

    @property
    def draf(self) -> bool:
        return bool(self.report.open_errors())


class WriterMissing(LibreOfficeError):
    """`--pdf` without LibreOffice Writer: one line naming the package (exit 3, no output)."""

    def __init__(self) -> None:
        super().__init__(line("writer_missing", "id"), line("writer_missing", "en"))


def has_writer(exe: str) -> bool:
    """Writer is a package of its own (Debian's libreoffice-writer): an installation without it
    has soffice and Calc but no writer.xcd in share/registry beside program/. An unknown
    layout is taken as complete; the conversion's own failure says so then (`_convert`)."""
    registry = Path(exe).resolve().parent.parent / "share" / "registry"
    return not registry.is_dir() or (registry / "writer.xcd").is_file()


def require_writer() -> None:
    exe = soffice_path()
    if exe is None or not has_writer(exe):
        raise WriterMissing()


def _convert(docx: Path, out_dir: str) -> Path:
    """LibreOffice without Writer opens no .docx: it says "source file could not be loaded"."""
    try:
        return convert(docx, out_dir, "pdf:writer_pdf_Export")
    except LibreOfficeError as exc:
        if "could not be loaded" in str(exc) or "tidak ditemukan" in str(exc):
            raise WriterMissing() from exc
        raise


def laporan(workbook: PathLike, output: PathLike, *, pdf: bool = False,
            template: PathLike | None = None, force: bool = False,
            charts: bool = True, kertas: str | None = None,
            progress: Callable[[], None] | None = None) -> Hasil:
    """Verify, measure and write the document; an unreadable workbook gives no document.
    `kertas` (A4, F4) overrides the workbook's paper setting. `progress()` is called after each
    of `steps(pdf)` steps (a progress bar's)."""
    tick = progress or (lambda: None)

    if pdf:
        require_writer()  # before anything is written
    report = verify(workbook)
    tick()
    if report.fatal or report.stats.get("layout") is False:
        return Hasil(report)
    if template is not None and not Path(template).is_file():
        raise InputError(f"templat tidak ditemukan: {template}", f"template not found: {template}")
    out = Path(output)
    pdf_out = out.with_suffix(".pdf") if pdf else None
    check_target(out, (workbook,), force)
    if pdf_out is not None:
        check_target(pdf_out, (workbook,), force)
    # the workbook verify has just read, not a second read: the grid is the largest object
    # of the run, let go once the document is taken from it (batch.py does the same)
    lr, report.layout = report.layout, None
    dok = to_dokumen(lr)
    del lr
    errors = report.open_errors()
    try:
        builder = Laporan(dok, ukur(dok), errors, str(template) if template else None, charts,
                          kertas, tick=tick)
    except Exception as exc:  # python-docx refuses a file that is not a .docx
        if template is None:
            raise
        raise InputError(f"templat bukan .docx yang dapat dibuka: {template} ({exc})",
                         f"template is not a readable .docx: {template} ({exc})") from exc
    builder.build()
    hasil = Hasil(report, out, tables=len(builder.captions), placeholders=builder.placeholders)
    if pdf_out is None:
        write_atomic(out, builder.save, inputs=(workbook,), force=force)
        tick()
        return hasil
    _number_toc(builder)
    tick()
    # the PDF is made first, beside a draft: a conversion that fails leaves no .docx either
    with tempfile.TemporaryDirectory(prefix="lkjip-laporan-") as tmp:
        draft = Path(tmp) / out.name
        builder.save(str(draft))
        made = _convert(draft, tmp)
        tick()
        write_atomic(out, lambda t: shutil.copyfile(draft, t), inputs=(workbook,), force=force)
        write_atomic(pdf_out, lambda t: shutil.copyfile(made, t), inputs=(workbook,),
                     force=force)
    hasil.pdf = pdf_out
    return hasil


def steps(pdf: bool) -> int:
    """How many times `laporan` calls `progress`: verify, the document's parts
    (`Laporan.PARTS`), writing; with a PDF, numbering the daftar isi and converting."""
    return 1 + Laporan.PARTS + (2 if pdf else 1)


def _number_toc(builder: Any) -> None:
    """LibreOffice does not recompute a TOC field when it converts: lay the document out once,
    read where each heading landed (pdftotext, poppler) and print those pages in the daftar
    isi. The daftar isi has its own page, so numbering it moves no heading."""

    if shutil.which("pdftotext") is None:
        return
    with tempfile.TemporaryDirectory(prefix="lkjip-laporan-") as tmp:
        first = Path(tmp) / "draft.docx"
        builder.save(str(first))
        pdf = _convert(first, tmp)
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                              timeout=120).stdout
    builder.toc_pages(heading_pages(text.split("\f"), [t for t, _p in builder.toc]))


def heading_pages(pages: list[str], headings: list[str]) -> list[int | None]:
    """The 1-based page of each heading, in order: the first page at or after the previous
    heading's with a line equal to it (the daftar isi's own lines come before the heading
    "DAFTAR ISI" is found, so they are skipped by order)."""
    out: list[int | None] = []
    at = 0
    lines = [{ln.strip() for ln in page.splitlines()} for page in pages]
    for h in headings:
        found = next((k for k in range(at, len(lines)) if h in lines[k]), None)
        if found is not None:
            at = found + (1 if h == "DAFTAR ISI" else 0)
        out.append(None if found is None else found + 1)
    return out


def to_pdf(docx: Path, target: Path, *, force: bool = False) -> Path:
    """LibreOffice Writer converts the .docx (fields, sections, header rows kept)."""

    with tempfile.TemporaryDirectory(prefix="lkjip-laporan-") as tmp:
        made = _convert(docx, tmp)
        write_atomic(target, lambda t: shutil.copyfile(made, t), inputs=(docx,), force=force)
    return target


__all__ = ["laporan", "to_pdf", "steps", "Hasil", "WriterMissing", "require_writer"]
