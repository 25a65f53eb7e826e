"""`lkjip-xl laporan`: the LKjIP document (.docx, --pdf) from a workbook or a folder of them."""

from __future__ import annotations

from pathlib import Path

import click

from lkjip_xl.catalogue.laporan import text
from lkjip_xl.catalogue.lines import level
from lkjip_xl.cli import lang_of, large
from lkjip_xl.core.model import KERTAS


@click.command("laporan")
@click.argument("workbook", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="File .docx keluaran (folder bila WORKBOOK folder) / output .docx (or folder).")
@click.option("--pdf", is_flag=True, help="Juga PDF lewat LibreOffice / also a PDF (LibreOffice).")
@click.option("--template", type=click.Path(dir_okay=False, path_type=Path),
              help="Templat .docx unit perencanaan (gaya, kop, logo) / your own .docx template.")
@click.option("--kertas", type=click.Choice(KERTAS),
              help="Ukuran kertas (bawaan: pengaturan workbook) / paper (default: the "
                   "workbook's setting).")
@click.option("--jobs", "-j", type=click.IntRange(1, 256),
              help="Folder: jumlah proses / worker processes for a folder.")
@click.option("--force", is_flag=True, help="Timpa file keluaran / overwrite outputs.")
@click.pass_context
def command(ctx: click.Context, workbook: Path, output: Path, pdf: bool, template: Path | None,
            kertas: str | None, jobs: int | None, force: bool) -> None:
    """Buat dokumen LKjIP (Word, dan PDF dengan --pdf) dari WORKBOOK yang diperiksa dan diukur.

    Workbook dengan galat verify tetap menghasilkan dokumen, bertanda DRAF di setiap halaman dan
    berisi daftar temuan di depan (exit 1; exit 4 bila belum ada realisasi sama sekali). Bagian
    yang belum ada isiannya tampil sebagai [Isi: ...] dan didaftar (sheet dan kolomnya). Kertas
    mengikuti pengaturan workbook (A4/F4) kecuali --kertas. WORKBOOK boleh sebuah folder: setiap
    .xlsx di dalamnya, paralel, ke folder -o. Exit 3 bila --pdf tanpa LibreOffice Writer (paket
    libreoffice-writer).

    Write the LKjIP document from WORKBOOK (verified and measured). A workbook with verify errors
    still gives a document marked DRAF on every page (exit 1; 4 when nothing is reported yet);
    a folder gives one per workbook.
    The parts still to fill in are listed; exit 3 when --pdf finds no LibreOffice Writer.

    \b
    Contoh / examples:
      lkjip-xl laporan lkjip-2019.xlsx -o LKjIP-2019.docx --pdf
      lkjip-xl laporan lkjip-2019.xlsx -o LKjIP-2019.docx --template kop-dinas.docx
      lkjip-xl laporan masuk-2019/ -o laporan-2019/ --jobs 2
    """
    lang = lang_of(ctx)
    if workbook.is_dir():
        from lkjip_xl.laporan.batch import laporan_folder

        ctx.exit(laporan_folder(workbook, output, pdf=pdf, template=template, jobs=jobs,
                                force=force, lang=lang, kertas=kertas))
        return
    from lkjip_xl.laporan import laporan, steps
    from lkjip_xl.planning.pool import progress_bar

    bar = progress_bar(steps(pdf), text("progress_one", lang), show=large(workbook))
    try:
        hasil = laporan(workbook, output, pdf=pdf, template=template, force=force,
                        kertas=kertas, progress=bar.step)
    finally:
        bar.close()  # before any line below
    report = hasil.report
    if hasil.docx is None:
        why = (report.findings[0].message(lang) if report.fatal and report.findings
               else text("not_layout", lang))
        click.echo(f"{level('error', lang)}: {text('no_document', lang, path=workbook, why=why)}",
                   err=True)
        ctx.exit(report.exit_code())
        return
    if hasil.draf:
        click.echo(f"{level('warning', lang)}: {text('draf', lang, errors=len(report.open_errors()))}",
                   err=True)
    for path in (hasil.docx, hasil.pdf):
        if path is not None:
            click.echo(text("written", lang, path=path, tables=hasil.tables,
                            placeholders=len(hasil.placeholders)), err=True)
    for what in hasil.placeholders:
        click.echo(text("to_fill", lang, what=what), err=True)
    # a DRAF exits as verify would: 1 with errors open, 4 for a year not filled in yet
    ctx.exit(report.exit_code() if hasil.draf else 0)
