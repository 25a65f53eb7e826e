"""Batch verification: many collected workbooks at once, in worker processes.

`verify_many(paths, jobs)` runs the verifier on every file and returns `[(path, Report)]` in the
order given. One bad file never stops the batch: an unreadable file, a guard refusal or a crash
becomes a fatal Report for that file alone. Each Report that could be read also carries the
agency's measurement summary in `report.stats["ringkasan"]` (see `ringkasan`), which the
summary table and `lkjip-xl rekap` use.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from lkjip_xl.catalogue.lines import line
from lkjip_xl.core.domain import rerata
from lkjip_xl.core.errors import InputError, LkjipError
from lkjip_xl.core.evaluasi import evaluasi_renja
from lkjip_xl.core.findings import VERDICT_EXIT, VERDICTS, Finding, Report
from lkjip_xl.core.measurement import ukur
from lkjip_xl.core.model import Dokumen
from lkjip_xl.planning.pool import run_pool
from lkjip_xl.planning.rekap_renja import rows_of
from lkjip_xl.verify import verify
from lkjip_xl.workbook.read import read_workbook, to_dokumen

Verifier = Callable[[str], Report]
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")


def resolve_verifier() -> Verifier:
    """The full verifier, `lkjip_xl.verify.verify`."""

    return verify


def fatal_report(path: str, reason_id: str, reason_en: str | None = None) -> Report:
    r = Report(str(path), fatal=True)
    r.add(Finding("berkas-tidak-terbaca", "error", "", found=reason_id,
                  params={"found_en": reason_en or reason_id}))
    return r


def _num(v: Any) -> float | None:
    return None if v is None else float(v)


def ringkasan(source: str | Dokumen) -> dict[str, Any]:
    """The agency's measurement, compact: what the batch summary and the rekap show."""
    dok = read_workbook(source)[0] if isinstance(source, str) else source
    p = ukur(dok)
    indikator = []
    for s, i in dok.indikator():
        u = p.indikator[i.kode]
        indikator.append({
            "kode_sasaran": s.kode, "kode": i.kode, "uraian": i.uraian, "satuan": i.satuan,
            "polaritas": i.polaritas, "target": _num(u.target), "target_min": _num(u.target_min),
            "target_maks": _num(u.target_maks), "realisasi": _num(u.realisasi),
            "capaian": _num(u.capaian), "capaian_dipakai": _num(u.capaian_dipakai),
            "predikat": u.predikat})
    sasaran = [{"kode": s.kode, "uraian": s.uraian, "capaian": _num(p.sasaran[s.kode].capaian),
                "predikat": p.sasaran[s.kode].predikat,
                "anggaran": _num(p.sasaran[s.kode].anggaran),
                "realisasi": _num(p.sasaran[s.kode].realisasi_anggaran),
                "penyerapan": _num(p.sasaran[s.kode].penyerapan),
                "efisiensi": _num(p.sasaran[s.kode].efisiensi)} for s in dok.sasaran]
    return {
        "instansi": dok.instansi.nama, "pemda": dok.instansi.pemda, "tahun": dok.tahun,
        "metode_efisiensi": dok.pengaturan.metode_efisiensi,
        "capaian_rata": _num(rerata(p.indikator[i.kode].capaian_dipakai
                                    for _, i in dok.indikator())),
        "anggaran": _num(p.total.anggaran), "realisasi": _num(p.total.realisasi_anggaran),
        "penyerapan": _num(p.total.penyerapan),
        "indikator": indikator, "sasaran": sasaran,
        # the E.81 rows rekap's Evaluasi RKPD stacks by acuan_rpjmd (computed here, once)
        "renja": rows_of(evaluasi_renja(dok), dok.instansi.nama or ""),
    }


def check_file(path: str, verifier: Verifier | None = None) -> tuple[str, Report]:
    """Verify one file and attach its summary; never raises (the batch's worker)."""
    try:
        report = (verifier or resolve_verifier())(path)
    except LkjipError as exc:
        return path, fatal_report(path, exc.message("id"), exc.message("en"))
    except MemoryError:
        return path, fatal_report(path, "memori tidak cukup untuk file ini",
                                  "not enough memory for this file")
    except Exception as exc:  # a verifier bug must not stop the batch
        msg = f"{type(exc).__name__}: {exc}"
        return path, fatal_report(path, f"galat internal: {msg}", f"internal error: {msg}")
    layout, report.layout = report.layout, None  # the grid stays in this worker
    if not report.fatal:
        try:
            # the tables verify located, read as measure and export read them (a number typed
            # as text taken as the number meant): the file is not read twice
            report.stats["ringkasan"] = ringkasan(to_dokumen(layout) if layout is not None
                                                  else path)
        except Exception as exc:  # reported, not raised: the verification itself stands
            report.stats["ringkasan"] = None
            report.stats["ringkasan_galat"] = (exc.message("id") if isinstance(exc, LkjipError)
                                               else f"{type(exc).__name__}: {exc}")
    return path, report


def _crashed(path: str, exc: BaseException) -> tuple[str, Report]:
    return path, fatal_report(path, f"proses pemeriksa berhenti mendadak ({type(exc).__name__})",
                              f"the checking process died ({type(exc).__name__})")


def _preload() -> None:
    """Import the verifier and the reader here, once: forked workers inherit them."""
    resolve_verifier()


def verify_many(paths: Iterable[str | os.PathLike[str]], jobs: int | None = None, *,
                progress: bool = True, label: str | None = None,
                triwulan: int | None = None) -> list[tuple[str, Report]]:
    """[(path, Report)] for every path, in order; `jobs` worker processes (default: all cores);
    `triwulan` the last quarter the reports are due to (verify's --triwulan)."""
    items = [str(p) for p in paths]
    _preload()
    worker = check_file if triwulan is None else partial(
        check_file, verifier=partial(verify, triwulan=triwulan))
    return run_pool(worker, items, jobs=jobs, label=label or line("progress.checking"),
                    progress=progress, on_crash=_crashed)


def collect_paths(args: Sequence[str | os.PathLike[str]]) -> list[str]:
    """Files named, and the workbooks directly inside the folders named, sorted by name.

    Lock files of Excel / LibreOffice (~$x.xlsx, .~lock...) and hidden files are skipped."""
    out: list[str] = []
    for a in args:
        p = Path(a)
        if p.is_dir():
            out.extend(str(f) for f in sorted(p.iterdir())
                       if f.is_file() and f.suffix.lower() in WORKBOOK_SUFFIXES
                       and not f.name.startswith(("~$", ".")))
        elif p.exists():
            out.append(str(p))
        else:
            raise InputError(f"file atau folder tidak ada: {p}", f"no such file or folder: {p}")
    if not out:
        raise InputError("tidak ada workbook (.xlsx) untuk diperiksa",
                         "no workbook (.xlsx) to check")
    return out


def batch_exit_code(results: Sequence[tuple[str, Report]], strict: bool = False) -> int:
    """The exit code of the worst verdict among the files (findings.VERDICTS, worst last)."""
    worst = max((VERDICTS.index(r.verdict(strict)) for _, r in results), default=0)
    return VERDICT_EXIT[VERDICTS[worst]]


__all__ = ["verify_many", "check_file", "ringkasan", "collect_paths", "batch_exit_code",
           "resolve_verifier", "fatal_report"]
