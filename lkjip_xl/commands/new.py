"""`lkjip-xl new`: create a ready-to-fill workbook."""

from __future__ import annotations

from pathlib import Path

import click

from ..cli import lang_of


@click.command("new")
@click.option("--data", "data", type=click.Path(dir_okay=False, path_type=Path),
              help="Dokumen YAML/JSON untuk mengisi workbook / data document to prefill from.")
@click.option("--tahun", type=click.IntRange(2000, 2100),
              help="Tahun pelaporan untuk workbook kosong / reporting year (empty workbook).")
@click.option("--instansi", help="Nama instansi (OPD) untuk workbook kosong / agency name.")
@click.option("-o", "--output", "output", required=True,
              type=click.Path(dir_okay=False, path_type=Path),
              help="File .xlsx yang ditulis / the .xlsx to write.")
@click.option("--force", is_flag=True, help="Timpa file keluaran yang sudah ada / overwrite.")
@click.pass_context
def command(ctx: click.Context, data: Path | None, tahun: int | None, instansi: str | None,
            output: Path, force: bool) -> None:
    """Buat workbook LKjIP: kosong (--tahun, --instansi) atau terisi dari data (--data).

    \b
    Contoh / examples:
      lkjip-xl new --data samples/denpasar_2019.yaml -o denpasar-2019.xlsx
      lkjip-xl new --tahun 2025 --instansi "Dinas Kominfo" -o kosong-2025.xlsx
    """
    from ..generate import empty_dokumen, new_workbook

    lang = lang_of(ctx)
    if data is None and tahun is None:
        raise click.UsageError("butuh --data FILE atau --tahun TAHUN" if lang == "id"
                               else "needs --data FILE or --tahun YEAR")
    if data is not None:
        from ..dataformat import load

        dok = load(data)
        if tahun is not None:
            dok.tahun = tahun
        if instansi:
            dok.instansi.nama = instansi
    else:
        assert tahun is not None
        dok = empty_dokumen(tahun, instansi)
    inputs = (data,) if data is not None else ()
    new_workbook(dok, output, force=force, inputs=inputs)
    click.echo(f"ditulis: {output}" if lang == "id" else f"written: {output}")
