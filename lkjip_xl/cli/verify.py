"""`lkjip-xl verify`: the auditor's command. Parses, calls `verify()`, renders, exits."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from lkjip_xl.catalogue.lines import level, line
from lkjip_xl.cli import lang_of


@click.command("verify")
@click.argument("workbooks", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json", "csv"]), default="text",
              show_default=True, help="Format laporan (csv: ringkasan banyak berkas) / report format.")
@click.option("--jobs", "-j", type=click.IntRange(1, 256),
              help="Banyak berkas / folder: jumlah proses (bawaan: semua inti) / worker processes.")
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False, path_type=Path),
              help="Banyak berkas: tulis ringkasan ke file / several files: write the summary.")
@click.option("--annotate", type=click.Path(dir_okay=False, path_type=Path),
              help="Tulis salinan bertanda temuan / write an annotated copy (.xlsx).")
@click.option("--strict", is_flag=True,
              help="Peringatan juga gagal (exit 1) / warnings fail too.")
@click.option("--engine", type=click.Choice(["libreoffice", "formulas"]),
              help="Pendapat kedua dari mesin lain / second opinion from another engine.")
@click.option("--triwulan", type=click.IntRange(1, 4),
              help="Triwulan terakhir yang dilaporkan (laporan tengah tahun; bawaan: IV, atau "
                   "triwulan hasil measure): triwulan sesudahnya belum wajib diisi / the last "
                   "quarter reported (default IV, or the one measured); later ones not due yet.")
@click.option("--lang", "lang_opt", type=click.Choice(["id", "en"], case_sensitive=False),
              help="Bahasa pesan (menimpa opsi global) / language (overrides the global option).")
@click.option("--force", is_flag=True, help="Timpa file --annotate / overwrite the --annotate file.")
@click.pass_context
def command(ctx: click.Context, workbooks: tuple[Path, ...], fmt: str, jobs: int | None,
            output: Path | None, annotate: Path | None, strict: bool, engine: str | None,
            triwulan: int | None, lang_opt: str | None, force: bool) -> None:
    """Periksa setiap rumus dan isian WORKBOOK; file masukan tidak pernah diubah.

    Verify every formula and input of WORKBOOK; the input file is never changed.
    Exit: 0 tanpa galat / no errors, 1 ada galat / errors (or warnings with --strict),
    2 penggunaan / usage, 3 tidak terbaca / unreadable.

    \b
    Contoh / examples:
      lkjip-xl verify lkjip-2019.xlsx
      lkjip-xl verify lkjip-2019.xlsx --format json
      lkjip-xl verify lkjip-2019.xlsx --annotate lkjip-2019-temuan.xlsx --strict
      lkjip-xl verify lkjip-2025-tw2.xlsx --triwulan 2
      lkjip-xl verify masuk-2025/ --jobs 2 --format csv -o ringkasan.csv
    """
    from lkjip_xl.verify import verify
    from lkjip_xl.verify.render import render_text, summary_line

    lang = (lang_opt or lang_of(ctx)).lower()
    if len(workbooks) > 1 or workbooks[0].is_dir() or fmt == "csv":  # a batch (planning unit)
        if annotate is not None or engine is not None:
            raise click.UsageError(line("usage.single_file", lang))
        ctx.exit(_batch(workbooks, jobs=jobs, fmt=fmt, output=output, lang=lang,
                        strict=strict, force=force, triwulan=triwulan))
        return
    workbook = workbooks[0]
    # a missing file is an unreadable input like any other (exit 3, TIDAK TERBACA), as in
    # measure, export and rekap
    report = verify(workbook, lang=lang, engine=engine, strict=strict, triwulan=triwulan)
    if fmt == "json":
        sys.stdout.write(json.dumps(report.to_dict(lang), ensure_ascii=False, indent=2) + "\n")
    elif report.fatal:
        # the reason once, on stderr (what a script sees with stdout redirected); the verdict
        # line on stdout
        click.echo(summary_line(report, lang, strict))
    else:
        click.echo(render_text(report, lang, strict), nl=False)
    if report.fatal and report.findings:
        click.echo(f"{level('error', lang)}: {report.findings[0].message(lang)}", err=True)
    if annotate is not None and not report.fatal:
        from lkjip_xl.verify.annotate import annotate_copy

        annotate_copy(workbook, report, annotate, lang=lang, force=force)
        click.echo(line("written", lang, path=annotate), err=True)
    ctx.exit(report.exit_code(strict))


def _batch(paths: tuple[Path, ...], *, jobs: int | None, fmt: str, output: Path | None,
           lang: str, strict: bool, force: bool, triwulan: int | None) -> int:
    """`verify A.xlsx B.xlsx ...` / `verify FOLDER`: every file checked in worker processes, one
    summary printed (or written to `output`); returns the exit code of the worst verdict."""
    from lkjip_xl.planning.batch import batch_exit_code, collect_paths, verify_many
    from lkjip_xl.planning.summary import render_summary
    from lkjip_xl.xlsx.atomic import write_atomic

    files = collect_paths(paths)
    results = verify_many(files, jobs, label=line("progress.checking", lang), triwulan=triwulan)
    text = render_summary(results, fmt, lang)
    if output is None:
        click.echo(text, nl=not text.endswith("\n"))
    else:

        def write(tmp: str) -> None:
            Path(tmp).write_text(text, encoding="utf-8", newline="")

        write_atomic(output, write, inputs=files, force=force)
        click.echo(line("written", lang, path=output), err=True)
    return batch_exit_code(results, strict)
