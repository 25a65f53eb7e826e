"""`lkjip-xl measure`: the finished workbook (computed sheets, Bab III tables, charts)."""

from __future__ import annotations

from pathlib import Path

import click

from lkjip_xl.catalogue.lines import level, line
from lkjip_xl.cli import lang_of


@click.command("measure")
@click.argument("workbook", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", "output", required=True,
              type=click.Path(dir_okay=False, path_type=Path),
              help="File .xlsx hasil / the measured .xlsx to write.")
@click.option("--triwulan", type=click.IntRange(1, 4), default=4, show_default=True,
              help="Triwulan terakhir yang dilaporkan; triwulan sesudahnya dikosongkan / "
                   "last quarter reported; later quarters are left empty.")
@click.option("--force", is_flag=True, help="Timpa file keluaran yang sudah ada / overwrite.")
@click.pass_context
def command(ctx: click.Context, workbook: Path, output: Path, triwulan: int, force: bool) -> None:
    """Hitung ulang WORKBOOK dan tulis workbook lengkap ke file baru (-o).

    Sheet isian dibawa, sheet Pengukuran Kinerja / Triwulan / Anggaran ditulis ulang dengan rumus
    hidup, ditambah tabel Bab III LKjIP, grafik, dan blok tanda tangan. File masukan tidak pernah
    ditimpa. Workbook diperiksa dulu seperti `lkjip-xl verify`: bila ada galat, file tetap ditulis
    tetapi sheet Bab III dan Grafik bertanda DRAF dan galatnya didaftar di sheet Temuan Terbuka
    (aturan yang sama dengan dokumen `laporan`).

    Keluar / exit: 0 bersih; 1 DRAF (verify menemukan galat) atau isian yang bukan angka (angka
    yang diketik sebagai teks ditulis sebagai angka yang mungkin dimaksud: periksa); 2 salah
    pakai; 3 tak terbaca; 4 DRAF karena belum ada realisasi sama sekali (BELUM DIISI).

    Recompute WORKBOOK and write the complete workbook (computed sheets, Bab III tables, charts,
    signature block) to a new file. The workbook is verified first: with verify errors the file is
    still written, its Bab III and chart sheets marked DRAF and the errors listed on the sheet
    Temuan Terbuka, and the exit code is 1 (also when an input is not a number: a number typed as
    text is written as the number probably meant); 4 when nothing is reported yet (a DRAF too).

    \b
    Contoh / examples:
      lkjip-xl measure isian-2019.xlsx -o lkjip-2019.xlsx
      lkjip-xl measure isian-2025.xlsx -o lkjip-2025-tw2.xlsx --triwulan 2
    """
    from lkjip_xl.measure.verified import measure_verified
    from lkjip_xl.schema.report_tables import DRAF_SHEET

    lang = lang_of(ctx)
    report = measure_verified(workbook, output, triwulan=triwulan, force=force)
    for f in report.findings:
        label = level(f.severity, lang)
        text = f.message(lang)
        where = f"{f.location}: " if f.location and f.location not in text else ""
        click.echo(f"{label}: {where}{text}", err=True)
    if report.stats.get("draf"):
        click.echo(f"{level('warning', lang)}: " + line("measure.draf", lang,
                                                         errors=report.stats["draf"],
                                                         sheet=DRAF_SHEET), err=True)
    n = len(report.stats.get("tables", []))
    charts = report.stats.get("charts", 0)
    click.echo(line("written.measure", lang, path=output, tables=n, charts=charts))
    ctx.exit(report.exit_code())
