"""`lkjip-xl rekap`: the consolidation workbook of many agencies' workbooks."""

from __future__ import annotations

from pathlib import Path

import click

from lkjip_xl.catalogue.lines import line
from lkjip_xl.cli import lang_of
from lkjip_xl.core.findings import Report
from lkjip_xl.core.model import KERTAS


@click.command("rekap")
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "output", required=True,
              type=click.Path(dir_okay=False, path_type=Path),
              help="Workbook rekap yang ditulis (.xlsx) / the consolidation workbook to write.")
@click.option("--jobs", "-j", type=click.IntRange(1, 256),
              help="Jumlah proses pemeriksa (bawaan: semua inti) / worker processes.")
@click.option("--sertakan-galat", "include_errors", is_flag=True,
              help="Masukkan juga angka berkas bergalat (tetap dicantumkan sebagai gagal) / "
                   "include files with errors.")
@click.option("--tahun", type=click.IntRange(1900, 2200),
              help="Rekap tahun ini saja; berkas tahun lain dicantumkan sebagai tidak direkap / "
                   "consolidate this reporting year only.")
@click.option("--kertas", type=click.Choice(KERTAS), default="A4", show_default=True,
              help="Kertas cetak: A4 atau F4 (folio, lihat Pengaturan) / paper.")
@click.option("--force", is_flag=True, help="Timpa file keluaran / overwrite the output.")
@click.pass_context
def command(ctx: click.Context, sources: tuple[Path, ...], output: Path, jobs: int | None,
            include_errors: bool, tahun: int | None, kertas: str, force: bool) -> None:
    """Periksa semua workbook di SOURCES (folder atau file) lalu tulis rekap wilayah: capaian
    per instansi dan indikator, penyerapan, efisiensi, peringkat, total, grafik, dan daftar
    berkas yang tidak direkap beserta statusnya (belum diisi, gagal, tidak terbaca...).

    Workbook dari beberapa tahun ditolak (exit 2) kecuali --tahun memilih satu; workbook yang
    belum diisi atau bukan format lkjip-xl tidak direkap. Kode keluar mengikuti status terburuk,
    sama dengan verify atas folder: 0 semua lulus, 4 ada yang belum diisi, 1 ada yang gagal,
    5 bukan format lkjip, 3 tidak terbaca.

    Consolidate every workbook of SOURCES into one region workbook; files of several reporting
    years are refused unless --tahun picks one; unfilled and non-lkjip workbooks are left out.
    The exit code is the worst file's verdict, as verify's batch: 0 all passed, 4 one not filled
    in, 1 one failed, 5 not an lkjip workbook, 3 unreadable.

    \b
    Contoh / examples:
      lkjip-xl rekap masuk-2025/ -o rekap-2025.xlsx
      lkjip-xl rekap masuk/ --tahun 2025 -o rekap-2025.xlsx
      lkjip-xl rekap masuk-2025/ -o rekap-2025.xlsx --jobs 2 --force
      lkjip-xl rekap masuk-2025/ -o rekap-2025.xlsx --kertas F4
    """
    from lkjip_xl.planning.batch import batch_exit_code, collect_paths, verify_many
    from lkjip_xl.planning.rekap import RekapResult, check_one_year, write_rekap
    from lkjip_xl.xlsx.atomic import write_atomic

    lang = lang_of(ctx)
    files = collect_paths(sources)
    results = verify_many(files, jobs, label=line("progress.checking", lang))
    check_one_year(results, tahun)  # one region, one year: mixed years are refused (exit 2)
    box: list[RekapResult] = []
    write_atomic(output, lambda tmp: box.append(write_rekap(results, tmp,
                                                            include_errors=include_errors,
                                                            lang=lang, tahun=tahun,
                                                            kertas=kertas)),
                 inputs=files, force=force)
    res = box[0]
    for path, rep in res.failed:  # one line per file left out, naming it and why
        click.echo(_failed_line(path, rep, lang), err=True)
    click.echo(line("written.rekap", lang, path=output, included=len(res.included),
                    left=len(res.failed)))
    ctx.exit(batch_exit_code(results))  # the verdicts' table, as `verify FOLDER`


def _failed_line(path: str, rep: Report, lang: str) -> str:
    from lkjip_xl.planning.summary import status_of, status_word

    errors = [f for f in rep.findings if f.severity == "error"] or rep.findings
    why = errors[0].message(lang) if errors else ""
    more = len(errors) - 1
    if more > 0:
        why += f" ({line('more_errors', lang, count=more)})"
    status = status_word(status_of(rep), lang)
    return line("rekap.left_out", lang, status=status, name=Path(path).name, why=why)
