"""`lkjip-xl export`: a workbook back into the interchange format."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..cli import lang_of


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

    \b
    Contoh / examples:
      lkjip-xl export denpasar-2019.xlsx
      lkjip-xl export denpasar-2019.xlsx --format json -o denpasar-2019.json
    """
    from ..dataformat import dumps
    from ..export import export_dokumen
    from ..findings import Finding

    lang = lang_of(ctx)
    notes: list[Finding] = []
    dok = export_dokumen(workbook, with_pengukuran=not bare, findings=notes)
    for f in notes:
        where = f"{f.location}: " if f.location else ""
        click.echo(f"peringatan: {where}{f.message(lang)}" if lang == "id"
                   else f"warning: {where}{f.message(lang)}", err=True)
    text = dumps(dok, fmt)
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    from ..atomic import write_atomic

    def write(tmp: str) -> None:
        Path(tmp).write_text(text, encoding="utf-8")

    write_atomic(output, write, inputs=(workbook,), force=force)
    click.echo(f"ditulis: {output}" if lang == "id" else f"written: {output}", err=True)
