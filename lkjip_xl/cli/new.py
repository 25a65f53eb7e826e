"""`lkjip-xl new`: create a ready-to-fill workbook (or one per agency with --batch)."""

from __future__ import annotations

from pathlib import Path

import click

from lkjip_xl.catalogue import pick
from lkjip_xl.catalogue.lines import level, line
from lkjip_xl.cli import lang_of
from lkjip_xl.core.model import KERTAS


@click.command("new")
@click.option("--data", "data", type=click.Path(dir_okay=False, path_type=Path),
              help="Dokumen YAML/JSON untuk mengisi workbook / data document to prefill from.")
@click.option("--tahun", type=click.IntRange(2000, 2100),
              help="Tahun pelaporan untuk workbook kosong / reporting year (empty workbook).")
@click.option("--instansi", help="Nama instansi (OPD) untuk workbook kosong / agency name.")
@click.option("--from", "previous", type=click.Path(dir_okay=False, path_type=Path),
              help="Workbook tahun lalu: Renstra, IKU, program dan pengaturan dibawa ke --tahun / "
                   "last year's workbook to carry over.")
@click.option("--template", "template",
              help="Template Bappeda: nama bawaan (default, contoh-kota) atau file YAML / "
                   "template name or YAML file.")
@click.option("--batch", "batch", type=click.Path(path_type=Path),
              help="Daftar instansi (.csv/.yaml) atau folder data/workbook tahun lalu: satu "
                   "workbook per instansi, -o adalah folder / one workbook per agency.")
@click.option("--jobs", "-j", type=click.IntRange(1, 256),
              help="Jumlah proses untuk --batch (bawaan: semua inti) / worker processes.")
@click.option("-o", "--output", "output", required=True, type=click.Path(path_type=Path),
              help="File .xlsx yang ditulis (folder untuk --batch) / the .xlsx (folder) to write.")
@click.option("--kertas", type=click.Choice(KERTAS),
              help="Kertas cetak workbook ini: A4 atau F4 (folio); bawaan dari data/template, "
                   "lalu A4 / paper (default: the data's or template's, else A4).")
@click.option("--force", is_flag=True, help="Timpa file keluaran yang sudah ada / overwrite.")
@click.pass_context
def command(ctx: click.Context, data: Path | None, tahun: int | None, instansi: str | None,
            previous: Path | None, template: str | None, batch: Path | None, jobs: int | None,
            kertas: str | None, output: Path, force: bool) -> None:
    """Buat workbook LKjIP: kosong (--tahun, --instansi), terisi dari data (--data), lanjutan
    tahun lalu (--from), atau satu per instansi (--batch).

    Make an LKjIP workbook: empty (--tahun, --instansi), filled from a data file (--data),
    carried over from last year's workbook (--from), or one per agency (--batch). A data file
    with mistakes lists them all (exit 3); the output is never written over without --force.

    \b
    Contoh / examples:
      lkjip-xl new --data samples/denpasar_2019.yaml -o denpasar-2019.xlsx
      lkjip-xl new --tahun 2025 --instansi "Dinas Kominfo" -o kosong-2025.xlsx
      lkjip-xl new --tahun 2025 --instansi "Dinas Kominfo" --kertas F4 -o kosong-2025.xlsx
      lkjip-xl new --from denpasar-2019.xlsx --tahun 2020 -o denpasar-2020.xlsx
      lkjip-xl new --batch daftar-opd.csv --tahun 2025 --template contoh-kota -o opd-2025/
      lkjip-xl new --batch workbook-2024/ --tahun 2025 -o workbook-2025/
    """
    lang = lang_of(ctx)
    chosen = [n for n, v in (("--data", data), ("--from", previous), ("--batch", batch)) if v]
    if len(chosen) > 1:
        joiner = f" {line('and', lang)} "
        raise click.UsageError(line("usage.together", lang, options=joiner.join(chosen)))
    if batch is not None:
        ctx.exit(_batch(lang, batch, tahun, template, jobs, output, force))
        return
    if data is None and tahun is None and previous is None:
        raise click.UsageError(line("usage.new_source", lang))
    from lkjip_xl.planning.build import write_agency_workbook
    from lkjip_xl.planning.templates import load_template

    tpl = load_template(template)
    settings = False
    if previous is not None:
        from lkjip_xl.core.findings import Finding
        from lkjip_xl.planning.carry import carry_notes, carry_over, load_previous

        notes_sink: list[Finding] = []
        last = load_previous(previous, notes_sink.append)
        for f in notes_sink:
            where = f"{f.location}: " if f.location else ""
            click.echo(f"{level(f.severity, lang)}: {where}{f.message(lang)}", err=True)
        dok = carry_over(last, tahun)
        for note_id, note_en in carry_notes(last, dok):
            click.echo(f"{level('info', lang)}: {pick((note_id, note_en), lang)}", err=True)
    elif data is not None:
        from lkjip_xl.dataformat import load

        notes: list[tuple[str, str]] = []
        dok = load(data, notes=notes)
        for note_id, note_en in notes:  # values that read two ways, e.g. 66.500
            click.echo(f"{level('warning', lang)}: {data.name}: "
                       f"{pick((note_id, note_en), lang)}", err=True)
        if tahun is not None:
            dok.tahun = tahun
    else:
        from lkjip_xl.workbook.generate import empty_dokumen

        assert tahun is not None
        dok = empty_dokumen(tahun, instansi)
        settings = True
    if instansi:
        dok.instansi.nama = instansi
    dok = tpl.apply(dok, settings=settings)
    if kertas:
        dok.pengaturan.kertas = kertas
    inputs = tuple(x for x in (data, previous) if x is not None)
    write_agency_workbook(dok, output, tpl, force=force, inputs=inputs)
    click.echo(line("written", lang, path=output))


def _batch(lang: str, source: Path, tahun: int | None, template: str | None, jobs: int | None,
           output: Path, force: bool) -> int:
    from lkjip_xl.planning.batch_new import new_many
    from lkjip_xl.planning.roster import load_roster
    from lkjip_xl.planning.templates import load_template

    tpl = load_template(template)
    entries = load_roster(source)
    results = new_many(entries, output, tahun=tahun, template=tpl, force=force, jobs=jobs,
                       label=line("progress.writing", lang))
    failed = 0
    for r in results:
        if r.ok:
            for note_id, note_en in r.notes:
                click.echo(f"{level('info', lang)}: {r.where}: "
                           f"{pick((note_id, note_en), lang)}", err=True)
        else:
            failed += 1
            click.echo(f"{level('error', lang)}: {r.where}: "
                       f"{pick((r.error_id or '', r.error_en or ''), lang)}", err=True)
    ok = len(results) - failed
    click.echo(line("written.batch", lang, ok=ok, path=output, failed=failed))
    return max((r.exit_code for r in results), default=0)
