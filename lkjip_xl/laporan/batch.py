"""The planning unit's run: one document per workbook of a folder, in worker processes.

One failing workbook never stops the others: its reason is printed and the exit code is 1."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from lkjip_xl.catalogue import pick
from lkjip_xl.catalogue.laporan import text
from lkjip_xl.catalogue.lines import level
from lkjip_xl.core.errors import LkjipError, UsageError
from lkjip_xl.laporan import laporan, require_writer
from lkjip_xl.planning.pool import run_pool


@dataclass(frozen=True)
class Job:
    workbook: str
    output: str
    pdf: bool
    template: str | None
    force: bool
    kertas: str | None = None


@dataclass
class Done:
    workbook: str
    output: str | None = None
    draf: bool = False
    error_id: str | None = None
    error_en: str | None = None


def _one(job: Job) -> Done:

    try:
        hasil = laporan(job.workbook, job.output, pdf=job.pdf, template=job.template,
                        force=job.force, kertas=job.kertas)
    except LkjipError as exc:
        return Done(job.workbook, error_id=exc.message("id"), error_en=exc.message("en"))
    if hasil.docx is None:
        f = hasil.report.findings[0] if hasil.report.findings else None
        why_id = f.message("id") if f and hasil.report.fatal else "bukan format lkjip-xl"
        why_en = f.message("en") if f and hasil.report.fatal else "not an lkjip-xl workbook"
        return Done(job.workbook, error_id=why_id, error_en=why_en)
    return Done(job.workbook, str(hasil.docx), hasil.draf)


def _crash(job: Job, exc: BaseException) -> Done:
    return Done(job.workbook, error_id=f"galat internal: {exc}", error_en=f"internal error: {exc}")


def laporan_folder(folder: Path, outdir: Path, *, pdf: bool, template: Path | None,
                   jobs: int | None, force: bool, lang: str, kertas: str | None = None) -> int:

    if outdir.exists() and not outdir.is_dir():
        raise UsageError(text("folder_needs_dir", "id"), text("folder_needs_dir", "en"))
    if pdf:
        require_writer()  # one line for the folder, not one failure per workbook
    outdir.mkdir(parents=True, exist_ok=True)
    books = sorted(p for p in folder.iterdir()
                   if p.suffix.lower() == ".xlsx" and not p.name.startswith("~$"))
    work = [Job(str(p), str(outdir / (p.stem + ".docx")), pdf,
                str(template) if template else None, force, kertas) for p in books]
    done = run_pool(_one, work, jobs=jobs, label=text("progress", lang), on_crash=_crash)
    failed = [d for d in done if d.output is None]
    for d in failed:
        why = pick((d.error_id or "", d.error_en or ""), lang)
        print(f"{level('error', lang)}: {Path(d.workbook).name}: {why}", file=sys.stderr)
    ok = [d for d in done if d.output is not None]
    print(text("batch", lang, ok=len(ok), path=outdir, draf=sum(d.draf for d in ok),
               failed=len(failed)), file=sys.stderr)
    return 1 if failed or any(d.draf for d in ok) else 0
