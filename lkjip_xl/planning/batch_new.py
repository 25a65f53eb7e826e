"""`lkjip-xl new --batch LIST_OR_FOLDER -o FOLDER`: one workbook per agency, in worker processes.

Each entry gives its document by one of: `dari` (last year's workbook, carried over to the year),
`data` (a data document), or nothing (an empty workbook for `nama`). The list's fields (pemda,
kepala, nip, ...) then fill or replace the document's. The template's settings apply to the
workbooks made without data (empty ones); its pemda, Petunjuk lines and capacities to all.
One failing entry never stops the batch: its error is reported and the others are written.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from lkjip_xl.catalogue.lines import line
from lkjip_xl.core.errors import LkjipError, OutputError, UsageError
from lkjip_xl.core.model import Dokumen
from lkjip_xl.dataformat import load
from lkjip_xl.planning.build import write_agency_workbook
from lkjip_xl.planning.carry import carry_notes, carry_over, load_previous
from lkjip_xl.planning.pool import run_pool
from lkjip_xl.planning.roster import Entry, output_name
from lkjip_xl.planning.templates import WorkbookTemplate
from lkjip_xl.workbook.generate import empty_dokumen


@dataclass
class BuildJob:
    entry: Entry
    tahun: int | None
    outdir: str
    template: WorkbookTemplate
    force: bool = False


@dataclass
class BuildResult:
    where: str
    output: str | None = None
    instansi: str | None = None
    error_id: str | None = None
    error_en: str | None = None
    exit_code: int = 0
    notes: list[tuple[str, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.error_id is None


def document_for(entry: Entry, tahun: int | None,
                 template: WorkbookTemplate) -> tuple[Dokumen, list[tuple[str, str]]]:
    """The entry's document for the year, with the list's fields and the template applied."""

    year = entry.tahun or tahun
    notes: list[tuple[str, str]] = []
    if entry.dari:
        last = load_previous(entry.dari)
        dok = carry_over(last, year)
        notes = carry_notes(last, dok)
        settings = False
    elif entry.data:
        dok = load(entry.data)
        if year is not None:
            dok.tahun = year
        settings = False
    else:
        if year is None:
            raise UsageError("butuh --tahun (atau kolom tahun di daftar)",
                             "needs --tahun (or a tahun column in the list)")
        dok = empty_dokumen(year, entry.nama)
        settings = True
    if entry.nama:
        dok.instansi.nama = entry.nama
    for attr in ("pemda",):
        if getattr(entry, attr):
            dok.instansi.pemda = getattr(entry, attr)
    kep = dok.instansi.kepala
    kep.nama = entry.kepala or kep.nama
    kep.nip = entry.nip or kep.nip
    kep.jabatan = entry.jabatan or kep.jabatan
    kep.pangkat = entry.pangkat or kep.pangkat
    return template.apply(dok, settings=settings), notes


def build_one(job: BuildJob) -> BuildResult:
    """Write one entry's workbook; never raises (the batch's worker)."""

    res = BuildResult(job.entry.where)
    try:
        dok, res.notes = document_for(job.entry, job.tahun, job.template)
        res.instansi = dok.instansi.nama
        if not dok.instansi.nama:
            raise LkjipError("nama instansi kosong", "the agency name is empty")
        out = Path(job.outdir) / output_name(dok.instansi.nama, dok.tahun, job.entry.keluaran)
        inputs = tuple(x for x in (job.entry.data, job.entry.dari) if x)
        write_agency_workbook(dok, out, job.template, force=job.force, inputs=inputs)
        res.output = str(out)
    except LkjipError as exc:
        res.error_id, res.error_en, res.exit_code = exc.message("id"), exc.message("en"), exc.exit_code
    except Exception as exc:  # one entry's bug must not stop the batch
        msg = f"{type(exc).__name__}: {exc}"
        res.error_id, res.error_en, res.exit_code = f"galat internal: {msg}", f"internal error: {msg}", 3
    return res


def _crashed(job: BuildJob, exc: BaseException) -> BuildResult:
    return BuildResult(job.entry.where, error_id=f"proses berhenti mendadak ({type(exc).__name__})",
                       error_en=f"the process died ({type(exc).__name__})", exit_code=3)


def new_many(entries: list[Entry], outdir: str | os.PathLike[str], *, tahun: int | None,
             template: WorkbookTemplate | None = None, force: bool = False,
             jobs: int | None = None, progress: bool = True,
             label: str | None = None) -> list[BuildResult]:
    """Write every entry's workbook into `outdir`; results in the entries' order."""

    out = Path(outdir)
    if not out.is_dir():
        if out.exists():
            raise OutputError(f"bukan folder: {out}", f"not a folder: {out}")
        out.mkdir(parents=True)
    t = template or WorkbookTemplate()
    # names known up front (the list gives nama and tahun): refuse duplicates before writing
    seen: dict[str, str] = {}
    for e in entries:
        year = e.tahun or tahun
        if e.nama and year is not None and not e.data and not e.dari:
            name = output_name(e.nama, year, e.keluaran)
            if name in seen:
                raise OutputError(f"{e.where} dan {seen[name]} menghasilkan nama file yang sama: "
                                  f"{name} (isi kolom keluaran)",
                                  f"{e.where} and {seen[name]} give the same file name: {name} "
                                  "(fill in the keluaran column)")
            seen[name] = e.where
    jobs_ = [BuildJob(e, tahun, str(out), t, force) for e in entries]
    results = run_pool(build_one, jobs_, jobs=jobs, label=label or line("progress.writing"),
                       progress=progress, on_crash=_crashed)
    written: dict[str, BuildResult] = {}
    for r in results:  # entries whose name came from their document
        if r.output is not None:
            if r.output in written:
                r.error_id = f"nama file sama dengan {written[r.output].where}: {r.output}"
                r.error_en = f"same file name as {written[r.output].where}: {r.output}"
                r.exit_code = 2
            else:
                written[r.output] = r
    return results


__all__ = ["new_many", "build_one", "document_for", "BuildJob", "BuildResult"]
