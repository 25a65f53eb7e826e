"""`lkjip-xl export`: a workbook back into the interchange format."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from lkjip_xl.catalogue.lines import level, line
from lkjip_xl.cli import lang_of, large

# an input that is not a number (exit 1, as measure): the export holds a guess or a blank; a
# row whose indicator is gone (a deleted Renstra row) is not in the export at all
NOT_AS_TYPED = ("angka-sebagai-teks", "bukan-angka", "nilai-galat-input", "indikator-tidak-diekspor",
                "indikator-program-tidak-dibaca")


@click.command("export")
@click.argument("workbook", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["yaml", "json"]), default="yaml",
              show_default=True, help="Format keluaran / output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Tulis ke file (bawaan: layar) / write to a file (default: stdout).")
@click.option("--tanpa-pengukuran", "bare", is_flag=True,
              help="Tanpa bagian pengukuran / without the pengukuran section.")
@click.option("--force", is_flag=True, help="Timpa file keluaran / overwrite the output.")
@click.pass_context
def command(ctx: click.Context, workbook: Path, fmt: str, output: Path | None, bare: bool,
            force: bool) -> None:
    """Ekspor WORKBOOK (.xlsx format lkjip-xl) ke YAML/JSON, beserta bagian `pengukuran`.

    Keluar 0 bila bersih, 1 bila ada isian yang bukan angka (angka yang diketik sebagai teks
    diekspor sebagai angka yang mungkin dimaksud: periksa) atau baris yang tidak ikut diekspor
    (indikatornya tidak ada di Renstra & IKU), 2 salah pakai, 3 tak terbaca.

    Export WORKBOOK to the interchange format with its `pengukuran` section. Exit 1 when an
    input is not a number (a number typed as text is exported as the number probably meant) or
    a row is left out (its indicator is not in Renstra & IKU).

    \b
    Contoh / examples:
      lkjip-xl export denpasar-2019.xlsx
      lkjip-xl export denpasar-2019.xlsx --format json -o denpasar-2019.json
    """
    from lkjip_xl.core.findings import Finding
    from lkjip_xl.dataformat import dumps
    from lkjip_xl.planning.pool import progress_bar
    from lkjip_xl.workbook.export import export_dokumen

    lang = lang_of(ctx)
    notes: list[Finding] = []
    bar = progress_bar(2, line("progress.export", lang), show=large(workbook))
    try:
        dok = export_dokumen(workbook, with_pengukuran=not bare, findings=notes)
        bar.step()
        text = dumps(dok, fmt)
        bar.step()
    finally:
        bar.close()  # before any line below
    guessed = False
    for f in notes:
        msg = f.message(lang)
        where = f"{f.location}: " if f.location and f.location not in msg else ""
        guessed = guessed or f.code in NOT_AS_TYPED
        click.echo(f"{level(f.severity, lang)}: {where}{msg}", err=True)
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        ctx.exit(1 if guessed else 0)
        return
    from lkjip_xl.xlsx.atomic import write_atomic

    def write(tmp: str) -> None:
        Path(tmp).write_text(text, encoding="utf-8")

    write_atomic(output, write, inputs=(workbook,), force=force)
    click.echo(line("written", lang, path=output), err=True)
    ctx.exit(1 if guessed else 0)
